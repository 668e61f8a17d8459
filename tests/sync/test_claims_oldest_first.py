"""Claims are handed out oldest first (issue #21 item 5), applications and posts in one order by the
time the family submitted them, so the longest wait is decided first. On SQLite and PostgreSQL (there
through ``reviewdesk_claim``)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from reviewer_app.sync import claims
from tests import factories


def test_the_oldest_items_are_claimed_first_whatever_their_kind(shared_url: str) -> None:
    engine = factories.shared_engine(shared_url)
    try:
        t = factories.T0
        with Session(engine) as s, s.begin():
            fac = factories.facility(s)
            family = factories.family(s, fac, submitted_at=t - timedelta(days=30))
            newest_post = factories.post(s, family, submitted_at=t + timedelta(hours=5)).id
            oldest_post = factories.post(s, family, submitted_at=t + timedelta(hours=1)).id
            application = factories.family(s, fac, approved=False, submitted_at=t + timedelta(hours=2)).id
            middle_post = factories.post(s, family, submitted_at=t + timedelta(hours=3)).id
            fid = fac.id
        now = t + timedelta(days=1)
        first = claims.Claimant("ttd_rev1", "ws-1", fid)
        second = claims.Claimant("ttd_rev2", "ws-2", fid)
        with Session(engine) as s, s.begin():
            got = claims.claim(s, first, now, 2, timedelta(minutes=20))
        assert sorted(got) == sorted([("post", oldest_post), ("application", application)])
        with Session(engine) as s, s.begin():
            got = claims.claim(s, second, now, 1, timedelta(minutes=20))
        assert got == [("post", middle_post)]
        with Session(engine) as s, s.begin():
            got = claims.claim(s, second, now, 5, timedelta(minutes=20))
        assert got == [("post", newest_post)]
    finally:
        engine.dispose()
