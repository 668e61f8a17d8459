"""The service clock's inputs as the shared database has them: a facility's target and its calendar
(public holidays and 補班 Saturdays, then the facility's own entries, which win)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.core.service_clock import OverdueLine, WorkingCalendar, due_date, late_before
from reviewer_app.core.timeutil import local
from reviewer_app.core.vocabulary import DECIDABLE_STATUSES
from reviewer_app.shared_db.models import Facility, FacilityDay, Post, PublicHoliday, ServiceApplication


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


@dataclass(frozen=True)
class Waiting:
    """An undecided item of the facility and the Taipei day its decision is due."""

    kind: str
    item_id: int
    status: str
    submitted_at: datetime
    due_on: date
    claimed_by: str | None
    claim_expires_at: datetime | None


def overdue(s: Session, facility_id: int, now: datetime) -> list[Waiting]:
    """The facility's undecided items whose due day has ended in Taipei, the oldest first."""
    calendar = working_calendar(s, facility_id)
    target = target_working_days(s, facility_id)
    today = local(now).date()
    line = late_before(target, calendar, now)
    late: list[Waiting] = []
    for kind, model in (("application", ServiceApplication), ("post", Post)):
        rows = s.execute(
            select(
                model.id, model.status, model.submitted_at, model.claimed_by, model.claim_expires_at
            ).where(*_late(model, facility_id, line))
        )
        for item_id, status, submitted_at, claimed_by, expires in rows:
            due = due_date(submitted_at, target, calendar)
            if today > due:
                late.append(Waiting(kind, item_id, status, submitted_at, due, claimed_by, expires))
    return sorted(late, key=lambda w: (w.submitted_at, w.kind, w.item_id))


def overdue_line(s: Session, facility_id: int, now: datetime) -> OverdueLine:
    target = target_working_days(s, facility_id)
    return OverdueLine(late_before(target, working_calendar(s, facility_id), now), target)


def overdue_count(s: Session, facility_id: int, now: datetime, line: OverdueLine | None = None) -> int:
    """How many of the facility's undecided items are past the target (the desk's status bar, at
    each pull): two counts in SQL, not every undecided item read and judged."""
    bound = (line or overdue_line(s, facility_id, now)).late_before
    return sum(
        s.scalar(select(func.count()).select_from(model).where(*_late(model, facility_id, bound))) or 0
        for model in (ServiceApplication, Post)
    )


def _late(model: type[ServiceApplication] | type[Post], facility_id: int, line: datetime) -> tuple[Any, ...]:
    return (model.facility_id == facility_id, model.status.in_(DECIDABLE_STATUSES), model.submitted_at < line)
