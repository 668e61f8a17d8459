"""The whole path from a document record to pixels: fetch (checked, cached), then the loader.

Run it on a worker, never the GUI thread. The desk's document service
(``reviewer_app.ui.viewer.documents``) calls these same two steps ahead of time for the next items.
"""

from __future__ import annotations

from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.documents.limits import DocumentLimits
from reviewer_app.documents.loader import Verdict, load_document
from reviewer_app.documents.store import DocumentStore
from reviewer_app.documents.verdicts import Rejected


def open_document(
    store: DocumentStore,
    doc: DocumentRef,
    policy: Policy,
    target_size: tuple[int, int] | None = None,
    *,
    keep: bool = True,
) -> Verdict:
    """Fetch one item's document and load it under its kind's limits (``keep``: see DocumentStore.fetch)."""
    data = store.fetch(doc, keep=keep)
    if isinstance(data, Rejected):
        return data
    limits = DocumentLimits.for_kind(doc.kind, policy)
    return load_document(data, limits, target_size=target_size)
