"""The pull hashes the claimed pictures once (issue 21 item 4): after it, each claimed picture has its
perceptual hash in the shared database, a PDF a row without one; the next pull hashes nothing again."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.demo.documents import family_photo, relationship_proof_pdf
from reviewer_app.documents import perceptual
from reviewer_app.shared_db.models import ImageHash
from reviewer_app.sync import image_hashes
from tests import factories
from tests.desk import Workstation, workstation


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture
def desk(engine: Engine, shared_url: str, tmp_path: Path) -> Iterator[Workstation]:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        factories.post(
            s,
            factories.family(s, fac),
            uploads=[
                (family_photo(random.Random(1), 800, 600), "image/jpeg", "a.jpg"),
                (
                    relationship_proof_pdf(random.Random(2), "林小華", "王大明", "母親"),
                    "application/pdf",
                    "b.pdf",
                ),
            ],
        )
        fid = fac.id
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    yield ws
    ws.close()


def test_the_pull_hashes_the_claimed_pictures_once(
    engine: Engine, desk: Workstation, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[int] = []
    real = perceptual.perceptual_hash

    def counted(data: bytes) -> perceptual.PerceptualHash | None:
        hashed.append(len(data))
        return real(data)

    monkeypatch.setattr(image_hashes, "perceptual_hash", counted)
    desk.sync.pull()
    with Session(engine) as s:
        rows = {row.document_id: row.hash for row in s.scalars(select(ImageHash))}
    # every claimed document: the family's application documents are not claimed with the post
    claimed = [doc for item in desk.journal.items() for doc in item.snapshot.documents]
    assert set(rows) == {doc.id for doc in claimed}
    by_name = {doc.filename: rows[doc.id] for doc in claimed}
    assert by_name["a.jpg"] is not None and len(by_name["a.jpg"]) == perceptual.HEX_DIGITS
    assert by_name["b.pdf"] is None  # not a picture: never tried again either
    first = len(hashed)
    assert first == len(claimed)

    desk.sync.pull()
    desk.sync.check_documents()
    assert len(hashed) == first
