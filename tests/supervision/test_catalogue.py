"""Edit the rejection-reason catalogue: add and change reasons, checked and audited; other roles are
refused."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm import Session

from reviewer_app.access.roles import NotAllowed
from reviewer_app.shared_db.models import RejectionReason
from reviewer_app.supervision import catalogue as supervisor
from reviewer_app.supervision.catalogue import ReasonRow
from reviewer_app.supervision.common import SupervisorError
from tests.supervision.world import NOW, Desk, events


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
    (created,) = events(desk.admin, "reason_create")
    (updated,) = events(desk.admin, "reason_update")
    assert created.detail["code"] == "P2_ADS"
    assert set(updated.detail["changed"]) == {"suggestion", "active"}


def test_other_roles_are_refused(desk: Desk) -> None:
    with pytest.raises(NotAllowed, match="社工師"):
        supervisor.save_reason(desk.engine, desk.reviewer, ReasonRow("X_Y", "t", "s", False, "post"), NOW)
    with Session(desk.admin) as s:
        assert s.get(RejectionReason, "X_Y") is None
