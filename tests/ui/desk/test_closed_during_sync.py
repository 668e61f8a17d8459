"""A desk closed (signed out at the idle lock, or quit) while a sync runs: the sync's worker may
already have picked up the window's hand-over of the first claimed item. It then found the window
deleted: `RuntimeError: Signal source has been deleted` on the worker, at each sign-out from the lock."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.core.items import ClaimedItem, SharedStanding
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QApplication, QEvent
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk.main_window import MainWindow
from tests.ui.conftest import idle, make_context

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_sync_handing_over_to_a_deleted_desk_raises_nothing(
    qtbot: QtBot, journal: Journal, sync: Sync, tmp_path: Path
) -> None:
    pulled: list[tuple[list[ClaimedItem], list[SharedStanding], datetime]] = []
    sync.on_claimed = lambda *args: pulled.append(args)
    sync.pull()
    window = MainWindow(make_context(journal, sync, tmp_path))  # not qtbot's: it is deleted here
    window.show()
    qtbot.waitUntil(lambda: idle(window) and window.model.rowCount() > 0)
    hand_over = sync.on_claimed  # what a sync running now has read already
    assert hand_over is not None and pulled
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    errors: list[BaseException] = []

    def worker() -> None:  # as the sync's worker does, after the window has gone
        try:
            hand_over(*pulled[0])
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(30)
    QApplication.processEvents()  # what it emitted has no window to go to
    assert errors == []
