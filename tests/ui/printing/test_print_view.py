"""The counsellor's view: printing to PDF with the records pushed, and the printer asked for first."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import Post, PrintRecord
from reviewer_app.ui.printing.print_view import PrintView
from tests.printing import pdfread
from tests.ui.printing.checks import approved_ids, settle


def test_export_pdf_prints_marks_printed_and_pushes(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    ids = approved_ids(shared_engine)
    view.model.check_all(True)
    out = tmp_path / "今天.pdf"
    with qtbot.waitSignal(view.printed, timeout=60_000) as printed:
        view.export_pdf(out, record=True)
    assert printed.args == [len(ids)]
    settle(qtbot, view)
    assert pdfread.pages(out) == len(ids)
    with Session(shared_engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"printed"}
        assert sorted(s.scalars(select(PrintRecord.post_id))) == sorted(ids)
    assert view.model.rowCount() == 0  # nothing left to print
    assert "待列印 0・待轉交" in view.status_label.text()
    assert "已列印" in view.message_label.text()


def test_print_asks_for_the_printer_and_cancelling_records_nothing(qtbot: QtBot, view: PrintView) -> None:
    view.model.check_all(True)
    view.tree.setFocus()
    qtbot.keyClick(
        view.tree, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: view.print_dialog is not None and view.print_dialog.isVisible())
    dialog = view.print_dialog
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: view.print_dialog is None)
    assert not view.is_busy()
    assert view.desk.book.prints(("pending", "synced")) == []
