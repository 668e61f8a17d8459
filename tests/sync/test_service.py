"""The review engine end to end, on an SQLite file and on a real PostgreSQL: claim, decide, push."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.core.items import ClaimedItem
from reviewer_app.core.messages import staff_text
from reviewer_app.core.policy import MB
from reviewer_app.journal import DecisionRefused, NotUndoable
from reviewer_app.shared_db.models import AuditEvent, Decision, Post, ServiceApplication, Strike, Suspension
from reviewer_app.supervision import catalogue
from reviewer_app.ui.desk.desk_data import first_to_review
from tests import factories
from tests.desk import Clock, Workstation, workstation


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture
def desk(engine: Engine, shared_url: str, tmp_path: Path) -> Iterator[Workstation]:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        fid = fac.id
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    yield ws
    ws.close()


def _count(engine: Engine, model: type, *where: object) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0  # type: ignore[arg-type]


def _setup_family(engine: Engine, desk: Workstation, strikes: int = 0, posts: int = 1) -> list[int]:
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        app = factories.family(s, fac, strikes=strikes)
        return [factories.post(s, app, submitted_at=factories.T0.replace(hour=h)).id for h in range(posts)]


def _suspended_family(s: Session, fac: factories.Facility) -> ServiceApplication:
    """A family whose right to post is suspended from the day before T0 for 30 days (P7)."""
    family = factories.family(s, fac)
    s.add(
        Suspension(
            facility_id=fac.id,
            service_id=family.id,
            block=1,
            starts_at=factories.T0 - timedelta(days=1),
            ends_at=factories.T0 + timedelta(days=30),
            origin_key="seed-suspension",
        )
    )
    return family


def test_approve_reaches_shared_database_exactly_once(engine: Engine, desk: Workstation) -> None:
    (post_id,) = _setup_family(engine, desk)
    assert desk.sync.pull().claimed == 1
    record = desk.decide("post", post_id, "approve")
    assert desk.journal.counts().waiting_to_sync == 1

    first = desk.sync.push()
    again = desk.sync.push()

    assert (first.applied, again.applied) == (1, 0)
    with Session(engine) as s:
        post = s.get(Post, post_id)
        assert post is not None and post.status == "approved" and post.version == 2
        assert post.claimed_by is None
        decisions = s.scalars(select(Decision).where(Decision.item_id == post_id)).all()
        assert [d.idempotency_key for d in decisions] == [record.key]
        actions = set(s.scalars(select(AuditEvent.action)))
    assert "decision" in actions
    assert desk.journal.counts().waiting_to_sync == 0


def test_blocking_findings_refuse_approval(engine: Engine, desk: Workstation) -> None:
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        app = factories.family(s, fac)
        long_post = factories.post(s, app, body="想" * 101).id
    desk.sync.pull()
    with pytest.raises(DecisionRefused) as refused:
        desk.decide("post", long_post, "approve")
    assert [f.rule_id for f in refused.value.findings] == ["P4"]
    assert desk.journal.counts().waiting_to_sync == 0


def test_third_strike_suspends_offline_and_survives_sync(engine: Engine, desk: Workstation) -> None:
    first, second = _setup_family(engine, desk, strikes=2, posts=2)
    desk.sync.pull()
    assert desk.journal.standing(desk.journal.items()[0].service_id, desk.clock()).strikes == 2

    record = desk.decide("post", first, "reject", "P4_TOO_LONG")

    # Before any sync: the suspension exists locally and the family's other post is held.
    assert record.strike is not None and record.suspension is not None
    assert record.suspension.ends_at.month == 12  # one month from 2026-11-02
    assert record.held_items == [("post", second)]
    held = desk.journal.item("post", second)
    assert held is not None and held.local_status == "held" and "暫停" in (held.held_reason or "")
    with pytest.raises(DecisionRefused) as refused:
        desk.decide("post", second, "approve")
    assert "P7" in [f.rule_id for f in refused.value.findings]

    desk.clock.advance(hours=3)  # synced later: the suspension still starts when it was decided
    assert desk.sync.push().applied == 1
    with Session(engine) as s:
        (suspension,) = s.scalars(select(Suspension)).all()
        assert suspension.starts_at == record.decided_at
        assert suspension.ends_at == record.suspension.ends_at
        assert s.scalar(select(Post.status).where(Post.id == second)) == "held"
        assert _count(engine, Strike) == 3


def test_each_pull_brings_a_familys_standing_up_to_date(engine: Engine, desk: Workstation) -> None:
    """A family the journal knows already: the next pull replaces its standing with the shared
    database's (a strike another workstation recorded meanwhile, then its dismissal)."""
    (post_id,) = _setup_family(engine, desk, strikes=1)
    desk.sync.pull()
    service_id = desk.journal.items()[0].service_id
    assert desk.journal.standing(service_id, desk.clock()).strikes == 1
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        old = factories.post(s, s.get(ServiceApplication, service_id), submitted_at=factories.T0)
        old.status = "rejected"
        s.flush()
        s.add(
            Strike(
                facility_id=fac.id,
                service_id=service_id,
                post_id=old.id,
                decision_key=f"elsewhere-{old.id}",
                reason_code="P4_TOO_LONG",
                created_at=factories.T0,
            )
        )
    desk.sync.pull()
    assert desk.journal.standing(service_id, desk.clock()).strikes == 2
    with Session(engine) as s, s.begin():
        for strike in s.scalars(select(Strike).where(Strike.service_id == service_id)):
            strike.dismissed_at = factories.T0
    desk.sync.pull()
    assert desk.journal.standing(service_id, desk.clock()).strikes == 0
    assert desk.journal.item("post", post_id) is not None


