"""The family portal's door (issue #19 item 6, docs/PORTAL.md), tried with plain SQL as a login of the
group role ``reviewdesk_portal`` on the throwaway cluster, with its password: it submits applications
and posts with their documents, only as pending and only for the family it names; it reads that
family's statuses, the reasons written for the family and the end of a running suspension; it reads
no table at all (no staff, no notes, no audit trail, no other family), and approves nothing."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import PORTAL_GROUP
from reviewer_app.shared_db.models import (
    Decision,
    Document,
    DocumentBlob,
    Post,
    ServiceApplication,
    Suspension,
)
from tests import factories
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres

FAMILY_MESSAGE = "內文超過 100 字之限制。請將內文精簡至 100 字以內後，重新發佈家庭聯絡簿。"
STAFF_NOTE = "內部備註：家屬曾來電抱怨"  # staff-only: never shown to the family


@dataclass(frozen=True)
class Portal:
    username: str
    password: str
    url: str


@dataclass
class World:
    engine: Engine
    facility: int
    family: int  # the applicant the portal acts for
    service: int  # their approved service
    rejected_post: int
    held_post: int
    suspension_ends: datetime
    pending_application: int  # the family's second application, pending, no documents yet
    other_family: int
    other_service: int
    other_post: int
    other_facility_service: int
    portal: Portal
    reviewer: Login


def _connect(user: str, password: str, url: str) -> psycopg.Connection[tuple[object, ...]]:
    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, dbname=u.database, user=user, password=password, autocommit=True
    )


def _as_portal(world: World) -> psycopg.Connection[tuple[object, ...]]:
    return _connect(world.portal.username, world.portal.password, world.portal.url)


@pytest.fixture
def portal_login(pg_url: str) -> Iterator[Portal]:
    """IT's step (docs/PORTAL.md): a login role for the portal's web server, granted the portal group."""
    username, password = f"portal_{secrets.token_hex(4)}", f"pw-{secrets.token_hex(8)}"
    admin = factories.shared_engine(pg_url)  # migrated: the group exists
    with admin.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text(f"CREATE ROLE {username} LOGIN PASSWORD '{password}' IN ROLE {PORTAL_GROUP}"))
    yield Portal(username, password, pg_url)
    with admin.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text(f"DROP ROLE IF EXISTS {username}"))
    admin.dispose()


@pytest.fixture
def world(pg_url: str, pg_logins: PgLogins, portal_login: Portal) -> Iterator[World]:
    engine = factories.shared_engine(pg_url)
    ends = (datetime.now(UTC) + timedelta(days=20)).replace(microsecond=0)  # running now
    with Session(engine) as s, s.begin():
        fa, fb = factories.facility(s, "TTD"), factories.facility(s, "TYJ")
        app = factories.family(s, fa, strikes=3)
        rejected = app.posts[-1]
        held = factories.post(s, app)
        held.status, held.version, held.held_reason = "held", 2, "發佈權限暫停中，將於 115/12/21 起恢復審核。"
        s.add(
            Decision(
                idempotency_key="d-rejected",
                facility_id=fa.id,
                item_kind="post",
                item_id=rejected.id,
                item_version=1,
                outcome="reject",
                reason_codes=["P4_TOO_LONG"],
                message_to_family=FAMILY_MESSAGE,
                note=STAFF_NOTE,
                staff_username="ttd_reviewer",
                workstation="ws-a",
                decided_at=factories.T0,
            )
        )
        s.add(
            Suspension(
                facility_id=fa.id,
                service_id=app.id,
                block=1,
                starts_at=factories.T0,
                ends_at=ends,
                origin_key="d-rejected",
            )
        )
        second = ServiceApplication(
            facility_id=fa.id,
            applicant=app.applicant,
            inmate=factories.family(s, fa, approved=False).inmate,
            relationship_code="spouse",
            call_number_entered="x",
            status="pending",
        )
        s.add(second)
        other = factories.family(s, fa)
        other_post = factories.post(s, other)
        elsewhere = factories.family(s, fb)
        s.flush()
        audit_chain.append(
            s,
            [
                audit_chain.new_event(
                    action="decision", staff_username="ttd_reviewer", workstation="ws-a", facility_id=fa.id
                )
            ],
        )
        ids = (
            fa.id,
            app.applicant_id,
            app.id,
            rejected.id,
            held.id,
            second.id,
            other.applicant_id,
            other.id,
            other_post.id,
            elsewhere.id,
        )
    yield World(
        engine,
        ids[0],
        ids[1],
        ids[2],
        ids[3],
        ids[4],
        ends,
        ids[5],
        ids[6],
        ids[7],
        ids[8],
        ids[9],
        portal_login,
        reviewer=pg_logins.add("reviewer", "TTD", ids[0]),
    )
    engine.dispose()


JPEG = factories.jpeg()


def test_the_portal_logs_in_with_its_password_only(world: World) -> None:
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(world.portal.username, "wrong", world.portal.url).close()
    with _as_portal(world) as conn:
        assert conn.execute("SELECT current_user").fetchone() == (world.portal.username,)


def test_the_portal_submits_a_post_with_documents(world: World) -> None:
    before = datetime.now(UTC)
    with _as_portal(world) as conn:
        (post_id,) = conn.execute(  # type: ignore[misc]
            "SELECT reviewdesk_portal_post(%s, %s, %s, %s)",
            (world.family, world.service, "近況", "孩子這次考試進步了，我們都很想你。"),
        ).fetchone()
        doc_ids = [
            conn.execute(
                "SELECT reviewdesk_portal_attach(%s, 'post', %s, 'post_attachment', %s, 'image/jpeg', %s)",
                (world.family, post_id, name, JPEG),
            ).fetchone()[0]  # type: ignore[index]
            for name in ("IMG_0001.jpg", "IMG_0002.jpg")
        ]
    with Session(world.engine) as s:
        post = s.get(Post, post_id)
        assert post is not None
        assert (post.status, post.version, post.facility_id, post.service_id, post.claimed_by) == (
            "pending",
            1,
            world.facility,
            world.service,
            None,
        )
        assert post.submitted_at >= before - timedelta(seconds=5)  # the server's time, not the portal's
        docs = s.scalars(select(Document).where(Document.post_id == post_id).order_by(Document.id)).all()
        assert [d.id for d in docs] == doc_ids
        assert {(d.kind, d.facility_id, d.size_bytes, d.sha256, d.storage) for d in docs} == {
            ("post_attachment", world.facility, len(JPEG), hashlib.sha256(JPEG).hexdigest(), "embedded")
        }
        blob = s.get(DocumentBlob, doc_ids[0])
        assert blob is not None and blob.data == JPEG


def test_the_portal_submits_an_application_with_its_documents(world: World) -> None:
    with Session(world.engine) as s:
        inmate = factories.family(s, s.get(factories.Facility, world.facility)).inmate  # type: ignore[arg-type]
        s.commit()
        call_number, surname = inmate.call_number, inmate.surname
    with _as_portal(world) as conn:
        # E6: the portal shows the call number's surname for the family to confirm
        assert conn.execute(
            "SELECT reviewdesk_portal_inmate_surname('TTD', %s)", (call_number,)
        ).fetchone() == (surname,)
        (app_id,) = conn.execute(  # type: ignore[misc]
            "SELECT reviewdesk_portal_apply(%s, 'TTD', %s, 'spouse', true)", (world.family, call_number)
        ).fetchone()
        for kind in ("id_document", "relationship_proof", "applicant_photo"):
            conn.execute(
                "SELECT reviewdesk_portal_attach(%s, 'application', %s, %s, %s, 'image/jpeg', %s)",
                (world.family, app_id, kind, f"{kind}.jpg", JPEG),
            )
        with pytest.raises(errors.RaiseException, match="no inmate"):
            conn.execute(
                "SELECT reviewdesk_portal_apply(%s, 'TTD', 'nobody', 'spouse', true)", (world.family,)
            )
    with Session(world.engine) as s:
        app = s.get(ServiceApplication, app_id)
        assert app is not None
        assert (app.status, app.version, app.applicant_id, app.facility_id, app.relationship_code) == (
            "pending",
            1,
            world.family,
            world.facility,
            "spouse",
        )
        assert sorted(d.kind for d in app.documents) == [
            "applicant_photo",
            "id_document",
            "relationship_proof",
        ]


def test_the_portal_reads_its_familys_status_reason_and_suspension_end(world: World) -> None:
    with _as_portal(world) as conn:
        cur = conn.execute("SELECT * FROM reviewdesk_portal_family(%s)", (world.family,))
        columns = [c.name for c in cur.description or ()]
        rows = [dict(zip(columns, r, strict=True)) for r in cur.fetchall()]
    assert columns == [
        "item_kind",
        "item_id",
        "service_id",
        "status",
        "submitted_at",
        "decided_at",
        "message_to_family",
        "held_reason",
        "suspended_until",
    ]
    by_item = {(r["item_kind"], r["item_id"]): r for r in rows}
    assert by_item[("post", world.rejected_post)]["status"] == "rejected"
    assert by_item[("post", world.rejected_post)]["message_to_family"] == FAMILY_MESSAGE
    assert by_item[("post", world.held_post)]["held_reason"].startswith("發佈權限暫停中")
    assert by_item[("application", world.service)]["status"] == "approved"
    assert by_item[("application", world.pending_application)]["status"] == "pending"
    assert {r["suspended_until"] for r in rows if r["service_id"] == world.service} == {world.suspension_ends}
    # their own family only, and never what staff wrote for staff
    assert {r["service_id"] for r in rows} == {world.service, world.pending_application}
    assert ("post", world.other_post) not in by_item
    assert STAFF_NOTE not in repr(rows)


TABLES = (
    "staff",
    "audit_events",
    "audit_chain_heads",
    "decisions",
    "strikes",
    "suspensions",
    "applicants",
    "service_applications",
    "posts",
    "documents",
    "document_blobs",
    "inmates",
    "children",
    "restrictions",
    "facilities",
    "rejection_reasons",
    "print_records",
    "handovers",
)


@pytest.mark.parametrize("table", TABLES)
def test_the_portal_reads_no_table(world: World, table: str) -> None:
    with _as_portal(world) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(f"SELECT count(*) FROM {table}")


def test_the_portal_approves_nothing_and_writes_only_through_its_door(world: World) -> None:
    with _as_portal(world) as conn:
        for sql in (
            f"UPDATE posts SET status = 'approved' WHERE id = {world.held_post}",
            f"UPDATE service_applications SET status = 'approved' WHERE id = {world.pending_application}",
            "INSERT INTO posts (facility_id, service_id, title, body, status, version, submitted_at) "
            f"VALUES ({world.facility}, {world.service}, 't', 'b', 'approved', 1, now())",
            "INSERT INTO decisions (idempotency_key, facility_id, item_kind, item_id, item_version, outcome, "
            "reason_codes, staff_username, workstation, decided_at, applied_at) VALUES "
            f"('p', {world.facility}, 'post', {world.held_post}, 2, 'approve', '[]', 'x', 'w', now(), now())",
            f"DELETE FROM documents WHERE application_id = {world.service}",
            "INSERT INTO audit_events (event_key, facility_id, occurred_at, staff_username, workstation, "
            "action, detail, chain_seq, hash) VALUES ('k', 1, now(), 'x', 'w', 'x', '{}', 99, 'h')",
            "SELECT reviewdesk_add_staff('mole', 'Mole', 'supervisor', 1, 'SCRAM-SHA-256$x')",
            "SELECT * FROM reviewdesk_whoami()",
            "CREATE TABLE public.mine (x int)",
            "SET ROLE reviewdesk_admin",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql)
    with Session(world.engine) as s:
        assert s.get(Post, world.held_post).status == "held"  # type: ignore[union-attr]
        assert s.get(ServiceApplication, world.pending_application).status == "pending"  # type: ignore[union-attr]


ATTACH = "SELECT reviewdesk_portal_attach(%s, %s, %s, %s, 'x.jpg', 'image/jpeg', %s)"


def test_the_portal_touches_no_other_familys_items_and_no_decided_ones(world: World) -> None:
    refused = "not an item of this family that may still change"
    with Session(world.engine) as s, s.begin():  # a post of the family that a reviewer has claimed
        claimed = factories.post(s, s.get(ServiceApplication, world.service))  # type: ignore[arg-type]
        claimed.claimed_by, claimed.claim_expires_at = (
            "ttd_reviewer",
            datetime.now(UTC) + timedelta(minutes=20),
        )
        s.flush()
        claimed_id = claimed.id
    with _as_portal(world) as conn:
        # another family's service, one in another facility, and one that does not exist: all read
        # the same (nothing is told about other families' ids)
        for service in (world.other_service, world.other_facility_service, 999999):
            with pytest.raises(errors.RaiseException, match="no such service for this family"):
                conn.execute("SELECT reviewdesk_portal_post(%s, %s, 't', 'b')", (world.family, service))
        for kind, item in (
            ("post", world.other_post),  # another family's
            ("post", world.rejected_post),  # decided
            ("post", world.held_post),  # held
            ("post", claimed_id),  # being reviewed: it never changes under the reviewer
            ("application", world.service),  # approved
        ):
            with pytest.raises(errors.RaiseException, match=refused):
                conn.execute(ATTACH, (world.family, kind, item, "post_attachment", JPEG))
        with pytest.raises(errors.RaiseException, match="document kind"):  # a post's file on an application
            conn.execute(
                ATTACH, (world.family, "application", world.pending_application, "post_attachment", JPEG)
            )
        with pytest.raises(errors.RaiseException, match="document kind"):  # an ID document on a post
            conn.execute(
                "SELECT reviewdesk_portal_attach(%s, 'post', reviewdesk_portal_post(%s, %s, 't', 'b'), "
                "'id_document', 'x.jpg', 'image/jpeg', %s)",
                (world.family, world.family, world.service, JPEG),
            )
    with Session(world.engine) as s:
        assert len(s.scalars(select(Document.id).where(Document.post_id == world.other_post)).all()) == 1
        assert len(s.scalars(select(Document.id).where(Document.post_id == claimed_id)).all()) == 1


def test_staff_cannot_use_the_portals_door(world: World) -> None:
    """A reviewer cannot submit a post as a family, nor read a family's view through it."""
    with _connect(world.reviewer.username, world.reviewer.password, world.reviewer.url) as conn:
        for sql in (
            f"SELECT reviewdesk_portal_post({world.family}, {world.service}, 't', 'b')",
            f"SELECT * FROM reviewdesk_portal_family({world.family})",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(sql)
