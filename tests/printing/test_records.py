"""Print and hand-over records, workstation first: written to the journal, pushed exactly once with the
optimistic version check, on an SQLite file and on a real PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.journal.printing import PrintJournal, PrintRefused, ReprintNeedsReason
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import AuditEvent, Handover, Post, PrintRecord
from reviewer_app.sync.push_records import apply_print
from reviewer_app.sync.service import SharedDatabaseUnavailable, Sync
from tests import factories
from tests.desk import Workstation, workstation
from tests.pgcluster import wait_for_a_lock_wait


@dataclass
class Counter:
    ws: Workstation
    desk: PrintDesk

    @property
    def book(self) -> PrintJournal:
        return self.desk.book

    def print(self, ids: list[int], reason: str | None = None) -> None:
        self.book.record_print(
            ids,
            printed_by=self.ws.username,
            workstation=self.ws.name,
            now=self.ws.clock(),
            reprint_reason=reason,
        )

    def hand_over(self, ids: list[int], outcome: str = "delivered", **more: object) -> None:
        self.book.record_handover(
            ids,
            outcome=outcome,
            handed_over_by="黃輔導員",
            handed_over_at=self.ws.clock(),
            recorded_by=self.ws.username,
            workstation=self.ws.name,
            now=self.ws.clock(),
            **more,  # type: ignore[arg-type]
        )


@dataclass
class World:
    engine: Engine
    url: str
    facility_id: int
    posts: list[int]
    folder: Path

    def counsellor(self, name: str = "ws-c", username: str = "ttd_counsellor") -> Counter:
        ws = workstation(self.url, self.folder, name, username, self.facility_id)
        return Counter(ws, PrintDesk(ws.sync, lambda doc: b"", "黃輔導員", clock=ws.clock))


@pytest.fixture
def world(shared_url: str, tmp_path: Path) -> Iterator[World]:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        posts = [
            factories.post(s, app, submitted_at=factories.T0 - timedelta(days=90 - 31 * n)) for n in range(3)
        ]
        for p in posts:
            p.status, p.version = "approved", 2
        ids, fid = [p.id for p in posts], fac.id
    yield World(engine, shared_url, fid, ids, tmp_path)
    engine.dispose()


@pytest.fixture
def counsellor(world: World) -> Iterator[Counter]:
    c = world.counsellor()
    yield c
    c.ws.close()


def statuses(engine: Engine, ids: list[int]) -> dict[int, tuple[str, int]]:
    with Session(engine) as s:
        return {
            i: (st, v)
            for i, st, v in s.execute(select(Post.id, Post.status, Post.version).where(Post.id.in_(ids)))
        }


def count(engine: Engine, model: type, *where: object) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0  # type: ignore[arg-type]


def test_printed_and_delivered_reach_the_shared_database(world: World, counsellor: Counter) -> None:
    assert counsellor.desk.refresh() == 3
    assert [p.post_id for p in counsellor.desk.to_print()] == world.posts
    counsellor.print(world.posts)
    assert statuses(world.engine, world.posts) == {i: ("approved", 2) for i in world.posts}  # journal first
    assert counsellor.book.counts().waiting_to_sync == 3

    pushed = counsellor.ws.sync.push()

    assert (pushed.records.prints, pushed.records.conflicts) == (3, 0)
    assert statuses(world.engine, world.posts) == {i: ("printed", 3) for i in world.posts}
    with Session(world.engine) as s:
        rows = s.scalars(select(PrintRecord).order_by(PrintRecord.post_id)).all()
        assert [(r.post_id, r.printed_by, r.workstation, r.copies, r.reprint) for r in rows] == [
            (i, "ttd_counsellor", "ws-c", 1, False) for i in world.posts
        ]
        assert rows[0].printed_at == factories.T0
        assert s.scalar(select(func.count()).where(AuditEvent.action == "print")) == 3

    first, second, third = world.posts
    counsellor.hand_over([first, second])
    counsellor.hand_over([third], "undeliverable", reason="transferred")
    assert {p.post_id: p.local_status for p in counsellor.desk.queue()} == {
        first: "delivered",
        second: "delivered",
        third: "undeliverable",
    }
    pushed = counsellor.ws.sync.push()

    assert (pushed.records.handovers, pushed.records.conflicts) == (3, 0)
    assert statuses(world.engine, world.posts) == {
        first: ("delivered", 4),
        second: ("delivered", 4),
        third: ("undeliverable", 4),
    }
    with Session(world.engine) as s:
        rows = s.scalars(select(Handover).order_by(Handover.post_id)).all()
        assert [(h.post_id, h.outcome, h.reason, h.handed_over_by, h.recorded_by) for h in rows] == [
            (first, "delivered", None, "黃輔導員", "ttd_counsellor"),
            (second, "delivered", None, "黃輔導員", "ttd_counsellor"),
            (third, "undeliverable", "transferred", "黃輔導員", "ttd_counsellor"),
        ]
        assert s.scalar(select(func.count()).where(AuditEvent.action == "handover")) == 3
    assert counsellor.book.counts().waiting_to_sync == 0
    # the undeliverable one can be delivered later (the transfer was called off)
    counsellor.hand_over([third])
    counsellor.ws.sync.push()
    assert statuses(world.engine, [third]) == {third: ("delivered", 5)}


def test_a_replay_after_a_crash_is_applied_once(world: World, counsellor: Counter) -> None:
    counsellor.desk.refresh()
    counsellor.print(world.posts[:1])
    (record,) = counsellor.book.prints()
    # The push committed in the shared database, then the workstation died before marking it synced.
    with Session(world.engine) as s, s.begin():
        apply_print(s, record)
    assert counsellor.book.counts().waiting_to_sync == 1

    pushed = counsellor.ws.sync.push()

    assert (pushed.records.prints, pushed.records.already_applied) == (0, 1)
    assert count(world.engine, PrintRecord) == 1
    assert statuses(world.engine, world.posts[:1]) == {world.posts[0]: ("printed", 3)}  # bumped once
    assert counsellor.book.counts().waiting_to_sync == 0


def test_printed_elsewhere_first_is_kept_as_a_reprint_and_told(world: World, counsellor: Counter) -> None:
    other = world.counsellor("ws-d", "ttd_supervisor")
    try:
        for c in (counsellor, other):
            c.desk.refresh()
            c.print(world.posts[:1])
        counsellor.ws.sync.push()
        pushed = other.ws.sync.push()
        assert pushed.records.prints == 1 and pushed.records.conflicts == 0
        (note,) = pushed.records.notes
        assert "counsellor（ws-c）" in note and "先列印" in note  # who printed it first, from where
        with Session(world.engine) as s:
            rows = s.scalars(select(PrintRecord).order_by(PrintRecord.id)).all()
            assert [(r.printed_by, r.reprint) for r in rows] == [
                ("ttd_counsellor", False),
                ("ttd_supervisor", True),
            ]
            assert rows[1].reprint_reason and "另一工作站" in rows[1].reprint_reason
        assert statuses(world.engine, world.posts[:1]) == {world.posts[0]: ("printed", 3)}
        (mine,) = other.desk.queue(("printed",))[:1]
        assert mine.problem and "先列印" in mine.problem
    finally:
        other.ws.close()


def test_a_hand_over_recorded_elsewhere_first_is_a_visible_conflict(
    world: World, counsellor: Counter
) -> None:
    counsellor.desk.refresh()
    counsellor.print(world.posts[:1])
    counsellor.ws.sync.push()
    other = world.counsellor("ws-d", "ttd_supervisor")
    try:
        other.desk.refresh()
        counsellor.desk.refresh()
        counsellor.hand_over(world.posts[:1])
        other.hand_over(world.posts[:1], "undeliverable", reason="released")
        counsellor.ws.sync.push()
        pushed = other.ws.sync.push()
        assert pushed.records.conflicts == 1
        assert statuses(world.engine, world.posts[:1]) == {world.posts[0]: ("delivered", 4)}
        assert count(world.engine, Handover) == 1
        other.desk.refresh()
        (post,) = [p for p in other.desk.queue() if p.post_id == world.posts[0]]
        assert post.local_status == "delivered"  # the shared database's answer, not this workstation's
        assert post.problem and "已轉交" in post.problem
        assert count(world.engine, AuditEvent, AuditEvent.action == "handover_conflict") == 1
    finally:
        other.ws.close()


def test_a_reprint_needs_a_reason_and_keeps_the_status(world: World, counsellor: Counter) -> None:
    counsellor.desk.refresh()
    counsellor.print(world.posts[:1])
    counsellor.ws.sync.push()
    with pytest.raises(ReprintNeedsReason) as refused:
        counsellor.print(world.posts[:2])
    assert refused.value.post_ids == world.posts[:1]
    assert counsellor.book.counts().waiting_to_sync == 0  # nothing recorded
    counsellor.print(world.posts[:2], reason="紙本破損")  # one reprint, one first print
    counsellor.ws.sync.push()
    with Session(world.engine) as s:
        rows = s.scalars(select(PrintRecord).order_by(PrintRecord.id)).all()
    assert [(r.post_id, r.reprint, r.reprint_reason) for r in rows] == [
        (world.posts[0], False, None),
        (world.posts[0], True, "紙本破損"),
        (world.posts[1], False, None),
    ]
    assert len({rows[1].batch_key, rows[2].batch_key}) == 1  # one print run
    assert statuses(world.engine, world.posts[:2]) == {
        world.posts[0]: ("printed", 3),
        world.posts[1]: ("printed", 3),
    }
    assert count(world.engine, AuditEvent, AuditEvent.action == "reprint") == 1


def test_the_hand_over_rules(world: World, counsellor: Counter) -> None:
    counsellor.desk.refresh()
    with pytest.raises(PrintRefused, match="尚未列印"):
        counsellor.hand_over(world.posts[:1])
    counsellor.print(world.posts[:1])
    with pytest.raises(PrintRefused, match="移監、出監或其他"):
        counsellor.hand_over(world.posts[:1], "undeliverable")
    with pytest.raises(PrintRefused, match="備註"):
        counsellor.hand_over(world.posts[:1], "undeliverable", reason="other")
    with pytest.raises(PrintRefused, match="轉交人"):
        counsellor.book.record_handover(
            world.posts[:1],
            outcome="delivered",
            handed_over_by="  ",
            handed_over_at=factories.T0,
            recorded_by="x",
            workstation="w",
            now=factories.T0,
        )
    counsellor.hand_over(world.posts[:1], "undeliverable", reason="other", note="住院中")
    with pytest.raises(PrintRefused, match="不在本工作站的列印清單中"):
        counsellor.print([world.posts[1], 999_999])
    with pytest.raises(PrintRefused, match="份數"):
        counsellor.book.record_print(
            world.posts[1:2], printed_by="x", workstation="w", now=factories.T0, copies=0
        )
    assert counsellor.book.counts().waiting_to_sync == 2  # the print and the hand-over, nothing else
    counsellor.ws.sync.push()
    with Session(world.engine) as s:
        (row,) = s.scalars(select(Handover)).all()
        assert (row.outcome, row.reason, row.note) == ("undeliverable", "other", "住院中")


def test_the_database_refuses_broken_records(world: World) -> None:
    now = factories.T0
    with pytest.raises(IntegrityError), Session(world.engine) as s, s.begin():
        s.add(
            Handover(
                idempotency_key="h1",
                facility_id=world.facility_id,
                post_id=world.posts[0],
                outcome="undeliverable",
                handed_over_by="x",
                handed_over_at=now,
                recorded_by="x",
                workstation="w",
                recorded_at=now,
            )
        )  # undeliverable without a reason
    with pytest.raises(IntegrityError), Session(world.engine) as s, s.begin():
        s.add(
            PrintRecord(
                idempotency_key="p1",
                facility_id=world.facility_id,
                post_id=world.posts[0],
                printed_by="x",
                workstation="w",
                printed_at=now,
                copies=1,
                reprint=True,
            )
        )  # a reprint without a reason
    with pytest.raises(IntegrityError), Session(world.engine) as s, s.begin():
        s.add(
            PrintRecord(
                idempotency_key="p2",
                facility_id=world.facility_id,
                post_id=world.posts[0],
                printed_by="x",
                workstation="w",
                printed_at=now,
                copies=0,
                reprint=False,
            )
        )
    with Session(world.engine) as s, s.begin():
        s.add(
            PrintRecord(
                idempotency_key="p3",
                facility_id=world.facility_id,
                post_id=world.posts[0],
                printed_by="x",
                workstation="w",
                printed_at=now,
                copies=2,
                reprint=False,
            )
        )
    with pytest.raises(IntegrityError), world.engine.begin() as conn:  # the same key twice
        conn.execute(
            text(
                "INSERT INTO print_records (idempotency_key, facility_id, post_id, printed_by, workstation, "
                "printed_at, copies, reprint, applied_at) "
                "SELECT idempotency_key, facility_id, post_id, 'y', workstation, printed_at, 1, reprint, "
                "applied_at "
                "FROM print_records WHERE idempotency_key = 'p3'"
            )
        )


def test_records_wait_while_the_shared_database_is_unreachable(
    world: World, counsellor: Counter, tmp_path: Path
) -> None:
    counsellor.desk.refresh()
    counsellor.print(world.posts)
    away = make_engine(f"sqlite:///{tmp_path}/no-such-folder/shared.sqlite3")
    offline = Sync(
        away, counsellor.ws.journal, "ttd_counsellor", "ws-c", world.facility_id, clock=counsellor.ws.clock
    )
    offline_desk = PrintDesk(offline, lambda doc: b"", "黃輔導員")
    with pytest.raises(SharedDatabaseUnavailable):
        offline_desk.refresh()
    with pytest.raises(SharedDatabaseUnavailable):
        offline.push()
    away.dispose()
    # the list and the records are still there, and hand-over goes on offline
    assert {p.local_status for p in offline_desk.queue()} == {"printed"}
    counsellor.hand_over(world.posts[:1])
    assert counsellor.book.counts().waiting_to_sync == 4
    pushed = counsellor.ws.sync.push()
    assert (pushed.records.prints, pushed.records.handovers) == (3, 1)
    assert statuses(world.engine, world.posts) == {
        world.posts[0]: ("delivered", 4),
        world.posts[1]: ("printed", 3),
        world.posts[2]: ("printed", 3),
    }


def test_a_whole_print_run_is_handed_over_at_once(world: World, counsellor: Counter) -> None:
    counsellor.desk.refresh()
    counsellor.print(world.posts)
    (batch,) = counsellor.book.batches()
    assert sorted(batch.post_ids) == sorted(world.posts) and batch.posts == 3
    counsellor.hand_over(list(batch.post_ids))
    counsellor.ws.sync.push()
    assert {st for st, _ in statuses(world.engine, world.posts).values()} == {"delivered"}


@pytest.mark.postgres
def test_a_hand_over_is_recorded_while_a_push_waits_on_the_shared_database(
    pg_url: str, tmp_path: Path
) -> None:
    """The counsellor's records wait for nothing on the shared database: while a push of the printed
    posts waits on a lock there, the hand-over of the same posts is written to the journal at once."""
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        posts = [factories.post(s, factories.family(s, fac)) for _ in range(2)]
        for p in posts:
            p.status, p.version = "approved", 2
        ids, fid = [p.id for p in posts], fac.id
    counsellor = World(engine, pg_url, fid, ids, tmp_path).counsellor()
    counsellor.desk.refresh()
    counsellor.print(ids)
    admin = make_engine(pg_url, isolation_level="AUTOCOMMIT")
    locker = engine.connect()
    held = locker.begin()
    locker.execute(text("LOCK TABLE posts IN ACCESS EXCLUSIVE MODE"))
    push = threading.Thread(target=counsellor.ws.sync.push, daemon=True)
    handing_over = threading.Thread(target=counsellor.hand_over, args=(ids,), daemon=True)
    try:
        push.start()
        wait_for_a_lock_wait(admin, push)
        handing_over.start()
        handing_over.join(timeout=15)  # a guard only: writing it takes milliseconds
        assert not handing_over.is_alive(), "the hand-over waited for the push"
        assert push.is_alive()
        assert len(counsellor.book.handovers(("pending",))) == 2
    finally:
        held.rollback()
        locker.close()
        push.join(timeout=60)
        handing_over.join(timeout=60)
    counsellor.ws.sync.push()  # whatever the waiting push did not take yet
    assert counsellor.book.counts().waiting_to_sync == 0
    assert statuses(engine, ids) == {i: ("delivered", 4) for i in ids}
    counsellor.ws.close()
    admin.dispose()
    engine.dispose()
