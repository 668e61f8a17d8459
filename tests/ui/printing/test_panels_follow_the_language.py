"""The scan bar (掃描轉交), the morning view (今日工作) and the desk's staff-notes box follow 設定 > 語言
at once (#20 item 11): English after the switch, zh-TW after switching back, the words typed kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.journal.print_records import PrintCounts
from reviewer_app.qt import QApplication, QLabel, QWidget
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.desk.notes_box import NotesBox
from reviewer_app.ui.printing.morning_view import MorningDialog
from reviewer_app.ui.printing.print_list import PrintList
from reviewer_app.ui.printing.scan_bar import ScanBar

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

THURSDAY = datetime(2026, 11, 5, 1, 0, tzinfo=UTC)  # 09:00 in Taipei


@pytest.fixture
def back_to_chinese() -> Iterator[None]:
    yield None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, "zh_TW")


def _switch(qtbot: QtBot, language: str, done: Callable[[], bool]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, language)
    qtbot.waitUntil(done)  # Qt posts LanguageChange to each window


def _has_label(widget: QWidget, text: str) -> bool:
    return any(w.text() == text for w in widget.findChildren(QLabel))


def test_the_scan_bar_the_morning_view_and_the_notes_box_switch_and_back(
    qtbot: QtBot, back_to_chinese: None
) -> None:
    bar = ScanBar()
    morning = MorningDialog(print_sheets=lambda: None, sheets_pdf=lambda _path: None)
    notes = NotesBox()
    for widget in (bar, morning, notes):
        qtbot.addWidget(widget)
        widget.show()
    morning.set_list(PrintList([], PrintCounts(0, 0, 0, 0), [], offline=False), THURSDAY)
    notes.show_notes(("post", 7), [])
    notes.edit.setPlainText("家屬來電")
    bar.edit.setText("0001")
    zh = {
        "placeholder": bar.edit.placeholderText(),
        "recipient": bar.recipient_combo.itemText(0),
        "morning": morning.windowTitle(),
        "summary": morning.summary.text(),
        "notes": notes.title(),
        "none yet": notes.notes_label.text(),
    }
    assert zh["morning"] == "今日工作" and "（四）" in zh["summary"]

    _switch(qtbot, "en", lambda: bar.edit.placeholderText() == "Scan the inmate's card, then the page (F6)")

    assert bar.recipient_combo.itemText(0) == "(scan or choose the recipient)"
    assert bar.edit.accessibleName() == "Scan field"
    assert _has_label(bar, "Hand over by scanning")
    assert bar.edit.text() == "0001"
    assert morning.windowTitle() == "Today's work"
    assert morning.to_print_tree.headerItem().text(0) == "To print"
    assert morning.hand_over_tree.headerItem().text(0) == "To hand over (walking order)"
    assert morning.print_button.text() == "Print hand-over sheets…"
    assert morning.summary.text().startswith("2026/11/05 (Thu): to print 0")
    assert notes.title() == "Staff notes (never shown to the family)"
    assert notes.add_button.text() == "Add note"
    assert notes.notes_label.text() == "No notes yet."
    assert notes.focus_action.text() == "Write a staff note"
    assert notes.edit.toPlainText() == "家屬來電"

    _switch(qtbot, "zh_TW", lambda: bar.edit.placeholderText() == zh["placeholder"])

    assert bar.recipient_combo.itemText(0) == zh["recipient"]
    assert morning.windowTitle() == zh["morning"] and morning.summary.text() == zh["summary"]
    assert notes.title() == zh["notes"] and notes.notes_label.text() == zh["none yet"]
    assert notes.edit.toPlainText() == "家屬來電"
    for widget in (bar, morning, notes):
        widget.close()
