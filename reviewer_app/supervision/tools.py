"""Supervisor tools: lift or shorten a suspension, dismiss a strike given by mistake, edit the
rejection-reason catalogue, browse the audit trail. Each writes an audit event in the same transaction.

Every function takes the signed-in :class:`~reviewer_app.access.roles.Actor`, checks the role's capability
(the app's wall, which is all there is on SQLite) and works only on the actor's facility; on
PostgreSQL the database enforces the same again (grants and row-level security of migration 0003).
These run online, against the shared database: call them off the GUI thread (ui/tasks.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, or_, select, update
from sqlalchemy.orm import Session, aliased

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor, require
from reviewer_app.core.reasons import APPLIES_TO, REASON_FIELDS
from reviewer_app.core.timeutil import local
from reviewer_app.shared_db.models import (
    Applicant,
    AuditEvent,
    Inmate,
    Post,
    RejectionReason,
    ServiceApplication,
    Strike,
    Suspension,
)


class SupervisorError(Exception):
    """The action cannot be done as asked; the message is for the supervisor (zh-TW)."""


def _reason_text(reason: str) -> str:
    reason = reason.strip()
    if len(reason) < 2:
        raise SupervisorError("請填寫原因（至少 2 個字）")
    if len(reason) > 300:
        raise SupervisorError("原因請在 300 字以內")
    return reason


# ---- suspensions and strikes ---------------------------------------------------------------------


@dataclass(frozen=True)
class SuspensionRow:
    id: int
    service_id: int
    applicant_name: str
    inmate_call_number: str
    inmate_name: str
    block: int
    starts_at: datetime
    ends_at: datetime
    lifted_at: datetime | None
    lifted_by: str | None
    lift_reason: str | None

    def state(self, now: datetime) -> str:
        """active | lifted | ended"""
        if self.lifted_at is not None:
            return "lifted"
        return "active" if self.ends_at > now else "ended"


@dataclass(frozen=True)
class StrikeRow:
    id: int
    service_id: int
    post_id: int
    post_title: str
    applicant_name: str
    inmate_call_number: str
    reason_code: str
    created_at: datetime
    dismissed_at: datetime | None
    dismissed_by: str | None
    dismiss_reason: str | None


def _suspension_query() -> Any:
    return (
        select(Suspension, Applicant.name, Inmate.call_number, Inmate.name)
        .join(ServiceApplication, ServiceApplication.id == Suspension.service_id)
        .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
        .join(Inmate, Inmate.id == ServiceApplication.inmate_id)
    )


def _suspension_row(row: Any) -> SuspensionRow:
    sus, applicant, call_number, inmate = row
    return SuspensionRow(
        sus.id,
        sus.service_id,
        applicant,
        call_number,
        inmate,
        sus.block,
        sus.starts_at,
        sus.ends_at,
        sus.lifted_at,
        sus.lifted_by,
        sus.lift_reason,
    )


def suspensions(engine: Engine, actor: Actor) -> list[SuspensionRow]:
    """The facility's suspensions, the latest first."""
    require(actor, "lift_suspension")
    with Session(engine) as s:
        rows = s.execute(
            _suspension_query()
            .where(Suspension.facility_id == actor.facility_id)
            .order_by(Suspension.starts_at.desc(), Suspension.id.desc())
        ).all()
        return [_suspension_row(r) for r in rows]


def strikes(engine: Engine, actor: Actor, service_id: int | None = None) -> list[StrikeRow]:
    """The facility's strikes (one family's with `service_id`), the latest first."""
    require(actor, "dismiss_strike")
    with Session(engine) as s:
        q = (
            select(Strike, Post.title, Applicant.name, Inmate.call_number)
            .join(Post, Post.id == Strike.post_id)
            .join(ServiceApplication, ServiceApplication.id == Strike.service_id)
            .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
            .join(Inmate, Inmate.id == ServiceApplication.inmate_id)
            .where(Strike.facility_id == actor.facility_id)
        )
        if service_id is not None:
            q = q.where(Strike.service_id == service_id)
        return [
            StrikeRow(
                st.id,
                st.service_id,
                st.post_id,
                title,
                applicant,
                call_number,
                st.reason_code,
                st.created_at,
                st.dismissed_at,
                st.dismissed_by,
                st.dismiss_reason,
            )
            for st, title, applicant, call_number in s.execute(
                q.order_by(Strike.created_at.desc(), Strike.id.desc())
            ).all()
        ]


