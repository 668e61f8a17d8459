"""The tamper-evident audit trail: each event stores the hash of the one before it in its chain.

One chain per facility (events without a facility form chain 0). Appending locks the chain's head row
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the first write takes the database's write lock), so
concurrent writers queue instead of forking the chain. :func:`verify` walks every chain it can see and
reports the first broken link: an event altered in place (its hash no longer matches), one deleted
(a gap in the numbers, or a head that points past the last event), a link rewritten.

The canonical serialisation below must never change: existing chains are verified with it. A new
format would get a new version tag and verify both.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from reviewer_app.shared_db import bulk
from reviewer_app.shared_db.engine import one_of
from reviewer_app.shared_db.models import AuditChainHead, AuditEvent, utcnow

FORMAT = "reviewdesk-audit-v1"


def chain_of(facility_id: int | None) -> int:
    return facility_id or 0


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:  # SQLite hands back naive UTC outside the ORM type
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def normalise_detail(detail: dict[str, Any] | None) -> dict[str, Any]:
    """The detail as the database will give it back (JSON: string keys, lists for tuples)."""
    value = json.loads(json.dumps(detail or {}, ensure_ascii=False, allow_nan=False))
    assert isinstance(value, dict)
    return value


def event_hash(
    *,
    chain_seq: int,
    prev_hash: str | None,
    event_key: str,
    facility_id: int | None,
    occurred_at: datetime,
    staff_username: str,
    workstation: str,
    action: str,
    item_kind: str | None,
    item_id: int | None,
    service_id: int | None,
    detail: dict[str, Any] | None,
) -> str:
    return _hash_normalised(
        chain_seq,
        prev_hash,
        event_key,
        facility_id,
        occurred_at,
        staff_username,
        workstation,
        action,
        item_kind,
        item_id,
        service_id,
        normalise_detail(detail),
    )


def _hash_normalised(
    chain_seq: int,
    prev_hash: str | None,
    event_key: str,
    facility_id: int | None,
    occurred_at: datetime,
    staff_username: str,
    workstation: str,
    action: str,
    item_kind: str | None,
    item_id: int | None,
    service_id: int | None,
    detail: dict[str, Any],
) -> str:
    """:func:`event_hash` of a detail already normalised (appending normalises it once, not twice)."""
    payload = [
        FORMAT,
        chain_of(facility_id),
        chain_seq,
        prev_hash or "",
        event_key,
        facility_id,
        _utc_text(occurred_at),
        staff_username,
        workstation,
        action,
        item_kind,
        item_id,
        service_id,
        detail,
    ]
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_of(e: AuditEvent) -> str:
    return event_hash(
        chain_seq=e.chain_seq,
        prev_hash=e.prev_hash,
        event_key=e.event_key,
        facility_id=e.facility_id,
        occurred_at=e.occurred_at,
        staff_username=e.staff_username,
        workstation=e.workstation,
        action=e.action,
        item_kind=e.item_kind,
        item_id=e.item_id,
        service_id=e.service_id,
        detail=e.detail,
    )


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
    """Create missing heads, then lock them all in one order (no deadlock between two pushers)."""
    dialect = s.get_bind().dialect.name
    rows = [{"facility_id": c, "last_seq": 0, "last_hash": None, "updated_at": utcnow()} for c in chains]
    if dialect == "postgresql":
        s.execute(pg_insert(AuditChainHead).values(rows).on_conflict_do_nothing())
    else:
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
    added = 0
    for e, chained in zip(events, _chain(s, [_fields(e) for e in events]), strict=True):
        if chained is None:
            continue
        e.detail = chained["detail"]
        e.chain_seq, e.prev_hash, e.hash = chained["chain_seq"], chained["prev_hash"], chained["hash"]
        s.add(e)
        added += 1
    s.flush()
    return added


def append_rows(
    s: Session, events: Sequence[Mapping[str, Any]], *, details_normalised: bool = False
) -> int:
    """:func:`append` for plain rows (the keys of :data:`EVENT_FIELDS`): chained the same way, then
    inserted with one multi-row statement instead of one ORM object each. Returns how many were
    inserted (a replay after a crash inserts nothing twice). `details_normalised`: the details were
    read back from JSON already (a journal's outbox), so they are hashed as they are."""
    if not events:
        return 0
    rows = [r for r in _chain(s, events, details_normalised) if r is not None]
    bulk.insert_rows(s.connection(), AuditEvent.__table__, rows)  # type: ignore[arg-type]
    s.flush()
    return len(rows)


def _fields(e: AuditEvent) -> dict[str, Any]:
    return {name: getattr(e, name) for name in EVENT_FIELDS}


def _chain(
    s: Session, events: Sequence[Mapping[str, Any]], details_normalised: bool = False
) -> list[dict[str, Any] | None]:
    """Lock the heads, then number and hash each event after its chain's head (None: already there).

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
        row["hash"] = _hash_normalised(
            row["chain_seq"],
            last_hash,
            key,
            row["facility_id"],
            row["occurred_at"],
            row["staff_username"],
            row["workstation"],
            row["action"],
            row["item_kind"],
            row["item_id"],
            row["service_id"],
            row["detail"],
        )
        tails[chain] = (row["chain_seq"], row["hash"])
        chained.append(row)
    now = utcnow()
    for chain, (last_seq, last_hash) in tails.items():
        head = heads[chain]
        if last_seq != head.last_seq:
            head.last_seq, head.last_hash, head.updated_at = last_seq, last_hash, now
    return chained


# ---- verification ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    chain: int  # facility id, 0 for events without one
    kind: str  # altered | missing | link | duplicate | head | unchained | unreadable
    seq: int | None
    event_id: int | None
    message: str  # zh-TW


@dataclass(frozen=True)
class VerifyReport:
    chains: int
    events: int
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def _describe(e: AuditEvent) -> str:
    return f"#{e.id}（{_utc_text(e.occurred_at)[:19]}Z {e.staff_username} {e.action}）"


def _verify_chain(s: Session, chain: int, head: AuditChainHead | None) -> tuple[int, Break | None]:
    # Not coalesce(facility_id, 0) = chain: that would scan the whole table once per chain.
    where = AuditEvent.facility_id.is_(None) if chain == 0 else AuditEvent.facility_id == chain
    rows = s.scalars(
        select(AuditEvent)
        .where(where)
        .order_by(AuditEvent.chain_seq, AuditEvent.id)
        .execution_options(yield_per=2000)
    )
    read = [0, 0]  # events read so far, chain number of the last one

    def reading() -> Iterator[AuditEvent]:
        for e in rows:
            read[:] = [read[0] + 1, e.chain_seq or 0]
            yield e

    try:
        return _walk(reading(), chain, head)
    except ValueError:
        # A detail that is not JSON (or not UTF-8), a time that is not one: SQLite stores what it is
        # given, so a row changed in the database can fail to load at all. That is a broken chain.
        rows.close()
        return read[0], _unreadable(s, chain, where, after_seq=read[1])
    finally:
        rows.close()  # a break ends the walk early: close the server-side cursor


def _unreadable(s: Session, chain: int, where: ColumnElement[bool], after_seq: int) -> Break:
    """The first event after `after_seq` that cannot be loaded (the walk loads them in batches)."""
    candidates = s.execute(
        select(AuditEvent.id, AuditEvent.chain_seq)
        .where(where, AuditEvent.chain_seq > after_seq)
        .order_by(AuditEvent.chain_seq, AuditEvent.id)
    ).all()
    for event_id, seq in candidates:
        try:
            s.execute(
                select(AuditEvent.detail, AuditEvent.occurred_at).where(AuditEvent.id == event_id)
            ).one()
        except ValueError:
            return Break(
                chain,
                "unreadable",
                seq,
                event_id,
                f"事件 #{event_id} 的內容無法讀取（不是程式寫入的格式，寫入後被修改）",
            )
    return Break(chain, "unreadable", None, None, "稽核鏈中有事件的內容無法讀取（寫入後被修改）")


def _walk(rows: Iterable[AuditEvent], chain: int, head: AuditChainHead | None) -> tuple[int, Break | None]:
    expected, prev, count = 1, None, 0
    for e in rows:
        count += 1
        if e.chain_seq is None or e.hash is None:
            return count, Break(
                chain, "unchained", None, e.id, f"事件 {_describe(e)} 不在稽核鏈中（未經程式寫入）"
            )
        if e.chain_seq > expected:
            missing = (
                f"第 {expected} 筆" if e.chain_seq == expected + 1 else f"第 {expected}–{e.chain_seq - 1} 筆"
            )
            return count, Break(
                chain,
                "missing",
                expected,
                e.id,
                f"稽核鏈{missing}事件遺失（已被刪除），發生在事件 {_describe(e)} 之前",
            )
        if e.chain_seq < expected:
            return count, Break(
                chain, "duplicate", e.chain_seq, e.id, f"事件 {_describe(e)} 的序號 {e.chain_seq} 重複"
            )
        if e.prev_hash != prev:
            return count, Break(
                chain,
                "link",
                e.chain_seq,
                e.id,
                f"事件 {_describe(e)} 記錄的前一筆雜湊與前一筆事件不符（鏈結被改寫）",
            )
        try:
            altered = hash_of(e) != e.hash
        except ValueError:  # a detail no program writes (NaN, …): changed in the database
            altered = True
        if altered:
            return count, Break(
                chain, "altered", e.chain_seq, e.id, f"事件 {_describe(e)} 的內容與其雜湊不符（寫入後被修改）"
            )
        prev = e.hash
        expected += 1
    last = expected - 1
    if head is None:
        if count:
            return count, Break(chain, "head", None, None, "找不到此稽核鏈的鏈尾紀錄")
        return count, None
    if head.last_seq > last:
        return count, Break(
            chain,
            "missing",
            last + 1,
            None,
            f"稽核鏈尾端遺失 {head.last_seq - last} 筆事件"
            f"（鏈尾記錄為第 {head.last_seq} 筆，最後一筆為第 {last} 筆）",
        )
    if head.last_seq != last or head.last_hash != prev:
        return count, Break(chain, "head", last, None, "稽核鏈的鏈尾紀錄與最後一筆事件不符")
    return count, None


def verify(s: Session) -> VerifyReport:
    """Walk every chain visible to this connection; the first break, in facility order, is reported."""
    heads = {h.facility_id: h for h in s.scalars(select(AuditChainHead))}
    chains = set(heads) | set(s.scalars(select(func.coalesce(AuditEvent.facility_id, 0)).distinct()))
    total = 0
    for chain in sorted(chains):
        count, broken = _verify_chain(s, chain, heads.get(chain))
        total += count
        if broken is not None:
            return VerifyReport(len(chains), total, broken)
    return VerifyReport(len(chains), total, None)


# ---- export -----------------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "id",
    "facility_id",
    "chain_seq",
    "occurred_at",
    "staff_username",
    "workstation",
    "action",
    "item_kind",
    "item_id",
    "service_id",
    "detail",
    "event_key",
    "prev_hash",
    "hash",
)


def export_rows(s: Session) -> Iterator[list[str]]:
    rows = s.scalars(
        select(AuditEvent)
        .order_by(func.coalesce(AuditEvent.facility_id, 0), AuditEvent.chain_seq, AuditEvent.id)
        .execution_options(yield_per=2000)
    )
    try:
        for e in rows:
            yield _export_row(e)
    except ValueError as exc:  # as in _verify_chain: a row changed in the database cannot be loaded
        raise UnreadableEvent(str(exc)) from exc
    finally:
        rows.close()


class UnreadableEvent(ValueError):
    """An event that cannot be read back (changed in the database): `verify` names it."""


def _export_row(e: AuditEvent) -> list[str]:
    return [
        str(e.id),
        "" if e.facility_id is None else str(e.facility_id),
        str(e.chain_seq),
        _utc_text(e.occurred_at),
        e.staff_username,
        e.workstation,
        e.action,
        e.item_kind or "",
        "" if e.item_id is None else str(e.item_id),
        "" if e.service_id is None else str(e.service_id),
        json.dumps(e.detail, sort_keys=True, ensure_ascii=False),
        e.event_key,
        e.prev_hash or "",
        e.hash,
    ]


def export_csv(s: Session, path: Path) -> int:
    """The trail as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese)."""
    count = 0
    # Written beside it, then moved over the final name: a failed export (disk full, an unreadable
    # event) leaves no empty or half file and keeps an earlier export, as the monthly report does.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with temporary.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(EXPORT_COLUMNS)
            for row in export_rows(s):
                writer.writerow(row)
                count += 1
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count
