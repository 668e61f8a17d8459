"""Ctrl+P's print preview: a page per post, nothing recorded; its own Print button prints for real."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.printing.batch import PREVIEW_DPI
from reviewer_app.printing.layout import PHOTO_BOX_MM, image_pixels
from reviewer_app.qt import QPrintPreviewWidget, Qt
from reviewer_app.shared_db.models import Post
from reviewer_app.ui.printing.print_view import PrintView
from tests.printing import pdfread
from tests.ui.printing.checks import approved_ids, settle


def test_ctrl_p_previews_a_page_per_post_and_records_nothing(
    qtbot: QtBot, view: PrintView, shared_engine: Engine
) -> None:
    view.model.check_all(True)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=60_000
    )
    dialog = view.preview_dialog
    assert dialog is not None
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == len(view.model.checked_ids()))
    dialog.reject()
    qtbot.waitUntil(lambda: view.preview_dialog is None)
    assert view.desk.book.prints(("pending", "synced")) == []
    assert len(approved_ids(shared_engine)) == len(view.model.checked_ids())


def test_print_from_the_preview_prints_at_full_resolution_on_the_worker(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    ids = approved_ids(shared_engine)
    view.model.check_all(True)
    view.preview_checked()
    qtbot.waitUntil(
        lambda: view.preview_dialog is not None and view.preview_dialog.isVisible(), timeout=60_000
    )
    dialog = view.preview_dialog
    assert dialog is not None
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    out = tmp_path / "from-preview.pdf"
    view.printer.setOutputFileName(str(out))  # what the dialog's own Print button has the user choose
    preview.print()
    with qtbot.waitSignal(view.printed, timeout=60_000):
        dialog.accept()
    settle(qtbot, view)
    assert pdfread.pages(out) == len(ids)
    preview_width = image_pixels(PHOTO_BOX_MM, PREVIEW_DPI)[0]
    assert all(image.width > preview_width for image in pdfread.images(out))  # not the preview's pictures
    with Session(shared_engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"printed"}
