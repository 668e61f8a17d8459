"""P7 across a transfer (issue 22): a family's strikes and a suspension in force follow the inmate and
the service to the new facility, read there by the new facility's reviewer (on PostgreSQL as their own
login role), while the old facility no longer reads the family's record nor the new facility's work."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.core.strike_cycles import StrikeFact, replay
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import Inmate, Strike, Suspension
from reviewer_app.shared_db.movements import record_transfer
from reviewer_app.supervision.strikes import dismiss_strike, strikes
from reviewer_app.sync import pull
from tests import factories
from tests.desk import workstation
from tests.staffdb import PgLogins, member_of


def _moved(shared_url: str, strikes: int) -> tuple[int, int, int, int]:
    """(old facility, new facility, the service, its pending post) after the inmate moved; with three
    strikes the family's suspension is recorded at the old facility before the move."""
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        app = factories.family(s, fa, strikes=strikes)
        post = factories.post(s, app)
        facts = [
            StrikeFact(st.decision_key, st.post_id, st.created_at)
            for st in s.scalars(select(Strike).where(Strike.service_id == app.id).order_by(Strike.created_at))
        ]
        for cycle in replay(facts, fa.strike_threshold, fa.suspension_months, factories.T0, ()).cycles:
            s.add(
                Suspension(
                    facility_id=fa.id,
                    service_id=app.id,
                    block=cycle.number,
                    starts_at=cycle.starts_at,
                    ends_at=cycle.ends_at,
                    origin_key=cycle.spent[-1],
                )
            )
        moved_to = Inmate(facility_id=fb.id, call_number="7788", name="王大明", housing_unit="仁舍 1 房")
        s.add(moved_to)
        s.flush()
        ids = fa.id, fb.id, app.id, post.id
        record_transfer(s, app.inmate_id, moved_to.id, factories.T0)
    engine.dispose()
    return ids


def _url_of(
    request: pytest.FixtureRequest, shared_url: str, role: str, code: str, facility: int
) -> tuple[str, str]:
    """The URL and user name a member of ``facility`` signs in with: their own login on PostgreSQL."""
    if not shared_url.startswith("postgresql"):
        return shared_url, f"{code.lower()}_{role}"
    logins: PgLogins = request.getfixturevalue("pg_logins")
    login = logins.add(role, code, facility)
    return login.url, login.username


@pytest.mark.parametrize("strikes", [2, 3])
def test_the_familys_strikes_and_suspension_follow_the_inmate(
    request: pytest.FixtureRequest, shared_url: str, tmp_path: Path, strikes: int
) -> None:
    a, b, service, post = _moved(shared_url, strikes)
    url_b, reviewer_b = _url_of(request, shared_url, "reviewer", "TYJ", b)
    ws = workstation(url_b, tmp_path, "ws-b", reviewer_b, b)
    try:
        ws.sync.pull()
        standing = ws.journal.standing(service, ws.clock())
        if strikes == 2:
            assert (standing.strikes, standing.suspended_until) == (2, None)
            record = ws.decide("post", post, "reject", "OTHER_FAMILY")  # the third: suspended at B
            assert record.strike is not None
            assert ws.sync.push().applied == 1
        else:  # suspended at A: still suspended at B, through the same day
            assert standing.suspended_until is not None and standing.suspended_until > factories.T0
            assert standing.suspended_until - factories.T0 < timedelta(days=31)
    finally:
        ws.close()

    url_a, _ = _url_of(request, shared_url, "supervisor", "TTD", a)
    for url, seen in ((url_b, 1), (url_a, 0)):
        engine = make_engine(url)
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    text("SELECT facility_id FROM suspensions WHERE service_id = :s"), {"s": service}
                ).all()
            if shared_url.startswith("postgresql"):  # the walls: only the new facility reads the record
                assert len(rows) == seen
            else:
                assert [r[0] for r in rows] == [b]
        finally:
            engine.dispose()


def test_the_new_facility_dismisses_a_strike_that_followed(
    request: pytest.FixtureRequest, shared_url: str
) -> None:
    """R2 at the new facility: its supervisor (own login on PostgreSQL) dismisses a strike recorded
    at the old one, the suspension that had spent it ends, and the family may post again."""
    _a, b, service, _post = _moved(shared_url, 3)
    admin = factories.shared_engine(shared_url)
    with Session(admin) as s:
        strike_id = s.scalars(
            select(Strike.id).where(Strike.service_id == service).order_by(Strike.id)
        ).first()
    assert strike_id is not None
    engine, actor = member_of(request, shared_url, admin, "supervisor", ("TYJ", b), "ws-sup-b")
    try:
        listed = {r.id: r for r in strikes(engine, actor, service)}
        assert strike_id in listed and listed[strike_id].post_title  # the new facility's list shows it
        row = dismiss_strike(engine, actor, strike_id, "移監前誤記，經查符合規定", factories.T0)
        assert row.dismissed_by == actor.username
    finally:
        if engine is not admin:
            engine.dispose()
    with Session(admin) as s:
        (family,) = pull.families(s, [service], factories.T0)
        lifted = s.scalars(select(Suspension).where(Suspension.service_id == service)).one()
    assert family.replayed(factories.T0).suspended_until is None
    assert lifted.lifted_at is not None and lifted.facility_id == b
    admin.dispose()