def test_non_strike_rejection_does_not_count(engine: Engine, desk: Workstation) -> None:
    first, _second = _setup_family(engine, desk, strikes=2, posts=2)
    desk.sync.pull()
    record = desk.decide("post", first, "reject", "E3_RESTRICTED")
    assert record.strike is None and record.suspension is None
    desk.sync.push()
    assert _count(engine, Strike) == 2
    assert _count(engine, Suspension) == 0


def test_undo_takes_back_strike_and_suspension_until_synced(engine: Engine, desk: Workstation) -> None:
    first, second = _setup_family(engine, desk, strikes=2, posts=2)
    desk.sync.pull()
    # A strike by the reviewer's judgement (P2): P3_WINDOW needs a window really used (R1).
    record = desk.decide("post", first, "reject", "P2_CONTENT")
    undone = desk.journal.undo(record.key, desk.username, desk.name, desk.clock())
    assert undone.key == record.key
    item_first, item_second = desk.journal.item("post", first), desk.journal.item("post", second)
    assert item_first is not None and item_first.local_status == "pending"
    assert item_second is not None and item_second.local_status == "pending"
    assert desk.journal.standing(item_first.service_id, desk.clock()).suspended_until is None

    again = desk.decide("post", first, "approve")
    desk.sync.push()
    with pytest.raises(NotUndoable):
        desk.journal.undo(again.key, desk.username, desk.name, desk.clock())
    assert _count(engine, Strike) == 2
    assert _count(engine, Decision) == 1
    with Session(engine) as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.occurred_at, AuditEvent.id)))
    assert actions.count("undo") == 1


def test_someone_else_decided_first_is_a_visible_conflict(
    engine: Engine, desk: Workstation, shared_url: str, tmp_path: Path
) -> None:
    (post_id,) = _setup_family(engine, desk)
    desk.sync.pull()
    other = workstation(
        shared_url, tmp_path, "ws-b", "ttd_rev1", desk.sync.who.facility_id, Clock(desk.clock())
    )
    try:
        # ws-a walks away: its lease runs out and ws-b claims the item.
        other.clock.advance(hours=2)
        assert other.sync.pull().claimed == 1
        theirs = other.decide("post", post_id, "reject", "P2_CONTENT")
        assert other.sync.push().applied == 1
        mine = desk.decide("post", post_id, "approve")
        result = desk.sync.push()
    finally:
        other.close()
    assert (result.applied, result.conflicts) == (0, 1)
    record = desk.journal.decision(mine.key)
    assert record is not None and record.state == "conflict"
    assert "ttd_rev1" in (record.conflict_reason or "")
    with Session(engine) as s:
        post = s.get(Post, post_id)
        assert post is not None and post.status == "rejected"
        assert [d.idempotency_key for d in s.scalars(select(Decision))] == [theirs.key]


