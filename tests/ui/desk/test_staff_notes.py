"""Staff notes at the desk (issue #21 item 6): Ctrl+Shift+N puts the cursor in the notes box, Tab
reaches 加註 and Space keeps the note; it shows at once as waiting, syncs with the next sync, and is
there again after the desk is closed and opened. The family's side never reads notes (the portal
function and the walls: tests/shared_db/test_service_clock_sql.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QApplication, Qt
from reviewer_app.shared_db.models import ItemNote
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors
from tests.ui.conftest import idle, make_context, open_desk

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

NOTE = "家屬來電：照片背景是孩子的學校"


def test_a_note_written_at_the_desk_by_keyboard_syncs_and_survives_a_restart(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, shared_engine: Engine
) -> None:
    window = open_desk(qtbot, make_context(journal, sync, tmp_path))
    qtbot.waitUntil(lambda: idle(window) and window.last_sync_label.text().startswith("上次同步"))
    detail = window.panel.detail()
    assert detail is not None
    key = detail.key
    box = window.panel.notes_box

    qtbot.keyClick(
        window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.focusWidget() is box.edit
    box.edit.insertPlainText(NOTE)  # as an input method commits it (keyClicks types ASCII only)
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box.add_button
    qtbot.keyClick(box.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: NOTE in box.notes_label.text() and idle(window), timeout=10_000)
    assert box.edit.toPlainText() == ""
    assert [n.body for n in journal.notes(*key)] == [NOTE]
    window.grab().save("/tmp/h21d/desk_note.png")

    window.sync_now()
    qtbot.waitUntil(lambda: idle(window) and journal.pending_notes() == [], timeout=10_000)
    with Session(shared_engine) as s:
        kept = s.scalars(select(ItemNote)).all()
        assert [(n.item_kind, n.item_id, n.body) for n in kept] == [(*key, NOTE)]
    window.close()
    assert executors.finish_all(30_000)

    again = open_desk(qtbot, make_context(journal, sync, tmp_path))
    try:
        qtbot.waitUntil(lambda: idle(again) and again.panel.detail() is not None)
        again.select_key(key)
        qtbot.waitUntil(lambda: NOTE in again.panel.notes_box.notes_label.text(), timeout=10_000)
    finally:
        again.close()
        assert executors.finish_all(30_000)


def test_a_draft_stays_with_its_item(qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync) -> None:
    window = open_desk(qtbot, make_context(journal, sync, tmp_path))
    box = window.panel.notes_box
    first = window.selected_key()
    box.edit.setPlainText("草稿")
    window.select_next()
    qtbot.waitUntil(lambda: window.selected_key() != first)
    assert box.edit.toPlainText() == ""
    assert not box.add_button.isEnabled()
    window.select_previous()
    qtbot.waitUntil(lambda: window.selected_key() == first)
    assert box.edit.toPlainText() == "草稿"
    window.close()
    assert executors.finish_all(30_000)
