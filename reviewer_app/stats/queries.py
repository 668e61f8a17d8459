"""A month's programme figures, computed by the shared database with SQL aggregates.

Every figure is an aggregate the database computes (COUNT, GROUP BY, percentiles); Python only receives
the handful of aggregated rows, never the items themselves. The same queries run on SQLite and on
PostgreSQL; where the two differ (JSON arrays, elapsed time, percentiles) the dialect-specific piece is
a small function in :mod:`reviewer_app.stats.aggregates`.

How the month is counted (Taipei calendar months, ``month.start <= t < month.end``):

- received: items whose ``submitted_at`` falls in the month;
- approved / rejected / rejections by reason / per reviewer: decisions whose ``decided_at`` falls in
  the month (an item decided again after a resubmission counts once per decision);
- strikes and suspensions: recorded (``created_at`` / ``starts_at``) in the month; dismissed strikes
  and lifted suspensions by ``dismissed_at`` / ``lifted_at``;
- printed and handed over: see :func:`print_handover_source`;
- time from submission to decision: over the month's decisions, ``decided_at - submitted_at``;
- backlog: items pending or held at ``as_of`` ("today"), by how long they have waited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, String, case, func, literal, select, union_all
from sqlalchemy.sql.elements import ColumnElement

from reviewer_app.core.formats import policy_words
from reviewer_app.core.policy import Policy
from reviewer_app.core.reasons import fill
from reviewer_app.shared_db.models import Decision, Facility, Post, RejectionReason, ServiceApplication
from reviewer_app.stats.aggregates import (
    backlog_query,
    counts_query,
    decisions_query,
    durations_subquery,
    facility_is,
    percentiles_query,
    print_handover_source,
    reasons_query,
)
from reviewer_app.stats.appeals import appeal_counts
from reviewer_app.stats.months import Month
from reviewer_app.stats.results import (
    BACKLOG_BOUNDS,
    NO_DURATIONS,
    BacklogBucket,
    Durations,
    FacilityRef,
    ItemCounts,
    MonthStatistics,
    MonthTrend,
    ReasonCount,
    ReviewerFigures,
)
from reviewer_app.stats.service_target import service_target

__all__ = [
    "BACKLOG_BOUNDS",
    "NO_DURATIONS",
    "BacklogBucket",
    "Durations",
    "FacilityRef",
    "ItemCounts",
    "MonthStatistics",
    "MonthTrend",
    "ReasonCount",
    "ReviewerFigures",
    "facilities",
    "facility_by_code",
    "month_statistics",
    "month_trend",
]


@contextmanager
def _connection(db: Engine | Connection) -> Iterator[Connection]:
    if isinstance(db, Connection):
        yield db
    else:
        with db.connect() as conn:
            yield conn


def facilities(db: Engine | Connection) -> tuple[FacilityRef, ...]:
    with _connection(db) as conn:
        rows = conn.execute(select(Facility.id, Facility.code, Facility.name).order_by(Facility.code))
        return tuple(FacilityRef(*row) for row in rows)


def facility_by_code(db: Engine | Connection, code: str) -> FacilityRef | None:
    with _connection(db) as conn:
        row = conn.execute(
            select(Facility.id, Facility.code, Facility.name).where(Facility.code == code)
        ).first()
        return FacilityRef(*row) if row is not None else None


def _facility_ref(conn: Connection, facility_id: int | None) -> FacilityRef | None:
    if facility_id is None:
        return None
    row = conn.execute(
        select(Facility.id, Facility.code, Facility.name).where(Facility.id == facility_id)
    ).first()
    if row is None:
        raise LookupError(f"no facility with id {facility_id}")
    return FacilityRef(*row)


def month_statistics(
    db: Engine | Connection, month: Month, facility_id: int | None = None, as_of: datetime | None = None
) -> MonthStatistics:
    """Every figure of `month` for one facility (or all facilities when `facility_id` is None)."""
    as_of = (as_of or datetime.now(UTC)).astimezone(UTC)
    with _connection(db) as conn:
        dialect = conn.dialect.name
        facility = _facility_ref(conn, facility_id)
        counts = conn.execute(counts_query(month, facility_id)).one()._mapping
        decisions = conn.execute(decisions_query(month, facility_id)).all()
        reasons = conn.execute(reasons_query(dialect, month, facility_id)).all()
        catalogue = _catalogue(conn, facility_id)
        durations_of_month = durations_subquery(dialect, month, facility_id)
        times = conn.execute(percentiles_query(dialect, durations_of_month)).all()
        backlog = conn.execute(backlog_query(as_of, facility_id)).all()
        appeals = appeal_counts(conn, month, facility_id)
        against_target = service_target(conn, month, facility_id)

    by_kind_outcome: dict[tuple[str, str], int] = defaultdict(int)
    per_reviewer: dict[str, list[Any]] = {}
    for kind, outcome, username, display_name, count in decisions:
        by_kind_outcome[(kind, outcome)] += count
        entry = per_reviewer.setdefault(username, [display_name or username, 0, 0])
        entry[1] += count
        if outcome == "reject":
            entry[2] += count
    reviewers = tuple(
        sorted(
            (
                ReviewerFigures(username, name, n, rejected)
                for username, (name, n, rejected) in per_reviewer.items()
            ),
            key=lambda r: (-r.decisions, r.username),
        )
    )

    durations = {kind: Durations(int(n), _float(median), _float(p90)) for kind, n, median, p90 in times}
    waiting: dict[tuple[str, int], int] = {(kind, int(bucket)): count for kind, bucket, count in backlog}
    return MonthStatistics(
        month=month,
        facility=facility,
        as_of=as_of,
        applications=ItemCounts(
            counts["applications_received"],
            by_kind_outcome[("application", "approve")],
            by_kind_outcome[("application", "reject")],
        ),
        posts=ItemCounts(
            counts["posts_received"],
            by_kind_outcome[("post", "approve")],
            by_kind_outcome[("post", "reject")],
        ),
        rejections_by_reason=_reason_counts(reasons, catalogue),
        strikes=counts["strikes"],
        strikes_dismissed=counts["strikes_dismissed"],
        suspensions=counts["suspensions"],
        suspensions_lifted=counts["suspensions_lifted"],
        posts_printed=counts["posts_printed"],
        posts_handed_over=counts["posts_handed_over"],
        application_decision_time=durations.get("application", NO_DURATIONS),
        post_decision_time=durations.get("post", NO_DURATIONS),
        handover_time=durations.get("handover", NO_DURATIONS),
        backlog=tuple(
            BacklogBucket(
                key, low, high, waiting.get(("application", number), 0), waiting.get(("post", number), 0)
            )
            for number, (key, low, high) in enumerate(BACKLOG_BOUNDS)
        ),
        reviewers=reviewers,
        appeals=appeals,
        service_target=against_target,
    )


def _catalogue(conn: Connection, facility_id: int | None) -> list[tuple[str, str, str, bool]]:
    """(code, applies_to, text, active) of the facility's own reasons (R11) in its order and in its
    families' words; for all facilities one row a code, in the guide's numbers."""
    policy = Policy()
    query = select(
        RejectionReason.code, RejectionReason.applies_to, RejectionReason.text, RejectionReason.active
    ).order_by(RejectionReason.sort_order, RejectionReason.code, RejectionReason.facility_id)
    if facility_id is not None:
        query = query.where(RejectionReason.facility_id == facility_id)
        numbers = [f.name for f in fields(Policy) if f.name != "allowed_mime_types"]
        row = conn.execute(
            select(*(getattr(Facility, n) for n in numbers)).where(Facility.id == facility_id)
        ).one()
        policy = Policy(**dict(zip(numbers, row, strict=True)))
    words = policy_words(policy)
    listed: dict[str, tuple[str, str, str, bool]] = {}
    for code, applies_to, text, active in conn.execute(query):
        listed.setdefault(code, (code, applies_to, fill(text, words), active))
    return list(listed.values())


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _reason_counts(found: Sequence[Any], catalogue: Sequence[Any]) -> tuple[ReasonCount, ...]:
    """Every catalogue reason for each kind (zeros included, retired ones only if used), in catalogue
    order, then codes no longer in the catalogue."""
    counts = {(kind, code): int(n) for kind, code, n in found}
    out: list[ReasonCount] = []
    for kind in ("application", "post"):
        listed = set()
        for code, applies_to, text, active in catalogue:
            n = counts.get((kind, code), 0)
            if applies_to in (kind, "both") and (active or n):
                out.append(ReasonCount(kind, code, n, text))
                listed.add(code)
        for (k, code), n in sorted(counts.items()):
            if k == kind and code not in listed:
                out.append(ReasonCount(kind, code, n, ""))
    return tuple(out)


# ------------------------------------------------------------------------------------------- trend


def month_trend(
    db: Engine | Connection, last: Month, months: int = 12, facility_id: int | None = None
) -> tuple[MonthTrend, ...]:
    """The counts of the `months` months ending with `last`, oldest first, in one query.

    Each timestamp is placed in its month by a CASE over the months' bound start instants, which works
    the same on both databases and follows Taipei's calendar exactly."""
    if months < 1:
        raise ValueError("months must be at least 1")
    series = [last.shift(n - months + 1) for n in range(months)]
    first, end = series[0].start, series[-1].end

    def month_number(column: Any) -> ColumnElement[int]:
        return case(*[(column < m.end, number) for number, m in enumerate(series)], else_=None)

    def per_month(metric: str, column: Any, facility_column: Any, *conditions: ColumnElement[bool]) -> Any:
        placed = (
            select(month_number(column).label("number"))
            .where(column >= first, column < end, facility_is(facility_column, facility_id), *conditions)
            .subquery()
        )
        return select(literal(metric, String), placed.c.number, func.count()).group_by(placed.c.number)

    printing = print_handover_source()
    query = union_all(
        per_month("applications_received", ServiceApplication.submitted_at, ServiceApplication.facility_id),
        per_month("posts_received", Post.submitted_at, Post.facility_id),
        *(
            per_month(
                f"{kind}:{outcome}",
                Decision.decided_at,
                Decision.facility_id,
                Decision.item_kind == kind,
                Decision.outcome == outcome,
            )
            for kind in ("application", "post")
            for outcome in ("approve", "reject")
        ),
        per_month("posts_printed", printing.c.printed_on, printing.c.facility_id),
        per_month("posts_handed_over", printing.c.handed_over_on, printing.c.facility_id),
    )
    with _connection(db) as conn:
        rows = conn.execute(query).all()
    got: dict[tuple[str, int], int] = {(metric, int(number)): int(n) for metric, number, n in rows}
    return tuple(
        MonthTrend(
            month=m,
            applications=ItemCounts(
                got.get(("applications_received", i), 0),
                got.get(("application:approve", i), 0),
                got.get(("application:reject", i), 0),
            ),
            posts=ItemCounts(
                got.get(("posts_received", i), 0),
                got.get(("post:approve", i), 0),
                got.get(("post:reject", i), 0),
            ),
            posts_printed=got.get(("posts_printed", i), 0),
            posts_handed_over=got.get(("posts_handed_over", i), 0),
        )
        for i, m in enumerate(series)
    )
