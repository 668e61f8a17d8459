"""Pushing print and hand-over records from the journal to the shared database: exactly once, never over
someone else's.

Exactly once: each record's idempotency key is unique in ``print_records`` / ``handovers``; a replay
(the process died after the shared commit, before the journal heard of it) finds the key and counts
as applied. Never over someone else's: a first print moves the post approved → printed and a
hand-over moves it printed → delivered | undeliverable only if the post's version is still the one
the record expects (the optimistic check of decisions, reviewer_app/sync/push.py).

A first print that finds the post already printed from another workstation is still a printout that
exists: it is kept, as a reprint whose reason says so, and the counsellor is told. Anything else that
changed underneath is a conflict the counsellor sees; its audit event stays.

Prints go before hand-overs (a post's hand-over always follows its print), each record in its own
shared transaction; :meth:`reviewer_app.sync.service.Sync.push` calls :func:`push_records` after the
decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.core.rules.delivery import NO_RETURN_AFTER_RELEASE
from reviewer_app.core.timeutil import local
from reviewer_app.core.vocabulary import HANDOVER_OUTCOMES, POST_STATUSES
from reviewer_app.journal.journal import Journal
from reviewer_app.journal.print_records import after_handover
from reviewer_app.journal.printing import (
    PRINTED_STATUSES,
    HandoverData,
    PrintJournal,
    PrintRecordData,
)
from reviewer_app.shared_db import deciding
from reviewer_app.shared_db.models import Handover, Inmate, Post, PrintRecord, ServiceApplication, Staff


@dataclass(frozen=True)
class RecordApplied:
    already: bool  # an earlier attempt had applied it
    status: str | None = None  # the post's status in the shared database afterwards
    version: int | None = None
    note: str | None = None  # what the counsellor should know (kept as a reprint)


@dataclass(frozen=True)
class RecordConflict:
    reason: str  # zh-TW, shown to the counsellor


@dataclass(frozen=True)
class RecordsPushResult:
    prints: int = 0
    handovers: int = 0
    already_applied: int = 0
    conflicts: int = 0
    notes: tuple[str, ...] = ()


def _post_state(s: Session, post_id: int) -> tuple[str, int] | None:
    row = s.execute(select(Post.status, Post.version).where(Post.id == post_id)).first()
    return None if row is None else (row[0], row[1])


def _name(s: Session, username: str) -> str:
    return s.scalar(select(Staff.display_name).where(Staff.username == username)) or username


def _print_values(r: PrintRecordData) -> dict[str, object]:
    return {
        "key": r.key,
        "facility_id": r.facility_id,
        "post_id": r.post_id,
        "expected_version": r.expected_version,
        "batch_key": r.batch_key,
        "printed_by": r.printed_by,
        "workstation": r.workstation,
        "printed_at": r.printed_at,
        "copies": r.copies,
        "reprint": r.reprint,
        "reprint_reason": r.reprint_reason,
    }


def _first_print_note(s: Session, r: PrintRecordData) -> str:
    first = s.scalar(
        select(PrintRecord)
        .where(PrintRecord.post_id == r.post_id, PrintRecord.idempotency_key != r.key)
        .order_by(PrintRecord.printed_at, PrintRecord.id)
        .limit(1)
    )
    who = f"{_name(s, first.printed_by)}（{first.workstation}）" if first else "另一工作站"
    when = f"於 {local(first.printed_at):%Y/%m/%d %H:%M} " if first else ""
    return f"已由 {who} {when}先列印；本次列印登錄為重印；重複的紙本請只轉交一份"


def _print_conflict(s: Session, r: PrintRecordData) -> RecordConflict:
    state = _post_state(s, r.post_id)
    if state is None:
        return RecordConflict("此聯絡簿已不存在於共用資料庫")
    what = "重印" if r.reprint else "列印"
    return RecordConflict(
        f"此聯絡簿在共用資料庫中的狀態為「{POST_STATUSES.get(state[0], state[0])}」，{what}未登錄"
    )


def _apply_print_postgresql(s: Session, r: PrintRecordData) -> RecordApplied | RecordConflict:
    """Through the function of migration 0007, which checks the counsellor, the facility, the
    post's status and version (staff cannot insert print records or set a status by hand)."""
    try:
        with s.begin_nested():
            outcome, status, version = deciding.record_print(s, _print_values(r))
    except deciding.Refused as refused:
        return _print_conflict(s, r) if refused.changed else RecordConflict(refused.message)
    note = _first_print_note(s, r) if outcome == "kept_as_reprint" else None
    return RecordApplied(outcome == "already", status, version, note)


