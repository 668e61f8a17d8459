"""A month's figures computed by SQL on SQLite and on PostgreSQL, compared one by one with the
figures the hand-built November (tests/stats/world.py) is known to have."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from reviewer_app.core.reasons import DEFAULT_REASONS
from reviewer_app.stats.months import Month
from reviewer_app.stats.queries import (
    BACKLOG_BOUNDS,
    ItemCounts,
    MonthStatistics,
    ReviewerFigures,
    facilities,
    facility_by_code,
    month_statistics,
    month_trend,
)
from tests.stats.world import AS_OF, NOVEMBER, World, build_only_rejections

HOUR = 3600.0


def catalogue_codes(kind: str) -> list[str]:
    return [r.code for r in DEFAULT_REASONS if r.applies_to in (kind, "both")]


def reasons(stats: MonthStatistics, kind: str) -> dict[str, int]:
    """The month's reason counts of a kind, checking that every catalogue reason is listed in order."""
    listed = stats.reasons(kind)
    assert [r.code for r in listed] == catalogue_codes(kind)
    assert all(r.text and "{" not in r.text for r in listed)  # the families' words, numbers filled in
    return {r.code: r.count for r in listed if r.count}


def backlog(stats: MonthStatistics) -> dict[str, tuple[int, int]]:
    assert [(b.key, b.min_hours, b.max_hours) for b in stats.backlog] == list(BACKLOG_BOUNDS)
    return {b.key: (b.applications, b.posts) for b in stats.backlog}


def test_november_of_one_facility_every_figure(engine: Engine, world: World) -> None:
    stats = month_statistics(engine, NOVEMBER, world.ttd, as_of=AS_OF)

    assert stats.month == NOVEMBER and stats.as_of == AS_OF
    assert stats.facility is not None and (stats.facility.id, stats.facility.code) == (world.ttd, "TTD")
    assert stats.applications == ItemCounts(received=5, approved=2, rejected=1)
    assert stats.posts == ItemCounts(received=12, approved=5, rejected=3)
    assert reasons(stats, "application") == {"E5_MISSING_DOCS": 1}
    assert reasons(stats, "post") == {"P2_CONTENT": 1, "P4_TOO_LONG": 1, "P5_PHOTO": 1, "E3_RESTRICTED": 1}
    assert stats.strikes == 2
    assert stats.strikes_dismissed == 1
    assert stats.suspensions == 1
    assert stats.suspensions_lifted == 1
    assert stats.posts_printed == 3
    assert stats.posts_handed_over == 2

    # applications: 24 h, 48 h, 120 h
    assert stats.application_decision_time.count == 3
    assert stats.application_decision_time.median == pytest.approx(48 * HOUR)
    assert stats.application_decision_time.p90 == pytest.approx((48 + 0.8 * 72) * HOUR)
    # posts: 2, 2, 6, 10, 20, 24, 30, 40 h
    assert stats.post_decision_time.count == 8
    assert stats.post_decision_time.median == pytest.approx(15 * HOUR)
    assert stats.post_decision_time.p90 == pytest.approx(33 * HOUR)
    # no hand-over times are recorded yet (interim source): nothing measured
    assert (stats.handover_time.count, stats.handover_time.median, stats.handover_time.p90) == (0, None, None)

    assert backlog(stats) == {
        "under_1d": (0, 2),
        "1d_to_3d": (1, 1),  # 24 h exactly belongs here
        "3d_to_7d": (1, 1),  # 72 h exactly belongs here
        "over_7d": (1, 1),  # 7 days exactly belongs here
    }

    assert stats.reviewers == (
        ReviewerFigures("ttd_rev1", "社工1", decisions=5, rejections=1),
        ReviewerFigures("ttd_rev2", "社工2", decisions=4, rejections=3),
        ReviewerFigures("ttd_rev3", "社工3", decisions=2, rejections=0),
    )
    assert [r.rejection_rate for r in stats.reviewers] == [0.2, 0.75, 0.0]
    assert (stats.decisions, stats.rejections) == (11, 4)
    assert stats.rejection_rate == pytest.approx(4 / 11)