def test_leases_keep_workstations_apart_and_expire(
    engine: Engine, desk: Workstation, shared_url: str, tmp_path: Path
) -> None:
    ids = _setup_family(engine, desk, posts=4)
    other = workstation(
        shared_url, tmp_path, "ws-b", "ttd_rev1", desk.sync.who.facility_id, Clock(desk.clock())
    )
    try:
        assert desk.sync.pull(batch=3).claimed == 3
        assert other.sync.pull(batch=3).claimed == 1
        mine = {i.item_id for i in desk.journal.items()}
        theirs = {i.item_id for i in other.journal.items()}
        assert not mine & theirs and mine | theirs == set(ids)
        with Session(engine) as s:
            holders = dict(s.execute(select(Post.id, Post.claimed_by)).all())
        assert {holders[i] for i in theirs} == {"ttd_rev1"}
        # A pull renews the lease of a reviewer at work; one who walked away loses the items.
        other.clock.advance(minutes=25)
        assert other.sync.pull(batch=10).claimed == 4
    finally:
        other.close()


def test_e4_second_service_for_inmate_conflicts(engine: Engine, desk: Workstation) -> None:
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        first = factories.family(s, fac, approved=False)
        second = factories.family(s, fac, approved=False)
        second.inmate = first.inmate
        second.call_number_entered = first.inmate.call_number
        ids = first.id, second.id
    desk.sync.pull()
    # Each application sees the other as a pending duplicate (warning, not blocking): approve both offline.
    desk.decide("application", ids[0], "approve")
    desk.decide("application", ids[1], "approve")
    result = desk.sync.push()
    assert (result.applied, result.conflicts) == (1, 1)
    with Session(engine) as s:
        statuses = sorted(s.scalars(select(ServiceApplication.status)))
    assert statuses == ["approved", "pending"]


def test_facility_threshold_and_suspension_length_come_from_the_facility(
    engine: Engine, shared_url: str, tmp_path: Path
) -> None:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, code="TYJ", strike_threshold=2, suspension_months=2)
        app = factories.family(s, fac, strikes=1)
        first = factories.post(s, app).id
        fid = fac.id
    ws = workstation(shared_url, tmp_path, "ws-j", "tyj_reviewer", fid)
    try:
        ws.sync.pull()
        record = ws.decide("post", first, "reject", "P5_PHOTO")
        assert record.suspension is not None
        assert (record.suspension.block, record.suspension.ends_at.month) == (1, 1)  # 2026-11-02 + 2 months
        ws.sync.push()
    finally:
        ws.close()
    with Session(engine) as s:
        suspension = s.scalars(select(Suspension)).one()
        assert suspension.ends_at == record.suspension.ends_at


def test_each_facility_reads_its_own_reasons_in_its_own_numbers(
    engine: Engine, shared_url: str, tmp_path: Path
) -> None:
    """R9/R11 (issue #18 case 7): a facility with a 7-day window, 20 MB photos and 2-month suspensions
    pulls its own catalogue worded with those numbers into the journal, and another facility's
    supervisor's edit is not in it."""
    with Session(engine) as s, s.begin():
        ttd = factories.facility(s, code="TTD")
        tyj = factories.facility(
            s, code="TYJ", post_window_days=7, photo_max_bytes=20 * MB, suspension_months=2
        )
        for fac in (ttd, tyj):
            factories.post(s, factories.family(s, fac))
        ids = {"TTD": ttd.id, "TYJ": tyj.id}
    p2 = next(r for r in catalogue.reasons(engine, Actor("ttd_supervisor", "supervisor", ids["TTD"], "w")))
    edited = replace(p2, text="臺東的主管改寫的原因。")
    catalogue.save_reason(
        engine, Actor("ttd_supervisor", "supervisor", ids["TTD"], "w"), edited, factories.T0
    )

    read: dict[str, dict[str, str]] = {}
    for code, fid in ids.items():
        ws = workstation(shared_url, tmp_path, f"ws-{code}", f"{code.lower()}_reviewer", fid)
        try:
            assert ws.sync.pull().claimed == 1
            read[code] = {c: r.text + r.suggestion for c, r in ws.journal.catalogue().items()}
        finally:
            ws.close()
    juvenile = read["TYJ"]
    assert "每 7 日限發佈 1 次" in juvenile["P3_WINDOW"] and "30 日" not in juvenile["P3_WINDOW"]
    assert "每張檔案不超過 20 MB" in juvenile["P5_PHOTO"] and "10 MB" not in juvenile["P5_PHOTO"]
    assert "發佈權限暫停 2 個月" in juvenile["P7_SUSPENDED"]
    assert not any("{" in words for words in juvenile.values())
    assert "每 30 日限發佈 1 次" in read["TTD"]["P3_WINDOW"]
    assert "暫停 1 個月" in read["TTD"]["P7_SUSPENDED"]
    assert read["TTD"][p2.code].startswith("臺東的主管改寫的原因。")
    assert "臺東的主管" not in juvenile[p2.code]
    assert {"E1_ENDED", "UPLOAD_DAMAGED"} <= set(juvenile)


