"""The reused-image flag behind PostgreSQL's facility walls (issue 21 item 4), as staff logins: each
workstation hashes its own facility's pictures; a reviewer of facility A sees the A item that used
the same picture named and only a count for facility B, and plain SQL shows no more."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from psycopg import errors
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from reviewer_app.core.items import DocumentRef
from reviewer_app.demo.documents import family_photo
from reviewer_app.documents.store import DocumentStore
from reviewer_app.sync.image_hashes import hash_documents, reused_images
from reviewer_app.sync.pull import documents_of
from tests import factories
from tests.factories import T0
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres

PHOTO = family_photo(random.Random(31), 1600, 1200, quality=92)


def _recompressed(data: bytes) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(data)).resize((1000, 750)).save(out, "JPEG", quality=55)
    return out.getvalue()


@dataclass
class World:
    a: Login
    b: Login
    a_facility: int
    b_facility: int
    a_rejected_post: int
    a_pending_doc: int
    b_doc: int
    a_docs: list[DocumentRef]
    b_docs: list[DocumentRef]


@pytest.fixture
def world(pg_url: str, pg_logins: PgLogins) -> Iterator[World]:
    admin = factories.shared_engine(pg_url)
    with Session(admin) as s, s.begin():
        ttd, ksp = factories.facility(s, "TTD"), factories.facility(s, "KSP")
        rejected = factories.post(s, factories.family(s, ttd), uploads=[(PHOTO, "image/jpeg", "a.jpg")])
        rejected.status, rejected.version = "rejected", 2
        pending = factories.post(
            s,
            factories.family(s, ttd),
            uploads=[(_recompressed(PHOTO), "image/jpeg", "b.jpg")],
            submitted_at=T0 + timedelta(days=1),
        )
        elsewhere = factories.post(s, factories.family(s, ksp), uploads=[(PHOTO, "image/jpeg", "c.jpg")])
        s.flush()
        ids = (
            ttd.id,
            ksp.id,
            rejected.id,
            pending.documents[0].id,
            elsewhere.documents[0].id,
            [*documents_of(rejected.documents), *documents_of(pending.documents)],
            list(documents_of(elsewhere.documents)),
        )
    admin.dispose()
    yield World(pg_logins.add("reviewer", "TTD", ids[0]), pg_logins.add("reviewer", "KSP", ids[1]), *ids)


def _as(login: Login) -> Engine:
    return create_engine(login.url)


def _hash_as(login: Login, facility: int, docs: list[DocumentRef], tmp_path: Path) -> None:
    engine = _as(login)
    store = DocumentStore(engine, tmp_path / login.username, None)
    try:
        assert hash_documents(engine, store, facility, docs, lambda: T0) == len(docs)
    finally:
        store.close()
        engine.dispose()


def test_a_reviewer_sees_their_facility_s_item_named_and_only_a_count_for_another(
    world: World, tmp_path: Path
) -> None:
    _hash_as(world.a, world.a_facility, world.a_docs, tmp_path)
    _hash_as(world.b, world.b_facility, world.b_docs, tmp_path)

    engine = _as(world.a)
    try:
        reuse = reused_images(engine, world.a_facility, [world.a_pending_doc])[world.a_pending_doc]
    finally:
        engine.dispose()
    assert [(o.kind, o.item_id, o.status) for o in reuse.named] == [
        ("post", world.a_rejected_post, "rejected")
    ]
    assert reuse.elsewhere == 1

    engine = _as(world.b)
    try:
        reuse = reused_images(engine, world.b_facility, [world.b_doc])[world.b_doc]
    finally:
        engine.dispose()
    assert reuse.named == () and reuse.elsewhere == 2


def test_plain_sql_shows_a_staff_login_no_more(world: World, tmp_path: Path) -> None:
    _hash_as(world.a, world.a_facility, world.a_docs, tmp_path)
    _hash_as(world.b, world.b_facility, world.b_docs, tmp_path)
    with world.a.connect() as conn:
        assert conn.execute("SELECT count(*) FROM image_hashes").fetchone() == (2,)
        # Asking about another facility's document answers nothing.
        rows = conn.execute("SELECT * FROM reviewdesk_reused_images(%s, 100)", (world.b_doc,)).fetchall()
        assert rows == []
        # Another facility's item is never named, however wide the question.
        rows = conn.execute(
            "SELECT * FROM reviewdesk_reused_images(%s, 100)", (world.a_pending_doc,)
        ).fetchall()
        assert sum(1 for r in rows if r[2] is None) == 1 and all(r[2] != world.b_doc for r in rows)


def test_a_counsellor_has_neither_the_hashes_nor_the_question(world: World, pg_logins: PgLogins) -> None:
    """Need-to-know (0009): a counsellor prints posts; which family used which picture is not theirs."""
    counsellor = pg_logins.add("counsellor", "TTD", world.a_facility)
    with counsellor.connect() as conn:
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM reviewdesk_reused_images(%s, 8)", (world.a_pending_doc,))
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM image_hashes")


def test_a_staff_login_cannot_write_a_hash_for_another_facility_s_document(world: World) -> None:
    with world.a.connect() as conn:
        for facility in (world.a_facility, world.b_facility):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(
                    "INSERT INTO image_hashes (document_id, facility_id, hash, hashed_at) "
                    "VALUES (%s, %s, NULL, now())",
                    (world.b_doc, facility),
                )
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("DELETE FROM image_hashes")
