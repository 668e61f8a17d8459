"""R5: the supervisor sees the facility's approved services whose E1 has lapsed on a given day (the
inmate's youngest child is over the facility's age limit), on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import NotAllowed
from reviewer_app.shared_db.models import Child, Facility
from reviewer_app.supervision.e1_lapsed import e1_lapsed
from tests import factories
from tests.supervision.world import Desk

DAY = date(2026, 11, 2)


def _family(s: Session, fac: Facility, *births: date, approved: bool = True) -> tuple[int, str, str]:
    app = factories.family(s, fac, approved=approved)
    app.inmate.children[:] = [Child(name=f"王小{n}", birth_date=b) for n, b in enumerate(births)]
    s.flush()
    return app.id, app.inmate.call_number, app.applicant.name


def test_the_lapsed_list_names_inmate_applicant_and_the_youngest_child_s_age(desk: Desk) -> None:
    with Session(desk.admin) as s, s.begin():
        here = s.get(Facility, desk.actor.facility_id)
        elsewhere = s.scalar(select(Facility).where(Facility.code == "TYJ"))
        assert here is not None and elsewhere is not None
        turned_19_today = _family(s, here, date(2007, 11, 2))
        older = _family(s, here, date(2001, 1, 5), date(2004, 6, 30))
        _family(s, here, date(2007, 11, 3))  # 19 tomorrow: still 18 today
        _family(s, here, date(2000, 1, 1), date(2016, 1, 1))  # one child still young enough
        _family(s, here, date(2000, 1, 1), approved=False)  # not a service (yet): E1 judged on review
        _family(s, elsewhere, date(2000, 1, 1))  # another facility's
        unknown = _family(s, here)  # no birth dates recorded: E1 cannot be confirmed either

    rows = e1_lapsed(desk.engine, desk.actor, DAY)

    assert [(r.service_id, r.inmate_call_number, r.applicant_name, r.youngest_age) for r in rows] == [
        (unknown[0], unknown[1], unknown[2], None),
        (older[0], older[1], older[2], 22),
        (turned_19_today[0], turned_19_today[1], turned_19_today[2], 19),
    ]
    assert [r.lapsed_on for r in rows] == [
        None,
        date(2023, 6, 30),
        DAY,
    ]  # each youngest child's 19th birthday
    assert e1_lapsed(desk.engine, desk.actor, date(2026, 11, 1))[-1].service_id == older[0]


def test_the_facility_s_own_age_limit_counts(desk: Desk) -> None:
    with Session(desk.admin) as s, s.begin():
        here = s.get(Facility, desk.actor.facility_id)
        assert here is not None
        here.child_max_age = 20
        _family(s, here, date(2007, 11, 2))  # 19: within this facility's limit
        twenty_one = _family(s, here, date(2005, 11, 1))
    assert [(r.service_id, r.youngest_age) for r in e1_lapsed(desk.engine, desk.actor, DAY)] == [
        (twenty_one[0], 21)
    ]


def test_only_a_supervisor_sees_the_lapsed_list(desk: Desk) -> None:
    with pytest.raises(NotAllowed):
        e1_lapsed(desk.engine, desk.reviewer, DAY)
