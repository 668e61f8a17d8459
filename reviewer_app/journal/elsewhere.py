"""Decisions other members left on this workstation, not yet in the shared database.

Each member has a journal of their own per shared database (config.journal_path), pushed only when
they are signed in. A member who signed out (or was locked out) offline leaves decisions behind; once
their claims run out, a colleague may claim and decide the same items, and the first decisions then
become conflicts. The desk tells whoever signs in next, so the colleague can come back and sync.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from reviewer_app.config import journal_path

PENDING = "SELECT staff_username, count(*) FROM decisions WHERE state = 'pending' GROUP BY staff_username"


def _url_of(database_url: str, username: str) -> str:
    """The shared database's URL as `username`'s desk names it (a PostgreSQL member signs in as
    themselves; the embedded file is the same for everyone)."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        url = url.set(username=username)
    return url.render_as_string(hide_password=True)


def waiting_elsewhere(database_url: str, me: str) -> dict[str, int]:
    """{username: decisions waiting to sync} of the other members' journals on this workstation for
    this shared database. Read-only; an unreadable journal is skipped (never a reason to fail)."""
    mine = journal_path(database_url, me)
    waiting: dict[str, int] = {}
    for path in sorted(mine.parent.glob("*.sqlite3")):
        if path == mine:
            continue
        for username, count in _pending(path):
            if username != me and journal_path(_url_of(database_url, username), username) == path:
                waiting[username] = waiting.get(username, 0) + count
    return waiting


def _pending(path: Path) -> list[tuple[str, int]]:
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)) as conn:
            return [(str(u), int(n)) for u, n in conn.execute(PENDING)]
    except sqlite3.Error:
        return []
