"""Faults: the connection cut mid-push, the process killed between the local commit and the push or
right after a shared commit, the shared database down for a while. Afterwards every decision is
applied exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.orm import Session

from reviewer_app.journal import DecisionRecord, NotUndoable
from reviewer_app.shared_db.engine import LOCK_WAIT_S
from reviewer_app.shared_db.models import Decision, Facility, Post, Suspension
from reviewer_app.sync.service import SharedDatabaseUnavailable
from tests import factories
from tests.desk import Workstation, workstation
from tests.pgcluster import PgCluster, wait_for_a_lock_wait

ROOT = Path(__file__).resolve().parents[2]


def _queue(url: str, posts: int, strikes: int = 0) -> tuple[Engine, int, list[int]]:
    engine = factories.shared_engine(url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        ids = []
        for n in range(posts):
            app = factories.family(s, fac, strikes=strikes if n == 0 else 0)
            ids.append(factories.post(s, app).id)
        return engine, fac.id, ids


def _assert_exactly_once(engine: Engine, post_ids: list[int], keys: set[str]) -> None:
    with Session(engine) as s:
        rows = s.execute(select(Decision.item_id, Decision.idempotency_key)).all()
        versions = dict(s.execute(select(Post.id, Post.version)).all())
    assert sorted(item for item, _ in rows) == sorted(post_ids)
    assert {key for _, key in rows} == keys
    assert all(versions[i] == 2 for i in post_ids)


def _run_worker(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "tests.crash_worker", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.postgres
def test_connection_cut_in_the_middle_of_a_push(pg_url: str, pg_cluster: PgCluster, tmp_path: Path) -> None:
    engine, fid, ids = _queue(pg_url, 20)
    ws = workstation(pg_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull(batch=20)
    keys = {ws.decide("post", i, "approve").key for i in ids}
    admin = create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT")
    inserts = 0

    def cut_in_second_batch(conn, cursor, statement, *_args):  # type: ignore[no-untyped-def]
        nonlocal inserts
        if "reviewdesk_decide_many" in statement:  # a batch's decisions (migration 0007)
            inserts += 1
            if inserts == 2:
                pid = conn.connection.dbapi_connection.info.backend_pid
                with admin.connect() as a:
                    a.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    event.listen(ws.engine, "after_cursor_execute", cut_in_second_batch)
    with pytest.raises(SharedDatabaseUnavailable):
        ws.sync.push(batch_size=5)  # the first batch of 5 commits, the second is cut mid-way
    assert ws.journal.counts().waiting_to_sync == 15
    event.remove(ws.engine, "after_cursor_execute", cut_in_second_batch)

    result = ws.sync.push(batch_size=5)
    assert (result.applied, result.already_applied, result.conflicts) == (15, 0, 0)
    _assert_exactly_once(engine, ids, keys)
    ws.close()
    admin.dispose()
    engine.dispose()


def test_killed_between_local_commit_and_push(shared_url: str, tmp_path: Path) -> None:
    engine, fid, ids = _queue(shared_url, 5)
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull()
    journal_file = str(ws.journal.path)
    ws.close()

    result = _run_worker("decide-then-die", shared_url, journal_file, "ttd_reviewer", str(fid))
    assert result.returncode == -signal.SIGKILL, result.stderr

    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)  # the app started again
    pending = ws.journal.decisions()
    assert len(pending) == 5
    assert ws.sync.push().applied == 5
    assert ws.sync.push().applied == 0
    _assert_exactly_once(engine, ids, {d.key for d in pending})
    ws.close()
    engine.dispose()


def test_killed_right_after_a_shared_commit_is_not_applied_twice(shared_url: str, tmp_path: Path) -> None:
    engine, fid, ids = _queue(shared_url, 6)
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull()
    keys = {ws.decide("post", i, "approve").key for i in ids}
    journal_file = str(ws.journal.path)
    ws.close()

    # Pushes in batches of 2 and dies after the 2nd batch reached the shared database, before its
    # journal knew it.
    result = _run_worker("die-after-commit", shared_url, journal_file, "ttd_reviewer", str(fid), "2", "2")
    assert result.returncode == -signal.SIGKILL, result.stderr
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 4

    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    assert len(ws.journal.decisions()) == 4  # the journal still believes the 2nd batch is waiting
    outcome = ws.sync.push()
    assert (outcome.applied, outcome.already_applied) == (2, 2)
    _assert_exactly_once(engine, ids, keys)
    ws.close()
    engine.dispose()


def test_a_decision_whose_push_may_have_landed_cannot_be_undone(shared_url: str, tmp_path: Path) -> None:
    """Killed right after a shared commit: the journal cannot know whether those decisions arrived, so
    Ctrl+Z must not take them back (the family would keep a rejection and a strike the desk shows as
    undone). Decisions no push ever sent stay undoable; the next push settles the rest."""
    engine, fid, ids = _queue(shared_url, 6)
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull()
    decided = [ws.decide("post", i, "reject", "P4_TOO_LONG") for i in ids]
    journal_file = str(ws.journal.path)
    ws.close()

    # Batches of 2: the first is synced, the second committed unbeknown to the journal, the third unsent.
    result = _run_worker("die-after-commit", shared_url, journal_file, "ttd_reviewer", str(fid), "2", "2")
    assert result.returncode == -signal.SIGKILL, result.stderr

    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    for in_doubt in decided[2:4]:
        with pytest.raises(NotUndoable, match="同步"):
            ws.journal.undo(in_doubt.key, ws.username, ws.name, ws.clock())
    unsent = ws.journal.last_undoable(ws.username)
    assert unsent is not None and unsent.key == decided[5].key
    ws.journal.undo(unsent.key, ws.username, ws.name, ws.clock())

    outcome = ws.sync.push()
    assert (outcome.applied, outcome.already_applied) == (1, 2)
    with Session(engine) as s:
        statuses = dict(s.execute(select(Post.id, Post.status)).all())
    assert [statuses[i] for i in ids] == ["rejected"] * 5 + ["pending"]
    assert ws.journal.decision(decided[2].key).state == "synced"  # type: ignore[union-attr]
    ws.close()
    engine.dispose()


@pytest.mark.postgres
def test_shared_database_down_for_a_while(private_cluster: PgCluster, tmp_path: Path) -> None:
    url = private_cluster.url()
    engine, fid, ids = _queue(url, 3, strikes=2)
    ws: Workstation = workstation(url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull()
    for post_id in ids:  # opened while online (the desk decodes ahead); kept in the document cache
        ws.view("post", post_id)
    engine.dispose()
    private_cluster.stop()

    # Offline: the reviewer keeps working from what was claimed; the third strike suspends at once.
    first = ws.decide("post", ids[0], "reject", "P4_TOO_LONG")
    assert first.suspension is not None
    others = [ws.decide("post", i, "approve").key for i in ids[1:]]
    with pytest.raises(SharedDatabaseUnavailable):
        ws.sync.push()
    with pytest.raises(SharedDatabaseUnavailable):
        ws.sync.pull()
    assert ws.journal.counts().waiting_to_sync == 3

    private_cluster.start()
    result = ws.sync.push()
    assert (result.applied, result.conflicts) == (3, 0)
    assert ws.sync.push().applied == 0
    _assert_exactly_once(engine, ids, {first.key, *others})
    with Session(engine) as s:
        (suspension,) = s.scalars(select(Suspension)).all()
        assert suspension.starts_at == first.decided_at
        assert s.scalar(select(Facility.code)) == "TTD"
    ws.close()
    engine.dispose()


@pytest.mark.postgres
def test_decisions_are_recorded_while_a_push_waits_on_the_shared_database(
    pg_url: str, tmp_path: Path
) -> None:
    """A push can wait a long time on the shared database (a table locked by a migration or a stuck
    session). The reviewer's next decision must reach the journal meanwhile: they saw it as decided,
    and a killed desk would otherwise lose it. Undoing the decision being sent says why it cannot."""
    engine, fid, ids = _queue(pg_url, 3)
    ws = workstation(pg_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull()
    first = ws.decide("post", ids[0], "approve")
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    locker = engine.connect()
    held = locker.begin()
    locker.execute(text("LOCK TABLE posts IN ACCESS EXCLUSIVE MODE"))
    pushed: dict[str, object] = {}
    push = threading.Thread(target=lambda: pushed.setdefault("result", ws.sync.push()), daemon=True)
    second: dict[str, DecisionRecord] = {}

    def decide_the_next() -> None:
        second["record"] = ws.decide("post", ids[1], "reject", "P4_TOO_LONG")

    deciding = threading.Thread(target=decide_the_next, daemon=True)
    try:
        push.start()
        wait_for_a_lock_wait(admin, push)  # the push is now waiting on the shared database
        deciding.start()
        deciding.join(timeout=15)  # a guard only: a recorded decision takes milliseconds
        assert not deciding.is_alive(), "the decision waited for the push"
        assert push.is_alive()  # still waiting on the shared database
        recorded = ws.journal.decision(second["record"].key)
        assert recorded is not None and recorded.state == "pending"
        with pytest.raises(NotUndoable, match="正在同步"):
            ws.journal.undo(first.key, ws.username, ws.name, ws.clock())
    finally:
        held.rollback()
        locker.close()
        push.join(timeout=60)
        deciding.join(timeout=60)
    assert not push.is_alive()
    assert pushed["result"].applied == 1  # type: ignore[attr-defined]
    assert ws.journal.decision(first.key).state == "synced"  # type: ignore[union-attr]
    ws.journal.undo(second["record"].key, ws.username, ws.name, ws.clock())  # never sent: still undoable
    with Session(engine) as s:
        statuses = dict(s.execute(select(Post.id, Post.status)).all())
    assert [statuses[i] for i in ids] == ["approved", "pending", "pending"]
    ws.close()
    admin.dispose()
    engine.dispose()


@pytest.mark.postgres
def test_a_push_behind_a_lock_gives_up_after_the_lock_wait(pg_url: str, tmp_path: Path) -> None:
    """Behind a lock held longer (a stuck session), the push gives up after LOCK_WAIT_S as on SQLite,
    as "shared database unavailable": the desk says so, retries later, and can close without waiting
    for it; the decisions stay in the journal for the next push."""
    engine, fid, ids = _queue(pg_url, 2)
    ws = workstation(pg_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull()
    keys = [ws.decide("post", i, "approve").key for i in ids]
    failed: list[BaseException] = []

    def push() -> None:
        try:
            ws.sync.push()
        except BaseException as exc:
            failed.append(exc)

    pushing = threading.Thread(target=push, daemon=True)
    with engine.connect() as locker, locker.begin():
        locker.execute(text("LOCK TABLE posts IN ACCESS EXCLUSIVE MODE"))
        started = time.monotonic()
        pushing.start()
        pushing.join(timeout=LOCK_WAIT_S + 30)  # the lock is held all along: a push that waits hangs
        waited = time.monotonic() - started
        gave_up = not pushing.is_alive()
    pushing.join()
    assert gave_up, "the push waited behind the lock for good"
    assert waited >= LOCK_WAIT_S
    assert [type(e) for e in failed] == [SharedDatabaseUnavailable] and "lock" in str(failed[0])
    assert [ws.journal.decision(k).state for k in keys] == ["pending", "pending"]  # type: ignore[union-attr]
    assert ws.sync.push().applied == 2
    ws.close()
    engine.dispose()


def test_the_shared_file_taken_away_and_put_back(tmp_path: Path) -> None:
    """The embedded shared file moved away (a restore, a share remounted) and put back. While it is
    gone, a new connection finds (makes) an empty file and the sync says the shared database is
    unavailable; once the file is back, the next sync applies what was decided meanwhile. It stayed
    offline until a restart: the pool kept its connection to the empty file it had made."""
    shared = tmp_path / "share" / "shared.sqlite3"
    shared.parent.mkdir()
    url = f"sqlite:///{shared}"
    engine, fid, ids = _queue(url, 2)
    engine.dispose()
    ws = workstation(url, tmp_path, "ws-a", "ttd_reviewer", fid)
    ws.sync.pull()
    ws.view("post", ids[0])  # opened while the file was there (the desk decodes ahead)
    ws.engine.dispose()  # no connection open at the moment the file goes (they come and go)
    away = tmp_path / "away"
    away.mkdir()
    for f in list(shared.parent.iterdir()):
        f.rename(away / f.name)
    key = ws.decide("post", ids[0], "approve").key
    with pytest.raises(SharedDatabaseUnavailable):
        ws.sync.sync()
    for f in list(shared.parent.iterdir()):
        f.unlink()
    for f in away.iterdir():
        f.rename(shared.parent / f.name)
    pushed, _pulled = ws.sync.sync()
    assert pushed.applied == 1
    assert ws.journal.decision(key).state == "synced"  # type: ignore[union-attr]
    ws.close()
