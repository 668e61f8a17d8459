"""Each role opens what it works with: counsellors the print view (nothing that decides), supervisors
the desk plus their tools, statistics and printing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.journal import Journal
from reviewer_app.qt import QApplication, QCoreApplication, QKeySequence, QMenu, Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.access.signin_dialog import SignInDialog
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.desk.role_windows import PrintWindow, SupervisorWindow, window_for_role
from tests.ui.conftest import WORKSTATION, make_context


def test_counsellor_gets_the_print_view_and_no_decision_buttons(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    context = make_context(journal, sync, tmp_path)
    window = window_for_role("counsellor", context, shared_engine, None)
    qtbot.addWidget(window)
    assert isinstance(window, PrintWindow)
    window.show()
    assert window.findChild(MainWindow) is None
    window.close()


def test_the_counsellors_keyboard_starts_in_the_list_of_posts(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    """The counsellor works the list (tick, print, hand over) from the keyboard: it has the focus when
    the window opens, not the filter box above it."""
    window = window_for_role("counsellor", make_context(journal, sync, tmp_path), shared_engine, None)
    qtbot.addWidget(window)
    assert isinstance(window, PrintWindow)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    assert window.focusWidget() is window.view.tree
    window.close()


def test_supervisor_menu_opens_tools_statistics_and_printing(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    context = make_context(journal, sync, tmp_path)
    facility_id = sync.who.facility_id
    actor = Actor("supervisor", "supervisor", facility_id, WORKSTATION)
    window = window_for_role("supervisor", context, shared_engine, actor)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    supervisor_menu = window.findChild(QMenu, "supervisorMenu")
    assert supervisor_menu is not None
    supervisor_menu.actions()[1].trigger()  # 業務統計
    tools = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SupervisorWindow))
    qtbot.addWidget(tools)
    assert tools.isVisible()
    assert tools.tabs.count() == 4 and tools.tabs.currentIndex() == 1
    supervisor_menu.actions()[3].trigger()  # 申覆 (appeals): the last tab
    assert tools.tabs.currentWidget() is tools.appeals
    tools.shutdown()
    tools.close()
    window.close()


def test_reviewer_gets_the_desk_without_the_supervisor_menu(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    context = make_context(journal, sync, tmp_path)
    window = window_for_role("reviewer", context, shared_engine, None)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.findChild(QMenu, "supervisorMenu") is None
    window.close()


@pytest.mark.parametrize("language", ["zh_TW", "en"])
def test_supervisor_desk_menus_have_distinct_mnemonics(
    qtbot: QtBot,
    qapp: QApplication,
    journal: Journal,
    sync: Sync,
    shared_engine: Engine,
    tmp_path: Path,
    language: str,
) -> None:
    """QA: 設定(&S) and 主管(&S) shared Alt+S; each top-level menu needs its own Alt+letter."""
    try:
        assert apply_language(qapp, language)
        context = make_context(journal, sync, tmp_path)
        actor = Actor("supervisor", "supervisor", sync.who.facility_id, WORKSTATION)
        window = window_for_role("supervisor", context, shared_engine, actor)
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert len(titles) == 5, titles
        mnemonics = [QKeySequence.mnemonic(title).toString() for title in titles]
        assert all(mnemonics), titles
        assert len(set(mnemonics)) == len(mnemonics), list(zip(titles, mnemonics, strict=True))
        window.close()
    finally:
        assert apply_language(qapp, "zh_TW")


def test_quitting_the_supervisor_desk_closes_the_supervisor_window(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    """QA: Ctrl+Q on the desk left 主管 open, so app.exec() never returned and the app did not quit."""
    sync.pull()
    context = make_context(journal, sync, tmp_path)
    actor = Actor("supervisor", "supervisor", sync.who.facility_id, WORKSTATION)
    window = window_for_role("supervisor", context, shared_engine, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    tools = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SupervisorWindow))
    qtbot.addWidget(tools)
    qtbot.waitUntil(tools.isVisible)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(lambda: not tools.isVisible(), timeout=2000)


def test_windows_name_the_application_once_and_the_same_way(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    """Windows and Linux add the application's display name to every window title ("主管 — 家庭聯絡簿
    審核工作站"): a title that carried a name of its own showed two, and two different ones."""
    assert QCoreApplication.translate("Application", "Contact Book Review Desk") == "家庭聯絡簿審核工作站"
    context = make_context(journal, sync, tmp_path)
    actor = Actor("supervisor", "supervisor", sync.who.facility_id, WORKSTATION)
    desk = window_for_role("supervisor", context, shared_engine, actor)
    counsellor = window_for_role("counsellor", make_context(journal, sync, tmp_path), shared_engine, None)
    supervisor = SupervisorWindow(context, shared_engine, actor)
    sign_in = SignInDialog("sqlite:///" + str(tmp_path / "none.sqlite3"), username="reviewer")
    for window in (desk, counsellor, supervisor, sign_in):
        qtbot.addWidget(window)
    assert [w.windowTitle() for w in (desk, counsellor, supervisor, sign_in)] == [
        f"李社工師（{WORKSTATION}）",
        "列印與轉交",
        "主管",
        "登入",
    ]
    supervisor.shutdown()
    counsellor.close()
