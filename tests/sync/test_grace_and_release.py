"""A decision waits out its grace period before it is pushed (Ctrl+Z always works meanwhile); closing
the desk gives the undecided claims back at once; a pull counts what colleagues hold (#20 items 3, 4).
On an SQLite file and on a real PostgreSQL, with a clock the test moves (no sleeps)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Decision, Post
from tests import factories
from tests.desk import Workstation, workstation
from tests.staffdb import PgLogins

GRACE = timedelta(seconds=10)


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture
def desk(engine: Engine, shared_url: str, tmp_path: Path) -> Iterator[Workstation]:
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.grace = GRACE
    yield ws
    ws.close()


@pytest.fixture
def colleague(desk: Workstation, shared_url: str, tmp_path: Path) -> Iterator[Workstation]:
    ws = workstation(shared_url, tmp_path, "ws-b", "ttd_rev1", desk.sync.who.facility_id, desk.clock)
    yield ws
    ws.close()


def _posts(engine: Engine, desk: Workstation, count: int) -> list[int]:
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        # A family each: one family's second post in 30 days could not be approved (P3).
        return [
            factories.post(s, factories.family(s, fac), submitted_at=factories.T0.replace(hour=h)).id
            for h in range(count)
        ]


def _shared_decisions(engine: Engine) -> list[int]:
    with Session(engine) as s:
        return list(s.scalars(select(Decision.item_id).order_by(Decision.id)))


def test_a_decision_in_its_grace_period_is_not_pushed_and_can_always_be_undone(
    engine: Engine, desk: Workstation
) -> None:
    first, second = _posts(engine, desk, 2)
    desk.sync.pull()
    desk.decide("post", first, "reject", "P2_CONTENT")
    desk.clock.advance(seconds=3)
    # The minute's sync comes 3 s after the decision: it leaves it alone.
    assert desk.sync.push().applied == 0
    assert _shared_decisions(engine) == []
    desk.clock.advance(seconds=6)  # 9 s: still within the grace period
    last = desk.journal.last_undoable("ttd_reviewer")
    assert last is not None
    desk.journal.undo(last.key, "ttd_reviewer", "ws-a", desk.clock())
    assert desk.journal.decision(last.key).state == "undone"  # type: ignore[union-attr]

    # Once the grace period is over, the push takes the decision (in order, the young ones wait).
    desk.decide("post", first, "approve")
    desk.clock.advance(seconds=6)
    desk.decide("post", second, "approve")
    desk.clock.advance(seconds=5)  # the first is 11 s old, the second 5 s
    assert desk.sync.push().applied == 1
    assert _shared_decisions(engine) == [first]
    assert [d.item_id for d in desk.journal.decisions(("pending",))] == [second]
    desk.clock.advance(seconds=5)
    assert desk.sync.push().applied == 1
    assert _shared_decisions(engine) == [first, second]


def test_an_undo_on_its_way_keeps_the_newest_decision_back_even_past_its_grace(
    engine: Engine, desk: Workstation
) -> None:
    """Ctrl+Z pressed at 9.9 s reaches the journal a moment later: a push that looks in between must
    not take the decision it is about to undo."""
    (post_id,) = _posts(engine, desk, 1)
    desk.sync.pull()
    record = desk.decide("post", post_id, "approve")
    desk.clock.advance(seconds=9)
    desk.journal.expect_undo()  # the key press, on the GUI thread
    desk.clock.advance(seconds=2)  # the journal's worker is busy a moment; the push runs first
    assert desk.sync.push().applied == 0
    desk.journal.undo(record.key, "ttd_reviewer", "ws-a", desk.clock())
    assert desk.journal.decision(record.key).state == "undone"  # type: ignore[union-attr]
    desk.journal.end_undo()
    assert _shared_decisions(engine) == []


def test_closing_the_desk_gives_undecided_items_back_and_sends_the_decided(
    engine: Engine, desk: Workstation, colleague: Workstation
) -> None:
    ids = _posts(engine, desk, 5)
    assert desk.sync.pull(batch=4).claimed == 4
    mine = sorted(i.item_id for i in desk.journal.items())
    decided = desk.decide("post", mine[0], "approve")  # still in its grace period at Ctrl+Q

    assert desk.sync.close_session() == 3  # Ctrl+Q: the undecided three go back to the queue

    assert _shared_decisions(engine) == [decided.item_id]  # the last decision did not wait
    assert desk.journal.items() == []  # nothing left to show for items someone else may take
    # The colleague gets them at once, not after the lease.
    assert colleague.sync.pull(batch=10).claimed == 4
    assert {i.item_id for i in colleague.journal.items()} == set(ids) - {decided.item_id}


def test_a_closed_session_claims_nothing_more(engine: Engine, desk: Workstation) -> None:
    """A sync that was running when the desk closed must not take items after they were released."""
    _posts(engine, desk, 3)
    desk.sync.pull(batch=1)
    desk.sync.close_session()
    assert desk.sync.pull().claimed == 0
    with Session(engine) as s:
        assert s.scalars(select(Post.claimed_by)).all() == [None, None, None]


def test_a_close_that_comes_after_the_next_desk_opened_leaves_the_new_desk_its_queue(
    engine: Engine, desk: Workstation
) -> None:
    """Signed out and in again on one sync: the first desk's give-back, run late on the network
    worker, must not close the session the new desk has opened, nor take its items away."""
    _posts(engine, desk, 3)
    first = desk.sync.open_session()
    desk.sync.pull()
    second = desk.sync.open_session()  # the new desk, before the old one's close has run
    assert desk.sync.close_session(first) == 0
    assert desk.sync.pull().claimed == 3
    assert len(desk.journal.items()) == 3
    assert desk.sync.close_session(second) == 3  # its own close gives them back


def test_a_desk_that_opens_while_the_old_one_gives_back_keeps_its_queue(
    engine: Engine, desk: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Signed out and in again at once: the old desk's close has begun (not superseded yet) and is
    pushing when the new desk opens and claims. The give-back that follows must leave the new desk
    its items; it once released them, and the new desk showed an empty queue until the next sync."""
    _posts(engine, desk, 3)
    first = desk.sync.open_session()
    desk.sync.pull()
    push = desk.sync.push
    opened: list[int] = []

    def push_while_the_new_desk_opens(**kwargs: object) -> object:
        pushed = push(**kwargs)  # type: ignore[arg-type]
        if not opened:  # the new desk, between the close's first look and its give-back
            opened.append(desk.sync.open_session())
            desk.sync.pull()
        return pushed

    monkeypatch.setattr(desk.sync, "push", push_while_the_new_desk_opens)
    assert desk.sync.close_session(first) == 0
    assert len(desk.journal.items()) == 3  # the new desk's queue
    with Session(engine) as s:
        assert set(s.scalars(select(Post.claimed_by))) == {desk.sync.who.staff_username}


