"""Documents kept with the shared database (the embedded default), on SQLite and PostgreSQL, and the
cache hygiene around them: user-only files, gone after sync, at sign-out and when stale."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, update
from sqlalchemy.orm import Session

from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.documents import ImageDocument, Rejected
from reviewer_app.documents.hygiene import evict_on_sync, item_document_ids
from reviewer_app.documents.pipeline import open_document
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import DocumentBlob, Post
from reviewer_app.sync.service import Sync
from tests import factories
from tests.desk import Workstation, workstation
from tests.documents import corpus
from tests.documents.conftest import StoreFactory


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture
def desk(engine: Engine, shared_url: str, tmp_path: Path) -> Iterator[Workstation]:
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    yield ws
    ws.close()


def _posts_with_photos(engine: Engine, desk: Workstation, count: int) -> list[int]:
    """`count` families, each with a pending post carrying a real phone photo."""
    ids = []
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        for n in range(count):
            post = factories.post(s, factories.family(s, fac), submitted_at=factories.T0.replace(hour=n))
            photo = corpus.photo(orientation=1 + n % 8)
            (document,) = post.documents  # the factory's placeholder becomes a real phone photo
            document.size_bytes = len(photo)
            document.sha256 = hashlib.sha256(photo).hexdigest()
            assert document.blob is not None
            document.blob.data = photo
            s.flush()
            ids.append(post.id)
    desk.sync.pull()
    return ids


def _docs(desk: Workstation, post_id: int) -> list[DocumentRef]:
    item = desk.journal.item("post", post_id)
    assert item is not None
    return list(item.snapshot.documents)


def test_embedded_documents_come_from_the_shared_database(
    engine: Engine, desk: Workstation, make_store: StoreFactory
) -> None:
    (post_id,) = _posts_with_photos(engine, desk, 1)
    store = make_store(engine)
    (photo_doc,) = _docs(desk, post_id)
    assert store.fetch(photo_doc) == corpus.photo(1)
    shown = open_document(store, photo_doc, Policy(), (320, 320))
    assert isinstance(shown, ImageDocument) and shown.image.size == (320, 240)


def test_altered_or_missing_blob_is_a_message_on_that_document(
    engine: Engine, desk: Workstation, make_store: StoreFactory
) -> None:
    first, second = _posts_with_photos(engine, desk, 2)
    (photo_doc,), (placeholder,) = _docs(desk, first), _docs(desk, second)
    with Session(engine) as s, s.begin():
        blob = update(DocumentBlob).where(DocumentBlob.document_id == photo_doc.id)
        s.execute(blob.values(data=corpus.photo(3)))
        s.execute(delete(DocumentBlob).where(DocumentBlob.document_id == placeholder.id))
    store = make_store(engine)
    altered = store.fetch(photo_doc)
    assert isinstance(altered, Rejected) and altered.code in ("hash_mismatch", "size_mismatch")
    missing = store.fetch(placeholder)
    assert isinstance(missing, Rejected) and missing.code == "missing" and "找不到" in missing.reason
    assert store.cache.files() == []


def test_unreachable_shared_database_is_a_message_not_a_crash(
    tmp_path: Path, make_store: StoreFactory
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/no/such/folder/shared.sqlite3")
    doc = DocumentRef(1, "id_document", "id.jpg", "image/jpeg", size_bytes=3, sha256="0" * 64)
    refused = make_store(engine).fetch(doc)
    assert isinstance(refused, Rejected) and refused.code == "unavailable"
    engine.dispose()


def test_incomplete_record_is_refused(make_store: StoreFactory) -> None:
    # As a journal written by hand (or damaged) would give it back: no hash.
    refused = make_store().fetch(DocumentRef.from_json({"id": 7, "storage": "embedded", "size_bytes": 10}))
    assert isinstance(refused, Rejected) and refused.code == "bad_record"


def test_cache_files_are_user_only_and_go_once_the_decision_has_synced(
    engine: Engine, desk: Workstation, make_store: StoreFactory, cache_folder: Path
) -> None:
    first, second = _posts_with_photos(engine, desk, 2)
    old_umask = os.umask(0)  # even a careless umask must not open the cache to others
    try:
        store = make_store(engine)
        for doc in _docs(desk, first) + _docs(desk, second):
            assert isinstance(store.fetch(doc), bytes)
    finally:
        os.umask(old_umask)
    assert cache_folder.stat().st_mode & 0o777 == 0o700
    assert len(store.cache.files()) == 2
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in store.cache.files())

    sync = Sync(
        desk.engine, desk.journal, desk.username, desk.name, desk.sync.who.facility_id,
        clock=desk.clock, on_synced=evict_on_sync(store, desk.journal),
    )  # fmt: skip
    desk.decide("post", first, "approve")
    assert len(store.cache.files()) == 2  # decided but not synced: still needed (undo is possible)
    assert sync.push().applied == 1

    left = {int(f.name.split("-")[0]) for f in store.cache.files()}
    assert left == set(item_document_ids(desk.journal, "post", second))
    with Session(engine) as s:
        post = s.get(Post, first)
        assert post is not None and post.status == "approved"


def test_a_failing_hook_does_not_make_a_synced_push_fail(
    engine: Engine, desk: Workstation, caplog: pytest.LogCaptureFixture
) -> None:
    (post_id,) = _posts_with_photos(engine, desk, 1)

    def broken(_record: object) -> None:
        raise OSError("disk gone")

    sync = Sync(desk.engine, desk.journal, desk.username, desk.name, desk.sync.who.facility_id,
                clock=desk.clock, on_synced=broken)  # fmt: skip
    desk.decide("post", post_id, "approve")
    with caplog.at_level(logging.ERROR):
        assert sync.push().applied == 1
    assert desk.journal.counts().waiting_to_sync == 0
    assert "on_synced hook failed" in caplog.text


def test_sign_out_clears_the_cache(engine: Engine, desk: Workstation, make_store: StoreFactory) -> None:
    (post_id,) = _posts_with_photos(engine, desk, 1)
    store = make_store(engine)
    for doc in _docs(desk, post_id):
        store.fetch(doc)
    assert store.cache.files()
    store.clear()
    assert store.cache.files() == [] and list(store.cache.folder.iterdir()) == []


def test_stale_files_are_removed_at_start(make_store: StoreFactory, cache_folder: Path) -> None:
    store = make_store()
    photo = corpus.photo()
    sha = hashlib.sha256(photo).hexdigest()
    store.cache.put(1, sha, photo)
    store.cache.put(2, sha, photo)
    leftover = cache_folder / ".3-crashed.part"  # a write interrupted by a crash
    leftover.write_bytes(b"half")
    day_ago = time.time() - 24 * 3600
    for path in [*cache_folder.glob("1-*"), leftover]:
        os.utime(path, (day_ago, day_ago))

    make_store().purge_stale()  # the next start

    assert [p.name.split("-")[0] for p in store.cache.files()] == ["2"]


def test_cache_is_capped_and_keeps_the_most_recent(make_store: StoreFactory, cache_folder: Path) -> None:
    photo = corpus.photo()
    store = make_store(max_cache_bytes=int(len(photo) * 2.5))
    sha = hashlib.sha256(photo).hexdigest()
    for doc_id in range(1, 6):
        store.cache.put(doc_id, sha, photo)
        past = time.time() - 100 + doc_id  # distinct ages, oldest first
        for path in cache_folder.glob(f"{doc_id}-*"):
            os.utime(path, (past, past))
    assert store.cache.total_bytes() <= store.cache.max_bytes
    assert sorted(int(p.name.split("-")[0]) for p in store.cache.files()) == [4, 5]


def test_a_cached_file_altered_on_disk_is_not_used(
    engine: Engine, desk: Workstation, make_store: StoreFactory
) -> None:
    (post_id,) = _posts_with_photos(engine, desk, 1)
    (photo_doc,) = _docs(desk, post_id)
    store = make_store(engine)
    original = store.fetch(photo_doc)
    (cached,) = [p for p in store.cache.files() if p.name.startswith(f"{photo_doc.id}-")]
    cached.write_bytes(corpus.photo(2))
    assert store.fetch(photo_doc) == original  # read again from the shared database
