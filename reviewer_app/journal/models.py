"""The workstation's own SQLite journal: claimed items, decisions waiting to sync, audit outbox, and
the printing side (the counsellor's list, print and hand-over records waiting to sync).

Nothing decided here is lost on a crash: a decision, its strike and its suspension are one SQLite
transaction, written before anything is sent to the shared database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from reviewer_app.shared_db.models.base import UTCDateTime


class JournalBase(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime()}


class JournalItem(JournalBase):
    """A claimed item as pulled from the shared database: enough to review it offline."""

    __tablename__ = "items"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    item_id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]
    facility_id: Mapped[int]
    service_id: Mapped[int] = mapped_column(index=True)
    remote_status: Mapped[str] = mapped_column(String(16))
    # pending | held | decided: what the reviewer sees on this workstation now.
    local_status: Mapped[str] = mapped_column(String(16))
    held_reason: Mapped[str | None] = mapped_column(String(300))
    held_by_key: Mapped[str | None] = mapped_column(String(36))  # the local suspension that held it
    submitted_at: Mapped[datetime]
    claim_expires_at: Mapped[datetime | None]
    pulled_at: Mapped[datetime]
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


class JournalFamily(JournalBase):
    """A family's (service's) standing in the shared database as of the last pull."""

    __tablename__ = "families"

    service_id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int]
    remote_strikes: Mapped[int] = mapped_column(default=0)
    remote_blocks: Mapped[int] = mapped_column(default=0)  # highest suspension block already recorded
    remote_suspended_until: Mapped[datetime | None]
    strike_threshold: Mapped[int]
    suspension_months: Mapped[int]


class JournalFamilyRecord(JournalBase):
    """A family's strikes and the supervisors' actions on its suspensions as of the last pull
    (core/items.py SharedStanding.to_json), replayed with the strikes decided here (R2, R3).
    A table of its own: journals written by earlier versions get it from create_all."""

    __tablename__ = "family_records"

    service_id: Mapped[int] = mapped_column(primary_key=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)


class JournalStaff(JournalBase):
    """The facility's staff as of the last pull: who may decide on this workstation (R10)."""

    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(String(63), primary_key=True)
    facility_id: Mapped[int]
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool]


class JournalDecision(JournalBase):
    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_state_seq", "state", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)  # push order
    key: Mapped[str] = mapped_column(String(36), unique=True)  # idempotency key
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int]
    item_version: Mapped[int]
    facility_id: Mapped[int]
    service_id: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(8))
    reason_codes: Mapped[list[str]] = mapped_column(JSON)
    message_to_family: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    is_strike: Mapped[bool]
    previous_local_status: Mapped[str] = mapped_column(String(16))
    staff_username: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime]
    # pending (waiting to sync) | synced | conflict | undone
    state: Mapped[str] = mapped_column(String(16), default="pending")
    conflict_reason: Mapped[str | None] = mapped_column(String(300))
    synced_at: Mapped[datetime | None]


class JournalSendMark(JournalBase):
    """How far pushes have gone (one row): decisions up to ``through_seq`` have been handed to a shared
    commit whose outcome this workstation may never have heard of (the connection dropped during the
    commit, the process was killed after it). Until a push settles them they cannot be undone."""

    __tablename__ = "send_mark"

    id: Mapped[int] = mapped_column(primary_key=True)
    through_seq: Mapped[int]
    marked_at: Mapped[datetime]


class JournalStrike(JournalBase):
    __tablename__ = "strikes"

    decision_key: Mapped[str] = mapped_column(ForeignKey("decisions.key"), primary_key=True)
    service_id: Mapped[int] = mapped_column(index=True)
    post_id: Mapped[int]
    reason_code: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]


class JournalSuspension(JournalBase):
    __tablename__ = "suspensions"

    decision_key: Mapped[str] = mapped_column(ForeignKey("decisions.key"), primary_key=True)
    service_id: Mapped[int] = mapped_column(index=True)
    block: Mapped[int]
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]


class JournalAudit(JournalBase):
    """Audit events waiting to be pushed (pushed ones are kept as the workstation's own record)."""

    __tablename__ = "audit_outbox"
    __table_args__ = (Index("ix_audit_outbox_pushed_seq", "pushed", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int | None]
    occurred_at: Mapped[datetime]
    staff_username: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    item_kind: Mapped[str | None] = mapped_column(String(16))
    item_id: Mapped[int | None]
    service_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    pushed: Mapped[bool] = mapped_column(default=False)


class JournalNote(JournalBase):
    """Staff notes on the claimed items: pulled from the shared database, and those written here,
    waiting to be pushed once (``synced`` False) and kept after (core/notes.py)."""

    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_item", "kind", "item_id"),)

    key: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int]
    facility_id: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    staff_username: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    written_at: Mapped[datetime]
    synced: Mapped[bool] = mapped_column(default=False, index=True)
    #: the shared database refused it (the note stays here, with the reason, and is not sent again)
    refused: Mapped[str | None] = mapped_column(String(300))


class JournalReason(JournalBase):
    """The rejection-reason catalogue as last pulled, so reviewing goes on offline."""

    __tablename__ = "reasons"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    text: Mapped[str] = mapped_column(String(300))
    suggestion: Mapped[str] = mapped_column(String(300))
    counts_as_strike: Mapped[bool]
    applies_to: Mapped[str] = mapped_column(String(16))
    rule_id: Mapped[str | None] = mapped_column(String(4))
    active: Mapped[bool]
    sort_order: Mapped[int]


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


class JournalAwaitingSecond(JournalBase):
    """Decisions the shared database recorded as first decisions (four eyes, issue 21): they wait in
    its 待覆核 queue, so the desk keeps the item and shows 待覆核 until a pull finds them confirmed or
    sent back. A table of its own (created in existing journals by ``create_all``)."""

    __tablename__ = "awaiting_second"

    decision_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    recorded_at: Mapped[datetime]


class JournalServiceClock(JournalBase):
    """The facility's service clock as the last pull read it (issue 21 item 5): items submitted before
    ``late_before`` are past the target of ``target_working_days`` (the queue's red cells). One row; a
    table of its own (created in existing journals by ``create_all``)."""

    __tablename__ = "service_clock"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    late_before: Mapped[datetime]
    target_working_days: Mapped[int]
    read_at: Mapped[datetime]
