"""The service clock in the shared database (migration 0013): the SQL counting the portal reads agrees
with the desk's (core/service_clock.py) across two years of Taipei midnights; the portal reads the
expected decision day of its family's undecided items and nothing else; a supervisor sets only their
own facility's target; staff notes stay behind the facility walls and away from counsellors and the
portal. As the members' own logins, with plain SQL."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from reviewer_app.access.roles import PORTAL_GROUP
from reviewer_app.core.service_clock import due_date
from reviewer_app.core.timeutil import FACILITY_TZ
from reviewer_app.shared_db.models import FacilityDay, ItemNote, PublicHoliday
from reviewer_app.shared_db.service_clock import target_working_days, working_calendar
from tests import factories
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres


@dataclass
class World:
    engine: Engine
    fa: int
    fb: int
    family: int
    pending_post: int
    decided_post: int
    b_post: int
    reviewer: Login
    counsellor: Login
    supervisor: Login
    b_reviewer: Login
    portal: psycopg.Connection[tuple[object, ...]]


@pytest.fixture
def world(pg_url: str, pg_logins: PgLogins) -> Iterator[World]:
    engine = factories.shared_engine(pg_url)
    submitted = datetime(2026, 2, 13, 7, 0, tzinfo=UTC)  # Friday 15:00 in Taipei, before Lunar New Year
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        app = factories.family(s, fa)
        pending = factories.post(s, app, submitted_at=submitted)
        decided = factories.post(s, app, submitted_at=submitted)
        decided.status, decided.version = "approved", 2
        b_post = factories.post(s, factories.family(s, fb))
        s.add(
            FacilityDay(facility_id=fa.id, day=date(2026, 2, 24), working=False, note="颱風停班", set_by="x")
        )
        ids = (fa.id, fb.id, app.applicant_id, pending.id, decided.id, b_post.id)
    portal_name, portal_pw = f"portal_{secrets.token_hex(4)}", f"pw-{secrets.token_hex(8)}"
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text(f"CREATE ROLE {portal_name} LOGIN PASSWORD '{portal_pw}' IN ROLE {PORTAL_GROUP}"))
    url = engine.url
    portal = psycopg.connect(
        host=url.host,
        port=url.port,
        dbname=url.database,
        user=portal_name,
        password=portal_pw,
        autocommit=True,
    )
    yield World(
        engine,
        *ids,
        reviewer=pg_logins.add("reviewer", "TTD", ids[0]),
        counsellor=pg_logins.add("counsellor", "TTD", ids[0]),
        supervisor=pg_logins.add("supervisor", "TTD", ids[0]),
        b_reviewer=pg_logins.add("reviewer", "TYJ", ids[1]),
        portal=portal,
    )
    portal.close()
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text(f"DROP ROLE IF EXISTS {portal_name}"))
    engine.dispose()


def test_the_holidays_package_filled_taiwans_calendar(world: World) -> None:
    with Session(world.engine) as s:
        lunar_new_year = s.get(PublicHoliday, date(2026, 2, 17))
        make_up_saturday = s.get(PublicHoliday, date(2025, 2, 8))
    assert lunar_new_year is not None and not lunar_new_year.working
    assert make_up_saturday is not None and make_up_saturday.working


def test_the_portals_counting_agrees_with_the_desks_at_every_taipei_midnight(world: World) -> None:
    # 23:59 and 00:01 in Taipei of every day of 2025 and 2026: weekends, holidays, 補班, a day off.
    moments = []
    day = date(2025, 1, 1)
    while day <= date(2026, 12, 31):
        for hh, mm in ((23, 59), (0, 1)):
            moments.append(datetime(day.year, day.month, day.day, hh, mm, tzinfo=FACILITY_TZ).astimezone(UTC))
        day += timedelta(days=1)
    with Session(world.engine) as s:
        calendar = working_calendar(s, world.fa)
        target = target_working_days(s, world.fa)
        in_sql = s.execute(
            text(
                "SELECT t, public.reviewdesk_expected_decision(:f, t) "
                "FROM unnest(CAST(:ts AS timestamptz[])) t"
            ),
            {"f": world.fa, "ts": moments},
        ).all()
    assert target == 3
    assert len(in_sql) == len(moments)
    disagreements = [(t, d) for t, d in in_sql if d != due_date(t, target, calendar)]
    assert disagreements == []


def test_the_portal_reads_when_its_familys_undecided_items_are_due(world: World) -> None:
    rows = world.portal.execute(
        "SELECT item_kind, item_id, expected_decision_on FROM reviewdesk_portal_expected_decisions(%s)",
        (world.family,),
    ).fetchall()
    # Friday 02-13 → Lunar New Year 02-16..20 closed → Mon 23, (Tue 24 the facility's day off) Wed 25, Thu 26.
    assert rows == [("post", world.pending_post, date(2026, 2, 26))]


def test_the_portal_reads_no_note_and_no_calendar_table(world: World) -> None:
    for table in ("item_notes", "facility_calendar", "public_holidays"):
        with pytest.raises(errors.InsufficientPrivilege):
            world.portal.execute(f"SELECT count(*) FROM {table}")
    with pytest.raises(errors.InsufficientPrivilege):
        world.portal.execute("SELECT public.reviewdesk_expected_decision(1, now())")


def test_a_supervisor_sets_their_own_facilitys_target_only(world: World) -> None:
    with world.supervisor.connect() as conn:
        conn.execute("UPDATE facilities SET review_target_working_days = 5 WHERE id = %s", (world.fa,))
        other = conn.execute(
            "UPDATE facilities SET review_target_working_days = 9 WHERE id = %s", (world.fb,)
        ).rowcount
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE facilities SET strike_threshold = 9 WHERE id = %s", (world.fa,))
    assert other == 0
    with world.reviewer.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("UPDATE facilities SET review_target_working_days = 1 WHERE id = %s", (world.fa,))
    with Session(world.engine) as s:
        assert target_working_days(s, world.fa) == 5
        assert target_working_days(s, world.fb) == 3


def _note(conn: psycopg.Connection[tuple[object, ...]], facility: int, post: int, author: str) -> None:
    conn.execute(
        "INSERT INTO item_notes (idempotency_key, facility_id, item_kind, item_id, body, staff_username,"
        " workstation, written_at) VALUES (%s, %s, 'post', %s, '家屬來電說明照片', %s, 'ws', now())",
        (secrets.token_hex(8), facility, post, author),
    )


def test_notes_under_ones_own_name_on_ones_own_facilitys_items(world: World) -> None:
    with world.reviewer.connect() as conn:
        _note(conn, world.fa, world.pending_post, world.reviewer.username)
        with pytest.raises(errors.InsufficientPrivilege):  # someone else's name
            _note(conn, world.fa, world.pending_post, world.supervisor.username)
        with pytest.raises(errors.InsufficientPrivilege):  # another facility's post under one's own facility
            _note(conn, world.fa, world.b_post, world.reviewer.username)
        with pytest.raises(errors.InsufficientPrivilege):  # into another facility
            _note(conn, world.fb, world.b_post, world.reviewer.username)
        with pytest.raises(errors.InsufficientPrivilege):  # notes are kept: nobody changes or deletes them
            conn.execute("DELETE FROM item_notes")
        assert conn.execute("SELECT count(*) FROM item_notes").fetchone() == (1,)
    with world.supervisor.connect() as conn:
        assert conn.execute("SELECT count(*) FROM item_notes").fetchone() == (1,)
    with world.b_reviewer.connect() as conn:
        assert conn.execute("SELECT count(*) FROM item_notes").fetchone() == (0,)
    with world.counsellor.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("SELECT count(*) FROM item_notes")
    with Session(world.engine) as s:
        assert s.query(ItemNote).count() == 1


def test_only_a_supervisor_sets_their_facilitys_days_and_nobody_on_the_staff_the_holidays(
    world: World,
) -> None:
    insert = (
        "INSERT INTO facility_calendar (facility_id, day, working, note, set_by, set_at) "
        "VALUES (%s, '2026-09-29', false, '颱風停班', %s, now())"
    )
    with world.reviewer.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(insert, (world.fa, world.reviewer.username))
    with world.supervisor.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):  # under someone else's name
            conn.execute(insert, (world.fa, world.reviewer.username))
        with pytest.raises(errors.InsufficientPrivilege):  # another facility's calendar
            conn.execute(insert, (world.fb, world.supervisor.username))
        conn.execute(insert, (world.fa, world.supervisor.username))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM facility_calendar")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("UPDATE public_holidays SET working = true")
        assert conn.execute("SELECT count(*) FROM public_holidays WHERE day = '2026-02-17'").fetchone() == (
            1,
        )
    with world.b_reviewer.connect() as conn:
        assert conn.execute("SELECT count(*) FROM facility_calendar").fetchone() == (0,)