def test_releasing_a_claim_returns_it_to_the_queue_and_is_audited(
    engine: Engine, desk: Workstation, shared_url: str, tmp_path: Path
) -> None:
    (post_id,) = _setup_family(engine, desk)
    desk.sync.pull()
    desk.sync.release("post", post_id)
    assert desk.journal.items() == []
    other = workstation(
        shared_url, tmp_path, "ws-b", "ttd_rev1", desk.sync.who.facility_id, Clock(desk.clock())
    )
    try:
        assert other.sync.pull().claimed == 1  # at once, without waiting for the lease to run out
    finally:
        other.close()
    desk.sync.push()
    with Session(engine) as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "claim_release")).one()
    assert (event.item_kind, event.item_id, event.staff_username) == ("post", post_id, "ttd_reviewer")


def test_held_items_do_not_use_up_the_batch(engine: Engine, desk: Workstation) -> None:
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        family = _suspended_family(s, fac)  # the suspension holds the family's post
        held = factories.post(s, family)
        held.status = "held"
        held.held_reason = "家屬發佈權限暫停（P7）"
    assert desk.sync.pull(batch=2).held == 1
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        newer = [factories.post(s, factories.family(s, fac)).id for _ in range(3)]
    desk.sync.pull(batch=2)
    pending = [i.item_id for i in desk.journal.items() if i.local_status == "pending"]
    assert len(pending) == 2 and set(pending) <= set(newer)


def test_one_item_changed_underneath_does_not_hold_back_the_rest_of_the_push(
    engine: Engine, desk: Workstation
) -> None:
    posts = [post for _ in range(4) for post in _setup_family(engine, desk)]
    assert desk.sync.pull().claimed == 4
    records = [desk.decide("post", post_id, "approve") for post_id in posts]
    with Session(engine) as s, s.begin():  # decided elsewhere meanwhile (an administrator's fix)
        changed = s.get(Post, posts[2])
        assert changed is not None
        changed.status, changed.version = "rejected", changed.version + 1

    result = desk.sync.push()

    assert (result.applied, result.conflicts) == (3, 1)
    with Session(engine) as s:
        statuses = {p.id: (p.status, p.version) for p in s.scalars(select(Post))}
        applied = set(s.scalars(select(Decision.idempotency_key)))
        audited = set(s.scalars(select(AuditEvent.item_id).where(AuditEvent.action == "decision")))
    assert statuses == {
        posts[0]: ("approved", 2),
        posts[1]: ("approved", 2),
        posts[2]: ("rejected", 2),
        posts[3]: ("approved", 2),
    }
    assert applied == {r.key for i, r in enumerate(records) if i != 2}
    assert {posts[0], posts[1], posts[3]} <= audited
    conflict = desk.journal.decision(records[2].key)
    assert conflict is not None and conflict.state == "conflict"


def hours_before(hours: int) -> datetime:
    return factories.T0 - timedelta(hours=hours)


def test_a_pull_names_the_first_item_to_review_before_storing_it(engine: Engine, desk: Workstation) -> None:
    """``on_claimed`` (the desk's head start on the first photo) hears of the claimed items before
    the journal has them, and ``first_to_review`` passes over an older post a suspension holds (P7),
    as the queue does. A listener that fails leaves the pull as it was."""
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        suspended = _suspended_family(s, fac)
        held_post = factories.post(s, suspended, submitted_at=hours_before(3)).id
        first_post = factories.post(s, factories.family(s, fac), submitted_at=hours_before(2)).id
        factories.post(s, factories.family(s, fac), submitted_at=hours_before(1))
    heard: list[tuple[int | None, int]] = []

    def listener(snapshots: list[ClaimedItem], families: list[object], now: object) -> None:
        first = first_to_review(snapshots, families, desk.clock())  # type: ignore[arg-type]
        heard.append((first.id if first and first.kind == "post" else None, len(desk.journal.items())))

    desk.sync.on_claimed = listener
    desk.sync.pull()
    posts = {i.item_id for i in desk.journal.items() if i.kind == "post"}
    assert held_post in posts and first_post in posts
    assert heard == [(first_post, 0)]  # the right item, before the journal had any

    def failing(*_args: object) -> None:
        raise RuntimeError("a listener that fails")

    desk.sync.on_claimed = failing
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        newest = factories.post(s, factories.family(s, fac)).id
    desk.sync.pull()
    assert newest in {i.item_id for i in desk.journal.items() if i.kind == "post"}


