"""R1 end to end (issue #18, case 1): P3's window counts from the family's last approved post; a later
post inside the window of an earlier one still waiting for its review waits (no strike) until that one
is decided, on two workstations sharing an SQLite file or a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.core.messages import staff_text
from reviewer_app.core.rules import Finding
from reviewer_app.journal import DecisionRefused
from reviewer_app.shared_db.models import Post, Strike, Suspension
from tests import factories
from tests.desk import Workstation, workstation


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@dataclass
class Story:
    a: Workstation
    b: Workstation
    service_id: int
    earlier: int  # ten days before the later post, its body too long (P4)
    later: int


TOO_LONG = "想" * 120  # P4: the earlier post is rejected for its length


@pytest.fixture
def stories(engine: Engine, shared_url: str, tmp_path: Path) -> Iterator[Callable[[str], Story]]:
    """A family at one strike; workstation A holds its earlier post (pending), B the later one."""
    made: list[Story] = []

    def story(earlier_body: str = TOO_LONG) -> Story:
        t0 = factories.T0
        with Session(engine) as s, s.begin():
            fac = factories.facility(s)
            app = factories.family(s, fac, strikes=1)
            earlier = factories.post(s, app, body=earlier_body, submitted_at=t0 - timedelta(days=10)).id
            later = factories.post(s, app, submitted_at=t0).id
            fid, service_id = fac.id, app.id
        a = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
        b = workstation(shared_url, tmp_path, "ws-b", "ttd_rev1", fid)
        made.append(Story(a, b, service_id, earlier, later))
        assert a.sync.pull(batch=1).claimed == 1 and b.sync.pull(batch=1).claimed == 1
        assert a.journal.item("post", earlier) is not None and b.journal.item("post", later) is not None
        return made[-1]

    yield story
    for done in made:
        done.a.close()
        done.b.close()


def blocking(ws: Workstation, post_id: int) -> list[Finding]:
    return [f for f in ws.journal.findings("post", post_id, ws.clock()) if f.blocks]


def live_strikes(engine: Engine, service_id: int) -> int:
    with Session(engine) as s:
        where = (Strike.service_id == service_id, Strike.dismissed_at.is_(None))
        return s.scalar(select(func.count()).select_from(Strike).where(*where)) or 0


def test_a_later_post_waits_for_the_earlier_one_and_a_rejection_frees_the_window(
    engine: Engine, stories: Callable[[str], Story]
) -> None:
    story = stories(TOO_LONG)
    a, b = story.a, story.b
    (wait,) = blocking(b, story.later)
    assert (wait.code, wait.held, wait.reason_code) == ("P3_WAIT", True, None)
    assert f"#{story.earlier}" in staff_text(wait.code, wait.values)

    rejected = a.decide("post", story.earlier, "reject", "P4_TOO_LONG")
    assert rejected.strike is not None and rejected.suspension is None
    assert a.sync.push().applied == 1
    b.sync.pull()

    assert blocking(b, story.later) == []  # judged normally now: no P3 at all
    b.decide("post", story.later, "approve")
    assert b.sync.push().applied == 1
    assert live_strikes(engine, story.service_id) == 2
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Suspension)) == 0
        assert s.scalar(select(Post.status).where(Post.id == story.later)) == "approved"


def test_a_window_never_used_cannot_be_a_strike(engine: Engine, stories: Callable[[str], Story]) -> None:
    """The issue's story: B offered P3_WINDOW while A still held the earlier post; A's rejection for P4
    then made three strikes and a suspension. Now B cannot reject for P3 while the earlier one waits."""
    story = stories(TOO_LONG)
    with pytest.raises(DecisionRefused) as refused:
        story.b.decide("post", story.later, "reject", "P3_WINDOW")
    assert refused.value.code == "REJECTION_WINDOW_UNUSED"
    assert "發佈間隔" in str(refused.value)
    assert [f.code for f in refused.value.findings] == ["P3_WAIT"]  # why: it waits for the earlier post
    with pytest.raises(DecisionRefused) as blocked:
        story.b.decide("post", story.later, "approve")
    assert [f.code for f in blocked.value.findings] == ["P3_WAIT"]
    assert story.b.journal.counts().waiting_to_sync == 0

    story.a.decide("post", story.earlier, "reject", "P4_TOO_LONG")
    story.a.sync.push()
    story.b.sync.pull()
    with pytest.raises(DecisionRefused) as unfounded:  # freed by the rejection: still no P3 breach
        story.b.decide("post", story.later, "reject", "P3_WINDOW")
    assert unfounded.value.findings == []
    assert live_strikes(engine, story.service_id) == 2


def test_once_the_earlier_post_is_approved_the_later_one_breaks_the_window(
    engine: Engine, stories: Callable[[str], Story]
) -> None:
    story = stories("孩子上週參加校外教學，玩得很開心。")
    story.a.decide("post", story.earlier, "approve")
    story.a.sync.push()
    story.b.sync.pull()

    (breach,) = blocking(story.b, story.later)
    assert (breach.code, breach.held, breach.reason_code) == ("P3_WINDOW", False, "P3_WINDOW")
    struck = story.b.decide("post", story.later, "reject", "P3_WINDOW")
    assert struck.strike is not None
    story.b.sync.push()
    assert live_strikes(engine, story.service_id) == 2


def test_decisions_here_not_synced_yet_count_for_the_window(
    engine: Engine, shared_url: str, tmp_path: Path
) -> None:
    """One workstation holds both posts: approving the earlier one here uses up the window at once;
    undone, the later post waits again; rejected here, the window is free."""
    t0 = factories.T0
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        earlier = factories.post(s, app, submitted_at=t0 - timedelta(days=10)).id
        later = factories.post(s, app, submitted_at=t0).id
        fid = fac.id
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    try:
        ws.sync.pull()
        assert [f.code for f in blocking(ws, later)] == ["P3_WAIT"]
        approval = ws.decide("post", earlier, "approve")
        assert [f.code for f in blocking(ws, later)] == ["P3_WINDOW"]
        ws.journal.undo(approval.key, ws.username, ws.name, ws.clock())
        assert [f.code for f in blocking(ws, later)] == ["P3_WAIT"]
        ws.decide("post", earlier, "reject", "P2_CONTENT")
        assert blocking(ws, later) == []
    finally:
        ws.close()
