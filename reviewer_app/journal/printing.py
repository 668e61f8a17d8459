"""Printing and hand-over on the workstation first, like decisions: written here, pushed later.

Three tables on the journal's own metadata (``Journal`` creates them with the others):

* ``print_queue``: the counsellor's list as last read from the shared database (approved posts to
  print, printed ones to hand over), so the list and the hand-over work on while the shared database
  is unreachable.
* ``print_outbox``: every printing of a post (first print or reprint with its reason), with an
  idempotency key, waiting to be pushed (reviewer_app/sync/push_records.py) and kept afterwards.
* ``handover_outbox``: every hand-over (delivered, or undeliverable with a reason), likewise.

A record that changes the post's status (a first print, a hand-over) carries the post version it
expects in the shared database: the version last read there plus this workstation's earlier records
for the post not pushed yet. The push applies it only if that still holds (the optimistic check of
decisions), so a post printed or handed over from another workstation meanwhile becomes a visible
conflict, never a silent overwrite. Each record writes its audit event in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import JSON, Index, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from reviewer_app.core.messages import CodedError
from reviewer_app.core.vocabulary import HANDOVER_OUTCOMES, UNDELIVERABLE_REASONS
from reviewer_app.journal.models import JournalAudit, JournalBase

if TYPE_CHECKING:
    from reviewer_app.journal.journal import Journal

#: Statuses a post may have in the counsellor's list.
PRINTABLE: Final = "approved"
PRINTED_STATUSES: Final[frozenset[str]] = frozenset({"printed", "delivered", "undeliverable"})
#: A hand-over can be recorded for a printout not yet handed over, or one that could not be (yet).
HANDOVER_FROM: Final[frozenset[str]] = frozenset({"printed", "undeliverable"})


class PrintRefused(CodedError):
    """A print or hand-over the journal will not record: a code of :mod:`reviewer_app.core.messages`
    and its values, worded for the counsellor in the desk's language."""


class ReprintNeedsReason(PrintRefused):
    """Some of the posts were printed before: printing them again is a reprint, which needs a reason."""

    def __init__(self, code: str, post_ids: Sequence[int]) -> None:
        super().__init__(code, posts=tuple(post_ids))
        self.post_ids = list(post_ids)


# ---- tables ---------------------------------------------------------------------------------------


class JournalPrintPost(JournalBase):
    """A post in the counsellor's list, as the shared database had it at the last refresh."""

    __tablename__ = "print_queue"

    post_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    facility_id: Mapped[int] = mapped_column(index=True)
    version: Mapped[int]
    remote_status: Mapped[str] = mapped_column(String(16))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    pulled_at: Mapped[datetime]


class JournalPrintRecord(JournalBase):
    __tablename__ = "print_outbox"
    __table_args__ = (Index("ix_print_outbox_state_seq", "state", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)  # push order
    key: Mapped[str] = mapped_column(String(36), unique=True)  # idempotency key
    batch_key: Mapped[str] = mapped_column(String(36), index=True)
    facility_id: Mapped[int]
    post_id: Mapped[int] = mapped_column(index=True)
    service_id: Mapped[int | None]
    #: the post version a first print expects in the shared database; None for a reprint
    expected_version: Mapped[int | None]
    reprint: Mapped[bool]
    reprint_reason: Mapped[str | None] = mapped_column(String(300))
    copies: Mapped[int]
    printed_by: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    printed_at: Mapped[datetime]
    # pending (waiting to sync) | synced | conflict
    state: Mapped[str] = mapped_column(String(16), default="pending")
    #: why it conflicted, or what the push noticed (printed elsewhere first: kept as a reprint)
    note: Mapped[str | None] = mapped_column(String(300))
    synced_at: Mapped[datetime | None]


class JournalHandover(JournalBase):
    __tablename__ = "handover_outbox"
    __table_args__ = (Index("ix_handover_outbox_state_seq", "state", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int]
    post_id: Mapped[int] = mapped_column(index=True)
    service_id: Mapped[int | None]
    expected_version: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(16))
    handed_over_by: Mapped[str] = mapped_column(String(60))
    handed_over_at: Mapped[datetime]
    recipient: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(String(300))
    recorded_by: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(16), default="pending")
    conflict_reason: Mapped[str | None] = mapped_column(String(300))
    synced_at: Mapped[datetime | None]


# ---- what callers get back ------------------------------------------------------------------------


