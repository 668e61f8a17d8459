"""Taiwan's public holidays and 補班 Saturdays from the maintained ``holidays`` package, as rows of
``public_holidays`` (migration 0013 fills the years it knows; IT may refresh later years)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import holidays

#: The years the migration fills: the package computes lunar holidays ahead, and knows the announced
#: 補班 Saturdays of the years the government has published.
FIRST_YEAR, LAST_YEAR = 2020, 2035


def taiwan_days(years: Iterable[int]) -> list[dict[str, object]]:
    """{day, name, working} for every day off and every 補班 working Saturday of ``years``."""
    tw = holidays.country_holidays("TW", years=list(years))
    rows: dict[date, dict[str, object]] = {}
    for day, name in sorted(tw.items()):
        rows[day] = {"day": day, "name": str(name)[:100], "working": False}
    for day in sorted(getattr(tw, "weekend_workdays", ())):
        rows[day] = {"day": day, "name": "補行上班", "working": True}
    return [rows[d] for d in sorted(rows)]
