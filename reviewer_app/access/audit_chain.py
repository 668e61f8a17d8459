"""The tamper-evident audit trail: each event stores the hash of the one before it in its chain.

One chain per facility (events without a facility form chain 0). On PostgreSQL the chain is the
database's: a BEFORE INSERT trigger (migration 0008, running as the schema owner) locks the chain's
head, numbers, links, hashes and time-stamps each event and moves the head, whatever the client sent;
no staff login may write the heads. Here the app only inserts the events not there yet. On SQLite
(one workstation) the app chains them itself: appending locks the head rows (the first write takes
the database's write lock), so concurrent writers queue instead of forking the chain.
:func:`verify` walks every chain it can see and reports the first broken link: an event altered in
place (its hash no longer matches), one deleted (a gap in the numbers, or a head that points past the
last event), a link rewritten.

Appending is here; the canonical serialisation and hashes are in :mod:`~reviewer_app.access.audit_hash`,
:func:`verify` in :mod:`~reviewer_app.access.audit_verify`, the CSV export in
:mod:`~reviewer_app.access.audit_export`; this module names them all (``audit_chain.verify(...)``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from reviewer_app.access.audit_export import EXPORT_COLUMNS, UnreadableEvent, export_csv, export_rows
from reviewer_app.access.audit_hash import (
    FORMAT,
    FORMAT_V2,
    chain_of,
    event_hash,
    event_hash_v2,
    hash_of,
    normalise_detail,
)
from reviewer_app.access.audit_verify import Break, VerifyReport, verify
from reviewer_app.shared_db import bulk
from reviewer_app.shared_db.engine import one_of
from reviewer_app.shared_db.models import AuditChainHead, AuditEvent, utcnow

__all__ = [
    "EVENT_FIELDS",
    "EXPORT_COLUMNS",
    "FORMAT",
    "FORMAT_V2",
    "Break",
    "UnreadableEvent",
    "VerifyReport",
    "append",
    "append_rows",
    "chain_of",
    "event_hash",
    "event_hash_v2",
    "export_csv",
    "export_rows",
    "hash_of",
    "new_event",
    "normalise_detail",
    "verify",
]


def new_event(
    *,
    action: str,
    staff_username: str,
    workstation: str,
    facility_id: int | None,
    occurred_at: datetime | None = None,
    item_kind: str | None = None,
    item_id: int | None = None,
    service_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """An event written straight to the shared database (supervisor tools, staff commands)."""
    return AuditEvent(
        event_key=str(uuid.uuid4()),
        facility_id=facility_id,
        occurred_at=occurred_at or utcnow(),
        staff_username=staff_username,
        workstation=workstation,
        action=action,
        item_kind=item_kind,
        item_id=item_id,
        service_id=service_id,
        detail=detail or {},
    )


def _lock_heads(s: Session, chains: Sequence[int]) -> dict[int, AuditChainHead]:
    """SQLite: create missing heads, then lock them all in one order (no deadlock between two pushers)."""
    rows = [{"facility_id": c, "last_seq": 0, "last_hash": None, "updated_at": utcnow()} for c in chains]
    # Also takes SQLite's write lock before the heads are read, so nobody appends in between.
    s.execute(sqlite_insert(AuditChainHead).values(rows).on_conflict_do_nothing())
    heads = s.scalars(
        select(AuditChainHead)
        .where(AuditChainHead.facility_id.in_(chains))
        .order_by(AuditChainHead.facility_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    return {h.facility_id: h for h in heads}


#: The columns of one event as :func:`append_rows` takes them (the chain fields are filled in there).
EVENT_FIELDS = (
    "event_key",
    "facility_id",
    "occurred_at",
    "staff_username",
    "workstation",
    "action",
    "item_kind",
    "item_id",
    "service_id",
    "detail",
)


def append(s: Session, events: Sequence[AuditEvent]) -> int:
    """Chain and insert `events` (new, unsaved) in the caller's transaction, skipping any whose key
    is already there (a replay after a crash). Returns how many were inserted.

    The events are added to the session as they are (their ids, chain numbers and hashes are set);
    a workstation's push of hundreds of events goes through :func:`append_rows` instead."""
    if not events:
        return 0
    if _chained_by_database(s):
        fresh = _not_yet_there(s, events)
        for e in fresh:
            e.detail = normalise_detail(e.detail)
            s.add(e)
        s.flush()  # the trigger's numbers, links and hashes come back (INSERT … RETURNING)
        return len(fresh)
    added = 0
    for e, chained in zip(events, _chain(s, [_fields(e) for e in events]), strict=True):
        if chained is None:
            continue
        e.detail = chained["detail"]
        e.chain_seq, e.prev_hash, e.hash = chained["chain_seq"], chained["prev_hash"], chained["hash"]
        e.recorded_at = chained["recorded_at"]
        s.add(e)
        added += 1
    s.flush()
    return added