#: The refusal of a print made on a day the inmate was held back (the same words as migration 0014's).
HELD_BACK_ON_PRINT_DAY = "收容人於列印當日暫緩轉交（受限制、移監或出監），列印未登錄；紙本請勿轉交"


def _custody_of(s: Session, post_id: int) -> str | None:
    return s.scalar(
        select(Inmate.custody)
        .join(ServiceApplication, ServiceApplication.inmate_id == Inmate.id)
        .join(Post, Post.service_id == ServiceApplication.id)
        .where(Post.id == post_id)
    )


def _held_back_on(s: Session, post_id: int, moment: datetime) -> bool:
    """Whether the post's inmate was under an E3 restriction, or no longer held here, that day."""
    day = local(moment).date()
    inmate = s.scalar(
        select(Inmate)
        .join(ServiceApplication, ServiceApplication.inmate_id == Inmate.id)
        .join(Post, Post.service_id == ServiceApplication.id)
        .where(Post.id == post_id)
    )
    if inmate is None:
        return False
    return inmate.custody != "in_custody" or any(
        r.starts_on <= day and (r.ends_on is None or day <= r.ends_on) for r in inmate.restrictions
    )


def apply_print(s: Session, r: PrintRecordData) -> RecordApplied | RecordConflict:
    """Apply inside the caller's transaction; on RecordConflict the caller rolls back."""
    if deciding.on_postgresql(s):
        return _apply_print_postgresql(s, r)
    if s.scalar(select(PrintRecord.id).where(PrintRecord.idempotency_key == r.key)) is not None:
        state = _post_state(s, r.post_id)
        return RecordApplied(True, *(state or (None, None)))
    if _held_back_on(s, r.post_id, r.printed_at):
        return RecordConflict(HELD_BACK_ON_PRINT_DAY)
    reprint, reason, note = r.reprint, r.reprint_reason, None
    if not reprint:
        changed = s.execute(
            update(Post)
            .where(Post.id == r.post_id, Post.version == r.expected_version, Post.status == "approved")
            .values(status="printed", version=Post.version + 1)
            .returning(Post.version)
        ).first()
        if changed is None:
            state = _post_state(s, r.post_id)
            if state is None or state[0] not in PRINTED_STATUSES:
                return _print_conflict(s, r)
            # Printed from another workstation first: this printout exists too. Keep it as a reprint.
            note = _first_print_note(s, r)
            reprint, reason = True, "重複列印（另一工作站已先列印）"
            status_version: tuple[str, int] = state
        else:
            status_version = ("printed", changed[0])
    else:
        state = _post_state(s, r.post_id)
        if state is None or state[0] not in PRINTED_STATUSES:
            return _print_conflict(s, r)
        status_version = state
    s.add(
        PrintRecord(
            idempotency_key=r.key,
            facility_id=r.facility_id,
            post_id=r.post_id,
            batch_key=r.batch_key,
            printed_by=r.printed_by,
            workstation=r.workstation,
            printed_at=r.printed_at,
            copies=r.copies,
            reprint=reprint,
            reprint_reason=reason,
        )
    )
    s.flush()
    return RecordApplied(False, status_version[0], status_version[1], note)


