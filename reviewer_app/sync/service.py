"""Sync between a workstation's journal and the shared database.

Pull claims items with a lease and snapshots them into the journal; push applies decisions in order,
each in its own shared transaction, and marks them synced only after that commit. If the connection
drops at any point the decision stays pending and is pushed again later; the idempotency key makes the
replay harmless. When the shared database is unreachable nothing fails for the reviewer: reviewing
goes on from the journal and the outbox waits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from reviewer_app.core.items import ClaimedItem, SharedStanding
from reviewer_app.core.notes import Note
from reviewer_app.core.service_clock import OverdueLine
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import DecisionRecord, Journal
from reviewer_app.shared_db import service_clock
from reviewer_app.shared_db.deciding import violated_constraint
from reviewer_app.shared_db.models import Facility
from reviewer_app.sync import claims, grace, pull
from reviewer_app.sync.document_checks import check_claimed_documents
from reviewer_app.sync.image_hashes import hash_documents
from reviewer_app.sync.notes import pulled_notes, push_notes
from reviewer_app.sync.push import (
    Applied,
    BatchMiss,
    Conflict,
    apply_batch,
    apply_decision,
    begin_applying,
    push_audit,
)
from reviewer_app.sync.push_records import RecordsPushResult, push_records
from reviewer_app.sync.second_looks import still_waiting

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
#: Hears of a pull's claimed items before the journal stores them (``Sync.on_claimed``).
ClaimedHook = Callable[[list[ClaimedItem], list[SharedStanding], datetime], None]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SharedDatabaseUnavailable(Exception):
    """The shared database cannot be reached now; work continues from the journal."""


@dataclass(frozen=True)
class PushResult:
    applied: int = 0
    already_applied: int = 0
    conflicts: int = 0
    audit_events: int = 0
    #: the decisions of this push that did not count (someone else decided first), with their reasons
    conflicted: tuple[DecisionRecord, ...] = ()
    #: print and hand-over records (counsellors), pushed after the decisions
    records: RecordsPushResult = field(default_factory=RecordsPushResult)
    #: approvals of this push that wait for a second member of the facility (four eyes, 待覆核)
    awaiting_second: int = 0


@dataclass(frozen=True)
class PullResult:
    claimed: int
    held: int
    #: undecided items of the facility that colleagues are working on (claimed, lease running): the
    #: queue is not empty, only taken for now. None: not read by this pull (``Sync.pull_extras``).
    others: int | None = 0
    #: undecided items of the facility past its target to decide (the service clock, issue #21)
    overdue: int | None = 0


@dataclass(frozen=True)
class PullExtras:
    """What the desk's first screen does without, read after it (``Sync.pull_extras``)."""

    others: int
    overdue: int
    notes: list[Note]
    #: the facility's service clock now: the queue's red cells (stored in the journal)
    line: OverdueLine
    #: the journal changed (notes stored, second looks ended, the service clock moved): the desk
    #: reads it again
    changed: bool = False


def _is_connection_error(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)
    )