@dataclass(frozen=True)
class QueuedPost:
    """A post in the counsellor's list: the shared database's view plus this workstation's records."""

    post_id: int
    facility_id: int
    version: int
    remote_status: str
    local_status: str
    snapshot: dict[str, Any]
    prints: int  # how often it was printed (shared database, plus records here not pushed yet)
    last_printed_at: datetime | None
    last_batch: str | None
    waiting_to_sync: int
    problem: str | None  # the latest conflict or push note about it, for the counsellor

    @property
    def inmate(self) -> dict[str, Any]:
        return dict(self.snapshot.get("inmate") or {})

    @property
    def housing_unit(self) -> str:
        return str(self.inmate.get("housing_unit") or "")

    @property
    def call_number(self) -> str:
        return str(self.inmate.get("call_number") or "")

    @property
    def title(self) -> str:
        return str(self.snapshot.get("title") or "")


@dataclass(frozen=True)
class PrintRecordData:
    key: str
    seq: int
    batch_key: str
    facility_id: int
    post_id: int
    expected_version: int | None
    reprint: bool
    reprint_reason: str | None
    copies: int
    printed_by: str
    workstation: str
    printed_at: datetime
    state: str
    note: str | None


@dataclass(frozen=True)
class HandoverData:
    key: str
    seq: int
    facility_id: int
    post_id: int
    expected_version: int
    outcome: str
    reason: str | None
    handed_over_by: str
    handed_over_at: datetime
    recipient: str | None
    note: str | None
    recorded_by: str
    workstation: str
    recorded_at: datetime
    state: str
    conflict_reason: str | None


@dataclass(frozen=True)
class PrintBatch:
    """One print run recorded here: its key and the posts in it (first prints and reprints)."""

    key: str
    printed_at: datetime
    printed_by: str
    records: tuple[PrintRecordData, ...]

    @property
    def post_ids(self) -> list[int]:
        return [r.post_id for r in self.records]


@dataclass(frozen=True)
class BatchSummary:
    key: str
    printed_at: datetime
    printed_by: str
    posts: int
    post_ids: tuple[int, ...]


@dataclass(frozen=True)
class PrintCounts:
    to_print: int
    to_hand_over: int
    waiting_to_sync: int
    conflicts: int


def _print_data(r: JournalPrintRecord) -> PrintRecordData:
    return PrintRecordData(
        key=r.key,
        seq=r.seq,
        batch_key=r.batch_key,
        facility_id=r.facility_id,
        post_id=r.post_id,
        expected_version=r.expected_version,
        reprint=r.reprint,
        reprint_reason=r.reprint_reason,
        copies=r.copies,
        printed_by=r.printed_by,
        workstation=r.workstation,
        printed_at=r.printed_at,
        state=r.state,
        note=r.note,
    )


def _handover_data(h: JournalHandover) -> HandoverData:
    return HandoverData(
        key=h.key,
        seq=h.seq,
        facility_id=h.facility_id,
        post_id=h.post_id,
        expected_version=h.expected_version,
        outcome=h.outcome,
        reason=h.reason,
        handed_over_by=h.handed_over_by,
        handed_over_at=h.handed_over_at,
        recipient=h.recipient,
        note=h.note,
        recorded_by=h.recorded_by,
        workstation=h.workstation,
        recorded_at=h.recorded_at,
        state=h.state,
        conflict_reason=h.conflict_reason,
    )