def _apply_handover_postgresql(s: Session, h: HandoverData) -> RecordApplied | RecordConflict:
    """Through the function of migration 0007: only a printout, at the version the counsellor saw."""
    values = {
        "key": h.key,
        "facility_id": h.facility_id,
        "post_id": h.post_id,
        "expected_version": h.expected_version,
        "outcome": h.outcome,
        "reason": h.reason,
        "handed_over_by": h.handed_over_by,
        "handed_over_at": h.handed_over_at,
        "recipient": h.recipient,
        "note": h.note,
        "recorded_by": h.recorded_by,
        "workstation": h.workstation,
        "recorded_at": h.recorded_at,
    }
    try:
        with s.begin_nested():
            outcome, status, version = deciding.record_handover(s, values)
    except deciding.Refused as refused:
        return RecordConflict(_describe_handover_conflict(s, h) if refused.changed else refused.message)
    return RecordApplied(outcome == "already", status, version)


def apply_handover(s: Session, h: HandoverData) -> RecordApplied | RecordConflict:
    """Apply inside the caller's transaction; on RecordConflict the caller rolls back."""
    if deciding.on_postgresql(s):
        return _apply_handover_postgresql(s, h)
    if s.scalar(select(Handover.id).where(Handover.idempotency_key == h.key)) is not None:
        state = _post_state(s, h.post_id)
        return RecordApplied(True, *(state or (None, None)))
    state = _post_state(s, h.post_id)
    after = after_handover(state[0], h.outcome) if state is not None else None
    if state is None or after is None:
        return RecordConflict(_describe_handover_conflict(s, h))
    if h.outcome == "returned" and _custody_of(s, h.post_id) == "released":
        return RecordConflict(NO_RETURN_AFTER_RELEASE)  # as migration 0015's trigger on PostgreSQL
    changed = s.execute(
        update(Post)
        .where(Post.id == h.post_id, Post.version == h.expected_version, Post.status == state[0])
        .values(status=after, version=Post.version + 1)
        .returning(Post.version)
    ).first()
    if changed is None:
        return RecordConflict(_describe_handover_conflict(s, h))
    s.add(
        Handover(
            idempotency_key=h.key,
            facility_id=h.facility_id,
            post_id=h.post_id,
            outcome=h.outcome,
            reason=h.reason,
            handed_over_by=h.handed_over_by,
            handed_over_at=h.handed_over_at,
            recipient=h.recipient,
            note=h.note,
            recorded_by=h.recorded_by,
            workstation=h.workstation,
            recorded_at=h.recorded_at,
        )
    )
    s.flush()
    return RecordApplied(False, after, changed[0])


def _describe_handover_conflict(s: Session, h: HandoverData) -> str:
    state = _post_state(s, h.post_id)
    if state is None:
        return "此聯絡簿已不存在於共用資料庫"
    other = s.scalar(
        select(Handover).where(Handover.post_id == h.post_id).order_by(Handover.id.desc()).limit(1)
    )
    if other is not None and state[0] == other.outcome:
        return (
            f"已由 {_name(s, other.recorded_by)}（{other.workstation}）登錄為"
            f"「{HANDOVER_OUTCOMES[other.outcome]}」（{local(other.handed_over_at):%Y/%m/%d %H:%M}），"
            "本工作站的轉交紀錄未套用"
        )
    if state[0] == "approved":
        return "共用資料庫中此聯絡簿尚未登錄列印（列印紀錄未同步或有衝突），轉交紀錄未套用"
    return (
        f"此聯絡簿在共用資料庫中已變更（狀態「{POST_STATUSES.get(state[0], state[0])}」），"
        "本工作站的轉交紀錄未套用，請重新整理後再登錄"
    )


Result = RecordApplied | RecordConflict


