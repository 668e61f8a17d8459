"""The reason editor as a supervisor uses it (#20 item 9): reasons by their names (codes secondary), the
family's text whole (wrapped, not cut), and a save that first says what changes, above all whether the
reason now counts as a strike, and saves nothing until confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import RejectionReason
from reviewer_app.ui.supervisor import CatalogueEditor
from reviewer_app.ui.supervisor.catalogue_editor import CODE_COLUMN, FAMILY_TEXT_COLUMN, NAME_COLUMN
from tests.ui.security_world import NOW, World, build

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    w = build(sqlite_url)
    yield w
    w.engine.dispose()


def _clock() -> datetime:
    return NOW


def _editor(qtbot: QtBot, world: World) -> CatalogueEditor:
    editor = CatalogueEditor(world.engine, world.supervisor, clock=_clock)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    editor.show()
    qtbot.waitExposed(editor)
    editor.refresh()
    qtbot.waitUntil(lambda: editor.model.rowCount() >= 10 and not editor.is_busy())
    return editor


def _row(editor: CatalogueEditor, code: str) -> int:
    return next(n for n, r in enumerate(editor.model.rows()) if r.code == code)


def test_reasons_by_name_and_the_family_text_whole(qtbot: QtBot, world: World) -> None:
    editor = _editor(qtbot, world)
    row = _row(editor, "E4_DUPLICATE")
    assert editor.model.headerData(NAME_COLUMN, Qt.Orientation.Horizontal) == "原因"
    assert editor.model.index(row, NAME_COLUMN).data() == "重複申請（E4）"
    assert editor.model.index(row, CODE_COLUMN).data() == "E4_DUPLICATE"  # still there, after the name
    assert NAME_COLUMN < CODE_COLUMN
    # The family's text wraps in its cell instead of ending in "…".
    view = editor.view
    assert view.wordWrap()
    text = editor.model.index(row, FAMILY_TEXT_COLUMN).data()
    width = view.columnWidth(FAMILY_TEXT_COLUMN)
    lines_needed = -(-view.fontMetrics().horizontalAdvance(text) // max(1, width - 12))
    assert view.rowHeight(row) >= lines_needed * view.fontMetrics().lineSpacing()
    # The form names the reason too.
    view.selectRow(row)
    assert "重複申請（E4）" in editor.name_label.text()


def test_a_save_says_what_changes_and_waits_for_the_yes(qtbot: QtBot, world: World) -> None:
    editor = _editor(qtbot, world)
    editor.view.selectRow(_row(editor, "OTHER_FAMILY"))
    assert editor.strike_box.isChecked()
    editor.strike_box.setChecked(False)
    editor.suggestion_edit.setPlainText("請依本機關說明修正後重新發佈。")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.confirm_dialog is not None and editor.confirm_dialog.isVisible())
    confirm = editor.confirm_dialog
    assert confirm is not None
    summary = confirm.summary()
    assert "其他未依規定" in summary
    assert "計入違規：是 → 否" in summary and "不再計入違規" in summary  # what it means for families
    assert "修正建議" in summary and "請依本機關說明修正後重新發佈。" in summary
    assert "家屬看到的原因" not in summary  # unchanged fields are not listed
    with Session(world.engine) as s:  # nothing saved yet
        saved = s.get(RejectionReason, (world.facility_id, "OTHER_FAMILY"))
        assert saved is not None and saved.counts_as_strike

    confirm.reject()  # 取消: nothing saved, the form keeps the edits
    qtbot.waitUntil(lambda: editor.confirm_dialog is None)
    assert not editor.strike_box.isChecked()
    with Session(world.engine) as s:
        saved = s.get(RejectionReason, (world.facility_id, "OTHER_FAMILY"))
        assert saved is not None and saved.counts_as_strike

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.confirm_dialog is not None and editor.confirm_dialog.isVisible())
    assert editor.confirm_dialog is not None
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.confirm_dialog.accept()
    with Session(world.engine) as s:
        saved = s.get(RejectionReason, (world.facility_id, "OTHER_FAMILY"))
        assert saved is not None and not saved.counts_as_strike


def test_a_reason_made_a_strike_says_what_follows(qtbot: QtBot, world: World) -> None:
    editor = _editor(qtbot, world)
    editor.view.selectRow(_row(editor, "P7_SUSPENDED"))
    editor.strike_box.setChecked(True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.confirm_dialog is not None and editor.confirm_dialog.isVisible())
    assert editor.confirm_dialog is not None
    summary = editor.confirm_dialog.summary()
    assert "計入違規：否 → 是" in summary and "累計 3 次" in summary and "停權 1 個月" in summary
    editor.confirm_dialog.reject()


def test_an_unchanged_reason_is_not_saved_again(qtbot: QtBot, world: World) -> None:
    editor = _editor(qtbot, world)
    editor.view.selectRow(_row(editor, "P4_TOO_LONG"))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.confirm_dialog is None
    assert "沒有變更" in editor.message_label.text()
