"""A small shared SQLite database for the sign-in, idle-lock and supervisor widget tests: one facility
with a password-protected reviewer and supervisor, a family at three strikes with a suspension, a
second facility the supervisor must not see, and some audit events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor
from reviewer_app.access.staff import add_staff
from reviewer_app.shared_db.models import Strike, Suspension
from tests import factories

PASSWORD = "a good password 7"
NOW = factories.T0 + timedelta(days=3)


@dataclass
class World:
    url: str
    engine: Engine
    facility_id: int
    supervisor: Actor
    reviewer: Actor
    suspension_id: int
    strike_ids: list[int]
    service_id: int
    applicant_name: str
    call_number: str


def build(url: str) -> World:
    engine = factories.shared_engine(url)
    with Session(engine) as s, s.begin():
        fac, other = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        app = factories.family(s, fac, strikes=3)
        theirs = factories.family(s, other, strikes=3)
        for service, facility_id in ((app, fac.id), (theirs, other.id)):
            s.add(
                Suspension(
                    facility_id=facility_id,
                    service_id=service.id,
                    block=1,
                    starts_at=factories.T0,
                    ends_at=factories.T0 + timedelta(days=30),
                    origin_key=f"k{service.id}",
                )
            )
        s.flush()
        audit_chain.append(
            s,
            [
                audit_chain.new_event(
                    action="decision" if n % 2 else "claim_release",
                    staff_username="ttd_rev1" if n < 2 else "ttd_rev2",
                    workstation="ws-1",
                    facility_id=fac.id,
                    occurred_at=factories.T0 + timedelta(hours=n),
                    item_kind="post",
                    item_id=100 + n,
                    service_id=app.id if n == 3 else None,
                    detail={"n": n},
                )
                for n in range(4)
            ],
        )
        ids = fac.id, app.id, app.applicant.name, app.inmate.call_number
        sus = s.scalar(select(Suspension.id).where(Suspension.service_id == app.id))
        strikes = list(s.scalars(select(Strike.id).where(Strike.service_id == app.id).order_by(Strike.id)))
    for username, role in (("lin_reviewer", "reviewer"), ("chen_supervisor", "supervisor")):
        add_staff(
            engine,
            username=username,
            display_name=username,
            role=role,
            password=PASSWORD,
            facility_code="TTD",
            workstation="it",
        )
    fid = ids[0]
    assert sus is not None
    return World(
        url,
        engine,
        fid,
        Actor("chen_supervisor", "supervisor", fid, "ws-sup"),
        Actor("lin_reviewer", "reviewer", fid, "ws-1"),
        sus,
        strikes,
        ids[1],
        ids[2],
        ids[3],
    )