def _audit(s: Session, actor: Actor, action: str, now: datetime, **fields: Any) -> None:
    audit_chain.append(
        s,
        [
            audit_chain.new_event(
                action=action,
                staff_username=actor.username,
                workstation=actor.workstation,
                facility_id=actor.facility_id,
                occurred_at=now,
                **fields,
            )
        ],
    )


def _suspension(s: Session, actor: Actor, suspension_id: int) -> SuspensionRow:
    row = s.execute(
        _suspension_query().where(Suspension.id == suspension_id, Suspension.facility_id == actor.facility_id)
    ).first()
    if row is None:
        raise SupervisorError("找不到這筆停權紀錄（或不屬於本機關）")
    return _suspension_row(row)


def lift_suspension(
    engine: Engine, actor: Actor, suspension_id: int, reason: str, now: datetime
) -> SuspensionRow:
    """Lift a suspension at once. The family's held posts become approvable again (rule P7 reads only
    suspensions that are not lifted)."""
    require(actor, "lift_suspension")
    reason = _reason_text(reason)
    with Session(engine) as s, s.begin():
        before = _suspension(s, actor, suspension_id)
        lifted = s.execute(
            update(Suspension)
            .where(Suspension.id == suspension_id, Suspension.lifted_at.is_(None))
            .values(lifted_at=now, lifted_by=actor.username, lift_reason=reason)
            .returning(Suspension.id)
        ).first()
        if lifted is None:
            raise SupervisorError(
                f"此停權已於 {local(before.lifted_at or now):%Y/%m/%d %H:%M} 由 {before.lifted_by} 解除"
            )
        _audit(
            s,
            actor,
            "suspension_lift",
            now,
            service_id=before.service_id,
            detail={"suspension_id": suspension_id, "reason": reason, "ends_at": before.ends_at.isoformat()},
        )
        return replace(before, lifted_at=now, lifted_by=actor.username, lift_reason=reason)


def shorten_suspension(
    engine: Engine, actor: Actor, suspension_id: int, new_end: datetime, reason: str, now: datetime
) -> SuspensionRow:
    """End a suspension earlier than planned (never later, never before it started)."""
    require(actor, "lift_suspension")
    reason = _reason_text(reason)
    with Session(engine) as s, s.begin():
        before = _suspension(s, actor, suspension_id)
        if before.lifted_at is not None:
            raise SupervisorError("此停權已解除，無需縮短")
        if new_end >= before.ends_at:
            raise SupervisorError(f"新的結束日須早於原結束日 {local(before.ends_at):%Y/%m/%d}")
        if new_end < before.starts_at:
            raise SupervisorError(f"新的結束日不可早於停權開始日 {local(before.starts_at):%Y/%m/%d}")
        changed = s.execute(
            update(Suspension)
            .where(
                Suspension.id == suspension_id,
                Suspension.lifted_at.is_(None),
                Suspension.ends_at == before.ends_at,
            )
            .values(ends_at=new_end)
            .returning(Suspension.id)
        ).first()
        if changed is None:
            raise SupervisorError("此停權剛被其他人變更，請重新整理後再試")
        _audit(
            s,
            actor,
            "suspension_shorten",
            now,
            service_id=before.service_id,
            detail={
                "suspension_id": suspension_id,
                "reason": reason,
                "ends_at_before": before.ends_at.isoformat(),
                "ends_at_after": new_end.isoformat(),
            },
        )
        return replace(before, ends_at=new_end)


def dismiss_strike(engine: Engine, actor: Actor, strike_id: int, reason: str, now: datetime) -> StrikeRow:
    """Dismiss a strike given by mistake: it no longer counts towards a suspension (P7). A suspension
    it already triggered stays until lifted (lift_suspension), so that is always a decision of its own."""
    require(actor, "dismiss_strike")
    reason = _reason_text(reason)
    with Session(engine) as s, s.begin():
        strike = s.scalar(
            select(Strike).where(Strike.id == strike_id, Strike.facility_id == actor.facility_id)
        )
        if strike is None:
            raise SupervisorError("找不到這筆違規紀錄（或不屬於本機關）")
        done = s.execute(
            update(Strike)
            .where(Strike.id == strike_id, Strike.dismissed_at.is_(None))
            .values(dismissed_at=now, dismissed_by=actor.username, dismiss_reason=reason)
            .returning(Strike.id)
        ).first()
        service_id = strike.service_id
        if done is None:
            raise SupervisorError(f"此違規紀錄已由 {strike.dismissed_by} 撤銷")
        _audit(
            s,
            actor,
            "strike_dismiss",
            now,
            item_kind="post",
            item_id=strike.post_id,
            service_id=strike.service_id,
            detail={"strike_id": strike_id, "reason": reason, "reason_code": strike.reason_code},
        )
    found = strikes(engine, actor, service_id)
    return next(r for r in found if r.id == strike_id)


