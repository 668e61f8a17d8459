"""Never waits: while a document load or a sync is slow, the GUI thread keeps handling events.

The slow sync is real: another connection holds the shared SQLite file's write lock, so the sync's
claim renewal waits on it (as it would behind a busy facility server). The slow document load holds
the store's fetch on an event the test releases. Meanwhile timers fire on the GUI thread, the reviewer
moves through the queue by keyboard and records a decision.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.documents.store import DocumentStore
from reviewer_app.documents.verdicts import Rejected
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import Qt, QTimer
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors
from reviewer_app.ui.desk.main_window import MainWindow
from tests.ui.conftest import go_to, make_context, proxy_rows

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

CTRL = Qt.KeyboardModifier.ControlModifier


class GatedStore:
    """The real document store, whose fetches wait until the test opens the gate (a slow network)."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self.gate = threading.Event()
        self.waiting = threading.Event()
        self.worker_threads: set[int] = set()

    def fetch(self, doc: dict[str, Any]) -> bytes | Rejected:
        self.worker_threads.add(threading.get_ident())
        self.waiting.set()
        if not self.gate.wait(30):
            raise TimeoutError("the test never opened the gate")
        return self.store.fetch(doc)


#: The longest the GUI thread may go without handling its timer: the reviewer would notice a freeze
#: of 300 ms, so the bound sits below it.
LONGEST_GAP_S = 0.2


class Ticker:
    """A GUI-thread timer logging its ticks: proof that the event loop is running, and how long it
    ever stopped (the longest gap between two ticks)."""

    def __init__(self) -> None:
        self.threads: list[int] = []
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.threads.append(threading.get_ident())
        self.times.append(time.monotonic())

    def __enter__(self) -> Ticker:
        self.times.append(time.monotonic())
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()

    def ticks(self) -> int:
        return len(self.threads)

    def longest_gap(self) -> float:
        """Seconds, the longest the GUI thread went without a tick (from the start to now)."""
        times = [*self.times, time.monotonic()]
        return max(b - a for a, b in itertools.pairwise(times))


@pytest.fixture
def window_factory(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
    assert executors.finish_all(30_000)  # their decisions are written before the journal closes


def show(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and window.panel.detail() is not None)
    return window


def test_gui_keeps_working_while_a_document_load_is_slow(
    qtbot: QtBot,
    sync: Sync,
    journal: Journal,
    shared_engine: Engine,
    tmp_path: Path,
    window_factory: list[MainWindow],
) -> None:
    sync.pull()
    store = GatedStore(DocumentStore(shared_engine, tmp_path / "document-cache", None))
    desk = MainWindow(make_context(journal, sync, tmp_path, documents=store))  # type: ignore[arg-type]
    window_factory.append(desk)
    gui = threading.get_ident()
    try:
        show(qtbot, desk)
        with Ticker() as ticker:
            qtbot.waitUntil(store.waiting.is_set)  # a fetch is stuck on the document worker
            start = ticker.ticks()
            qtbot.waitUntil(lambda: ticker.ticks() >= start + 5)
            assert set(ticker.threads) == {gui}
            assert gui not in store.worker_threads

            # The item shown says its document is loading; the reviewer works on regardless. It cannot
            # be approved unseen (R7), but it can be rejected.
            with_docs = next(
                r.key
                for r in proxy_rows(desk)
                if r.kind == "post"
                and r.status == "pending"
                and not r.blocking_rules
                and desk.detail_of(r.key).snapshot.documents
            )
            go_to(qtbot, desk, with_docs)
            assert desk.viewer.message.text() == "文件載入中…"
            assert not desk.panel.approve_action.isEnabled()
            assert "尚未開啟檢視" in desk.panel.approve_action.toolTip()
            qtbot.keyClick(desk.table, Qt.Key.Key_R, CTRL)
            qtbot.waitUntil(lambda: desk.reject_dialog is not None and desk.reject_dialog.isVisible())
            dialog = desk.reject_dialog
            assert dialog is not None
            qtbot.waitUntil(dialog.reason_list.hasFocus)
            qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Space)  # the first reason
            qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Return)
            qtbot.waitUntil(
                lambda: [(d.item_id, d.outcome) for d in journal.decisions()] == [(with_docs[1], "reject")]
                and desk.selected_key() != with_docs
            )
            assert not store.gate.is_set(), "all of this happened while the document was still loading"
            assert ticker.ticks() > start + 5
            assert ticker.longest_gap() < LONGEST_GAP_S, f"the GUI froze for {ticker.longest_gap():.3f} s"
    finally:
        store.gate.set()
    qtbot.waitUntil(lambda: desk.viewer.current_shown() is not None)


def test_gui_keeps_working_while_a_sync_is_slow(
    qtbot: QtBot,
    sync: Sync,
    journal: Journal,
    shared_engine: Engine,
    tmp_path: Path,
    window_factory: list[MainWindow],
) -> None:
    sync.pull()
    path = shared_engine.url.database
    assert path is not None
    blocker = sqlite3.connect(path, isolation_level=None, timeout=1)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the shared database
    released = False
    gui = threading.get_ident()
    try:
        desk = MainWindow(make_context(journal, sync, tmp_path))
        window_factory.append(desk)
        show(qtbot, desk)  # the first sync starts at once and waits on the lock
        with Ticker() as ticker:
            assert desk.is_syncing()
            qtbot.waitUntil(desk.sync_progress.isVisible)  # a long sync shows its progress
            assert desk.connection_label.text() == "連線中…"
            start = ticker.ticks()
            qtbot.waitUntil(lambda: ticker.ticks() >= start + 5)
            assert set(ticker.threads) == {gui}

            # Moving through the queue and deciding go on while the sync waits.
            target = next(r.key for r in proxy_rows(desk) if r.status == "pending" and not r.blocking_rules)
            go_to(qtbot, desk, target)
            qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
            qtbot.waitUntil(lambda: [(d.kind, d.item_id) for d in journal.decisions()] == [target])
            assert desk.is_syncing() and desk.sync_progress.isVisible()
            assert ticker.longest_gap() < LONGEST_GAP_S, f"the GUI froze for {ticker.longest_gap():.3f} s"
        blocker.execute("ROLLBACK")
        released = True
        qtbot.waitUntil(lambda: not desk.is_syncing(), timeout=15_000)
        assert not desk.sync_progress.isVisible()
        assert desk.connection_label.text() == "已連線"
        assert desk.last_sync_label.text().startswith("上次同步 ")
    finally:
        if not released:
            blocker.execute("ROLLBACK")
        blocker.close()
