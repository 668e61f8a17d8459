"""Dismissing, in the 停權與違規 tab, a strike that a running suspension spent ends that suspension (R2):
the supervisor is told before (in the question) and after (in the panel), not left with 停權中 (#20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import Suspension
from reviewer_app.ui.supervisor import SuspensionsPanel
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


def test_dismissing_a_strike_of_the_running_suspension_says_it_ends(qtbot: QtBot, world: World) -> None:
    panel = SuspensionsPanel(world.engine, world.supervisor, clock=_clock)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.suspension_model.rowCount() == 1 and not panel.is_busy())
    panel.suspension_view.selectRow(0)
    qtbot.waitUntil(lambda: panel.strike_model.rowCount() == 3 and not panel.is_busy())
    panel.strike_view.selectRow(1)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert "停權" in dialog.prompt_text() and "隨之結束" in dialog.prompt_text()  # said before
    dialog.reason_edit.insert("內容其實符合規定")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.is_busy() and panel.suspension_model.rows()[0].lifted_at is not None)
    said = panel.message_label.text()
    assert "已撤銷" in said and "停權已隨之結束" in said  # and after
    assert panel.suspension_model.index(0, 6).data() == "已解除"
    with Session(world.engine) as s:
        sus = s.get(Suspension, world.suspension_id)
        assert sus is not None and sus.lifted_at is not None
