"""The SQL percentiles: PostgreSQL's percentile_cont and SQLite's window-function equivalent give the
same continuous percentiles as the textbook definition, for odd and even counts, ties and one value."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import Engine, Float, String, cast, literal, select, union_all

from reviewer_app.stats.aggregates import percentiles_query


def reference(values: list[float], p: float) -> float:
    """percentile_cont: the value at position p·(n−1) of the sorted values, linear between neighbours."""
    ordered = sorted(values)
    position = p * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


SAMPLES: dict[str, list[float]] = {
    "one": [7200.0],
    "two": [14400.0, 28800.0],
    "odd": [3.0, 1.0, 2.0, 10.0, 4.0],
    "ties": [5.0, 5.0, 5.0, 1.0, 9.0, 9.0],
    "random": [float(random.Random(9).randrange(60, 400_000)) for _ in range(37)],
}


def test_sql_percentiles_match_the_definition(engine: Engine) -> None:
    rows = [
        select(cast(literal(kind), String).label("kind"), cast(literal(value), Float).label("seconds"))
        for kind, values in SAMPLES.items()
        for value in values
    ]
    durations = union_all(*rows).subquery("durations")
    with engine.connect() as conn:
        got = {
            kind: (n, median, p90)
            for kind, n, median, p90 in conn.execute(percentiles_query(conn.dialect.name, durations))
        }

    assert set(got) == set(SAMPLES)
    for kind, values in SAMPLES.items():
        n, median, p90 = got[kind]
        assert n == len(values), kind
        assert median == pytest.approx(reference(values, 0.5), rel=1e-12), kind
        assert p90 == pytest.approx(reference(values, 0.9), rel=1e-12), kind
