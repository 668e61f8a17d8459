"""P8 and P7 at decision time: a rejection's reasons, blocking findings, and what is a strike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from reviewer_app.core.rules.facts import Finding, Value
from reviewer_app.core.vocabulary import ITEM_KINDS

if TYPE_CHECKING:
    from reviewer_app.core.reasons import Reason


def check_rejection(
    reason_codes: Sequence[str], item_kind: str, catalogue: Mapping[str, Reason]
) -> list[Finding]:
    """P8: a rejection needs at least one existing, active, fitting reason, each with a suggestion."""
    if item_kind not in ITEM_KINDS:
        raise ValueError(f"unknown item kind {item_kind!r}")
    if not reason_codes:
        return [Finding("P8", True, "P8_NO_REASON")]
    findings = []
    for code in dict.fromkeys(reason_codes):
        reason = catalogue.get(code)
        if reason is None:
            findings.append(Finding("P8", True, "P8_UNKNOWN_REASON", {"reason": code}))
            continue
        values: dict[str, Value] = {"reason": code, "reason_text": reason.text, "item_kind": item_kind}
        if not reason.active:
            findings.append(Finding("P8", True, "P8_REASON_INACTIVE", values, code))
        elif reason.applies_to not in (item_kind, "both"):
            findings.append(Finding("P8", True, "P8_REASON_WRONG_KIND", values, code))
        elif not reason.suggestion.strip():
            findings.append(Finding("P8", True, "P8_REASON_NO_SUGGESTION", values, code))
    return findings


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that stop an approval."""
    return [f for f in findings if f.blocks]


def is_strike(reason_codes: Sequence[str], catalogue: Mapping[str, Reason]) -> bool:
    """P7: a rejection is a strike when any chosen reason counts as one (unknown codes never do)."""
    return any(catalogue[c].counts_as_strike for c in reason_codes if c in catalogue)
