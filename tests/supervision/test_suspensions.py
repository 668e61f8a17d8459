"""Lift or shorten a suspension, with a reason, audited; only the supervisor's own facility and role."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import NotAllowed
from reviewer_app.shared_db.models import Suspension
from reviewer_app.supervision import suspensions as supervisor
from reviewer_app.supervision.common import SupervisorError
from reviewer_app.sync import pull
from tests import factories
from tests.supervision.world import NOW, Desk, events


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
    (event,) = events(desk.admin, "suspension_lift")
    assert (event.staff_username, event.service_id) == (desk.actor.username, desk.service_id)
    assert event.detail["reason"] == "家屬已說明，誤判"
    with Session(desk.admin) as s:
        (family,) = pull.families(s, [desk.service_id], NOW)
        assert family.replayed(NOW).suspended_until is None  # P7 no longer holds the family's posts
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
    (event,) = events(desk.admin, "suspension_shorten")
    assert event.detail["ends_at_after"] == new_end.isoformat()


def test_other_facilities_and_other_roles_are_refused(desk: Desk) -> None:
    with pytest.raises(SupervisorError, match="不屬於本機關"):
        supervisor.lift_suspension(desk.engine, desk.actor, desk.other_suspension_id, "不是我的", NOW)
    for call in (
        lambda: supervisor.suspensions(desk.engine, desk.reviewer),
        lambda: supervisor.lift_suspension(desk.engine, desk.reviewer, desk.suspension_id, "理由", NOW),
    ):
        with pytest.raises(NotAllowed, match="社工師"):
            call()
    with Session(desk.admin) as s:
        assert s.get(Suspension, desk.other_suspension_id).lifted_at is None  # type: ignore[union-attr]
