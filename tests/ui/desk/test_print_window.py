"""The counsellor's window as a window of its own (#20 item 10): a menu bar (檔案, 說明), F1 help, Ctrl+Q,
and in the status bar who is signed in and whether the shared database answers."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.journal import Journal
from reviewer_app.qt import QLabel, QMenu, Qt
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk.role_windows import PrintWindow, window_for_role
from tests.ui.conftest import make_context


def _window(qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path) -> PrintWindow:
    window = window_for_role("counsellor", make_context(journal, sync, tmp_path), shared_engine, None)
    assert isinstance(window, PrintWindow)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.view.is_busy() and window.view.model.rowCount() > 0)
    return window


def test_the_counsellors_window_has_menus_help_and_quit(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    window = _window(qtbot, journal, sync, shared_engine, tmp_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["檔案(&F)", "設定(&S)", "說明(&H)"]  # 設定 > 語言 (#20)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_items = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    for wanted in ("預覽列印", "輸出 PDF…", "登錄轉交…", "結束"):
        assert wanted in file_items

    window.view.tree.setFocus()
    qtbot.keyClick(window.view.tree, Qt.Key.Key_F1)
    overlay = window.help_overlay
    assert overlay is not None
    qtbot.waitUntil(overlay.isVisible)
    described = [description for _group, _keys, description in overlay.entries]
    assert "輸出 PDF" in described and "結束" in described
    headings = [w.text() for w in overlay.findChildren(QLabel) if w.property("role") == "group"]
    assert "列印與轉交" in headings and "print" not in headings  # a group's name, not its code
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not overlay.isVisible())

    window.view.tree.setFocus()
    qtbot.keyClick(window.view.tree, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_status_bar_says_who_is_signed_in_and_the_connection(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    window = _window(qtbot, journal, sync, shared_engine, tmp_path)
    context = make_context(journal, sync, tmp_path)
    assert context.staff_display_name in window.signed_in_label.text()
    assert window.connection_label.text() == "已連線"

    # The shared database stops answering (its folder is gone): the window says so after a refresh.
    sync.engine = make_engine(f"sqlite:///{tmp_path / 'gone' / 'shared.sqlite3'}")
    window.view.refresh()
    qtbot.waitUntil(lambda: "無法連線" in window.connection_label.text(), timeout=10_000)
    window.close()
