"""Edit the rejection-reason catalogue: add and change reasons, checked and audited; other roles are
refused; a supervisor reads and edits their own facility's copy only (R11)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, NotAllowed
from reviewer_app.core.reasons import DEFAULT_TEMPLATES
from reviewer_app.shared_db.models import Facility, RejectionReason
from reviewer_app.supervision import catalogue as supervisor
from reviewer_app.supervision.catalogue import ReasonRow
from reviewer_app.supervision.common import SupervisorError
from tests.supervision.world import NOW, Desk, events


def _reason(engine: Engine, facility_id: int, code: str) -> RejectionReason | None:
    with Session(engine) as s:
        return s.get(RejectionReason, (facility_id, code))


def _other_facility(desk: Desk) -> int:
    with Session(desk.admin) as s:
        fid = s.scalar(select(Facility.id).where(Facility.id != desk.actor.facility_id))
        assert fid is not None
        return fid


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
    p4 = _reason(desk.admin, desk.actor.facility_id, "P4_TOO_LONG")
    assert p4 is not None and not p4.active and p4.suggestion == "請刪減至 100 字以內。"
    assert _reason(desk.admin, desk.actor.facility_id, "P2_ADS") is not None
    (created,) = events(desk.admin, "reason_create")
    (updated,) = events(desk.admin, "reason_update")
    assert created.detail["code"] == "P2_ADS"
    assert set(updated.detail["changed"]) == {"suggestion", "active"}


def test_other_roles_are_refused(desk: Desk) -> None:
    with pytest.raises(NotAllowed, match="社工師"):
        supervisor.save_reason(desk.engine, desk.reviewer, ReasonRow("X_Y", "t", "s", False, "post"), NOW)
    assert _reason(desk.admin, desk.actor.facility_id, "X_Y") is None


def test_a_supervisor_reads_and_edits_only_their_own_facilitys_reasons(desk: Desk) -> None:
    """R11 (issue #18 case 7): the supervisor of one facility rewrote every facility's reasons,
    including whether they are strikes. Now each facility has its own copy, and the supervisor's
    tools only ever reach their own."""
    other = _other_facility(desk)
    mine = supervisor.reasons(desk.engine, desk.actor)
    assert [r.code for r in mine] == [r.code for r in DEFAULT_TEMPLATES]  # one copy: their own
    p2 = next(r for r in mine if r.code == "P2_CONTENT")
    supervisor.save_reason(
        desk.engine, desk.actor, replace(p2, text="本所改寫。", counts_as_strike=False), NOW
    )
    new = ReasonRow("P2_ADS", "內容含商業廣告。", "請刪除廣告內容後重新發佈。", True, "post", "P2", True, 25)
    supervisor.save_reason(desk.engine, desk.actor, new, NOW)

    changed = _reason(desk.admin, desk.actor.facility_id, "P2_CONTENT")
    assert changed is not None and (changed.text, changed.counts_as_strike) == ("本所改寫。", False)
    untouched = _reason(desk.admin, other, "P2_CONTENT")
    assert untouched is not None and untouched.counts_as_strike and untouched.text != "本所改寫。"
    assert _reason(desk.admin, other, "P2_ADS") is None
    other_supervisor = Actor("tyj_supervisor", "supervisor", other, "ws-b")
    if desk.engine is desk.admin:  # SQLite: the other facility's supervisor reads their own copy
        theirs = {r.code: r for r in supervisor.reasons(desk.admin, other_supervisor)}
        assert theirs["P2_CONTENT"].counts_as_strike and "P2_ADS" not in theirs
    (updated,) = events(desk.admin, "reason_update")
    assert updated.facility_id == desk.actor.facility_id
