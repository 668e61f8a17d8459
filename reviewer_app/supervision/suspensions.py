"""Suspensions (P7, rulings R2): the facility's list, lifting one at once, or ending it earlier.

Every function takes the signed-in :class:`~reviewer_app.access.roles.Actor`, checks the role's
capability (the app's wall, which is all there is on SQLite) and works only on the actor's facility; on
PostgreSQL the database enforces the same again (grants and row-level security of migration 0003).
Each change writes an audit event in the same transaction. These run against the shared database: call
them off the GUI thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, require
from reviewer_app.core.timeutil import local
from reviewer_app.shared_db import second_looks
from reviewer_app.shared_db.deciding import Refused
from reviewer_app.shared_db.models import Applicant, Inmate, SecondLook, ServiceApplication, Suspension
from reviewer_app.supervision.common import SupervisorError, checked_reason, record_event


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
    # Four eyes (issue 21): a lift or a shorter end asked for, waiting for a second supervisor.
    waiting_look: str | None = None  # suspension_lift | suspension_shorten

    def state(self, now: datetime) -> str:
        """active | lifted | ended"""
        if self.lifted_at is not None:
            return "lifted"
        return "active" if self.ends_at > now else "ended"


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
        waiting = {
            subject_id: subject
            for subject_id, subject in s.execute(
                select(SecondLook.subject_id, SecondLook.subject).where(
                    SecondLook.facility_id == actor.facility_id,
                    SecondLook.subject.in_(("suspension_lift", "suspension_shorten")),
                    SecondLook.state == "waiting",
                )
            )
        }
        return [replace(_suspension_row(r), waiting_look=waiting.get(r[0].id)) for r in rows]


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
    reason = checked_reason(reason)
    with Session(engine) as s, s.begin():
        before = _suspension(s, actor, suspension_id)
        if second_looks.four_eyes(s, actor.facility_id):
            return _ask_second_look(s, actor, before, "suspension_lift", reason, None, now)
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
        record_event(
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
    reason = checked_reason(reason)
    with Session(engine) as s, s.begin():
        before = _suspension(s, actor, suspension_id)
        if before.lifted_at is not None:
            raise SupervisorError("此停權已解除，無需縮短")
        if new_end >= before.ends_at:
            raise SupervisorError(f"新的結束日須早於原結束日 {local(before.ends_at):%Y/%m/%d}")
        if new_end < before.starts_at:
            raise SupervisorError(f"新的結束日不可早於停權開始日 {local(before.starts_at):%Y/%m/%d}")
        if second_looks.four_eyes(s, actor.facility_id):
            return _ask_second_look(s, actor, before, "suspension_shorten", reason, new_end, now)
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
        record_event(
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


def _ask_second_look(
    s: Session,
    actor: Actor,
    before: SuspensionRow,
    subject: str,
    reason: str,
    new_end: datetime | None,
    now: datetime,
) -> SuspensionRow:
    """Four eyes: the lift or the shorter end waits for a second supervisor (supervision/second_looks.py);
    nothing changes for the family until then."""
    look = second_looks.FirstLook(
        key=str(uuid.uuid4()),
        facility_id=actor.facility_id,
        subject=subject,
        subject_id=before.id,
        staff_username=actor.username,
        workstation=actor.workstation,
        at=now,
        note=reason,
        proposed_ends_at=new_end,
    )
    try:
        second_looks.first_look(s, look)
    except Refused as refused:
        raise SupervisorError(refused.message) from refused
    detail: dict[str, object] = {
        "suspension_id": before.id,
        "reason": reason,
        "ends_at": before.ends_at.isoformat(),
    }
    if new_end is not None:
        detail["ends_at_after"] = new_end.isoformat()
    record_event(s, actor, f"{subject}_asked", now, service_id=before.service_id, detail=detail)
    return replace(before, waiting_look=subject)
