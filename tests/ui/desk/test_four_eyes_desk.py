"""Four eyes on the desk (issue 21): a reviewer's approval of a service application is told, after the
sync, to wait in 待覆核; the queue of first decisions opens from the Review menu (Ctrl+Shift+K) and a
colleague confirms it there. The demo facility keeps four eyes on, as every facility by default."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.journal import Journal
from reviewer_app.qt import QApplication, QKeySequence, Qt
from reviewer_app.shared_db.models import SecondLook, ServiceApplication
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.desk.role_windows import window_for_role
from reviewer_app.ui.queue.rows import QueueRow
from reviewer_app.ui.supervisor.second_looks_panel import SecondLooksWindow
from tests.ui.conftest import WORKSTATION, go_to, idle, look_at_documents, make_context, proxy_rows

CTRL = Qt.KeyboardModifier.ControlModifier


def _row(desk: MainWindow, key: tuple[str, int]) -> QueueRow:
    return next(r for r in proxy_rows(desk) if r.key == key)


def test_an_approval_waits_for_a_second_look_and_a_colleague_confirms_it(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    actor = Actor(sync.who.staff_username, "reviewer", sync.who.facility_id, WORKSTATION)
    desk = window_for_role("reviewer", make_context(journal, sync, tmp_path), shared_engine, actor)
    assert isinstance(desk, MainWindow)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)
    desk.activateWindow()
    qtbot.waitUntil(lambda: idle(desk) and desk.model.rowCount() > 0)
    desk.preferences.set_undo_grace_seconds(0)
    target = next(
        r.key for r in proxy_rows(desk) if r.kind == "application" and r.status == "pending" and not r.flags
    )
    go_to(qtbot, desk, target)
    look_at_documents(qtbot, desk)

    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    desk.sync_now()

    qtbot.waitUntil(lambda: "待覆核" in desk.statusBar().currentMessage(), timeout=20_000)
    # The queue row says the approval waits for a second look, not that it is done (the push's answer).
    qtbot.waitUntil(lambda: idle(desk) and _row(desk, target).status == "awaiting_second")
    assert "待覆核" in desk.model.status_label(_row(desk, target).status)
    go_to(qtbot, desk, target)
    qtbot.waitUntil(lambda: desk.panel.banner.isVisible())
    assert "待覆核" in desk.panel.banner.text() and "已同步" not in desk.panel.banner.text()
    with Session(shared_engine) as s:
        app = s.get(ServiceApplication, target[1])
        assert app is not None and app.status == "pending"  # 審核中 for the family
        assert s.scalar(select(SecondLook.state).where(SecondLook.subject_id == target[1])) == "waiting"

    # Review → 待覆核… opens the queue; the reviewer's own approval cannot be confirmed by them.
    action = desk.findChild(type(desk.sync_action), "secondLooksAction")
    assert action is not None and action.shortcut() == QKeySequence("Ctrl+Shift+K")
    action.trigger()
    queue = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SecondLooksWindow))
    qtbot.waitUntil(lambda: not queue.panel.is_busy() and queue.panel.model.rowCount() == 1)
    assert not queue.panel.confirm_button.isEnabled()
    queue.close()
    desk.close()
