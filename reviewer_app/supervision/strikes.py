"""Strikes (P7): the facility's list (or one family's), and dismissing a strike given by mistake.

Like every supervisor action: the actor's capability is checked, only the actor's facility is touched,
the change is audited in the same transaction; call these off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, require
from reviewer_app.shared_db.family_records import record_suspensions, replayed, suspension_detail
from reviewer_app.shared_db.models import (
    Applicant,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Strike,
    Suspension,
)
from reviewer_app.supervision.catalogue import family_reasons
from reviewer_app.supervision.common import SupervisorError, checked_reason, record_event

#: The title shown for a strike whose post stayed at the facility the family's service came from.
TRANSFERRED_POST = "（移監前於原機關退件）"


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


def strikes(engine: Engine, actor: Actor, service_id: int | None = None) -> list[StrikeRow]:
    """The facility's strikes (one family's with `service_id`), the latest first."""
    require(actor, "dismiss_strike")
    with Session(engine) as s:
        q = (
            select(Strike, Post.title, Applicant.name, Inmate.call_number)
            # Outer: a strike that followed a transfer names a post the old facility keeps (issue 22).
            .outerjoin(Post, Post.id == Strike.post_id)
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
                title if title is not None else TRANSFERRED_POST,
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


def dismiss_strike(engine: Engine, actor: Actor, strike_id: int, reason: str, now: datetime) -> StrikeRow:
    """Dismiss a strike given by mistake: it no longer counts (P7). If a suspension still running had
    spent it, that suspension ends now, recorded as lifted with this reason, and its other strikes
    count again in the current cycle (R2)."""
    require(actor, "dismiss_strike")
    reason = checked_reason(reason)
    with Session(engine) as s, s.begin():
        strike = s.scalar(
            select(Strike).where(Strike.id == strike_id, Strike.facility_id == actor.facility_id)
        )
        if strike is None:
            raise SupervisorError("找不到這筆違規紀錄（或不屬於本機關）")
        service_id = strike.service_id
        dismiss_in(s, actor, strike, reason, now)
    found = strikes(engine, actor, service_id)
    return next(r for r in found if r.id == strike_id)


def dismiss_in(
    s: Session, actor: Actor, strike: Strike, reason: str, now: datetime, **detail: object
) -> None:
    """Dismiss ``strike`` in session ``s`` (audited), and end the suspension that spent it (R2): the one
    path of a supervisor's dismissal and of an overturned appeal (supervision/appeals.py)."""
    dismissed_by = strike.dismissed_by  # before the UPDATE: it sets the object's columns, done or not
    done = s.execute(
        update(Strike)
        .where(Strike.id == strike.id, Strike.dismissed_at.is_(None))
        .values(dismissed_at=now, dismissed_by=actor.username, dismiss_reason=reason)
        .returning(Strike.id)
    ).first()
    if done is None:
        raise SupervisorError(
            f"此違規紀錄已由 {dismissed_by} 撤銷" if dismissed_by else "此違規紀錄無法撤銷（不屬於本機關）"
        )
    # The audit names the post where it is: a strike that followed a transfer keeps its post at the
    # old facility, which this one may not reference (the wall); the detail still names it.
    post_here = s.scalar(select(Post.facility_id).where(Post.id == strike.post_id)) == strike.facility_id
    record_event(
        s,
        actor,
        "strike_dismiss",
        now,
        item_kind="post" if post_here else None,
        item_id=strike.post_id if post_here else None,
        service_id=strike.service_id,
        detail={
            "strike_id": strike.id,
            "post_id": strike.post_id,
            "reason": reason,
            "reason_code": strike.reason_code,
            **detail,
        },
    )
    _end_suspension_it_spent(s, actor, strike, reason, now)


def _end_suspension_it_spent(s: Session, actor: Actor, strike: Strike, reason: str, now: datetime) -> None:
    """R2: the running suspension that spent the strike ends now, recorded as lifted with the reason
    (and should the strikes left reach the threshold again, the new suspension is recorded)."""
    facility = s.get(Facility, strike.facility_id)
    assert facility is not None
    family = replayed(s, strike.service_id, facility, now)
    for cycle in family.cycles:
        if cycle.ended_by_dismissal_of != strike.decision_key:
            continue
        row = s.scalar(
            select(Suspension).where(
                Suspension.service_id == strike.service_id,
                Suspension.block == cycle.number,
                Suspension.lifted_at.is_(None),
            )
        )
        if row is None:
            continue
        row.lifted_at, row.lifted_by = now, actor.username
        row.lift_reason = f"撤銷違規紀錄：{reason}"[:300]
        record_event(
            s,
            actor,
            "suspension_lift",
            now,
            service_id=strike.service_id,
            detail={
                "suspension_id": row.id,
                "reason": row.lift_reason,
                "ends_at": row.ends_at.isoformat(),
                "dismissed_strike_id": strike.id,
            },
        )
    for action, cycle in record_suspensions(s, strike.service_id, strike.facility_id, family, actor.username):
        record_event(
            s,
            actor,
            action,
            now,
            service_id=strike.service_id,
            detail=suspension_detail(family, cycle),
        )


def strikes_and_reason_words(
    engine: Engine, actor: Actor, service_id: int
) -> tuple[list[StrikeRow], dict[str, str]]:
    """A family's strikes and the catalogue's words for their reasons, read afresh (the catalogue may
    have changed since): supervisors know reasons by their words, not by codes such as P4_TOO_LONG."""
    return strikes(engine, actor, service_id), {r.code: r.text for r in family_reasons(engine, actor)}