def append_rows(s: Session, events: Sequence[Mapping[str, Any]], *, details_normalised: bool = False) -> int:
    """:func:`append` for plain rows (the keys of :data:`EVENT_FIELDS`): chained the same way, then
    inserted with one multi-row statement instead of one ORM object each. Returns how many were
    inserted (a replay after a crash inserts nothing twice). `details_normalised`: the details were
    read back from JSON already (a journal's outbox), so they are hashed as they are."""
    if not events:
        return 0
    if _chained_by_database(s):
        rows = [{name: e[name] for name in EVENT_FIELDS} for e in _not_yet_there(s, events)]
        bulk.insert_rows(s.connection(), AuditEvent.__table__, rows)  # type: ignore[arg-type]
        return len(rows)
    rows = [r for r in _chain(s, events, details_normalised) if r is not None]
    bulk.insert_rows(s.connection(), AuditEvent.__table__, rows)  # type: ignore[arg-type]
    s.flush()
    return len(rows)


def _chained_by_database(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


_E = TypeVar("_E", AuditEvent, Mapping[str, Any])


def _not_yet_there(s: Session, events: Sequence[_E]) -> list[_E]:
    """The events whose key is not in the database yet (a replay after a crash), each key once,
    ordered by chain (stable): the trigger locks each chain's head as it reaches it, and two pushers
    that lock heads in the same order never deadlock. A concurrent pusher of the same key that this
    look misses is skipped by the trigger itself, under the head's lock."""
    keys = [_key(e) for e in events]
    present: set[str] = set()
    dialect = s.get_bind().dialect.name
    for start in range(0, len(keys), 1000):
        chunk = keys[start : start + 1000]
        present.update(
            s.scalars(select(AuditEvent.event_key).where(one_of(AuditEvent.event_key, chunk, dialect)))
        )
    fresh: list[_E] = []
    for e in events:
        if _key(e) not in present:
            present.add(_key(e))
            fresh.append(e)
    return sorted(fresh, key=lambda e: chain_of(_facility(e)))


def _key(e: AuditEvent | Mapping[str, Any]) -> str:
    return e.event_key if isinstance(e, AuditEvent) else str(e["event_key"])


def _facility(e: AuditEvent | Mapping[str, Any]) -> int | None:
    return e.facility_id if isinstance(e, AuditEvent) else e["facility_id"]


def _fields(e: AuditEvent) -> dict[str, Any]:
    return {name: getattr(e, name) for name in EVENT_FIELDS}


def _chain(
    s: Session, events: Sequence[Mapping[str, Any]], details_normalised: bool = False
) -> list[dict[str, Any] | None]:
    """SQLite: lock the heads, then number and hash each event after its chain's head (None: already
    there), as the database's trigger does on PostgreSQL (format v2, :func:`event_hash_v2`).

    The heads are moved to the last event of each chain (flushed with the caller's transaction)."""
    heads = _lock_heads(s, sorted({chain_of(e["facility_id"]) for e in events}))
    # Checked under the lock: a second pusher of the same events waits above, then finds them here.
    keys = [e["event_key"] for e in events]
    present: set[str] = set()
    dialect = s.get_bind().dialect.name
    for start in range(0, len(keys), 1000):
        chunk = keys[start : start + 1000]
        present.update(
            s.scalars(select(AuditEvent.event_key).where(one_of(AuditEvent.event_key, chunk, dialect)))
        )
    chained: list[dict[str, Any] | None] = []
    now = utcnow()
    tails: dict[int, tuple[int, str | None]] = {c: (h.last_seq, h.last_hash) for c, h in heads.items()}
    for e in events:
        key = e["event_key"]
        if key in present:
            chained.append(None)
            continue
        present.add(key)
        chain = chain_of(e["facility_id"])
        last_seq, last_hash = tails[chain]
        row = {name: e[name] for name in EVENT_FIELDS}
        detail = e["detail"]
        fresh = not (details_normalised and isinstance(detail, dict))
        row["detail"] = normalise_detail(detail) if fresh else detail
        row["chain_seq"] = last_seq + 1
        row["prev_hash"] = last_hash
        row["recorded_at"] = now
        row["hash"] = event_hash_v2(
            chain_seq=row["chain_seq"],
            prev_hash=last_hash,
            event_key=key,
            facility_id=row["facility_id"],
            occurred_at=row["occurred_at"],
            recorded_at=now,
            staff_username=row["staff_username"],
            workstation=row["workstation"],
            action=row["action"],
            item_kind=row["item_kind"],
            item_id=row["item_id"],
            service_id=row["service_id"],
            detail=row["detail"],
        )
        tails[chain] = (row["chain_seq"], row["hash"])
        chained.append(row)
    for chain, (last_seq, last_hash) in tails.items():
        head = heads[chain]
        if last_seq != head.last_seq:
            head.last_seq, head.last_hash, head.updated_at = last_seq, last_hash, now
    return chained