def _apply_one(engine: Engine, apply: Callable[[Session], Result]) -> Result:
    # A unique violation can only come from a race with another pusher of the same record; one more
    # attempt sees their commit and finds the key.
    for attempt in range(3):
        with Session(engine, expire_on_commit=False) as s:
            try:
                result = apply(s)
                if isinstance(result, RecordConflict):
                    s.rollback()
                else:
                    s.commit()
                return result
            except IntegrityError as exc:
                s.rollback()
                if attempt == 2:  # not a race after all: a conflict the counsellor sees
                    return RecordConflict(
                        f"共用資料庫拒絕此紀錄（資料衝突：{deciding.violated_constraint(exc)}），未登錄"
                    )
    raise AssertionError("unreachable")


def _first_versions(records: Sequence[PrintRecordData | HandoverData]) -> dict[int, int]:
    """Per post, the lowest post version a status-changing record among `records` expects."""
    out: dict[int, int] = {}
    for r in records:
        if r.expected_version is not None and not getattr(r, "reprint", False):
            out[r.post_id] = min(out.get(r.post_id, r.expected_version), r.expected_version)
    return out


def _in_rounds(
    prints: list[PrintRecordData], handovers: list[HandoverData]
) -> Iterator[PrintRecordData | HandoverData]:
    """Prints before hand-overs, in the order recorded, except where a post's records must
    interleave: a first print after a hand-over that sent the post back to print (returned) waits
    for that hand-over, and a hand-over of that new printout for the print. The versions each record
    expects tell the order."""
    while prints or handovers:
        waiting_h = _first_versions(handovers)
        ready_p = [
            r
            for r in prints
            if r.reprint
            or r.expected_version is None
            or r.expected_version < waiting_h.get(r.post_id, 1 << 62)
        ]
        taken = {r.key for r in ready_p}
        prints = [r for r in prints if r.key not in taken]
        waiting_p = _first_versions(prints)
        ready_h = [h for h in handovers if h.expected_version < waiting_p.get(h.post_id, 1 << 62)]
        taken = {h.key for h in ready_h}
        handovers = [h for h in handovers if h.key not in taken]
        if not ready_p and not ready_h:  # nothing tells an order: as recorded, prints first
            ready_p, ready_h, prints, handovers = prints, handovers, [], []
        yield from ready_p
        yield from ready_h


def push_records(engine: Engine, journal: Journal, clock: Callable[[], datetime]) -> RecordsPushResult:
    """Push every pending print record, then every pending hand-over, in the order recorded (a post
    sent back to print interleaves: _in_rounds).

    Connection errors propagate (Sync.push turns them into SharedDatabaseUnavailable); whatever was
    not pushed stays pending for the next push.
    """
    book = PrintJournal(journal)
    prints = handovers = already = conflicts = 0
    notes: list[str] = []
    # The journal is locked only to record each answer: while the shared database answers (it may
    # wait on a lock there for long), decisions and new records are written meanwhile.
    for record in _in_rounds(book.prints(("pending",)), book.handovers(("pending",))):
        if isinstance(record, PrintRecordData):
            r = record
            result = _apply_one(engine, partial(apply_print, r=r))
            if isinstance(result, RecordConflict):
                with journal.lock:
                    book.mark_print_conflict(r.key, result.reason, clock())
                conflicts += 1
                notes.append(f"#{r.post_id} {result.reason}")
                continue
            with journal.lock:
                book.mark_print_synced(r.key, clock(), result.status, result.version, result.note)
            if result.already:
                already += 1
            else:
                prints += 1
            if result.note:
                notes.append(f"#{r.post_id} {result.note}")
            continue
        h = record
        result = _apply_one(engine, partial(apply_handover, h=h))
        if isinstance(result, RecordConflict):
            with journal.lock:
                book.mark_handover_conflict(h.key, result.reason, clock())
            conflicts += 1
            notes.append(f"#{h.post_id} {result.reason}")
            continue
        with journal.lock:
            book.mark_handover_synced(h.key, clock(), result.status, result.version)
        if result.already:
            already += 1
        else:
            handovers += 1
    return RecordsPushResult(prints, handovers, already, conflicts, tuple(notes))
