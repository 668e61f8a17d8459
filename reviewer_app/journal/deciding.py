"""Local decisions: one SQLite transaction records the decision, the strike and, at the facility's
threshold, the suspension (P7), holding the family's other pending posts at once, before any sync.

The functions here work in the caller's transaction (``Journal`` opens it under its lock).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from reviewer_app.core import rules
from reviewer_app.core.items import ClaimedItem
from reviewer_app.core.reasons import Reason
from reviewer_app.core.timeutil import add_months, local
from reviewer_app.journal import document_checks
from reviewer_app.journal.errors import AlreadyDecided, DecisionRefused, NotClaimed, NotUndoable
from reviewer_app.journal.models import (
    JournalDecision,
    JournalFamily,
    JournalItem,
    JournalReason,
    JournalSendMark,
    JournalStrike,
    JournalSuspension,
)
from reviewer_app.journal.records import DecisionRecord, audit_decision, decision_record
from reviewer_app.journal.standing import pending_strikes, standing


def decide(
    s: Session,
    *,
    kind: str,
    item_id: int,
    outcome: str,
    staff_username: str,
    workstation: str,
    now: datetime,
    reason_codes: Sequence[str],
    message_to_family: str | None,
    note: str | None,
) -> DecisionRecord:
    item = s.get(JournalItem, (kind, item_id))
    if item is None:
        raise NotClaimed("NOT_CLAIMED_REFRESH")
    if item.local_status == "decided":
        raise AlreadyDecided("ALREADY_DECIDED")
    catalogue = {r.code: Reason.from_row(r) for r in s.scalars(select(JournalReason))}
    family = standing(s, item.service_id, now)
    strike = False
    if outcome == "approve":
        blocking = document_checks.approval_problems(s, ClaimedItem.from_json(item.snapshot), family, now)
        if blocking:
            raise DecisionRefused("APPROVAL_BLOCKED", blocking)
        reason_codes = ()
    else:
        problems = rules.check_rejection(reason_codes, kind, catalogue)
        if problems:
            raise DecisionRefused("REJECTION_INCOMPLETE", problems)
        strike = kind == "post" and rules.is_strike(reason_codes, catalogue)

    decision = JournalDecision(
        key=str(uuid.uuid4()),
        kind=kind,
        item_id=item_id,
        item_version=item.version,
        facility_id=item.facility_id,
        service_id=item.service_id,
        outcome=outcome,
        reason_codes=list(reason_codes),
        message_to_family=message_to_family,
        note=note,
        is_strike=strike,
        previous_local_status=item.local_status,
        staff_username=staff_username,
        workstation=workstation,
        decided_at=now,
        state="pending",
    )
    s.add(decision)
    s.flush()
    item.local_status = "decided"
    audit_decision(s, decision, "decision", now, {"outcome": outcome, "reasons": list(reason_codes)})
    if strike:
        _add_strike(s, decision, item, catalogue, reason_codes, now)
    return decision_record(s, decision)


def _add_strike(
    s: Session,
    decision: JournalDecision,
    item: JournalItem,
    catalogue: dict[str, Reason],
    reason_codes: Sequence[str],
    now: datetime,
) -> None:
    code = next(c for c in reason_codes if catalogue[c].counts_as_strike)
    s.add(
        JournalStrike(
            decision_key=decision.key,
            service_id=item.service_id,
            post_id=item.item_id,
            reason_code=code,
            created_at=now,
        )
    )
    s.flush()
    family = s.get(JournalFamily, item.service_id)
    if family is None:
        return
    total = family.remote_strikes + pending_strikes(s, item.service_id)
    block = total // family.strike_threshold
    local_blocks = s.scalar(
        select(func.max(JournalSuspension.block))
        .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
        .where(JournalSuspension.service_id == item.service_id, JournalDecision.state == "pending")
    )
    if block < 1 or block <= max(family.remote_blocks, local_blocks or 0):
        return
    ends = add_months(local(now), family.suspension_months)
    s.add(
        JournalSuspension(
            decision_key=decision.key,
            service_id=item.service_id,
            block=block,
            starts_at=now,
            ends_at=ends,
        )
    )
    reason = f"家屬發佈權限暫停至 {ends:%Y/%m/%d}（累計退件 {total} 次）"
    held = (
        s.execute(
            update(JournalItem)
            .where(
                JournalItem.service_id == item.service_id,
                JournalItem.kind == "post",
                JournalItem.local_status == "pending",
            )
            .values(local_status="held", held_reason=reason, held_by_key=decision.key)
            .returning(JournalItem.item_id)
        )
        .scalars()
        .all()
    )
    audit_decision(
        s,
        decision,
        "suspension",
        now,
        {"block": block, "strikes": total, "ends_at": ends.isoformat(), "held_posts": list(held)},
    )


def undo(
    s: Session, key: str, staff_username: str, workstation: str, now: datetime, sending: bool
) -> DecisionRecord:
    """Take back a decision that has not been synced yet (``sending``: a push is sending it now)."""
    d = s.scalar(select(JournalDecision).where(JournalDecision.key == key))
    if d is None or d.state != "pending":
        raise NotUndoable("UNDO_SYNCED")
    if sending:
        raise NotUndoable("UNDO_SYNCING")
    sent = s.scalar(select(JournalSendMark.through_seq).where(JournalSendMark.id == 1))
    if sent is not None and d.seq <= sent:
        raise NotUndoable("UNDO_MAYBE_SYNCED")
    record = decision_record(s, d)
    d.state = "undone"
    drop_consequences(s, key)
    item = s.get(JournalItem, (d.kind, d.item_id))
    if item is not None:
        item.local_status = d.previous_local_status
    audit_decision(s, d, "undo", now, {"outcome": d.outcome}, staff_username, workstation)
    return record


def drop_consequences(s: Session, key: str) -> None:
    """A decision undone or lost to another: its strike and suspension go, the posts it held are free."""
    s.execute(delete(JournalStrike).where(JournalStrike.decision_key == key))
    s.execute(delete(JournalSuspension).where(JournalSuspension.decision_key == key))
    s.execute(
        update(JournalItem)
        .where(JournalItem.held_by_key == key)
        .values(local_status="pending", held_reason=None, held_by_key=None)
    )