def test_suspension_end_is_shown_as_the_taipei_date(engine: Engine, shared_url: str, tmp_path: Path) -> None:
    """A third strike decided at 07:00 in Taipei (23:00 UTC the day before): the P7 finding on the
    family's other post names the same day as the hold reason and the shared database, Taipei's."""
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac, strikes=2)
        first = factories.post(s, app, submitted_at=factories.T0.replace(hour=0)).id
        second = factories.post(s, app, submitted_at=factories.T0.replace(hour=1)).id
        fid = fac.id
    early = Clock(datetime(2026, 11, 1, 23, 0, tzinfo=UTC))  # 2026-11-02 07:00 in Taipei
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid, early)
    try:
        ws.sync.pull()
        ws.decide("post", first, "reject", "P4_TOO_LONG")
        held = ws.journal.item("post", second)
        assert held is not None and "2026/12/02" in (held.held_reason or "")
        (p7,) = [f for f in ws.journal.findings("post", second, early()) if f.rule_id == "P7"]
        assert staff_text(p7.code, p7.values) == "家屬發佈權限暫停至 2026/12/01（含），2026/12/02 起恢復審核"
        ws.sync.push()
        ws.sync.pull()
        (p7,) = [f for f in ws.journal.findings("post", second, early()) if f.rule_id == "P7"]
        assert staff_text(p7.code, p7.values) == "家屬發佈權限暫停至 2026/12/01（含），2026/12/02 起恢復審核"
    finally:
        ws.close()


@pytest.mark.parametrize("how", ["ended", "lifted"])
def test_a_strike_after_the_suspension_is_over_holds_nothing(
    engine: Engine, shared_url: str, tmp_path: Path, how: str
) -> None:
    """The family served (or was let off) its suspension: a fourth strike, still in the same block of
    three, must not hold the family's other posts again under that old suspension, and another
    workstation's approval of one of them goes through."""
    t0 = factories.T0
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac, strikes=3)
        over = Suspension(
            facility_id=fac.id,
            service_id=app.id,
            block=1,
            origin_key="earlier",
            starts_at=t0 - timedelta(days=60),
            ends_at=t0 - timedelta(days=29),
        )
        if how == "lifted":
            over.ends_at = t0 + timedelta(days=20)
            over.lifted_at, over.lifted_by = t0 - timedelta(days=1), "ttd_supervisor"
            over.lift_reason = "已改善"
        s.add(over)
        first = factories.post(s, app, submitted_at=t0 - timedelta(days=31)).id
        second = factories.post(s, app, submitted_at=t0.replace(hour=0)).id
        fid = fac.id
    a = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    b = workstation(shared_url, tmp_path, "ws-b", "ttd_rev1", fid)
    try:
        assert a.sync.pull(batch=1).claimed == 1 and b.sync.pull(batch=1).claimed == 1
        assert a.journal.item("post", first) is not None and b.journal.item("post", second) is not None
        fourth = a.decide("post", first, "reject", "P4_TOO_LONG")
        assert fourth.strike is not None and fourth.suspension is None
        approval = b.decide("post", second, "approve")
        assert a.sync.push().applied == 1
        with Session(engine) as s:
            assert s.scalar(select(Post.status).where(Post.id == second)) == "pending"
        assert (b.sync.push().applied, b.journal.decision(approval.key).state) == (1, "synced")
        assert _count(engine, Post, Post.id == second, Post.status == "approved") == 1
    finally:
        a.close()
        b.close()


