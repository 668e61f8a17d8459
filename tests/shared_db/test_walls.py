"""The walls, as PostgreSQL itself enforces them: connected as a staff member's own login role with
plain SQL (psycopg, not the app), a reviewer of facility A reads nothing of facility B, a counsellor
cannot decide, a reviewer cannot lift suspensions or edit the catalogue, nobody changes or deletes
an audit event. And the app's own pull → decide → push works connected as a reviewer, not superuser."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import (
    AuditEvent,
    Decision,
    Post,
    Restriction,
    Strike,
    Suspension,
)
from tests import factories
from tests.desk import workstation
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres

# Every table that holds facility data, and how to tell facility B's rows apart in it.
B_ROWS = {
    "facilities": "id = %(b)s",
    "staff": "facility_id = %(b)s",
    "inmates": "facility_id = %(b)s",
    "children": "inmate_id IN (%(b_inmate)s)",
    "restrictions": "inmate_id IN (%(b_inmate)s)",
    "applicants": "id = %(b_applicant)s",
    "service_applications": "facility_id = %(b)s",
    "posts": "facility_id = %(b)s",
    "documents": "facility_id = %(b)s",
    "document_blobs": "document_id IN (%(b_docs)s)",
    "decisions": "facility_id = %(b)s",
    "strikes": "facility_id = %(b)s",
    "suspensions": "facility_id = %(b)s",
    "audit_events": "facility_id = %(b)s",
    "audit_chain_heads": "facility_id = %(b)s",
    "rejection_reasons": "facility_id = %(b)s",
}


@dataclass
class Walled:
    engine: Engine  # superuser
    a: int
    b: int
    a_post: int  # pending, in A
    a_approved_post: int  # approved, in A
    a_service: int
    b_post: int
    b_service: int
    b_suspension: int
    b_params: dict[str, object]
    reviewer_a: Login
    counsellor_a: Login
    supervisor_a: Login
    reviewer_b: Login


@pytest.fixture
def walled(pg_url: str, pg_logins: PgLogins) -> Iterator[Walled]:
    world = build_walled(pg_url, pg_logins)
    yield world
    world.engine.dispose()


def build_walled(pg_url: str, pg_logins: PgLogins) -> Walled:
    """Facilities A and B with a family each, and logins of A's three roles and of B's reviewer."""
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        a_app = factories.family(s, fa)
        a_post = factories.post(s, a_app).id
        a_ok = factories.post(s, a_app, submitted_at=factories.T0 - timedelta(days=40))
        a_ok.status, a_ok.version = "approved", 2
        b_app = factories.family(s, fb, strikes=3)
        b_app.inmate.restrictions.append(
            Restriction(kind="disciplinary", starts_on=date(2026, 10, 1), ends_on=date(2026, 12, 1))
        )
        b_post = factories.post(s, b_app).id
        suspension = Suspension(
            facility_id=fb.id,
            service_id=b_app.id,
            block=1,
            starts_at=factories.T0,
            ends_at=factories.T0 + timedelta(days=30),
            origin_key="seed",
        )
        s.add(suspension)
        s.add(
            Decision(
                idempotency_key="b-decision",
                facility_id=fb.id,
                item_kind="application",
                item_id=b_app.id,
                item_version=1,
                outcome="approve",
                reason_codes=[],
                staff_username="tyj_reviewer",
                workstation="ws-b",
                decided_at=factories.T0,
            )
        )
        s.flush()
        audit_chain.append(
            s,
            [
                audit_chain.new_event(
                    action="decision", staff_username="tyj_reviewer", workstation="ws-b", facility_id=fb.id
                ),
                audit_chain.new_event(
                    action="decision", staff_username="ttd_reviewer", workstation="ws-a", facility_id=fa.id
                ),
            ],
        )
        ids = (fa.id, fb.id, a_post, a_ok.id, a_app.id, b_post, b_app.id, suspension.id)
        b_inmate, b_applicant = b_app.inmate_id, b_app.applicant_id
        b_docs = [d.id for d in b_app.documents] + [d.id for p in b_app.posts for d in p.documents]
    a, b = ids[0], ids[1]
    world = Walled(
        engine,
        a,
        b,
        ids[2],
        ids[3],
        ids[4],
        ids[5],
        ids[6],
        ids[7],
        {"b": b, "b_inmate": b_inmate, "b_applicant": b_applicant, "b_docs": b_docs},
        reviewer_a=pg_logins.add("reviewer", "TTD", a),
        counsellor_a=pg_logins.add("counsellor", "TTD", a),
        supervisor_a=pg_logins.add("supervisor", "TTD", a),
        reviewer_b=pg_logins.add("reviewer", "TYJ", b),
    )
    return world


def _b_where(world: Walled, table: str) -> tuple[str, dict[str, object]]:
    clause = B_ROWS[table]
    params = dict(world.b_params)
    if "%(b_docs)s" in clause:
        docs = list(world.b_params["b_docs"])  # type: ignore[call-overload]
        clause = clause.replace("%(b_docs)s", ", ".join(str(int(d)) for d in docs))
        params.pop("b_docs")
    return clause, params


def _count(conn: psycopg.Connection[tuple[object, ...]], sql: str, params: object = None) -> int:
    row = conn.execute(sql, params).fetchone()  # type: ignore[arg-type]
    assert row is not None
    return int(row[0])  # type: ignore[call-overload]


def test_superuser_sees_both_facilities_so_the_data_is_there(walled: Walled) -> None:
    with walled.engine.connect() as conn:
        for table in B_ROWS:
            clause, params = _b_where(walled, table)
            sql = f"SELECT count(*) FROM {table} WHERE {clause}".replace("%(", ":").replace(")s", "")
            assert conn.execute(text(sql), params).scalar(), table


def test_reviewer_of_a_reads_nothing_of_b_with_plain_sql(walled: Walled) -> None:
    with walled.reviewer_a.connect() as conn:
        assert conn.execute("SELECT current_user").fetchone() == (walled.reviewer_a.username,)
        for table in B_ROWS:
            clause, params = _b_where(walled, table)
            assert _count(conn, f"SELECT count(*) FROM {table} WHERE {clause}", params) == 0, table
        # and the same reviewer does see their own facility's rows
        assert _count(conn, "SELECT count(*) FROM posts") == 2
        assert _count(conn, "SELECT count(*) FROM facilities") == 1
        assert _count(conn, "SELECT count(*) FROM document_blobs") > 0
        # B's identity documents: not by id, not by join, not by guessing
        assert (
            conn.execute(
                "SELECT data FROM document_blobs b JOIN documents d ON d.id = b.document_id "
                "WHERE d.facility_id = %s",
                (walled.b,),
            ).fetchall()
            == []
        )


def test_reviewer_of_b_reads_nothing_of_a(walled: Walled) -> None:
    with walled.reviewer_b.connect() as conn:
        assert _count(conn, "SELECT count(*) FROM posts WHERE facility_id = %s", (walled.a,)) == 0
        assert _count(conn, "SELECT count(*) FROM posts") == 4  # B's three old rejected posts and the new one


def test_reviewer_of_a_cannot_write_into_b(walled: Walled) -> None:
    with walled.reviewer_a.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):  # no claim by hand at all (migration 0007)
            conn.execute("UPDATE posts SET claimed_by = current_user WHERE facility_id = %s", (walled.b,))
        with pytest.raises(errors.InsufficientPrivilege):  # row-level security: WITH CHECK
            conn.execute(
                "INSERT INTO decisions (idempotency_key, facility_id, item_kind, item_id, item_version, "
                "outcome, reason_codes, staff_username, workstation, decided_at, applied_at) "
                "VALUES ('x', %s, 'post', %s, 1, 'approve', '[]', current_user, 'w', now(), now())",
                (walled.b, walled.b_post),
            )
        with pytest.raises(errors.InsufficientPrivilege):  # nor move a row of A over to B
            conn.execute("UPDATE posts SET facility_id = %s WHERE id = %s", (walled.b, walled.a_post))
    with walled.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT claimed_by FROM posts WHERE id = :i"), {"i": walled.b_post}).scalar()
            is None
        )


def test_counsellor_cannot_decide(walled: Walled) -> None:
    with walled.counsellor_a.connect() as conn:
        assert _count(conn, "SELECT count(*) FROM posts WHERE id = %s", (walled.a_post,)) == 1  # sees it
        for status in ("approved", "rejected"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(
                    "UPDATE posts SET status = %s, version = version + 1 WHERE id = %s",
                    (status, walled.a_post),
                )
        with pytest.raises(errors.InsufficientPrivilege):  # no INSERT on decisions at all
            conn.execute(
                "INSERT INTO decisions (idempotency_key, facility_id, item_kind, item_id, item_version, "
                "outcome, reason_codes, staff_username, workstation, decided_at, applied_at) "
                "VALUES ('c', %s, 'post', %s, 1, 'approve', '[]', current_user, 'w', now(), now())",
                (walled.a, walled.a_post),
            )
        with pytest.raises(errors.InsufficientPrivilege):  # nor on service applications
            conn.execute(
                "UPDATE service_applications SET status = 'rejected' WHERE id = %s", (walled.a_service,)
            )
        # … nor print or hand over by hand: that goes through the print and hand-over functions
        # (tests/printing/test_printing_walls.py), which record who did it.
        for status in ("printed", "delivered"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("UPDATE posts SET status = %s WHERE id = %s", (status, walled.a_approved_post))
    with walled.engine.connect() as conn:
        rows = dict(
            conn.execute(text("SELECT id, status FROM posts WHERE facility_id = :a"), {"a": walled.a}).all()
        )
    assert rows == {walled.a_post: "pending", walled.a_approved_post: "approved"}


def test_reviewer_changes_no_post_by_hand_not_even_to_decide(walled: Walled) -> None:
    with walled.reviewer_a.connect() as conn:
        for sql in (
            "UPDATE posts SET status = 'printed' WHERE id = %s",
            "UPDATE posts SET body = 'changed' WHERE id = %s",
            "UPDATE posts SET status = 'approved', version = version + 1 WHERE id = %s",  # only by deciding
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql, (walled.a_post,))


def test_reviewer_cannot_lift_suspensions_or_edit_the_catalogue(walled: Walled, pg_logins: PgLogins) -> None:
    with walled.engine.begin() as conn:
        conn.execute(
            text("UPDATE suspensions SET facility_id = :a, service_id = :s WHERE id = :i"),
            {"a": walled.a, "s": walled.a_service, "i": walled.b_suspension},
        )
        conn.execute(text("UPDATE strikes SET facility_id = :a"), {"a": walled.a})
    with walled.reviewer_a.connect() as conn:
        assert _count(conn, "SELECT count(*) FROM suspensions") == 1  # sees the suspension…
        with pytest.raises(errors.InsufficientPrivilege):  # …cannot lift it
            conn.execute("UPDATE suspensions SET lifted_at = now(), lifted_by = current_user")
        with pytest.raises(errors.InsufficientPrivilege):  # nor dismiss a strike
            conn.execute("UPDATE strikes SET dismissed_at = now()")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE rejection_reasons SET text = 'x' WHERE code = 'P4_TOO_LONG'")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO rejection_reasons (code, text, suggestion, counts_as_strike, applies_to, "
                "active, sort_order) VALUES ('MINE', 't', 's', false, 'post', true, 1)"
            )
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM posts WHERE id = %s", (walled.a_post,))
    with walled.supervisor_a.connect() as conn:  # the supervisor may do both
        assert (
            conn.execute("UPDATE suspensions SET lifted_at = now(), lifted_by = current_user").rowcount == 1
        )
        assert (
            conn.execute("UPDATE rejection_reasons SET text = 'x' WHERE code = 'P4_TOO_LONG'").rowcount == 1
        )


def test_a_supervisor_changes_only_their_own_facilitys_reasons(walled: Walled) -> None:
    """R11 (issue #18 case 7): a supervisor of A cannot rewrite B's reasons, nor whether they are
    strikes, with plain SQL: B's reasons are not even there for them."""
    with walled.supervisor_a.connect() as conn:
        assert _count(conn, "SELECT count(*) FROM rejection_reasons WHERE facility_id = %s", (walled.b,)) == 0
        cur = conn.execute(
            "UPDATE rejection_reasons SET counts_as_strike = false, text = 'x' WHERE facility_id = %s",
            (walled.b,),
        )
        assert cur.rowcount == 0
        with pytest.raises(errors.InsufficientPrivilege):  # a reason of their own for B: WITH CHECK
            conn.execute(
                "INSERT INTO rejection_reasons (facility_id, code, text, suggestion, counts_as_strike, "
                "applies_to, active, sort_order) VALUES (%s, 'MINE', 't', 's', true, 'post', true, 1)",
                (walled.b,),
            )
        with pytest.raises(errors.InsufficientPrivilege):  # nor move one of A's over to B
            conn.execute(
                "UPDATE rejection_reasons SET facility_id = %s "
                "WHERE facility_id = %s AND code = 'P2_CONTENT'",
                (walled.b, walled.a),
            )
        # Their own facility's copy they may change: one row, A's.
        assert (
            conn.execute(
                "UPDATE rejection_reasons SET counts_as_strike = false WHERE code = 'P2_CONTENT'"
            ).rowcount
            == 1
        )
    with walled.engine.connect() as conn:
        strikes = dict(
            conn.execute(
                text("SELECT facility_id, counts_as_strike FROM rejection_reasons WHERE code = 'P2_CONTENT'")
            ).all()
        )
        mine = conn.execute(text("SELECT count(*) FROM rejection_reasons WHERE code = 'MINE'")).scalar()
    assert strikes == {walled.a: False, walled.b: True} and mine == 0


def test_nobody_can_change_or_delete_audit_events(walled: Walled) -> None:
    for login in (walled.reviewer_a, walled.supervisor_a):
        with login.connect() as conn:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("UPDATE audit_events SET action = 'nothing'")
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("DELETE FROM audit_events")
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("TRUNCATE audit_events")
    # Not even the owner or a superuser, short of disabling the trigger (which verify then catches).
    for statement in (
        "UPDATE audit_events SET action = 'nothing'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
    ):
        with pytest.raises(Exception, match="append-only"), walled.engine.begin() as conn:
            conn.execute(text(statement))
    with walled.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_events WHERE action = 'decision'")).scalar() == 2


def test_events_and_decisions_only_under_ones_own_name(walled: Walled) -> None:
    with walled.reviewer_a.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO audit_events (event_key, facility_id, occurred_at, staff_username, "
                "workstation, action, detail, chain_seq, hash) "
                "VALUES ('k', %s, now(), 'someone_else', 'w', 'x', '{}', 99, 'h')",
                (walled.a,),
            )
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO decisions (idempotency_key, facility_id, item_kind, item_id, item_version, "
                "outcome, reason_codes, staff_username, workstation, decided_at, applied_at) "
                "VALUES ('d', %s, 'post', %s, 1, 'approve', '[]', 'someone_else', 'w', now(), now())",
                (walled.a, walled.a_post),
            )
        # A reviewer reads their own audit events only; the supervisor reads the facility's trail.
        assert _count(conn, "SELECT count(*) FROM audit_events") == 0
    with walled.supervisor_a.connect() as conn:
        assert _count(conn, "SELECT count(*) FROM audit_events") >= 2  # the seeded one and staff_add events


def test_every_table_is_walled(walled: Walled) -> None:
    """A table added later without reviewer_app.access.roles.wall_*_table() fails here."""
    with walled.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'alembic_version'"
            )
        ).all()
    assert len(rows) >= len(B_ROWS) + 1
    unwalled = [name for name, rls, force in rows if not (rls and force)]
    assert unwalled == [], f"tables without row-level security (see reviewer_app/access/roles.py): {unwalled}"


