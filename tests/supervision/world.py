"""A facility with a suspended family (three strikes) and a few audited decisions, and a second facility
with the same, for the supervisor tools' tests; on SQLite, or on PostgreSQL with the supervisor
connected as their own login role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor
from reviewer_app.shared_db.models import AuditEvent, Strike, Suspension
from tests import factories

NOW = factories.T0 + timedelta(days=3)


@dataclass
class Desk:
    admin: Engine  # sets up the world; superuser on PostgreSQL
    engine: Engine  # what the supervisor works with: their own login on PostgreSQL
    actor: Actor
    reviewer: Actor
    suspension_id: int
    strike_ids: list[int]
    service_id: int
    other_suspension_id: int
    inmate_call_number: str
    applicant_name: str


def build(engine: Engine) -> tuple[int, int, int, list[int], int, int, str, str]:
    with Session(engine) as s, s.begin():
        a, b = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        app = factories.family(s, a, strikes=3)
        other = factories.family(s, b, strikes=3)
        sus = Suspension(
            facility_id=a.id,
            service_id=app.id,
            block=1,
            starts_at=factories.T0,
            ends_at=factories.T0 + timedelta(days=30),
            origin_key="k-a",
        )
        other_sus = Suspension(
            facility_id=b.id,
            service_id=other.id,
            block=1,
            starts_at=factories.T0,
            ends_at=factories.T0 + timedelta(days=30),
            origin_key="k-b",
        )
        s.add_all([sus, other_sus])
        s.flush()
        strike_ids = list(s.scalars(select(Strike.id).where(Strike.service_id == app.id).order_by(Strike.id)))
        audit_chain.append(
            s,
            [
                audit_chain.new_event(
                    action="decision",
                    staff_username="ttd_reviewer",
                    workstation="ws-1",
                    facility_id=a.id,
                    occurred_at=factories.T0 + timedelta(hours=h),
                    item_kind="post",
                    item_id=h,
                    service_id=app.id if h % 2 else None,
                    detail={"outcome": "reject"},
                )
                for h in range(4)
            ],
        )
        return (
            a.id,
            b.id,
            sus.id,
            strike_ids,
            app.id,
            other_sus.id,
            app.inmate.call_number,
            app.applicant.name,
        )


def events(engine: Engine, action: str) -> list[AuditEvent]:
    with Session(engine) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))
