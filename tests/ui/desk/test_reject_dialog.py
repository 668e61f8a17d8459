"""RejectDialog: fitting reasons only, OK only with a reason, the family's text exactly, strikes."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reviewer_app.core.reasons import DEFAULT_REASONS, by_code, reasons_for
from reviewer_app.qt import Qt
from reviewer_app.ui.desk.reject_dialog import CODE_ROLE, RejectDialog, family_message

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),  # the offscreen platform says so on every show()
]
CATALOGUE = by_code(DEFAULT_REASONS)


def make(qtbot: QtBot, kind: str, **kwargs: object) -> RejectDialog:
    dialog = RejectDialog(kind, 42, DEFAULT_REASONS, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def shown(qtbot: QtBot, kind: str) -> RejectDialog:
    """The dialog on screen, active, with the keyboard in its reason list (as Ctrl+R opens it)."""
    dialog = make(qtbot, kind)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.reason_list.hasFocus)
    return dialog


def codes(dialog: RejectDialog) -> list[str]:
    return [dialog.reason_model.item(r).data(CODE_ROLE) for r in range(dialog.reason_model.rowCount())]


@pytest.mark.parametrize("kind", ["application", "post"])
def test_only_fitting_active_reasons_are_offered(qtbot: QtBot, kind: str) -> None:
    dialog = make(qtbot, kind)
    assert codes(dialog) == [r.code for r in reasons_for(kind, DEFAULT_REASONS)]
    for row in range(dialog.reason_model.rowCount()):
        item = dialog.reason_model.item(row)
        assert item.isCheckable() and item.checkState() == Qt.CheckState.Unchecked


def test_ok_needs_a_reason_and_the_preview_is_what_the_family_reads(qtbot: QtBot) -> None:
    dialog = make(qtbot, "post", strikes=0)
    assert not dialog.ok_button.isEnabled()
    assert dialog.preview.text() == "（尚未選擇原因）"
    dialog.set_checked("P4_TOO_LONG")
    assert dialog.ok_button.isEnabled()
    reason = CATALOGUE["P4_TOO_LONG"]
    assert dialog.preview.text() == f"{reason.text}\n建議：{reason.suggestion}"
    assert dialog.strike_label.text() == "計入退件次數：退件累計將為 1/3。"
    dialog.set_checked("P4_TOO_LONG", False)
    assert not dialog.ok_button.isEnabled()


def test_two_reasons_are_numbered(qtbot: QtBot) -> None:
    dialog = make(qtbot, "post")
    dialog.set_checked("P5_PHOTO")
    dialog.set_checked("P2_CONTENT")
    chosen = [CATALOGUE["P2_CONTENT"], CATALOGUE["P5_PHOTO"]]  # in catalogue order
    assert dialog.chosen_codes() == ["P2_CONTENT", "P5_PHOTO"]
    assert dialog.message_to_family() == family_message(chosen)
    assert dialog.message_to_family().startswith("1. " + chosen[0].text + "\n建議：")
    assert "\n\n2. " + chosen[1].text in dialog.message_to_family()


def test_strike_wording(qtbot: QtBot) -> None:
    not_family = make(qtbot, "post")
    not_family.set_checked("E3_RESTRICTED")
    assert not_family.strike_label.text() == "不計入退件次數（非家屬違規之原因）。"

    third = make(qtbot, "post", strikes=2, strike_threshold=3, suspension_months=1)
    third.set_checked("P2_CONTENT")
    assert "3/3" in third.strike_label.text()
    assert "暫停 1 個月" in third.strike_label.text()

    application = make(qtbot, "application")
    application.set_checked("E5_MISSING_DOCS")
    assert application.strike_label.text() == "服務項目申請之退件不計入退件次數。"


def test_keyboard_check_and_enter(qtbot: QtBot) -> None:
    dialog = shown(qtbot, "application")
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Return)  # nothing checked: Enter does nothing
    assert dialog.isVisible()
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Space)
    assert dialog.chosen_codes() == [codes(dialog)[1]]
    dialog.note_edit.setFocus()
    dialog.note_edit.insert("已電話聯繫家屬")  # QTest types ASCII only; an input method would type this
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert dialog.note() == "已電話聯繫家屬"


def test_reason_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    dialog = make(qtbot, "post")
    # Qt's own QAbstractItemModelTester (the Python one wants a CheckState enum where
    # QStandardItemModel answers with a plain int under PySide6).
    qtmodeltester.check(dialog.reason_model)
    dialog.set_checked("P2_CONTENT")
    dialog.set_checked("P4_TOO_LONG")
    dialog.set_checked("P2_CONTENT", False)


def test_enter_rejects_after_tabbing_past_the_reject_button(qtbot: QtBot) -> None:
    """QA: Tab to 退件 and Shift+Tab back to the note; the OK button must stay the default for Enter."""
    dialog = shown(qtbot, "post")
    dialog.set_checked("P2_CONTENT")
    dialog.note_edit.setFocus()
    qtbot.waitUntil(dialog.note_edit.hasFocus)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.ok_button.hasFocus)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Backtab)
    qtbot.waitUntil(dialog.note_edit.hasFocus)
    assert dialog.ok_button.isDefault()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert dialog.chosen_codes() == ["P2_CONTENT"]
