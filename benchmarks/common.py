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
    # The runs' lowest and highest values, where a row's runs vary enough to say (the start rows).
    spread: str | None = None


def spread_of(times: list[float], base: float, unit: str = "ms") -> str:
    """'5 runs 240–270 ms (ratio 1.89–2.13)': what a median hides, for rows whose runs scatter (times
    and base in seconds; shown in ``unit``, ms or s)."""
    scale, digits = (1000, 0) if unit == "ms" else (1, 2)
    low, high = min(times), max(times)
    return (
        f"{len(times)} runs {low * scale:.{digits}f}–{high * scale:.{digits}f} {unit} "
        f"(ratio {low / base:.2f}–{high / base:.2f})"
    )


def median_seconds(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))
