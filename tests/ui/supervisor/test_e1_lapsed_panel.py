"""R5 in the supervisor's tools: a tab lists the facility's services whose E1 has lapsed (the inmate's
youngest child is over the facility's age limit, or no birth date is on record), with the family, the
inmate, the youngest child's age and the day it lapsed, so the supervisor can act on each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Child, Facility
from reviewer_app.ui.supervisor import E1LapsedPanel, SupervisorTools
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
    return NOW


def _family(world: World, *births: date, facility: str = "TTD") -> tuple[str, str]:
    with Session(world.engine) as s, s.begin():
        fac = s.scalar(select(Facility).where(Facility.code == facility))
        assert fac is not None
        app = factories.family(s, fac)
        app.inmate.children[:] = [Child(name=f"王小{n}", birth_date=b) for n, b in enumerate(births)]
        return app.applicant.name, app.inmate.call_number


def _cells(panel: E1LapsedPanel) -> list[list[str]]:
    m = panel.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_tab_lists_the_services_whose_e1_lapsed_with_the_day_it_did(qtbot: QtBot, world: World) -> None:
    today = NOW.date()
    grown = _family(world, date(today.year - 23, 5, 4))
    _family(world, date(today.year - 5, 1, 1))  # a young child: not listed
    unknown = _family(world)  # no birth date on record: E1 cannot be confirmed
    _family(world, date(today.year - 30, 1, 1), facility="TYJ")  # another facility's: not listed

    tools = SupervisorTools(world.engine, world.supervisor, clock=_clock)
    qtbot.addWidget(tools)
    tools.resize(1366, 768)
    tools.show()
    qtbot.waitExposed(tools)
    tools.setCurrentWidget(tools.e1_lapsed)
    panel = tools.e1_lapsed
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and not panel.is_busy(), timeout=10_000)

    rows = {cells[0]: cells for cells in _cells(panel)}
    assert grown[0] in rows
    _family_name, call, youngest, lapsed_on = rows[grown[0]][:4]
    assert call == grown[1]
    assert youngest == "23"
    assert lapsed_on == f"{today.year - 4}/05/04"  # the youngest child's 19th birthday
    assert rows[unknown[0]][2:4] == ["無出生日期紀錄", ""]
    assert _cells(panel)[0][0] == unknown[0]  # listed first: the supervisor must look it up
    assert len(rows) == 2  # the security world's families have a young child
    assert "子女" in tools.tabText(tools.indexOf(panel))
    assert str(panel.model.rowCount()) in panel.summary.text()


def test_a_reviewer_is_told_the_list_is_for_supervisors(qtbot: QtBot, world: World) -> None:
    panel = E1LapsedPanel(world.engine, world.reviewer, clock=_clock)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.is_busy() and panel.summary.text() != "", timeout=10_000)
    assert panel.model.rowCount() == 0
    assert "權限" in panel.summary.text()
