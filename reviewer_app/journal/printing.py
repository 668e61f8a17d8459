"""Printing and hand-over on the workstation first, like decisions: written here, pushed later.

Three tables on the journal's own metadata (journal/models.py; ``Journal`` creates them with the others):

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
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.core.items import PrintablePost
from reviewer_app.core.rules.delivery import held_back
from reviewer_app.core.timeutil import local
from reviewer_app.core.vocabulary import HANDOVER_OUTCOMES, UNDELIVERABLE_REASONS
from reviewer_app.journal.errors import PrintRefused, ReprintNeedsReason
from reviewer_app.journal.models import JournalHandover, JournalPrintPost, JournalPrintRecord
from reviewer_app.journal.print_records import (
    HANDOVER_FROM,
    HELD_BACK,
    PRINTABLE,
    PRINTED_STATUSES,
    RETURNED,
    BatchSummary,
    HandoverData,
    PrintBatch,
    PrintCounts,
    PrintRecordData,
    QueuedPost,
    after_handover,
    clean_text,
    handover_data,
    hold,
    print_data,
    unit_of,
    walking_order,
)
from reviewer_app.journal.print_rows import (
    audit_post,
    local_status,
    post_rows,
    records_of,
    settle,
    version_after_pending,
    waiting_posts,
)
from reviewer_app.journal.records import add_audit

if TYPE_CHECKING:
    from reviewer_app.journal.journal import Journal

# The names callers have always imported from here.
__all__ = [
    "HANDOVER_FROM",
    "HELD_BACK",
    "PRINTABLE",
    "PRINTED_STATUSES",
    "RETURNED",
    "BatchSummary",
    "HandoverData",
    "PrintBatch",
    "PrintCounts",
    "PrintJournal",
    "PrintRecordData",
    "PrintRefused",
    "QueuedPost",
    "ReprintNeedsReason",
    "unit_of",
]


class PrintJournal:
    """The printing side of a workstation's :class:`~reviewer_app.journal.journal.Journal`.

    Safe to call from worker threads: each call opens its own session; writes take the journal's lock.
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    def _session(self) -> Session:
        return self.journal.session()

    # ---- the list -------------------------------------------------------------------------------

    def store_queue(self, posts: Sequence[PrintablePost], facility_id: int, now: datetime) -> None:
        """Replace the list of `facility_id` with what the shared database says now.

        Posts that left the list (handed over, or printed elsewhere and handed over) go, unless this
        workstation still has records for them waiting to be pushed.
        """
        with self.journal.lock, self._session() as s, s.begin():
            pulled = {post.id: post for post in posts}
            waiting = waiting_posts(s)
            for row in s.scalars(select(JournalPrintPost).where(JournalPrintPost.facility_id == facility_id)):
                if row.post_id not in pulled and row.post_id not in waiting:
                    s.delete(row)
            s.flush()
            for post_id, post in pulled.items():
                found = s.get(JournalPrintPost, post_id)
                row = found if found is not None else JournalPrintPost(post_id=post_id)
                if found is None:
                    s.add(row)
                row.facility_id = post.facility.id
                row.version = post.version
                row.remote_status = post.status
                row.snapshot = post.to_json()  # the one storage boundary: JSON in, PrintablePost out
                row.pulled_at = now

    def queue(self, statuses: Iterable[str] | None = None, today: date | None = None) -> list[QueuedPost]:
        """The list with each post's status on this workstation, in walking order (unit, room,
        call number, then the order the posts came in). A post its inmate may not receive on
        `today` (Taipei; default: now) is HELD_BACK, with the reason."""
        wanted = set(statuses) if statuses is not None else None
        today = today or local(datetime.now(UTC)).date()
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
            post = PrintablePost.from_json(row.snapshot)
            status, why = hold(local_status(row.remote_status, mine_p, mine_h), post, today)
            if wanted is not None and status not in wanted:
                continue
            printed = post.printing
            last_remote = printed.last_printed_at
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
                    snapshot=post,
                    prints=printed.count + sum(1 for p in mine_p if p.state == "pending"),
                    last_printed_at=max(moments) if moments else None,
                    last_batch=mine_p[-1].batch_key if mine_p else printed.last_batch,
                    waiting_to_sync=sum(1 for p in mine_p if p.state == "pending")
                    + sum(1 for h in mine_h if h.state == "pending"),
                    problem=max(latest)[3] if latest else None,
                    held_back=why,
                )
            )
        return sorted(out, key=walking_order)

    def counts(self, today: date | None = None) -> PrintCounts:
        posts = self.queue(today=today)
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
            return [print_data(r) for r in rows]

    def handovers(self, states: Sequence[str] = ("pending",)) -> list[HandoverData]:
        with self._session() as s:
            rows = s.scalars(
                select(JournalHandover).where(JournalHandover.state.in_(states)).order_by(JournalHandover.seq)
            )
            return [handover_data(h) for h in rows]

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
        keys: Mapping[int, str] | None = None,
    ) -> PrintBatch:
        """Record that these posts were printed (one transaction for the whole run).

        An approved post becomes printed; a post printed before is a reprint and needs
        `reprint_reason` (else :class:`ReprintNeedsReason`, nothing recorded). `keys` (post id → key)
        are the records' keys when the pages already carry them (the page code); else new ones.
        """
        if copies < 1:
            raise PrintRefused("PRINT_NO_COPIES")
        if not post_ids:
            raise PrintRefused("PRINT_NOTHING_TICKED")
        reason = clean_text(reprint_reason, 300)
        batch = batch_key or str(uuid.uuid4())
        with self.journal.lock, self._session() as s, s.begin():
            rows = post_rows(s, post_ids)
            prints, handovers = records_of(s, list(rows))
            statuses = {
                pid: local_status(row.remote_status, prints.get(pid, []), handovers.get(pid, []))
                for pid, row in rows.items()
            }
            today = local(now).date()
            held = [
                pid
                for pid in post_ids
                if hold(statuses[pid], PrintablePost.from_json(rows[pid].snapshot), today)[1] is not None
            ]
            if held:
                raise PrintRefused("PRINT_HELD_BACK", posts=tuple(held))
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
                    key=(keys or {}).get(pid) or str(uuid.uuid4()),
                    batch_key=batch,
                    facility_id=row.facility_id,
                    post_id=pid,
                    service_id=PrintablePost.from_json(row.snapshot).service_id,
                    expected_version=None
                    if reprint
                    else version_after_pending(row, prints.get(pid, []), handovers.get(pid, [])),
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
                audit_post(s, row, "reprint" if reprint else "print", printed_by, workstation, now, detail)
                records.append(record)
            s.flush()  # once for the batch: the records' journal order (seq) is known from here
            return PrintBatch(batch, now, printed_by, tuple(print_data(r) for r in records))

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
        note = clean_text(note, 300)
        if outcome == "undeliverable":
            if reason not in UNDELIVERABLE_REASONS:
                raise PrintRefused("HANDOVER_NEEDS_REASON")
            if reason == "other" and not note:
                raise PrintRefused("HANDOVER_OTHER_NEEDS_NOTE")
        else:  # delivered, or returned to the list to print
            reason = None
        by = clean_text(handed_over_by, 60)
        if not by:
            raise PrintRefused("HANDOVER_NEEDS_GIVER")
        if handed_over_at.tzinfo is None:
            raise ValueError("handed_over_at must be aware")
        if not post_ids:
            raise PrintRefused("HANDOVER_NOTHING_TICKED")
        with self.journal.lock, self._session() as s, s.begin():
            rows = post_rows(s, post_ids)
            prints, handovers = records_of(s, list(rows))
            wrong = [
                pid
                for pid in post_ids
                if after_handover(
                    local_status(rows[pid].remote_status, prints.get(pid, []), handovers.get(pid, [])),
                    outcome,
                )
                is None
            ]
            if wrong and outcome == RETURNED:
                raise PrintRefused("HANDOVER_RETURN_NOT_ALLOWED", posts=tuple(wrong))
            if wrong:
                raise PrintRefused("HANDOVER_NOT_ALLOWED", posts=tuple(wrong))
            today = local(handed_over_at).date()
            held = [
                pid
                for pid in post_ids
                if outcome == "delivered"
                and held_back(PrintablePost.from_json(rows[pid].snapshot).inmate, today) is not None
            ]
            if held:
                raise PrintRefused("HANDOVER_HELD_BACK", posts=tuple(held))
            out = []
            for pid in dict.fromkeys(post_ids):
                row = rows[pid]
                record = JournalHandover(
                    key=str(uuid.uuid4()),
                    facility_id=row.facility_id,
                    post_id=pid,
                    service_id=PrintablePost.from_json(row.snapshot).service_id,
                    expected_version=version_after_pending(row, prints.get(pid, []), handovers.get(pid, [])),
                    outcome=outcome,
                    reason=reason,
                    handed_over_by=by,
                    handed_over_at=handed_over_at,
                    recipient=clean_text(recipient, 60),
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
                audit_post(s, row, "handover", recorded_by, workstation, now, detail)
                out.append(record)
            s.flush()  # once for the batch: the records' journal order (seq) is known from here
            return [handover_data(h) for h in out]

    # ---- sync side ------------------------------------------------------------------------------

    def mark_print_synced(
        self, key: str, now: datetime, status: str | None, version: int | None, note: str | None = None
    ) -> None:
        with self._session() as s, s.begin():
            r = s.scalar(select(JournalPrintRecord).where(JournalPrintRecord.key == key))
            if r is None or r.state != "pending":
                return
            r.state, r.synced_at, r.note = "synced", now, note
            settle(s, r.post_id, status, version)

    def mark_handover_synced(self, key: str, now: datetime, status: str | None, version: int | None) -> None:
        with self._session() as s, s.begin():
            h = s.scalar(select(JournalHandover).where(JournalHandover.key == key))
            if h is None or h.state != "pending":
                return
            h.state, h.synced_at = "synced", now
            settle(s, h.post_id, status, version)

    def mark_print_conflict(self, key: str, reason: str, now: datetime) -> None:
        with self._session() as s, s.begin():
            r = s.scalar(select(JournalPrintRecord).where(JournalPrintRecord.key == key))
            if r is None or r.state != "pending":
                return
            r.state, r.synced_at, r.note = "conflict", now, reason
            add_audit(
                s,
                action="print_conflict",
                staff_username=r.printed_by,
                workstation=r.workstation,
                now=now,
                facility_id=r.facility_id,
                item_kind="post",
                item_id=r.post_id,
                service_id=r.service_id,
                detail={"print_key": key, "reason": reason},
            )

    def mark_handover_conflict(self, key: str, reason: str, now: datetime) -> None:
        with self._session() as s, s.begin():
            h = s.scalar(select(JournalHandover).where(JournalHandover.key == key))
            if h is None or h.state != "pending":
                return
            h.state, h.synced_at, h.conflict_reason = "conflict", now, reason
            add_audit(
                s,
                action="handover_conflict",
                staff_username=h.recorded_by,
                workstation=h.workstation,
                now=now,
                facility_id=h.facility_id,
                item_kind="post",
                item_id=h.post_id,
                service_id=h.service_id,
                detail={"handover_key": key, "reason": reason},
            )