# ---- the rejection-reason catalogue --------------------------------------------------------------

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
    require(actor, "edit_catalogue")
    with Session(engine) as s:
        rows = s.scalars(select(RejectionReason).order_by(RejectionReason.sort_order, RejectionReason.code))
        return [_reason_row(r) for r in rows]


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
        existing = s.get(RejectionReason, reason.code, with_for_update=True)
        if existing is None:
            s.add(RejectionReason(code=reason.code, **{f: getattr(reason, f) for f in _REASON_FIELDS}))
            _audit(s, actor, "reason_create", now, detail={"code": reason.code, "after": _as_json(reason)})
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
            _audit(s, actor, "reason_update", now, detail={"code": reason.code, "changed": changed})
    return reason


def _as_json(r: ReasonRow) -> dict[str, Any]:
    return {f: getattr(r, f) for f in _REASON_FIELDS}


# ---- the audit trail -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    """Who, what, when, family, inmate. Text filters match a part (case-insensitive), except action."""

    staff: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    family: str | None = None  # applicant's name, or the service application number
    inmate: str | None = None  # call number (呼號) or name
    limit: int = 5000

    def as_json(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, datetime) else v)
            for k, v in self.__dict__.items()
            if v not in (None, "") and k != "limit"
        }


@dataclass(frozen=True)
class AuditRow:
    id: int
    occurred_at: datetime
    staff_username: str
    workstation: str
    action: str
    item_kind: str | None
    item_id: int | None
    service_id: int | None
    applicant_name: str | None
    inmate_call_number: str | None
    inmate_name: str | None
    detail: dict[str, Any]


def _like(text_: str) -> str:
    return "%" + text_.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def audit_query(engine: Engine, actor: Actor, flt: AuditFilter, now: datetime) -> list[AuditRow]:
    """The facility's audit trail, newest first, filtered. Reading the trail is itself audited."""
    require(actor, "view_audit")
    app = aliased(ServiceApplication)
    q = (
        select(AuditEvent, Applicant.name, Inmate.call_number, Inmate.name)
        .outerjoin(app, app.id == AuditEvent.service_id)
        .outerjoin(Applicant, Applicant.id == app.applicant_id)
        .outerjoin(Inmate, Inmate.id == app.inmate_id)
        .where(AuditEvent.facility_id == actor.facility_id)
    )
    if flt.staff:
        q = q.where(AuditEvent.staff_username.ilike(_like(flt.staff), escape="\\"))
    if flt.action:
        q = q.where(AuditEvent.action == flt.action)
    if flt.since is not None:
        q = q.where(AuditEvent.occurred_at >= flt.since)
    if flt.until is not None:
        q = q.where(AuditEvent.occurred_at < flt.until)
    if flt.family:
        family = flt.family.strip()
        conds: list[ColumnElement[bool]] = [Applicant.name.ilike(_like(family), escape="\\")]
        if family.isdigit():
            conds.append(AuditEvent.service_id == int(family))
        q = q.where(or_(*conds))
    if flt.inmate:
        inmate = flt.inmate.strip()
        q = q.where(or_(Inmate.call_number == inmate, Inmate.name.ilike(_like(inmate), escape="\\")))
    q = q.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc()).limit(flt.limit)
    with Session(engine) as s, s.begin():
        rows = [
            AuditRow(
                e.id,
                e.occurred_at,
                e.staff_username,
                e.workstation,
                e.action,
                e.item_kind,
                e.item_id,
                e.service_id,
                applicant,
                call_number,
                inmate_name,
                dict(e.detail or {}),
            )
            for e, applicant, call_number, inmate_name in s.execute(q).all()
        ]
        _audit(s, actor, "audit_view", now, detail={"filter": flt.as_json(), "rows": len(rows)})
    return rows


def audit_actions(engine: Engine, actor: Actor) -> Sequence[str]:
    """The actions present in the facility's trail (for the browser's filter list)."""
    require(actor, "view_audit")
    with Session(engine) as s:
        return list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.facility_id == actor.facility_id)
                .distinct()
                .order_by(AuditEvent.action)
            )
        )
