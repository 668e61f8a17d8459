"""Taipei calendar months, as the programme counts them ("2026-03" runs from 1 March 00:00 Taipei)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from reviewer_app.core.timeutil import FACILITY_TZ

_MONTH_TEXT = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"月份須在 1 到 12 之間，不是 {self.month}")
        if not 1970 <= self.year <= 9998:
            raise ValueError(f"年份 {self.year} 超出範圍")

    @classmethod
    def parse(cls, text: str) -> Month:
        """ "2026-03" → Month(2026, 3); anything else is a ValueError with a message for the user."""
        match = _MONTH_TEXT.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"月份格式應為 YYYY-MM（例如 2026-03），收到的是 {text!r}")
        try:
            return cls(int(match.group(1)), int(match.group(2)))
        except ValueError as exc:
            raise ValueError(f"月份 {text!r} 不存在：{exc}") from None

    @classmethod
    def of(cls, moment: datetime) -> Month:
        """The Taipei month an aware moment falls in."""
        if moment.tzinfo is None:
            raise ValueError("naive datetime")
        here = moment.astimezone(FACILITY_TZ)
        return cls(here.year, here.month)

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def start(self) -> datetime:
        """First instant of the month (Taipei midnight on the 1st), in UTC."""
        return datetime(self.year, self.month, 1, tzinfo=FACILITY_TZ).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """First instant of the next month, in UTC (the range is start <= t < end)."""
        return self.shift(1).start

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """zh-TW: 2026 年 3 月."""
        return f"{self.year} 年 {self.month} 月"
