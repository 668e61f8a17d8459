"""The workstation's local journal (SQLite): decisions are written here first, then synced.

All methods are safe to call from worker threads: each opens its own session; `lock` serialises the
decide/undo/push steps so an undo can never race the push of the same decision. What they return are
records (journal/records.py), never ORM rows. The work is in one module per job: the claimed items
(claimed.py), deciding and undoing (deciding.py), the families' standing (standing.py), what the
loader found in the documents opened here (document_checks.py).
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, delete, func, select, update
from sqlalchemy.orm import Session

from reviewer_app.core import private_files, rules
from reviewer_app.core.checks import DocKey, DocumentCheck
from reviewer_app.core.items import ClaimedItem, DocumentRef, SharedStanding, StaffMember
from reviewer_app.core.notes import Note
from reviewer_app.core.reasons import Reason
from reviewer_app.core.service_clock import OverdueLine
from reviewer_app.core.snapshot import FamilyStanding, findings_for
from reviewer_app.journal import claimed, deciding, document_checks, notes, standing
from reviewer_app.journal.errors import (
    NotClaimed,
)
from reviewer_app.journal.models import (
    JournalAudit,
    JournalAwaitingSecond,
    JournalBase,
    JournalDecision,
    JournalItem,
    JournalReason,
    JournalSendMark,
    JournalServiceClock,
    JournalStrike,
    JournalSuspension,
)
from reviewer_app.journal.records import (
    AuditRecord,
    DecisionRecord,
    JournalCounts,
    LocalItem,
    add_audit,
    audit_decision,
    build_decision,
    decision_record,
    local_item,
)
from reviewer_app.shared_db.engine import make_engine


class Journal:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Created 0600 before SQLite opens it (its -wal and -shm files take the database file's mode);
        # one left readable by others by an older version is tightened.
        private_files.private_file(self.path)
        for companion in ("-wal", "-shm"):
            private_files.tighten(self.path.with_name(self.path.name + companion))
        self.engine: Engine = make_engine(f"sqlite:///{self.path}")
        JournalBase.metadata.create_all(self.engine)
        self.lock = threading.RLock()
        #: Decisions a push is sending now (begin_sending): not undoable until it has its answer. The
        #: push holds no lock while it talks to the shared database, so decisions go on meanwhile.
        self._sending: set[str] = set()
        #: Undos asked for (Ctrl+Z pressed) that have not reached the journal yet: a push meanwhile
        #: leaves the newest decision alone (sync/grace.py), so an undo in time always works. A lock
        #: of its own: the key press must not wait for the journal's lock (held through writes).
        self._undos_waiting = 0
        self._undos_lock = threading.Lock()

    def expect_undo(self) -> None:
        """An undo is on its way (called at the key press, before it is queued; never waits)."""
        with self._undos_lock:
            self._undos_waiting += 1

    def end_undo(self) -> None:
        with self._undos_lock:
            self._undos_waiting = max(0, self._undos_waiting - 1)

    def undo_waiting(self) -> bool:
        with self._undos_lock:
            return self._undos_waiting > 0

    def begin_sending(self, keys: Iterable[str]) -> None:
        with self.lock:
            self._sending.update(keys)

    def end_sending(self, keys: Iterable[str]) -> None:
        with self.lock:
            self._sending.difference_update(keys)

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # ---- reading -------------------------------------------------------------------------------

    def items(self, include_decided: bool = False) -> list[LocalItem]:
        with self.session() as s:
            q = select(JournalItem).order_by(JournalItem.submitted_at, JournalItem.kind, JournalItem.item_id)
            if not include_decided:
                q = q.where(JournalItem.local_status != "decided")
            return [local_item(row) for row in s.scalars(q)]

    def item(self, kind: str, item_id: int) -> LocalItem | None:
        with self.session() as s:
            row = s.get(JournalItem, (kind, item_id))
            return None if row is None else local_item(row)

    def catalogue(self) -> dict[str, Reason]:
        with self.session() as s:
            rows = s.scalars(select(JournalReason).order_by(JournalReason.sort_order, JournalReason.code))
            return {r.code: Reason.from_row(r) for r in rows}

    def standing(self, service_id: int, now: datetime) -> FamilyStanding:
        with self.session() as s:
            return standing.standing(s, service_id, now)

    def standings(self, service_ids: Sequence[int], now: datetime) -> dict[int, FamilyStanding]:
        """``standing`` of many families in four queries (the desk reloads them all at once)."""
        with self.session() as s:
            return standing.standings(s, service_ids, now)

    def findings(self, kind: str, item_id: int, now: datetime) -> list[rules.Finding]:
        with self.session() as s:
            row = s.get(JournalItem, (kind, item_id))
            if row is None:
                raise NotClaimed("NOT_CLAIMED")
            item = ClaimedItem.from_json(row.snapshot)
            checks = document_checks.item_checks(s, item)
            return findings_for(item, standing.standing(s, row.service_id, now), now, checks)

    def document_checks(self, docs: Sequence[DocumentRef]) -> dict[DocKey, DocumentCheck]:
        """What the loader found in these documents; one never opened on this workstation is absent."""
        with self.session() as s:
            return document_checks.checks_of(s, ((d.id, d.sha256) for d in docs))

    def record_document_check(self, check: DocumentCheck, now: datetime) -> bool:
        """Keep what the loader found opening a document (the viewer's worker calls it); True when it
        says something new about the document."""
        with self.lock, self.session() as s, s.begin():
            return document_checks.record(s, check, now)

    def counts(self) -> JournalCounts:
        with self.session() as s:
            claimed = s.scalar(select(func.count()).select_from(JournalItem)) or 0
            by_state = dict(
                s.execute(select(JournalDecision.state, func.count()).group_by(JournalDecision.state)).all()
            )
        return JournalCounts(
            claimed=claimed,
            waiting_to_sync=by_state.get("pending", 0),
            conflicts=by_state.get("conflict", 0),
        )

    def decisions(
        self, states: Sequence[str] = ("pending",), items: Collection[tuple[str, int]] | None = None
    ) -> list[DecisionRecord]:
        """The decisions in ``states``, in push order; with ``items`` only those on these items (the
        desk's queue: not every decision the workstation ever synced)."""
        with self.session() as s:
            chosen: ColumnElement[bool] = JournalDecision.state.in_(states)
            if items is not None:
                chosen = and_(chosen, JournalDecision.item_id.in_(sorted({i for _, i in items})))
            # Plain rows, not ORM objects: a push may carry thousands and only reads them once.
            table = JournalDecision.__table__
            rows = s.execute(select(table).where(chosen).order_by(JournalDecision.seq)).all()
            # Three queries for the lot, not three per decision: a push may carry thousands.
            strikes = {
                r.decision_key: r
                for r in s.scalars(
                    select(JournalStrike)
                    .join(JournalDecision, JournalDecision.key == JournalStrike.decision_key)
                    .where(chosen)
                )
            }
            suspensions = {
                r.decision_key: r
                for r in s.scalars(
                    select(JournalSuspension)
                    .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
                    .where(chosen)
                )
            }
            held: dict[str, list[tuple[str, int]]] = {}
            for key, kind, item_id in s.execute(
                select(JournalItem.held_by_key, JournalItem.kind, JournalItem.item_id).where(
                    JournalItem.held_by_key.is_not(None)
                )
            ):
                held.setdefault(str(key), []).append((kind, item_id))
            wanted = set(items) if items is not None else None
            return [
                build_decision(d, strikes.get(d.key), suspensions.get(d.key), held.get(d.key, []))
                for d in rows
                if wanted is None or (d.kind, d.item_id) in wanted
            ]

    def decision(self, key: str) -> DecisionRecord | None:
        with self.session() as s:
            d = s.scalar(select(JournalDecision).where(JournalDecision.key == key))
            return None if d is None else decision_record(s, d)

    def last_undoable(self, staff_username: str) -> DecisionRecord | None:
        with self.session() as s:
            d = s.scalar(
                select(JournalDecision)
                .where(JournalDecision.state == "pending", JournalDecision.staff_username == staff_username)
                .order_by(JournalDecision.seq.desc())
                .limit(1)
            )
            return None if d is None else decision_record(s, d)

    # ---- deciding ------------------------------------------------------------------------------

    def decide(
        self,
        *,
        kind: str,
        item_id: int,
        outcome: str,
        staff_username: str,
        workstation: str,
        now: datetime,
        reason_codes: Sequence[str] = (),
        message_to_family: str | None = None,
        note: str | None = None,
        family_remark: str | None = None,
    ) -> DecisionRecord:
        """Record a decision locally, with its strike and suspension, in one transaction.

        ``family_remark``: the reviewer's own words to the family, already part of ``message_to_family``;
        kept apart in the decision's audit event.
        """
        if outcome not in ("approve", "reject"):
            raise ValueError(outcome)
        with self.lock, self.session() as s, s.begin():
            return deciding.decide(
                s,
                kind=kind,
                item_id=item_id,
                outcome=outcome,
                staff_username=staff_username,
                workstation=workstation,
                now=now,
                reason_codes=reason_codes,
                message_to_family=message_to_family,
                note=note,
                family_remark=family_remark,
            )

    def undo(self, key: str, staff_username: str, workstation: str, now: datetime) -> DecisionRecord:
        """Take back a decision that has not been synced yet, with its strike and suspension."""
        with self.lock, self.session() as s, s.begin():
            return deciding.undo(s, key, staff_username, workstation, now, sending=key in self._sending)

    # ---- sync side -----------------------------------------------------------------------------

    def store_pulled(
        self,
        items: Sequence[ClaimedItem],
        families: Sequence[SharedStanding],
        reasons: Sequence[Reason],
        claim_expires_at: datetime,
        now: datetime,
        staff: Sequence[StaffMember] = (),
    ) -> None:
        """Replace the undecided claimed items with what the shared database says now (claimed.py)."""
        with self.lock, self.session() as s, s.begin():
            claimed.store_pulled(s, items, families, reasons, claim_expires_at, now)
            claimed.store_staff(s, staff)

    # ---- staff notes (journal/notes.py) --------------------------------------------------------

    def add_note(
        self, kind: str, item_id: int, text: str, staff_username: str, workstation: str, now: datetime
    ) -> Note:
        """A staff note on a claimed item, kept here until pushed once (refused blank or too long)."""
        with self.lock, self.session() as s, s.begin():
            return notes.add(s, kind, item_id, text, staff_username, workstation, now)

    def notes(self, kind: str, item_id: int) -> list[Note]:
        """The item's notes, the oldest first: the shared database's as last pulled, and this desk's."""
        with self.session() as s:
            return notes.of_item(s, kind, item_id)

    def notes_of(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], list[Note]]:
        """The notes of many items at once (the desk loads them all), by (kind, id)."""
        with self.session() as s:
            return notes.of_items(s, keys)

    def pending_notes(self) -> list[Note]:
        with self.session() as s:
            return notes.pending(s)

    def mark_awaiting_second(self, keys: Sequence[str], now: datetime) -> None:
        """The push's answer for these decisions: recorded to wait for a second look (待覆核)."""
        if not keys:
            return
        with self.lock, self.session() as s, s.begin():
            there = set(s.scalars(select(JournalAwaitingSecond.decision_key)))
            s.add_all(JournalAwaitingSecond(decision_key=k, recorded_at=now) for k in keys if k not in there)

    def awaiting_second(self) -> set[str]:
        """The keys of the decisions that wait for a second look, as the last push or pull knew."""
        with self.session() as s:
            return set(s.scalars(select(JournalAwaitingSecond.decision_key)))

    def keep_awaiting_second(self, still_waiting: Collection[str]) -> None:
        """A pull's answer: the others were confirmed or sent back, their items are settled."""
        with self.lock, self.session() as s, s.begin():
            s.execute(
                delete(JournalAwaitingSecond).where(
                    JournalAwaitingSecond.decision_key.not_in(list(still_waiting))
                )
            )

    def mark_notes_synced(self, keys: Sequence[str]) -> None:
        with self.lock, self.session() as s, s.begin():
            notes.mark_synced(s, keys)

    def mark_note_refused(self, key: str, reason: str) -> None:
        with self.lock, self.session() as s, s.begin():
            notes.mark_refused(s, key, reason)

    def store_notes(self, pulled: Sequence[Note]) -> None:
        with self.lock, self.session() as s, s.begin():
            notes.store_pulled(s, pulled)

    # ---- the service clock (the queue's red cells) -----------------------------------------------

    def store_overdue_line(self, line: OverdueLine, now: datetime) -> None:
        with self.lock, self.session() as s, s.begin():
            s.merge(
                JournalServiceClock(
                    id=1,
                    late_before=line.late_before,
                    target_working_days=line.target_working_days,
                    read_at=now,
                )
            )

    def overdue_line(self) -> OverdueLine | None:
        """The facility's service clock as the last pull read it (None before any): offline, a line
        read days ago only moves later, so the queue marks fewer items late, never a wrong one."""
        with self.session() as s:
            row = s.get(JournalServiceClock, 1)
            return None if row is None else OverdueLine(row.late_before, row.target_working_days)

    def forget(self, kind: str, item_id: int) -> None:
        """Drop an undecided item (its claim was released)."""
        with self.lock, self.session() as s, s.begin():
            row = s.get(JournalItem, (kind, item_id))
            if row is not None and row.local_status != "decided":
                s.delete(row)

    def mark_sending(self, through_seq: int, now: datetime) -> None:
        """Called just before a shared commit carrying decisions up to ``through_seq`` (push order):
        from here on their outcome may be known only to the shared database (JournalSendMark)."""
        with self.session() as s, s.begin():
            mark = s.get(JournalSendMark, 1)
            if mark is None:
                s.add(JournalSendMark(id=1, through_seq=through_seq, marked_at=now))
            elif through_seq > mark.through_seq:
                mark.through_seq, mark.marked_at = through_seq, now

    def mark_synced(self, keys: Sequence[str], now: datetime) -> None:
        """These decisions are in the shared database: one journal transaction for all of them."""
        if not keys:
            return
        with self.session() as s, s.begin():
            # Their strikes keep counting (journal/standing.py) until the next pull brings them back.
            s.execute(
                update(JournalDecision)
                .where(JournalDecision.key.in_(keys), JournalDecision.state == "pending")
                .values(state="synced", synced_at=now)
                .execution_options(synchronize_session=False)
            )

    def mark_conflict(self, key: str, reason: str, now: datetime) -> None:
        """Someone else decided first: this decision stays visible, its consequences are dropped."""
        with self.session() as s, s.begin():
            d = s.scalar(select(JournalDecision).where(JournalDecision.key == key))
            if d is None or d.state != "pending":
                return
            d.state = "conflict"
            d.conflict_reason = reason
            d.synced_at = now
            deciding.drop_consequences(s, key)
            audit_decision(s, d, "conflict", now, {"reason": reason})

    def pending_audit(self, limit: int = 2000) -> list[AuditRecord]:
        with self.session() as s:
            a = JournalAudit
            rows = s.execute(
                select(
                    a.key,
                    a.facility_id,
                    a.occurred_at,
                    a.staff_username,
                    a.workstation,
                    a.action,
                    a.item_kind,
                    a.item_id,
                    a.service_id,
                    a.detail,
                )
                .where(a.pushed.is_(False))
                .order_by(a.seq)
                .limit(limit)
            )
            return [AuditRecord(*row) for row in rows]

    def mark_audit_pushed(self, keys: Sequence[str]) -> None:
        with self.session() as s, s.begin():
            s.execute(update(JournalAudit).where(JournalAudit.key.in_(keys)).values(pushed=True))

    def record_audit(
        self,
        *,
        action: str,
        staff_username: str,
        workstation: str,
        now: datetime,
        facility_id: int | None = None,
        item_kind: str | None = None,
        item_id: int | None = None,
        service_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        with self.session() as s, s.begin():
            add_audit(
                s,
                action=action,
                staff_username=staff_username,
                workstation=workstation,
                now=now,
                facility_id=facility_id,
                item_kind=item_kind,
                item_id=item_id,
                service_id=service_id,
                detail=detail,
            )
