"""A family's strikes and suspensions on every path, with two workstations on one shared database
(SQLite file and real PostgreSQL): issue #18 cases 2, 3, 5, 10 and 12, rulings R2, R3, R4, R10."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.core.items import SharedStanding
from reviewer_app.journal.errors import NotPermitted
from reviewer_app.shared_db.models import AuditEvent, Decision, Post, Staff, Strike, Suspension
from reviewer_app.supervision import strikes as supervisor
from reviewer_app.supervision.families import family_on_record
from reviewer_app.sync import pull
from tests import factories
from tests.desk import Clock, Workstation, workstation

T0 = factories.T0
TOO_LONG = "太長" * 60


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture
def pair(engine: Engine, shared_url: str, tmp_path: Path) -> Iterator[tuple[Workstation, Workstation]]:
    """Workstations A and B of one facility, each with its own clock and journal."""
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    a = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid, Clock())
    b = workstation(shared_url, tmp_path, "ws-b", "ttd_rev1", fid, Clock())
    yield a, b
    a.close()
    b.close()


def _family(engine: Engine, strikes: int, *post_days: int) -> tuple[int, list[int]]:
    """A family with ``strikes`` earlier strikes and pending posts submitted ``post_days`` before T0
    (oldest first: a pull of one claims the oldest)."""
    with Session(engine) as s, s.begin():
        fac = s.scalars(select(factories.Facility)).first()
        assert fac is not None
        app = factories.family(s, fac, strikes=strikes)
        posts = [
            factories.post(s, app, body=TOO_LONG, submitted_at=T0 - timedelta(days=d)).id for d in post_days
        ]
        return app.id, posts


def _fits(engine: Engine, post_id: int) -> None:
    """The post's text within the limit, so that it may be approved."""
    with Session(engine) as s, s.begin():
        s.execute(update(Post).where(Post.id == post_id).values(body="孩子很好，我們都想你。"))


def _standing(engine: Engine, service_id: int, at_minutes: float = 0) -> tuple[int, int]:
    """(live strikes, suspensions) as the shared database's record replays."""
    with Session(engine) as s:
        (family,) = pull.families(s, [service_id], T0)
    record = family.replayed(T0 + timedelta(minutes=at_minutes))
    return record.live_count, len(record.cycles)


def _count(engine: Engine, model: type, *where: object) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0  # type: ignore[arg-type]


def test_two_workstations_each_give_a_strike_and_both_count(
    engine: Engine, pair: tuple[Workstation, Workstation]
) -> None:
    """Case 2 (R3): at two strikes, A and B each reject a post. A's push suspends the family and holds
    B's post; B's rejection, made before it knew, still applies as the fourth strike, and the one
    suspension is in the audit trail once."""
    a, b = pair
    service_id, (first, second) = _family(engine, 2, 20, 10)
    assert a.sync.pull(batch=1).claimed == 1 and b.sync.pull(batch=1).claimed == 1
    a.clock.advance(minutes=1)
    b.clock.advance(minutes=2)
    assert a.decide("post", first, "reject", "P4_TOO_LONG").suspension is not None
    b.decide("post", second, "reject", "P4_TOO_LONG")

    assert a.sync.push().applied == 1
    with Session(engine) as s:
        assert s.scalar(select(Post.status).where(Post.id == second)) == "held"
    pushed = b.sync.push()

    assert (pushed.applied, pushed.conflicts) == (1, 0)
    assert _count(engine, Strike, Strike.service_id == service_id) == 4
    assert _count(engine, Suspension, Suspension.service_id == service_id) == 1
    assert _count(engine, AuditEvent, AuditEvent.action == "suspension") == 1
    assert _standing(engine, service_id, 3) == (1, 1)  # "1/3" of the next cycle, one suspension
    with Session(engine) as s:
        (suspension,) = s.scalars(select(Suspension)).all()
        assert suspension.starts_at == T0 + timedelta(minutes=1)  # R4: the third strike's time


def test_a_mistaken_third_strike_dismissed_then_the_next_real_one_suspends(
    engine: Engine, pair: tuple[Workstation, Workstation]
) -> None:
    """Case 3 (R2): strikes 1-2, a mistaken third suspends; the supervisor dismisses it, which ends the
    suspension (recorded as lifted) and leaves 2/3; the next real third strike suspends again."""
    a, _ = pair
    service_id, (mistaken, later) = _family(engine, 2, 20, 5)
    a.sync.pull(batch=1)
    a.decide("post", mistaken, "reject", "P4_TOO_LONG")
    a.sync.push()
    assert _standing(engine, service_id) == (0, 1)

    boss = Actor("ttd_supervisor", "supervisor", a.sync.who.facility_id, "ws-sup")
    with Session(engine) as s:
        strike_id = s.scalar(select(Strike.id).where(Strike.post_id == mistaken))
    assert strike_id is not None
    supervisor.dismiss_strike(engine, boss, strike_id, "其實未超過字數", T0 + timedelta(hours=1))

    with Session(engine) as s:
        (row,) = s.scalars(select(Suspension)).all()
        assert row.lifted_at is not None and "其實未超過字數" in (row.lift_reason or "")
    assert _standing(engine, service_id, 61) == (2, 1)  # 2/3 again, the suspension over

    a.clock.advance(hours=2)
    a.sync.pull()
    record = a.decide("post", later, "reject", "P4_TOO_LONG")
    assert record.suspension is not None  # the reject dialog's promise is kept
    a.sync.push()
    assert _count(engine, Suspension, Suspension.service_id == service_id) == 2
    live, suspensions = _standing(engine, service_id, 121)
    assert (live, suspensions) == (0, 2)


