"""Four eyes on PostgreSQL (issue 21, migration 0010), as staff logins with plain SQL and through the
functions: the first decision's author never confirms it, nobody approves an application in one step
or lifts a suspension by hand, and the family reads 審核中 until the second look."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import Suspension
from reviewer_app.supervision import second_looks as tools
from reviewer_app.supervision.common import SupervisorError
from tests import factories
from tests.desk import workstation
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres

Conn = psycopg.Connection[tuple[object, ...]]


@dataclass
class World:
    engine: Engine
    facility: int
    application: int
    applicant: int
    suspension: int
    reviewer1: Login
    reviewer2: Login
    supervisor1: Login
    supervisor2: Login


@pytest.fixture
def world(pg_url: str, pg_logins: PgLogins) -> Iterator[World]:
    engine = factories.shared_engine(pg_url)
    now = datetime.now(UTC)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, "TTD", four_eyes=True)
        app = factories.family(s, fac, approved=False)
        served = factories.family(s, fac)
        sus = Suspension(
            facility_id=fac.id,
            service_id=served.id,
            block=1,
            starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=29),
            origin_key="seed",
        )
        s.add(sus)
        s.flush()
        ids = fac.id, app.id, app.applicant_id, sus.id
    logins = [
        pg_logins.add(role, "TTD", ids[0]) for role in ("reviewer", "reviewer", "supervisor", "supervisor")
    ]
    yield World(engine, *ids, *logins)
    engine.dispose()


def _call(conn: Conn, function: str, **fields: Any) -> Any:
    row = conn.execute(f"SELECT {function}(%s::jsonb)", (json.dumps(fields, default=str),)).fetchone()
    assert row is not None
    return row[0]


def _refused(sqlstate: str, conn: Conn, function: str, **fields: Any) -> str:
    with pytest.raises(psycopg.Error) as caught:
        _call(conn, function, **fields)
    assert caught.value.sqlstate == sqlstate, caught.value
    return caught.value.diag.message_primary or ""


def _first_approval(w: World, who: Login) -> dict[str, Any]:
    return {
        "key": str(uuid.uuid4()),
        "facility_id": w.facility,
        "subject": "application",
        "subject_id": w.application,
        "item_version": 1,
        "staff_username": who.username,
        "workstation": "psql",
        "at": datetime.now(UTC).isoformat(),
    }


def _verdict(look: int, who: Login, verdict: str = "confirm", note: str | None = None) -> dict[str, Any]:
    return {
        "look_id": look,
        "staff_username": who.username,
        "workstation": "psql",
        "verdict": verdict,
        "note": note,
        "at": datetime.now(UTC).isoformat(),
    }


def _shared(w: World, sql: str, **params: Any) -> Any:
    with w.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _family_reads(w: World) -> Any:
    return _shared(
        w,
        "SELECT status FROM reviewdesk_portal_family(:a) WHERE item_kind = 'application'",
        a=w.applicant,
    )


def test_no_approval_in_one_step_and_no_second_look_by_hand(world: World) -> None:
    with world.reviewer1.connect() as conn:
        message = _refused(
            "RD403",
            conn,
            "reviewdesk_decide",
            key=str(uuid.uuid4()),
            facility_id=world.facility,
            kind="application",
            item_id=world.application,
            item_version=1,
            outcome="approve",
            reason_codes=[],
            staff_username=world.reviewer1.username,
            workstation="psql",
            decided_at=datetime.now(UTC).isoformat(),
        )
        assert "另一位同仁覆核" in message
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO second_looks (facility_id, subject, subject_id, first_key, first_staff, "
                "first_workstation, first_at, state, second_staff, second_at) VALUES "
                "(%s, 'application', %s, 'k', 'someone', 'w', now(), 'confirmed', current_user, now())",
                (world.facility, world.application),
            )
    assert (
        _shared(world, "SELECT status FROM service_applications WHERE id = :i", i=world.application)
        == "pending"
    )


def test_the_first_member_cannot_confirm_their_own_approval(world: World) -> None:
    with world.reviewer1.connect() as conn:
        assert _call(conn, "reviewdesk_first_look", **_first_approval(world, world.reviewer1)) == "applied"
        look = int(_shared(world, "SELECT id FROM second_looks"))
        assert "不能覆核自己作成的決定" in _refused(
            "RD403", conn, "reviewdesk_second_look", **_verdict(look, world.reviewer1)
        )
        # Nor by hand: a member reads the queue and writes nothing in it.
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE second_looks SET state = 'confirmed', second_staff = 'x', second_at = now()")
        # Nor under a colleague's name.
        _refused("RD403", conn, "reviewdesk_second_look", **_verdict(look, world.reviewer2))
    assert _family_reads(world) == "pending"  # the portal shows 審核中 until the second look

    with world.reviewer2.connect() as conn:
        assert _call(conn, "reviewdesk_second_look", **_verdict(look, world.reviewer2)) == "confirmed"
    with world.supervisor1.connect() as conn:
        late = _refused(
            "RD409", conn, "reviewdesk_second_look", **_verdict(look, world.supervisor1, "send_back", "晚了")
        )
    assert late.startswith(f"已由 {world.reviewer2.username} 於 ") and "確認" in late

    assert _family_reads(world) == "approved"
    decided_by = _shared(
        world, "SELECT staff_username FROM decisions WHERE item_id = :i", i=world.application
    )
    assert decided_by == world.reviewer1.username


def test_a_supervisor_lifts_or_shortens_nothing_by_hand(world: World) -> None:
    with world.supervisor1.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):  # nor turns four eyes off (IT's setting)
            conn.execute("UPDATE facilities SET four_eyes = false")
        for sql in (
            "UPDATE suspensions SET lifted_at = now(), lifted_by = current_user, lift_reason = '誤判' "
            "WHERE id = %s",
            "UPDATE suspensions SET ends_at = starts_at + interval '2 days' WHERE id = %s",
        ):
            with pytest.raises(psycopg.Error) as caught:
                conn.execute(sql, (world.suspension,))
            assert caught.value.sqlstate == "RD403", caught.value
        ask = {
            "key": str(uuid.uuid4()),
            "facility_id": world.facility,
            "subject": "suspension_lift",
            "subject_id": world.suspension,
            "staff_username": world.supervisor1.username,
            "workstation": "psql",
            "at": datetime.now(UTC).isoformat(),
            "note": "家屬已說明，誤判",
        }
        assert _call(conn, "reviewdesk_first_look", **ask) == "applied"
        look = int(_shared(world, "SELECT id FROM second_looks"))
        _refused("RD403", conn, "reviewdesk_second_look", **_verdict(look, world.supervisor1))
    with world.reviewer1.connect() as conn:  # a suspension's second look is a supervisor's
        _refused("RD403", conn, "reviewdesk_second_look", **_verdict(look, world.reviewer1))
    assert _shared(world, "SELECT lifted_at FROM suspensions WHERE id = :i", i=world.suspension) is None

    with world.supervisor2.connect() as conn:
        assert _call(conn, "reviewdesk_second_look", **_verdict(look, world.supervisor2)) == "confirmed"
    lifted_by = _shared(world, "SELECT lifted_by FROM suspensions WHERE id = :i", i=world.suspension)
    assert lifted_by == world.supervisor1.username


def test_the_desks_way_as_staff_logins(world: World, tmp_path: Path) -> None:
    """Pull, approve, push as one reviewer's login; the queue read and confirmed as another's."""
    desk = workstation(world.reviewer1.url, tmp_path, "ws-1", world.reviewer1.username, world.facility)
    try:
        desk.clock.now = datetime.now(UTC)
        assert desk.sync.pull().claimed == 1
        desk.decide("application", world.application, "approve")
        desk.sync.push()
        assert desk.journal.counts().waiting_to_sync == 0
    finally:
        desk.close()
    assert _family_reads(world) == "pending"

    first = make_engine(world.reviewer1.url)
    second = make_engine(world.reviewer2.url)
    try:
        mine = Actor(world.reviewer1.username, "reviewer", world.facility, "ws-1")
        theirs = Actor(world.reviewer2.username, "reviewer", world.facility, "ws-2")
        (look,) = tools.waiting(second, theirs)
        assert look.first_staff == world.reviewer1.username and len(look.documents) == 3
        with pytest.raises(SupervisorError, match="不能覆核自己作成的決定"):
            tools.confirm(first, mine, look.id, datetime.now(UTC))
        assert tools.confirm(second, theirs, look.id, datetime.now(UTC)) == "confirmed"
    finally:
        first.dispose()
        second.dispose()
    assert _family_reads(world) == "approved"


def test_two_confirmers_at_the_same_moment_one_wins_the_other_is_told(world: World) -> None:
    """The second waits on the first's lock of the look, then reads who settled it: no double apply."""
    with world.reviewer1.connect() as conn:
        _call(conn, "reviewdesk_first_look", **_first_approval(world, world.reviewer1))
    look = int(_shared(world, "SELECT id FROM second_looks"))
    outcome: dict[str, str] = {}
    with world.reviewer2.connect() as first, world.supervisor1.connect() as late:
        late_pid = late.info.backend_pid

        def send_back() -> None:
            try:
                _call(
                    late,
                    "reviewdesk_second_look",
                    **_verdict(look, world.supervisor1, "send_back", "照片不清楚"),
                )
                outcome["late"] = "applied"
            except psycopg.Error as exc:
                outcome["late"] = f"{exc.sqlstate}: {exc.diag.message_primary}"

        with first.transaction():
            assert _call(first, "reviewdesk_second_look", **_verdict(look, world.reviewer2)) == "confirmed"
            other = threading.Thread(target=send_back)
            other.start()
            deadline = time.monotonic() + 30
            while (
                _shared(world, "SELECT wait_event_type FROM pg_stat_activity WHERE pid = :p", p=late_pid)
                != "Lock"
            ):
                assert time.monotonic() < deadline, "the second confirmer never waited for the first"
        other.join(timeout=30)
    assert outcome["late"].startswith(f"RD409: 已由 {world.reviewer2.username} 於 ")
    assert _family_reads(world) == "approved"
    assert _shared(world, "SELECT count(*) FROM decisions") == 1
