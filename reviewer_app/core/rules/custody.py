"""Is the inmate still held here? A post or an application of an inmate who was released can never be
approved (nothing can be handed over any more); one of an inmate who was transferred moves to the new
facility with the family's service (shared_db/movements.py) and is reviewed there.

Neither is the family's doing: the release's reason (INMATE_RELEASED) is not a strike (P7), and a
transfer only holds the item on the old facility's desk until the next pull takes it away.
"""

from __future__ import annotations

from typing import Final

from reviewer_app.core.rules.facts import Finding

#: The reason a reviewer rejects with once the inmate was released (not a strike).
INMATE_RELEASED: Final = "INMATE_RELEASED"


def rule_custody(custody: str | None) -> list[Finding]:
    """Released: the item cannot be approved, its rejection's reason is INMATE_RELEASED. Transferred:
    held here, the new facility reviews it. In custody, or not known (an older snapshot): nothing."""
    if custody == "released":
        return [Finding("E3", True, "E3_RELEASED", {}, INMATE_RELEASED)]
    if custody == "transferred":
        return [Finding("E3", True, "E3_TRANSFERRED", {}, held=True)]
    return []
