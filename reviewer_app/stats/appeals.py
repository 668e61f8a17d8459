"""Appeals (申覆) in a month's statistics: received in the month, and decided in it, upheld or
overturned; one SQL round trip of counts, on either database."""

from __future__ import annotations

from sqlalchemy import Connection, select

from reviewer_app.shared_db.models import Appeal
from reviewer_app.stats.aggregates import _count_where, _in_month, facility_is
from reviewer_app.stats.months import Month
from reviewer_app.stats.results import AppealCounts


def appeal_counts(conn: Connection, month: Month, facility_id: int | None) -> AppealCounts:
    here = facility_is(Appeal.facility_id, facility_id)
    decided = _in_month(Appeal.decided_at, month)
    received, upheld, overturned = conn.execute(
        select(
            _count_where(_in_month(Appeal.submitted_at, month), here),
            _count_where(decided, here, Appeal.outcome == "upheld"),
            _count_where(decided, here, Appeal.outcome == "overturned"),
        )
    ).one()
    return AppealCounts(int(received), int(upheld), int(overturned))
