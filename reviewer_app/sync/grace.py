"""Which decisions a push takes: those past their grace period, in push order.

A decision waits a short grace period on the workstation before it goes to the shared database, so
that Ctrl+Z can always take it back meanwhile (#20). Decisions are pushed in the order they were
made (a strike's place in that order matters, R2/R3), so the push takes the oldest ones up to the
first still in its grace period, never one past a younger one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import takewhile

from reviewer_app.journal import DecisionRecord


def due(
    pending: Sequence[DecisionRecord], now: datetime, grace: timedelta, undo_waiting: bool = False
) -> list[DecisionRecord]:
    """The pending decisions (in push order) to push at ``now``. ``undo_waiting``: an undo was asked
    for and has not reached the journal yet; it takes back the newest decision, which stays."""
    candidates = pending[:-1] if undo_waiting else pending
    if grace <= timedelta(0):
        return list(candidates)
    cutoff = now - grace
    # A decision time after ``now`` means the clock was set back since: it does not wait for it.
    return list(takewhile(lambda d: d.decided_at <= cutoff or d.decided_at > now, candidates))
