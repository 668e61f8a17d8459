"""What a screen reader user hears besides the decision itself (#20, accessibility): that the decision
waits out its grace period (Ctrl+Z undoes it), that it was sent once the grace period ended — said
at the start and at the end, not at every second of the countdown — and that a decision did not
take effect because someone else decided the item first."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.demo.seed import STAFF_USERNAME
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk.main_window import MainWindow
from tests.desk import Clock, workstation
from tests.ui.conftest import WORKSTATION, go_to, idle, look_at_documents, make_context, open_desk, proxy_rows
from tests.ui.desk.test_main_window import approvable
from tests.ui.desk.test_undo_grace import _shared_decisions

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_grace_period_is_announced_at_its_start_and_when_the_decision_is_sent(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, shared_engine: Engine
) -> None:
    clock = Clock(datetime.now(UTC))
    clocked = Sync(sync.engine, journal, STAFF_USERNAME, WORKSTATION, sync.who.facility_id, clock=clock)
    clocked.pull()
    desk = open_desk(qtbot, dataclasses.replace(make_context(journal, clocked, tmp_path), clock=clock))
    heard: list[str] = []
    desk.announcer.announced.connect(heard.append)
    try:
        target = next(r.key for r in proxy_rows(desk) if r.status == "pending" and not r.blocking_rules)
        go_to(qtbot, desk, target)
        look_at_documents(qtbot, desk)
        qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "Ctrl+Z" in desk.sync_controller.undo_label.text() and idle(desk))
        countdown = [t for t in heard if "Ctrl+Z" in t]
        assert len(countdown) == 1 and "10 秒" in countdown[0]  # how long, and how to undo
        assert countdown[0].startswith("已記錄")  # said with the decision, after it
        for left in range(9, 4, -1):  # the countdown goes on on screen, silently
            clock.advance(seconds=1)
            qtbot.waitUntil(lambda left=left: f" {left} " in desk.sync_controller.undo_label.text())
        assert len([t for t in heard if "Ctrl+Z" in t]) == 1

        clock.advance(seconds=5)  # the grace period is over: pushed, and said
        qtbot.waitUntil(lambda: _shared_decisions(shared_engine) == 1 and idle(desk))
        qtbot.waitUntil(lambda: any("已送出" in t for t in heard))
        sent = next(t for t in heard if "已送出" in t)
        assert "無法復原" in sent or "不能再復原" in sent, sent
    finally:
        desk.close()


def test_undoing_within_the_grace_period_is_announced(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync
) -> None:
    clock = Clock(datetime.now(UTC))
    clocked = Sync(sync.engine, journal, STAFF_USERNAME, WORKSTATION, sync.who.facility_id, clock=clock)
    clocked.pull()
    desk = open_desk(qtbot, dataclasses.replace(make_context(journal, clocked, tmp_path), clock=clock))
    heard: list[str] = []
    desk.announcer.announced.connect(heard.append)
    try:
        target = next(r.key for r in proxy_rows(desk) if r.status == "pending" and not r.blocking_rules)
        go_to(qtbot, desk, target)
        look_at_documents(qtbot, desk)
        qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "Ctrl+Z" in desk.sync_controller.undo_label.text() and idle(desk))
        qtbot.keyClick(desk.table, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: journal.last_undoable(STAFF_USERNAME) is None and idle(desk))
        qtbot.waitUntil(lambda: any(t.startswith("已復原") for t in heard))
        assert not any("已送出" in t for t in heard)
    finally:
        desk.close()


def test_a_conflict_is_announced_at_once(qtbot: QtBot, desk: MainWindow, sync: Sync, tmp_path: Path) -> None:
    heard: list[tuple[str, bool]] = []
    desk.announcer.announced.connect(lambda text: heard.append((text, desk.announcer.last_was_urgent)))
    target = approvable(desk, "post").key
    other = workstation(
        str(sync.engine.url),
        tmp_path,
        "ws-b",
        "supervisor",
        sync.who.facility_id,
        Clock(datetime.now(UTC) + timedelta(hours=2)),
    )
    try:
        assert other.sync.pull().claimed > 0
        other.decide(target[0], target[1], "reject", "P2_CONTENT")
        assert other.sync.push().applied == 1
    finally:
        other.close()
    desk.preferences.set_undo_grace_seconds(0)
    go_to(qtbot, desk, target)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
    said = [(t, urgent) for t, urgent in heard if "未生效" in t]
    assert said, heard
    text, urgent = said[-1]
    assert urgent  # interrupts: the reviewer must know before going on
    assert f"#{target[1]}" in text and "supervisor（ws-b）" in text  # which one, and who decided first
    assert desk.message_box is not None
    desk.message_box.accept()
