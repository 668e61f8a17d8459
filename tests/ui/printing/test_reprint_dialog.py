"""A reprint asks why, and the reason goes with the print record and onto the page."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.qt import QDialogButtonBox
from reviewer_app.shared_db.models import PrintRecord
from reviewer_app.ui.printing.print_view import PrintView
from tests.printing import pdfread
from tests.ui.printing.checks import settle


def test_a_reprint_asks_why(qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path) -> None:
    view.model.check_all(True)
    with qtbot.waitSignal(view.printed, timeout=60_000):
        view.export_pdf(tmp_path / "first.pdf", record=True)
    settle(qtbot, view)
    view.set_filter("to_hand_over")
    (first, *_) = view.model.posts()
    view.model.set_checked([first.post_id])
    assert view.commands.reprint.isEnabled()
    view.export_pdf(tmp_path / "again.pdf", record=True)
    dialog = view.reprint_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and not ok.isEnabled()  # no reason, no reprint
    dialog.set_reason("紙本破損")
    assert ok.isEnabled()
    with qtbot.waitSignal(view.printed, timeout=60_000):
        ok.click()
    settle(qtbot, view)
    with Session(shared_engine) as s:
        again = s.scalars(select(PrintRecord).where(PrintRecord.reprint.is_(True))).all()
    assert [(r.post_id, r.reprint_reason) for r in again] == [(first.post_id, "紙本破損")]
    assert pdfread.pages(tmp_path / "again.pdf") == 1
    assert "補印" in pdfread.text(tmp_path / "again.pdf", 1)
