"""The counsellor's dialogs show their words whole (#20 item 11): the hand-over's hints are not cut
off, and the reprint question does not break 重印 over two lines."""

from __future__ import annotations

from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from reviewer_app.qt import QLabel, QLineEdit
from reviewer_app.ui.printing.handover_dialog import HandoverDialog
from reviewer_app.ui.printing.reprint_dialog import ReprintDialog


def _text_room(edit: QLineEdit) -> int:
    """The width a line edit's text gets inside its frame and margins."""
    margins = edit.textMargins()
    return edit.contentsRect().width() - margins.left() - margins.right() - 8  # Qt's own inner padding


def test_the_hand_over_hints_are_shown_whole(qtbot: QtBot) -> None:
    dialog = HandoverDialog(4, "黃輔導員", datetime(2026, 12, 7, 3, 0, tzinfo=UTC))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for edit in (dialog.recipient_edit, dialog.note_edit):
        hint = edit.placeholderText()
        assert hint in ("非收容人本人簽收時填寫", "原因為「其他」時必填")
        assert edit.fontMetrics().horizontalAdvance(hint) <= _text_room(edit), hint


def test_the_reprint_question_keeps_its_words_whole(qtbot: QtBot) -> None:
    dialog = ReprintDialog(3)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    question = next(label for label in dialog.findChildren(QLabel) if "請說明重印原因" in label.text())
    assert question.text() == "請說明重印原因："  # a line of its own, never wrapped inside a word
    assert not question.wordWrap()
    assert question.fontMetrics().horizontalAdvance(question.text()) <= question.width()
