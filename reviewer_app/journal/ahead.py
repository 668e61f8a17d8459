"""A journal opened ahead of the desk: the sign-in dialog's worker opens the member's journal as soon
as they have signed in, and the desk takes it instead of opening the file itself on the GUI thread,
which never waits for a file (opening one creates or checks its tables: some 30 ms at a process's
first, more on a busy disk)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from reviewer_app.journal.journal import Journal

log = logging.getLogger(__name__)

_opened: dict[Path, Journal] = {}
_lock = threading.Lock()


def open_ahead(path: Path) -> None:
    """Open the journal at ``path`` for :func:`take` (call on a worker). A failure is left for the
    desk's own opening to meet and report, as it would without this."""
    with _lock:
        if path in _opened:
            return
    try:
        journal = Journal(path)
    except (OSError, SQLAlchemyError) as exc:
        log.info("the journal is opened by the desk instead: %s", exc)
        return
    with _lock:
        if path in _opened:  # opened twice meanwhile: keep the first
            journal.close()
        else:
            _opened[path] = journal


def take(path: Path) -> Journal:
    """The journal at ``path``: the one opened ahead, else opened now."""
    with _lock:
        journal = _opened.pop(path, None)
    return journal if journal is not None else Journal(path)
