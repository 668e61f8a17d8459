"""A month's programme figures, computed by the shared database with SQL aggregates.

Every figure is an aggregate the database computes (COUNT, GROUP BY, percentiles); Python only receives
the handful of aggregated rows, never the items themselves. The same queries run on SQLite and on
PostgreSQL; where the two differ (JSON arrays, elapsed time, percentiles) the dialect-specific piece is
a small function below.

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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import (
    JSON,
    CompoundSelect,
    Connection,
    Engine,
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
    Facility,
    Handover,
    Post,
    PrintRecord,
    RejectionReason,
    ServiceApplication,
    Staff,
    Strike,
    Suspension,
)
from reviewer_app.stats.months import Month

# ----------------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class FacilityRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class ItemCounts:
    received: int
    approved: int
    rejected: int


@dataclass(frozen=True)
class Durations:
    """Elapsed times in seconds: how many were measured, their median and 90th percentile
    (continuous percentiles, as PostgreSQL's percentile_cont; None when nothing was measured)."""

    count: int
    median: float | None
    p90: float | None


NO_DURATIONS: Final[Durations] = Durations(0, None, None)


@dataclass(frozen=True)
class ReasonCount:
    """Decisions of the month rejecting an `item_kind` with reason `code` (a decision may give several)."""

    item_kind: str
    code: str
    count: int
    text: str  # the catalogue's wording for the family ("" for a code no longer in the catalogue)


@dataclass(frozen=True)
class BacklogBucket:
    """Items waiting for a decision at `as_of` that have waited at least `min_hours` and less than
    `max_hours` (None: no upper bound)."""

    key: str
    min_hours: int
    max_hours: int | None
    applications: int
    posts: int

    @property
    def total(self) -> int:
        return self.applications + self.posts


#: Backlog ages: under a day, 1–3 days (the default review target is 72 hours), 3–7 days, a week or more.
BACKLOG_BOUNDS: Final[tuple[tuple[str, int, int | None], ...]] = (
    ("under_1d", 0, 24),
    ("1d_to_3d", 24, 72),
    ("3d_to_7d", 72, 168),
    ("over_7d", 168, None),
)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class ReviewerFigures:
    username: str
    display_name: str
    decisions: int
    rejections: int

    @property
    def rejection_rate(self) -> float | None:
        return _rate(self.rejections, self.decisions)


@dataclass(frozen=True)
class MonthStatistics:
    month: Month
    facility: FacilityRef | None  # None: all facilities together
    as_of: datetime  # "today" for the backlog
    applications: ItemCounts
    posts: ItemCounts
    #: application reasons then post reasons, in catalogue order, zeros included
    rejections_by_reason: tuple[ReasonCount, ...]
    strikes: int
    strikes_dismissed: int
    suspensions: int
    suspensions_lifted: int
    posts_printed: int
    posts_handed_over: int
    application_decision_time: Durations
    post_decision_time: Durations
    handover_time: Durations  # from approval to hand-over
    backlog: tuple[BacklogBucket, ...]
    reviewers: tuple[ReviewerFigures, ...]  # most decisions first

    @property
    def decisions(self) -> int:
        return (
            self.applications.approved
            + self.applications.rejected
            + self.posts.approved
            + self.posts.rejected
        )

    @property
    def rejections(self) -> int:
        return self.applications.rejected + self.posts.rejected

    @property
    def rejection_rate(self) -> float | None:
        """The facility's (or, for all facilities, the programme's) share of rejections."""
        return _rate(self.rejections, self.decisions)

    def reasons(self, item_kind: str) -> tuple[ReasonCount, ...]:
        return tuple(r for r in self.rejections_by_reason if r.item_kind == item_kind)


@dataclass(frozen=True)
class MonthTrend:
    """The counts of one month in a series (for the line chart)."""

    month: Month
    applications: ItemCounts
    posts: ItemCounts
    posts_printed: int
    posts_handed_over: int


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


# ---------------------------------------------------------------------------------------- queries


@contextmanager
def _connection(db: Engine | Connection) -> Iterator[Connection]:
    if isinstance(db, Connection):
        yield db
    else:
        with db.connect() as conn:
            yield conn


def _facility_is(column: Any, facility_id: int | None) -> ColumnElement[bool]:
    return true() if facility_id is None else column == facility_id


def _in_month(column: Any, month: Month) -> ColumnElement[bool]:
    return and_(column >= month.start, column < month.end)


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
        counts = conn.execute(_counts_query(month, facility_id)).one()._mapping
        decisions = conn.execute(_decisions_query(month, facility_id)).all()
        reasons = conn.execute(_reasons_query(dialect, month, facility_id)).all()
        catalogue = conn.execute(
            select(
                RejectionReason.code, RejectionReason.applies_to, RejectionReason.text, RejectionReason.active
            ).order_by(RejectionReason.sort_order, RejectionReason.code)
        ).all()
        times = conn.execute(percentiles_query(dialect, _durations(dialect, month, facility_id))).all()
        backlog = conn.execute(_backlog_query(as_of, facility_id)).all()

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
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _count_where(*conditions: ColumnElement[bool]) -> Any:
    return select(func.count()).where(*conditions).scalar_subquery()


def _counts_query(month: Month, facility_id: int | None) -> Select[*tuple[Any, ...]]:
    """One row of plain counts, each a scalar subquery (one round trip)."""
    printing = print_handover_source()
    return select(
        _count_where(
            _in_month(ServiceApplication.submitted_at, month),
            _facility_is(ServiceApplication.facility_id, facility_id),
        ).label("applications_received"),
        _count_where(_in_month(Post.submitted_at, month), _facility_is(Post.facility_id, facility_id)).label(
            "posts_received"
        ),
        _count_where(
            _in_month(Strike.created_at, month), _facility_is(Strike.facility_id, facility_id)
        ).label("strikes"),
        _count_where(
            _in_month(Strike.dismissed_at, month), _facility_is(Strike.facility_id, facility_id)
        ).label("strikes_dismissed"),
        _count_where(
            _in_month(Suspension.starts_at, month), _facility_is(Suspension.facility_id, facility_id)
        ).label("suspensions"),
        _count_where(
            _in_month(Suspension.lifted_at, month), _facility_is(Suspension.facility_id, facility_id)
        ).label("suspensions_lifted"),
        _count_where(
            _in_month(printing.c.printed_on, month), _facility_is(printing.c.facility_id, facility_id)
        ).label("posts_printed"),
        _count_where(
            _in_month(printing.c.handed_over_on, month), _facility_is(printing.c.facility_id, facility_id)
        ).label("posts_handed_over"),
    )


def _decisions_query(month: Month, facility_id: int | None) -> Select[*tuple[Any, ...]]:
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
        .where(_in_month(Decision.decided_at, month), _facility_is(Decision.facility_id, facility_id))
        .group_by(Decision.item_kind, Decision.outcome, Decision.staff_username)
    )


