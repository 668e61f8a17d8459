"""What the journal gives back: plain frozen records, never its ORM rows (a row is bound to a session
and a thread; these travel to the window and the sync freely)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from reviewer_app.core.items import ClaimedItem
from reviewer_app.journal.models import (
    JournalAudit,
    JournalDecision,
    JournalItem,
    JournalStrike,
    JournalSuspension,
)


@dataclass(frozen=True)
class LocalItem:
    """A claimed item as this workstation holds it: what was pulled, and where it stands here."""

    kind: str
    item_id: int
    version: int
    facility_id: int
    service_id: int
    remote_status: str
    local_status: str  # pending | held | decided: what the reviewer sees on this workstation now
    held_reason: str | None
    submitted_at: datetime
    claim_expires_at: datetime | None
    pulled_at: datetime
    snapshot: ClaimedItem

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.item_id)


def local_item(row: JournalItem) -> LocalItem:
    """The record of a journal row: the stored JSON read back into the pulled item (the one place)."""
    return LocalItem(
        kind=row.kind,
        item_id=row.item_id,
        version=row.version,
        facility_id=row.facility_id,
        service_id=row.service_id,
        remote_status=row.remote_status,
        local_status=row.local_status,
        held_reason=row.held_reason,
        submitted_at=row.submitted_at,
        claim_expires_at=row.claim_expires_at,
        pulled_at=row.pulled_at,
        snapshot=ClaimedItem.from_json(row.snapshot),
    )


@dataclass(frozen=True)
class StrikeRecord:
    service_id: int
    post_id: int
    reason_code: str
    created_at: datetime


@dataclass(frozen=True)
class SuspensionRecord:
    service_id: int
    block: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class DecisionRecord:
    key: str
    seq: int
    kind: str
    item_id: int
    item_version: int
    facility_id: int
    service_id: int
    outcome: str
    reason_codes: list[str]
    message_to_family: str | None
    note: str | None
    staff_username: str
    workstation: str
    decided_at: datetime
    state: str
    conflict_reason: str | None = None
    strike: StrikeRecord | None = None
    suspension: SuspensionRecord | None = None
    held_items: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class AuditRecord:
    key: str
    facility_id: int | None
    occurred_at: datetime
    staff_username: str
    workstation: str
    action: str
    item_kind: str | None
    item_id: int | None
    service_id: int | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class JournalCounts:
    claimed: int
    waiting_to_sync: int
    conflicts: int


def decision_record(s: Session, d: JournalDecision) -> DecisionRecord:
    held = s.execute(
        select(JournalItem.kind, JournalItem.item_id).where(JournalItem.held_by_key == d.key)
    ).all()
    return build_decision(
        d, s.get(JournalStrike, d.key), s.get(JournalSuspension, d.key), [(k, i) for k, i in held]
    )


def build_decision(
    d: JournalDecision | Row[Any],
    strike: JournalStrike | None,
    suspension: JournalSuspension | None,
    held: list[tuple[str, int]],
) -> DecisionRecord:
    return DecisionRecord(
        key=d.key,
        seq=d.seq,
        kind=d.kind,
        item_id=d.item_id,
        item_version=d.item_version,
        facility_id=d.facility_id,
        service_id=d.service_id,
        outcome=d.outcome,
        reason_codes=list(d.reason_codes),
        message_to_family=d.message_to_family,
        note=d.note,
        staff_username=d.staff_username,
        workstation=d.workstation,
        decided_at=d.decided_at,
        state=d.state,
        conflict_reason=d.conflict_reason,
        strike=None
        if strike is None
        else StrikeRecord(strike.service_id, strike.post_id, strike.reason_code, strike.created_at),
        suspension=None
        if suspension is None
        else SuspensionRecord(
            suspension.service_id, suspension.block, suspension.starts_at, suspension.ends_at
        ),
        held_items=[(k, i) for k, i in held],
    )


def add_audit(
    s: Session,
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
    """One audit event in the caller's transaction, with its own key (the push applies it once)."""
    s.add(
        JournalAudit(
            key=str(uuid.uuid4()),
            facility_id=facility_id,
            occurred_at=now,
            staff_username=staff_username,
            workstation=workstation,
            action=action,
            item_kind=item_kind,
            item_id=item_id,
            service_id=service_id,
            detail=detail or {},
        )
    )


def audit_decision(
    s: Session,
    d: JournalDecision,
    action: str,
    now: datetime,
    detail: dict[str, Any],
    staff_username: str | None = None,
    workstation: str | None = None,
) -> None:
    """An audit event about a decision, in the decision's transaction."""
    add_audit(
        s,
        action=action,
        staff_username=staff_username or d.staff_username,
        workstation=workstation or d.workstation,
        now=now,
        facility_id=d.facility_id,
        item_kind=d.kind,
        item_id=d.item_id,
        service_id=d.service_id,
        detail={"decision_key": d.key, **detail},
    )
