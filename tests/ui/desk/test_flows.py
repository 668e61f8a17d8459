"""Whole flows on the real desk, by keyboard, on a real shared SQLite database, journal and sync.

Approve an application; the third strike suspends the family and holds its next post (and Ctrl+Z
takes it all back); work offline, then the shared database comes back and the background retry syncs.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.demo.seed import STAFF_USERNAME
from reviewer_app.documents.store import DocumentStore
from reviewer_app.documents.verdicts import Rejected
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import Qt
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import Decision, Post, Strike, Suspension
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.desk.reject_dialog import CODE_ROLE, RejectDialog
from reviewer_app.ui.queue.rows import Column, ItemKey, QueueRow
from tests.ui.conftest import (
    WORKSTATION,
    add_post,
    desk_data,
    go_to,
    idle,
    look_at_documents,
    make_context,
    open_desk,
    proxy_rows,
)

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

CTRL = Qt.KeyboardModifier.ControlModifier


def row_of(window: MainWindow, key: ItemKey) -> QueueRow:
    return next(r for r in proxy_rows(window) if r.key == key)


def status_text(window: MainWindow, key: ItemKey) -> str:
    row = window.proxy.proxy_row_of(key)
    assert row is not None
    return str(window.proxy.index(row, Column.STATUS).data())


def reject_by_keyboard(qtbot: QtBot, window: MainWindow, *codes: str) -> RejectDialog:
    """Ctrl+R, move with the arrow keys, tick (or untick the rule check's suggestion) with Space;
    returns the dialog before Enter."""
    qtbot.keyClick(window.table, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: window.reject_dialog is not None and window.reject_dialog.isVisible())
    dialog = window.reject_dialog
    assert isinstance(dialog, RejectDialog)
    qtbot.waitUntil(dialog.reason_list.hasFocus)
    offered = [dialog.reason_model.item(r).data(CODE_ROLE) for r in range(dialog.reason_model.rowCount())]
    row = 0
    for target, code in enumerate(offered):
        if (code in dialog.chosen_codes()) == (code in codes):
            continue
        for _ in range(abs(target - row)):
            qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Down if target > row else Qt.Key.Key_Up)
        row = target
        qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Space)
    assert dialog.chosen_codes() == sorted(codes, key=offered.index)
    return dialog


def test_approve_an_application(qtbot: QtBot, desk: MainWindow, journal: Journal) -> None:
    target = next(
        r.key for r in proxy_rows(desk) if r.kind == "application" and r.status == "pending" and not r.flags
    )
    go_to(qtbot, desk, target)
    look_at_documents(qtbot, desk)
    rows = proxy_rows(desk)
    start = next(i for i, r in enumerate(rows) if r.key == target)
    expected_next = next(r.key for r in [*rows[start + 1 :], *rows[:start]] if r.status == "pending")
    assert desk.panel.title.text().startswith("服務項目申請")
    assert desk.viewer.thumbnails.rowCount() >= 3

    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: desk.selected_key() == expected_next and idle(desk))
    [decision] = journal.decisions()
    assert (decision.kind, decision.item_id, decision.outcome) == (*target, "approve")
    assert status_text(desk, target) == "已決定待同步"
    assert desk.waiting_label.text() == "待同步決定 1 件"
    assert "審核通過" in desk.statusBar().currentMessage()


def test_third_strike_suspends_the_family_and_holds_its_next_post(
    qtbot: QtBot,
    sync: Sync,
    journal: Journal,
    shared_engine: Engine,
    desk_factory: Callable[[Sync | None], MainWindow],
) -> None:
    # The family at two strikes (the seed's scenario 4) has a post waiting; it publishes one more.
    with Session(shared_engine) as s:
        strikes = func.count(Strike.id)
        service_id = s.scalar(
            select(Strike.service_id)
            .group_by(Strike.service_id)
            .having(strikes == 2)
            .order_by(Strike.service_id)
        )
        first_id = s.scalar(select(Post.id).where(Post.service_id == service_id, Post.status == "pending"))
    assert service_id is not None and first_id is not None
    newer = add_post(shared_engine, [], service_id=service_id, title="補上次的照片", hours_ago=0.5)
    sync.pull()
    desk = desk_factory(sync)
    first, second = ("post", first_id), ("post", newer)
    assert desk.detail_of(first).standing.strikes == 2  # type: ignore[union-attr]
    # R1: the newer post lies inside the window of the earlier one, still pending: it waits.
    assert status_text(desk, second) == "暫緩審核"

    held_before = on_hold(desk)
    go_to(qtbot, desk, first)
    assert desk.panel.standing_label.text().startswith("退件累計 2/3")
    dialog = reject_by_keyboard(qtbot, desk, "P2_CONTENT")
    assert "退件累計將為 3/3" in dialog.strike_label.text()
    assert "暫停 1 個月" in dialog.strike_label.text()
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "暫停至" in (row_of(desk, second).held_reason or "") and idle(desk))
    [decision] = journal.decisions()
    assert decision.strike is not None and decision.suspension is not None
    assert decision.held_items == [second]
    assert "暫停至" in desk.statusBar().currentMessage()
    assert on_hold(desk) == held_before  # it waited already (R1); now the suspension holds it
    held = row_of(desk, second)
    assert held.held_reason is not None and "暫停至" in held.held_reason
    assert "P7" in held.flags

    # The held post says why, and cannot be approved.
    go_to(qtbot, desk, second)
    assert desk.panel.banner.text().startswith("暫緩審核：家庭聯絡簿經審查退件累計達 3 次，發佈權限暫停至")
    assert not desk.panel.approve_button.isEnabled()
    assert desk.panel.standing_label.text().startswith("退件累計 0/3")  # R2: the suspension spent them
    assert "發佈權限暫停至" in desk.panel.standing_label.text()

    # Ctrl+Z takes back the decision, its strike and the suspension: the post waits again.
    qtbot.keyClick(desk.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "暫停至" not in (row_of(desk, second).held_reason or "") and idle(desk))
    assert journal.last_undoable(STAFF_USERNAME) is None
    assert desk.selected_key() == first
    assert desk.panel.standing_label.text().startswith("退件累計 2/3")


def on_hold(desk: MainWindow) -> int:
    """The status bar's count of held items (no count shown when none is held)."""
    found = re.search(r"，暫緩 (\d+) 件$", desk.claimed_label.text())
    return int(found.group(1)) if found else 0


@pytest.fixture
def network_share(tmp_path: Path, shared_engine: Engine) -> Iterator[tuple[Path, Engine]]:
    """The shared database reached through a mount point that the test can pull away and put back."""
    real = Path(str(shared_engine.url.database)).parent
    mount = tmp_path / "mnt"
    mount.symlink_to(real, target_is_directory=True)
    engine = make_engine(f"sqlite:///{mount / 'shared.sqlite3'}")
    yield mount, engine
    engine.dispose()
    if not mount.exists():
        mount.symlink_to(real, target_is_directory=True)


def test_work_offline_then_sync_when_the_shared_database_is_back(
    qtbot: QtBot,
    tmp_path: Path,
    journal: Journal,
    sync: Sync,
    shared_engine: Engine,
    network_share: tuple[Path, Engine],
) -> None:
    mount, engine = network_share
    real = mount.resolve()
    remote = Sync(engine, journal, STAFF_USERNAME, WORKSTATION, sync.who.facility_id)
    remote.pull()  # the morning's queue, while the network was fine
    # ... and the reviewer opened the first item's documents then (the desk keeps them in its cache)
    approve = next(r.key for r in desk_data(journal).rows if r.status == "pending" and not r.flags)
    morning = DocumentStore(engine, tmp_path / "document-cache", None)  # the desk's cache folder
    for doc in desk_data(journal).details[approve].snapshot.documents:
        assert not isinstance(morning.fetch(doc), Rejected)
    mount.unlink()  # ... then the network goes
    engine.dispose()

    context = dataclasses.replace(make_context(journal, remote, tmp_path), retry_delays_ms=(200,) * 100)
    desk = open_desk(qtbot, context)
    desk.preferences.set_undo_grace_seconds(0)  # the retry is the subject here, not the grace period
    try:
        qtbot.waitUntil(lambda: desk.connection_label.text() == "離線：決定會先保存在本機")
        assert "無法連線共用資料庫" in desk.statusBar().currentMessage()
        desk.statusBar().clearMessage()
        failures = desk.sync_controller.failures_in_a_row
        qtbot.waitUntil(
            lambda: desk.sync_controller.failures_in_a_row >= failures + 2, timeout=10_000
        )  # retried in the background
        assert desk.statusBar().currentMessage() == "", "the same error is shown once"

        # A photo cannot be fetched now; it says so (and is asked for again once the network is back).
        with_photo = next(
            r.key
            for r in reversed(proxy_rows(desk))
            if r.status == "pending" and desk.detail_of(r.key).snapshot.documents  # type: ignore[union-attr]
        )
        go_to(qtbot, desk, with_photo)
        qtbot.waitUntil(lambda: "無法連線" in desk.viewer.message.text())

        # Reviewing goes on from the journal: approve one (its documents opened from the cache),
        # reject a post with a reason.
        go_to(qtbot, desk, approve)
        look_at_documents(qtbot, desk)
        qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: len(journal.decisions()) == 1 and idle(desk))
        post = next(r.key for r in proxy_rows(desk) if r.kind == "post" and r.status == "pending")
        go_to(qtbot, desk, post)
        dialog = reject_by_keyboard(qtbot, desk, "P2_CONTENT")
        qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(journal.decisions()) == 2)
        qtbot.waitUntil(lambda: desk.waiting_label.text() == "待同步決定 2 件")
        assert desk.connection_label.text() == "離線：決定會先保存在本機"

        # The network comes back: the background retry pushes both decisions, no key pressed.
        mount.symlink_to(real, target_is_directory=True)
        qtbot.waitUntil(lambda: desk.connection_label.text() == "已連線", timeout=10_000)
        qtbot.waitUntil(lambda: desk.waiting_label.text() == "待同步決定 0 件" and idle(desk))
        assert "已恢復與共用資料庫的連線" in desk.statusBar().currentMessage()
        assert desk.last_sync_label.text().startswith("上次同步 ")
        with Session(shared_engine) as s:
            applied = {(d.item_kind, d.item_id): d.outcome for d in s.scalars(select(Decision))}
            rejected = s.get(Post, post[1])
            assert rejected is not None and rejected.status == "rejected"
            assert s.scalar(select(Suspension.id).where(Suspension.service_id == rejected.service_id)) is None
        assert applied[approve] == "approve" and applied[post] == "reject"
        assert desk.proxy.proxy_row_of(approve) is None  # settled: off the queue
        assert with_photo not in (approve, post)
        go_to(qtbot, desk, with_photo)  # its photo is fetched again, and shown
        shown = desk.viewer.current_shown
        qtbot.waitUntil(lambda: shown() is not None and shown().problem is None)  # type: ignore[union-attr]
    finally:
        desk.close()
