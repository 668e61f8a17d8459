"""What opening a document found, as the journal keeps it (R7): the loader's type and size from the
bytes, and its refusal code when the file cannot be shown.

The desk's viewer makes one for every document it opens (:func:`check_of`, on the document worker);
:func:`check_document` opens one the same way without a window (the command line, tests).
"""

from __future__ import annotations

from typing import Final

from reviewer_app.core.checks import DocumentCheck
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.documents import verdicts
from reviewer_app.documents.loader import Verdict
from reviewer_app.documents.pdf import PdfDocument
from reviewer_app.documents.pipeline import open_document
from reviewer_app.documents.store import DocumentStore

#: The store's refusals about the upload itself: the bytes are gone or are not those uploaded. The
#: others (offline, a slow or refusing file store, a broken record) are this workstation's trouble and
#: pass: the document is then simply not opened yet.
_UPLOAD_GONE: Final[frozenset[str]] = frozenset(
    {verdicts.MISSING, verdicts.SIZE_MISMATCH, verdicts.HASH_MISMATCH, verdicts.TOO_LARGE}
)


def check_of(doc: DocumentRef, verdict: Verdict) -> DocumentCheck | None:
    """What the loader's (or the store's) ``verdict`` on ``doc`` says; None when it says nothing of
    the upload (the bytes could not be had for now)."""
    if not isinstance(verdict, verdicts.Rejected):
        meta = verdict.metadata
        return DocumentCheck(doc.id, doc.sha256, meta.mime_type, meta.size_bytes)
    if verdict.metadata is not None:  # the loader had the bytes
        meta = verdict.metadata
        # An empty file has no type: the upload failed, the declared type stands.
        found = None if verdict.code == verdicts.EMPTY else meta.mime_type
        return DocumentCheck(doc.id, doc.sha256, found, meta.size_bytes, verdict.code)
    if verdict.code in _UPLOAD_GONE:
        return DocumentCheck(doc.id, doc.sha256, None, None, verdict.code)
    return None


def check_document(
    store: DocumentStore, doc: DocumentRef, policy: Policy, *, keep: bool = True
) -> DocumentCheck | None:
    """Fetch and open ``doc`` as the viewer does (no pixels kept) and say what was found."""
    verdict = open_document(store, doc, policy, target_size=(64, 64), keep=keep)
    if isinstance(verdict, PdfDocument):
        verdict.close()
    return check_of(doc, verdict)
