"""A held post tells the family why it waits (R9), in the same words wherever it is held: by the
workstation's journal at the third strike, by the push in the shared database, and after a pull."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.family_message import suspension_hold_reason
from reviewer_app.shared_db.models import Post
from tests import factories
from tests.desk import Clock, workstation


def test_a_held_post_says_why_and_through_which_day_everywhere(shared_url: str, tmp_path: Path) -> None:
    """A third strike at 00:30 in Taipei, at a facility that suspends for 2 months: the suspension ends
    at 00:30 on 2027/01/02, so the family's other post waits through 2027/01/01."""
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, suspension_months=2)
        family = factories.family(s, fac, strikes=2)
        first = factories.post(s, family, submitted_at=factories.T0.replace(hour=0)).id
        second = factories.post(s, family, submitted_at=factories.T0.replace(hour=1)).id
        fid = fac.id
    engine.dispose()
    clock = Clock(datetime(2026, 11, 1, 16, 30, tzinfo=UTC))  # 2026-11-02 00:30 in Taipei
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid, clock)
    try:
        ws.sync.pull()
        record = ws.decide("post", first, "reject", "P4_TOO_LONG")
        assert record.suspension is not None
        expected = suspension_hold_reason(record.suspension.ends_at, 3)
        assert "暫停至 2027/01/01（含）止" in expected and "2027/01/02 起" in expected

        held = ws.journal.item("post", second)
        assert held is not None and held.held_reason == expected

        ws.sync.push()
        with Session(ws.engine) as s:
            assert s.scalar(select(Post.held_reason).where(Post.id == second)) == expected
        ws.sync.pull()
        pulled = ws.journal.item("post", second)
        assert pulled is not None and pulled.local_status == "held" and pulled.held_reason == expected
    finally:
        ws.close()
