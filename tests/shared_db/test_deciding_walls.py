"""Deciding goes through the database (issue 19): a staff member with `psql` and their own login
changes no status, claim, lease or version by hand, writes no decision, strike, suspension, print or
hand-over record except through the functions, and nothing that points into another facility. The
functions, called directly, refuse what breaks an invariant with a message the desk can show, and
say the same whether another facility's id exists or no id does."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Decision, Post, Strike, Suspension
from tests import factories
from tests.desk import workstation
from tests.shared_db.test_walls import Walled, build_walled
from tests.staffdb import PgLogins

pytestmark = pytest.mark.postgres

Conn = psycopg.Connection[tuple[object, ...]]


@pytest.fixture
def walled(pg_url: str, pg_logins: PgLogins) -> Iterator[Walled]:
    world = build_walled(pg_url, pg_logins)
    yield world
    world.engine.dispose()


def _decide(conn: Conn, **fields: Any) -> Any:
    row = conn.execute("SELECT reviewdesk_decide(%s::jsonb)", (json.dumps(fields, default=str),)).fetchone()
    assert row is not None
    return row[0]


def _decision(world: Walled, login_name: str, item_id: int, **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "key": str(uuid.uuid4()),
        "facility_id": world.a,
        "kind": "post",
        "item_id": item_id,
        "item_version": 1,
        "outcome": "approve",
        "reason_codes": [],
        "staff_username": login_name,
        "workstation": "psql",
        "decided_at": datetime.now(UTC).isoformat(),
    }
    fields.update(over)
    return fields


def _refused(sqlstate: str, conn: Conn, sql: str, params: Any = None) -> str:
    """Runs `sql`, which must be refused with `sqlstate`; returns the message the member reads."""
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql, params)
    assert caught.value.sqlstate == sqlstate, caught.value
    return caught.value.diag.message_primary or ""


def _shared(world: Walled, sql: str, **params: Any) -> Any:
    with world.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def test_status_is_never_set_by_hand(walled: Walled) -> None:
    with walled.reviewer_a.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE posts SET status = 'approved' WHERE id = %s", (walled.a_post,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "UPDATE service_applications SET status = 'approved' WHERE id = %s", (walled.a_service,)
            )
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "UPDATE posts SET status = 'approved', version = version + 1 WHERE id = %s", (walled.a_post,)
            )
    assert _shared(walled, "SELECT status FROM posts WHERE id = :i", i=walled.a_post) == "pending"
    assert _shared(walled, "SELECT count(*) FROM decisions WHERE facility_id = :a", a=walled.a) == 0


def test_claims_leases_and_versions_are_never_set_by_hand(walled: Walled) -> None:
    with walled.reviewer_a.connect() as conn:
        for sql in (
            "UPDATE posts SET claimed_by = current_user, claim_expires_at = now() + interval '1 year'",
            "UPDATE service_applications SET claimed_by = current_user, "
            "claim_expires_at = now() + interval '1 year'",
            "UPDATE posts SET version = version + 5",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql)
        # Through the function: the facility's lease, from a time no later than the server's.
        _refused(
            "RD422",
            conn,
            "SELECT * FROM reviewdesk_claim(%s, 'psql', %s, now() + interval '1 year', 30)",
            (walled.reviewer_a.username, walled.a),
        )
        _refused(
            "RD403", conn, "SELECT * FROM reviewdesk_claim('ttd_supervisor', 'psql', 1, now(), 30)"
        )  # under someone else's name
        claimed = conn.execute(
            "SELECT * FROM reviewdesk_claim(%s, 'psql', %s, now(), 30)",
            (walled.reviewer_a.username, walled.a),
        ).fetchall()
        assert ("post", walled.a_post) in claimed
        assert all(kind != "post" or item != walled.b_post for kind, item in claimed)
    longest = _shared(walled, "SELECT max(claim_expires_at) - now() FROM posts WHERE claimed_by IS NOT NULL")
    assert longest <= timedelta(minutes=21)  # the facility's 20-minute lease, nothing longer
    assert _shared(walled, "SELECT version FROM posts WHERE id = :i", i=walled.a_post) == 1


def test_a_counsellor_delivers_nothing_without_a_handover(walled: Walled) -> None:
    post = walled.a_approved_post
    with walled.counsellor_a.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE posts SET status = 'delivered' WHERE id = %s", (post,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO handovers (idempotency_key, facility_id, post_id, outcome, handed_over_by, "
                "handed_over_at, recorded_by, workstation, recorded_at, applied_at) "
                "VALUES ('h', %s, %s, 'delivered', 'x', now(), current_user, 'w', now(), now())",
                (walled.a, post),
            )
        # The hand-over function needs a printout first: an approved post was never printed.
        handover = {
            "key": str(uuid.uuid4()),
            "facility_id": walled.a,
            "post_id": post,
            "expected_version": 2,
            "outcome": "delivered",
            "handed_over_by": "輔導員",
            "handed_over_at": datetime.now(UTC).isoformat(),
            "recorded_by": walled.counsellor_a.username,
            "workstation": "psql",
            "recorded_at": datetime.now(UTC).isoformat(),
        }
        message = _refused(
            "RD409", conn, "SELECT * FROM reviewdesk_record_handover(%s::jsonb)", (json.dumps(handover),)
        )
        assert "尚未列印" in message
    assert _shared(walled, "SELECT status FROM posts WHERE id = :i", i=post) == "approved"
    assert _shared(walled, "SELECT count(*) FROM handovers") == 0


def test_no_strike_or_suspension_by_hand_nor_a_forged_one_through_the_functions(walled: Walled) -> None:
    now = datetime.now(UTC)
    for login in (walled.reviewer_a, walled.supervisor_a):
        with login.connect() as conn:
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO suspensions (facility_id, service_id, block, starts_at, ends_at, "
                    "origin_key) VALUES (%s, %s, 1, now(), now() + interval '10 years', 'psql')",
                    (walled.a, walled.a_service),
                )
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO strikes (facility_id, service_id, post_id, decision_key, reason_code, "
                    "created_at) VALUES (%s, %s, %s, 'psql', 'P2_CONTENT', now())",
                    (walled.a, walled.a_service, walled.a_post),
                )
    with walled.reviewer_a.connect() as conn:
        standing = {
            "staff_username": walled.reviewer_a.username,
            "service_id": walled.a_service,
            "suspensions": [
                {
                    "action": "suspension",
                    "block": 1,
                    "starts_at": now.isoformat(),
                    "ends_at": (now + timedelta(days=3650)).isoformat(),
                    "origin_key": "psql",
                }
            ],
        }
        message = _refused(
            "RD422", conn, "SELECT reviewdesk_record_standing(%s::jsonb)", (json.dumps(standing),)
        )
        assert "達到門檻" in message
        # A strike needs a rejection whose reason is the family's fault.
        not_a_strike = _shared(
            walled,
            "SELECT code FROM rejection_reasons WHERE facility_id = :a AND NOT counts_as_strike "
            "AND applies_to IN ('post', 'both') ORDER BY code LIMIT 1",
            a=walled.a,
        )
        forged = _decision(
            walled,
            walled.reviewer_a.username,
            walled.a_post,
            outcome="reject",
            reason_codes=[not_a_strike],
            strike={"post_id": walled.a_post, "reason_code": not_a_strike},
        )
        message = _refused("RD422", conn, "SELECT reviewdesk_decide(%s::jsonb)", (json.dumps(forged),))
        assert "P7" in message
        forged.update(
            outcome="approve", reason_codes=[], strike={"post_id": walled.a_post, "reason_code": "P2_CONTENT"}
        )
        _refused("RD422", conn, "SELECT reviewdesk_decide(%s::jsonb)", (json.dumps(forged),))
    with Session(walled.engine) as s:
        assert (
            s.scalar(select(func.count()).select_from(Suspension).where(Suspension.facility_id == walled.a))
            == 0
        )
        assert s.scalar(select(func.count()).select_from(Strike).where(Strike.facility_id == walled.a)) == 0
        assert s.get(Post, walled.a_post).status == "pending"  # type: ignore[union-attr]


def test_nothing_written_points_into_another_facility(walled: Walled, tmp_path: Path) -> None:
    inserts = {
        "decisions": "INSERT INTO decisions (idempotency_key, facility_id, item_kind, item_id, item_version, "
        "outcome, reason_codes, staff_username, workstation, decided_at, applied_at) "
        "VALUES ('x', %(a)s, 'post', %(post)s, 1, 'reject', '[]', current_user, 'w', now(), now())",
        "strikes": "INSERT INTO strikes (facility_id, service_id, post_id, decision_key, reason_code, "
        "created_at) VALUES (%(a)s, %(service)s, %(post)s, 'x', 'P2_CONTENT', now())",
        "suspensions": "INSERT INTO suspensions (facility_id, service_id, block, starts_at, ends_at, "
        "origin_key) VALUES (%(a)s, %(service)s, 9, now(), now() + interval '1 month', 'x')",
    }
    with walled.reviewer_a.connect() as conn:
        for sql in inserts.values():
            told = []
            for post, service in ((walled.b_post, walled.b_service), (987654, 987654)):
                with pytest.raises(errors.InsufficientPrivilege) as caught:
                    conn.execute(sql, {"a": walled.a, "post": post, "service": service})
                told.append(str(caught.value))
            assert told[0] == told[1]  # B's ids and ids nobody has: the same words
        # The function, called directly: the same message for B's post and for no post at all.
        told = [
            _refused(
                "RD404",
                conn,
                "SELECT reviewdesk_decide(%s::jsonb)",
                (
                    json.dumps(
                        _decision(
                            walled,
                            walled.reviewer_a.username,
                            item,
                            outcome="reject",
                            reason_codes=["P2_CONTENT"],
                        )
                    ),
                ),
            )
            for item in (walled.b_post, 987654)
        ]
        assert told[0] == told[1] and str(walled.b_post) not in told[0]
        # Nor as B's facility, nor under another member's name.
        _refused(
            "RD403",
            conn,
            "SELECT reviewdesk_decide(%s::jsonb)",
            (json.dumps(_decision(walled, walled.reviewer_a.username, walled.b_post, facility_id=walled.b)),),
        )
        _refused(
            "RD403",
            conn,
            "SELECT reviewdesk_decide(%s::jsonb)",
            (json.dumps(_decision(walled, walled.reviewer_b.username, walled.b_post, facility_id=walled.b)),),
        )
    # Facility B's own reject of that post then goes through, as nothing forged stands in its way.
    login = walled.reviewer_b
    desk = workstation(login.url, tmp_path, "ws-b", login.username, walled.b)
    try:
        desk.sync.pull()
        desk.decide("post", walled.b_post, "reject", "P2_CONTENT")
        result = desk.sync.push()
    finally:
        desk.close()
    assert (result.applied, result.conflicts) == (1, 0)
    with Session(walled.engine) as s:
        assert s.get(Post, walled.b_post).status == "rejected"  # type: ignore[union-attr]
        assert (
            s.scalar(select(Decision.staff_username).where(Decision.item_id == walled.b_post))
            == login.username
        )


def test_one_decision_per_item_version_and_only_by_a_decider(walled: Walled) -> None:
    with walled.counsellor_a.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        _decide(conn, **_decision(walled, walled.counsellor_a.username, walled.a_post))
    with walled.reviewer_a.connect() as conn:
        assert _decide(conn, **_decision(walled, walled.reviewer_a.username, walled.a_post)) == "applied"
        again = _decision(walled, walled.reviewer_a.username, walled.a_post, outcome="reject")
        message = _refused("RD409", conn, "SELECT reviewdesk_decide(%s::jsonb)", (json.dumps(again),))
        assert "已變更" in message
    with Session(walled.engine) as s:
        assert s.scalars(select(Decision.outcome).where(Decision.item_id == walled.a_post)).all() == [
            "approve"
        ]
        assert s.get(Post, walled.a_post).version == 2  # type: ignore[union-attr]


def test_a_post_held_for_a_suspended_family_is_approved_only_by_a_supervisor(walled: Walled) -> None:
    now = datetime.now(UTC)
    with Session(walled.engine) as s, s.begin():
        fac = s.get(factories.Facility, walled.a)
        assert fac is not None
        app = factories.family(s, fac, strikes=3)
        held = factories.post(s, app, submitted_at=now - timedelta(hours=1))
        held.status = "held"
        s.add(
            Suspension(
                facility_id=walled.a,
                service_id=app.id,
                block=1,
                starts_at=now - timedelta(days=1),
                ends_at=now + timedelta(days=29),
                origin_key=s.scalars(select(Strike.decision_key).where(Strike.service_id == app.id)).first(),
            )
        )
        s.flush()
        held_id = held.id
    with walled.reviewer_a.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE posts SET status = 'approved' WHERE id = %s", (held_id,))
        message = _refused(
            "RD403",
            conn,
            "SELECT reviewdesk_decide(%s::jsonb)",
            (json.dumps(_decision(walled, walled.reviewer_a.username, held_id)),),
        )
        assert "業務主管" in message
    with walled.supervisor_a.connect() as conn:
        assert _decide(conn, **_decision(walled, walled.supervisor_a.username, held_id)) == "applied"
    with Session(walled.engine) as s:
        assert s.get(Post, held_id).status == "approved"  # type: ignore[union-attr]


FUNCTIONS = [
    "reviewdesk_guard_supervision",
    "reviewdesk_acting_staff",
    "reviewdesk_decide",
    "reviewdesk_decide_many",
    "reviewdesk_record_standing",
    "reviewdesk_claim",
    "reviewdesk_renew",
    "reviewdesk_release",
    "reviewdesk_record_print",
    "reviewdesk_record_handover",
]


def test_the_deciding_functions_are_hardened(walled: Walled) -> None:
    """Owned by a role that is not a superuser, with a search path that puts pg_temp last, and not
    executable by PUBLIC."""
    with walled.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.proname, r.rolname, r.rolsuper, r.rolcanlogin, p.prosecdef, p.proconfig, "
                "has_function_privilege('public', p.oid, 'EXECUTE') AS public_may "
                "FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner "
                "WHERE p.proname = ANY(:names)"
            ),
            {"names": FUNCTIONS},
        ).all()
    assert sorted(r[0] for r in rows) == sorted(FUNCTIONS)
    for name, owner, superuser, can_login, definer, config, public_may in rows:
        trigger = name == "reviewdesk_guard_supervision"  # a trigger runs as the one who updates
        assert (owner, superuser, can_login, definer) == ("reviewdesk_owner", False, False, not trigger), name
        assert config == ["search_path=pg_catalog, public, pg_temp"], name
        assert not public_may, name


def test_a_supervisor_only_shortens_lifts_and_dismisses(walled: Walled) -> None:
    with walled.engine.begin() as conn:  # B's suspended family moved over to A, as in test_walls
        conn.execute(
            text("UPDATE suspensions SET facility_id = :a, service_id = :s WHERE id = :i"),
            {"a": walled.a, "s": walled.a_service, "i": walled.b_suspension},
        )
    with walled.supervisor_a.connect() as conn:
        for sql in (
            "UPDATE suspensions SET ends_at = ends_at + interval '10 years'",
            "UPDATE suspensions SET starts_at = starts_at - interval '1 day'",
            "UPDATE suspensions SET lifted_at = now(), lifted_by = 'someone_else'",
        ):
            with pytest.raises(psycopg.Error):
                conn.execute(sql)
        assert conn.execute("UPDATE suspensions SET ends_at = ends_at - interval '1 day'").rowcount == 1
        lift = "UPDATE suspensions SET lifted_at = now(), lifted_by = current_user"
        assert conn.execute(lift).rowcount == 1
        _refused("RD422", conn, "UPDATE suspensions SET lifted_at = NULL, lifted_by = NULL")
    ends = _shared(walled, "SELECT ends_at - starts_at FROM suspensions WHERE id = :i", i=walled.b_suspension)
    assert ends == timedelta(days=29)
