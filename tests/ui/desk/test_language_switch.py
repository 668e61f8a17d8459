"""Choosing the desk's language in 設定 > 語言 switches it at once, no restart (#20 item 11): the menus,
the queue's column headers and filters, the decision buttons and the status bar speak the new
language, and nothing in hand is lost — the item shown, the filters, a half-written rejection."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.journal import Journal
from reviewer_app.qt import QApplication, QLocale, QMenu, Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common.i18n import apply_language, language_name
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.desk.role_windows import PrintWindow, SupervisorWindow, window_for_role
from reviewer_app.ui.queue.rows import Column
from tests.ui.conftest import WORKSTATION, go_to, idle, make_context, proxy_rows

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_language_is_named_in_the_desks_own_language() -> None:
    assert language_name("en", "zh_TW") == "英文"
    assert language_name("zh_TW", "zh_TW") == "繁體中文"
    assert language_name("zh_TW", "en") == "Traditional Chinese"
    assert language_name("en", "en") == "English"


def _menu_titles(desk: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in desk.menuBar().actions()]


def _header(desk: MainWindow, column: Column) -> str:
    return str(desk.model.headerData(int(column), Qt.Orientation.Horizontal))


@pytest.fixture
def back_to_chinese(qtbot: QtBot) -> object:
    yield None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, "zh_TW")


def test_switching_to_english_and_back_keeps_the_work_in_hand(
    qtbot: QtBot, desk: MainWindow, back_to_chinese: object
) -> None:
    post = next(r.key for r in proxy_rows(desk) if r.kind == "post" and r.status == "pending")
    go_to(qtbot, desk, post)
    desk.search.setFocus()
    assert "審核" in _menu_titles(desk)[0] and _header(desk, Column.STATUS) == "狀態"
    assert desk.panel.approve_button.text().startswith("審核通過")
    assert desk.queue.kind_filter.itemText(0) == "全部類別"
    assert desk.connection_label.text() == "已連線"
    sizes = desk.splitter.sizes()
    # A rejection half written when the language changes.
    qtbot.keyClick(desk.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.reject_dialog is not None and desk.reject_dialog.isVisible())
    dialog = desk.reject_dialog
    assert dialog is not None
    dialog.note_edit.setText("家屬來電說明中")
    desk.grab()  # painted, as on a screen: the queue has worded its rows

    desk.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: _menu_titles(desk)[0] == "Review")  # Qt posts LanguageChange to each window

    assert desk.preferences.language == "en" and QLocale().language() == QLocale.Language.English
    assert desk.message_box is None  # no "open the desk again" message: it is done
    assert _menu_titles(desk)[:4] == ["Review", "Documents", "Settings", "Help"]
    assert _header(desk, Column.STATUS) == "Status"
    row = desk.proxy.proxy_row_of(post)
    assert row is not None
    kind_cell = desk.proxy.index(row, int(Column.KIND))
    assert kind_cell.data() == "Contact-book post"  # the rows too, not only the headers
    assert desk.panel.approve_button.text().startswith("Approve")
    assert desk.queue.kind_filter.itemText(0) == "All kinds"
    assert desk.connection_label.text() == "Connected"
    assert desk.undo_action.text() == "Undo the last decision"
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "Reject")  # not Qt's "OK"
    assert dialog.isVisible()
    assert dialog.note_edit.text() == "家屬來電說明中"  # not a character lost
    qtbot.waitUntil(lambda: idle(desk))
    assert desk.selected_key() == post
    # The split kept, but for the queue's filters: English words are wider, and they are never cut.
    assert desk.splitter.sizes()[0] == max(sizes[0], desk.queue.minimumWidth())
    assert sum(desk.splitter.sizes()) == sum(sizes)
    assert desk.language_actions["en"].isChecked()

    desk.language_actions["zh_TW"].trigger()
    qtbot.waitUntil(lambda: _menu_titles(desk)[0].startswith("審核"))

    assert desk.preferences.language == "zh_TW"
    assert _menu_titles(desk)[0].startswith("審核") and _header(desk, Column.STATUS) == "狀態"
    assert desk.panel.approve_button.text().startswith("審核通過")
    assert desk.connection_label.text() == "已連線"
    assert desk.proxy.index(row, int(Column.KIND)).data() == "家庭聯絡簿"
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "退件")
    assert dialog.note_edit.text() == "家屬來電說明中"
    qtbot.waitUntil(lambda: idle(desk))
    assert desk.selected_key() == post
    dialog.reject()


def test_the_supervisor_window_and_the_print_view_follow_the_switch(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path, back_to_chinese: object
) -> None:
    """The supervisor's own window (tools, statistics, printing) and a counsellor's print window, open
    beside the desk, show the language chosen on the desk at once."""
    sync.pull()
    context = make_context(journal, sync, tmp_path)
    actor = Actor("supervisor", "supervisor", sync.who.facility_id, WORKSTATION)
    desk = window_for_role("supervisor", context, shared_engine, actor)
    qtbot.addWidget(desk)
    assert isinstance(desk, MainWindow)
    desk.show()
    supervisor_menu = desk.findChild(QMenu, "supervisorMenu")
    assert supervisor_menu is not None
    supervisor_menu.actions()[0].trigger()
    tools = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SupervisorWindow))
    qtbot.addWidget(tools)
    qtbot.waitUntil(lambda: tools.tools.families.family_model.columnCount() > 0 and not tools.tools.is_busy())
    printing = PrintWindow(make_context(journal, sync, tmp_path))
    qtbot.addWidget(printing)
    printing.show()
    families = tools.tools.families
    assert tools.tabs.tabText(0) == "停權、退件原因與稽核紀錄"
    assert families.family_model.headerData(0, Qt.Orientation.Horizontal) == "家屬"
    typed = "王"
    tools.tools.audit.staff_edit.setText(typed)  # a filter being typed in the audit trail

    desk.language_actions["en"].trigger()

    qtbot.waitUntil(lambda: supervisor_menu.title() == "Su&pervisor")
    qtbot.waitUntil(lambda: tools.windowTitle() == "Supervisor")
    assert tools.tabs.tabText(0) == "Suspensions, reasons and audit trail"
    assert tools.tools.tabText(0) == "Families' strikes and suspensions"
    assert families.family_model.headerData(0, Qt.Orientation.Horizontal) == "Family"
    assert families.dismiss_button.text() == "Dismiss strike…"
    assert tools.tools.audit.query_button.text() == "Search"
    assert tools.tools.audit.staff_edit.text() == typed
    qtbot.waitUntil(lambda: printing.windowTitle() == "Printing and hand-over")
    assert printing.menuBar().actions()[0].text() == "&File"
    assert printing.view.filter_combo.itemText(0) == "To print"
    assert printing.quit_action.text() == "Quit"

    desk.language_actions["zh_TW"].trigger()

    qtbot.waitUntil(lambda: tools.windowTitle() == "主管")
    assert families.dismiss_button.text() == "撤銷違規…"
    assert printing.view.filter_combo.itemText(0) == "待列印"

    # The counsellor chooses in their own window: the desk beside it follows too.
    printing.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: desk.menuBar().actions()[0].text() == "&Review")
    assert printing.menuBar().actions()[1].text() == "&Settings" and desk.language_actions["en"].isChecked()
    printing.language_actions["zh_TW"].trigger()
    qtbot.waitUntil(lambda: printing.view.filter_combo.itemText(0) == "待列印")
    tools.shutdown()
    tools.close()
    printing.close()
    desk.close()
