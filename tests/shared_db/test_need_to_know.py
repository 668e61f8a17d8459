"""Need-to-know (PDPA, issue #19 item 5), as PostgreSQL itself enforces it: connected with plain SQL as
their own login role, a counsellor (輔導員) of the facility reads no applicant's national ID or birth
date, no child's name or birth date, and no identity document or relationship proof (nor the
applicant's photo: a counsellor sees post attachments only); a reviewer and a supervisor of the same
facility read all of it. The counsellor's own list (the query behind the print view) still loads as
that login."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from alembic import command
from psycopg import errors
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from reviewer_app.printing.queue import printable_posts
from reviewer_app.shared_db.engine import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
)
from tests import factories
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres

NATIONAL_ID = "A223456781"  # factories.family's applicant


@dataclass
class World:
    engine: Engine
    facility: int
    applicant: int
    applicant_name: str
    approved_post: int
    counsellor: Login
    reviewer: Login
    supervisor: Login


@pytest.fixture
def world(pg_url: str, pg_logins: PgLogins) -> Iterator[World]:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, "TTD")
        app = factories.family(s, fac)  # ID document, relationship proof and photo attached
        approved = factories.post(s, app)
        approved.status, approved.version = "approved", 2
        with s.no_autoflush:
            app.applicant.birth_date = factories.T0.date().replace(year=1980)
        s.flush()
        ids = (fac.id, app.applicant_id, app.applicant.name, approved.id)
    yield World(
        engine,
        *ids,
        counsellor=pg_logins.add("counsellor", "TTD", ids[0]),
        reviewer=pg_logins.add("reviewer", "TTD", ids[0]),
        supervisor=pg_logins.add("supervisor", "TTD", ids[0]),
    )
    engine.dispose()


IDENTITY_READS = (
    "SELECT national_id FROM applicants",
    "SELECT birth_date FROM applicants",
    "SELECT * FROM applicants",
    "SELECT a.name FROM applicants a WHERE a.national_id LIKE 'A%%'",  # not even as a filter
    "SELECT birth_date FROM children",
    "SELECT name FROM children",
    "SELECT * FROM children",
)


@pytest.mark.parametrize("sql", IDENTITY_READS)
def test_a_counsellor_reads_no_national_id_or_birth_date(world: World, sql: str) -> None:
    with world.counsellor.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(sql)


def test_a_counsellor_reads_the_name_their_printout_shows(world: World) -> None:
    with world.counsellor.connect() as conn:
        assert conn.execute("SELECT id, name FROM applicants").fetchall() == [
            (world.applicant, world.applicant_name)
        ]


def test_a_counsellor_sees_no_identity_document_or_relationship_proof(world: World) -> None:
    with world.counsellor.connect() as conn:
        kinds = sorted(str(k) for (k,) in conn.execute("SELECT kind FROM documents").fetchall())
        assert kinds == ["post_attachment"]
        # nor their bytes, however they are asked for
        blobs = conn.execute(
            "SELECT d.kind FROM document_blobs b JOIN documents d ON d.id = b.document_id"
        ).fetchall()
        assert [k for (k,) in blobs] == ["post_attachment"]
        assert conn.execute("SELECT count(*) FROM document_blobs").fetchone() == (1,)


@pytest.mark.parametrize("role", ["reviewer", "supervisor"])
def test_reviewers_and_supervisors_of_the_facility_read_all_of_it(world: World, role: str) -> None:
    login = world.reviewer if role == "reviewer" else world.supervisor
    with login.connect() as conn:
        assert conn.execute("SELECT national_id, birth_date IS NOT NULL FROM applicants").fetchall() == [
            (NATIONAL_ID, True)
        ]
        assert conn.execute("SELECT count(birth_date) FROM children").fetchone() == (1,)
        kinds = {str(k) for (k,) in conn.execute("SELECT kind FROM documents").fetchall()}
        assert kinds == {"id_document", "relationship_proof", "applicant_photo", "post_attachment"}
        assert conn.execute("SELECT count(*) FROM document_blobs").fetchone() == (4,)


def test_the_counsellors_list_loads_as_the_counsellor_login(world: World) -> None:
    """The query behind the print view and `reviewer-app print`, as the counsellor's own login."""
    engine = make_engine(world.counsellor.url)
    try:
        with Session(engine) as s:
            posts = printable_posts(s, world.facility, factories.T0)
    finally:
        engine.dispose()
    assert [p.id for p in posts] == [world.approved_post]
    assert posts[0].applicant.name == world.applicant_name
    assert [d.kind for d in posts[0].documents] == ["post_attachment"]


def test_0009_goes_down_to_whole_rows_and_up_again(world: World) -> None:
    """Down to 0006 the counsellor reads as before (and the portal's functions are gone); up again
    the walls are back. The data is untouched either way."""
    command.downgrade(alembic_config(world.engine), "0006")
    with world.counsellor.connect() as conn:
        assert conn.execute("SELECT national_id FROM applicants").fetchall() == [(NATIONAL_ID,)]
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (4,)
    with world.engine.connect() as conn:
        portal = conn.execute(text("SELECT count(*) FROM pg_proc WHERE proname LIKE 'reviewdesk_portal%'"))
        assert portal.scalar() == 0
    upgrade(world.engine)
    assert current_revision(world.engine) == head_revision()
    with world.counsellor.connect() as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("SELECT national_id FROM applicants")
    with world.reviewer.connect() as conn:
        assert conn.execute("SELECT national_id FROM applicants").fetchall() == [(NATIONAL_ID,)]
