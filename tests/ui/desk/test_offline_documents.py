"""Offline work on documents (#20 item 2): each pull fetches the claimed items' documents into the
user-only cache, within the cache's cap (sync/document_checks.py, on the desk's sync worker). With
the shared database gone, a fetched document opens and its item can be approved; a document not
fetched cannot be shown, so its item cannot be approved: the button stays off and Ctrl+Enter only
says why."""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.core.checks import doc_key
from reviewer_app.demo.seed import STAFF_USERNAME
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import Qt
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.sync.service import Sync
from reviewer_app.ui.queue.rows import ItemKey
from tests.ui.conftest import WORKSTATION, go_to, idle, look_at_documents, make_context, open_desk

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def network_share(tmp_path: Path, shared_engine: Engine) -> Iterator[tuple[Path, Engine]]:
    """The shared database reached through a mount point that the test can pull away."""
    real = Path(str(shared_engine.url.database)).parent
    mount = tmp_path / "mnt"
    mount.symlink_to(real, target_is_directory=True)
    engine = make_engine(f"sqlite:///{mount / 'shared.sqlite3'}")
    yield mount, engine
    engine.dispose()
    if not mount.exists():
        mount.symlink_to(real, target_is_directory=True)


def test_claimed_documents_are_fetched_ahead_and_open_offline(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, network_share: tuple[Path, Engine]
) -> None:
    mount, engine = network_share
    sync.pull()  # (into another cache) to learn the batch's documents and size the cap
    items = {i.key: i.snapshot.documents for i in journal.items() if i.local_status == "pending"}
    # The cap holds the documents of the eight oldest items (fetched first), not the rest's.
    cap = sum({doc_key(d): d.size_bytes for i in journal.items()[:8] for d in i.snapshot.documents}.values())
    store = DocumentStore(engine, tmp_path / "document-cache", None, max_cache_bytes=cap)
    remote = Sync(engine, journal, STAFF_USERNAME, WORKSTATION, sync.who.facility_id, documents=store)
    context = dataclasses.replace(
        make_context(journal, remote, tmp_path, store), retry_delays_ms=(200,) * 100
    )
    assert store.cache.files() == []

    desk = open_desk(qtbot, context)
    try:
        # Nothing opened, yet the documents are on the disk, user-only, under the cap.
        qtbot.waitUntil(lambda: idle(desk) and len(store.cache.files()) > 0)
        qtbot.waitUntil(lambda: idle(desk))
        assert 0 < store.cache.total_bytes() <= cap
        assert stat.S_IMODE(os.stat(store.cache.folder).st_mode) == 0o700
        assert {stat.S_IMODE(os.stat(f).st_mode) for f in store.cache.files()} == {0o600}
        every = [d for docs in items.values() for d in docs]
        fetched = {doc_key(d) for d in every if store.cache.holds(d.id, d.sha256)}

        def ready_offline(key: ItemKey) -> bool:
            return all(doc_key(d) in fetched for d in items[key])

        def approvable(key: ItemKey) -> bool:
            detail = desk.detail_of(key)
            assert detail is not None
            return bool(items[key]) and not detail.blocking and key != desk.selected_key()

        ready = next(k for k in items if approvable(k) and ready_offline(k))
        missing = next(k for k in items if approvable(k) and not ready_offline(k))

        mount.unlink()  # the network goes
        engine.dispose()

        # A document fetched ahead opens offline; once seen, the item can be approved.
        go_to(qtbot, desk, ready)
        look_at_documents(qtbot, desk)
        assert desk.viewer.problems() == []
        assert desk.panel.approve_button.isEnabled()
        qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: [(d.kind, d.item_id) for d in journal.decisions()] == [ready] and idle(desk))

        # One not fetched cannot be shown now: no approval, and Ctrl+Enter says why.
        go_to(qtbot, desk, missing)
        qtbot.waitUntil(lambda: "無法連線" in desk.viewer.message.text() and idle(desk))
        assert not desk.panel.approve_button.isEnabled()
        desk.statusBar().clearMessage()
        qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: desk.statusBar().currentMessage() != "")
        assert desk.statusBar().currentMessage() == desk.panel.approve_button.toolTip()
        qtbot.waitUntil(lambda: idle(desk))
        assert [(d.kind, d.item_id) for d in journal.decisions()] == [ready]
        assert desk.selected_key() == missing
    finally:
        desk.close()
