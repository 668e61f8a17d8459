"""Eligibility again at print time, releases and transfers (issue 22): each state change on an SQLite
file and on a real PostgreSQL, with print and hand-over records still applied exactly once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.core.rules.delivery import RELEASED_FOR_FAMILY
from reviewer_app.journal.printing import HELD_BACK, PrintRefused
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.shared_db.models import Handover, Inmate, Post, PrintRecord, Restriction, ServiceApplication
from reviewer_app.shared_db.movements import record_release, record_transfer
from tests import factories
from tests.desk import workstation
from tests.printing.test_records import Counter

TODAY = date(2026, 11, 2)  # factories.T0 in Taipei


@dataclass
class Two:
    engine: Engine
    url: str
    a: int
    b: int
    posts: list[int]  # A's approved posts, one family each
    inmates: list[int]
    folder: Path

    def counsellor(self, facility: int, code: str, name: str) -> Counter:
        ws = workstation(self.url, self.folder, name, f"{code.lower()}_counsellor", facility)
        return Counter(ws, PrintDesk(ws.sync, lambda doc: b"", "黃輔導員", clock=ws.clock))


@pytest.fixture
def two(shared_url: str, tmp_path: Path) -> Iterator[Two]:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        apps = [factories.family(s, fa) for _ in range(3)]
        posts = [factories.post(s, app) for app in apps]
        for p in posts:
            p.status, p.version = "approved", 2
        s.flush()
        ids = (fa.id, fb.id, [p.id for p in posts], [app.inmate_id for app in apps])
    yield Two(engine, shared_url, *ids, folder=tmp_path)
    engine.dispose()


@pytest.fixture
def counsellor(two: Two) -> Iterator[Counter]:
    c = two.counsellor(two.a, "TTD", "ws-a")
    yield c
    c.ws.close()


def restrict(
    engine: Engine, inmate: int, starts: date, ends: date | None, kind: str = "disciplinary"
) -> None:
    with Session(engine) as s, s.begin():
        s.add(Restriction(inmate_id=inmate, kind=kind, starts_on=starts, ends_on=ends))


def second_post(engine: Engine, post: int) -> int:
    """Another approved post of the same family (an earlier month's)."""
    with Session(engine) as s, s.begin():
        service = s.get(ServiceApplication, s.get(Post, post).service_id)  # type: ignore[union-attr]
        assert service is not None
        earlier = factories.post(s, service, submitted_at=factories.T0 - timedelta(days=40))
        earlier.status, earlier.version = "approved", 2
        s.flush()
        return earlier.id


def status_of(engine: Engine, post: int) -> tuple[str, int, int]:
    with Session(engine) as s:
        row = s.execute(select(Post.status, Post.version, Post.facility_id).where(Post.id == post)).one()
        return row[0], row[1], row[2]


def test_a_restricted_inmates_post_is_held_back_and_comes_back_by_itself(
    two: Two, counsellor: Counter
) -> None:
    held, free, _ = two.posts
    restrict(two.engine, two.inmates[0], TODAY - timedelta(days=1), TODAY + timedelta(days=2))
    counsellor.desk.refresh()

    assert [p.post_id for p in counsellor.desk.to_print()] == [free, two.posts[2]]
    [waiting] = counsellor.desk.queue((HELD_BACK,))
    assert (waiting.post_id, waiting.held_back and waiting.held_back.code) == (held, "disciplinary")
    assert waiting.held_back is not None and waiting.held_back.until == TODAY + timedelta(days=2)
    with pytest.raises(PrintRefused) as refused:  # the engine itself, not only the window
        counsellor.print([held, free])
    assert refused.value.code == "PRINT_HELD_BACK" and refused.value.values["posts"] == (held,)

    counsellor.ws.clock.advance(days=3)  # the restriction ended yesterday
    counsellor.desk.refresh()
    assert held in [p.post_id for p in counsellor.desk.to_print()]
    counsellor.print([held])
    assert counsellor.ws.sync.push().records.prints == 1
    assert status_of(two.engine, held)[0] == "printed"


def test_a_print_made_on_a_stale_list_is_a_conflict_not_a_print(two: Two, counsellor: Counter) -> None:
    post = two.posts[0]
    counsellor.desk.refresh()
    counsellor.print([post])  # offline, before the restriction reached the list
    restrict(two.engine, two.inmates[0], TODAY, None, kind="court_order")

    pushed = counsellor.ws.sync.push()
    again = counsellor.ws.sync.push()

    assert (pushed.records.prints, pushed.records.conflicts) == (0, 1)
    assert "暫緩轉交" in pushed.records.notes[0]
    assert (again.records.prints, again.records.conflicts) == (0, 0)
    assert status_of(two.engine, post)[0] == "approved"
    with Session(two.engine) as s:
        assert s.scalar(select(func.count()).select_from(PrintRecord)) == 0


def test_a_printed_post_of_a_restricted_inmate_is_not_handed_over(two: Two, counsellor: Counter) -> None:
    post = two.posts[0]
    counsellor.desk.refresh()
    counsellor.print([post])
    counsellor.ws.sync.push()
    restrict(two.engine, two.inmates[0], TODAY, TODAY)
    counsellor.desk.refresh()
    assert [p.post_id for p in counsellor.desk.queue((HELD_BACK,))] == [post]
    with pytest.raises(PrintRefused) as refused:
        counsellor.hand_over([post])
    assert refused.value.code == "HANDOVER_HELD_BACK"
    counsellor.hand_over([post], "undeliverable", reason="other", note="違規處分執行中")  # still allowed


def test_a_release_closes_posts_as_undeliverable_with_words_for_the_family(
    two: Two, counsellor: Counter
) -> None:
    printed, other, third = two.posts
    approved = second_post(two.engine, printed)
    counsellor.desk.refresh()
    counsellor.print([printed])
    counsellor.ws.sync.push()

    with Session(two.engine) as s, s.begin():
        closed = record_release(s, two.inmates[0], factories.T0)

    assert closed == [printed, approved]
    assert status_of(two.engine, printed)[:2] == ("undeliverable", 4)
    assert status_of(two.engine, approved)[:2] == ("undeliverable", 3)
    with Session(two.engine) as s:
        rows = s.scalars(select(Handover).order_by(Handover.post_id)).all()
        assert [(h.post_id, h.reason, h.note) for h in rows] == [
            (printed, "released", RELEASED_FOR_FAMILY),
            (approved, "released", RELEASED_FOR_FAMILY),
        ]
        assert s.get(Inmate, two.inmates[0]).custody == "released"  # type: ignore[union-attr]
    counsellor.desk.refresh()
    statuses = {p.post_id: p.local_status for p in counsellor.desk.queue()}
    assert statuses == {
        printed: "undeliverable",
        approved: "undeliverable",
        other: "approved",
        third: "approved",
    }


def test_posts_follow_a_transferred_inmate(two: Two, counsellor: Counter) -> None:
    printed = two.posts[0]
    approved = second_post(two.engine, printed)
    counsellor.desk.refresh()
    counsellor.print([printed])
    counsellor.ws.sync.push()
    with Session(two.engine) as s, s.begin():
        service = s.get(ServiceApplication, s.get(Post, printed).service_id)  # type: ignore[union-attr]
        assert service is not None
        pending = factories.post(s, service, submitted_at=factories.T0 - timedelta(hours=1))
        moved_to = Inmate(facility_id=two.b, call_number="7788", name="王大明", housing_unit="仁舍 1 房")
        s.add(moved_to)
        s.flush()
        pending_id, new_inmate = pending.id, moved_to.id

    with Session(two.engine) as s, s.begin():
        moved = record_transfer(s, two.inmates[0], new_inmate, factories.T0)

    assert moved == sorted([printed, approved, pending_id])
    assert status_of(two.engine, printed) == ("approved", 4, two.b)  # to print again where the inmate is
    assert status_of(two.engine, pending_id)[::2] == ("pending", two.b)
    counsellor.desk.refresh()
    assert printed not in [p.post_id for p in counsellor.desk.queue()]
    away = counsellor.desk.transferred_away()
    assert [(t.post_id, t.to_facility) for t in away] == [
        (printed, "TYJ 矯正機關"),
        (approved, "TYJ 矯正機關"),
    ]

    other = two.counsellor(two.b, "TYJ", "ws-b")
    try:
        other.desk.refresh()
        listed = {p.post_id: p for p in other.desk.to_print()}
        assert set(listed) == {printed, approved}
        assert listed[printed].snapshot.transferred_from == "TTD 矯正機關"
        assert listed[printed].inmate.call_number == "7788"
        other.print([printed, approved])
        assert other.ws.sync.push().records.prints == 2
    finally:
        other.ws.close()
    # the old facility's print record of the post stays its own history; the new one printed it again
    with Session(two.engine) as s:
        assert s.scalar(select(func.count()).where(PrintRecord.post_id == printed)) == 2


def test_an_undeliverable_post_goes_back_to_the_list_to_print(two: Two, counsellor: Counter) -> None:
    post = two.posts[0]
    counsellor.desk.refresh()
    counsellor.print([post])
    counsellor.hand_over([post], "undeliverable", reason="other", note="收容人住院中")
    counsellor.ws.sync.push()
    counsellor.desk.refresh()
    [waiting] = counsellor.desk.queue(("undeliverable",))
    assert waiting.snapshot.handover is not None and waiting.snapshot.handover.note == "收容人住院中"
    with pytest.raises(PrintRefused) as refused:  # only an undeliverable post goes back
        counsellor.hand_over([two.posts[1]], "returned")
    assert refused.value.code == "HANDOVER_RETURN_NOT_ALLOWED"

    counsellor.hand_over([post], "returned")  # back from hospital
    assert post in [p.post_id for p in counsellor.desk.to_print()]  # at once, before any push
    counsellor.print([post])  # a first print again, no reprint reason asked
    pushed, again = counsellor.ws.sync.push(), counsellor.ws.sync.push()

    assert (pushed.records.prints, pushed.records.handovers, pushed.records.conflicts) == (1, 1, 0)
    assert (again.records.prints, again.records.handovers) == (0, 0)
    assert status_of(two.engine, post)[:2] == ("printed", 6)
    with Session(two.engine) as s:
        outcomes = s.scalars(select(Handover.outcome).where(Handover.post_id == post).order_by(Handover.id))
        assert list(outcomes) == ["undeliverable", "returned"]
    counsellor.hand_over([post])
    counsellor.ws.sync.push()
    assert status_of(two.engine, post)[0] == "delivered"


def test_a_whole_day_recorded_offline_is_pushed_in_the_order_it_happened(
    two: Two, counsellor: Counter
) -> None:
    post = two.posts[0]
    counsellor.desk.refresh()
    counsellor.print([post])
    counsellor.hand_over([post], "undeliverable", reason="other", note="收容人外出就醫")
    counsellor.hand_over([post], "returned")
    counsellor.print([post])
    counsellor.hand_over([post])

    pushed = counsellor.ws.sync.push()

    assert (pushed.records.prints, pushed.records.handovers, pushed.records.conflicts) == (2, 3, 0)
    assert status_of(two.engine, post)[:2] == ("delivered", 7)
    with Session(two.engine) as s:
        assert not any(s.scalars(select(PrintRecord.reprint).where(PrintRecord.post_id == post)))
