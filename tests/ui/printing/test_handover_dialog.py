"""The hand-over of a whole print run, through the dialog: delivered to whom, or undeliverable and why."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.qt import QDialogButtonBox
from reviewer_app.shared_db.models import Handover, Post
from reviewer_app.ui.printing.print_view import PrintView
from tests.ui.printing.checks import approved_ids, settle


def test_hand_over_of_a_whole_print_run(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    ids = approved_ids(shared_engine)
    view.model.check_all(True)
    with qtbot.waitSignal(view.printed, timeout=60_000):
        view.export_pdf(tmp_path / "run.pdf", record=True)
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
