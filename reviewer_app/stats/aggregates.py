"""The SQL of the statistics: where SQLite and PostgreSQL differ (elapsed time, JSON arrays,
percentiles), the printing and hand-over source, and the aggregate queries of one month. Every query
returns a handful of aggregated rows; :mod:`reviewer_app.stats.queries` runs them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    CompoundSelect,
    Float,
    Integer,
    Numeric,
    Select,
    String,
    and_,
    case,
    cast,
    extract,
    func,
    literal,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import Subquery

from reviewer_app.core.vocabulary import DECIDABLE_STATUSES
from reviewer_app.shared_db.models import (
    Decision,
    Handover,
    Post,
    PrintRecord,
    ServiceApplication,
    Staff,
    Strike,
    Suspension,
)
from reviewer_app.stats.months import Month
from reviewer_app.stats.results import BACKLOG_BOUNDS

# ------------------------------------------------------------------------------ dialect differences


def _elapsed_seconds(dialect: str, later: Any, earlier: Any) -> ColumnElement[float]:
    """`later - earlier` in seconds, to the millisecond (so both databases give the same numbers)."""
    if dialect == "postgresql":
        seconds = cast(extract("epoch", later - earlier), Numeric)
        return cast(func.round(seconds, 3), Float)
    # SQLite keeps UTC timestamps as text; julianday() reads them as fractional days.
    return cast(func.round((func.julianday(later) - func.julianday(earlier)) * 86400.0, 3), Float)


def _json_elements(dialect: str, column: Any) -> Any:
    """The elements of a JSON list column as a table with one text column, `value`."""
    if dialect == "postgresql":
        # The column is `json` (`jsonb` would work the same through the cast); a value that is not an
        # array (JSON null) yields no rows instead of an error.
        as_json = cast(column, JSON)
        array = case((func.json_typeof(as_json) == "array", as_json), else_=cast(literal("[]"), JSON))
        return func.json_array_elements_text(array).table_valued("value")
    return func.json_each(column).table_valued("value")


def percentiles_query(dialect: str, durations: Subquery) -> Select[*tuple[Any, ...]]:
    """(kind, count, median, p90) per kind of `durations` (columns kind, seconds).

    PostgreSQL has percentile_cont. SQLite has no percentile aggregate: the same interpolation
    (value at position p·(n−1) of the ordered values, linear between neighbours) is computed with
    window functions — each row's rank and its group's size — and a conditional MAX picking the two
    neighbours, all in SQL.
    """
    if dialect == "postgresql":
        return select(
            durations.c.kind,
            func.count(),
            func.percentile_cont(0.5).within_group(durations.c.seconds),
            func.percentile_cont(0.9).within_group(durations.c.seconds),
        ).group_by(durations.c.kind)

    ranked = select(
        durations.c.kind,
        durations.c.seconds,
        (func.row_number().over(partition_by=durations.c.kind, order_by=durations.c.seconds) - 1).label(
            "rank"
        ),
        func.count().over(partition_by=durations.c.kind).label("n"),
    ).subquery("ranked")

    def percentile(p: float) -> ColumnElement[float]:
        position = literal(p, Float) * (ranked.c.n - 1)
        below = cast(position, Integer)  # floor: the position is never negative
        above = below + case((position > below, 1), else_=0)
        low = func.max(case((ranked.c.rank == below, ranked.c.seconds)))
        high = func.max(case((ranked.c.rank == above, ranked.c.seconds)))
        fraction = func.max(position - below)
        return low + (high - low) * fraction

    return select(ranked.c.kind, func.max(ranked.c.n), percentile(0.5), percentile(0.9)).group_by(
        ranked.c.kind
    )


# ------------------------------------------------------------------------------- printing, hand-over


def print_handover_source() -> Subquery:
    """Printed and handed-over posts: the ONE place the statistics read printing and hand-over from.

    Columns: ``facility_id``; ``approved_at``; ``printed_on`` (the moment that puts the printing in a
    month); ``handed_over_on`` (the same for the hand-over, NULL while not handed over);
    ``handed_over_at`` (the recorded hand-over time for the approval-to-hand-over figures, NULL when
    unknown).

    The print and hand-over records (``print_records``, ``handovers``) give the times: the first print
    (not a reprint) and the delivered hand-over. A post whose status says printed or delivered but that
    has no record (printed before the records existed, or imported) still counts, in the month it was
    approved, with its hand-over time unknown.
    """
    first_print = (
        select(PrintRecord.post_id, func.min(PrintRecord.printed_at).label("printed_at"))
        .where(PrintRecord.reprint.is_(False))
        .group_by(PrintRecord.post_id)
        .subquery("first_print")
    )
    delivered = (
        select(Handover.post_id, func.min(Handover.handed_over_at).label("handed_over_at"))
        .where(Handover.outcome == "delivered")
        .group_by(Handover.post_id)
        .subquery("delivered")
    )
    status_delivered = case((Post.status == "delivered", Post.decided_at), else_=null())
    return (
        select(
            Post.facility_id.label("facility_id"),
            Post.decided_at.label("approved_at"),
            func.coalesce(first_print.c.printed_at, Post.decided_at).label("printed_on"),
            func.coalesce(delivered.c.handed_over_at, status_delivered).label("handed_over_on"),
            delivered.c.handed_over_at.label("handed_over_at"),
        )
        .select_from(Post)
        .outerjoin(first_print, first_print.c.post_id == Post.id)
        .outerjoin(delivered, delivered.c.post_id == Post.id)
        .where(Post.status.in_(("printed", "delivered", "undeliverable")))
        .where(or_(Post.status != "undeliverable", first_print.c.printed_at.is_not(None)))
        .subquery("print_handover")
    )


# ------------------------------------------------------------------------------------ one month


def facility_is(column: Any, facility_id: int | None) -> ColumnElement[bool]:
    return true() if facility_id is None else column == facility_id


def _in_month(column: Any, month: Month) -> ColumnElement[bool]:
    return and_(column >= month.start, column < month.end)


def _count_where(*conditions: ColumnElement[bool]) -> Any:
    return select(func.count()).where(*conditions).scalar_subquery()


def counts_query(month: Month, facility_id: int | None) -> Select[*tuple[Any, ...]]:
    """One row of plain counts, each a scalar subquery (one round trip)."""
    printing = print_handover_source()
    return select(
        _count_where(
            _in_month(ServiceApplication.submitted_at, month),
            facility_is(ServiceApplication.facility_id, facility_id),
        ).label("applications_received"),
        _count_where(_in_month(Post.submitted_at, month), facility_is(Post.facility_id, facility_id)).label(
            "posts_received"
        ),
        _count_where(_in_month(Strike.created_at, month), facility_is(Strike.facility_id, facility_id)).label(
            "strikes"
        ),
        _count_where(
            _in_month(Strike.dismissed_at, month), facility_is(Strike.facility_id, facility_id)
        ).label("strikes_dismissed"),
        _count_where(
            _in_month(Suspension.starts_at, month), facility_is(Suspension.facility_id, facility_id)
        ).label("suspensions"),
        _count_where(
            _in_month(Suspension.lifted_at, month), facility_is(Suspension.facility_id, facility_id)
        ).label("suspensions_lifted"),
        _count_where(
            _in_month(printing.c.printed_on, month), facility_is(printing.c.facility_id, facility_id)
        ).label("posts_printed"),
        _count_where(
            _in_month(printing.c.handed_over_on, month), facility_is(printing.c.facility_id, facility_id)
        ).label("posts_handed_over"),
    )


def decisions_query(month: Month, facility_id: int | None) -> Select[*tuple[Any, ...]]:
    """Decisions of the month by kind, outcome and reviewer (with the reviewer's display name)."""
    return (
        select(
            Decision.item_kind,
            Decision.outcome,
            Decision.staff_username,
            func.max(Staff.display_name),
            func.count(),
        )
        .select_from(Decision)
        .outerjoin(Staff, Staff.username == Decision.staff_username)
        .where(_in_month(Decision.decided_at, month), facility_is(Decision.facility_id, facility_id))
        .group_by(Decision.item_kind, Decision.outcome, Decision.staff_username)
    )


def reasons_query(dialect: str, month: Month, facility_id: int | None) -> Select[*tuple[Any, ...]]:
    codes = _json_elements(dialect, Decision.reason_codes)
    return (
        select(Decision.item_kind, codes.c.value, func.count(func.distinct(Decision.id)))
        .select_from(Decision)
        .join(codes, true())
        .where(
            Decision.outcome == "reject",
            _in_month(Decision.decided_at, month),
            facility_is(Decision.facility_id, facility_id),
        )
        .group_by(Decision.item_kind, codes.c.value)
    )


def durations_subquery(dialect: str, month: Month, facility_id: int | None) -> Subquery:
    """(kind, seconds): submission to decision for the month's decisions on applications and posts,
    approval to hand-over for the month's hand-overs with a recorded time."""
    branches = []
    for kind, model in (("application", ServiceApplication), ("post", Post)):
        branches.append(
            select(
                literal(kind, String).label("kind"),
                _elapsed_seconds(dialect, Decision.decided_at, model.submitted_at).label("seconds"),
            )
            .select_from(Decision)
            .join(model, and_(Decision.item_kind == kind, Decision.item_id == model.id))
            .where(
                _in_month(Decision.decided_at, month),
                facility_is(Decision.facility_id, facility_id),
                model.submitted_at <= Decision.decided_at,  # a decision before a resubmission: not timed
            )
        )
    printing = print_handover_source()
    branches.append(
        select(
            literal("handover", String).label("kind"),
            _elapsed_seconds(dialect, printing.c.handed_over_at, printing.c.approved_at).label("seconds"),
        ).where(
            printing.c.handed_over_at.is_not(None),
            _in_month(printing.c.handed_over_on, month),
            facility_is(printing.c.facility_id, facility_id),
        )
    )
    return union_all(*branches).subquery("durations")


def backlog_query(as_of: datetime, facility_id: int | None) -> CompoundSelect[*tuple[Any, ...]]:
    """Pending and held items at `as_of`, by kind and age bucket (the bucket's number in BACKLOG_BOUNDS).

    The buckets compare submission times with bound instants (as_of − 24 h, …), so no date arithmetic
    happens in SQL."""
    branches = []
    for kind, model in (("application", ServiceApplication), ("post", Post)):
        whens = [
            (model.submitted_at > as_of - timedelta(hours=high), number)
            for number, (_, _, high) in enumerate(BACKLOG_BOUNDS)
            if high is not None
        ]
        bucket = case(*whens, else_=len(BACKLOG_BOUNDS) - 1)
        waiting = (
            select(literal(kind, String).label("kind"), bucket.label("bucket"))
            .where(
                model.status.in_(sorted(DECIDABLE_STATUSES)),
                model.submitted_at <= as_of,
                facility_is(model.facility_id, facility_id),
            )
            .subquery()
        )
        branches.append(
            select(waiting.c.kind, waiting.c.bucket, func.count()).group_by(waiting.c.kind, waiting.c.bucket)
        )
    return union_all(*branches)