def test_a_post_rejected_here_does_not_use_up_the_window(engine: Engine, desk: Workstation) -> None:
    """P3: a rejected post does not use up the 30 days. The family's earlier post, rejected on this
    workstation and not yet synced, no longer blocks the later one (nor after the undo is undone)."""
    t0 = factories.T0
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        app = factories.family(s, fac)
        earlier = factories.post(s, app, body="想" * 120, submitted_at=t0 - timedelta(days=10)).id
        later = factories.post(s, app, submitted_at=t0).id
    desk.sync.pull()

    def p3_blocks() -> bool:
        return any(f.rule_id == "P3" and f.blocks for f in desk.journal.findings("post", later, desk.clock()))

    assert p3_blocks()  # 10 days after a post still waiting for its review
    rejected = desk.decide("post", earlier, "reject", "P4_TOO_LONG")
    assert not p3_blocks()
    desk.decide("post", later, "approve")  # refused before the fix: P3_WINDOW
    undo_later = desk.journal.last_undoable(desk.username)
    assert undo_later is not None
    desk.journal.undo(undo_later.key, desk.username, desk.name, desk.clock())
    desk.journal.undo(rejected.key, desk.username, desk.name, desk.clock())
    assert p3_blocks()  # the earlier post is waiting again: it counts again
    desk.decide("post", earlier, "reject", "P4_TOO_LONG")
    desk.sync.push()
    desk.sync.pull()
    assert not p3_blocks()


def test_a_push_applies_its_decisions_in_the_order_they_were_made(
    engine: Engine, shared_url: str, tmp_path: Path
) -> None:
    """Workstation A's rejection turns out to be the family's third strike (B's second arrived
    meanwhile), and A approved the family's next post five minutes later. Pushed together, as pushes
    do, the approval must meet the suspension that began before it, exactly as when pushed alone."""
    t0 = factories.T0
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac, strikes=1)
        oldest = factories.post(s, app, submitted_at=t0 - timedelta(days=70)).id
        older = factories.post(s, app, submitted_at=t0 - timedelta(days=35)).id
        newest = factories.post(s, app, submitted_at=t0).id
        fid = fac.id
    b = workstation(shared_url, tmp_path, "ws-b", "ttd_rev1", fid)
    a = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    try:
        b.sync.pull(batch=1)
        a.sync.pull(batch=2)
        assert b.journal.item("post", oldest) is not None
        b.decide("post", oldest, "reject", "P4_TOO_LONG")
        b.sync.push()  # the family's second strike
        third = a.decide("post", older, "reject", "P4_TOO_LONG")
        assert third.suspension is None  # A still knows of two strikes only
        a.clock.advance(minutes=5)
        approval = a.decide("post", newest, "approve")

        result = a.sync.push()  # both in one batch

        assert (result.applied, result.conflicts) == (1, 1)
        assert a.journal.decision(approval.key).state == "conflict"  # type: ignore[union-attr]
        with Session(engine) as s:
            assert s.scalar(select(Post.status).where(Post.id == newest)) == "held"
            (suspension,) = s.scalars(select(Suspension)).all()
            assert suspension.starts_at == third.decided_at < approval.decided_at
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("how", ["lifted", "ended"])
def test_held_posts_are_released_when_the_suspension_is_over(
    engine: Engine, desk: Workstation, how: str
) -> None:
    """The third strike, decided here, holds the family's other post. Once the suspension is over (a
    supervisor lifted it elsewhere, or its month has passed), the next pull shows that post as waiting
    for review again, without the old hold reason, and it can be approved."""
    first, second = _setup_family(engine, desk, strikes=2, posts=2)
    desk.sync.pull()
    desk.decide("post", first, "reject", "P4_TOO_LONG")
    desk.sync.push()
    desk.sync.pull()
    held = desk.journal.item("post", second)
    assert held is not None and held.local_status == "held" and "暫停" in (held.held_reason or "")

    if how == "lifted":
        with Session(engine) as s, s.begin():
            (suspension,) = s.scalars(select(Suspension)).all()
            suspension.lifted_at, suspension.lifted_by = desk.clock(), "ttd_supervisor"
            suspension.lift_reason = "家屬已改善"
    else:
        desk.clock.advance(days=32)
    named: list[int] = []
    desk.sync.on_claimed = lambda snapshots, families, now: named.extend(
        [first.id] if (first := first_to_review(snapshots, families, now)) else []
    )
    desk.sync.pull()

    assert named == [second]  # the desk's head start picks what its queue will select
    released = desk.journal.item("post", second)
    assert released is not None and (released.local_status, released.held_reason) == ("pending", None)
    assert desk.decide("post", second, "approve").outcome == "approve"
