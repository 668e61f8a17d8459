"""The audit trail of the supervisor's facility: filtered reading (itself audited), the actions present,
and the check of the hash chain. Each function checks the actor's ``view_audit`` capability, so a view
only passes the actor and shows what comes back; call these off the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, or_, select
from sqlalchemy.orm import Session, aliased

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor, require
from reviewer_app.shared_db.models import Applicant, AuditEvent, Inmate, ServiceApplication, Staff
from reviewer_app.supervision.common import record_event


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
    #: The staff member's name as the facility knows them (None: not on the staff list)
    staff_display_name: str | None = None


def _like(text_: str) -> str:
    return "%" + text_.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def audit_query(engine: Engine, actor: Actor, flt: AuditFilter, now: datetime) -> list[AuditRow]:
    """The facility's audit trail, newest first, filtered. Reading the trail is itself audited."""
    require(actor, "view_audit")
    app = aliased(ServiceApplication)
    q = (
        select(AuditEvent, Applicant.name, Inmate.call_number, Inmate.name, Staff.display_name)
        .outerjoin(app, app.id == AuditEvent.service_id)
        .outerjoin(Applicant, Applicant.id == app.applicant_id)
        .outerjoin(Inmate, Inmate.id == app.inmate_id)
        .outerjoin(Staff, Staff.username == AuditEvent.staff_username)
        .where(AuditEvent.facility_id == actor.facility_id)
    )
    if flt.staff:
        q = q.where(
            or_(
                AuditEvent.staff_username.ilike(_like(flt.staff), escape="\\"),
                Staff.display_name.ilike(_like(flt.staff), escape="\\"),
            )
        )
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
            _row(e, applicant, call_number, inmate_name, display_name)
            for e, applicant, call_number, inmate_name, display_name in s.execute(q).all()
        ]
        record_event(s, actor, "audit_view", now, detail={"filter": flt.as_json(), "rows": len(rows)})
        me = s.scalar(select(Staff.display_name).where(Staff.username == actor.username))
        if not _shows_own_viewing(flt, actor, me, now):
            return rows
        # This viewing is in the trail from now on: listed with the rest when the search would find
        # it, so the list and the chain's count agree.
        viewing = s.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.facility_id == actor.facility_id,
                AuditEvent.staff_username == actor.username,
                AuditEvent.action == "audit_view",
            )
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).one()
        return [_row(viewing, None, None, None, me), *rows][: flt.limit]


def _shows_own_viewing(flt: AuditFilter, actor: Actor, display_name: str | None, now: datetime) -> bool:
    """Whether the search would find the viewing event it writes (by the actor, now, about no family)."""
    if flt.family or flt.inmate or (flt.action and flt.action != "audit_view"):
        return False
    if (flt.since is not None and now < flt.since) or (flt.until is not None and now >= flt.until):
        return False
    if flt.staff:
        wanted = flt.staff.strip().casefold()
        return wanted in actor.username.casefold() or wanted in (display_name or "").casefold()
    return True


def _row(
    e: AuditEvent,
    applicant: str | None,
    call_number: str | None,
    inmate_name: str | None,
    display_name: str | None,
) -> AuditRow:
    return AuditRow(
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
        display_name,
    )


def facility_events(engine: Engine, actor: Actor) -> int:
    """How many events the actor's facility's trail holds (beside the chain's check, which on a
    shared SQLite file walks every facility's chain)."""
    require(actor, "view_audit")
    with Session(engine) as s:
        return s.scalar(select(func.count()).where(AuditEvent.facility_id == actor.facility_id)) or 0


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


def verify_chain(engine: Engine, actor: Actor) -> audit_chain.VerifyReport:
    """Walk the audit chains this connection may see and report the first broken link, if any."""
    require(actor, "view_audit")
    with Session(engine) as s:
        return audit_chain.verify(s)