def test_a_pull_counts_the_items_colleagues_are_working_on(
    engine: Engine, desk: Workstation, colleague: Workstation
) -> None:
    _posts(engine, desk, 5)
    assert desk.sync.pull(batch=3).others == 0
    result = colleague.sync.pull(batch=10)
    assert (result.claimed, result.others) == (2, 3)
    # A crash leaves the claims to their lease: once it has run out they are nobody's.
    colleague.clock.advance(minutes=25)
    assert colleague.sync.pull(batch=10).others == 0


def test_a_clock_set_back_does_not_hold_decisions(engine: Engine, desk: Workstation) -> None:
    """The workstation's clock was put back an hour after a decision: it goes at the next push, not
    an hour later. Without a grace period (a plain sync, the command line) every decision goes."""
    first, second = _posts(engine, desk, 2)
    desk.sync.pull()
    desk.decide("post", first, "approve")
    desk.clock.advance(hours=-1)
    assert desk.sync.push().applied == 1
    desk.decide("post", second, "approve")
    desk.sync.grace = timedelta(0)
    assert desk.sync.push().applied == 1


@pytest.mark.postgres
def test_a_staff_login_closing_its_desk_gives_its_claims_back(
    pg_url: str, pg_logins: PgLogins, tmp_path: Path
) -> None:
    """R10 as the deployment runs it: each member's own login, who may not UPDATE a claim by hand
    (0007), still gives the undecided items back on Ctrl+Q."""
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    me = pg_logins.add("reviewer", "TTD", fid)
    desk = workstation(me.url, tmp_path, "ws-a", me.username, fid)
    desk.sync.grace = GRACE
    try:
        _posts(engine, desk, 4)
        assert desk.sync.pull(batch=4).claimed == 4
        assert desk.sync.close_session() == 4
        with Session(engine) as s:
            assert s.scalars(select(Post.claimed_by)).all() == [None] * 4
    finally:
        desk.close()
        engine.dispose()
