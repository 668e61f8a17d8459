"""Staff notes between the journal and the shared database (issue #21 item 6).

Pushed once: each note carries its idempotency key, so a push repeated after a lost answer finds the
note there and only marks it synced. On PostgreSQL the staff login inserts under its own name, for an
item of its facility (migration 0013's restrictive policy); the portal reads no note at all. Pulled
with the claimed items, so the next reviewer reads them (offline too)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import Engine, select, tuple_
from sqlalchemy.exc import IntegrityError, ProgrammingError
from sqlalchemy.orm import Session

from reviewer_app.core.notes import Note
from reviewer_app.journal import Journal
from reviewer_app.shared_db.models import ItemNote

log = logging.getLogger(__name__)


def _row(n: Note) -> ItemNote:
    return ItemNote(
        idempotency_key=n.key,
        facility_id=n.facility_id,
        item_kind=n.kind,
        item_id=n.item_id,
        body=n.body,
        staff_username=n.staff_username,
        workstation=n.workstation,
        written_at=n.written_at,
    )


def _insert(engine: Engine, waiting: Sequence[Note]) -> int:
    with Session(engine) as s, s.begin():
        keys = [n.key for n in waiting]
        there = set(s.scalars(select(ItemNote.idempotency_key).where(ItemNote.idempotency_key.in_(keys))))
        new = [n for n in waiting if n.key not in there]
        s.add_all(_row(n) for n in new)
    return len(new)


def push_notes(engine: Engine, journal: Journal) -> int:
    """Every note written here and not yet in the shared database, in one transaction; returns how
    many were inserted (a note already there counts as synced, not again). Should the database refuse
    the batch (a wall, a check), each note goes alone: one it refuses is kept here with the reason and
    not sent again, so it never stops the others nor the sync."""
    waiting = journal.pending_notes()
    if not waiting:
        return 0
    try:
        inserted = _insert(engine, waiting)
    except (IntegrityError, ProgrammingError) as batch_error:
        log.warning("notes refused as a batch (%s); one at a time", batch_error.orig)
        inserted = 0
        for note in waiting:
            try:
                inserted += _insert(engine, [note])
            except (IntegrityError, ProgrammingError) as exc:
                journal.mark_note_refused(note.key, str(exc.orig or exc).splitlines()[0])
                continue
            journal.mark_notes_synced([note.key])
        return inserted
    journal.mark_notes_synced([n.key for n in waiting])
    return inserted


def pulled_notes(s: Session, keys: Sequence[tuple[str, int]]) -> list[Note]:
    """The notes on these items (kind, id) in the shared database, the oldest first."""
    if not keys:
        return []
    rows = s.scalars(
        select(ItemNote)
        .where(tuple_(ItemNote.item_kind, ItemNote.item_id).in_(list(keys)))
        .order_by(ItemNote.written_at, ItemNote.id)
    )
    return [
        Note(
            r.idempotency_key,
            r.item_kind,
            r.item_id,
            r.facility_id,
            r.body,
            r.staff_username,
            r.workstation,
            r.written_at,
        )
        for r in rows
    ]
