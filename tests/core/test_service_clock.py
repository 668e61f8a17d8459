"""The service clock: the day a decision is due, counted in working days of Taipei."""

from __future__ import annotations

from datetime import UTC, date, datetime

from reviewer_app.core.service_clock import WorkingCalendar, decided_within_target, due_date, is_overdue
from reviewer_app.core.timeutil import FACILITY_TZ

# 2026: 02-16..02-20 Lunar New Year (Mon..Fri), 02-27 Fri a bridge holiday; 2025-02-08 Sat a 補班 day.
LUNAR_NEW_YEAR_2026 = frozenset(date(2026, 2, d) for d in (16, 17, 18, 19, 20, 27))
CAL = WorkingCalendar(closed=LUNAR_NEW_YEAR_2026 | {date(2025, 1, 27)}, working={date(2025, 2, 8)})


def taipei(y: int, m: int, d: int, hh: int, mm: int) -> datetime:
    """A Taipei wall-clock time as the UTC instant the database stores (Taipei is UTC+8, no DST)."""
    return datetime(y, m, d, hh, mm, tzinfo=FACILITY_TZ).astimezone(UTC)


def test_three_working_days_after_the_day_of_submission() -> None:
    # Monday 2026-03-02 10:00 → Tue, Wed, Thu: due Thursday.
    assert due_date(taipei(2026, 3, 2, 10, 0), 3, CAL) == date(2026, 3, 5)


def test_a_weekend_does_not_count() -> None:
    # Thursday 2026-03-05 → Fri, Mon, Tue.
    assert due_date(taipei(2026, 3, 5, 9, 0), 3, CAL) == date(2026, 3, 10)
    # Saturday: the weekend days themselves are not working days either.
    assert due_date(taipei(2026, 3, 7, 9, 0), 1, CAL) == date(2026, 3, 9)


def test_public_holidays_do_not_count() -> None:
    # Friday 2026-02-13 before Lunar New Year: the week 02-16..20 is closed → Mon 23, Tue 24, Wed 25.
    assert due_date(taipei(2026, 2, 13, 15, 0), 3, CAL) == date(2026, 2, 25)
    # 02-27 (a bridge holiday) is skipped too: Wed 25 → Thu 26, Mon 03-02.
    assert due_date(taipei(2026, 2, 25, 15, 0), 2, CAL) == date(2026, 3, 2)


def test_a_make_up_saturday_counts() -> None:
    # Friday 2025-02-07 → Sat 02-08 is a 補班 working day.
    assert due_date(taipei(2025, 2, 7, 12, 0), 1, CAL) == date(2025, 2, 8)
    assert CAL.is_working_day(date(2025, 2, 8))
    assert not CAL.is_working_day(date(2025, 2, 15))


def test_taipei_midnight_decides_the_day_of_submission() -> None:
    # 23:59 Monday in Taipei is 15:59 UTC Monday; 00:01 Tuesday in Taipei is still Monday in UTC.
    before = taipei(2026, 3, 2, 23, 59)
    after = taipei(2026, 3, 3, 0, 1)
    assert before.date() == after.date() == date(2026, 3, 2)  # the same UTC day
    assert due_date(before, 3, CAL) == date(2026, 3, 5)
    assert due_date(after, 3, CAL) == date(2026, 3, 6)


def test_overdue_from_the_first_taipei_minute_after_the_due_day() -> None:
    submitted = taipei(2026, 3, 2, 10, 0)  # due Thursday 03-05
    assert not is_overdue(submitted, 3, CAL, now=taipei(2026, 3, 5, 23, 59))
    assert is_overdue(submitted, 3, CAL, now=taipei(2026, 3, 6, 0, 0))


def test_decided_within_target_by_the_taipei_day_of_the_decision() -> None:
    submitted = taipei(2026, 3, 2, 10, 0)
    assert decided_within_target(submitted, taipei(2026, 3, 5, 23, 59), 3, CAL)
    assert not decided_within_target(submitted, taipei(2026, 3, 6, 0, 1), 3, CAL)


def test_a_target_of_zero_days_means_the_same_day() -> None:
    assert due_date(taipei(2026, 3, 2, 10, 0), 0, CAL) == date(2026, 3, 2)


def test_the_late_line_agrees_with_each_items_due_day() -> None:
    """The pull counts overdue items with one bound on submission time instead of judging every
    undecided item: for every submission around weekends, holidays and Taipei midnights, and every
    target, the bound says what the item's own due day says."""
    from datetime import timedelta

    from reviewer_app.core.service_clock import late_before

    now = datetime(2026, 3, 2, 9, 0, tzinfo=FACILITY_TZ)  # the Monday after 春節 and the 2/27 bridge day
    for target in (0, 1, 3, 5):
        line = late_before(target, CAL, now)
        moment = now - timedelta(days=25)
        while moment < now:
            assert (moment < line) == is_overdue(moment, target, CAL, now), (target, moment)
            moment += timedelta(minutes=47)