def test_a_second_database_on_the_same_cluster_migrates(pg_url: str, pg_cluster: object) -> None:
    """The group roles are the cluster's: upgrading one more database finds them and goes on."""
    admin = create_engine(make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    other = make_url(pg_url).database + "_second"  # type: ignore[operator]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{other}"'))
    try:
        for url in (pg_url, make_url(pg_url).set(database=other).render_as_string(hide_password=False)):
            engine = make_engine(url)
            upgrade(engine)
            engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)'))
        admin.dispose()


def test_pull_decide_push_connected_as_a_reviewer_role(walled: Walled, tmp_path: Path) -> None:
    """The app's own flow, as a staff login and not as superuser: claims, a decision, a third strike
    with its suspension and hold, the audit trail chained; facility B untouched."""
    with Session(walled.engine) as s, s.begin():
        fac = s.get(factories.Facility, walled.a)
        assert fac is not None
        app = factories.family(s, fac, strikes=2)
        first = factories.post(s, app, submitted_at=factories.T0.replace(hour=5)).id
        second = factories.post(s, app, submitted_at=factories.T0.replace(hour=6)).id
        service_id = app.id
    login = walled.reviewer_a
    desk = workstation(login.url, tmp_path, "ws-a", login.username, walled.a)
    try:
        pulled = desk.sync.pull()
        assert pulled.claimed == 3  # the earlier pending post and the two new ones; nothing of B
        assert {i.facility_id for i in desk.journal.items()} == {walled.a}
        desk.decide("post", walled.a_post, "approve")
        record = desk.decide("post", first, "reject", "P4_TOO_LONG")
        assert record.suspension is not None
        result = desk.sync.push()
        assert (result.applied, result.conflicts) == (2, 0)
        assert result.audit_events >= 2  # the two decisions; the suspension's event is the push's own
        desk.sync.pull()
    finally:
        desk.close()
    with Session(walled.engine) as s:
        assert s.get(Post, walled.a_post).status == "approved"  # type: ignore[union-attr]
        assert s.get(Post, first).status == "rejected"  # type: ignore[union-attr]
        assert s.get(Post, second).status == "held"  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(Strike).where(Strike.service_id == service_id)) == 3
        assert s.scalars(select(Suspension.facility_id)).all().count(walled.a) == 1
        suspended = select(AuditEvent.staff_username).where(AuditEvent.action == "suspension")
        assert s.scalars(suspended).all() == [login.username]  # written by the push, as the reviewer
        actors = set(s.scalars(select(AuditEvent.staff_username).where(AuditEvent.facility_id == walled.a)))
        assert login.username in actors
        assert s.scalar(select(Decision.staff_username).where(Decision.item_id == first)) == login.username
        assert audit_chain.verify(s).ok
        assert s.get(Post, walled.b_post).claimed_by is None  # type: ignore[union-attr]
