"""The desk's first sync after a member's Enter (issue #23): started before the window exists, it
brings only what the first screen needs; the window's own first sync answers with it, and the rest
(staff notes, second looks, the counts of items colleagues hold and of those overdue) follows in a
second, short read. Nothing of it may be lost on the way. On SQLite, and on PostgreSQL as the
reviewers' own logins."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.core.items import ClaimedItem
from reviewer_app.journal import Journal
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.sync.service import SharedDatabaseUnavailable, Sync
from tests import factories
from tests.desk import Clock, workstation
from tests.staffdb import PgLogins

NOTE = "家屬來電：照片是孩子的畢業典禮，請留意背景的校名"


@dataclass
class Team:
    admin: Engine
    facility_id: int
    post_ids: list[int]
    first: tuple[str, str]  # (url, username) of the reviewer who wrote a note yesterday
    second: tuple[str, str]  # the member who signs in now


@pytest.fixture
def team(shared_url: str, request: pytest.FixtureRequest) -> Iterator[Team]:
    admin = factories.shared_engine(shared_url)
    with Session(admin) as s, s.begin():
        fac = factories.facility(s)
        post_ids = [factories.post(s, factories.family(s, fac)).id for _ in range(3)]
        fid = fac.id
    if shared_url.startswith("postgresql"):
        logins: PgLogins = request.getfixturevalue("pg_logins")
        a, b = logins.add("reviewer", "TTD", fid), logins.add("reviewer", "TTD", fid)
        first, second = (a.url, a.username), (b.url, b.username)
    else:
        first, second = (shared_url, "ttd_rev1"), (shared_url, "ttd_rev2")
    yield Team(admin, fid, post_ids, first, second)
    admin.dispose()


def _note_left_by_a_colleague(team: Team, tmp_path: Path) -> None:
    url, who = team.first
    colleague = workstation(url, tmp_path, "ws-a", who, team.facility_id)
    try:
        colleague.sync.pull()
        colleague.journal.add_note("post", team.post_ids[0], NOTE, who, "ws-a", colleague.clock())
        colleague.sync.close_session()  # the note pushed, the items given back undecided
    finally:
        colleague.close()


def test_the_first_sync_started_early_is_the_desks_first_and_the_rest_follows(
    team: Team, tmp_path: Path
) -> None:
    _note_left_by_a_colleague(team, tmp_path)
    url, me = team.second
    # Three weeks later: every post waits past the facility's target.
    desk = workstation(url, tmp_path, "ws-b", me, team.facility_id, Clock(factories.T0 + timedelta(days=21)))
    try:
        job = desk.sync.first_sync_job()
        head_start = threading.Thread(target=job)  # as the network worker runs it
        head_start.start()
        head_start.join(60)
        heard: list[list[ClaimedItem]] = []
        # The window listens only now, after the pull has passed its claim: it still hears of it.
        desk.sync.on_claimed = lambda snapshots, _families, _now: heard.append(snapshots)
        assert [sorted(s.id for s in snaps) for snaps in heard] == [sorted(team.post_ids)]

        _pushed, pulled = desk.sync.sync(check_documents=False, extras=False)  # the window's first
        assert pulled.claimed == 3
        assert len(heard) == 1  # answered with the head start's pull: nothing claimed twice
        assert sorted(i.item_id for i in desk.journal.items()) == sorted(team.post_ids)
        # What the first screen did without is not there yet...
        assert (pulled.others, pulled.overdue) == (None, None)
        assert desk.journal.notes("post", team.post_ids[0]) == []

        extras = desk.sync.pull_extras()  # ...and comes with the read that follows
        assert (extras.others, extras.overdue) == (0, 3)
        notes = desk.journal.notes("post", team.post_ids[0])
        assert [(n.staff_username, n.body) for n in notes] == [(team.first[1], NOTE)]

        again = desk.sync.sync()  # later syncs are whole, as before
        assert (again[1].claimed, again[1].overdue) == (3, 3)
        assert len(heard) == 2
    finally:
        desk.close()


def test_a_head_start_that_fails_is_the_windows_first_sync_failing(tmp_path: Path) -> None:
    """Out of reach at Enter: the window hears it from its own first sync (the desk says it works
    offline and retries, as after any failed sync)."""
    gone = make_engine(f"sqlite:///{tmp_path}/no-such-folder/shared.sqlite3")
    journal = Journal(tmp_path / "journal.sqlite3")
    sync = Sync(gone, journal, "ttd_reviewer", "ws-a", 1, clock=Clock())
    try:
        sync.first_sync_job()()
        with pytest.raises(SharedDatabaseUnavailable):
            sync.sync(check_documents=False, extras=False)
    finally:
        journal.close()
        gone.dispose()
