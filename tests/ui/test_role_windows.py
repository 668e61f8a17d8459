"""Each role opens what it works with: counsellors the print view (nothing that decides), supervisors
the desk plus their tools, statistics and printing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.journal import Journal
from reviewer_app.security import Actor
from reviewer_app.sync import Sync
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.qt import QApplication, QMenu
from reviewer_app.ui.role_windows import PrintWindow, SupervisorWindow, window_for_role
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
    assert tools.tabs.count() == 3 and tools.tabs.currentIndex() == 1
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
