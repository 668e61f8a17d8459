"""Where a document's bytes are, and getting them: the shared database or the portal's file store.

In the embedded default the bytes live with the shared database (``document_blobs``); in a
deployment the portal keeps them in its file store and the shared database holds a URL, the size and
the SHA-256. Either way the store hands out bytes whose size and hash match the record, or a
:class:`Rejected` that says, on that one document, what went wrong — a missing or altered file never
fails the item. Fetched bytes are kept in the user-only cache until the item is done.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from reviewer_app import config
from reviewer_app.access.credentials import portal_credentials
from reviewer_app.core.items import DocumentRef
from reviewer_app.documents import verdicts
from reviewer_app.documents.cache import DEFAULT_CACHE_BYTES, DocumentCache
from reviewer_app.documents.limits import HARD_MAX_BYTES
from reviewer_app.documents.verdicts import Rejected, megabytes
from reviewer_app.shared_db.models import DocumentBlob

if TYPE_CHECKING:  # requests and urllib3 are loaded at the first download, not at every start
    from reviewer_app.documents.fetch import HttpFetcher, HttpSettings

log = logging.getLogger(__name__)

#: At start, cached documents older than this are left over from an earlier session: removed.
STALE_AFTER: Final = timedelta(hours=12)
_SHA256: Final = re.compile(r"^[0-9a-fA-F]{64}$")
#: The portal's (username, password), None for none; or what reads them when first needed.
Credentials = tuple[str, str] | None | Callable[[], tuple[str, str] | None]


def cache_folder() -> Path:
    """The documents' cache: inside the application's own cache folder, nowhere else."""
    return config.cache_dir() / "documents"


class DocumentStore:
    """Bytes for pulled items' documents (:class:`DocumentRef`); safe to call from several workers."""

    def __init__(
        self,
        engine: Engine | None,
        cache_folder: Path,
        credentials: Credentials,
        *,
        http: HttpSettings | None = None,
        max_cache_bytes: int = DEFAULT_CACHE_BYTES,
    ) -> None:
        self.engine = engine
        self.cache = DocumentCache(cache_folder, max_cache_bytes)
        self._http_settings = http
        self._credentials = credentials
        self._http: HttpFetcher | None = None
        self._http_lock = threading.Lock()

    @property
    def http(self) -> HttpFetcher:
        """The portal downloader, made at the first document kept there (the embedded default never
        loads requests)."""
        with self._http_lock:
            if self._http is None:
                from reviewer_app.documents.fetch import HttpFetcher

                credentials = self._credentials() if callable(self._credentials) else self._credentials
                self._http = HttpFetcher(self._http_settings, credentials)
            return self._http

    @classmethod
    def for_staff(cls, engine: Engine | None, staff_username: str, **kwargs: Any) -> DocumentStore:
        """The store for a signed-in staff member: the app's cache folder, their keyring credentials.

        The keyring is read at the first portal download, on the worker that needs it: the desk makes
        its store on the GUI thread, and a keyring waiting to be unlocked must not hold the window."""
        return cls(engine, cache_folder(), functools.partial(portal_credentials, staff_username), **kwargs)

    def fetch(self, doc: DocumentRef, *, keep: bool = True) -> bytes | Rejected:
        """The bytes of one document (an item's :class:`DocumentRef`), checked against its record.

        ``keep=False`` (printing): taken from the cache if there, but not added to it. The cache is for
        items being reviewed and is emptied as their decisions sync; a morning's print batch of
        approved posts would otherwise leave a hundred family photos on the workstation's disk."""
        record = _record(doc)
        if isinstance(record, Rejected):
            return record
        doc_id, size, sha256 = record
        if size > HARD_MAX_BYTES:
            limit = megabytes(HARD_MAX_BYTES)
            return Rejected(verdicts.TOO_LARGE, f"檔案 {megabytes(size)}，超過本系統可開啟的 {limit} 上限")
        cached = self.cache.get(doc_id, sha256)
        if cached is not None:
            return cached
        storage = doc.storage or "embedded"
        if storage == "url":
            url = doc.url
            if not url:
                return Rejected(verdicts.BAD_RECORD, "文件紀錄缺少下載位址，請通知資訊人員")
            data = self.http.get(doc_id, url, size, sha256)
        elif storage == "embedded":
            data = self._embedded(doc_id, size, sha256)
        else:
            return Rejected(verdicts.BAD_RECORD, "文件紀錄的儲存方式不明，請通知資訊人員")
        if isinstance(data, Rejected):
            return data
        if keep:
            self.cache.put(doc_id, sha256, data)
        return data

    def fetch_to_print(self, doc: DocumentRef) -> bytes | Rejected:
        """:meth:`fetch` without keeping the bytes (the fetch a print batch uses)."""
        return self.fetch(doc, keep=False)

    def _embedded(self, doc_id: int, size: int, sha256: str) -> bytes | Rejected:
        if self.engine is None:
            return Rejected(verdicts.UNAVAILABLE, "沒有共用資料庫連線，無法讀取文件")
        try:
            with Session(self.engine) as s:
                data = s.scalar(select(DocumentBlob.data).where(DocumentBlob.document_id == doc_id))
        except (DBAPIError, SQLAlchemyError) as exc:
            log.info("document %d: shared database unavailable (%s)", doc_id, type(exc).__name__)
            return Rejected(verdicts.UNAVAILABLE, "目前無法連線到共用資料庫，暫時無法顯示此文件，請稍後再試")
        if data is None:
            return Rejected(verdicts.MISSING, "共用資料庫中找不到這個檔案的內容，可能已被刪除")
        if len(data) != size:
            log.warning("document %d: stored size differs from its record", doc_id)
            return Rejected(
                verdicts.SIZE_MISMATCH,
                f"檔案大小與紀錄不符（{len(data):,} / {size:,} 位元組），不予顯示",
            )
        if hashlib.sha256(data).hexdigest() != sha256.lower():
            log.warning("document %d: SHA-256 differs from its record", doc_id)
            return Rejected(
                verdicts.HASH_MISMATCH, "檔案內容與紀錄不符（SHA-256 不一致），可能已損壞或遭竄改，不予顯示"
            )
        return bytes(data)

    # ---- cache hygiene ---------------------------------------------------------------------------

    def evict_item(self, doc_ids: Iterable[int]) -> None:
        """Forget an item's documents (its decision has synced)."""
        removed = self.cache.evict(doc_ids)
        if removed:
            log.info("removed %d cached document file(s)", removed)

    def clear(self) -> None:
        """Forget every cached document (sign-out)."""
        self.cache.clear()

    def purge_stale(self, max_age: timedelta = STALE_AFTER) -> None:
        """Remove cached documents older than `max_age` (at start: left behind by a crash)."""
        self.cache.purge_stale(max_age)

    def close(self) -> None:
        with self._http_lock:
            if self._http is not None:
                self._http.close()


def _record(doc: DocumentRef) -> tuple[int, int, str] | Rejected:
    doc_id, size, sha256 = doc.id, doc.size_bytes, doc.sha256
    if size < 0 or not _SHA256.match(sha256):
        return Rejected(verdicts.BAD_RECORD, "文件紀錄不完整（缺少大小或雜湊值），請通知資訊人員")
    return doc_id, size, sha256.lower()
