"""What the workstation's document loader found in an upload (R7): its type and size from the bytes,
and whether it could be shown (``problem``: the loader's refusal code when not).

The pull (sync/document_checks.py) and the viewer's worker record one per document in the journal
(keyed by document id and SHA-256: a replaced upload is another document); the rules judge P5/P6 on
it instead of the portal's declaration, and an approval needs one for every document of the item.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer_app.core.formats import canonical_mime_type
from reviewer_app.core.items import DocumentRef

#: A document as the viewer and the journal key it: (id, SHA-256).
DocKey = tuple[int, str]


def doc_key(doc: DocumentRef) -> DocKey:
    return (doc.id, doc.sha256)


@dataclass(frozen=True)
class DocumentCheck:
    """What opening one document found. ``mime_type`` and ``size_bytes`` are None when its bytes
    could not be had at all (missing from the store, or not the bytes the portal recorded)."""

    document_id: int
    sha256: str
    mime_type: str | None
    size_bytes: int | None
    problem: str | None = None

    @property
    def key(self) -> DocKey:
        return (self.document_id, self.sha256)

    @property
    def shown(self) -> bool:
        return self.problem is None

    def differs_from(self, doc: DocumentRef) -> bool:
        """Whether the rules judge ``doc`` otherwise with this check than on its declaration."""
        return (
            self.problem is not None
            or (self.mime_type is not None and self.mime_type != canonical_mime_type(doc.mime_type))
            or (self.size_bytes is not None and self.size_bytes != doc.size_bytes)
        )


Checks = Mapping[DocKey, DocumentCheck]
