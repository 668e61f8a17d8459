"""E1 over time (R5): the facility's approved services whose inmate no longer has a child aged the
facility's limit (18) or under on a given day. Their posts cannot be approved (E1_ENDED); the
supervisor decides what becomes of the service.

Like every supervisor tool: the actor's capability is checked and only the actor's facility is read;
call it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, require
from reviewer_app.core.rules import child_age
from reviewer_app.shared_db.models import Applicant, Child, Facility, Inmate, ServiceApplication


@dataclass(frozen=True)
class LapsedService:
    service_id: int
    inmate_call_number: str
    inmate_name: str
    applicant_name: str
    #: None when no birth date (on or before the day) is recorded: E1 cannot be confirmed either.
    youngest_age: int | None
    #: The day the youngest child passed the limit (their birthday at limit + 1), None as above.
    lapsed_on: date | None


def _birthday(birth: date, age: int) -> date:
    """The day a child born on ``birth`` reaches ``age`` (29 February: 1 March in common years)."""
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:
        return date(birth.year + age, 3, 1)


def e1_lapsed(engine: Engine, actor: Actor, on: date) -> list[LapsedService]:
    """The facility's approved services whose E1 has lapsed on ``on``: unknown ones first, then by the
    day each lapsed, the longest ago first."""
    require(actor, "view_e1_lapsed")
    with Session(engine) as s:
        facility = s.get(Facility, actor.facility_id)
        if facility is None:
            return []
        limit = facility.child_max_age
        services = s.execute(
            select(ServiceApplication.id, Inmate.id, Inmate.call_number, Inmate.name, Applicant.name)
            .join(Inmate, Inmate.id == ServiceApplication.inmate_id)
            .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
            .where(
                ServiceApplication.facility_id == actor.facility_id, ServiceApplication.status == "approved"
            )
        ).all()
        youngest: dict[int, date] = {}
        inmate_ids = {inmate_id for _s, inmate_id, *_rest in services}
        if inmate_ids:
            for inmate_id, birth in s.execute(
                select(Child.inmate_id, Child.birth_date).where(
                    Child.inmate_id.in_(inmate_ids), Child.birth_date <= on
                )
            ):
                youngest[inmate_id] = max(birth, youngest.get(inmate_id, birth))
    rows = []
    for service_id, inmate_id, call_number, inmate_name, applicant_name in services:
        born = youngest.get(inmate_id)
        age = None if born is None else child_age(born, on)
        if age is not None and age <= limit:
            continue
        lapsed_on = None if born is None else _birthday(born, limit + 1)
        rows.append(LapsedService(service_id, call_number, inmate_name, applicant_name, age, lapsed_on))
    return sorted(rows, key=lambda r: (r.lapsed_on is not None, r.lapsed_on or on, r.service_id))
