"""The figures the statistics queries answer: frozen records, one per kind of figure, and the month's
whole set (`MonthStatistics`) and trend row (`MonthTrend`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from reviewer_app.stats.months import Month


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
class AppealCounts:
    """Appeals (申覆): received in the month, and decided in the month by outcome."""

    received: int
    upheld: int
    overturned: int


@dataclass(frozen=True)
class ServiceTarget:
    """Items decided in the month by the end of their due day (the facility's target in working days)
    and after it (stats/service_target.py)."""

    within: int
    late: int
    #: the target in working days; None for several facilities with different targets
    target_days: int | None

    @property
    def rate(self) -> float | None:
        return _rate(self.within, self.within + self.late)


NO_SERVICE_TARGET: Final = ServiceTarget(0, 0, None)


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
    appeals: AppealCounts = field(default_factory=lambda: AppealCounts(0, 0, 0))
    #: time to decision against the facility's target (the service clock)
    service_target: ServiceTarget = NO_SERVICE_TARGET

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
