"""Calendar arithmetic the programme needs ("suspended for 1 month")."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo


def add_months(moment: datetime, months: int) -> datetime:
    """Same day-of-month `months` later, clamped to the month's last day (Jan 31 + 1 = Feb 28/29)."""
    month_index = moment.month - 1 + months
    year = moment.year + month_index // 12
    month = month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


# Facilities are in Taiwan: "today" for age, restriction and 30-day rules is Taipei's date.
FACILITY_TZ = ZoneInfo("Asia/Taipei")


def local(moment: datetime) -> datetime:
    return moment.astimezone(FACILITY_TZ)


def last_full_day(ends_at: datetime) -> date:
    """The last day (Taipei) wholly inside a period that ends at ``ends_at``: a suspension that ends at
    00:30 on 04/30 is said to last through 04/29, never "until 04/30" (which reads as the whole day)."""
    return local(ends_at).date() - timedelta(days=1)
