"""Families on record (P7, R2, R4): each family's strikes of the current cycle and every suspension
with the strikes it spent and the posts approved while it ran, replayed as everywhere else
(core/strike_cycles.py). Families at one or two strikes are listed too, not only suspended ones.

Like every supervisor action: the capability is checked, only the actor's facility is read; call
these off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, require
from reviewer_app.core.strike_cycles import Cycle, Standing
from reviewer_app.shared_db.family_records import replayed
from reviewer_app.shared_db.models import (
    Applicant,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Strike,
    Suspension,
)

#: A post that was approved stays in one of these (printing and hand-over move it on).
_APPROVED = ("approved", "printed", "delivered", "undeliverable")


@dataclass(frozen=True)
class SuspensionOnRecord:
    number: int
    starts_at: datetime
    ends_at: datetime
    lifted_at: datetime | None
    lift_reason: str | None
    spent_posts: tuple[int, ...]  # the posts whose strikes it spent
    #: posts of the family approved while it ran (R4: decided online before it reached the shared
    #: database; they stay approved, listed here for the supervisor)
    approved_inside: tuple[int, ...]
    running: bool


@dataclass(frozen=True)
class FamilyOnRecord:
    service_id: int
    applicant_name: str
    inmate_call_number: str
    live_posts: tuple[int, ...]  # the posts whose strikes count in the current cycle
    threshold: int
    suspended_until: datetime | None
    suspensions: tuple[SuspensionOnRecord, ...]

    @property
    def live_strikes(self) -> int:
        return len(self.live_posts)


def families_on_record(engine: Engine, actor: Actor, now: datetime) -> list[FamilyOnRecord]:
    """The facility's families with a live strike or any suspension, suspended ones first."""
    require(actor, "dismiss_strike")
    with Session(engine) as s:
        ids = set(s.scalars(select(Strike.service_id).where(Strike.facility_id == actor.facility_id)))
        ids |= set(
            s.scalars(select(Suspension.service_id).where(Suspension.facility_id == actor.facility_id))
        )
        found = [_family(s, actor, i, now) for i in sorted(ids)]
    on_record = [f for f in found if f is not None and (f.live_strikes or f.suspensions)]
    return sorted(on_record, key=lambda f: (f.suspended_until is None, -f.live_strikes, f.service_id))


def family_on_record(engine: Engine, actor: Actor, service_id: int, now: datetime) -> FamilyOnRecord | None:
    require(actor, "dismiss_strike")
    with Session(engine) as s:
        return _family(s, actor, service_id, now)


def _family(s: Session, actor: Actor, service_id: int, now: datetime) -> FamilyOnRecord | None:
    row = s.execute(
        select(ServiceApplication, Applicant.name, Inmate.call_number)
        .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
        .join(Inmate, Inmate.id == ServiceApplication.inmate_id)
        .where(ServiceApplication.id == service_id, ServiceApplication.facility_id == actor.facility_id)
    ).first()
    if row is None:
        return None
    app, applicant, call_number = row
    facility = s.get(Facility, app.facility_id)
    assert facility is not None
    family = replayed(s, service_id, facility, now)
    approved = [
        (post_id, at)
        for post_id, at in s.execute(
            select(Post.id, Post.decided_at).where(Post.service_id == service_id, Post.status.in_(_APPROVED))
        )
        if at is not None
    ]
    return FamilyOnRecord(
        service_id=service_id,
        applicant_name=applicant,
        inmate_call_number=call_number,
        live_posts=tuple(family.strikes[k].post_id for k in family.live),
        threshold=family.threshold,
        suspended_until=family.suspended_until,
        suspensions=tuple(_on_record(c, family, approved, now) for c in family.cycles),
    )


def _on_record(
    cycle: Cycle, family: Standing, approved: list[tuple[int, datetime]], now: datetime
) -> SuspensionOnRecord:
    return SuspensionOnRecord(
        number=cycle.number,
        starts_at=cycle.starts_at,
        ends_at=cycle.ends_at,
        lifted_at=cycle.lifted_at,
        lift_reason=cycle.lift_reason,
        spent_posts=tuple(family.strikes[k].post_id for k in cycle.spent),
        approved_inside=tuple(
            sorted(post_id for post_id, at in approved if cycle.starts_at <= at < cycle.over_at)
        ),
        running=cycle.running(now),
    )
