"""R7 and R8 on an item's uploads: an approval says every document was opened and could be shown.

The document loader (``reviewer_app.documents``) opens each file on the workstation; what it found is
kept in the journal and reaches the rules as :class:`DocumentFacts` (its type, size and problem). A
document it never opened is not seen (:func:`rule_seen`, judged when approving); one it could not show
(:func:`rule_shown`) blocks, and its rejection asks the family for a new upload (``UPLOAD_DAMAGED``,
not a strike).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from reviewer_app.core.rules.facts import DocumentFacts, Finding, Value

#: The reason that asks the family to upload the file again (R8; never a strike).
UPLOAD_DAMAGED: Final = "UPLOAD_DAMAGED"
#: The loader's refusals for a file's type and size, which P5 and P6 name on a post themselves.
TYPE_AND_SIZE: Final[frozenset[str]] = frozenset({"not_allowed", "too_large"})


def documents_rule(item_kind: str) -> str:
    """The rule about an item's uploads, as staff know it: E5 (required uploads), P6 (attachments)."""
    return "P6" if item_kind == "post" else "E5"


def rule_seen(seen: Sequence[tuple[str, bool]], item_kind: str) -> list[Finding]:
    """R7: every document (its kind, and whether the loader opened it) was looked at before approving."""
    rule = documents_rule(item_kind)
    return [
        Finding(rule, True, "DOC_NOT_SEEN", {"number": number, "document": kind})
        for number, (kind, opened) in enumerate(seen, start=1)
        if not opened
    ]


def rule_shown(
    documents: Sequence[DocumentFacts], item_kind: str, named: Collection[str] = frozenset()
) -> list[Finding]:
    """R8: each document the loader could not show blocks, and suggests asking for a new upload.

    ``named``: problems another finding already names (a post's file too large for P5/P6)."""
    rule = documents_rule(item_kind)
    findings = []
    for number, doc in enumerate(documents, start=1):
        if doc.problem is None or doc.problem in named:
            continue
        values: dict[str, Value] = {"number": number, "document": doc.kind, "problem": doc.problem}
        findings.append(Finding(rule, True, "DOC_UNREADABLE", values, UPLOAD_DAMAGED))
    return findings
