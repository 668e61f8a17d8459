"""Printing behind PostgreSQL's walls: a counsellor, connected as their own login role, reads the list,
prints and hands over through the app; nobody records a print under another's name, for another
facility's post, or as a reviewer; facility B sees none of A's records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from psycopg import errors
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.shared_db.models import AuditEvent, Handover, Post, PrintRecord
from tests import factories
from tests.desk import workstation
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres


@dataclass
class Walled:
    engine: Engine
    a: int
    b: int
    a_posts: list[int]
    b_post: int
    counsellor_a: Login
    reviewer_a: Login
    counsellor_b: Login


@pytest.fixture
def walled(pg_url: str, pg_logins: PgLogins) -> Iterator[Walled]:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        a_app, b_app = factories.family(s, fa), factories.family(s, fb)
        a_posts = [
            factories.post(s, a_app, submitted_at=factories.T0 - timedelta(days=40 * n)) for n in range(2)
        ]
        b_post = factories.post(s, b_app)
        for p in (*a_posts, b_post):
            p.status, p.version = "approved", 2
        ids = (fa.id, fb.id, [p.id for p in a_posts], b_post.id)
    world = Walled(
        engine,
        ids[0],
        ids[1],
        ids[2],
        ids[3],
        counsellor_a=pg_logins.add("counsellor", "TTD", ids[0]),
        reviewer_a=pg_logins.add("reviewer", "TTD", ids[0]),
        counsellor_b=pg_logins.add("counsellor", "TYJ", ids[1]),
    )
    yield world
    engine.dispose()


INSERT_PRINT = (
    "INSERT INTO print_records (idempotency_key, facility_id, post_id, printed_by, workstation, printed_at, "
    "copies, reprint, applied_at) VALUES (%s, %s, %s, %s, 'w', now(), 1, false, now())"
)


def test_a_counsellor_prints_and_hands_over_through_the_app(walled: Walled, tmp_path: Path) -> None:
    login = walled.counsellor_a
    ws = workstation(login.url, tmp_path, "ws-a", login.username, walled.a)
    try:
        desk = PrintDesk(ws.sync, lambda doc: b"", "輔導員", clock=ws.clock)
        assert desk.refresh() == 2  # A's approved posts, none of B's
        desk.book.record_print(walled.a_posts, printed_by=login.username, workstation="ws-a", now=ws.clock())
        assert ws.sync.push().records.prints == 2
        desk.refresh()
        desk.book.record_handover(
            walled.a_posts[:1],
            outcome="delivered",
            handed_over_by="輔導員",
            handed_over_at=ws.clock(),
            recorded_by=login.username,
            workstation="ws-a",
            now=ws.clock(),
        )
        desk.book.record_handover(
            walled.a_posts[1:],
            outcome="undeliverable",
            reason="released",
            handed_over_by="輔導員",
            handed_over_at=ws.clock(),
            recorded_by=login.username,
            workstation="ws-a",
            now=ws.clock(),
        )
        pushed = ws.sync.push()
        assert (pushed.records.handovers, pushed.records.conflicts) == (2, 0)
        assert pushed.audit_events == 2  # the hand-overs (the prints went with the first push)
    finally:
        ws.close()
    with Session(walled.engine) as s:
        assert dict(s.execute(select(Post.id, Post.status).where(Post.id.in_(walled.a_posts))).all()) == {
            walled.a_posts[0]: "delivered",
            walled.a_posts[1]: "undeliverable",
        }
        assert set(s.scalars(select(PrintRecord.printed_by))) == {login.username}
        assert set(s.scalars(select(Handover.recorded_by))) == {login.username}
        assert set(
            s.scalars(select(AuditEvent.staff_username).where(AuditEvent.action.in_(("print", "handover"))))
        ) == {login.username}


def test_nobody_records_for_others(walled: Walled) -> None:
    with walled.counsellor_a.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):  # under someone else's name
            conn.execute(INSERT_PRINT, ("k1", walled.a, walled.a_posts[0], "someone_else"))
        with pytest.raises(errors.InsufficientPrivilege):  # another facility's post, filed under A
            conn.execute(INSERT_PRINT, ("k2", walled.a, walled.b_post, walled.counsellor_a.username))
        with pytest.raises(errors.InsufficientPrivilege):  # into B
            conn.execute(INSERT_PRINT, ("k3", walled.b, walled.b_post, walled.counsellor_a.username))
        with pytest.raises(errors.InsufficientPrivilege):  # nor by hand at all: through the function only
            conn.execute(INSERT_PRINT, ("k4", walled.a, walled.a_posts[0], walled.counsellor_a.username))
        printed = {
            "key": "k4",
            "facility_id": walled.a,
            "post_id": walled.a_posts[0],
            "expected_version": 2,
            "printed_by": walled.counsellor_a.username,
            "workstation": "w",
            "printed_at": "2026-11-02T01:00:00+00:00",
            "copies": 1,
            "reprint": False,
        }
        row = conn.execute(
            "SELECT * FROM reviewdesk_record_print(%s::jsonb)", (json.dumps(printed),)
        ).fetchone()
        assert row == ("printed", "printed", 3)
        with pytest.raises(errors.InsufficientPrivilege):  # records are never changed afterwards
            conn.execute("UPDATE print_records SET copies = 5")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM print_records")
    with walled.reviewer_a.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(INSERT_PRINT, ("k5", walled.a, walled.a_posts[0], walled.reviewer_a.username))
    with walled.counsellor_b.connect() as conn:
        row = conn.execute("SELECT count(*) FROM print_records").fetchone()
        assert row is not None and row[0] == 0  # A's record is not B's to see
    with walled.reviewer_a.connect() as conn:
        row = conn.execute("SELECT count(*) FROM print_records").fetchone()
        assert row is not None and row[0] == 1  # every staff member of A reads A's records
