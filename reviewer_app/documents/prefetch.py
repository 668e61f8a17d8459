"""The claimed items' documents fetched ahead into the user-only cache, so that reviewing goes on while
the shared database or the portal cannot be reached (#20).

Through the store's one fetch path: the bytes are checked against their record and written by the
cache (mode 0600 in its 0700 folder). Never past the cache's cap: a prefetch does not push out what
the reviewer opened. The pull fetches through here (sync/document_checks.py), then records what the
loader found (R7); the desk's Approve still waits for its viewer to have shown each document.
"""

from __future__ import annotations

import logging

from reviewer_app.core.items import DocumentRef
from reviewer_app.documents.store import DocumentStore
from reviewer_app.documents.verdicts import Rejected

log = logging.getLogger(__name__)


def prefetch(store: DocumentStore, doc: DocumentRef) -> bool:
    """Fetch one document into the cache unless it is there already or would not fit under the cap;
    True when it was added."""
    cache = store.cache
    if cache.holds(doc.id, doc.sha256):
        return False
    if cache.total_bytes() + max(doc.size_bytes, 0) > cache.max_bytes:
        return False
    data = store.fetch(doc)
    if isinstance(data, Rejected):  # said when the reviewer opens it; nothing to say ahead of that
        log.info("document %d not prefetched (%s)", doc.id, data.code)
        return False
    return True
