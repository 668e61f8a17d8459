"""Staff notes on an item (issue #21 item 6): written at the desk, for the next reviewer, the appeal
reviewer and the second pair of eyes; never for the family (no portal function reads them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

NOTE_MAX_CHARS = 1000  # as the shared database's check constraint (shared_db/models/clock.py)


class NoteRefused(ValueError):
    """The note cannot be kept as written; the message is for the reviewer (zh-TW)."""


@dataclass(frozen=True)
class Note:
    key: str  # the idempotency key: pushed once, whatever happens to the connection
    kind: str
    item_id: int
    facility_id: int
    body: str
    staff_username: str
    workstation: str
    written_at: datetime
    #: in the shared database (pulled from there, or pushed from here)
    synced: bool = True
    #: why the shared database refused it (then it is not sent again), in its words
    refused: str | None = None


def checked_body(text: str) -> str:
    body = text.strip()
    if not body:
        raise NoteRefused("備註不可空白")
    if len(body) > NOTE_MAX_CHARS:
        raise NoteRefused(f"備註請在 {NOTE_MAX_CHARS} 字以內（目前 {len(body)} 字）")
    return body
