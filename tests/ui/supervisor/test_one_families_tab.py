"""One tab for a family's strikes and suspensions (#20): the old 停權與違規 tab showed account names
and repeated the 家屬違規與停權紀錄 tab; everything it offered — lifting or shortening a suspension,
dismissing a strike — is done in the families tab, which names supervisors by their display names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.timeutil import local
from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import AuditEvent, Facility, Staff, Suspension
from reviewer_app.ui.supervisor import FamiliesPanel, SupervisorTools
from reviewer_app.ui.supervisor.common import ReasonDialog
from tests import factories
from tests.ui.security_world import NOW, World, build

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

LIFTED_COLUMN = 3
DISMISSED_BY_COLUMN = 4


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    w = build(sqlite_url)
    with Session(w.engine) as s, s.begin():
        s.scalars(select(Staff).where(Staff.username == "chen_supervisor")).one().display_name = "陳主任"
    yield w
    w.engine.dispose()


def _clock() -> datetime:
    return NOW


def _panel(qtbot: QtBot, world: World) -> FamiliesPanel:
    """The families tab with the suspended family chosen, its suspension and strikes listed."""
    panel = FamiliesPanel(world.engine, world.supervisor, clock=_clock)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.family_model.rowCount() == 1 and not panel.is_busy(), timeout=10_000)
    panel.family_view.selectRow(0)
    qtbot.waitUntil(lambda: panel.strike_model.rowCount() == 3 and not panel.is_busy(), timeout=10_000)
    return panel


def _answer(panel: FamiliesPanel, reason: str) -> ReasonDialog:
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # a reason is required
    dialog.reason_edit.insert(reason)  # typed (QTest cannot type Chinese)
    return dialog


def test_the_supervisor_sees_one_tab_for_strikes_and_suspensions(qtbot: QtBot, world: World) -> None:
    tools = SupervisorTools(world.engine, world.supervisor, clock=_clock)
    qtbot.addWidget(tools)
    tabs = [tools.tabText(i) for i in range(tools.count())]
    assert "停權與違規" not in tabs and "家屬違規與停權紀錄" in tabs
    assert not hasattr(tools, "suspensions")
    tools.shutdown()


def test_lift_a_running_suspension_in_the_families_tab(qtbot: QtBot, world: World) -> None:
    panel = _panel(qtbot, world)
    assert panel.suspension_model.rowCount() == 1
    qtbot.waitUntil(lambda: panel.lift_button.isEnabled() and panel.shorten_button.isEnabled())

    qtbot.mouseClick(panel.lift_button, Qt.MouseButton.LeftButton)
    dialog = _answer(panel, "家屬來電說明，誤判")
    assert "解除" in dialog.windowTitle()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            not panel.is_busy()
            and "家屬來電說明" in str(panel.suspension_model.index(0, LIFTED_COLUMN).data())
        ),
        timeout=10_000,
    )
    lifted = str(panel.suspension_model.index(0, LIFTED_COLUMN).data())
    assert "陳主任" in lifted and "chen_supervisor" not in lifted  # who, by name
    assert not panel.lift_button.isEnabled()  # lifted: nothing more to lift
    with Session(world.engine) as s:
        sus = s.get(Suspension, world.suspension_id)
        assert sus is not None and sus.lifted_by == "chen_supervisor"
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "suspension_lift")).one()
    assert event.staff_username == "chen_supervisor" and event.workstation == "ws-sup"


def test_shorten_a_running_suspension_in_the_families_tab(qtbot: QtBot, world: World) -> None:
    panel = _panel(qtbot, world)
    qtbot.waitUntil(panel.shorten_button.isEnabled)
    qtbot.mouseClick(panel.shorten_button, Qt.MouseButton.LeftButton)
    dialog = _answer(panel, "表現良好")
    assert dialog.date_edit is not None
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(5))
    new_day = dialog.new_end()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.is_busy())
    with Session(world.engine) as s:
        sus = s.get(Suspension, world.suspension_id)
        assert sus is not None and local(sus.ends_at).date() == new_day
        assert sus.ends_at < factories.T0 + timedelta(days=30) and sus.lifted_at is None


def test_who_dismissed_a_strike_is_named(qtbot: QtBot, world: World) -> None:
    panel = _panel(qtbot, world)
    panel.strike_view.selectRow(0)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    dialog = _answer(panel, "內容其實符合規定")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    model = panel.strike_model

    def dismissed_by() -> list[str]:
        return [str(model.index(r, DISMISSED_BY_COLUMN).data()) for r in range(model.rowCount())]

    qtbot.waitUntil(lambda: not panel.is_busy() and any(dismissed_by()), timeout=10_000)
    said = next(t for t in dismissed_by() if t)
    assert said.startswith("陳主任") and "chen_supervisor" not in said


def test_a_reviewer_gets_a_clear_refusal(qtbot: QtBot, world: World) -> None:
    panel = FamiliesPanel(world.engine, world.reviewer, clock=_clock)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.failed, timeout=10_000) as failed:
        panel.refresh()
    assert "社工師" in failed.args[0] and "權限" in panel.message_label.text()
    assert panel.family_model.rowCount() == 0


def test_a_lift_under_four_eyes_waits_for_a_second_supervisor(qtbot: QtBot, world: World) -> None:
    with Session(world.engine) as s, s.begin():
        s.scalars(select(Facility).where(Facility.id == world.facility_id)).one().four_eyes = True
    panel = _panel(qtbot, world)
    qtbot.waitUntil(panel.lift_button.isEnabled)
    qtbot.mouseClick(panel.lift_button, Qt.MouseButton.LeftButton)
    dialog = _answer(panel, "家屬來電說明，誤判")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "待覆核" in panel.message_label.text()  # not "lifted": a second supervisor confirms it

    def lifted() -> str:
        return str(panel.suspension_model.index(0, LIFTED_COLUMN).data())

    qtbot.waitUntil(lambda: not panel.is_busy() and "待覆核" in lifted(), timeout=10_000)
    assert not panel.lift_button.isEnabled() and not panel.shorten_button.isEnabled()
    with Session(world.engine) as s:
        sus = s.get(Suspension, world.suspension_id)
        assert sus is not None and sus.lifted_at is None  # still running until confirmed
