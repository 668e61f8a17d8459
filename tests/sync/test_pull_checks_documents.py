"""R7 from the pull on: the engine judges P5/P6 on the bytes as soon as an item is claimed, not only
once the desk's viewer opened its documents. The pull fetches each claimed item's documents into the
workstation's cache (so they open offline) and records what the loader found; an approval made
through the journal alone (a scenario, the command line) is judged like one made at the desk, and a
document whose bytes could not be had is still refused.

Real parts: a shared SQLite file written as the portal would, journal files, the real loader on real
JPEG and PDF bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.core.policy import MB
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import DecisionRefused
from reviewer_app.sync.service import Sync
from tests import factories
from tests.desk import Workstation, workstation
from tests.documents import corpus


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(sqlite_url)
    yield engine
    engine.dispose()


@pytest.fixture
def desk(engine: Engine, sqlite_url: str, tmp_path: Path) -> Iterator[Workstation]:
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    ws = workstation(sqlite_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    yield ws
    ws.close()


def _post(engine: Engine, desk: Workstation, uploads: list[tuple[bytes, str, str]]) -> int:
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        return factories.post(s, factories.family(s, fac), uploads=uploads).id


def _approve(desk: Workstation, post_id: int) -> str:
    """An approval through the journal alone: nobody opened anything in a viewer."""
    return desk.journal.decide(
        kind="post",
        item_id=post_id,
        outcome="approve",
        staff_username=desk.username,
        workstation=desk.name,
        now=desk.clock(),
    ).outcome


def _blocking(desk: Workstation, post_id: int) -> list[str]:
    return [f.code for f in desk.journal.findings("post", post_id, desk.clock()) if f.blocks]


def test_right_after_the_pull_the_rules_judge_the_bytes_and_a_good_post_approves(
    engine: Engine, desk: Workstation
) -> None:
    declared_png = [
        (corpus.photo(), "image/png", "IMG_0001.png"),
        (corpus.proof_pdf(1), "image/png", "獎狀.png"),
    ]
    good = _post(engine, desk, declared_png)
    big = _post(engine, desk, [(corpus.photo_of_size(int(15.9 * MB)), "application/pdf", "成績單.pdf")])

    assert desk.sync.pull().claimed == 2

    assert _blocking(desk, good) == []  # one photo and one PDF, whatever the portal declared
    assert _blocking(desk, big) == ["P5_PHOTO_TOO_LARGE"]
    assert _approve(desk, good) == "approve"
    with pytest.raises(DecisionRefused):
        _approve(desk, big)


def test_the_pulled_documents_open_from_the_cache_once_the_shared_database_is_gone(
    engine: Engine, desk: Workstation, tmp_path: Path
) -> None:
    post_id = _post(engine, desk, [(corpus.photo(), "image/jpeg", "IMG_0001.jpg")])
    store = DocumentStore(engine, tmp_path / "desk-cache", None)
    sync = Sync(engine, desk.journal, desk.username, desk.name, desk.sync.who.facility_id, documents=store)
    sync.pull()
    (doc,) = desk.journal.item("post", post_id).snapshot.documents  # type: ignore[union-attr]

    offline = DocumentStore(None, tmp_path / "desk-cache", None)  # the same cache, no shared database
    assert isinstance(offline.fetch(doc), bytes)


def test_a_document_the_pull_could_not_fetch_cannot_be_approved_until_it_is_opened(
    engine: Engine, desk: Workstation, tmp_path: Path
) -> None:
    post_id = _post(engine, desk, [(corpus.photo(), "image/jpeg", "IMG_0001.jpg")])
    unreachable = DocumentStore(None, tmp_path / "no-store", None)  # the file store is out of reach
    sync = Sync(
        engine, desk.journal, desk.username, desk.name, desk.sync.who.facility_id, documents=unreachable
    )
    assert sync.pull().claimed == 1

    with pytest.raises(DecisionRefused) as refused:
        _approve(desk, post_id)
    assert [f.code for f in refused.value.findings] == ["DOC_NOT_SEEN"]

    desk.view("post", post_id)  # the viewer reaches it later
    assert _approve(desk, post_id) == "approve"
