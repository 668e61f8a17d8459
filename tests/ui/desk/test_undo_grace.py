"""Undo by rule, not by luck (#20 item 3): a decision waits out a grace period before it is pushed,
the status bar counts it down ("待同步 8 秒，Ctrl+Z 可復原"), Ctrl+Z within it always works (the minute's
sync leaves it alone), and it is pushed as soon as the grace period ends; after that the status bar
no longer offers Ctrl+Z. A real journal, a real shared SQLite file, the real window; a clock the test
moves instead of sleeping."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.demo.seed import STAFF_USERNAME
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QSettings, Qt
from reviewer_app.shared_db.models import Decision
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk.main_window import MainWindow
from tests.desk import Clock
from tests.ui.conftest import WORKSTATION, go_to, idle, look_at_documents, make_context, open_desk, proxy_rows

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

CTRL = Qt.KeyboardModifier.ControlModifier


def _desk(qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, clock: Clock) -> MainWindow:
    clocked = Sync(sync.engine, journal, STAFF_USERNAME, WORKSTATION, sync.who.facility_id, clock=clock)
    clocked.pull()
    context = dataclasses.replace(make_context(journal, clocked, tmp_path), clock=clock)
    return open_desk(qtbot, context)


def _approve_one(qtbot: QtBot, desk: MainWindow) -> tuple[str, int]:
    target = next(r.key for r in proxy_rows(desk) if r.status == "pending" and not r.blocking_rules)
    go_to(qtbot, desk, target)
    look_at_documents(qtbot, desk)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    return target


def _shared_decisions(engine: Engine) -> int:
    """Decisions of this workstation in the shared database (the seed has others')."""
    with Session(engine) as s:
        return len(s.scalars(select(Decision.id).where(Decision.workstation == WORKSTATION)).all())


def test_countdown_undo_within_the_grace_period_then_pushed_right_after_it(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, shared_engine: Engine
) -> None:
    clock = Clock(datetime.now(UTC))
    desk = _desk(qtbot, tmp_path, journal, sync, clock)
    countdown = desk.sync_controller.undo_label
    try:
        first = _approve_one(qtbot, desk)
        qtbot.waitUntil(lambda: len(journal.decisions()) == 1 and idle(desk))
        qtbot.waitUntil(lambda: "10" in countdown.text() and "Ctrl+Z" in countdown.text())
        assert "Ctrl+Z" not in desk.statusBar().currentMessage()  # only the countdown says it
        clock.advance(seconds=2)
        qtbot.waitUntil(lambda: " 8 " in countdown.text() and "Ctrl+Z" in countdown.text())

        # The minute's sync comes now: it leaves the decision alone, and Ctrl+Z takes it back.
        desk.sync_now()
        qtbot.waitUntil(lambda: idle(desk) and desk.last_sync_label.text().startswith("上次同步"))
        assert _shared_decisions(shared_engine) == 0
        clock.advance(seconds=7)  # 9 s after the decision
        qtbot.keyClick(desk.table, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: journal.last_undoable(STAFF_USERNAME) is None and idle(desk))
        assert [d.state for d in journal.decisions(("undone",))] == ["undone"]
        qtbot.waitUntil(lambda: "Ctrl+Z" not in countdown.text())  # nothing left to undo

        # Decided again; the grace period runs out: pushed at once, not at the next minute's sync.
        qtbot.waitUntil(lambda: desk.selected_key() == first)
        look_at_documents(qtbot, desk)
        qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: len(journal.decisions()) == 1 and "Ctrl+Z" in countdown.text())
        clock.advance(seconds=10)
        qtbot.waitUntil(lambda: _shared_decisions(shared_engine) == 1 and idle(desk))
        assert journal.decisions(("pending",)) == []
        qtbot.waitUntil(lambda: "Ctrl+Z" not in countdown.text())
        assert "Ctrl+Z" not in desk.statusBar().currentMessage()
    finally:
        desk.close()


def test_the_grace_period_is_a_preference(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, shared_engine: Engine
) -> None:
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    settings.setValue("preferences/undo_grace_seconds", 3)
    settings.sync()
    clock = Clock(datetime.now(UTC))
    desk = _desk(qtbot, tmp_path, journal, sync, clock)
    try:
        _approve_one(qtbot, desk)
        qtbot.waitUntil(lambda: " 3 " in desk.sync_controller.undo_label.text())
        clock.advance(seconds=3)
        qtbot.waitUntil(lambda: _shared_decisions(shared_engine) == 1 and idle(desk))
    finally:
        desk.close()
