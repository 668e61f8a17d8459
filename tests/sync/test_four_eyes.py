"""Four eyes (issue 21): an application's approval, and a suspension lifted or shortened, wait in the
待覆核 queue for a second staff member of the facility, on an SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor
from reviewer_app.core.vocabulary import APPLICATION_STATUSES
from reviewer_app.shared_db.models import (
    AuditEvent,
    Decision,
    Facility,
    SecondLook,
    ServiceApplication,
    Staff,
    Suspension,
)
from reviewer_app.supervision import second_looks, suspensions
from reviewer_app.supervision.common import SupervisorError
from tests import factories
from tests.desk import Clock, Workstation, workstation


@dataclass
class World:
    engine: Engine
    url: str
    folder: Path
    facility_id: int
    application_id: int
    desk: Workstation

    def actor(self, username: str, role: str = "reviewer") -> Actor:
        return Actor(username, role, self.facility_id, f"ws-{username}")

    def application(self) -> tuple[str, int]:
        with Session(self.engine) as s:
            app = s.get(ServiceApplication, self.application_id)
            assert app is not None
            return app.status, app.version

    def looks(self) -> list[tuple[str, str, str | None]]:
        with Session(self.engine) as s:
            rows = s.execute(select(SecondLook.state, SecondLook.first_staff, SecondLook.second_staff))
            return [tuple(r) for r in rows]  # type: ignore[misc]


@pytest.fixture
def world(shared_url: str, tmp_path: Path) -> Iterator[World]:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, four_eyes=True)
        s.add(Staff(facility_id=fac.id, username="ttd_sup2", display_name="主管二", role="supervisor"))
        app = factories.family(s, fac, approved=False)
        fid, aid = fac.id, app.id
    desk = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    w = World(engine, shared_url, tmp_path, fid, aid, desk)
    yield w
    w.desk.close()
    engine.dispose()


def _first_approval(w: World) -> None:
    assert w.desk.sync.pull().claimed == 1
    w.desk.decide("application", w.application_id, "approve")
    w.desk.sync.push()


def test_an_approval_waits_for_a_second_member_and_the_family_sees_pending(world: World) -> None:
    assert world.desk.sync.pull().claimed == 1
    world.desk.decide("application", world.application_id, "approve")
    pushed = world.desk.sync.push()
    assert (pushed.applied, pushed.awaiting_second) == (1, 1)  # the desk tells the reviewer it waits

    status, version = world.application()
    assert APPLICATION_STATUSES[status] == "審核中"  # what the family reads until the second look
    assert version == 2  # the portal may no longer change its documents
    assert world.looks() == [("waiting", "ttd_reviewer", None)]
    with Session(world.engine) as s:
        assert s.scalar(select(Decision.id)) is None  # nothing approved yet
    (look,) = second_looks.waiting(world.engine, world.actor("ttd_rev1"))
    assert (look.first_staff, look.subject, look.applicant_name) == (
        "ttd_reviewer",
        "application",
        look.applicant_name,
    )
    assert [d.kind for d in look.documents] == ["id_document", "relationship_proof", "applicant_photo"]


def test_the_first_member_cannot_confirm_their_own_decision(world: World) -> None:
    _first_approval(world)
    (look,) = second_looks.waiting(world.engine, world.actor("ttd_reviewer"))
    now = world.desk.clock() + timedelta(minutes=5)

    with pytest.raises(SupervisorError, match="不能覆核自己作成的決定"):
        second_looks.confirm(world.engine, world.actor("ttd_reviewer"), look.id, now)
    assert world.application()[0] == "pending"

    assert second_looks.confirm(world.engine, world.actor("ttd_rev1"), look.id, now) == "confirmed"
    assert world.application() == ("approved", 3)
    with Session(world.engine) as s:
        decision = s.scalars(select(Decision)).one()
        assert (decision.staff_username, decision.outcome) == ("ttd_reviewer", "approve")
        trail = {e.action: e.staff_username for e in s.scalars(select(AuditEvent))}
        assert audit_chain.verify(s).ok
    # Both are in the audit trail: the first decision (pushed from the journal) and the confirmation.
    assert trail["decision"] == "ttd_reviewer" and trail["four_eyes_confirm"] == "ttd_rev1"
    assert second_looks.waiting(world.engine, world.actor("ttd_rev1")) == []


def test_the_engine_refuses_an_approval_in_one_step(world: World) -> None:
    """The push's own path refuses it too (on PostgreSQL the database's trigger, on SQLite the engine)."""
    from reviewer_app.shared_db import deciding
    from reviewer_app.sync.push import decision_row

    assert world.desk.sync.pull().claimed == 1
    record = world.desk.decide("application", world.application_id, "approve")
    with Session(world.engine) as s, s.begin(), pytest.raises(deciding.Refused, match="另一位同仁覆核"):
        deciding.decide(s, decision_row(record), None)
    assert world.application() == ("pending", 1)


def test_an_unconfirmed_first_decision_survives_a_sync_and_a_restart(world: World) -> None:
    _first_approval(world)
    journal_file = world.folder / "ws-a-journal.sqlite3"
    world.desk.close()

    clock = Clock(world.desk.clock() + timedelta(hours=1))
    world.desk = workstation(world.url, world.folder, "ws-a", "ttd_reviewer", world.facility_id, clock)
    assert journal_file.exists()
    world.desk.sync.push()
    assert world.desk.sync.pull().claimed == 0  # no one claims an approval waiting for a second look
    other = workstation(world.url, world.folder, "ws-b", "ttd_rev1", world.facility_id, clock)
    try:
        assert other.sync.pull().claimed == 0
    finally:
        other.close()

    assert world.application() == ("pending", 2)  # neither lost nor applied
    assert world.looks() == [("waiting", "ttd_reviewer", None)]
    assert world.desk.journal.counts().waiting_to_sync == 0  # the journal handed it over once


def test_two_confirmers_one_wins_and_the_other_is_told(world: World) -> None:
    _first_approval(world)
    (seen_by_1,) = second_looks.waiting(world.engine, world.actor("ttd_rev1"))
    (seen_by_2,) = second_looks.waiting(world.engine, world.actor("ttd_rev2"))
    now = world.desk.clock() + timedelta(minutes=5)

    second_looks.confirm(world.engine, world.actor("ttd_rev1"), seen_by_1.id, now)
    with pytest.raises(SupervisorError, match=r"已由 ttd_rev1 於 .* 確認，您的覆核未套用"):
        second_looks.send_back(world.engine, world.actor("ttd_rev2"), seen_by_2.id, "身分證影本不清楚", now)
    assert world.application() == ("approved", 3)
    assert world.looks() == [("confirmed", "ttd_reviewer", "ttd_rev1")]


def test_sent_back_with_a_note_it_returns_to_the_queue(world: World) -> None:
    _first_approval(world)
    (look,) = second_looks.waiting(world.engine, world.actor("ttd_rev1"))
    now = world.desk.clock() + timedelta(minutes=5)
    with pytest.raises(SupervisorError, match="退回請寫明原因"):
        second_looks.send_back(world.engine, world.actor("ttd_rev1"), look.id, " ", now)

    second_looks.send_back(world.engine, world.actor("ttd_rev1"), look.id, "關係證明與申請人姓名不符", now)

    assert world.application() == ("pending", 3)
    with Session(world.engine) as s:
        sent = s.scalars(select(SecondLook)).one()
        assert (sent.state, sent.second_note) == ("sent_back", "關係證明與申請人姓名不符")
        assert s.scalar(select(Decision.id)) is None
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "four_eyes_send_back")).one()
        assert event.detail["note"] == "關係證明與申請人姓名不符"
    other = workstation(world.url, world.folder, "ws-b", "ttd_rev1", world.facility_id, world.desk.clock)
    try:
        assert other.sync.pull().claimed == 1  # back in the queue, at its new version
    finally:
        other.close()


def test_a_facility_may_turn_four_eyes_off_and_it_is_on_by_default(world: World) -> None:
    with Session(world.engine) as s, s.begin():
        fac = s.get(Facility, world.facility_id)
        assert fac is not None
        fac.four_eyes = False
        new = Facility(code="NEW", name="新機關")
        s.add(new)
        s.flush()
        assert new.four_eyes is True
    _first_approval(world)
    assert world.application() == ("approved", 2)
    assert world.looks() == []


def test_a_lifted_suspension_waits_for_a_second_supervisor(world: World) -> None:
    with Session(world.engine) as s, s.begin():
        fac = s.get(Facility, world.facility_id)
        assert fac is not None
        family = factories.family(s, fac)
        sus = Suspension(
            facility_id=fac.id,
            service_id=family.id,
            block=1,
            starts_at=factories.T0,
            ends_at=factories.T0 + timedelta(days=30),
            origin_key="seed",
        )
        s.add(sus)
        s.flush()
        sus_id = sus.id
    first, second = world.actor("ttd_supervisor", "supervisor"), world.actor("ttd_sup2", "supervisor")
    now = factories.T0 + timedelta(days=2)

    asked = suspensions.lift_suspension(world.engine, first, sus_id, "家屬已說明，誤判", now)
    assert asked.waiting_look == "suspension_lift" and asked.state(now) == "active"
    (row,) = suspensions.suspensions(world.engine, first)
    assert row.waiting_look == "suspension_lift" and row.lifted_at is None
    (look,) = second_looks.waiting(world.engine, second)
    assert (
        second_looks.waiting(world.engine, world.actor("ttd_rev1")) == []
    )  # a reviewer's queue: applications
    with pytest.raises(SupervisorError, match="不能覆核自己作成的決定"):
        second_looks.confirm(world.engine, first, look.id, now)

    second_looks.confirm(world.engine, second, look.id, now + timedelta(minutes=1))

    (row,) = suspensions.suspensions(world.engine, first)
    assert row.state(now) == "lifted" and row.lifted_by == "ttd_supervisor" and row.waiting_look is None


def test_sent_back_the_first_desk_reviews_it_again(world: World) -> None:
    """The workstation that made the first decision claims the item again at its new version and
    decides anew; nothing of the first decision is applied."""
    _first_approval(world)
    (look,) = second_looks.waiting(world.engine, world.actor("ttd_rev1"))
    world.desk.clock.advance(minutes=5)
    second_looks.send_back(
        world.engine, world.actor("ttd_rev1"), look.id, "請再確認關係證明", world.desk.clock()
    )

    world.desk.clock.advance(minutes=1)
    assert world.desk.sync.pull().claimed == 1
    item = world.desk.journal.item("application", world.application_id)
    assert item is not None and item.local_status == "pending" and item.version == 3
    world.desk.decide("application", world.application_id, "reject", "E2_RELATIONSHIP")
    world.desk.sync.push()
    assert world.application() == ("rejected", 4)


def test_confirming_an_approval_that_e4_now_forbids_says_so(world: World) -> None:
    _first_approval(world)
    with Session(world.engine) as s, s.begin():
        waiting = s.get(ServiceApplication, world.application_id)
        assert waiting is not None
        fac = s.get(Facility, world.facility_id)
        assert fac is not None
        other = factories.family(s, fac)
        other.inmate_id = waiting.inmate_id  # meanwhile another service for the same inmate was approved
    (look,) = second_looks.waiting(world.engine, world.actor("ttd_rev1"))
    with pytest.raises(SupervisorError, match="E4"):
        second_looks.confirm(world.engine, world.actor("ttd_rev1"), look.id, world.desk.clock())
    assert world.application() == ("pending", 2)
    assert world.looks() == [("waiting", "ttd_reviewer", None)]


def test_the_desk_keeps_a_waiting_approval_until_it_is_confirmed(world: World) -> None:
    """The push's answer is kept: after a pull the first desk still holds the decided item (待覆核),
    and lets it go at the pull after a colleague confirmed it."""
    _first_approval(world)
    world.desk.clock.advance(minutes=1)
    world.desk.sync.pull()
    item = world.desk.journal.item("application", world.application_id)
    assert item is not None and item.local_status == "decided"
    assert len(world.desk.journal.awaiting_second()) == 1

    (look,) = second_looks.waiting(world.engine, world.actor("ttd_rev1"))
    second_looks.confirm(world.engine, world.actor("ttd_rev1"), look.id, world.desk.clock())
    world.desk.clock.advance(minutes=1)
    world.desk.sync.pull()
    assert world.desk.journal.item("application", world.application_id) is None
    assert world.desk.journal.awaiting_second() == set()
