"""The service clock for the supervisor (issue #21 item 5): the facility's items past the target to
decide, the target itself (working days), and the facility's own calendar of days off and extra
working days on top of Taiwan's public holidays. Changes are audited in the same transaction; like
every supervisor tool, only the actor's facility, off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, require
from reviewer_app.core.service_clock import WorkingCalendar
from reviewer_app.core.timeutil import local
from reviewer_app.shared_db import service_clock
from reviewer_app.shared_db.models import Applicant, Facility, FacilityDay, Post, ServiceApplication
from reviewer_app.supervision.common import SupervisorError, record_event

MAX_TARGET_DAYS = 30


@dataclass(frozen=True)
class OverdueItem:
    kind: str
    item_id: int
    family_name: str
    status: str
    submitted_at: datetime
    due_on: date
    #: working days past the due day, today included
    working_days_late: int
    #: who holds it now (a running claim), None when it waits in the queue
    claimed_by: str | None


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    working: bool
    note: str
    set_by: str


@dataclass(frozen=True)
class ClockSetup:
    target_working_days: int
    entries: tuple[CalendarEntry, ...]


def _late(due: date, today: date, calendar: WorkingCalendar) -> int:
    day, late = due, 0
    while day < today:
        day += timedelta(days=1)
        late += calendar.is_working_day(day)
    return late


def overdue_items(engine: Engine, actor: Actor, now: datetime) -> list[OverdueItem]:
    """The facility's undecided items whose due day has ended in Taipei, the oldest first."""
    require(actor, "service_clock")
    with Session(engine) as s:
        waiting = service_clock.overdue(s, actor.facility_id, now)
        calendar = service_clock.working_calendar(s, actor.facility_id)
        names = _family_names(s, waiting)
    today = local(now).date()
    return [
        OverdueItem(
            w.kind,
            w.item_id,
            names.get((w.kind, w.item_id), ""),
            w.status,
            w.submitted_at,
            w.due_on,
            _late(w.due_on, today, calendar),
            w.claimed_by if w.claim_expires_at is not None and w.claim_expires_at >= now else None,
        )
        for w in waiting
    ]


def _family_names(s: Session, waiting: list[service_clock.Waiting]) -> dict[tuple[str, int], str]:
    apps = [w.item_id for w in waiting if w.kind == "application"]
    posts = [w.item_id for w in waiting if w.kind == "post"]
    names: dict[tuple[str, int], str] = {}
    if apps:
        q = (
            select(ServiceApplication.id, Applicant.name)
            .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
            .where(ServiceApplication.id.in_(apps))
        )
        names.update((("application", i), n) for i, n in s.execute(q))
    if posts:
        q = (
            select(Post.id, Applicant.name)
            .join(ServiceApplication, ServiceApplication.id == Post.service_id)
            .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
            .where(Post.id.in_(posts))
        )
        names.update((("post", i), n) for i, n in s.execute(q))
    return names


def clock_setup(engine: Engine, actor: Actor) -> ClockSetup:
    require(actor, "service_clock")
    with Session(engine) as s:
        target = service_clock.target_working_days(s, actor.facility_id)
        rows = s.scalars(
            select(FacilityDay).where(FacilityDay.facility_id == actor.facility_id).order_by(FacilityDay.day)
        )
        entries = tuple(CalendarEntry(r.day, r.working, r.note, r.set_by) for r in rows)
    return ClockSetup(target, entries)


def set_target(engine: Engine, actor: Actor, days: int, now: datetime) -> int:
    """The facility's target in working days (0 to 30)."""
    require(actor, "service_clock")
    if not 0 <= days <= MAX_TARGET_DAYS:
        raise SupervisorError(f"審核期限請填 0 到 {MAX_TARGET_DAYS} 個工作天")
    with Session(engine) as s, s.begin():
        before = service_clock.target_working_days(s, actor.facility_id)
        s.execute(
            update(Facility).where(Facility.id == actor.facility_id).values(review_target_working_days=days)
        )
        record_event(s, actor, "service_target", now, detail={"from": before, "to": days})
    return days


def set_day(
    engine: Engine, actor: Actor, day: date, working: bool, note: str, now: datetime
) -> CalendarEntry:
    """A day off (a typhoon day, the facility closed) or an extra working day of the facility; an
    entry for the day already there is changed, never deleted."""
    require(actor, "service_clock")
    note = note.strip()
    if not note or len(note) > 100:
        raise SupervisorError("請填寫說明（100 字以內），例如「颱風停班」")
    with Session(engine) as s, s.begin():
        entry = s.scalar(
            select(FacilityDay).where(FacilityDay.facility_id == actor.facility_id, FacilityDay.day == day)
        )
        if entry is None:
            entry = FacilityDay(facility_id=actor.facility_id, day=day)
            s.add(entry)
        entry.working, entry.note, entry.set_by, entry.set_at = working, note, actor.username, now
        record_event(
            s, actor, "calendar_day", now, detail={"day": day.isoformat(), "working": working, "note": note}
        )
    return CalendarEntry(day, working, note, actor.username)
