"""RejectDialog: fitting reasons only, OK only with a reason, the family's text exactly (R9), strikes."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reviewer_app.core.family_message import rejection_message
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.reasons import DEFAULT_REASONS, by_code, reasons_for
from reviewer_app.core.rules import DocumentFacts
from reviewer_app.core.rules.posts import rule_p2, rule_p4, rule_p5
from reviewer_app.core.timeutil import FACILITY_TZ
from reviewer_app.qt import Qt
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.desk.reject_dialog import CODE_ROLE, RejectDialog
from tests.ui.screen_reader import spoken_name, unnamed

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
    assert dialog.message_to_family() == rejection_message(chosen, [], Policy())
    assert dialog.message_to_family().startswith("1. " + chosen[0].text + "\n建議：")
    assert "\n\n2. " + chosen[1].text in dialog.message_to_family()


def test_strike_wording(qtbot: QtBot) -> None:
    not_family = make(qtbot, "post")
    not_family.set_checked("E3_RESTRICTED")
    assert not_family.strike_label.text() == "不計入退件次數（非家屬違規之原因）。"

    ends = datetime(2026, 12, 2, 7, 0, tzinfo=FACILITY_TZ)
    third = make(qtbot, "post", strikes=2, strike_threshold=3, suspension_months=1, suspends_until=ends)
    third.set_checked("P2_CONTENT")
    assert "3/3" in third.strike_label.text()
    assert "暫停 1 個月" in third.strike_label.text()
    assert "2026/12/01" in third.strike_label.text()  # the last whole day, as the family reads it

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


# ---- what the family reads (R9) ----------------------------------------------------------------------

TOO_LONG = rule_p4("標題", "字" * 130, Policy())
PHOTOS = [
    DocumentFacts("post_attachment", "image/jpeg", MB),
    DocumentFacts("post_attachment", "image/png", 12 * MB),
]
TWO_PHOTOS = rule_p5(PHOTOS, Policy())


def test_the_rule_check_s_reason_is_ticked_and_its_specifics_previewed(qtbot: QtBot) -> None:
    findings = [*rule_p2(), *TOO_LONG, *TWO_PHOTOS]
    dialog = make(
        qtbot, "post", findings=findings, suggested_codes=["P4_TOO_LONG", "P5_PHOTO"], policy=Policy()
    )
    assert dialog.chosen_codes() == ["P4_TOO_LONG", "P5_PHOTO"]
    assert dialog.ok_button.isEnabled()
    preview = dialog.preview.text()
    assert "說明：本則內文 130 字，超過 100 字之限制。" in preview
    assert "本則照(圖)片 2 張，超過 1 張之限制。" in preview
    assert "第 2 張照(圖)片檔案 12 MB，超過每張 10 MB 之限制。" in preview
    assert preview == dialog.message_to_family()


def test_a_remark_for_the_family_is_previewed_and_counted(qtbot: QtBot) -> None:
    dialog = make(qtbot, "post", findings=TOO_LONG, suggested_codes=["P4_TOO_LONG"])
    assert dialog.remark_count.text() == "0/100"
    assert dialog.remark() is None
    dialog.remark_edit.insert("請保留孩子的近況，刪去其他內容。")  # QTest types ASCII only
    assert dialog.remark_count.text() == "16/100"
    assert dialog.remark() == "請保留孩子的近況，刪去其他內容。"
    assert dialog.preview.text().endswith("\n\n審核人員說明：請保留孩子的近況，刪去其他內容。")
    assert dialog.preview.text() == dialog.message_to_family()
    assert dialog.note() is None  # the staff note is another field, never shown to the family


def test_a_remark_stops_at_100_characters(qtbot: QtBot) -> None:
    dialog = shown(qtbot, "post")
    dialog.set_checked("P2_CONTENT")
    dialog.remark_edit.setFocus()
    qtbot.keyClicks(dialog.remark_edit, "a" * 101)
    assert dialog.remark_edit.text() == "a" * 100
    assert dialog.remark_count.text() == "100/100"
    dialog.remark_edit.clear()
    dialog.remark_edit.insert("想" * 120)  # pasted
    assert dialog.remark() == "想" * 100
    assert dialog.message_to_family().endswith("審核人員說明：" + "想" * 100)


def test_a_rejection_that_suspends_says_so_plainly_to_both(qtbot: QtBot) -> None:
    """The family's third strike at a facility that suspends for 2 months: the preview tells the family
    through which day; the reviewer sees the warning boldly, not as small plain text."""
    two_months = Policy(suspension_months=2)
    ends = datetime(2027, 1, 2, 0, 30, tzinfo=FACILITY_TZ)
    dialog = make(
        qtbot,
        "post",
        findings=TOO_LONG,
        suggested_codes=["P4_TOO_LONG"],
        policy=two_months,
        strikes=2,
        suspension_months=2,
        suspends_until=ends,
        dates=DateStyle(roc=True),
    )
    preview = dialog.preview.text()
    assert "發佈權限暫停 2 個月，至 2027/01/01（含）止" in preview  # the family's dates stay Western
    assert "暫停 2 個月" in dialog.strike_label.text() and "116/01/01" in dialog.strike_label.text()
    assert "font-weight: bold" in dialog.strike_label.styleSheet()
    assert "background" in dialog.strike_box.styleSheet()  # a warning box, with the warning sign
    assert not dialog.suspension_icon.isHidden()

    dialog.set_checked("P4_TOO_LONG", False)
    dialog.set_checked("E3_RESTRICTED")  # not a strike: no suspension
    assert "暫停 2 個月" not in dialog.preview.text()
    assert "background" not in dialog.strike_box.styleSheet() and dialog.suspension_icon.isHidden()


@pytest.mark.parametrize("kind", ["application", "post"])
def test_a_screen_reader_names_every_control_in_zh_tw(qtbot: QtBot, kind: str) -> None:
    dialog = shown(qtbot, kind)
    missing = unnamed(dialog)
    assert missing == [], "\n".join(missing)
    assert spoken_name(dialog.reason_list) == "退件原因"
    assert spoken_name(dialog.remark_edit) == "給家屬的說明"
    assert spoken_name(dialog.note_edit) == "工作人員備註"
