"""A transfer between two facilities on PostgreSQL, each counsellor connected as their own login role:
the new facility's counsellor sees the post with where it was approved and prints it; the old one
sees only that it left, never the new facility's later work; staff cannot move anything themselves.
The family reads the hand-over date and an undeliverable reason through the portal's door."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import text
from sqlalchemy.orm import Session

from reviewer_app.access.roles import PORTAL_GROUP
from reviewer_app.core.rules.delivery import RELEASED_FOR_FAMILY
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.shared_db.models import Handover, Inmate, Restriction
from reviewer_app.shared_db.movements import record_release, record_transfer
from tests import factories
from tests.desk import workstation
from tests.staffdb import PgLogins

pytestmark = pytest.mark.postgres


def test_a_transfer_between_two_facilities_behind_the_walls(
    pg_url: str, pg_logins: PgLogins, tmp_path: Path
) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        app = factories.family(s, fa)
        post = factories.post(s, app)
        post.status, post.version = "approved", 2
        moved_to = Inmate(facility_id=fb.id, call_number="7788", name="王大明", housing_unit="仁舍 1 房")
        s.add(moved_to)
        s.flush()
        a, b, post_id, old_inmate, new_inmate = fa.id, fb.id, post.id, app.inmate_id, moved_to.id
    old, new = pg_logins.add("counsellor", "TTD", a), pg_logins.add("counsellor", "TYJ", b)

    with old.connect() as conn:  # staff cannot move an inmate's items, nor write the record of it
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("SELECT reviewdesk_record_transfer(%s, %s)", (old_inmate, new_inmate))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO post_transfers (post_id, from_facility_id, to_facility_id, from_facility_name, "
                "to_facility_name, from_call_number, title, status_before, transferred_at) "
                "VALUES (%s, %s, %s, 'a', 'b', 'x', 't', 'approved', now())",
                (post_id, a, b),
            )
    with Session(engine) as s, s.begin():  # the facility's records (IT, the agency's feed)
        assert record_transfer(s, old_inmate, new_inmate, factories.T0) == [post_id]

    ws_new = workstation(new.url, tmp_path, "ws-b", new.username, b)
    ws_old = workstation(old.url, tmp_path, "ws-a", old.username, a)
    try:
        desk_new = PrintDesk(ws_new.sync, lambda doc: b"", "新輔導員", clock=ws_new.clock)
        desk_new.refresh()
        [listed] = desk_new.to_print()
        assert (listed.post_id, listed.snapshot.transferred_from) == (post_id, "TTD 矯正機關")
        assert listed.snapshot.documents  # the photo followed: the new facility prints it
        desk_new.book.record_print([post_id], printed_by=new.username, workstation="ws-b", now=ws_new.clock())
        assert ws_new.sync.push().records.prints == 1

        desk_old = PrintDesk(ws_old.sync, lambda doc: b"", "舊輔導員", clock=ws_old.clock)
        assert desk_old.refresh() == 0
        assert [(t.post_id, t.to_facility) for t in desk_old.transferred_away()] == [
            (post_id, "TYJ 矯正機關")
        ]
    finally:
        ws_new.close()
        ws_old.close()
    with old.connect() as conn:  # the new facility's later work is out of the old one's sight
        assert conn.execute("SELECT count(*) FROM posts WHERE id = %s", (post_id,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM print_records").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM documents WHERE post_id = %s", (post_id,)).fetchone() == (
            0,
        )
        assert conn.execute("SELECT count(*) FROM post_transfers").fetchone() == (1,)
    with new.connect() as conn:
        assert conn.execute("SELECT status FROM posts WHERE id = %s", (post_id,)).fetchone() == ("printed",)
    engine.dispose()


def test_the_family_reads_hand_over_dates_and_undeliverable_reasons(pg_url: str) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fa = factories.facility(s, "TTD")
        app = factories.family(s, fa)
        delivered = factories.post(s, app, submitted_at=factories.T0 - timedelta(days=40))
        delivered.status, delivered.version = "delivered", 4
        post = factories.post(s, app)
        post.status, post.version = "printed", 3
        s.flush()
        s.add(
            Handover(
                idempotency_key="h1",
                facility_id=fa.id,
                post_id=delivered.id,
                outcome="delivered",
                handed_over_by="黃輔導員",
                handed_over_at=factories.T0 - timedelta(days=30),
                note="staff only",
                recorded_by="ttd_counsellor",
                workstation="ws",
                recorded_at=factories.T0 - timedelta(days=30),
            )
        )
        applicant, post_id, inmate, delivered_id = app.applicant_id, post.id, app.inmate_id, delivered.id
    with Session(engine) as s, s.begin():
        record_release(s, inmate, factories.T0)
    username, password = f"portal_{secrets.token_hex(4)}", f"pw-{secrets.token_hex(8)}"
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text(f"CREATE ROLE {username} LOGIN PASSWORD '{password}' IN ROLE {PORTAL_GROUP}"))
    try:
        url = engine.url
        with psycopg.connect(
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=username,
            password=password,
            autocommit=True,
        ) as conn:
            rows = conn.execute("SELECT * FROM reviewdesk_portal_delivery(%s)", (applicant,)).fetchall()
            assert rows == [
                (delivered_id, "delivered", factories.T0 - timedelta(days=30), None, None),
                (post_id, "undeliverable", None, RELEASED_FOR_FAMILY, None),
            ]
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("SELECT reviewdesk_record_release(%s)", (inmate,))
    finally:
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text(f"DROP ROLE IF EXISTS {username}"))
        engine.dispose()


def test_a_counsellor_cannot_print_for_a_restricted_inmate_with_plain_sql(
    pg_url: str, pg_logins: PgLogins
) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fa = factories.facility(s, "TTD")
        app = factories.family(s, fa)
        post = factories.post(s, app)
        post.status, post.version = "approved", 2
        s.add(
            Restriction(inmate_id=app.inmate_id, kind="court_order", starts_on=date(2026, 1, 1), ends_on=None)
        )
        s.flush()
        a, post_id = fa.id, post.id
    login = pg_logins.add("counsellor", "TTD", a)
    payload = {
        "key": "k-1",
        "facility_id": a,
        "post_id": post_id,
        "expected_version": 2,
        "batch_key": "b",
        "printed_by": login.username,
        "workstation": "psql",
        "printed_at": datetime.now(UTC).isoformat(),
        "copies": 1,
        "reprint": False,
    }
    with login.connect() as conn:
        with pytest.raises(psycopg.Error) as refused:
            conn.execute("SELECT * FROM reviewdesk_record_print(%s::jsonb)", (json.dumps(payload),))
        assert refused.value.sqlstate == "RD422" and "暫緩轉交" in str(refused.value)
        assert conn.execute("SELECT status FROM posts WHERE id = %s", (post_id,)).fetchone() == ("approved",)
    engine.dispose()
