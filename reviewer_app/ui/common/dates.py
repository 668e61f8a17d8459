"""How the desk shows dates and times: YYYY/MM/DD, or with the ROC year (民國) when the reviewer prefers.

Every date on screen goes through a :class:`DateStyle`, so switching the preference changes them all.
Times are shown in the facility's time zone (Asia/Taipei), whatever the workstation's clock says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reviewer_app.core.timeutil import local

#: The ROC calendar counts years from 1912 (民國元年): 2025 is 民國 114.
ROC_OFFSET = 1911

#: A date as the portal writes it (core.formats.date_text) inside a stored text: 2026/12/02.
_PORTAL_DATE = re.compile(r"(?<![\d/])(\d{4})/(\d{2})/(\d{2})(?![\d/])")


@dataclass(frozen=True)
class DateStyle:
    """``roc``: years as 民國 (114/03/10) instead of the Western calendar (2025/03/10)."""

    roc: bool = False

    def year(self, year: int) -> str:
        if self.roc:
            roc_year = year - ROC_OFFSET
            # Before 民國元年 there is no ROC year: keep the Western one rather than show 0 or less.
            return f"{roc_year:03d}" if roc_year > 0 else f"{year:04d}"
        return f"{year:04d}"

    def date(self, day: dt.date) -> str:
        """2025/03/10, or 114/03/10 with ROC years."""
        if isinstance(day, dt.datetime):
            day = local(day).date()
        return f"{self.year(day.year)}/{day.month:02d}/{day.day:02d}"

    def datetime(self, moment: dt.datetime) -> str:
        """2025/03/10 09:05 in Taipei time (an aware moment), or 114/03/10 09:05."""
        moment = local(moment)
        return f"{self.date(moment.date())} {moment:%H:%M}"

    def time(self, moment: dt.datetime) -> str:
        return f"{local(moment):%H:%M}"

    def in_text(self, text: str) -> str:
        """A stored text written for the family (a hold reason: "暫停至 2026/12/01（含）") with its dates
        shown in this style, so the desk never shows 115/12/01 beside 2026/12/01."""
        if not self.roc:
            return text

        def restyled(found: re.Match[str]) -> str:
            try:
                return self.date(dt.date(*(int(part) for part in found.groups())))
            except ValueError:  # not a date after all (2026/13/45)
                return found.group(0)

        return _PORTAL_DATE.sub(restyled, text)

    def iso_date(self, value: str | None) -> str:
        """A date or datetime stored as ISO text (snapshots), as shown on screen; '' for None."""
        if not value:
            return ""
        parsed = dt.datetime.fromisoformat(value)
        if "T" in value or " " in value:
            return self.date(local(parsed).date()) if parsed.tzinfo else self.date(parsed.date())
        return self.date(parsed.date())

    def iso_datetime(self, value: str | None) -> str:
        if not value:
            return ""
        parsed = dt.datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            return f"{self.date(parsed.date())} {parsed:%H:%M}"
        return self.datetime(parsed)


#: A date as the office types it: 民國 115/12/07, 115年12月7日, 115.12.07, 2026/12/07, 2026-12-07.
_TYPED_DATE = re.compile(r"\s*(?:民國)?\s*(\d{1,4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?\s*")


def parse_date(text: str) -> dt.date | None:
    """The date typed in ``text``, or None. A year of four digits is Western; of one to three, ROC
    (民國): 115/12/07 is 2026/12/07, whichever style the desk shows."""
    found = _TYPED_DATE.fullmatch(text)
    if found is None:
        return None
    year_text, month, day = found.groups()
    year = int(year_text) + (ROC_OFFSET if len(year_text) < 4 else 0)
    if year <= ROC_OFFSET and len(year_text) < 4:
        return None  # 民國 0 is no year
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None