def _reasons_query(dialect: str, month: Month, facility_id: int | None) -> Select[*tuple[Any, ...]]:
    codes = _json_elements(dialect, Decision.reason_codes)
    return (
        select(Decision.item_kind, codes.c.value, func.count(func.distinct(Decision.id)))
        .select_from(Decision)
        .join(codes, true())
        .where(
            Decision.outcome == "reject",
            _in_month(Decision.decided_at, month),
            _facility_is(Decision.facility_id, facility_id),
        )
        .group_by(Decision.item_kind, codes.c.value)
    )


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


def _durations(dialect: str, month: Month, facility_id: int | None) -> Subquery:
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
                _facility_is(Decision.facility_id, facility_id),
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
            _facility_is(printing.c.facility_id, facility_id),
        )
    )
    return union_all(*branches).subquery("durations")


def _backlog_query(as_of: datetime, facility_id: int | None) -> CompoundSelect[*tuple[Any, ...]]:
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
                _facility_is(model.facility_id, facility_id),
            )
            .subquery()
        )
        branches.append(
            select(waiting.c.kind, waiting.c.bucket, func.count()).group_by(waiting.c.kind, waiting.c.bucket)
        )
    return union_all(*branches)


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
            .where(column >= first, column < end, _facility_is(facility_column, facility_id), *conditions)
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
