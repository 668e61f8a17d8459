"""The supervisor's facility's rejection-reason catalogue (R11): read it, add a reason or change one
(never delete: decisions refer to reasons by code). Only ever the actor's own facility's copy: another
facility's reasons are out of reach here (and, on PostgreSQL, behind the walls). Texts are templates of
the facility's numbers ({window_days}…); :func:`family_reasons` words them as the families read them.
Each change is audited in the same transaction; call these off the GUI thread."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, require
from reviewer_app.core.policy import Policy
from reviewer_app.core.reasons import APPLIES_TO, REASON_FIELDS, Reason, worded
from reviewer_app.shared_db.models import Facility, RejectionReason
from reviewer_app.supervision.common import SupervisorError, record_event

CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{1,39}$")


@dataclass(frozen=True)
class ReasonRow:
    code: str
    text: str
    suggestion: str
    counts_as_strike: bool
    applies_to: str
    rule_id: str | None = None
    active: bool = True
    sort_order: int = 0


def _reason_row(r: RejectionReason) -> ReasonRow:
    return ReasonRow(code=r.code, **{f: getattr(r, f) for f in _REASON_FIELDS})


def reasons(engine: Engine, actor: Actor) -> list[ReasonRow]:
    """The actor's facility's reasons, as stored (texts with placeholders), in the order offered."""
    require(actor, "edit_catalogue")
    with Session(engine) as s:
        rows = s.scalars(
            select(RejectionReason)
            .where(RejectionReason.facility_id == actor.facility_id)
            .order_by(RejectionReason.sort_order, RejectionReason.code)
        )
        return [_reason_row(r) for r in rows]


def facility_policy(engine: Engine, actor: Actor) -> Policy:
    """The numbers the actor's facility's templates are worded with."""
    with Session(engine) as s:
        facility = s.get(Facility, actor.facility_id)
        if facility is None:
            raise SupervisorError("找不到您的矯正機關")
        return facility.policy()


def as_family_reads(row: ReasonRow, policy: Policy) -> Reason:
    """A reason of the catalogue as a family of a facility with ``policy`` reads it."""
    return worded(Reason(**{f: getattr(row, f) for f in REASON_FIELDS}), policy)


def family_reasons(engine: Engine, actor: Actor) -> list[Reason]:
    """The actor's facility's reasons in the words its families read (R9)."""
    rows = reasons(engine, actor)
    policy = facility_policy(engine, actor)
    return [as_family_reads(r, policy) for r in rows]


def _check_reason(r: ReasonRow) -> ReasonRow:
    problems = []
    if not CODE_PATTERN.match(r.code):
        problems.append("代碼須為大寫英文字母開頭，只含大寫英文、數字與底線（2–40 字）")
    if not r.text.strip() or len(r.text) > 300:
        problems.append("家屬看到的原因不可空白，且在 300 字以內")
    if not r.suggestion.strip() or len(r.suggestion) > 300:
        problems.append("修正建議不可空白，且在 300 字以內")
    if r.applies_to not in APPLIES_TO:
        problems.append("適用對象須為服務申請、家庭聯絡簿或兩者")
    if r.counts_as_strike and r.applies_to != "post":
        problems.append("只有家庭聯絡簿的退件原因可以計入違規（P7）")
    if r.rule_id is not None and len(r.rule_id) > 4:
        problems.append("規則代號最多 4 字")
    if problems:
        raise SupervisorError("；".join(problems))
    return replace(r, text=r.text.strip(), suggestion=r.suggestion.strip(), rule_id=(r.rule_id or None))


#: What a supervisor edits: the reason's own columns (one list, core.reasons) and its place in the list.
_REASON_FIELDS = (*(f for f in REASON_FIELDS if f != "code"), "sort_order")


def save_reason(engine: Engine, actor: Actor, reason: ReasonRow, now: datetime) -> ReasonRow:
    """Add a reason or change one (by code). Reasons are never deleted: decisions refer to them by
    code; a reason that should no longer be offered is saved with active=False."""
    require(actor, "edit_catalogue")
    reason = _check_reason(reason)
    with Session(engine) as s, s.begin():
        # The actor's own facility's copy, never another's: the key names the facility.
        existing = s.get(RejectionReason, (actor.facility_id, reason.code), with_for_update=True)
        if existing is None:
            s.add(
                RejectionReason(
                    facility_id=actor.facility_id,
                    code=reason.code,
                    **{f: getattr(reason, f) for f in _REASON_FIELDS},
                )
            )
            record_event(
                s, actor, "reason_create", now, detail={"code": reason.code, "after": _as_json(reason)}
            )
        else:
            before = _reason_row(existing)
            if before == reason:
                return reason
            for f in _REASON_FIELDS:
                setattr(existing, f, getattr(reason, f))
            changed = {
                f: [getattr(before, f), getattr(reason, f)]
                for f in _REASON_FIELDS
                if getattr(before, f) != getattr(reason, f)
            }
            record_event(s, actor, "reason_update", now, detail={"code": reason.code, "changed": changed})
    return reason


def _as_json(r: ReasonRow) -> dict[str, Any]:
    return {f: getattr(r, f) for f in _REASON_FIELDS}
