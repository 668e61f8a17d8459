"""The counsellor's view on the seeded demo database: the tree (housing unit → inmate → post, check
boxes), Ctrl+P's print preview, printing to PDF with the records pushed, reprint with a reason, and the
hand-over of a whole print run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.printing.batch import PREVIEW_DPI
from reviewer_app.printing.layout import PHOTO_BOX_MM, image_pixels
from reviewer_app.qt import QDialogButtonBox, QPrintPreviewWidget, Qt
from reviewer_app.shared_db.models import Handover, Post, PrintRecord
from reviewer_app.sync.service import Sync, facility_of
from reviewer_app.ui.printing.print_view import PrintQueueModel, PrintView
from tests.printing import pdfread


@pytest.fixture
def view(qtbot: QtBot, shared_engine: Engine, journal: Journal, tmp_path: Path) -> Iterator[PrintView]:
    sync = Sync(shared_engine, journal, "counsellor", "ws-print-01", facility_of(shared_engine, "counsellor"))
    store = DocumentStore(shared_engine, tmp_path / "document-cache", None)
    v = PrintView(journal, sync, store, staff_display_name="黃輔導員")
    qtbot.addWidget(v)
    v.resize(1400, 800)
    v.show()
    qtbot.waitExposed(v)
    qtbot.waitUntil(lambda: not v.is_busy() and v.model.rowCount() > 0)
    yield v
    v.shutdown()
    store.close()


def approved_ids(engine: Engine) -> list[int]:
    with Session(engine) as s:
        return list(s.scalars(select(Post.id).where(Post.status == "approved", Post.facility_id == 1)))


def settle(qtbot: QtBot, view: PrintView) -> None:
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=60_000)


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester, view: PrintView) -> None:
    model = PrintQueueModel()
    model.set_posts(view.desk.queue())
    qtmodeltester.check(model)
    model.check_all(True)
    qtmodeltester.check(model, force_py=True)


def test_posts_are_grouped_by_housing_unit_and_inmate(view: PrintView, shared_engine: Engine) -> None:
    model = view.model
    ids = approved_ids(shared_engine)
    assert sorted(model.checked_ids() + [p.post_id for p in model.posts()]) == sorted(ids)
    units = [model.index(r, 0) for r in range(model.rowCount())]
    assert all(str(model.data(u)).endswith("則）") for u in units)  # 忠舍（1 則）
    for unit in units:
        for r in range(model.rowCount(unit)):
            inmate = model.index(r, 0, unit)
            post = model.index(0, 0, inmate)
            assert model.post_at(post) is not None
            assert str(model.data(inmate)).startswith(model.post_at(post).call_number)  # type: ignore[union-attr]
            assert model.data(post.siblingAtColumn(1)) == "審核通過"
    # Ticking a unit ticks everything below it; unticking one post leaves the unit partly ticked.
    unit = units[0]
    assert model.setData(unit, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    below = [model.post_at(model.index(0, 0, model.index(r, 0, unit))) for r in range(model.rowCount(unit))]
    assert sorted(model.checked_ids()) == sorted(p.post_id for p in below if p)
    inmate = model.index(0, 0, unit)
    model.setData(model.index(0, 0, inmate), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    expected = Qt.CheckState.PartiallyChecked if len(below) > 1 else Qt.CheckState.Unchecked
    assert model.data(unit, Qt.ItemDataRole.CheckStateRole) == expected


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


def test_export_pdf_prints_marks_printed_and_pushes(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    ids = approved_ids(shared_engine)
    view.model.check_all(True)
    out = tmp_path / "今天.pdf"
    with qtbot.waitSignal(view.printed, timeout=60_000) as printed:
        view.export_pdf(out)
    assert printed.args == [len(ids)]
    settle(qtbot, view)
    assert pdfread.pages(out) == len(ids)
    with Session(shared_engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"printed"}
        assert sorted(s.scalars(select(PrintRecord.post_id))) == sorted(ids)
    assert view.model.rowCount() == 0  # nothing left to print
    assert "待列印 0・待轉交" in view.status_label.text()
    assert "已列印" in view.message_label.text()


def test_a_reprint_asks_why(qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path) -> None:
    view.model.check_all(True)
    with qtbot.waitSignal(view.printed, timeout=60_000):
        view.export_pdf(tmp_path / "first.pdf")
    settle(qtbot, view)
    view.set_filter("to_hand_over")
    (first, *_) = view.model.posts()
    view.model.set_checked([first.post_id])
    assert view.reprint_action.isEnabled()
    view.export_pdf(tmp_path / "again.pdf")
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


def test_hand_over_of_a_whole_print_run(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    ids = approved_ids(shared_engine)
    view.model.check_all(True)
    with qtbot.waitSignal(view.printed, timeout=60_000):
        view.export_pdf(tmp_path / "run.pdf")
    settle(qtbot, view)
    assert view.batch_combo.count() == 2  # (choose) and the run
    view.batch_combo.setCurrentIndex(1)
    view.batch_combo.activated.emit(1)
    assert sorted(view.model.checked_ids()) == sorted(ids)
    view.handover_checked()
    dialog = view.handover_dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    dialog.set_undeliverable("other")
    assert not ok.isEnabled()  # 其他 needs a note
    dialog.note_edit.setText("收容人住院中")
    assert ok.isEnabled()
    dialog.delivered.setChecked(True)
    dialog.recipient_edit.setText("代收：舍房主管")
    with qtbot.waitSignal(view.handedOver, timeout=60_000) as handed:
        ok.click()
    assert handed.args == [len(ids)]
    settle(qtbot, view)
    with Session(shared_engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"delivered"}
        rows = s.scalars(select(Handover)).all()
    assert {(h.outcome, h.handed_over_by, h.recipient, h.recorded_by) for h in rows} == {
        ("delivered", "黃輔導員", "代收：舍房主管", "counsellor")
    }
    view.set_filter("delivered")
    assert len(view.model.posts()) == len(ids)


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
