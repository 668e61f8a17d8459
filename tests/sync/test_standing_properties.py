"""Property tests of a family's standing (issue #18): strikes decided on two or three workstations and
pushed in random orders, then dismissals, lifts and the passing of time, end in the same shared
standing as deciding them in decision-time order on one workstation, and never read "N/3" with N > 3.

Real parts: each example builds two shared SQLite files (the workstations' world and the reference
world) and real journals; hypothesis chooses the times, the workstations and the push order."""

from __future__ import annotations

import itertools
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.core.strike_cycles import StrikeFact, replay
from reviewer_app.shared_db.models import Strike, Suspension
from reviewer_app.supervision import strikes as supervisor
from reviewer_app.supervision import suspensions as lifting
from reviewer_app.sync import pull
from tests import factories
from tests.desk import Clock, Workstation, workstation

T0 = factories.T0
REVIEWERS = ("ttd_reviewer", "ttd_rev1", "ttd_rev2")
_names = itertools.count()


@dataclass(frozen=True)
class Story:
    minutes: tuple[int, ...]  # each post's decision time, minutes after T0 (distinct)
    desks: tuple[int, ...]  # which workstation decides each post
    pushes: tuple[frozenset[int], ...]  # after each decision (in time order), who pushes
    dismiss: tuple[int, ...]  # posts (by index) whose strikes the supervisor dismisses afterwards
    lift: bool  # then the supervisor lifts the running suspension, if any
    later_days: int  # and the standing is read this many days later


@st.composite
def stories(draw: st.DrawFn) -> Story:
    n = draw(st.integers(3, 7))
    minutes = tuple(draw(st.lists(st.integers(0, 600), min_size=n, max_size=n, unique=True)))
    desks = tuple(draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)))
    pushes = tuple(frozenset(draw(st.sets(st.integers(0, 2)))) for _ in range(n))
    dismiss = tuple(draw(st.lists(st.integers(0, n - 1), max_size=2, unique=True)))
    return Story(minutes, desks, pushes, dismiss, draw(st.booleans()), draw(st.integers(0, 40)))


def _world(folder: Path) -> tuple[Engine, str, int, int, list[int]]:
    url = f"sqlite:///{folder / f'shared-{next(_names)}.sqlite3'}"
    engine = factories.shared_engine(url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        posts = [
            factories.post(s, app, body="太長" * 60, submitted_at=T0 - timedelta(days=90 - i)).id
            for i in range(8)
        ]
        return engine, url, fac.id, app.id, posts


def _outcome(engine: Engine, service_id: int, posts: list[int], at_days: int) -> tuple[object, ...]:
    """The shared standing as the supervisor reads it: live strikes (by post), each suspension with
    its dates, lift and the posts whose strikes it spent."""
    with Session(engine) as s:
        (family,) = pull.families(s, [service_id], T0)
    record = family.replayed(T0 + timedelta(days=at_days, hours=12))
    index = {p: i for i, p in enumerate(posts)}
    return (
        tuple(sorted(index[record.strikes[k].post_id] for k in record.live)),
        tuple(
            (
                c.number,
                c.starts_at,
                c.ends_at,
                c.lifted_at is not None,
                tuple(index[record.strikes[k].post_id] for k in c.spent),
            )
            for c in record.cycles
        ),
        record.suspended_until,
        record.live_count,
    )


def _supervise(engine: Engine, fid: int, service_id: int, posts: list[int], story: Story) -> None:
    boss = Actor("ttd_supervisor", "supervisor", fid, "ws-sup")
    when = T0 + timedelta(hours=11)
    with Session(engine) as s:
        strike_ids = {
            post_id: strike_id for post_id, strike_id in s.execute(select(Strike.post_id, Strike.id))
        }
    for n, i in enumerate(story.dismiss):
        supervisor.dismiss_strike(engine, boss, strike_ids[posts[i]], "誤判", when + timedelta(minutes=n))
    if story.lift:
        with Session(engine) as s:
            running = s.scalar(
                select(Suspension.id).where(
                    Suspension.service_id == service_id,
                    Suspension.lifted_at.is_(None),
                    Suspension.starts_at <= when,
                    Suspension.ends_at > when,
                )
            )
        if running is not None:
            lifting.lift_suspension(engine, boss, running, "家屬已說明", when + timedelta(minutes=5))


def _decide(desk: Workstation, post_id: int, minute: int) -> None:
    desk.clock.now = T0 + timedelta(minutes=minute)
    desk.decide("post", post_id, "reject", "P4_TOO_LONG")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story=stories())
