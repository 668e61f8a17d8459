"""Appeals behind the walls on PostgreSQL, tried with plain SQL as the logins themselves: the portal
writes an appeal only for its own family's rejected item and once per rejection, and reads the outcome;
a supervisor decides only through ``reviewdesk_decide_appeal``, never an appeal of an item they rejected
themselves, and no staff login writes the table by hand (docs/PORTAL.md, migration 0011)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import psycopg
import pytest
from psycopg import errors
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Decision
from tests import factories
from tests.shared_db.test_portal_role import Portal, _connect, portal_login  # noqa: F401
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres

TEXT = "孩子的照片只是獎狀，請再審查一次。"


@dataclass
class World:
    family: int
    rejected_post: int
    pending_post: int
    other_family: int
    other_rejected_post: int
    portal: Portal
    first_reviewer: Login  # a supervisor who rejected the post
    second: Login  # another supervisor of the facility
    reviewer: Login
    elsewhere: Login  # a supervisor of another facility


def _reject(s: Session, facility_id: int, post_id: int, key: str, by: str) -> None:
    s.add(
        Decision(
            idempotency_key=key,
            facility_id=facility_id,
            item_kind="post",
            item_id=post_id,
            item_version=1,
            outcome="reject",
            reason_codes=["P2_CONTENT"],
            message_to_family="內容不符規定。",
            staff_username=by,
            workstation="ws-a",
            decided_at=factories.T0,
        )
    )


@pytest.fixture
def world(pg_url: str, pg_logins: PgLogins, portal_login: Portal) -> Iterator[World]:  # noqa: F811
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        ids = fa.id, fb.id
    first = pg_logins.add("supervisor", "TTD", ids[0])
    with Session(engine) as s, s.begin():
        fa = s.get_one(type(fa), ids[0])
        app, other = factories.family(s, fa), factories.family(s, fa)
        rejected, pending, other_rejected = (
            factories.post(s, app),
            factories.post(s, app),
            factories.post(s, other),
        )
        for post in (rejected, other_rejected):
            post.status, post.version = "rejected", 2
        s.flush()
        _reject(s, fa.id, rejected.id, "d-1", first.username)
        _reject(s, fa.id, other_rejected.id, "d-2", first.username)
        found = (app.applicant_id, rejected.id, pending.id, other.applicant_id, other_rejected.id)
    engine.dispose()
    yield World(
        *found,
        portal=portal_login,
        first_reviewer=first,
        second=pg_logins.add("supervisor", "TTD", ids[0]),
        reviewer=pg_logins.add("reviewer", "TTD", ids[0]),
        elsewhere=pg_logins.add("supervisor", "TYJ", ids[1]),
    )


def _as_portal(world: World) -> psycopg.Connection[tuple[object, ...]]:
    return _connect(world.portal.username, world.portal.password, world.portal.url)


def _appeal(world: World) -> int:
    with _as_portal(world) as conn:
        row = conn.execute(
            "SELECT reviewdesk_portal_appeal(%s, 'post', %s, %s)", (world.family, world.rejected_post, TEXT)
        ).fetchone()
    assert row is not None
    return int(str(row[0]))


def _decide(login: Login, appeal_id: int, *, username: str | None = None) -> object:
    payload = {
        "appeal_id": appeal_id,
        "staff_username": username or login.username,
        "outcome": "overturned",
        "reply": "經重新審查，撤銷原退件決定。",
        "decided_at": datetime.now(UTC).isoformat(),
    }
    with login.connect() as conn:
        row = conn.execute("SELECT reviewdesk_decide_appeal(%s::jsonb)", (json.dumps(payload),)).fetchone()
    return None if row is None else row[0]


def test_the_portal_appeals_its_own_rejection_once_and_reads_the_reply(world: World) -> None:
    appeal_id = _appeal(world)
    with _as_portal(world) as conn, pytest.raises(errors.RaiseException, match="once per rejection"):
        conn.execute(
            "SELECT reviewdesk_portal_appeal(%s, 'post', %s, %s)",
            (world.family, world.rejected_post, "再一次"),
        )
    assert _decide(world.second, appeal_id) == "overturned"
    with _as_portal(world) as conn:
        cur = conn.execute("SELECT * FROM reviewdesk_portal_appeals(%s)", (world.family,))
        columns = [c.name for c in cur.description or ()]
        rows = [dict(zip(columns, r, strict=True)) for r in cur.fetchall()]
    assert [(r["item_id"], r["outcome"], r["reply"]) for r in rows] == [
        (world.rejected_post, "overturned", "經重新審查，撤銷原退件決定。")
    ]
    assert world.second.username not in repr(rows)  # the family reads the reply, not who wrote it


@pytest.mark.parametrize("which", ["another family's", "not rejected", "no such item"])
def test_the_portal_appeals_nothing_but_its_familys_rejected_items(world: World, which: str) -> None:
    item = {"another family's": world.other_rejected_post, "not rejected": world.pending_post}.get(
        which, 999999
    )
    with _as_portal(world) as conn, pytest.raises(errors.RaiseException, match="not a rejected item"):
        conn.execute("SELECT reviewdesk_portal_appeal(%s, 'post', %s, %s)", (world.family, item, TEXT))
    with _as_portal(world) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("SELECT count(*) FROM appeals")


def test_the_first_reviewer_cannot_decide_even_with_plain_sql(world: World) -> None:
    appeal_id = _appeal(world)
    with pytest.raises(psycopg.DatabaseError, match="原審核人員不能決定") as refused:
        _decide(world.first_reviewer, appeal_id)
    assert refused.value.sqlstate == "RD403"
    # … nor under a colleague's name, nor by hand, nor as a reviewer or from another facility.
    with pytest.raises(psycopg.DatabaseError, match="只能以自己的名義"):
        _decide(world.first_reviewer, appeal_id, username=world.second.username)
    with world.first_reviewer.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(
            "UPDATE appeals SET outcome = 'overturned', decided_by = %s, decided_at = now(), reply = 'x' "
            "WHERE id = %s",
            (world.second.username, appeal_id),
        )
    with world.first_reviewer.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("DELETE FROM appeals WHERE id = %s", (appeal_id,))
    with pytest.raises(errors.InsufficientPrivilege):
        _decide(world.reviewer, appeal_id)
    with pytest.raises(psycopg.DatabaseError, match="找不到這件申覆") as elsewhere:
        _decide(world.elsewhere, appeal_id)
    assert elsewhere.value.sqlstate == "RD404"
    with world.first_reviewer.connect() as conn:
        assert conn.execute("SELECT outcome FROM appeals WHERE id = %s", (appeal_id,)).fetchone() == (None,)
    with world.elsewhere.connect() as conn:  # another facility's appeals are behind the wall
        assert conn.execute("SELECT count(*) FROM appeals").fetchone() == (0,)
    assert _decide(world.second, appeal_id) == "overturned"
    with pytest.raises(psycopg.DatabaseError, match="已由") as again:
        _decide(world.second, appeal_id)
    assert again.value.sqlstate == "RD409"


def test_staff_cannot_write_an_appeal_for_the_family(world: World) -> None:
    with world.second.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(
            "SELECT reviewdesk_portal_appeal(%s, 'post', %s, %s)", (world.family, world.rejected_post, TEXT)
        )
    with world.second.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(
            "INSERT INTO appeals (facility_id, service_id, item_kind, item_id, decision_key, first_reviewer, "
            "text, submitted_at) SELECT facility_id, service_id, 'post', %s, 'd-1', 'nobody', %s, now() "
            "FROM posts WHERE id = %s",
            (world.rejected_post, TEXT, world.rejected_post),
        )
