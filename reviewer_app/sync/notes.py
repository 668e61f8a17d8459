"""Staff notes between the journal and the shared database (issue #21 item 6).

Pushed once: each note carries its idempotency key, so a push repeated after a lost answer finds the
note there and only marks it synced. On PostgreSQL the staff login inserts under its own name, for an
item of its facility (migration 0013's restrictive policy); the portal reads no note at all. Pulled
with the claimed items, so the next reviewer reads them (offline too)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, select, tuple_
from sqlalchemy.orm import Session

from reviewer_app.core.notes import Note
from reviewer_app.journal import Journal
from reviewer_app.shared_db.models import ItemNote


def push_notes(engine: Engine, journal: Journal) -> int:
    """Every note written here and not yet in the shared database, in one transaction; returns how
    many were inserted (a note already there counts as synced, not again)."""
    waiting = journal.pending_notes()
    if not waiting:
        return 0
    with Session(engine) as s, s.begin():
        keys = [n.key for n in waiting]
        there = set(s.scalars(select(ItemNote.idempotency_key).where(ItemNote.idempotency_key.in_(keys))))
        new = [n for n in waiting if n.key not in there]
        s.add_all(
            ItemNote(
                idempotency_key=n.key,
                facility_id=n.facility_id,
                item_kind=n.kind,
                item_id=n.item_id,
                body=n.body,
                staff_username=n.staff_username,
                workstation=n.workstation,
                written_at=n.written_at,
            )
            for n in new
        )
    journal.mark_notes_synced(keys)
    return len(new)


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
