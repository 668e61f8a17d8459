"""The claimed items' documents, fetched and opened right after a pull (R7).

The rules judge P5/P6 on what the loader finds in the bytes, and the engine refuses an approval for
a document it never had: checking the documents as soon as they are claimed makes the findings right
from the first look, on the desk and through the journal alone alike. The bytes land in the
workstation's user-only cache on the way (within its cap: documents/prefetch.py), so the claimed batch
still opens when the shared database or the portal's file store is out of reach.

A document already checked here is not fetched again; one that cannot be had now (offline, a slow
file store) stays unchecked and is tried at the next pull, or when the viewer opens it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from reviewer_app.core.checks import doc_key
from reviewer_app.core.items import ClaimedItem
from reviewer_app.documents.checks import check_document
from reviewer_app.documents.prefetch import prefetch
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import Journal

log = logging.getLogger(__name__)


def check_claimed_documents(
    journal: Journal, store: DocumentStore, items: Sequence[ClaimedItem], clock: Callable[[], datetime]
) -> int:
    """Fetch the documents of ``items`` into the cache (within its cap) and open those not checked
    yet; the number of checks recorded."""
    waiting = [item for item in items if item.status in ("pending", "held")]
    known = journal.document_checks([doc for item in waiting for doc in item.documents])
    recorded = 0
    for item in waiting:
        for doc in item.documents:
            try:
                # Into the cache when it fits under the cap (what the reviewer opened is not pushed
                # out): a document checked before may have left it since (synced items, a sign-out).
                prefetch(store, doc)
                if doc_key(doc) in known:
                    continue
                # From the cache, or from bytes fetched once more and not kept.
                check = check_document(store, doc, item.policy, keep=False)
            except Exception:  # a document must never fail the pull: the viewer will say what it is
                log.exception("checking document %s of %s #%s failed", doc.id, item.kind, item.id)
                continue
            if check is not None:
                journal.record_document_check(check, clock())
                recorded += 1
    return recorded
