"""What every benchmark returns: a median beside a baseline measured in the same run."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    scenario: str
    value: float | str  # a string where a row shows two figures ("12 / 30")
    unit: str
    baseline: float | str | None
    ratio: float | None
    target: str
    ok: bool | None


def median_seconds(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))