def test_a_decided_item_keeps_its_lease_until_it_syncs(
    engine: Engine, pair: tuple[Workstation, Workstation]
) -> None:
    """Case 5 (R10): A's third-strike rejection waits to sync; A's next pull renews its lease, so B
    cannot claim and approve the post 21 minutes later, and A's push applies strike and suspension."""
    a, b = pair
    service_id, (post_id,) = _family(engine, 2, 3)
    a.sync.pull()
    a.decide("post", post_id, "reject", "P4_TOO_LONG")
    a.clock.advance(minutes=15)
    a.sync.pull()
    b.clock.advance(minutes=21)
    assert b.sync.pull().claimed == 0

    assert a.sync.push().applied == 1
    with Session(engine) as s:
        assert s.scalar(select(Post.status).where(Post.id == post_id)) == "rejected"
    assert _standing(engine, service_id, 22) == (0, 1)


def test_only_active_reviewers_and_supervisors_decide(
    engine: Engine, pair: tuple[Workstation, Workstation], shared_url: str, tmp_path: Path
) -> None:
    """Case 10 (R10): a counsellor, a disabled reviewer and an unknown name are refused by the journal;
    a decision by a reviewer disabled before the push is a visible conflict, not applied."""
    a, _ = pair
    _, (first, second) = _family(engine, 0, 9, 8)
    a.sync.pull()
    for name in ("ttd_counsellor", "nobody"):
        a.username = name
        with pytest.raises(NotPermitted):
            a.decide("post", first, "reject", "P4_TOO_LONG")
    a.username = "ttd_reviewer"
    decided = a.decide("post", first, "reject", "P4_TOO_LONG")
    with Session(engine) as s, s.begin():
        s.execute(update(Staff).where(Staff.username == "ttd_reviewer").values(active=False))
    pushed = a.sync.push()
    assert (pushed.applied, pushed.conflicts) == (0, 1)
    assert "權限" in (a.journal.decision(decided.key).conflict_reason or "")  # type: ignore[union-attr]
    assert _count(engine, Decision) == 0
    a.sync.pull()  # the journal now knows too
    with pytest.raises(NotPermitted):
        a.decide("post", second, "reject", "P4_TOO_LONG")


def test_a_suspension_dated_back_lists_the_post_approved_inside_it(
    engine: Engine, pair: tuple[Workstation, Workstation]
) -> None:
    """Case 12 (R4): A's offline third strike at 09:01 reaches the shared database after B approved the
    family's other post at 09:05: the suspension starts at 09:01, the approval stands, and the
    supervisor sees that post listed on the suspension."""
    a, b = pair
    service_id, (first, second) = _family(engine, 2, 40, 3)
    _fits(engine, second)
    a.sync.pull(batch=1)
    b.sync.pull(batch=1)
    a.clock.advance(minutes=1)
    a.decide("post", first, "reject", "P4_TOO_LONG")
    b.clock.advance(minutes=5)
    b.decide("post", second, "approve")
    assert b.sync.push().applied == 1
    a.clock.advance(minutes=10)
    assert a.sync.push().applied == 1

    with Session(engine) as s:
        assert s.scalar(select(Post.status).where(Post.id == second)) == "approved"
    boss = Actor("ttd_supervisor", "supervisor", a.sync.who.facility_id, "ws-sup")
    family = family_on_record(engine, boss, service_id, T0 + timedelta(minutes=12))
    assert family is not None
    (suspension,) = family.suspensions
    assert suspension.starts_at == T0 + timedelta(minutes=1)
    assert suspension.approved_inside == (second,)
    assert suspension.running and family.live_strikes == 0


@pytest.mark.parametrize("approved_first", [True, False])
def test_an_approval_made_before_the_suspension_was_known(
    engine: Engine, pair: tuple[Workstation, Workstation], approved_first: bool
) -> None:
    """R3: the post B approved is held by A's suspension when B's approval arrives. Made before the
    suspension's start it stands; made after, it is overtaken, visibly, and the post waits."""
    a, b = pair
    _, (first, second) = _family(engine, 2, 40, 3)
    _fits(engine, second)
    a.sync.pull(batch=1)
    b.sync.pull(batch=1)
    a.clock.advance(minutes=2 if approved_first else 1)
    b.clock.advance(minutes=1 if approved_first else 2)
    b.decide("post", second, "approve")
    a.decide("post", first, "reject", "P4_TOO_LONG")
    a.sync.push()
    with Session(engine) as s:
        assert s.scalar(select(Post.status).where(Post.id == second)) == "held"

    pushed = b.sync.push()

    with Session(engine) as s:
        status = s.scalar(select(Post.status).where(Post.id == second))
    if approved_first:
        assert (pushed.applied, status) == (1, "approved")
    else:
        assert (pushed.conflicts, status) == (1, "held")
        (conflict,) = pushed.conflicted
        assert "停權" in (conflict.conflict_reason or "") and "內容已變更" not in (
            conflict.conflict_reason or ""
        )


def test_the_shared_record_replays_the_same_after_a_round_trip() -> None:
    """What the pull takes home (SharedStanding as JSON in the journal) replays as it left."""
    record = SharedStanding(1, 1, 3, 1)
    strikes, recorded = SharedStanding.facts_from_json(record.to_json())
    assert (strikes, recorded) == ((), ())
