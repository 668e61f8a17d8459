"""The on-disk cache of fetched documents: the user's cache folder only, user-only files, capped.

Files are named by document id and content hash, written to a private temporary name (created with
mode 0600, never readable by anyone else, even for a moment) and renamed into place, and checked
against the hash again when read. The cache holds identity documents of families: it is emptied
when an item's decision has synced, at sign-out, and at start for anything left behind. (On Windows
the folder under %LOCALAPPDATA% is private to the user by its ACL; the mode bits are POSIX only.)
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Final

from reviewer_app.core.policy import MB

log = logging.getLogger(__name__)

DEFAULT_CACHE_BYTES: Final = 512 * MB
_SUFFIX: Final = ".doc"
_PARTIAL: Final = ".part"
_HEX: Final = re.compile(r"[0-9a-fA-F]{64}")


class DocumentCache:
    def __init__(self, folder: Path, max_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        #: Bytes the cache holds, as of the last listing plus what was written since (None: list again).
        self._total: int | None = None
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(self.folder, 0o700)  # mkdir's mode is subject to the umask and to an existing folder

    def _path(self, doc_id: int, sha256: str) -> Path:
        return self.folder / f"{int(doc_id)}-{sha256.lower()[:32]}{_SUFFIX}"

    def holds(self, doc_id: int, sha256: str) -> bool:
        """Whether the document is in the cache (its bytes are checked when read: ``get``)."""
        if not _HEX.fullmatch(sha256):  # a record's hash names a file here only when it is one
            return False
        return self._path(doc_id, sha256).is_file()

    def get(self, doc_id: int, sha256: str) -> bytes | None:
        path = self._path(doc_id, sha256)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != sha256.lower():
            log.warning("cached document %d was altered on disk; removed", doc_id)
            self._unlink(path)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used: trimmed last
        return data

    def put(self, doc_id: int, sha256: str, data: bytes) -> None:
        if len(data) > self.max_bytes:
            return
        target = self._path(doc_id, sha256)
        temporary = self.folder / f".{int(doc_id)}-{uuid.uuid4().hex}{_PARTIAL}"
        # Written outside the lock (a private name, then an atomic rename): two workers fetching two
        # photos write both at once. The folder is listed again only when the running total says the
        # cap may be reached, not at every write (a 100-post print batch writes 100 files).
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            fd = os.open(temporary, flags, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(temporary, target)
        except OSError as exc:
            log.warning("could not cache document %d (%s)", doc_id, type(exc).__name__)
            self._unlink(temporary)
            return
        with self._lock:
            if self._total is not None:
                self._total += len(data)
            if self._total is None or self._total > self.max_bytes:
                with contextlib.suppress(OSError):
                    self._trim()

    def _entries(self) -> list[tuple[Path, os.stat_result]]:
        out = []
        try:
            names = list(self.folder.iterdir())
        except OSError:
            return []
        for path in names:
            if path.suffix in (_SUFFIX, _PARTIAL) and path.is_file():
                try:
                    out.append((path, path.stat()))
                except OSError:
                    continue
        return out

    def _trim(self) -> None:
        entries = sorted(
            ((p, st) for p, st in self._entries() if p.suffix == _SUFFIX), key=lambda e: e[1].st_mtime
        )
        total = sum(st.st_size for _, st in entries)
        for path, st in entries:
            if total <= self.max_bytes:
                break
            self._unlink(path)
            total -= st.st_size
        self._total = total

    def files(self) -> list[Path]:
        """Every file the cache holds now (finished or being written)."""
        return sorted(p for p, _ in self._entries())

    def total_bytes(self) -> int:
        return sum(st.st_size for _, st in self._entries())

    def evict(self, doc_ids: Iterable[int]) -> int:
        """Remove these documents; returns how many files went."""
        wanted = {str(int(i)) for i in doc_ids}
        removed = 0
        with self._lock:
            self._total = None
            for path, _ in self._entries():
                if path.name.lstrip(".").split("-", 1)[0] in wanted:
                    removed += self._unlink(path)
        return removed

    def clear(self) -> int:
        with self._lock:
            self._total = None
            return sum(self._unlink(path) for path, _ in self._entries())

    def purge_stale(self, max_age: timedelta) -> int:
        cutoff = time.time() - max_age.total_seconds()
        with self._lock:
            self._total = None
            return sum(self._unlink(path) for path, st in self._entries() if st.st_mtime < cutoff)

    @staticmethod
    def _unlink(path: Path) -> int:
        try:
            path.unlink()
        except FileNotFoundError:
            return 0
        except OSError as exc:
            log.warning("could not remove a cached document (%s)", type(exc).__name__)
            return 0
        return 1
