"""Preferences: 民國 years everywhere dates are shown, the language for the next start, the layout."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QApplication, QFormLayout, Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.common.preferences import Preferences, open_settings
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.queue.rows import Column
from tests.ui.conftest import make_context, open_desk

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_date_style() -> None:
    western, roc = DateStyle(), DateStyle(roc=True)
    day = date(2025, 3, 10)
    assert western.date(day) == "2025/03/10"
    assert roc.date(day) == "114/03/10"
    assert roc.date(date(1912, 1, 1)) == "001/01/01"
    assert roc.date(date(1911, 12, 31)) == "1911/12/31"  # before 民國元年: the Western year
    moment = datetime(2025, 3, 10, 1, 5, tzinfo=UTC)  # 09:05 in Taipei
    assert western.datetime(moment) == "2025/03/10 09:05"
    assert roc.datetime(moment) == "114/03/10 09:05"
    assert roc.iso_date("2025-03-09T20:00:00+00:00") == "114/03/10"  # Taipei's date
    assert roc.iso_date("2025-03-09") == "114/03/09"
    assert western.iso_datetime("2025-03-09T20:00:00+00:00") == "2025/03/10 04:00"
    assert western.iso_date(None) == ""


def test_a_stored_family_text_shows_its_dates_in_the_desk_s_style() -> None:
    """A hold reason is stored as the family reads it (2026/12/01); the desk shows its dates like the rest."""
    held = "發佈權限暫停至 2026/12/01（含）止；本則暫緩審核，暫停期滿後（2026/12/02 起）依序審核。"
    assert DateStyle().in_text(held) == held
    assert DateStyle(roc=True).in_text(held) == (
        "發佈權限暫停至 115/12/01（含）止；本則暫緩審核，暫停期滿後（115/12/02 起）依序審核。"
    )
    untouched = "案號 20261/12/01、檔案 a/2026/12/01/b、2026/13/45"
    assert DateStyle(roc=True).in_text(untouched) == untouched


def submitted_in_panel(desk: MainWindow) -> str:
    form = desk.panel.header_form
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and field is not None and label.widget().text() == "送件時間：":  # type: ignore[union-attr]
            return str(field.widget().text())  # type: ignore[union-attr]
    raise AssertionError("no 送件時間 in the decision panel")


def test_roc_years_by_keyboard_everywhere_and_remembered(
    qtbot: QtBot, desk: MainWindow, journal: Journal, sync: Sync, tmp_path: Path
) -> None:
    western = desk.proxy.index(0, Column.SUBMITTED).data()
    assert western[:4].isdigit() and int(western[:4]) > 2000
    assert submitted_in_panel(desk).startswith("20")

    qtbot.keyClick(
        desk.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert desk.roc_action.isChecked()
    roc = desk.proxy.index(0, Column.SUBMITTED).data()
    assert roc == f"{int(western[:4]) - 1911:03d}{western[4:]}"
    assert submitted_in_panel(desk).startswith("11")  # 民國 114, 115…
    desk.close()

    # Remembered: the next desk starts with 民國 years.
    again = open_desk(qtbot, make_context(journal, sync, tmp_path))
    try:
        assert again.roc_action.isChecked()
        assert again.proxy.index(0, Column.SUBMITTED).data()[:3] == roc[:3]
        again.roc_action.trigger()  # and back
        assert again.proxy.index(0, Column.SUBMITTED).data() == western
    finally:
        again.close()


def test_choosing_english_takes_effect_now_and_at_the_next_start(
    qtbot: QtBot, qapp: QApplication, desk: MainWindow, journal: Journal, sync: Sync, tmp_path: Path
) -> None:
    assert desk.language_actions["zh_TW"].isChecked()
    try:
        desk.language_actions["en"].trigger()
        qtbot.waitUntil(lambda: desk.proxy.headerData(0, Qt.Orientation.Horizontal) == "Kind")  # at once
        assert desk.message_box is None  # nothing to restart
        assert Preferences(open_settings(tmp_path / "desk.ini")).language == "en"
        desk.close()

        assert apply_language(qapp, Preferences(open_settings(tmp_path / "desk.ini")).language)
        english = open_desk(qtbot, make_context(journal, sync, tmp_path))
        try:
            headers = [english.proxy.headerData(c, Qt.Orientation.Horizontal) for c in Column]
            assert headers == [
                "Kind",
                "Family",
                "Inmate",
                "Submitted",
                "Waiting",
                "Rule flags",
                "Claim",
                "Status",
            ]
            assert english.panel.approve_button.text() == "Approve"
            assert "Ctrl+Return" in english.panel.approve_action.toolTip()
            assert english.connection_label.text() == "Connected"
            menus = [a.text() for a in english.menuBar().actions()]
            assert menus == ["&Review", "&Documents", "&Settings", "&Help"]
        finally:
            english.close()
    finally:
        assert apply_language(qapp, "zh_TW")


def test_layout_and_splitters_are_remembered(
    qtbot: QtBot, sync: Sync, journal: Journal, tmp_path: Path
) -> None:
    sync.pull()
    first = open_desk(qtbot, make_context(journal, sync, tmp_path))
    first.resize(780, 560)  # within the offscreen screen (800×600)
    first.splitter.setSizes([180, 300])
    first.detail_splitter.setSizes([420, 340])
    first.table.horizontalHeader().resizeSection(Column.FAMILY, 211)
    sizes = first.splitter.sizes(), first.detail_splitter.sizes()
    first.close()

    second = open_desk(qtbot, make_context(journal, sync, tmp_path))
    try:
        assert (second.width(), second.height()) == (780, 560)
        assert (second.splitter.sizes(), second.detail_splitter.sizes()) == sizes
        assert second.table.horizontalHeader().sectionSize(Column.FAMILY) == 211
    finally:
        second.close()


def test_queue_column_widths_are_kept_per_language(
    qtbot: QtBot, qapp: QApplication, sync: Sync, journal: Journal, tmp_path: Path
) -> None:
    """QA: the zh-TW column widths were reused in English, cutting off 「Contact-b…」, 「Service ap…」."""
    sync.pull()
    chinese = open_desk(qtbot, make_context(journal, sync, tmp_path))
    chinese.table.horizontalHeader().resizeSection(Column.KIND, 61)
    chinese.close()
    try:
        assert apply_language(qapp, "en")
        english = open_desk(qtbot, make_context(journal, sync, tmp_path))
        try:
            english.resize(1500, 560)  # widened, the queue unfolds its every column
            english.splitter.setSizes([700, 800])
            qtbot.waitUntil(lambda: not english.queue.is_folded())
            header = english.table.horizontalHeader()
            for column in (Column.KIND, Column.CLAIM):  # English words are wider than the Chinese
                assert header.sectionSize(column) >= english.table.sizeHintForColumn(column), column
        finally:
            english.close()
    finally:
        assert apply_language(qapp, "zh_TW")
    again = open_desk(qtbot, make_context(journal, sync, tmp_path))
    try:
        assert again.table.horizontalHeader().sectionSize(Column.KIND) == 61  # zh-TW keeps its own
    finally:
        again.close()