def _clean(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text[:limit] or None


class PrintJournal:
    """The printing side of a workstation's :class:`~reviewer_app.journal.journal.Journal`.

    Safe to call from worker threads: each call opens its own session; writes take the journal's lock.
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def _session(self) -> Session:
        return self.journal.session()

    # ---- the list -------------------------------------------------------------------------------

    def store_queue(self, snapshots: Sequence[dict[str, Any]], facility_id: int, now: datetime) -> None:
        """Replace the list of `facility_id` with what the shared database says now.

        Posts that left the list (handed over, or printed elsewhere and handed over) go, unless this
        workstation still has records for them waiting to be pushed.
        """
        with self.journal.lock, self._session() as s, s.begin():
            pulled = {int(snap["id"]): snap for snap in snapshots}
            waiting = self._waiting_posts(s)
            for row in s.scalars(select(JournalPrintPost).where(JournalPrintPost.facility_id == facility_id)):
                if row.post_id not in pulled and row.post_id not in waiting:
                    s.delete(row)
            s.flush()
            for post_id, snap in pulled.items():
                found = s.get(JournalPrintPost, post_id)
                row = found if found is not None else JournalPrintPost(post_id=post_id)
                if found is None:
                    s.add(row)
                row.facility_id = int(snap["facility"]["id"])
                row.version = int(snap["version"])
                row.remote_status = str(snap["status"])
                row.snapshot = snap
                row.pulled_at = now

    def queue(self, statuses: Iterable[str] | None = None) -> list[QueuedPost]:
        """The list with each post's status on this workstation, in walking order (unit, room,
        call number, then the order the posts came in)."""
        wanted = set(statuses) if statuses is not None else None
        with self._session() as s:
            rows = list(s.scalars(select(JournalPrintPost)))
            prints = list(s.scalars(select(JournalPrintRecord).order_by(JournalPrintRecord.seq)))
            handovers = list(s.scalars(select(JournalHandover).order_by(JournalHandover.seq)))
        prints_of: dict[int, list[JournalPrintRecord]] = {}
        for p in prints:
            prints_of.setdefault(p.post_id, []).append(p)
        handovers_of: dict[int, list[JournalHandover]] = {}
        for h in handovers:
            handovers_of.setdefault(h.post_id, []).append(h)
        out = []
        for row in rows:
            mine_p = prints_of.get(row.post_id, [])
            mine_h = handovers_of.get(row.post_id, [])
            status = self._local_status(row.remote_status, mine_p, mine_h)
            if wanted is not None and status not in wanted:
                continue
            printed = row.snapshot.get("printing") or {}
            last_remote = printed.get("last_printed_at")
            moments = [datetime.fromisoformat(last_remote)] if last_remote else []
            moments += [p.printed_at for p in mine_p if p.state != "conflict"]
            # What the counsellor should know: the note of this workstation's latest record, if any.
            latest = [(p.printed_at, 0, p.seq, p.note) for p in mine_p] + [
                (h.recorded_at, 1, h.seq, h.conflict_reason) for h in mine_h
            ]
            out.append(
                QueuedPost(
                    post_id=row.post_id,
                    facility_id=row.facility_id,
                    version=row.version,
                    remote_status=row.remote_status,
                    local_status=status,
                    snapshot=row.snapshot,
                    prints=int(printed.get("count") or 0) + sum(1 for p in mine_p if p.state == "pending"),
                    last_printed_at=max(moments) if moments else None,
                    last_batch=mine_p[-1].batch_key if mine_p else printed.get("last_batch"),
                    waiting_to_sync=sum(1 for p in mine_p if p.state == "pending")
                    + sum(1 for h in mine_h if h.state == "pending"),
                    problem=max(latest)[3] if latest else None,
                )
            )
        return sorted(out, key=_walking_order)

    def counts(self) -> PrintCounts:
        posts = self.queue()
        with self._session() as s:
            waiting = (s.scalar(select(func.count()).where(JournalPrintRecord.state == "pending")) or 0) + (
                s.scalar(select(func.count()).where(JournalHandover.state == "pending")) or 0
            )
            conflicts = (
                s.scalar(select(func.count()).where(JournalPrintRecord.state == "conflict")) or 0
            ) + (s.scalar(select(func.count()).where(JournalHandover.state == "conflict")) or 0)
        return PrintCounts(
            to_print=sum(1 for p in posts if p.local_status == PRINTABLE),
            to_hand_over=sum(1 for p in posts if p.local_status in HANDOVER_FROM),
            waiting_to_sync=waiting,
            conflicts=conflicts,
        )

    def batches(self, limit: int = 20) -> list[BatchSummary]:
        """This workstation's latest print runs, newest first (to record a whole batch's hand-over)."""
        with self._session() as s:
            keys = s.execute(
                select(
                    JournalPrintRecord.batch_key,
                    func.min(JournalPrintRecord.printed_at),
                    func.min(JournalPrintRecord.printed_by),
                )
                .where(JournalPrintRecord.state != "conflict")
                .group_by(JournalPrintRecord.batch_key)
                .order_by(func.max(JournalPrintRecord.seq).desc())
                .limit(limit)
            ).all()
            out = []
            for key, at, by in keys:
                ids = tuple(
                    s.scalars(
                        select(JournalPrintRecord.post_id)
                        .where(JournalPrintRecord.batch_key == key)
                        .order_by(JournalPrintRecord.seq)
                    )
                )
                out.append(BatchSummary(key, at, by, len(ids), ids))
            return out

    def prints(self, states: Sequence[str] = ("pending",)) -> list[PrintRecordData]:
        with self._session() as s:
            rows = s.scalars(
                select(JournalPrintRecord)
                .where(JournalPrintRecord.state.in_(states))
                .order_by(JournalPrintRecord.seq)
            )
            return [_print_data(r) for r in rows]

    def handovers(self, states: Sequence[str] = ("pending",)) -> list[HandoverData]:
        with self._session() as s:
            rows = s.scalars(
                select(JournalHandover).where(JournalHandover.state.in_(states)).order_by(JournalHandover.seq)
            )
            return [_handover_data(h) for h in rows]

    # ---- recording ------------------------------------------------------------------------------

    def record_print(
        self,
        post_ids: Sequence[int],
        *,
        printed_by: str,
        workstation: str,
        now: datetime,
        copies: int = 1,
        reprint_reason: str | None = None,
        batch_key: str | None = None,
    ) -> PrintBatch:
        """Record that these posts were printed (one transaction for the whole run).

        An approved post becomes printed; a post printed before is a reprint and needs
        `reprint_reason` (else :class:`ReprintNeedsReason`, nothing recorded).
        """
        if copies < 1:
            raise PrintRefused("PRINT_NO_COPIES")
        if not post_ids:
            raise PrintRefused("PRINT_NOTHING_TICKED")
        reason = _clean(reprint_reason, 300)
        batch = batch_key or str(uuid.uuid4())
        with self.journal.lock, self._session() as s, s.begin():
            rows = self._rows(s, post_ids)
            prints, handovers = self._records_of(s, list(rows))
            statuses = {
                pid: self._local_status(row.remote_status, prints.get(pid, []), handovers.get(pid, []))
                for pid, row in rows.items()
            }
            again = [pid for pid in post_ids if statuses[pid] in PRINTED_STATUSES]
            others = [pid for pid in post_ids if statuses[pid] not in PRINTED_STATUSES | {PRINTABLE}]
            if others:
                raise PrintRefused("PRINT_NOT_PRINTABLE", posts=tuple(others))
            if again and reason is None:
                raise ReprintNeedsReason("PRINT_REPRINT_NEEDS_REASON", again)
            records = []
            for pid in dict.fromkeys(post_ids):
                row = rows[pid]
                reprint = pid in again
                record = JournalPrintRecord(
                    key=str(uuid.uuid4()),
                    batch_key=batch,
                    facility_id=row.facility_id,
                    post_id=pid,
                    service_id=row.snapshot.get("service_id"),
                    expected_version=None
                    if reprint
                    else self._version_after_pending(row, prints.get(pid, []), handovers.get(pid, [])),
                    reprint=reprint,
                    reprint_reason=reason if reprint else None,
                    copies=copies,
                    printed_by=printed_by,
                    workstation=workstation,
                    printed_at=now,
                    state="pending",
                )
                s.add(record)
                detail: dict[str, Any] = {"print_key": record.key, "batch": batch, "copies": copies}
                if reprint:
                    detail["reason"] = reason
                self._audit(s, row, "reprint" if reprint else "print", printed_by, workstation, now, detail)
                records.append(record)
            s.flush()  # once for the batch: the records' journal order (seq) is known from here
            return PrintBatch(batch, now, printed_by, tuple(_print_data(r) for r in records))

    def record_handover(
        self,
        post_ids: Sequence[int],
        *,
        outcome: str,
        handed_over_by: str,
        handed_over_at: datetime,
        recorded_by: str,
        workstation: str,
        now: datetime,
        recipient: str | None = None,
        note: str | None = None,
        reason: str | None = None,
    ) -> list[HandoverData]:
        """Record the hand-over of printed posts, one or a whole batch, in one transaction."""
        if outcome not in HANDOVER_OUTCOMES:
            raise ValueError(outcome)
        note = _clean(note, 300)
        if outcome == "undeliverable":
            if reason not in UNDELIVERABLE_REASONS:
                raise PrintRefused("HANDOVER_NEEDS_REASON")
            if reason == "other" and not note:
                raise PrintRefused("HANDOVER_OTHER_NEEDS_NOTE")
        else:
            reason = None
        by = _clean(handed_over_by, 60)
        if not by:
            raise PrintRefused("HANDOVER_NEEDS_GIVER")
        if handed_over_at.tzinfo is None:
            raise ValueError("handed_over_at must be aware")
        if not post_ids:
            raise PrintRefused("HANDOVER_NOTHING_TICKED")
        with self.journal.lock, self._session() as s, s.begin():
            rows = self._rows(s, post_ids)
            prints, handovers = self._records_of(s, list(rows))
            wrong = [
                pid
                for pid in post_ids
                if self._local_status(rows[pid].remote_status, prints.get(pid, []), handovers.get(pid, []))
                not in HANDOVER_FROM
            ]
            if wrong:
                raise PrintRefused("HANDOVER_NOT_ALLOWED", posts=tuple(wrong))
            out = []
            for pid in dict.fromkeys(post_ids):
                row = rows[pid]
                record = JournalHandover(
                    key=str(uuid.uuid4()),
                    facility_id=row.facility_id,
                    post_id=pid,
                    service_id=row.snapshot.get("service_id"),
                    expected_version=self._version_after_pending(
                        row, prints.get(pid, []), handovers.get(pid, [])
                    ),
                    outcome=outcome,
                    reason=reason,
                    handed_over_by=by,
                    handed_over_at=handed_over_at,
                    recipient=_clean(recipient, 60),
                    note=note,
                    recorded_by=recorded_by,
                    workstation=workstation,
                    recorded_at=now,
                    state="pending",
                )
                s.add(record)
                detail: dict[str, Any] = {
                    "handover_key": record.key,
                    "outcome": outcome,
                    "by": by,
                    "at": handed_over_at.isoformat(),
                }
                if reason:
                    detail["reason"] = reason
                if note:
                    detail["note"] = note
                self._audit(s, row, "handover", recorded_by, workstation, now, detail)
                out.append(record)
            s.flush()  # once for the batch: the records' journal order (seq) is known from here
            return [_handover_data(h) for h in out]

    # ---- sync side ------------------------------------------------------------------------------

    def mark_print_synced(
        self, key: str, now: datetime, status: str | None, version: int | None, note: str | None = None
    ) -> None:
        with self._session() as s, s.begin():
            r = s.scalar(select(JournalPrintRecord).where(JournalPrintRecord.key == key))
            if r is None or r.state != "pending":
                return
            r.state, r.synced_at, r.note = "synced", now, note
            self._settle(s, r.post_id, status, version)

    def mark_handover_synced(self, key: str, now: datetime, status: str | None, version: int | None) -> None:
        with self._session() as s, s.begin():
            h = s.scalar(select(JournalHandover).where(JournalHandover.key == key))
            if h is None or h.state != "pending":
                return
            h.state, h.synced_at = "synced", now
            self._settle(s, h.post_id, status, version)

    def mark_print_conflict(self, key: str, reason: str, now: datetime) -> None:
        with self._session() as s, s.begin():
            r = s.scalar(select(JournalPrintRecord).where(JournalPrintRecord.key == key))
            if r is None or r.state != "pending":
                return
            r.state, r.synced_at, r.note = "conflict", now, reason
            self._audit_raw(
                s,
                r.facility_id,
                r.post_id,
                r.service_id,
                "print_conflict",
                r.printed_by,
                r.workstation,
                now,
                {"print_key": key, "reason": reason},
            )

    def mark_handover_conflict(self, key: str, reason: str, now: datetime) -> None:
        with self._session() as s, s.begin():
            h = s.scalar(select(JournalHandover).where(JournalHandover.key == key))
            if h is None or h.state != "pending":
                return
            h.state, h.synced_at, h.conflict_reason = "conflict", now, reason
            self._audit_raw(
                s,
                h.facility_id,
                h.post_id,
                h.service_id,
                "handover_conflict",
                h.recorded_by,
                h.workstation,
                now,
                {"handover_key": key, "reason": reason},
            )

    # ---- helpers --------------------------------------------------------------------------------

    @staticmethod
    def _waiting_posts(s: Session) -> set[int]:
        return set(
            s.scalars(select(JournalPrintRecord.post_id).where(JournalPrintRecord.state == "pending"))
        ) | set(s.scalars(select(JournalHandover.post_id).where(JournalHandover.state == "pending")))

    @staticmethod
    def _rows(s: Session, post_ids: Sequence[int]) -> dict[int, JournalPrintPost]:
        rows = {
            r.post_id: r
            for r in s.scalars(select(JournalPrintPost).where(JournalPrintPost.post_id.in_(post_ids)))
        }
        missing = [pid for pid in post_ids if pid not in rows]
        if missing:
            raise PrintRefused("PRINT_NOT_IN_LIST", posts=tuple(missing))
        return rows

    @staticmethod
    def _local_status(
        remote: str, prints: Sequence[JournalPrintRecord], handovers: Sequence[JournalHandover]
    ) -> str:
        """The remote status with this workstation's records not pushed yet applied, in push order
        (prints first, then hand-overs)."""
        status = remote
        for p in prints:
            if p.state == "pending" and not p.reprint and status == PRINTABLE:
                status = "printed"
        for h in handovers:
            if h.state == "pending" and status in HANDOVER_FROM:
                status = h.outcome
        return status

    @staticmethod
    def _records_of(
        s: Session, post_ids: Sequence[int]
    ) -> tuple[dict[int, list[JournalPrintRecord]], dict[int, list[JournalHandover]]]:
        """Every print and hand-over record of these posts, each post's in journal order (two queries
        for a whole batch, not two a post)."""
        prints: dict[int, list[JournalPrintRecord]] = {}
        handovers: dict[int, list[JournalHandover]] = {}
        for start in range(0, len(post_ids), 500):
            chunk = post_ids[start : start + 500]
            for p in s.scalars(
                select(JournalPrintRecord)
                .where(JournalPrintRecord.post_id.in_(chunk))
                .order_by(JournalPrintRecord.seq)
            ):
                prints.setdefault(p.post_id, []).append(p)
            for h in s.scalars(
                select(JournalHandover).where(JournalHandover.post_id.in_(chunk)).order_by(JournalHandover.seq)
            ):
                handovers.setdefault(h.post_id, []).append(h)
        return prints, handovers

    @staticmethod
    def _version_after_pending(
        row: JournalPrintPost, prints: Sequence[JournalPrintRecord], handovers: Sequence[JournalHandover]
    ) -> int:
        """The version the shared database will have when a new record's turn comes in the push: the
        cached version plus one for each of this workstation's changes still waiting to be pushed."""
        changes = sum(1 for p in prints if p.state == "pending" and not p.reprint)
        return row.version + changes + sum(1 for h in handovers if h.state == "pending")

    @staticmethod
    def _settle(s: Session, post_id: int, status: str | None, version: int | None) -> None:
        """A record reached the shared database: the cached post follows until the next refresh."""
        row = s.get(JournalPrintPost, post_id)
        if row is None or status is None or version is None:
            return
        if version >= row.version:
            row.version = version
            row.remote_status = status

    def _audit(
        self,
        s: Session,
        row: JournalPrintPost,
        action: str,
        who: str,
        workstation: str,
        now: datetime,
        detail: dict[str, Any],
    ) -> None:
        self._audit_raw(
            s,
            row.facility_id,
            row.post_id,
            row.snapshot.get("service_id"),
            action,
            who,
            workstation,
            now,
            detail,
        )

    @staticmethod
    def _audit_raw(
        s: Session,
        facility_id: int,
        post_id: int,
        service_id: int | None,
        action: str,
        who: str,
        workstation: str,
        now: datetime,
        detail: dict[str, Any],
    ) -> None:
        s.add(
            JournalAudit(
                key=str(uuid.uuid4()),
                facility_id=facility_id,
                occurred_at=now,
                staff_username=who,
                workstation=workstation,
                action=action,
                item_kind="post",
                item_id=post_id,
                service_id=service_id,
                detail=detail,
            )
        )


def unit_of(housing_unit: str) -> str:
    """The housing unit (舍) of a place like "忠舍 3 房": its first word; the place itself otherwise."""
    words = housing_unit.split()
    return words[0] if words else ""


def _room_key(housing_unit: str) -> tuple[str, int, str]:
    words = housing_unit.split()
    number = next((int(w) for w in words[1:] if w.isdigit()), 0)
    return (unit_of(housing_unit), number, housing_unit)


def _walking_order(post: QueuedPost) -> tuple[Any, ...]:
    return (
        _room_key(post.housing_unit),
        post.call_number,
        str(post.snapshot.get("submitted_at") or ""),
        post.post_id,
    )