def test_november_of_all_facilities_adds_the_other_one(engine: Engine, world: World) -> None:
    stats = month_statistics(engine, NOVEMBER, None, as_of=AS_OF)

    assert stats.facility is None
    assert stats.applications == ItemCounts(received=6, approved=2, rejected=2)
    assert stats.posts == ItemCounts(received=15, approved=6, rejected=4)
    assert reasons(stats, "application") == {"E5_MISSING_DOCS": 1, "E2_RELATIONSHIP": 1}
    assert reasons(stats, "post") == {"P2_CONTENT": 2, "P4_TOO_LONG": 1, "P5_PHOTO": 1, "E3_RESTRICTED": 1}
    assert (stats.strikes, stats.strikes_dismissed, stats.suspensions, stats.suspensions_lifted) == (
        3,
        1,
        1,
        1,
    )
    assert (stats.posts_printed, stats.posts_handed_over) == (4, 3)
    # applications: 24, 24, 48, 120 h; posts: 2, 2, 6, 6, 10, 12, 20, 24, 30, 40 h
    assert stats.application_decision_time.count == 4
    assert stats.application_decision_time.median == pytest.approx(36 * HOUR)
    assert stats.application_decision_time.p90 == pytest.approx(98.4 * HOUR)
    assert stats.post_decision_time.count == 10
    assert stats.post_decision_time.median == pytest.approx(11 * HOUR)
    assert stats.post_decision_time.p90 == pytest.approx(31 * HOUR)
    assert backlog(stats)["under_1d"] == (0, 3)
    assert stats.reviewers == (
        ReviewerFigures("ttd_rev1", "社工1", 5, 1),
        ReviewerFigures("ttd_rev2", "社工2", 4, 3),
        ReviewerFigures("tpp_rev1", "社工1", 2, 2),
        ReviewerFigures("ttd_rev3", "社工3", 2, 0),
        ReviewerFigures("tpp_rev2", "社工2", 1, 0),
    )
    assert (stats.decisions, stats.rejections) == (14, 6)


def test_a_month_with_nothing_in_it(engine: Engine, world: World) -> None:
    stats = month_statistics(engine, Month(2026, 8), world.ttd, as_of=AS_OF)

    assert stats.applications == ItemCounts(0, 0, 0) and stats.posts == ItemCounts(0, 0, 0)
    assert reasons(stats, "application") == {} and reasons(stats, "post") == {}
    assert (stats.strikes, stats.strikes_dismissed, stats.suspensions, stats.suspensions_lifted) == (
        0,
        0,
        0,
        0,
    )
    assert (stats.posts_printed, stats.posts_handed_over) == (0, 0)
    for durations in (stats.application_decision_time, stats.post_decision_time, stats.handover_time):
        assert (durations.count, durations.median, durations.p90) == (0, None, None)
    assert stats.reviewers == ()
    assert (stats.decisions, stats.rejections, stats.rejection_rate) == (0, 0, None)
    # the backlog is today's, whatever month is shown
    assert backlog(stats) == backlog(month_statistics(engine, NOVEMBER, world.ttd, as_of=AS_OF))


def test_an_empty_database(engine: Engine) -> None:
    assert facilities(engine) == ()
    stats = month_statistics(engine, NOVEMBER, None, as_of=AS_OF)

    assert stats.applications == ItemCounts(0, 0, 0) and stats.posts == ItemCounts(0, 0, 0)
    assert stats.reviewers == () and stats.rejection_rate is None
    assert all(b.total == 0 for b in stats.backlog)
    assert stats.post_decision_time.median is None
    assert all(t.posts == ItemCounts(0, 0, 0) for t in month_trend(engine, NOVEMBER, 3))


