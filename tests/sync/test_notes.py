"""Staff notes on an item (issue #21 item 6) through the journal and the shared database: written at
the desk (offline: only the journal), kept across a restart, pushed exactly once however often the
push is repeated, and read by the next reviewer who claims the item. On SQLite, and on PostgreSQL as
the reviewers' own logins."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from reviewer_app.core.notes import NoteRefused
from reviewer_app.journal import Journal
from reviewer_app.journal.models import JournalNote
from reviewer_app.shared_db.models import ItemNote
from tests import factories
from tests.desk import workstation
from tests.staffdb import PgLogins


@dataclass
class Team:
    admin: Engine
    facility_id: int
    post_id: int
    first: tuple[str, str]  # (url, username) of the reviewer who writes the note
    second: tuple[str, str]  # the next reviewer


@pytest.fixture
def team(shared_url: str, request: pytest.FixtureRequest) -> Iterator[Team]:
    admin = factories.shared_engine(shared_url)
    with Session(admin) as s, s.begin():
        fac = factories.facility(s)
        post_id = factories.post(s, factories.family(s, fac)).id
        fid = fac.id
    if shared_url.startswith("postgresql"):
        logins: PgLogins = request.getfixturevalue("pg_logins")
        a, b = logins.add("reviewer", "TTD", fid), logins.add("reviewer", "TTD", fid)
        first, second = (a.url, a.username), (b.url, b.username)
    else:
        first, second = (shared_url, "ttd_rev1"), (shared_url, "ttd_rev2")
    yield Team(admin, fid, post_id, first, second)
    admin.dispose()


def _shared_notes(team: Team) -> list[tuple[str, str]]:
    with Session(team.admin) as s:
        return [(n.staff_username, n.body) for n in s.scalars(select(ItemNote).order_by(ItemNote.id))]


NOTE = "家屬來電：照片是孩子的畢業典禮，請留意背景的校名"


def test_a_note_written_offline_is_pushed_once_and_read_by_the_next_reviewer(
    team: Team, tmp_path: Path
) -> None:
    url, me = team.first
    a = workstation(url, tmp_path, "ws-a", me, team.facility_id)
    try:
        a.sync.pull()
        # Offline from here: the note is only the journal's.
        note = a.journal.add_note("post", team.post_id, f"  {NOTE}  ", me, "ws-a", a.clock())
        assert (note.body, note.synced) == (NOTE, False)
        with pytest.raises(NoteRefused, match="空白"):
            a.journal.add_note("post", team.post_id, "   ", me, "ws-a", a.clock())
        with pytest.raises(NoteRefused, match="1000"):
            a.journal.add_note("post", team.post_id, "字" * 1001, me, "ws-a", a.clock())
        assert _shared_notes(team) == []
        # A restart: the journal opened again still has it, waiting.
        a.journal.close()
        a.journal = a.sync.journal = Journal(tmp_path / "ws-a-journal.sqlite3")
        assert [(n.body, n.synced) for n in a.journal.notes("post", team.post_id)] == [(NOTE, False)]

        a.sync.push()
        assert _shared_notes(team) == [(me, NOTE)]
        assert [n.synced for n in a.journal.notes("post", team.post_id)] == [True]
        # The answer was lost (the journal never heard): pushed again, still one note.
        with a.journal.session() as s, s.begin():
            s.execute(update(JournalNote).values(synced=False))
        a.sync.push()
        a.sync.push()
        assert _shared_notes(team) == [(me, NOTE)]
        a.sync.release("post", team.post_id)  # given back to the queue, undecided
    finally:
        a.close()

    url, other = team.second
    b = workstation(url, tmp_path, "ws-b", other, team.facility_id)
    try:
        assert b.sync.pull().claimed == 1
        seen = b.journal.notes("post", team.post_id)
        assert [(n.staff_username, n.body, n.synced) for n in seen] == [(me, NOTE, True)]
        b.sync.push()  # nothing of B's to push: the pulled note is not pushed back
        assert _shared_notes(team) == [(me, NOTE)]
    finally:
        b.close()


def test_a_note_the_shared_database_refuses_stops_neither_the_others_nor_the_sync(
    team: Team, tmp_path: Path
) -> None:
    url, me = team.first
    a = workstation(url, tmp_path, "ws-a", me, team.facility_id)
    try:
        a.sync.pull()
        with a.journal.session() as s, s.begin():  # a note the shared database's check refuses
            s.add(
                JournalNote(
                    key="bad-note",
                    kind="post",
                    item_id=team.post_id,
                    facility_id=team.facility_id,
                    body="",
                    staff_username=me,
                    workstation="ws-a",
                    written_at=a.clock(),
                    synced=False,
                )
            )
        a.journal.add_note("post", team.post_id, NOTE, me, "ws-a", a.clock())
        a.decide("post", team.post_id, "approve")
        result = a.sync.push()
        assert result.applied == 1  # the decision went through
        assert _shared_notes(team) == [(me, NOTE)]
        assert a.journal.pending_notes() == []  # the refused one is not tried at every sync again
        refused = [n for n in a.journal.notes("post", team.post_id) if n.key == "bad-note"]
        assert refused[0].refused is not None and not refused[0].synced
    finally:
        a.close()
