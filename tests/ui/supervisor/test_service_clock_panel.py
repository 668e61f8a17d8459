"""逾期未決 in the supervisor's tools (issue #21 item 5): the facility's items past the target with the
working days each is late, the target the supervisor sets, and the facility's own days off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.qt import QtCore
from reviewer_app.shared_db.models import Facility
from reviewer_app.ui.supervisor import ServiceClockPanel, SupervisorTools
from tests import factories
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
    return NOW  # Thursday 2026-11-05 09:00 in Taipei


def _post(world: World, submitted: datetime, facility: str = "TTD") -> int:
    with Session(world.engine) as s, s.begin():
        fac = s.scalar(select(Facility).where(Facility.code == facility))
        assert fac is not None
        return factories.post(s, factories.family(s, fac), submitted_at=submitted).id


def _cells(panel: ServiceClockPanel) -> list[list[str]]:
    m = panel.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def _loaded(qtbot: QtBot, panel: ServiceClockPanel) -> None:
    qtbot.waitUntil(lambda: not panel.is_busy() and panel.summary.text() != "", timeout=10_000)


def test_the_tab_lists_overdue_items_and_the_supervisor_moves_the_target(qtbot: QtBot, world: World) -> None:
    late = _post(world, factories.T0 - timedelta(days=7))  # Monday 10-26: due Thursday 10-29
    _post(world, factories.T0)  # Monday 11-02: due today, not late
    _post(world, factories.T0 - timedelta(days=7), facility="TYJ")  # another facility's

    tools = SupervisorTools(world.engine, world.supervisor, clock=_clock)
    qtbot.addWidget(tools)
    tools.resize(1366, 768)
    tools.show()
    qtbot.waitExposed(tools)
    panel = tools.service_clock
    tools.setCurrentWidget(panel)
    _loaded(qtbot, panel)
    cells = _cells(panel)
    assert len(cells) == 1
    due, days_late, item = cells[0][:3]
    assert (due, days_late) == ("2026/10/29", "5")  # Fri, Mon, Tue, Wed, Thu
    assert item.endswith(f"#{late}")
    assert panel.target.value() == 3
    tools.grab().save("/tmp/h21d/service_clock_tab.png")

    # Ten working days: due Monday 11-09, nothing is late any more.
    panel.target.setFocus()
    panel.target.setValue(10)
    qtbot.mouseClick(panel.save_target_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0 and not panel.is_busy(), timeout=10_000)
    assert panel.target.value() == 10

    panel.day.setDate(QtCore.QDate(2026, 11, 6))
    panel.day_note.setText("颱風停班")
    qtbot.mouseClick(panel.save_day_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.calendar_model.rowCount() == 1 and not panel.is_busy(), timeout=10_000)
    m = panel.calendar_model
    assert m.index(0, 0).data() == "2026/11/06"
    assert m.index(0, 2).data() == "颱風停班"
    assert panel.day_note.text() == ""


def test_a_reviewer_is_told_the_tab_is_for_supervisors(qtbot: QtBot, world: World) -> None:
    panel = ServiceClockPanel(world.engine, world.reviewer, clock=_clock)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    _loaded(qtbot, panel)
    assert panel.model.rowCount() == 0
    assert "權限" in panel.summary.text()
