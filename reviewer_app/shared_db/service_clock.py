"""The service clock's inputs as the shared database has them: a facility's target and its calendar
(public holidays and 補班 Saturdays, then the facility's own entries, which win)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.service_clock import WorkingCalendar
from reviewer_app.shared_db.models import Facility, FacilityDay, PublicHoliday


def working_calendar(s: Session, facility_id: int) -> WorkingCalendar:
    days = {day: working for day, working in s.execute(select(PublicHoliday.day, PublicHoliday.working))}
    mine = select(FacilityDay.day, FacilityDay.working).where(FacilityDay.facility_id == facility_id)
    days.update((day, working) for day, working in s.execute(mine))
    return WorkingCalendar(
        closed=frozenset(d for d, working in days.items() if not working),
        working=frozenset(d for d, working in days.items() if working),
    )


def target_working_days(s: Session, facility_id: int) -> int:
    target = s.scalar(select(Facility.review_target_working_days).where(Facility.id == facility_id))
    return 3 if target is None else target
