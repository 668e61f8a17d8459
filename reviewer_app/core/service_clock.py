"""The service clock: by which Taipei day a facility owes the family a decision (issue #21 item 5).

A facility sets a target in working days. Working days are Monday to Friday in Taipei, less Taiwan's
public holidays, plus the Saturdays worked in their stead (補班), with the facility's own closures and
extra working days on top (the supervisor's table). The day of submission never counts: an item sent
at 23:59 on Monday in Taipei is due three working days after Monday, one sent at 00:01 on Tuesday
three after Tuesday, although both are Monday in UTC. The same counting runs in the database for the
portal (migration 0013, ``reviewdesk_expected_decision``); tests/shared_db/test_service_clock_sql.py
checks the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from reviewer_app.core.timeutil import FACILITY_TZ, local

#: Far enough for any target a facility may set (the setting allows at most 30 working days).
_HORIZON_DAYS = 400


@dataclass(frozen=True)
class WorkingCalendar:
    """Days off and days worked that differ from Monday–Friday: public holidays, 補班 Saturdays and the
    facility's own entries (already merged: the facility's entry wins over the public one)."""

    closed: frozenset[date] = field(default_factory=frozenset)
    working: frozenset[date] = field(default_factory=frozenset)

    def is_working_day(self, day: date) -> bool:
        if day in self.working:
            return True
        if day in self.closed:
            return False
        return day.weekday() < 5


def due_date(submitted_at: datetime, target_working_days: int, calendar: WorkingCalendar) -> date:
    """The Taipei day by whose end the decision is due: the target-th working day after the day of
    submission (the day itself for a target of 0)."""
    day = local(submitted_at).date()
    left = target_working_days
    for _ in range(_HORIZON_DAYS):
        if left <= 0:
            return day
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            left -= 1
    return day


def is_overdue(
    submitted_at: datetime, target_working_days: int, calendar: WorkingCalendar, now: datetime
) -> bool:
    """Past the target: the due day has ended in Taipei."""
    return local(now).date() > due_date(submitted_at, target_working_days, calendar)


def late_before(target_working_days: int, calendar: WorkingCalendar, now: datetime) -> datetime:
    """The instant before which a submission is past the target now. The due day only grows with the
    Taipei day of submission, so one bound serves every item: the pull counts overdue items with it in
    SQL instead of judging each undecided item of the facility."""
    today = local(now).date()
    day = today
    for _ in range(_HORIZON_DAYS):
        if due_date(datetime.combine(day, time(12), FACILITY_TZ), target_working_days, calendar) < today:
            break
        day -= timedelta(days=1)
    return datetime.combine(day + timedelta(days=1), time(0), FACILITY_TZ)


@dataclass(frozen=True)
class OverdueLine:
    """A facility's service clock at one moment: what was submitted before ``late_before`` is past
    the target of ``target_working_days`` (the desk's count and its queue's red cells)."""

    late_before: datetime
    target_working_days: int

    def is_late(self, submitted_at: datetime) -> bool:
        return submitted_at < self.late_before


def decided_within_target(
    submitted_at: datetime, decided_at: datetime, target_working_days: int, calendar: WorkingCalendar
) -> bool:
    return local(decided_at).date() <= due_date(submitted_at, target_working_days, calendar)
