"""Staff notes across the seams of issue #21 (item 6): the second pair of eyes and the appeal reviewer
read the item's notes; a second look that sends an approval back leaves its note as a staff note of
the application, so the next reviewer who pulls it reads why. On an SQLite file, and on PostgreSQL as
the staff's own logins (the walls of migration 0013 hold)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.shared_db import appeals as shared_appeals
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import ItemNote, ServiceApplication
from reviewer_app.supervision import appeals, second_looks
from reviewer_app.supervision.common import SupervisorError
from tests import factories
from tests.desk import workstation
from tests.staffdb import PgLogins

FIRST_NOTE = "家屬來電：戶口名簿正在換發，先附舊本"
SENT_BACK = "關係證明與申請人姓名不符"


@dataclass
class World:
    admin: Engine
    folder: Path
    facility_id: int
    application_id: int
    first: tuple[str, str]  # (url, username): the reviewer who decides first
    second: tuple[str, str]  # the second pair of eyes
    supervisor: tuple[str, str]  # the appeal reviewer

    def engine(self, who: tuple[str, str]) -> Engine:
        return make_engine(who[0])

    def actor(self, who: tuple[str, str], role: str = "reviewer") -> Actor:
        return Actor(who[1], role, self.facility_id, f"ws-{who[1]}")

    def shared_notes(self) -> list[tuple[str, str]]:
        with Session(self.admin) as s:
            return [(n.staff_username, n.body) for n in s.scalars(select(ItemNote).order_by(ItemNote.id))]


@pytest.fixture
def world(shared_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[World]:
    admin = factories.shared_engine(shared_url)
    with Session(admin) as s, s.begin():
        fac = factories.facility(s, "TTD", four_eyes=True)
        app = factories.family(s, fac, approved=False)
        fid, aid = fac.id, app.id
    if shared_url.startswith("postgresql"):
        logins: PgLogins = request.getfixturevalue("pg_logins")
        a, b = logins.add("reviewer", "TTD", fid), logins.add("reviewer", "TTD", fid)
        c = logins.add("supervisor", "TTD", fid)
        first, second, sup = (a.url, a.username), (b.url, b.username), (c.url, c.username)
    else:
        first, second, sup = (
            (shared_url, "ttd_rev1"),
            (shared_url, "ttd_rev2"),
            (shared_url, "ttd_supervisor"),
        )
    yield World(admin, tmp_path, fid, aid, first, second, sup)
    admin.dispose()


def test_sent_back_its_note_reaches_the_next_reviewer(world: World) -> None:
    url, me = world.first
    desk = workstation(url, world.folder, "ws-a", me, world.facility_id)
    second = world.engine(world.second)
    try:
        assert desk.sync.pull().claimed == 1
        desk.journal.add_note("application", world.application_id, FIRST_NOTE, me, "ws-a", desk.clock())
        desk.decide("application", world.application_id, "approve")
        assert desk.sync.push().awaiting_second == 1
        assert len(desk.journal.awaiting_second()) == 1  # the desk shows it as 待覆核

        # The second pair of eyes reads the first reviewer's note with the decision.
        (look,) = second_looks.waiting(second, world.actor(world.second))
        assert [(n.staff_username, n.body) for n in look.notes] == [(me, FIRST_NOTE)]

        desk.clock.advance(minutes=5)
        second_looks.send_back(second, world.actor(world.second), look.id, SENT_BACK, desk.clock())
        with pytest.raises(SupervisorError, match="已由"):  # settled once: no second note either
            second_looks.send_back(second, world.actor(world.second), look.id, SENT_BACK, desk.clock())
        sent_back = (world.second[1], f"覆核退回：{SENT_BACK}")
        assert world.shared_notes() == [(me, FIRST_NOTE), sent_back]

        # The next reviewer who pulls the application reads why it came back, under the sender's name.
        desk.clock.advance(minutes=1)
        assert desk.sync.pull().claimed == 1
        item = desk.journal.item("application", world.application_id)
        assert item is not None and item.local_status == "pending" and desk.journal.awaiting_second() == set()
        shown = [(n.staff_username, n.body) for n in desk.journal.notes("application", world.application_id)]
        assert shown == [(me, FIRST_NOTE), sent_back]
    finally:
        desk.close()
        second.dispose()


def test_the_appeal_reviewer_reads_the_rejected_items_notes(world: World) -> None:
    url, me = world.first
    desk = workstation(url, world.folder, "ws-a", me, world.facility_id)
    try:
        assert desk.sync.pull().claimed == 1
        desk.journal.add_note("application", world.application_id, FIRST_NOTE, me, "ws-a", desk.clock())
        desk.decide("application", world.application_id, "reject", "E2_RELATIONSHIP")
        desk.sync.push()
    finally:
        desk.close()
    with Session(world.admin) as s, s.begin():
        applicant = s.get_one(ServiceApplication, world.application_id).applicant_id
        shared_appeals.submit(
            s, applicant, "application", world.application_id, "我們是母子，附上出生證明", desk.clock()
        )
    supervisor = world.engine(world.supervisor)
    try:
        (row,) = appeals.appeals(supervisor, world.actor(world.supervisor, "supervisor"))
        assert [(n.staff_username, n.body) for n in row.notes] == [(me, FIRST_NOTE)]
    finally:
        supervisor.dispose()