def test_a_month_with_only_rejections(engine: Engine) -> None:
    facility_id = build_only_rejections(engine)
    stats = month_statistics(engine, NOVEMBER, facility_id, as_of=AS_OF)

    assert stats.applications == ItemCounts(received=1, approved=0, rejected=1)
    assert stats.posts == ItemCounts(received=2, approved=0, rejected=2)
    assert reasons(stats, "application") == {"E6_WRONG_CALL_NUMBER": 1}
    assert reasons(stats, "post") == {"P4_TOO_LONG": 1, "P6_ATTACHMENT": 1}
    assert (stats.strikes, stats.suspensions, stats.posts_printed, stats.posts_handed_over) == (2, 0, 0, 0)
    assert stats.application_decision_time.count == 1
    assert stats.application_decision_time.median == pytest.approx(24 * HOUR)
    assert stats.application_decision_time.p90 == pytest.approx(24 * HOUR)
    # posts: 4 h and 8 h
    assert stats.post_decision_time.median == pytest.approx(6 * HOUR)
    assert stats.post_decision_time.p90 == pytest.approx(7.6 * HOUR)
    assert stats.reviewers == (
        ReviewerFigures("hlp_rev1", "社工1", 2, 2),
        ReviewerFigures("hlp_rev2", "社工2", 1, 1),
    )
    assert stats.rejection_rate == 1.0
    assert all(b.total == 0 for b in stats.backlog)


def test_trend_places_every_item_in_its_taipei_month(engine: Engine, world: World) -> None:
    trend = month_trend(engine, Month(2026, 12), months=7, facility_id=world.ttd)

    assert [str(t.month) for t in trend] == [
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
        "2026-11",
        "2026-12",
    ]
    by_month = {str(t.month): t for t in trend}
    assert by_month["2026-06"].applications == ItemCounts(4, 0, 0)
    assert by_month["2026-06"].posts == ItemCounts(0, 0, 0)
    for quiet in ("2026-07", "2026-08", "2026-09"):
        assert by_month[quiet].applications == ItemCounts(0, 0, 0)
        assert by_month[quiet].posts == ItemCounts(0, 0, 0)
    october = by_month["2026-10"]
    assert october.applications == ItemCounts(received=1, approved=0, rejected=0)
    assert october.posts == ItemCounts(received=3, approved=1, rejected=1)
    assert (october.posts_printed, october.posts_handed_over) == (1, 1)
    december = by_month["2026-12"]
    assert december.posts == ItemCounts(received=1, approved=1, rejected=0)
    assert (december.posts_printed, december.posts_handed_over) == (1, 1)

    # the trend's November is the month's own figures
    november = by_month["2026-11"]
    stats = month_statistics(engine, NOVEMBER, world.ttd, as_of=AS_OF)
    assert (november.applications, november.posts) == (stats.applications, stats.posts)
    assert (november.posts_printed, november.posts_handed_over) == (
        stats.posts_printed,
        stats.posts_handed_over,
    )


def test_facilities_are_listed_by_code(engine: Engine, world: World) -> None:
    assert [(f.id, f.code) for f in facilities(engine)] == [(world.tpp, "TPP"), (world.ttd, "TTD")]
    found = facility_by_code(engine, "TPP")
    assert found is not None and found.id == world.tpp
    assert facility_by_code(engine, "NOPE") is None


def test_an_unknown_facility_id_is_an_error(engine: Engine) -> None:
    with pytest.raises(LookupError):
        month_statistics(engine, NOVEMBER, 999, as_of=AS_OF)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-03", Month(2026, 3)), (" 2026-12 ", Month(2026, 12)), ("1999-01", Month(1999, 1))],
)
def test_month_parsing(text: str, expected: Month) -> None:
    assert Month.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["2026-13", "2026-00", "2026-3", "26-03", "2026/03", "三月", "", "2026-03-01"]
)
def test_bad_month_strings_are_refused_with_the_expected_format(text: str) -> None:
    with pytest.raises(ValueError, match=r"YYYY-MM|不存在"):
        Month.parse(text)


def test_months_follow_taipei_midnight() -> None:
    november = Month(2026, 11)
    assert november.start.isoformat() == "2026-10-31T16:00:00+00:00"
    assert november.end.isoformat() == "2026-11-30T16:00:00+00:00"
    assert Month(2026, 12).shift(1) == Month(2027, 1) and Month(2026, 1).shift(-1) == Month(2025, 12)
    assert Month.of(november.start) == november and Month.of(november.end) == Month(2026, 12)
    assert str(Month(2026, 3)) == "2026-03" and Month(2026, 3).label == "2026 年 3 月"
