"""Local decisions: one SQLite transaction records the decision, the strike and, at the facility's
threshold, the suspension (P7), holding the family's other pending posts at once, before any sync.

The functions here work in the caller's transaction (``Journal`` opens it under its lock).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from reviewer_app.access.roles import CAPABILITIES
from reviewer_app.core import rules
from reviewer_app.core.family_message import suspension_hold_reason
from reviewer_app.core.items import ClaimedItem
from reviewer_app.core.reasons import Reason
from reviewer_app.core.snapshot import FamilyStanding
from reviewer_app.journal import document_checks
from reviewer_app.journal.errors import AlreadyDecided, DecisionRefused, NotClaimed, NotPermitted, NotUndoable
from reviewer_app.journal.models import (
    JournalDecision,
    JournalItem,
    JournalReason,
    JournalSendMark,
    JournalStaff,
    JournalStrike,
    JournalSuspension,
)
from reviewer_app.journal.records import DecisionRecord, audit_decision, decision_record
from reviewer_app.journal.standing import standing
from reviewer_app.journal.unused_window import refuse_unused_window

#: The staff roles that decide (R10).
DECIDING_ROLES = frozenset(role for role, can in CAPABILITIES.items() if "decide" in can)


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
    family_remark: str | None = None,
) -> DecisionRecord:
    item = s.get(JournalItem, (kind, item_id))
    if item is None:
        raise NotClaimed("NOT_CLAIMED_REFRESH")
    if item.local_status == "decided":
        raise AlreadyDecided("ALREADY_DECIDED")
    may_decide(s, staff_username, item.facility_id)
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
        refuse_unused_window(item.snapshot, family, now, reason_codes, catalogue)  # R1
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
    detail: dict[str, object] = {"outcome": outcome, "reasons": list(reason_codes)}
    if family_remark:
        detail["family_remark"] = family_remark  # what the reviewer wrote to the family, audited
    audit_decision(s, decision, "decision", now, detail)
    if strike:
        _add_strike(s, decision, item, catalogue, reason_codes, family, now)
    return decision_record(s, decision)


def may_decide(s: Session, staff_username: str, facility_id: int) -> None:
    """R10: only an active reviewer or supervisor of the item's facility decides, as the shared
    database listed the staff at the last pull (the push checks the shared database itself again)."""
    member = s.get(JournalStaff, staff_username)
    if (
        member is None
        or not member.active
        or member.role not in DECIDING_ROLES
        or member.facility_id != facility_id
    ):
        raise NotPermitted("DECIDE_NOT_PERMITTED", username=staff_username)


def _add_strike(
    s: Session,
    decision: JournalDecision,
    item: JournalItem,
    catalogue: dict[str, Reason],
    reason_codes: Sequence[str],
    before: FamilyStanding,
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
    # The one computation of a family's standing (core/strike_cycles.py): does this strike start one?
    cycle = before.suspends_if_struck(decision.key, item.item_id, now)
    if cycle is None:
        return
    s.add(
        JournalSuspension(
            decision_key=decision.key,
            service_id=item.service_id,
            block=cycle.number,
            starts_at=cycle.starts_at,
            ends_at=cycle.ends_at,
        )
    )
    reason = suspension_hold_reason(cycle.ends_at, before.strike_threshold)
    s.execute(
        update(JournalItem)
        .where(
            JournalItem.service_id == item.service_id,
            JournalItem.kind == "post",
            JournalItem.local_status == "pending",
        )
        .values(local_status="held", held_reason=reason, held_by_key=decision.key)
    )
    # No audit event here: the suspension happens when the shared database takes the strike
    # (sync/push.py records it there), never for a decision that ends as a conflict.


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
