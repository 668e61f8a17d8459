"""The counsellor in a real office (#20 item 10): a PDF to check is not a print run unless the counsellor
says so; undeliverable posts leave 待轉交 into their own group with their note shown; the preview's
"preparing" line goes when the preview closes."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.qt import QDialogButtonBox, QFileDialog, QMessageBox, QTreeView
from reviewer_app.shared_db.models import Post
from reviewer_app.ui.printing.print_view import PrintView
from tests.printing import pdfread
from tests.ui.printing.checks import approved_ids, settle


def _answer_record_question(qtbot: QtBot, view: PrintView, record: bool) -> None:
    qtbot.waitUntil(lambda: view.record_question is not None and view.record_question.isVisible())
    question = view.record_question
    assert question is not None
    assert "是否登錄為已列印？" in question.text()
    button = question.record_button if record else question.file_only_button
    button.click()


def test_a_pdf_export_is_not_printing_unless_the_counsellor_says_so(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    ids = approved_ids(shared_engine)
    view.model.check_all(True)
    out = tmp_path / "核對.pdf"
    with qtbot.waitSignal(view.exported, timeout=60_000):
        view.export_pdf(out)
        _answer_record_question(qtbot, view, record=False)
    settle(qtbot, view)
    assert pdfread.pages(out) == len(ids)  # the file is there, a page a post
    assert view.desk.book.prints(("pending", "synced")) == []  # nothing recorded
    with Session(shared_engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"approved"}
    assert sorted(p.post_id for p in view.model.posts()) == sorted(ids)  # still to print
    assert f"待列印 {len(ids)}" in view.status_label.text()
    assert "未登錄為已列印" in view.message_label.text() and "已列印 " not in view.message_label.text()

    # The same export, and this time the counsellor says the pages went to the inmates.
    view.model.check_all(True)
    with qtbot.waitSignal(view.printed, timeout=60_000):
        view.export_pdf(tmp_path / "正式.pdf")
        _answer_record_question(qtbot, view, record=True)
    settle(qtbot, view)
    with Session(shared_engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"printed"}


def test_cancelling_the_question_exports_nothing(qtbot: QtBot, view: PrintView, tmp_path: Path) -> None:
    view.model.check_all(True)
    out = tmp_path / "不要.pdf"
    view.export_pdf(out)
    qtbot.waitUntil(lambda: view.record_question is not None and view.record_question.isVisible())
    question = view.record_question
    assert question is not None
    question.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: view.record_question is None)
    settle(qtbot, view)
    assert not out.exists() and view.desk.book.prints(("pending", "synced")) == []


def _print_all(qtbot: QtBot, view: PrintView, tmp_path: Path) -> None:
    view.model.check_all(True)
    with qtbot.waitSignal(view.printed, timeout=60_000):
        view.export_pdf(tmp_path / "run.pdf", record=True)
    settle(qtbot, view)


def test_undeliverable_posts_leave_to_hand_over_into_their_own_group_with_the_note(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    ids = approved_ids(shared_engine)
    _print_all(qtbot, view, tmp_path)
    view.set_filter("to_hand_over")
    first = view.model.posts()[0]
    view.model.check_all(False)
    view.model.set_checked([first.post_id])
    view.handover_checked()
    dialog = view.handover_dialog
    assert dialog is not None
    dialog.set_undeliverable("other", "收容人住院中")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    with qtbot.waitSignal(view.handedOver, timeout=60_000):
        ok.click()
    said = view.message_label.text()
    assert "無法轉交" in said and "收容人住院中" in said and "已登錄 1 則聯絡簿的轉交" not in said
    settle(qtbot, view)

    assert first.post_id not in [p.post_id for p in view.model.posts()]  # gone from 待轉交
    assert f"待轉交 {len(ids) - 1}" in view.status_label.text()
    assert "無法轉交 1" in view.status_label.text()
    assert view.filter_combo.itemText(view.filter_combo.findData("undeliverable")) == "無法轉交"
    view.set_filter("undeliverable")
    assert [p.post_id for p in view.model.posts()] == [first.post_id]
    index = view.model.index_of(first.post_id)
    notes = view.model.index(index.row(), 5, index.parent()).data()
    assert "收容人住院中" in notes and "其他" in notes
    # It can still be handed over later (back from hospital): then it is delivered.
    view.model.set_checked([first.post_id])
    assert view.commands.handover.isEnabled()


def test_the_preparing_line_goes_when_the_preview_closes(qtbot: QtBot, view: PrintView) -> None:
    view.model.check_all(True)
    view.preview_checked()
    assert "準備預覽中" in view.message_label.text()
    qtbot.waitUntil(
        lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=60_000
    )
    dialog = view.preview_dialog
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: view.preview_dialog is None)
    assert "準備預覽中" not in view.message_label.text()
    assert not view.progress.isVisible()


def test_the_file_dialog_is_qts_own_in_the_desks_words_and_dates(
    qtbot: QtBot, view: PrintView, tmp_path: Path
) -> None:
    """QA saw a half-English dialog with dates like "7 12 2026": Qt's own dialog, translated, with the
    desk's dates; the chosen file then goes to the record question."""
    (tmp_path / "上週.pdf").write_bytes(b"%PDF-1.4\n")
    view.model.check_all(True)
    view.export_checked()
    qtbot.waitUntil(lambda: view.file_dialog is not None and view.file_dialog.isVisible())
    dialog = view.file_dialog
    assert dialog is not None
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(tmp_path))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None and "儲存(&S)" in [b.text() for b in buttons.buttons()]
    model = dialog.proxyModel()
    assert model is not None

    files = dialog.findChild(QTreeView, "treeView")  # the detail view: name, size, type, date
    assert files is not None

    def old_file_row() -> str | None:
        parent = files.rootIndex()
        for row in range(model.rowCount(parent)):
            if model.index(row, 0, parent).data() == "上週.pdf":
                return str(model.index(row, 3, parent).data())
        return None

    qtbot.waitUntil(lambda: old_file_row() is not None, timeout=10_000)
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}", old_file_row() or "")
    dialog.selectFile(str(tmp_path / "今天.pdf"))
    dialog.accept()
    qtbot.waitUntil(lambda: view.record_question is not None and view.record_question.isVisible())
    assert view.record_question is not None
    view.record_question.reject()
