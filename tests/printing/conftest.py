"""Fixtures for printing: a seeded shared SQLite file with extra approved posts (a PDF attachment, a
photo stored sideways, a very long text, a damaged upload), and a counsellor's workstation on it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from reviewer_app.demo.seed import seed
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import Journal
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.sync.service import Sync, facility_of
from tests.printing import world

LONG_TITLE = "給爸爸的一封長信：" + "孩子們這個學期在學校裡的表現都很好，" * 6
LONG_BODY = "\n".join(
    f"這是第 {n} 段。孩子這學期很努力，老師說他上課專心，回家也會自己寫功課。"
    "週末我們去了外婆家，大家都很想你，希望你保重身體，早日回家團聚。"
    for n in range(1, 15)
)


@dataclass(frozen=True)
class Seeded:
    path: Path
    with_pdf: int  # a photo and a 2-page PDF attachment
    sideways: int  # a portrait photo stored sideways (EXIF orientation 6)
    long_text: int  # a title and body far longer than one page holds
    damaged: int  # a photo whose bytes are not a picture


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Seeded:
    path = tmp_path_factory.mktemp("print-seed") / "shared.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed(engine, families=12, full_documents=0)
    seeded = Seeded(
        path,
        with_pdf=world.approved_post(
            engine,
            [
                (world.jpeg(1600, 1200), "image/jpeg", "IMG_0001.jpg"),
                (world.pdf(2), "application/pdf", "獎狀.pdf"),
            ],
            title="孩子得獎了",
            body="小寶參加語文競賽得到第一名，獎狀附在後面給你看。",
        ),
        sideways=world.approved_post(
            engine,
            [(world.sideways_photo(), "image/jpeg", "IMG_2040.JPG")],
            title="直的照片",
            body="手機直拿拍的。",
        ),
        long_text=world.approved_post(
            engine, [(world.jpeg(800, 1200), "image/jpeg", "IMG_3000.jpg")], title=LONG_TITLE, body=LONG_BODY
        ),
        damaged=world.approved_post(
            engine,
            [(b"\xff\xd8\xff\xe0 not really a picture" * 20, "image/jpeg", "壞掉的照片.jpg")],
            title="照片傳壞了",
            body="照片好像沒有傳成功。",
        ),
    )
    engine.dispose()
    return seeded


@pytest.fixture
def shared(tmp_path: Path, seeded: Seeded) -> Iterator[Engine]:
    path = tmp_path / "shared.sqlite3"
    shutil.copy(seeded.path, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@dataclass
class Counsellor:
    journal: Journal
    sync: Sync
    store: DocumentStore
    desk: PrintDesk


@pytest.fixture
def counsellor(shared: Engine, tmp_path: Path) -> Iterator[Counsellor]:
    journal = Journal(tmp_path / "counsellor-journal.sqlite3")
    sync = Sync(shared, journal, "counsellor", "ws-print", facility_of(shared, "counsellor"))
    store = DocumentStore(shared, tmp_path / "document-cache", None)
    yield Counsellor(journal, sync, store, PrintDesk(sync, store.fetch_to_print, "黃輔導員"))
    store.close()
    journal.close()