def test_pushed_in_any_order_the_standing_is_as_if_decided_in_time_order(story: Story) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = len(story.minutes)
        order = sorted(range(n), key=lambda i: story.minutes[i])
        # A pull claims the oldest posts: workstation 0 takes its posts first, then 1, then 2.
        by_age = sorted(range(n), key=lambda i: (story.desks[i], i))
        post_of = {i: by_age.index(i) for i in range(n)}

        # Two or three workstations, each holding its own posts, pushing when the story says.
        engine, url, fid, service_id, posts = _world(folder)
        desks = [workstation(url, folder, f"ws-{d}", REVIEWERS[d], fid, Clock()) for d in range(3)]
        try:
            for d, desk in enumerate(desks):
                mine = [posts[post_of[i]] for i in range(n) if story.desks[i] == d]
                desk.sync.pull(batch=len(mine)) if mine else None
                assert {i.item_id for i in desk.journal.items()} == set(mine)
            for step, i in enumerate(order):
                _decide(desks[story.desks[i]], posts[post_of[i]], story.minutes[i])
                for d in sorted(story.pushes[step]):
                    desks[d].clock.now = T0 + timedelta(minutes=story.minutes[i])
                    desks[d].sync.push()
            for desk in desks:
                desk.clock.now = T0 + timedelta(hours=10)
                assert desk.sync.push().conflicts == 0
            _supervise(engine, fid, service_id, [posts[post_of[i]] for i in range(n)], story)
            spread = _outcome(engine, service_id, posts, story.later_days)
        finally:
            for desk in desks:
                desk.close()
            engine.dispose()

        # The reference: one workstation deciding in decision-time order, pushing each at once.
        engine, url, fid, service_id, posts = _world(folder)
        one = workstation(url, folder, "ws-one", "ttd_reviewer", fid, Clock())
        try:
            one.sync.pull(batch=n)
            for i in order:
                _decide(one, posts[post_of[i]], story.minutes[i])
                one.sync.push()
            _supervise(engine, fid, service_id, [posts[post_of[i]] for i in range(n)], story)
            reference = _outcome(engine, service_id, posts, story.later_days)
        finally:
            one.close()
            engine.dispose()

    assert spread == reference
    live_count = spread[-1]
    assert isinstance(live_count, int) and 0 <= live_count < 3  # never "N/3" with N >= 3


@given(
    times=st.lists(st.integers(0, 10_000), min_size=0, max_size=12, unique=True),
    dismissed=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 20_000)), max_size=4),
    threshold=st.integers(1, 4),
)
def test_the_replay_never_reads_above_the_threshold(
    times: list[int], dismissed: list[tuple[int, int]], threshold: int
) -> None:
    """Whatever the strikes and dismissals, the live count stays below the threshold and every
    suspension spent exactly the threshold's number of strikes."""
    gone = {i: at for i, at in dismissed if i < len(times) and at >= times[i]}
    strikes = [
        StrikeFact(
            f"k{i}",
            i,
            T0 + timedelta(minutes=m),
            T0 + timedelta(minutes=gone[i]) if i in gone else None,
            "誤判" if i in gone else None,
        )
        for i, m in enumerate(times)
    ]
    record = replay(strikes, threshold, 1, T0 + timedelta(days=400))
    assert 0 <= record.live_count < threshold
    assert all(len(c.spent) == threshold for c in record.cycles)
    assert [c.number for c in record.cycles] == list(range(1, len(record.cycles) + 1))
