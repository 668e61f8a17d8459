"""Staff notes in the journal: written here offline, pushed once (sync/push_notes.py), and the notes
of the claimed items as the last pull found them, so the next reviewer reads them offline too."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.notes import Note, checked_body
from reviewer_app.journal.errors import NotClaimed
from reviewer_app.journal.models import JournalItem, JournalNote


def _note(row: JournalNote) -> Note:
    return Note(
        row.key,
        row.kind,
        row.item_id,
        row.facility_id,
        row.body,
        row.staff_username,
        row.workstation,
        row.written_at,
        row.synced,
        row.refused,
    )


def add(
    s: Session, kind: str, item_id: int, text: str, staff_username: str, workstation: str, now: datetime
) -> Note:
    """A note on an item claimed here (decided here or not): refused when blank or too long."""
    item = s.get(JournalItem, (kind, item_id))
    if item is None:
        raise NotClaimed("NOT_CLAIMED")
    row = JournalNote(
        key=str(uuid.uuid4()),
        kind=kind,
        item_id=item_id,
        facility_id=item.facility_id,
        body=checked_body(text),
        staff_username=staff_username,
        workstation=workstation,
        written_at=now,
        synced=False,
    )
    s.add(row)
    s.flush()
    return _note(row)


def of_item(s: Session, kind: str, item_id: int) -> list[Note]:
    q = (
        select(JournalNote)
        .where(JournalNote.kind == kind, JournalNote.item_id == item_id)
        .order_by(JournalNote.written_at, JournalNote.key)
    )
    return [_note(r) for r in s.scalars(q)]


def of_items(s: Session, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], list[Note]]:
    wanted = set(keys)
    found: dict[tuple[str, int], list[Note]] = {}
    if not wanted:
        return found
    for kind in {k for k, _ in wanted}:
        ids = sorted(i for k, i in wanted if k == kind)
        q = (
            select(JournalNote)
            .where(JournalNote.kind == kind, JournalNote.item_id.in_(ids))
            .order_by(JournalNote.written_at, JournalNote.key)
        )
        for row in s.scalars(q):
            found.setdefault((row.kind, row.item_id), []).append(_note(row))
    return found


def pending(s: Session) -> list[Note]:
    q = (
        select(JournalNote)
        .where(JournalNote.synced.is_(False), JournalNote.refused.is_(None))
        .order_by(JournalNote.written_at, JournalNote.key)
    )
    return [_note(r) for r in s.scalars(q)]


def mark_synced(s: Session, keys: Sequence[str]) -> None:
    for row in s.scalars(select(JournalNote).where(JournalNote.key.in_(keys))):
        row.synced = True


def mark_refused(s: Session, key: str, reason: str) -> None:
    row = s.get(JournalNote, key)
    if row is not None:
        row.refused = reason[:300]


def store_pulled(s: Session, notes: Sequence[Note]) -> None:
    """The shared database's notes on the claimed items; a note of this workstation is the same row."""
    for note in notes:
        row = s.get(JournalNote, note.key)
        if row is None:
            s.add(
                JournalNote(
                    key=note.key,
                    kind=note.kind,
                    item_id=note.item_id,
                    facility_id=note.facility_id,
                    body=note.body,
                    staff_username=note.staff_username,
                    workstation=note.workstation,
                    written_at=note.written_at,
                    synced=True,
                )
            )
        else:
            row.synced = True
