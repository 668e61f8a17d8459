"""家屬違規與停權紀錄 (issue #18, R2 R4): the supervisor sees every family on record — suspended ones
first, families at one or two strikes too — with the strikes of the current cycle ("違規 1/3", never
the strikes a suspension already spent), each suspension with the posts whose strikes it spent and the
posts approved while it ran, and dismisses a strike knowing that a running suspension ends with it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import Facility, ServiceApplication, Strike, Suspension
from reviewer_app.ui.supervisor import FamiliesPanel, SupervisorTools
from tests import factories
from tests.ui.security_world import NOW, World, build

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),  # the offscreen platform says so on every show()
]


@dataclass
class Families:
    world: World
    one_strike: str  # applicant names
    served: str
    suspended: str
    spent_posts: list[int]
    approved_inside: int


@pytest.fixture
def families(sqlite_url: str) -> Iterator[Families]:
    """The security world's suspended family (three strikes spent, a post approved while suspended),
    a family at one strike and a family that served its suspension long ago."""
    w = build(sqlite_url)
    with Session(w.engine) as s, s.begin():
        fac = s.get(Facility, w.facility_id)
        assert fac is not None
        one = factories.family(s, fac, strikes=1, submitted_at=NOW)
        served = factories.family(s, fac, strikes=3, submitted_at=NOW - timedelta(days=200))
        app = s.get(ServiceApplication, w.service_id)
        assert app is not None
        inside = factories.post(s, app, submitted_at=factories.T0 + timedelta(days=1))
        inside.status, inside.decided_at = "approved", factories.T0 + timedelta(days=1, hours=2)
        names = one.applicant.name, served.applicant.name
        spent = list(s.scalars(select(Strike.post_id).where(Strike.service_id == w.service_id)))
        inside_id = inside.id
    yield Families(w, names[0], names[1], w.applicant_name, sorted(spent), inside_id)
    w.engine.dispose()


def _clock() -> datetime:
    return NOW


def _shown(qtbot: QtBot, f: Families) -> FamiliesPanel:
    panel = FamiliesPanel(f.world.engine, f.world.supervisor, clock=_clock)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.family_model.rowCount() == 3 and not panel.is_busy(), timeout=10_000)
    return panel


def _listed(panel: FamiliesPanel) -> dict[str, tuple[str, str]]:
    """Each family's 違規 and 停權至 cells, by applicant."""
    m = panel.family_model
    return {m.index(r, 0).data(): (m.index(r, 2).data(), m.index(r, 3).data()) for r in range(m.rowCount())}


def _select(qtbot: QtBot, panel: FamiliesPanel, applicant: str) -> None:
    m = panel.family_model
    row = next(r for r in range(m.rowCount()) if m.index(r, 0).data() == applicant)
    panel.family_view.selectRow(row)
    qtbot.waitUntil(lambda: not panel.is_busy() and panel.strike_model.rowCount() > 0, timeout=10_000)


def test_families_at_one_strike_and_suspended_ones_with_their_counters(
    qtbot: QtBot, families: Families
) -> None:
    panel = _shown(qtbot, families)
    listed = _listed(panel)
    assert panel.family_model.index(0, 0).data() == families.suspended  # suspended first
    assert listed[families.one_strike] == ("1/3", "")
    # The suspension spent its three strikes: 0/3 now (the desk read "3/3" — or "4/3" later).
    assert listed[families.suspended] == ("0/3", "2026/12/01")  # its last full day
    assert listed[families.served] == ("0/3", "")  # served long ago: not "3/3"
    assert panel.family_model.headerData(2, Qt.Orientation.Horizontal) == "違規（本輪）"


def test_a_family_at_one_strike_is_reachable(qtbot: QtBot, families: Families) -> None:
    panel = _shown(qtbot, families)
    _select(qtbot, panel, families.one_strike)
    assert panel.suspension_model.rowCount() == 0
    assert panel.strike_model.rowCount() == 1
    assert panel.strike_model.index(0, 3).data() == "計入本輪"


def test_a_suspension_lists_the_posts_it_spent_and_those_approved_inside_it(
    qtbot: QtBot, families: Families
) -> None:
    panel = _shown(qtbot, families)
    _select(qtbot, panel, families.suspended)
    m = panel.suspension_model
    assert m.rowCount() == 1
    assert m.index(0, 0).data() == "第 1 次"
    assert m.index(0, 1).data() == "2026/11/02"
    assert m.index(0, 2).data() == "2026/12/01"
    assert m.index(0, 4).data() == " ".join(f"#{p}" for p in families.spent_posts)
    approved = m.index(0, 5)
    assert f"#{families.approved_inside}" in approved.data() and "請確認" in approved.data()
    assert approved.data(Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    states = {panel.strike_model.index(r, 3).data() for r in range(panel.strike_model.rowCount())}
    assert states == {"第 1 次停權已用"}


def test_dismissing_a_strike_of_a_running_suspension_ends_it_and_says_so(
    qtbot: QtBot, families: Families
) -> None:
    panel = _shown(qtbot, families)
    _select(qtbot, panel, families.suspended)
    panel.strike_view.selectRow(0)
    assert panel.dismiss_button.isEnabled()
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert "第 1 次停權" in dialog.prompt_text() and "隨之結束" in dialog.prompt_text()  # said before
    dialog.reason_edit.insert("內容其實符合規定")  # typed (QTest cannot type Chinese)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.is_busy() and _listed(panel)[families.suspended][0] == "2/3")
    assert panel.message_label.text() == "已撤銷；第 1 次停權已隨之結束，目前違規 2/3"
    assert _listed(panel)[families.suspended] == ("2/3", "")
    with Session(families.world.engine) as s:
        sus = s.get(Suspension, families.world.suspension_id)
        assert sus is not None and sus.lifted_at is not None


def test_the_families_by_keyboard(qtbot: QtBot, families: Families) -> None:
    panel = _shown(qtbot, families)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.family_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.family_view.hasFocus)
    qtbot.keyClick(panel.family_view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.selected_family() is not None and not panel.is_busy())
    qtbot.waitUntil(lambda: panel.strike_model.rowCount() > 0)
    qtbot.keyClick(panel.family_view, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.suspension_view.hasFocus)
    qtbot.keyClick(panel.suspension_view, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.strike_view.hasFocus)
    qtbot.keyClick(panel.strike_view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.selected_strike() is not None)
    qtbot.keyClick(panel.strike_view, Qt.Key.Key_Tab)
    for button in (panel.lift_button, panel.shorten_button):  # on when the suspension chosen runs
        if button.hasFocus():
            qtbot.keyClick(button, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.dismiss_button.hasFocus)
    qtbot.keyClick(panel.dismiss_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    panel.dialog.reject()


def test_the_supervisor_tools_have_the_families_tab(qtbot: QtBot, families: Families) -> None:
    tools = SupervisorTools(families.world.engine, families.world.supervisor, clock=_clock)
    qtbot.addWidget(tools)
    tools.show()
    qtbot.waitExposed(tools)
    assert tools.tabText(tools.indexOf(tools.families)) == "家屬違規與停權紀錄"
    tools.setCurrentWidget(tools.families)
    qtbot.waitUntil(lambda: tools.families.family_model.rowCount() == 3 and not tools.is_busy())
