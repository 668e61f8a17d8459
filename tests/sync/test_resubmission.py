"""What changed since the rejection (issue 21 item 3), on both databases: a post sent again after a
rejection is linked to it; the desk's comparison gives the reasons, the text changes, and each
photo as the same file, a similar picture or a different one; an application's documents replaced
or not. And the reused-image flag on SQLite (PostgreSQL's walls:
tests/shared_db/test_reused_images_walls.py)."""

from __future__ import annotations

import io
import random
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.demo.documents import family_photo
from reviewer_app.documents.store import DocumentStore
from reviewer_app.shared_db.models import Decision, ImageHash, Post, ServiceApplication
from reviewer_app.sync.image_hashes import hash_documents, reused_images
from reviewer_app.sync.pull import documents_of
from reviewer_app.sync.resubmission import Segment, compare, text_diff
from tests import factories
from tests.factories import T0

PHOTO = family_photo(random.Random(21), 1600, 1200, quality=92)
OTHER_PHOTO = family_photo(random.Random(22), 1600, 1200, quality=92)


def _recompressed(data: bytes) -> bytes:
    image = Image.open(io.BytesIO(data))
    out = io.BytesIO()
    image.resize((800, 600)).save(out, "JPEG", quality=60)
    return out.getvalue()


def _rejected(s: Session, item: Post | ServiceApplication, kind: str, codes: list[str], message: str) -> None:
    item.status, item.version, item.decided_at = "rejected", 2, item.submitted_at + timedelta(hours=3)
    s.add(
        Decision(
            idempotency_key=str(uuid.uuid4()),
            facility_id=item.facility_id,
            item_kind=kind,
            item_id=item.id,
            item_version=1,
            outcome="reject",
            reason_codes=codes,
            message_to_family=message,
            note="照片看不清楚孩子",
            staff_username="ttd_reviewer",
            workstation="ws-1",
            decided_at=item.submitted_at + timedelta(hours=3),
        )
    )
    s.flush()


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine: Engine, tmp_path: Path) -> Iterator[DocumentStore]:
    store = DocumentStore(engine, tmp_path / "cache", None)
    yield store
    store.close()


def _photo(data: bytes, name: str = "IMG_0001.jpg") -> tuple[bytes, str, str]:
    return (data, "image/jpeg", name)


def test_a_post_sent_again_is_compared_with_the_rejected_one(engine: Engine, store: DocumentStore) -> None:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        first = factories.post(s, app, body="孩子考試考一百分，買了新玩具。", uploads=[_photo(PHOTO)])
        _rejected(s, first, "post", ["P2_CONTENT"], "內容與子女無關，請修正後重新發佈。")
        again = factories.post(
            s,
            app,
            body="孩子考試考一百分，很想念爸爸。",
            submitted_at=T0 + timedelta(days=1),
            uploads=[_photo(_recompressed(PHOTO)), _photo(OTHER_PHOTO, "IMG_0002.jpg")],
        )
        ids = (first.id, again.id)
    found = compare(engine, store, "post", ids[1])

    assert found is not None and found.earlier_id == ids[0]
    assert found.message_to_family == "內容與子女無關，請修正後重新發佈。"
    assert found.reasons and found.note == "照片看不清楚孩子"
    assert Segment("removed", "買了新玩具") in found.body
    assert Segment("added", "很想念爸爸") in found.body
    assert Segment("same", "孩子考試考一百分，") in found.body
    pictures = [(d.filename, d.status, d.picture) for d in found.documents]
    assert pictures == [("IMG_0001.jpg", "replaced", "similar"), ("IMG_0002.jpg", "added", None)]
    # The look writes nothing (the pull stores the hashes: test_pull_hashes_pictures.py).
    with Session(engine) as s:
        assert s.scalar(select(ImageHash).limit(1)) is None


def test_the_same_photo_again_is_the_same_and_a_new_one_different(
    engine: Engine, store: DocumentStore
) -> None:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        first = factories.post(s, app, uploads=[_photo(PHOTO), _photo(OTHER_PHOTO, "b.jpg")])
        _rejected(s, first, "post", ["P5_TOO_MANY_PHOTOS"], "照片太多")
        again = factories.post(
            s,
            app,
            submitted_at=T0 + timedelta(days=2),
            uploads=[_photo(PHOTO), _photo(family_photo(random.Random(99), 1600, 1200), "c.jpg")],
        )
        again_id = again.id
    found = compare(engine, store, "post", again_id)
    assert found is not None and not found.text_changed
    assert [(d.status, d.picture) for d in found.documents] == [
        ("unchanged", "same"),
        ("replaced", "different"),
    ]


