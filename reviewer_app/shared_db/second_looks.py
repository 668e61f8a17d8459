"""Four eyes in the shared database (issue 21): a first decision recorded to wait, and the second look
that confirms it or sends it back; one API whichever database.

On PostgreSQL both are SECURITY DEFINER functions of migration 0010 (and its triggers refuse every other
way); on SQLite (one user, no roles) the same steps run here in Python, in the caller's transaction, with
the same refusals (:class:`~reviewer_app.shared_db.deciding.Refused`, the same SQLSTATEs and words).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reviewer_app.access.roles import CAPABILITIES
from reviewer_app.core.timeutil import local
from reviewer_app.shared_db.deciding import Refused, _call, _payload, on_postgresql
from reviewer_app.shared_db.models import (
    Decision,
    Facility,
    SecondLook,
    ServiceApplication,
    Staff,
    Suspension,
)

NOT_OWN = "不能覆核自己作成的決定（四眼原則），請由本機關另一位同仁覆核"
WAITING = "此申請的核准正等待本機關另一位同仁覆核（待覆核），不能另作決定"


def four_eyes(s: Session, facility_id: int) -> bool:
    """Whether the facility keeps four eyes on (the facility's setting; on by default)."""
    return bool(s.scalar(select(Facility.four_eyes).where(Facility.id == facility_id)))


@dataclass(frozen=True)
class FirstLook:
    key: str  # idempotency: the journal's decision key for an application
    facility_id: int
    subject: str  # application | suspension_lift | suspension_shorten
    subject_id: int
    staff_username: str
    workstation: str
    at: datetime
    item_version: int | None = None  # the application's version as reviewed
    note: str | None = None
    proposed_ends_at: datetime | None = None

    def payload(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "facility_id": self.facility_id,
            "subject": self.subject,
            "subject_id": self.subject_id,
            "staff_username": self.staff_username,
            "workstation": self.workstation,
            "at": self.at,
            "item_version": self.item_version,
            "note": self.note,
            "proposed_ends_at": self.proposed_ends_at,
        }


def first_look(s: Session, f: FirstLook) -> bool:
    """Record a first decision to wait for a second staff member. False: it was there (a replay)."""
    if on_postgresql(s):
        result = _call(s, "SELECT public.reviewdesk_first_look(CAST(:p AS jsonb))", p=_payload(f.payload()))
        return bool(result.scalar() == "applied")
    if s.scalar(select(SecondLook.id).where(SecondLook.first_key == f.key)) is not None:
        return False
    _acting(s, f.staff_username, f.facility_id, supervisor_only=f.subject != "application")
    if not four_eyes(s, f.facility_id):
        raise Refused("RD422", "本機關未啟用四眼覆核，請直接決定")
    version = None
    if f.subject == "application":
        changed = s.execute(
            update(ServiceApplication)
            .where(
                ServiceApplication.id == f.subject_id,
                ServiceApplication.facility_id == f.facility_id,
                ServiceApplication.version == f.item_version,
                ServiceApplication.status.in_(("pending", "held")),
            )
            .values(
                version=ServiceApplication.version + 1,
                claimed_by=None,
                claim_workstation=None,
                claim_expires_at=None,
            )
            .returning(ServiceApplication.version)
        ).first()
        if changed is None:
            raise Refused("RD409", "案件在共用資料庫中已變更，本工作站的決定未套用，請重新審核")
        version = changed[0]
    else:
        sus = s.scalar(
            select(Suspension).where(Suspension.id == f.subject_id, Suspension.facility_id == f.facility_id)
        )
        if sus is None:
            raise Refused("RD404", "找不到這筆停權紀錄（或不屬於本機關）")
        if sus.lifted_at is not None:
            raise Refused("RD409", "此停權已解除")
        if f.subject == "suspension_shorten" and (
            f.proposed_ends_at is None or not sus.starts_at <= f.proposed_ends_at < sus.ends_at
        ):
            raise Refused("RD422", "新的結束日須早於原結束日、不早於停權開始日")
    waiting = select(SecondLook.id).where(
        SecondLook.subject == f.subject, SecondLook.subject_id == f.subject_id, SecondLook.state == "waiting"
    )
    if s.scalar(waiting) is not None:
        raise Refused("RD409", "此項目已有一筆待覆核的決定")
    s.add(
        SecondLook(
            facility_id=f.facility_id,
            subject=f.subject,
            subject_id=f.subject_id,
            item_version=version,
            first_key=f.key,
            first_staff=f.staff_username,
            first_workstation=f.workstation[:100],
            first_at=f.at,
            first_note=None if f.note is None else f.note[:300],
            proposed_ends_at=f.proposed_ends_at,
            state="waiting",
        )
    )
    s.flush()
    return True


def second_look(
    s: Session,
    *,
    look_id: int,
    staff_username: str,
    workstation: str,
    verdict: str,
    note: str | None,
    at: datetime,
) -> str:
    """Confirm (``verdict`` "confirm": the first decision is applied now) or send back ("send_back",
    with a note: not applied, an application goes back to the queue). Returns the look's new state.
    Raises Refused: RD403 for the first decision's own author, RD409 when someone settled it first."""
    if on_postgresql(s):
        payload = {
            "look_id": look_id,
            "staff_username": staff_username,
            "workstation": workstation,
            "verdict": verdict,
            "note": note,
            "at": at,
        }
        return str(
            _call(s, "SELECT public.reviewdesk_second_look(CAST(:p AS jsonb))", p=_payload(payload)).scalar()
        )
    who = _acting(s, staff_username, None, supervisor_only=False)
    note = (note or "").strip() or None
    look = s.scalar(
        select(SecondLook).where(SecondLook.id == look_id, SecondLook.facility_id == who.facility_id)
    )
    if look is None:
        raise Refused("RD404", "本機關沒有這筆待覆核的決定")
    if look.state != "waiting":
        raise Refused("RD409", settled_by(look))
    if look.first_staff == staff_username:
        raise Refused("RD403", NOT_OWN)
    if look.subject != "application" and who.role != "supervisor":
        raise Refused("RD403", "停權的解除或縮短須由另一位業務主管覆核")
    if verdict == "send_back" and (note is None or len(note) < 2):
        raise Refused("RD422", "退回請寫明原因（至少 2 個字）")
    state = "confirmed" if verdict == "confirm" else "sent_back"
    # The look first, only while it waits: of two confirmers, one wins and the other is told by whom.
    taken = s.execute(
        update(SecondLook)
        .where(SecondLook.id == look_id, SecondLook.state == "waiting")
        .values(
            state=state,
            second_staff=staff_username,
            second_workstation=workstation[:100],
            second_at=at,
            second_note=None if note is None else note[:300],
        )
        .returning(SecondLook.id)
    ).first()
    if taken is None:
        s.refresh(look)
        raise Refused("RD409", settled_by(look))
    if look.subject == "application":
        _settle_application(s, look, verdict, at)
    elif verdict == "confirm":
        _settle_suspension(s, look, at)
    return state


def settled_by(look: SecondLook) -> str:
    done = "確認" if look.state == "confirmed" else "退回"
    when = local(look.second_at).strftime("%Y/%m/%d %H:%M") if look.second_at else ""
    return f"已由 {look.second_staff} 於 {when} {done}，您的覆核未套用"


def _acting(s: Session, username: str, facility_id: int | None, *, supervisor_only: bool) -> Staff:
    roles = ["supervisor"] if supervisor_only else [r for r, can in CAPABILITIES.items() if "decide" in can]
    who = s.scalar(select(Staff).where(Staff.username == username))
    if who is None or not who.active or who.role not in roles:
        words = "業務主管" if supervisor_only else "社工師與業務主管"
        raise Refused("RD403", f"{username} 沒有此權限（僅限本機關在職之{words}），未套用")
    if facility_id is not None and who.facility_id != facility_id:
        raise Refused("RD403", f"{username} 不屬於此機關，未套用")
    return who


def _settle_application(s: Session, look: SecondLook, verdict: str, at: datetime) -> None:
    values: dict[str, Any] = {"version": ServiceApplication.version + 1}
    if verdict == "confirm":
        values.update(status="approved", decided_at=at)
    changed = s.execute(
        update(ServiceApplication)
        .where(
            ServiceApplication.id == look.subject_id,
            ServiceApplication.version == look.item_version,
            ServiceApplication.status.in_(("pending", "held")),
        )
        .values(**values)
        .returning(ServiceApplication.id)
    ).first()
    if changed is None:
        raise Refused("RD409", "案件在共用資料庫中已變更，覆核未套用")
    if verdict == "confirm":
        assert look.item_version is not None
        s.add(
            Decision(
                idempotency_key=look.first_key,
                facility_id=look.facility_id,
                item_kind="application",
                item_id=look.subject_id,
                item_version=look.item_version,
                outcome="approve",
                reason_codes=[],
                message_to_family=None,
                note=look.first_note,
                staff_username=look.first_staff,
                workstation=look.first_workstation,
                decided_at=look.first_at,
            )
        )
        s.flush()


def _settle_suspension(s: Session, look: SecondLook, at: datetime) -> None:
    if look.subject == "suspension_lift":
        stmt = (
            update(Suspension)
            .where(Suspension.id == look.subject_id, Suspension.lifted_at.is_(None))
            .values(lifted_at=at, lifted_by=look.first_staff, lift_reason=look.first_note)
        )
    else:
        assert look.proposed_ends_at is not None
        stmt = (
            update(Suspension)
            .where(
                Suspension.id == look.subject_id,
                Suspension.lifted_at.is_(None),
                Suspension.ends_at > look.proposed_ends_at,
            )
            .values(ends_at=look.proposed_ends_at)
        )
    if s.execute(stmt.returning(Suspension.id)).first() is None:
        raise Refused("RD409", "此停權已被變更（已解除或已縮短），覆核未套用")
