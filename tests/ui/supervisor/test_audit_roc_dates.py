"""The audit trail's date filters take a date as the office writes it (#20): 民國 115/11/03, 115/11/03,
2026/11/03; a supervisor who prefers ROC years sees them in the boxes too."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import Qt
from reviewer_app.ui.common.date_edit import DateEdit
from reviewer_app.ui.common.dates import DateStyle, parse_date
from tests.ui.security_world import World
from tests.ui.supervisor.test_audit_in_words import _browser, world  # noqa: F401 (a fixture)

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.mark.parametrize(
    "typed",
    ["民國 115/11/03", "民國115年11月3日", "115/11/03", "115/11/3", "115.11.03", "2026/11/03", "2026-11-03"],
)
def test_a_date_as_the_office_writes_it(typed: str) -> None:
    assert parse_date(typed) == date(2026, 11, 3)


@pytest.mark.parametrize("typed", ["", "115/13/01", "115/02/30", "民國", "abc", "0/01/01"])
def test_not_a_date(typed: str) -> None:
    assert parse_date(typed) is None


def _type_into(qtbot: QtBot, edit: DateEdit, text: str) -> None:
    edit.setFocus()
    edit.line.selectAll()
    if text.startswith("民國"):  # as an input method commits it (QTest types ASCII only)
        edit.line.insert("民國")
        text = text.removeprefix("民國")
    qtbot.keyClicks(edit.line, text)
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)


def test_roc_dates_typed_into_the_filter(qtbot: QtBot, world: World) -> None:  # noqa: F811
    browser = _browser(qtbot, world, DateStyle(roc=True))
    assert browser.since_edit.text().startswith("115/")  # shown as the supervisor prefers
    loaded = browser.proxy.rowCount()
    browser.dates_box.setChecked(True)
    _type_into(qtbot, browser.since_edit, "民國 115/11/03")
    _type_into(qtbot, browser.until_edit, "115/11/03")
    assert browser.since_edit.date() == date(2026, 11, 3)
    assert browser.until_edit.date() == date(2026, 11, 3)
    assert browser.since_edit.text() == "115/11/03"
    shown = browser.proxy.rowCount()
    assert 2 <= shown < loaded  # the decision and the suspension of that day, in Taipei time
    _type_into(qtbot, browser.until_edit, "115/11/02")  # the day before
    assert browser.until_edit.date() == date(2026, 11, 2)
    assert browser.proxy.rowCount() == 0


def test_western_years_still_typed_and_roc_accepted(qtbot: QtBot, world: World) -> None:  # noqa: F811
    browser = _browser(qtbot, world)
    assert browser.since_edit.text().startswith("2026/")
    _type_into(qtbot, browser.since_edit, "115/11/03")
    assert browser.since_edit.date() == date(2026, 11, 3)
    assert browser.since_edit.text() == "2026/11/03"


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise", "grabbing")  # the popup, offscreen
def test_a_day_chosen_in_the_calendar(qtbot: QtBot) -> None:
    edit = DateEdit(date(2026, 12, 7), DateStyle(roc=True))
    qtbot.addWidget(edit)
    edit.show()
    assert edit.text() == "115/12/07"
    edit.calendar_button.click()
    assert edit.calendar.isVisible() and edit.calendar.selectedDate().toPython() == date(2026, 12, 7)
    with qtbot.waitSignal(edit.dateChanged) as changed:
        edit.calendar.clicked.emit(edit.calendar.selectedDate().addDays(-6))
    assert changed.args == [date(2026, 12, 1)] and edit.text() == "115/12/01"
    assert not edit.calendar.isVisible()
    _type_into(qtbot, edit, "115/12/4")
    assert edit.date() == date(2026, 12, 4) and edit.text() == "115/12/04"
    edit.line.selectAll()
    qtbot.keyClicks(edit.line, "115/1")  # half typed, then left: the date it had, whole
    assert edit.date() == date(2026, 12, 4)
    qtbot.keyClick(edit.line, Qt.Key.Key_Return)
    assert edit.text() == "115/12/04"
