"""A push that meets a unique or check violation in the shared database shows a conflict the reviewer
can read, never a traceback; the decisions after it still apply (issue 19: a forged decision row on a
post, left by someone with `psql`, made the post's own reject fail on the unique key)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Decision, Post
from tests import factories
from tests.desk import workstation


def test_a_decision_that_meets_a_forged_row_is_a_visible_conflict(shared_url: str, tmp_path: Path) -> None:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        posts = [factories.post(s, factories.family(s, fac)).id for _ in range(3)]
        fid = fac.id
        # Someone wrote a decision row for the first post's current version by hand (the owner, or
        # before these walls): the item itself still reads pending.
        s.add(
            Decision(
                idempotency_key="forged",
                facility_id=fid,
                item_kind="post",
                item_id=posts[0],
                item_version=1,
                outcome="approve",
                reason_codes=[],
                staff_username="ttd_reviewer",
                workstation="psql",
                decided_at=factories.T0,
            )
        )
    desk = workstation(shared_url, tmp_path, "ws-1", "ttd_reviewer", fid)
    try:
        desk.sync.pull()
        desk.decide("post", posts[0], "reject", "P2_CONTENT")  # a strike: applied on its own
        desk.decide("post", posts[1], "approve")
        desk.decide("post", posts[2], "reject", "P2_CONTENT")
        result = desk.sync.push()
        conflicts = desk.journal.decisions(("conflict",))
    finally:
        desk.close()
    assert (result.applied, result.conflicts) == (2, 1)
    assert [d.item_id for d in conflicts] == [posts[0]]
    assert "衝突" in (conflicts[0].conflict_reason or "")
    with Session(engine) as s:
        statuses = dict(s.execute(select(Post.id, Post.status).where(Post.id.in_(posts))).all())
    assert statuses == {posts[0]: "pending", posts[1]: "approved", posts[2]: "rejected"}
    engine.dispose()
