"""Supervisor tools: lift or shorten a suspension, dismiss a strike, edit the reason catalogue, browse
the audit trail; each audited, each limited to the supervisor's role and facility. On SQLite and on
PostgreSQL, where the supervisor is connected as their own login role."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor, NotAllowed
from reviewer_app.access.signin import sign_in
from reviewer_app.shared_db.models import AuditEvent, RejectionReason, Strike, Suspension
from reviewer_app.supervision import tools as supervisor
from reviewer_app.supervision.tools import AuditFilter, ReasonRow, SupervisorError
from reviewer_app.sync import pull
from tests import factories
from tests.staffdb import PgLogins

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


def _world(engine: Engine) -> tuple[int, int, int, list[int], int, int, str, str]:
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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def desk(request: pytest.FixtureRequest) -> Iterator[Desk]:
    url = str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    admin = factories.shared_engine(url)
    a, _b, sus, strikes, service, other, call_number, applicant = _world(admin)
    if request.param == "postgres":
        logins: PgLogins = request.getfixturevalue("pg_logins")
        login = logins.add("supervisor", "TTD", a)
        session = sign_in(url, login.username, login.password)
        engine, actor = session.engine, session.actor("ws-sup")
    else:
        engine, actor = admin, Actor("ttd_supervisor", "supervisor", a, "ws-sup")
    yield Desk(
        admin,
        engine,
        actor,
        Actor("ttd_reviewer", "reviewer", a, "ws-1"),
        sus,
        strikes,
        service,
        other,
        call_number,
        applicant,
    )
    if engine is not admin:
        engine.dispose()
    admin.dispose()


def _events(engine: Engine, action: str) -> list[AuditEvent]:
    with Session(engine) as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_lift_a_suspension_with_a_reason(desk: Desk) -> None:
    rows = supervisor.suspensions(desk.engine, desk.actor)
    assert [(r.id, r.state(NOW)) for r in rows] == [(desk.suspension_id, "active")]  # only their facility
    assert rows[0].inmate_call_number == desk.inmate_call_number
    with pytest.raises(SupervisorError, match="原因"):
        supervisor.lift_suspension(desk.engine, desk.actor, desk.suspension_id, " ", NOW)

    lifted = supervisor.lift_suspension(desk.engine, desk.actor, desk.suspension_id, "家屬已說明，誤判", NOW)

    assert lifted.state(NOW) == "lifted" and lifted.lifted_by == desk.actor.username
    with pytest.raises(SupervisorError, match="解除"):
        supervisor.lift_suspension(desk.engine, desk.actor, desk.suspension_id, "再一次", NOW)
    (event,) = _events(desk.admin, "suspension_lift")
    assert (event.staff_username, event.service_id) == (desk.actor.username, desk.service_id)
    assert event.detail["reason"] == "家屬已說明，誤判"
    with Session(desk.admin) as s:
        (family,) = pull.families(s, [desk.service_id], NOW)
        assert family.suspended_until is None  # P7 no longer holds the family's posts
        assert audit_chain.verify(s).ok


def test_shorten_a_suspension(desk: Desk) -> None:
    later = factories.T0 + timedelta(days=40)
    with pytest.raises(SupervisorError, match="早於原結束日"):
        supervisor.shorten_suspension(desk.engine, desk.actor, desk.suspension_id, later, "延長", NOW)
    with pytest.raises(SupervisorError, match="開始日"):
        supervisor.shorten_suspension(
            desk.engine, desk.actor, desk.suspension_id, factories.T0 - timedelta(days=1), "太早", NOW
        )
    new_end = factories.T0 + timedelta(days=10)
    row = supervisor.shorten_suspension(desk.engine, desk.actor, desk.suspension_id, new_end, "表現良好", NOW)
    assert row.ends_at == new_end
    with Session(desk.admin) as s:
        assert s.get(Suspension, desk.suspension_id).ends_at == new_end  # type: ignore[union-attr]
    (event,) = _events(desk.admin, "suspension_shorten")
    assert event.detail["ends_at_after"] == new_end.isoformat()


def test_dismiss_a_strike_given_by_mistake(desk: Desk) -> None:
    strikes = supervisor.strikes(desk.engine, desk.actor, desk.service_id)
    assert sorted(r.id for r in strikes) == desk.strike_ids
    row = supervisor.dismiss_strike(desk.engine, desk.actor, desk.strike_ids[0], "內容其實符合規定", NOW)
    assert row.dismissed_by == desk.actor.username and row.dismiss_reason == "內容其實符合規定"
    with pytest.raises(SupervisorError, match="撤銷"):
        supervisor.dismiss_strike(desk.engine, desk.actor, desk.strike_ids[0], "又一次", NOW)
    with Session(desk.admin) as s:
        (family,) = pull.families(s, [desk.service_id], NOW)
    assert family.strikes == 2
    (event,) = _events(desk.admin, "strike_dismiss")
    assert (event.item_kind, event.service_id) == ("post", desk.service_id)


def test_other_facilities_and_other_roles_are_refused(desk: Desk) -> None:
    with pytest.raises(SupervisorError, match="不屬於本機關"):
        supervisor.lift_suspension(desk.engine, desk.actor, desk.other_suspension_id, "不是我的", NOW)
    for call in (
        lambda: supervisor.suspensions(desk.engine, desk.reviewer),
        lambda: supervisor.lift_suspension(desk.engine, desk.reviewer, desk.suspension_id, "理由", NOW),
        lambda: supervisor.dismiss_strike(desk.engine, desk.reviewer, desk.strike_ids[0], "理由", NOW),
        lambda: supervisor.save_reason(
            desk.engine, desk.reviewer, ReasonRow("X_Y", "t", "s", False, "post"), NOW
        ),
        lambda: supervisor.audit_query(desk.engine, desk.reviewer, AuditFilter(), NOW),
    ):
        with pytest.raises(NotAllowed, match="社工師"):
            call()
    with Session(desk.admin) as s:
        assert s.get(Suspension, desk.other_suspension_id).lifted_at is None  # type: ignore[union-attr]


def test_edit_the_reason_catalogue(desk: Desk) -> None:
    reasons = {r.code: r for r in supervisor.reasons(desk.engine, desk.actor)}
    assert "P4_TOO_LONG" in reasons
    new = ReasonRow("P2_ADS", "內容含商業廣告。", "請刪除廣告內容後重新發佈。", True, "post", "P2", True, 25)
    supervisor.save_reason(desk.engine, desk.actor, new, NOW)
    changed = replace(reasons["P4_TOO_LONG"], suggestion="請刪減至 100 字以內。", active=False)
    supervisor.save_reason(desk.engine, desk.actor, changed, NOW)
    supervisor.save_reason(desk.engine, desk.actor, changed, NOW)  # no change: no event
    with pytest.raises(SupervisorError, match="只有家庭聯絡簿"):
        supervisor.save_reason(
            desk.engine, desk.actor, replace(new, code="E9_X", applies_to="application"), NOW
        )
    with pytest.raises(SupervisorError, match="代碼"):
        supervisor.save_reason(desk.engine, desk.actor, replace(new, code="bad code"), NOW)
    with Session(desk.admin) as s:
        p4 = s.get(RejectionReason, "P4_TOO_LONG")
        assert p4 is not None and not p4.active and p4.suggestion == "請刪減至 100 字以內。"
        assert s.get(RejectionReason, "P2_ADS") is not None
    (created,) = _events(desk.admin, "reason_create")
    (updated,) = _events(desk.admin, "reason_update")
    assert created.detail["code"] == "P2_ADS"
    assert set(updated.detail["changed"]) == {"suggestion", "active"}


def test_browse_the_audit_trail_with_filters(desk: Desk) -> None:
    everything = supervisor.audit_query(desk.engine, desk.actor, AuditFilter(), NOW)
    # Newest first; nothing of facility B (on PostgreSQL also the staff_add of the supervisor's login).
    assert [r.item_id for r in everything if r.action == "decision"] == [3, 2, 1, 0]
    assert {r.action for r in everything} <= {"decision", "staff_add"}
    by = {
        "who": AuditFilter(staff="TTD_REV"),
        "what": AuditFilter(action="decision"),
        "when": AuditFilter(since=factories.T0 + timedelta(hours=1), until=factories.T0 + timedelta(hours=3)),
        "family": AuditFilter(family=desk.applicant_name),
        "family number": AuditFilter(family=str(desk.service_id)),
        "inmate": AuditFilter(inmate=desk.inmate_call_number),
        "nobody": AuditFilter(staff="someone_else"),
    }
    found = {
        k: [r.item_id for r in supervisor.audit_query(desk.engine, desk.actor, f, NOW)] for k, f in by.items()
    }
    assert found == {
        "who": [3, 2, 1, 0],
        "what": [3, 2, 1, 0],
        "when": [2, 1],
        "family": [3, 1],
        "family number": [3, 1],
        "inmate": [3, 1],
        "nobody": [],
    }
    assert {r.applicant_name for r in supervisor.audit_query(desk.engine, desk.actor, by["family"], NOW)} == {
        desk.applicant_name
    }
    views = _events(desk.admin, "audit_view")
    assert len(views) == 1 + len(by) + 1 and views[-1].staff_username == desk.actor.username
    assert "audit_view" in supervisor.audit_actions(desk.engine, desk.actor)
