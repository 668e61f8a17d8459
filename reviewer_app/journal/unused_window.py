"""R1 at decision time: a rejection for P3's window (a strike) only when the window is really used.

A post inside the window of an earlier post that still waits for its review, or was rejected, broke
nothing: a P3 reason for it would be a strike for a window never used. The rules, run on the item as
this workstation knows it now, must find the breach (P3_WINDOW) for the rejection to be recorded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from reviewer_app.core.items import ClaimedItem, Json
from reviewer_app.core.reasons import Reason
from reviewer_app.core.snapshot import FamilyStanding, findings_for
from reviewer_app.journal.errors import DecisionRefused


def refuse_unused_window(
    snapshot: Json,
    family: FamilyStanding,
    now: datetime,
    reason_codes: Sequence[str],
    catalogue: Mapping[str, Reason],
) -> None:
    """Raise DecisionRefused when a reason of P3 is chosen but the rules find no breach of the window;
    the refusal lists what P3 finds instead (the earlier post this one waits for, if any)."""
    if not any(c == "P3_WINDOW" or (c in catalogue and catalogue[c].rule_id == "P3") for c in reason_codes):
        return
    p3 = [f for f in findings_for(ClaimedItem.from_json(snapshot), family, now) if f.rule_id == "P3"]
    if not any(f.code == "P3_WINDOW" for f in p3):
        raise DecisionRefused("REJECTION_WINDOW_UNUSED", p3)
