"""When cached documents go: after an item's decision has synced (this hook), at sign-out
(``DocumentStore.clear``) and at start for anything stale (``DocumentStore.purge_stale``)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from reviewer_app.documents.cache import DocumentCache
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import DecisionRecord, Journal

log = logging.getLogger(__name__)


def item_document_ids(journal: Journal, kind: str, item_id: int) -> list[int]:
    """The ids of the documents of an item this workstation pulled."""
    item = journal.item(kind, item_id)
    if item is None:
        return []
    return [d.id for d in item.snapshot.documents]


def evict_on_sync(cache: DocumentStore | DocumentCache, journal: Journal) -> Callable[[DecisionRecord], None]:
    """A ``Sync(on_synced=...)`` hook: once a decision is in the shared database, its item's
    documents leave this workstation's cache (a store's, or the bare cache folder's for commands
    that fetch nothing, like ``reviewer-app sync``)."""

    def evict(record: DecisionRecord) -> None:
        ids = item_document_ids(journal, record.kind, record.item_id)
        if isinstance(cache, DocumentStore):
            cache.evict_item(ids)
        else:
            cache.evict(ids)

    return evict
