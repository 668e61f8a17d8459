"""Dismiss a strike given by mistake: audited, the family's live count drops; other roles are refused."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from reviewer_app.access.roles import NotAllowed
from reviewer_app.supervision import strikes as supervisor
from reviewer_app.supervision.common import SupervisorError
from reviewer_app.sync import pull
from tests.supervision.world import NOW, Desk, events


def test_dismiss_a_strike_given_by_mistake(desk: Desk) -> None:
    strikes = supervisor.strikes(desk.engine, desk.actor, desk.service_id)
    assert sorted(r.id for r in strikes) == desk.strike_ids
    row = supervisor.dismiss_strike(desk.engine, desk.actor, desk.strike_ids[0], "內容其實符合規定", NOW)
    assert row.dismissed_by == desk.actor.username and row.dismiss_reason == "內容其實符合規定"
    with pytest.raises(SupervisorError, match="撤銷"):
        supervisor.dismiss_strike(desk.engine, desk.actor, desk.strike_ids[0], "又一次", NOW)
    with Session(desk.admin) as s:
        (family,) = pull.families(s, [desk.service_id], NOW)
    # R2: the running suspension that had spent it ends, and the other two strikes count again.
    standing = family.replayed(NOW)
    assert (standing.live_count, standing.suspended_until) == (2, None)
    (lifted,) = events(desk.admin, "suspension_lift")
    assert "內容其實符合規定" in lifted.detail["reason"]
    (event,) = events(desk.admin, "strike_dismiss")
    assert (event.item_kind, event.service_id) == ("post", desk.service_id)


def test_other_roles_are_refused(desk: Desk) -> None:
    with pytest.raises(NotAllowed, match="社工師"):
        supervisor.dismiss_strike(desk.engine, desk.reviewer, desk.strike_ids[0], "理由", NOW)
    assert all(r.dismissed_at is None for r in supervisor.strikes(desk.engine, desk.actor, desk.service_id))