def test_a_post_after_the_window_or_without_a_rejection_is_not_linked(
    engine: Engine, store: DocumentStore
) -> None:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        first = factories.post(s, app)
        _rejected(s, first, "post", ["P2_CONTENT"], "內容")
        late = factories.post(s, app, submitted_at=T0 + timedelta(days=45))
        other = factories.post(s, factories.family(s, fac), submitted_at=T0 + timedelta(days=1))
        ids = (late.id, other.id)
    assert compare(engine, store, "post", ids[0]) is None
    assert compare(engine, store, "post", ids[1]) is None


def test_an_application_sent_again_says_which_documents_were_replaced(
    engine: Engine, store: DocumentStore
) -> None:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        first = factories.family(s, fac, approved=False)
        _rejected(s, first, "application", ["E5_MISSING_DOCUMENT"], "請上傳清晰的正面照片")
        again = ServiceApplication(
            facility_id=first.facility_id,
            applicant_id=first.applicant_id,
            inmate_id=first.inmate_id,
            relationship_code="mother",
            call_number_entered=first.call_number_entered,
            submitted_at=T0 + timedelta(days=3),
        )
        for old in first.documents:
            data = PHOTO if old.kind == "applicant_photo" else factories.jpeg()
            again.documents.append(
                factories._doc(first.facility_id, old.kind, data, "image/jpeg", old.filename)
            )
        s.add(again)
        s.flush()
        again_id = again.id
    found = compare(engine, store, "application", again_id)
    assert found is not None
    by_kind = {d.kind: (d.status, d.picture) for d in found.documents}
    assert by_kind == {
        "id_document": ("unchanged", "same"),
        "relationship_proof": ("unchanged", "same"),
        "applicant_photo": ("replaced", "different"),
    }


@pytest.mark.parametrize("shared_url", ["sqlite"], indirect=True)
def test_a_picture_another_family_used_is_flagged_with_its_item(engine: Engine, store: DocumentStore) -> None:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        rejected = factories.post(s, factories.family(s, fac), uploads=[_photo(PHOTO)])
        rejected.status = "rejected"
        mine = factories.post(s, factories.family(s, fac), uploads=[_photo(_recompressed(PHOTO))])
        own_family = factories.post(
            s, mine.service, uploads=[_photo(PHOTO)], submitted_at=T0 - timedelta(days=40)
        )
        other_fac = factories.facility(s, "KSP")
        elsewhere = factories.post(s, factories.family(s, other_fac), uploads=[_photo(PHOTO)])
        unrelated = factories.post(s, factories.family(s, fac), uploads=[_photo(OTHER_PHOTO)])
        posts = [rejected, mine, own_family, elsewhere, unrelated]
        docs = {p.id: documents_of(p.documents) for p in posts}
        facility_ids = {p.id: p.facility_id for p in posts}
        mine_doc, rejected_id, fac_id = mine.documents[0].id, rejected.id, fac.id
    for post_id, refs in docs.items():
        hash_documents(engine, store, facility_ids[post_id], refs, lambda: T0)

    found = reused_images(engine, fac_id, [mine_doc])

    reuse = found[mine_doc]
    # The rejected post of another family is named; the family's own earlier post is no reuse; the
    # other facility's is only counted.
    assert [(o.kind, o.item_id, o.status) for o in reuse.named] == [("post", rejected_id, "rejected")]
    assert reuse.elsewhere == 1


def test_the_text_diff_marks_whole_rewritten_phrases() -> None:
    """A character both sentences happen to share (你, 我) does not cut a rewritten phrase in pieces."""
    before = "孩子這週段考成績進步很多。另外你那台車我先賣掉了，錢拿去還貸款。"
    after = "孩子這週段考成績進步很多。他說很想念爸爸，要你保重身體。"
    assert text_diff(before, after) == (
        Segment("same", "孩子這週段考成績進步很多。"),
        Segment("removed", "另外你那台車我先賣掉了，錢拿去還貸款"),
        Segment("added", "他說很想念爸爸，要你保重身體"),
        Segment("same", "。"),
    )
    assert text_diff("一樣", "一樣") == (Segment("same", "一樣"),)
    assert text_diff("", "新的") == (Segment("added", "新的"),)