class Sync:
    def __init__(
        self,
        engine: Engine,
        journal: Journal,
        staff_username: str,
        workstation: str,
        facility_id: int,
        clock: Clock = _utcnow,
        on_synced: Callable[[DecisionRecord], None] | None = None,
        *,
        documents: DocumentStore | None = None,
    ) -> None:
        self.engine = engine
        self.journal = journal
        self.who = claims.Claimant(staff_username, workstation, facility_id)
        self.clock = clock
        #: called with each decision once it is marked synced (the document cache evicts its item)
        self.on_synced = on_synced
        #: One push at a time (the desk and a print view share this Sync): the journal lock is no
        #: longer held for a whole push, so it cannot keep two of them apart.
        self._pushing = threading.Lock()
        #: Decisions younger than this are not pushed: Ctrl+Z can still take them back (the desk sets
        #: it from the reviewer's preferences; a plain sync, e.g. the command line, waits for nothing).
        self.grace = timedelta(0)
        #: Claims are taken and given back under this lock, so a pull still running when the desk
        #: closes cannot claim items after the close released them (``close_session``).
        self._claiming = threading.Lock()
        self._closed = False
        #: The number of the desk session opened last (open_session): a late close of an earlier one
        #: leaves it alone.
        self._session_number = 0
        self._on_claimed: ClaimedHook | None = None
        self._hook_lock = threading.Lock()
        #: The first sync, started before the desk's window exists (:meth:`first_sync_job`); the
        #: window's first :meth:`sync` answers with it. ``_unheard``: its claim notice, kept for the
        #: window's ``on_claimed`` when it came before the window listened.
        self._first: Future[tuple[PushResult, PullResult]] | None = None
        self._unheard: tuple[list[ClaimedItem], list[SharedStanding], datetime] | None = None
        self._keep_unheard = False
        #: Where the claimed items' documents are fetched from after each pull (the desk passes its own,
        #: so that one cache serves the pull and the viewer); made when first needed otherwise.
        self._documents = documents
        self._documents_lock = threading.Lock()

    @property
    def on_claimed(self) -> ClaimedHook | None:
        """Called on the pulling thread with the snapshots of the items held, their families'
        standings and the pull's time, once read and before the journal stores them: the desk starts
        decoding the first item's photo while the pull is being stored. Set while the first sync
        (:meth:`first_sync_job`) is past that point already, it hears of that pull at once."""
        return self._on_claimed

    @on_claimed.setter
    def on_claimed(self, hook: ClaimedHook | None) -> None:
        with self._hook_lock:
            self._on_claimed = hook
            unheard, self._unheard = self._unheard, None
            self._keep_unheard = False
        if hook is not None and unheard is not None:
            self._tell(hook, *unheard)

    @property
    def documents(self) -> DocumentStore:
        with self._documents_lock:
            if self._documents is None:
                self._documents = DocumentStore.for_staff(self.engine, self.who.staff_username)
            return self._documents

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def _unavailable(self, exc: DBAPIError) -> SharedDatabaseUnavailable:
        """The shared database could not be used: the pooled connections go too, so that the retry
        connects afresh (a connection can outlive what it pointed at: a server restarted, an SQLite
        file replaced)."""
        self.engine.dispose()
        return SharedDatabaseUnavailable(str(exc.orig or exc))

    def _lease(self, s: Session) -> timedelta:
        facility = s.get(Facility, self.who.facility_id)
        return timedelta(minutes=facility.claim_lease_minutes if facility else 20)

    # ---- pull ----------------------------------------------------------------------------------

    def pull(self, batch: int = 30, *, check_documents: bool = True, extras: bool = True) -> PullResult:
        """Renew this workstation's claims, claim up to `batch` undecided items, snapshot them; then
        (unless ``check_documents`` is False: the desk runs :meth:`check_documents` after showing the
        queue) fetch and open their documents (R7). ``extras=False`` (the desk's first pull) leaves
        what the first screen does not need to :meth:`pull_extras`: the second looks still waiting,
        the staff notes, the items colleagues hold and those overdue (``others`` and ``overdue``
        are then None)."""
        now = self.clock()
        found: PullExtras | None = None
        try:
            with self._claiming, self._session() as s, s.begin():
                if self._closed:  # the desk has closed: it takes nothing more
                    return PullResult(claimed=0, held=0)
                lease = self._lease(s)
                if extras:
                    self._end_second_looks(s)
                # Decided here and not synced yet included (R10): nobody else may take them meanwhile.
                mine = [(i.kind, i.item_id) for i in self.journal.items(include_decided=True)]
                claims.renew(s, self.who, mine, now, lease)
                # Held items (suspended family, restricted inmate) wait through no one's fault:
                # they must not use up the batch, or a workstation holding them claims nothing new.
                working = claims.held_by_me(s, self.who, now, statuses=("pending",))
                claims.claim(s, self.who, now, batch - len(working), lease)
                keys = claims.held_by_me(s, self.who, now)
                snaps = pull.snapshots(s, keys)
                fams = pull.families(s, {snap.service_id for snap in snaps}, now)
                self._notify_claimed(snaps, fams, now)
                reasons = pull.catalogue(s, self.who.facility_id)
                staff = pull.staff(s, self.who.facility_id)
                if extras:
                    found = self._read_extras(s, keys, now)
        except (OperationalError, DBAPIError) as exc:
            if _is_connection_error(exc):
                raise self._unavailable(exc) from exc
            raise
        self.journal.store_pulled(snaps, fams, reasons, now + lease, now, staff)
        if found is not None:
            self._store_extras(found, now)
        if check_documents:
            check_claimed_documents(self.journal, self.documents, snaps, self.clock)  # R7: the bytes judge
            self._hash_images(snaps)
        held = sum(1 for snap in snaps if snap.status == "held")
        if found is None:
            return PullResult(claimed=len(snaps), held=held, others=None, overdue=None)
        return PullResult(claimed=len(snaps), held=held, others=found.others, overdue=found.overdue)

    def pull_extras(self) -> PullExtras:
        """What a pull with ``extras=False`` left out, read now in one short transaction: the second
        looks that ended (the desk's 待覆核 marks), the staff notes of the items held here (stored in
        the journal), the items colleagues hold and those past the target to decide."""
        now = self.clock()
        try:
            with self._session() as s, s.begin():
                ended = self._end_second_looks(s)
                found = self._read_extras(s, claims.held_by_me(s, self.who, now), now)
        except (OperationalError, DBAPIError) as exc:
            if _is_connection_error(exc):
                raise self._unavailable(exc) from exc
            raise
        moved = self.journal.overdue_line() != found.line  # the queue's red cells change
        self._store_extras(found, now)
        return replace(found, changed=ended or bool(found.notes) or moved)

    def _end_second_looks(self, s: Session) -> bool:
        """True when some ended (the journal changed)."""
        awaiting = self.journal.awaiting_second()
        if not awaiting:
            return False
        waiting = set(still_waiting(s, awaiting))
        if waiting != awaiting:  # confirmed or sent back meanwhile: the desk's 待覆核 ends
            self.journal.keep_awaiting_second(waiting)
        return waiting != awaiting

    def _read_extras(self, s: Session, keys: Sequence[tuple[str, int]], now: datetime) -> PullExtras:
        line = service_clock.overdue_line(s, self.who.facility_id, now)
        return PullExtras(
            others=claims.held_by_others(s, self.who, now),
            overdue=service_clock.overdue_count(s, self.who.facility_id, now, line),
            notes=pulled_notes(s, keys),
            line=line,
        )

    def _store_extras(self, found: PullExtras, now: datetime) -> None:
        self.journal.store_notes(found.notes)
        self.journal.store_overdue_line(found.line, now)

    def release(self, kind: str, item_id: int) -> None:
        """Give an undecided item back to the queue for others."""
        now = self.clock()
        with self._session() as s, s.begin():
            claims.release(s, self.who, kind, item_id)
        self.journal.forget(kind, item_id)
        self.journal.record_audit(
            action="claim_release",
            staff_username=self.who.staff_username,
            workstation=self.who.workstation,
            now=now,
            facility_id=self.who.facility_id,
            item_kind=kind,
            item_id=item_id,
        )

    def open_session(self) -> int:
        """A desk opens on this sync (again, after a sign-out): pulls claim items again. Called on the
        GUI thread: it does not wait for the claiming lock (a pull may hold it for long). Returns the
        session's number, for its :meth:`close_session`."""
        self._session_number += 1
        self._closed = False
        return self._session_number

    def close_session(self, session: int | None = None) -> int:
        """The desk closes (Ctrl+Q, sign-out): push every decision, its grace period over (nobody is
        left to undo it), then give the undecided claims back so that colleagues get them at once
        (R10). Returns how many were given back. A crash skips this: the leases run out instead.
        Offline, the push fails and the claims wait for their lease. ``session``: the closing desk's
        number; when a newer desk has opened meanwhile (a close run late on the network worker), its
        session stays open and its items stay claimed: only the decisions are pushed."""
        with self._claiming:
            superseded = self._superseded(session)
            if not superseded:
                self._closed = True
        self.push(grace=timedelta(0))
        if superseded:
            return 0
        decided = {(i.kind, i.item_id) for i in self.journal.items(include_decided=True)} - {
            (i.kind, i.item_id) for i in self.journal.items()
        }
        try:
            with self._claiming:
                if self._superseded(session):  # a newer desk opened and claimed while this close pushed
                    return 0
                with self._session() as s, s.begin():
                    released = claims.release_all(s, self.who, keep=decided)
        except (OperationalError, DBAPIError) as exc:
            if _is_connection_error(exc):
                raise self._unavailable(exc) from exc
            raise
        for kind, item_id in released:
            self.journal.forget(kind, item_id)
        log.info("released %d claim(s) at close", len(released))
        return len(released)

    def _superseded(self, session: int | None) -> bool:
        """A newer desk has opened on this sync since desk ``session`` did (ask under `_claiming`)."""
        return session is not None and session != self._session_number

    # ---- push ----------------------------------------------------------------------------------

    def push(self, batch_size: int = 1000, grace: timedelta | None = None) -> PushResult:
        """Apply every pending decision in order, then the print and hand-over records, then the audit
        outbox.

        Decisions go in batches, one shared transaction each (a few statements per batch rather than
        per decision); a batch in which anything changed underneath is rolled back and applied one
        decision at a time, which tells each conflict apart.
        """
        with self._pushing:
            return self._push(batch_size, self.grace if grace is None else grace)

    def _push(self, batch_size: int, wait: timedelta) -> PushResult:
        applied = already = awaiting_second = 0
        conflicted: list[DecisionRecord] = []
        with self.journal.lock:  # what is due now, and no undo of it until the answer is in
            pending = grace.due(
                self.journal.decisions(("pending",)), self.clock(), wait, self.journal.undo_waiting()
            )
            self.journal.begin_sending(d.key for d in pending)
        try:
            for start in range(0, len(pending), batch_size):
                chunk = pending[start : start + batch_size]
                # No journal lock while the shared database answers (it may wait on a lock there for
                # long): the reviewer's next decisions are written meanwhile.
                results = self._push_batch(chunk) or {d.key: self._push_one(d) for d in chunk}
                with self.journal.lock:
                    now = self.clock()
                    synced = [k for k, r in results.items() if isinstance(r, Applied)]
                    self.journal.mark_synced(synced, now)
                    self.journal.mark_awaiting_second(
                        [k for k, r in results.items() if isinstance(r, Applied) and r.awaiting_second], now
                    )
                    by_key = {d.key: d for d in chunk}
                    for key, result in results.items():
                        if isinstance(result, Conflict):
                            self.journal.mark_conflict(key, result.reason, now)
                            conflicted.append(
                                replace(by_key[key], state="conflict", conflict_reason=result.reason)
                            )
                        elif result.already:
                            already += 1
                        else:
                            applied += 1
                            awaiting_second += int(result.awaiting_second)
                    self.journal.end_sending(results)
                done = set(synced)
                self._notify_synced([d for d in chunk if d.key in done])
            records = push_records(self.engine, self.journal, self.clock)
            push_notes(self.engine, self.journal)
            events = self._push_audit()
        except (OperationalError, DBAPIError) as exc:
            if _is_connection_error(exc):
                raise self._unavailable(exc) from exc
            raise
        finally:
            self.journal.end_sending(d.key for d in pending)
        return PushResult(
            applied,
            already,
            len(conflicted),
            events,
            records=records,
            conflicted=tuple(conflicted),
            awaiting_second=awaiting_second,
        )

    def _notify_claimed(
        self, snapshots: list[ClaimedItem], families: list[SharedStanding], now: datetime
    ) -> None:
        if not snapshots:
            return
        with self._hook_lock:
            hook = self._on_claimed
            if hook is None and self._keep_unheard:  # the first sync, ahead of the desk's window
                self._unheard = (snapshots, families, now)
        if hook is not None:
            self._tell(hook, snapshots, families, now)

    @staticmethod
    def _tell(
        hook: ClaimedHook, snapshots: list[ClaimedItem], families: list[SharedStanding], now: datetime
    ) -> None:
        try:
            hook(snapshots, families, now)
        except Exception:  # only a head start for the desk: never a reason for the pull to fail
            log.exception("on_claimed hook failed")

    def _notify_synced(self, records: list[DecisionRecord]) -> None:
        if self.on_synced is None:
            return
        for record in records:
            try:
                self.on_synced(record)
            except Exception:  # the decision is synced: a failing hook must not make the push look failed
                log.exception("on_synced hook failed for decision %s", record.key)

    def _push_batch(self, chunk: list[DecisionRecord]) -> dict[str, Applied | Conflict] | None:
        with self._session() as s:
            begin_applying(s)
            try:
                results = apply_batch(s, chunk, self.clock())
                self.journal.mark_sending(chunk[-1].seq, self.clock())
                s.commit()
                return results
            except (BatchMiss, IntegrityError):
                s.rollback()
                return None

    def _push_one(self, d: DecisionRecord) -> Applied | Conflict:
        # A unique violation can only come from a race with another pusher of the same rows;
        # one more attempt sees their commit and decides between already-applied and conflict.
        for attempt in range(3):
            with self._session() as s:
                begin_applying(s)
                try:
                    result = apply_decision(s, d, self.clock())
                    if isinstance(result, Conflict):
                        s.rollback()
                    else:
                        self.journal.mark_sending(d.seq, self.clock())
                        s.commit()
                    return result
                except IntegrityError as exc:
                    s.rollback()
                    if attempt == 2:  # not a race after all: a conflict the reviewer sees
                        return Conflict(
                            f"共用資料庫拒絕此決定（資料衝突：{violated_constraint(exc)}），本工作站的決定未套用"
                        )
        raise AssertionError("unreachable")

    def _push_audit(self) -> int:
        total = 0
        while True:
            events = self.journal.pending_audit()
            if not events:
                return total
            with self._session() as s, s.begin():
                push_audit(s, events)
            self.journal.mark_audit_pushed([e.key for e in events])
            total += len(events)

    def sync(
        self, batch: int = 30, *, check_documents: bool = True, extras: bool = True
    ) -> tuple[PushResult, PullResult]:
        with self._hook_lock:
            first, self._first = self._first, None
        if first is not None:  # started before the desk's window: its answer is this sync's
            return first.result()
        pushed = self.push()
        pulled = self.pull(batch, check_documents=check_documents, extras=extras)
        return pushed, pulled

    def first_sync_job(self) -> Callable[[], None]:
        """The desk's first sync (push, then pull without checking documents or reading the extras),
        to be run on a worker at once, while the desk's window is still being built; the next
        :meth:`sync` call (the window's first) waits for it on its own worker and answers with its
        result, or its error.
        A member's first row is on the screen sooner: the claim is not queued behind the window."""
        future: Future[tuple[PushResult, PullResult]] = Future()
        with self._hook_lock:
            self._first = future
            self._keep_unheard = self._on_claimed is None

        def job() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result((self.push(), self.pull(check_documents=False, extras=False)))
            except BaseException as exc:  # the window's sync reports it, as its own
                future.set_exception(exc)

        return job

    def check_documents(self) -> int:
        """Fetch (into the cache) and open the documents of the items claimed here (R7); the number of
        checks recorded. A pull does it itself unless told not to."""
        items = [item.snapshot for item in self.journal.items()]
        checked = check_claimed_documents(self.journal, self.documents, items, self.clock)
        self._hash_images(items)
        return checked

    def _hash_images(self, items: list[ClaimedItem]) -> None:
        """The claimed pictures' perceptual hashes, once per document into the shared database (issue
        21: what changed since a rejection, reused images); never a reason for the pull to fail."""
        docs = [doc for item in items if item.status in ("pending", "held") for doc in item.documents]
        try:
            hash_documents(self.engine, self.documents, self.who.facility_id, docs, self.clock)
        except (OperationalError, DBAPIError) as exc:  # out of reach: the next pull tries again
            log.warning("hashing the claimed pictures failed: %s", type(exc).__name__)
        except Exception:  # a picture must never fail the pull (as in check_claimed_documents)
            log.exception("hashing the claimed pictures failed")


def facility_of(engine: Engine, staff_username: str) -> int:
    from reviewer_app.shared_db.models import Staff

    with Session(engine) as s:
        fid = s.scalar(select(Staff.facility_id).where(Staff.username == staff_username))
    if fid is None:
        raise LookupError(staff_username)
    return fid
