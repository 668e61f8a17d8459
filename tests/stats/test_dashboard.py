"""The statistics screen's reading: the month's figures and the twelve months up to it, in one go."""

from __future__ import annotations

from sqlalchemy import Engine

from reviewer_app.stats.dashboard import TREND_MONTHS, load_statistics
from reviewer_app.stats.queries import month_statistics
from tests.stats.world import AS_OF, NOVEMBER, World


def test_the_month_and_the_trend_up_to_it(sqlite_world: tuple[Engine, World]) -> None:
    engine, world = sqlite_world
    data = load_statistics(engine, NOVEMBER, world.ttd, AS_OF)
    assert data.stats == month_statistics(engine, NOVEMBER, world.ttd, as_of=AS_OF)
    assert [t.month for t in data.trend] == [NOVEMBER.shift(-back) for back in reversed(range(TREND_MONTHS))]
    assert (data.trend[-1].applications, data.trend[-1].posts) == (data.stats.applications, data.stats.posts)
