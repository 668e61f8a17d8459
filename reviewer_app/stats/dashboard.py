"""What the statistics screen shows, read in one go: a month's figures and the trend up to it.

The screen (reviewer_app/ui/stats/view.py) calls :func:`load_statistics` on a worker and only draws what
comes back; the reading itself (one connection for both queries) lives here, beside the queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from reviewer_app.stats.months import Month
from reviewer_app.stats.queries import MonthStatistics, MonthTrend, month_statistics, month_trend

#: Months of the trend chart, the chosen month the last of them.
TREND_MONTHS = 12


@dataclass(frozen=True)
class StatisticsData:
    stats: MonthStatistics
    trend: tuple[MonthTrend, ...]


def load_statistics(
    engine: Engine, month: Month, facility_id: int | None, as_of: datetime, trend_months: int = TREND_MONTHS
) -> StatisticsData:
    """The month's figures and the trend up to it (call it off the GUI thread)."""
    with engine.connect() as conn:
        return StatisticsData(
            month_statistics(conn, month, facility_id, as_of),
            month_trend(conn, month, trend_months, facility_id),
        )
