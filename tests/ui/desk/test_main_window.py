"""The review desk driven by keyboard on a real seeded shared database, journal and sync."""

from __future__ import annotations

import hashlib
import re
import shutil
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app import config
from reviewer_app.core.family_message import rejection_message
from reviewer_app.core.reasons import by_code
from reviewer_app.demo.seed import STAFF_USERNAME
from reviewer_app.documents.checks import check_document
from reviewer_app.documents.store import DocumentStore
from reviewer_app.documents.verdicts import Rejected
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QLabel, Qt
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import Document, DocumentBlob, Post
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import DECISIONS
from reviewer_app.ui.common.operations import Operation
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.desk.reject_dialog import CODE_ROLE, RejectDialog
from reviewer_app.ui.queue.rows import Column, ItemKey, QueueRow
from tests.desk import Clock, workstation
from tests.ui.conftest import (
    WORKSTATION,
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


def approvable(window: MainWindow, kind: str | None = None) -> QueueRow:
    return next(
        r
        for r in proxy_rows(window)
        if r.status == "pending" and not r.blocking_rules and (kind is None or r.kind == kind)
    )


def next_pending_after(window: MainWindow, key: ItemKey) -> ItemKey:
    rows = proxy_rows(window)
    start = next(i for i, r in enumerate(rows) if r.key == key)
    return next(r.key for r in [*rows[start + 1 :], *rows[:start]] if r.status == "pending")


def decided_keys(journal: Journal) -> list[ItemKey]:
    return [(d.kind, d.item_id) for d in journal.decisions(("pending",))]


def test_queue_shows_the_pulled_items(desk: MainWindow, journal: Journal) -> None:
    pulled = {(i.kind, i.item_id) for i in journal.items()}
    shown = {r.key for r in proxy_rows(desk)}
    assert shown == pulled
    assert len(pulled) == 16
    headers = [desk.proxy.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["類別", "家屬", "收容人", "送件時間", "等候", "規則提示", "認領", "狀態"]
    kinds = {desk.proxy.index(r, Column.KIND).data() for r in range(desk.proxy.rowCount())}
    assert kinds == {"服務項目申請", "家庭聯絡簿"}
    # Oldest first, the first item waiting for a decision selected and shown.
    times = [r.submitted_at for r in proxy_rows(desk)]
    assert times == sorted(times)
    assert desk.selected_key() == next(r.key for r in proxy_rows(desk) if r.status == "pending")
    assert desk.panel.detail() is not None
    assert desk.connection_label.text() == "已連線"
    # Held items wait for their family's suspension to end: they are not counted as to review.
    statuses = [r.status for r in proxy_rows(desk)]
    to_review, held = statuses.count("pending"), statuses.count("held")
    assert held > 0 and to_review + held == 16
    assert desk.claimed_label.text() == f"已認領 16 件，待審 {to_review} 件，暫緩 {held} 件"
    assert desk.waiting_label.text() == "待同步決定 0 件"
    assert desk.last_sync_label.text().startswith("上次同步 ")


def test_approve_with_ctrl_return_records_and_moves_on(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    target = approvable(desk).key
    go_to(qtbot, desk, target)
    expected_next = next_pending_after(desk, target)
    assert desk.panel.approve_button.isEnabled()
    assert "Ctrl+Return" in desk.panel.approve_button.toolTip()

    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: decided_keys(journal) == [target] and desk.selected_key() == expected_next)
    decision = journal.decisions()[0]
    assert decision.outcome == "approve"
    assert (decision.staff_username, decision.workstation) == ("reviewer", WORKSTATION)
    qtbot.waitUntil(lambda: idle(desk) and desk.waiting_label.text() == "待同步決定 1 件")
    row = desk.proxy.proxy_row_of(target)
    assert row is not None
    assert desk.proxy.index(row, Column.STATUS).data() == "已決定待同步"


def test_reject_a_post_with_two_reasons_by_keyboard(qtbot: QtBot, desk: MainWindow, journal: Journal) -> None:
    target = approvable(desk, "post").key
    go_to(qtbot, desk, target)
    assert "Ctrl+R" in desk.panel.reject_button.toolTip()

    qtbot.keyClick(desk.table, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: desk.reject_dialog is not None and desk.reject_dialog.isVisible())
    dialog = desk.reject_dialog
    assert isinstance(dialog, RejectDialog)
    codes = [dialog.reason_model.item(r).data(CODE_ROLE) for r in range(dialog.reason_model.rowCount())]
    assert "P2_CONTENT" in codes and "P4_TOO_LONG" in codes
    assert not {"E1_NO_MINOR_CHILD", "E2_RELATIONSHIP"} & set(codes)  # application reasons do not fit a post
    # The rule check's note on every post (P2, the content) is its suggestion: ticked already.
    assert dialog.chosen_codes() == ["P2_CONTENT"] and dialog.ok_button.isEnabled()

    qtbot.waitUntil(dialog.reason_list.hasFocus)
    for _ in range(codes.index("P4_TOO_LONG")):
        qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Space)
    assert dialog.chosen_codes() == ["P2_CONTENT", "P4_TOO_LONG"]
    assert dialog.ok_button.isEnabled()
    catalogue = by_code(desk_data(journal).catalogue)
    expected_message = rejection_message(
        [catalogue["P2_CONTENT"], catalogue["P4_TOO_LONG"]],
        [],
        desk.panel.detail().snapshot.policy,  # type: ignore[union-attr]
    )
    assert dialog.preview.text() == expected_message
    assert catalogue["P2_CONTENT"].suggestion in dialog.preview.text()
    assert "計入退件次數" in dialog.strike_label.text()

    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: decided_keys(journal) == [target])
    decision = journal.decisions()[0]
    assert decision.outcome == "reject"
    assert decision.reason_codes == ["P2_CONTENT", "P4_TOO_LONG"]
    assert decision.message_to_family == expected_message
    assert decision.strike is not None
    qtbot.waitUntil(lambda: desk.reject_dialog is None and desk.selected_key() != target)


def test_the_family_reads_what_the_reject_dialog_previewed_with_the_remark(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    """A post over the character limit: Ctrl+R opens the dialog with P4 ticked (the rule check's
    reason), the preview names the count; the reviewer adds a remark; the decision stores exactly the
    preview, and the remark is in the decision's audit event."""
    target = next(r for r in proxy_rows(desk) if r.status == "pending" and "P4" in r.blocking_rules).key
    go_to(qtbot, desk, target)
    detail = desk.panel.detail()
    assert detail is not None
    length = next(f.values["length"] for f in detail.findings if f.code == "P4_TOO_LONG")

    qtbot.keyClick(desk.table, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: desk.reject_dialog is not None and desk.reject_dialog.isVisible())
    dialog = desk.reject_dialog
    assert isinstance(dialog, RejectDialog)
    assert "P4_TOO_LONG" in dialog.chosen_codes()
    assert f"本則內文 {length} 字，超過 100 字之限制。" in dialog.preview.text()
    dialog.remark_edit.setFocus()
    dialog.remark_edit.insert("可保留前兩句問候。")
    previewed = dialog.preview.text()
    assert previewed.endswith("審核人員說明：可保留前兩句問候。")

    qtbot.keyClick(dialog.remark_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: decided_keys(journal) == [target])
    (decision,) = journal.decisions()
    assert decision.message_to_family == previewed
    (event,) = [a for a in journal.pending_audit() if a.action == "decision" and a.item_id == target[1]]
    assert event.detail["family_remark"] == "可保留前兩句問候。"


def test_ctrl_z_undoes_the_last_decision(qtbot: QtBot, desk: MainWindow, journal: Journal) -> None:
    target = approvable(desk).key
    go_to(qtbot, desk, target)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: decided_keys(journal) == [target] and idle(desk))
    assert desk.selected_key() != target

    qtbot.keyClick(desk.table, Qt.Key.Key_Z, CTRL)

    qtbot.waitUntil(lambda: journal.last_undoable("reviewer") is None and idle(desk))
    item = journal.item(*target)
    assert item is not None and item.local_status == "pending"
    assert [d.state for d in journal.decisions(("pending", "undone"))] == ["undone"]
    qtbot.waitUntil(lambda: desk.selected_key() == target)
    assert desk.panel.approve_button.isEnabled()
    assert "已復原" in desk.statusBar().currentMessage()


def test_a_blocked_item_cannot_be_approved(qtbot: QtBot, desk: MainWindow, journal: Journal) -> None:
    blocked = next(r for r in proxy_rows(desk) if r.status == "pending" and r.blocking_rules)
    go_to(qtbot, desk, blocked.key)
    assert not desk.panel.approve_button.isEnabled()
    assert not desk.panel.approve_action.isEnabled()
    assert blocked.blocking_rules[0] in desk.panel.approve_button.toolTip()
    assert desk.panel.reject_button.isEnabled()

    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: idle(desk))
    assert journal.decisions() == []
    assert desk.selected_key() == blocked.key


def test_held_item_says_why(qtbot: QtBot, desk: MainWindow) -> None:
    held = next(r for r in proxy_rows(desk) if r.status == "held")
    go_to(qtbot, desk, held.key)
    assert desk.panel.banner.isVisible()
    assert desk.panel.banner.text().startswith("暫緩審核：")
    assert held.held_reason and held.held_reason in desk.panel.banner.text()
    assert not desk.panel.approve_button.isEnabled()
    row = desk.proxy.proxy_row_of(held.key)
    assert row is not None and desk.proxy.index(row, Column.STATUS).data() == "暫緩審核"


def test_roc_years_reach_the_queue_s_rule_texts_and_hold_reasons(qtbot: QtBot, desk: MainWindow) -> None:
    """Turning ROC years on re-words the queue's rule tooltips and hold reasons in 民國 dates too."""
    held = next(r for r in proxy_rows(desk) if r.status == "held")
    row = desk.proxy.proxy_row_of(held.key)
    assert row is not None

    def tips() -> str:
        cells = (desk.proxy.index(row, c) for c in (Column.RULES, Column.STATUS))
        return "\n".join(str(cell.data(Qt.ItemDataRole.ToolTipRole)) for cell in cells)

    assert re.search(r"(?<!\d)20\d\d/\d\d/\d\d", tips())
    desk.preferences.set_roc_years(True)
    qtbot.waitUntil(lambda: re.search(r"(?<!\d)11\d/\d\d/\d\d", tips()) is not None and idle(desk))
    assert not re.search(r"(?<!\d)20\d\d/\d\d/\d\d", tips()), tips()


def test_keyboard_navigation_and_search(qtbot: QtBot, desk: MainWindow) -> None:
    desk.table.setFocus()
    start = desk.table.currentIndex().row()
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    assert desk.table.currentIndex().row() == start + 1
    qtbot.keyClick(desk.table, Qt.Key.Key_K)
    assert desk.table.currentIndex().row() == start
    qtbot.keyClick(desk.table, Qt.Key.Key_Down)
    assert desk.table.currentIndex().row() == start + 1
    qtbot.keyClick(desk.table, Qt.Key.Key_Up)
    assert desk.table.currentIndex().row() == start

    qtbot.keyClick(desk.table, Qt.Key.Key_F, CTRL)
    assert desk.search.hasFocus()
    wanted = proxy_rows(desk)[-1]
    qtbot.keyClicks(desk.search, wanted.inmate_call_number)
    assert desk.proxy.rowCount() >= 1
    assert all(
        wanted.inmate_call_number in f"{r.inmate_call_number} {r.family_id_masked}"
        or wanted.inmate_call_number in r.title
        for r in proxy_rows(desk)
    )
    assert desk.selected_key() in {r.key for r in proxy_rows(desk)}
    qtbot.keyClick(desk.search, Qt.Key.Key_Escape)
    assert desk.search.text() == ""
    assert desk.table.hasFocus()
    assert desk.proxy.rowCount() == 16

    # J typed into the search box is text, not "next item".
    qtbot.keyClick(desk.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(desk.search, "j")
    assert desk.search.text() == "j"
    qtbot.keyClick(desk.search, Qt.Key.Key_Escape)
    # Down in the search box moves through the queue.
    qtbot.keyClick(desk.table, Qt.Key.Key_F, CTRL)
    row = desk.table.currentIndex().row()
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    assert desk.table.currentIndex().row() == row + 1

    desk.kind_filter.setCurrentIndex(desk.kind_filter.findData("application"))
    assert {r.kind for r in proxy_rows(desk)} == {"application"}
    assert desk.selected_key() is not None and desk.selected_key()[0] == "application"  # type: ignore[index]


def test_a_search_that_matches_nothing_says_so(qtbot: QtBot, desk: MainWindow) -> None:
    no_match = desk.queue.no_match
    assert not no_match.isVisible()
    qtbot.keyClick(desk.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(desk.search, "zzq-no-such")
    assert desk.proxy.rowCount() == 0
    assert no_match.isVisible() and "沒有符合" in no_match.text()
    assert desk.panel.placeholder.isVisible()  # nothing selected, nothing decidable
    qtbot.keyClick(desk.search, Qt.Key.Key_Escape)
    assert desk.proxy.rowCount() == 16 and not no_match.isVisible()

    # A filter can hide everything too: nothing is in conflict here.
    desk.kind_filter.setCurrentIndex(desk.kind_filter.findData("application"))
    assert desk.proxy.rowCount() > 0 and not no_match.isVisible()
    desk.queue.status_filter.setCurrentIndex(desk.queue.status_filter.findData("conflict"))
    assert desk.proxy.rowCount() == 0 and no_match.isVisible()
    desk.queue.status_filter.setCurrentIndex(0)  # 全部狀態
    assert desk.proxy.rowCount() > 0 and not no_match.isVisible()


def test_refused_decision_shows_a_message_not_a_traceback(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    target = approvable(desk).key
    go_to(qtbot, desk, target)
    look_at_documents(qtbot, desk)
    # Decided meanwhile (another window of this workstation): the desk still shows it as open.
    journal.decide(
        kind=target[0],
        item_id=target[1],
        outcome="approve",
        staff_username="reviewer",
        workstation=WORKSTATION,
        now=datetime.now(UTC),
    )
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
    assert desk.message_box is not None
    assert "已有決定" in desk.message_box.text()
    desk.message_box.accept()
    qtbot.waitUntil(lambda: desk.message_box is None)
    assert len(journal.decisions()) == 1


def test_offline_desk_keeps_working_and_reports_once(
    qtbot: QtBot,
    tmp_path: Path,
    journal: Journal,
    sync: Sync,
    desk_factory: Callable[[Sync | None], MainWindow],
) -> None:
    sync.pull()  # the items are in the journal
    # ... the reviewer opened the first one's documents (the desk keeps them in its cache folder)
    target = next(r.key for r in desk_data(journal).rows if r.status == "pending" and not r.blocking_rules)
    cache = DocumentStore(sync.engine, tmp_path / "document-cache", None)
    for doc in desk_data(journal).details[target].snapshot.documents:
        assert not isinstance(cache.fetch(doc), Rejected)
    # ... now the shared database goes away
    gone = make_engine(f"sqlite:///{tmp_path / 'no-such-folder' / 'shared.sqlite3'}")
    offline = Sync(gone, journal, "reviewer", WORKSTATION, sync.who.facility_id)
    desk = desk_factory(offline)
    try:
        qtbot.waitUntil(lambda: desk.connection_label.text() == "離線：決定會先保存在本機")
        assert "無法連線共用資料庫" in desk.statusBar().currentMessage()
        assert desk.proxy.rowCount() == 16

        desk.statusBar().clearMessage()
        desk.sync_now()  # the next tick fails the same way: not reported again
        qtbot.waitUntil(lambda: idle(desk))
        assert desk.statusBar().currentMessage() == ""

        go_to(qtbot, desk, target)
        look_at_documents(qtbot, desk)  # from the cache
        qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: decided_keys(journal) == [target] and idle(desk))
        assert desk.waiting_label.text() == "待同步決定 1 件"
    finally:
        desk.close()
        gone.dispose()


def test_decisions_reach_the_shared_database_when_their_grace_period_ends(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    """No F5 and no minute's sync: the push follows the grace period (here none; its countdown is
    test_undo_grace.py's subject)."""
    desk.preferences.set_undo_grace_seconds(0)
    target = approvable(desk).key
    go_to(qtbot, desk, target)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: idle(desk) and desk.waiting_label.text() == "待同步決定 0 件")
    assert [(d.kind, d.item_id) for d in journal.decisions(("synced",))] == [target]
    assert desk.proxy.proxy_row_of(target) is None  # settled: the next pull took it off the queue
    assert journal.last_undoable("reviewer") is None


def test_without_a_shared_database_the_desk_reads_the_journal(
    qtbot: QtBot, sync: Sync, journal: Journal, tmp_path: Path
) -> None:
    sync.pull()
    desk = open_desk(qtbot, make_context(journal, None, tmp_path))
    try:
        assert desk.connection_label.text() == "離線：決定會先保存在本機"
        assert desk.proxy.rowCount() == 16
    finally:
        desk.close()


def test_window_title_names_the_reviewer(desk: MainWindow) -> None:
    # The reviewer and the workstation, nothing else: the platform adds the application's name.
    assert desk.windowTitle() == f"李社工師（{WORKSTATION}）"  # the zh-TW desk: full-width brackets


def test_closing_returns_at_once_and_a_decision_still_waiting_for_the_journal_is_written(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    """Approve and close at once, while the journal is still busy with earlier work: the window goes
    without waiting for it, and the decision is written in the background afterwards, on disk."""
    target = approvable(desk).key
    go_to(qtbot, desk, target)
    qtbot.waitUntil(lambda: idle(desk))
    busy, release = threading.Event(), threading.Event()

    def slow_write_ahead() -> None:
        busy.set()
        release.wait(5)  # held by the test; a close that waited for the journal would wait this out

    Operation(slow_write_ahead, name="slow write").run_in_background(executors.journal())
    assert busy.wait(10)
    desk.approve_current()
    started = time.monotonic()
    desk.close()
    closed_in = time.monotonic() - started
    assert not desk.isVisible()
    assert decided_keys(journal) == []  # still behind the slow write
    release.set()
    assert executors.journal().wait(10_000)  # what run_desk does at process exit
    assert closed_in < 1.0
    fresh = Journal(journal.path)  # read back from the file
    try:
        # Written; and the close may already have pushed it (its grace period ends with the desk).
        written = [(d.kind, d.item_id) for d in fresh.decisions(("pending", "synced"))]
        assert written == [target]
    finally:
        fresh.close()


def test_a_hidden_desk_still_writes_its_decisions(qtbot: QtBot, desk: MainWindow, journal: Journal) -> None:
    """Decisions are written after the next item is painted; a desk that does not repaint (minimised)
    writes them all the same."""
    target = approvable(desk).key
    go_to(qtbot, desk, target)
    qtbot.waitUntil(lambda: idle(desk))
    desk.hide()
    desk.approve_current()
    qtbot.waitUntil(lambda: decided_keys(journal) == [target])


def test_the_first_claimed_photo_is_loading_before_its_row_shows_and_is_decoded_once(
    qtbot: QtBot, journal: Journal, sync: Sync, tmp_path: Path
) -> None:
    """A desk opened on an empty journal: its first sync claims a batch, and the first item's
    documents start loading while the claim is still being stored, not once the row is on screen."""
    window = MainWindow(make_context(journal, sync, tmp_path))
    qtbot.addWidget(window)
    seen_when_rows_came: list[bool] = []
    ready: list[object] = []

    def rows_came() -> None:
        pending = [r for r in proxy_rows(window) if r.status == "pending"]
        if not pending or seen_when_rows_came:
            return
        detail = window.detail_of(pending[0].key)
        docs = detail.snapshot.documents if detail is not None else []
        seen_when_rows_came.append(
            bool(docs)
            and all(window.documents.is_loading(d) or window.documents.cached(d) is not None for d in docs)
        )

    window.model.modelReset.connect(rows_came)
    window.model.rowsInserted.connect(rows_came)
    window.documents.documentReady.connect(lambda shown: ready.append(shown.key))
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(seen_when_rows_came) and idle(window), timeout=20_000)
    try:
        assert seen_when_rows_came == [True]
        first = window.selected_key()
        assert first is not None and window.viewer.view.has_image()  # its photo is on screen
        assert len(ready) == len(set(ready))  # no document was decoded twice
    finally:
        window.close()


def test_an_undo_that_is_refused_says_so_under_its_own_title(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    """Ctrl+Z with nothing to take back: the message is titled as an undo, not as a decision that
    failed to be recorded."""
    qtbot.keyClick(desk.table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
    assert desk.message_box is not None
    assert desk.message_box.windowTitle() == "無法復原"
    assert "沒有可復原的決定" in desk.message_box.text()
    desk.message_box.accept()
    qtbot.waitUntil(lambda: desk.message_box is None and idle(desk))
    assert desk.panel.approve_button.isEnabled() or desk.panel.reject_button.isEnabled()


def test_a_decision_someone_else_overtook_is_told_with_its_reason(
    qtbot: QtBot, desk: MainWindow, journal: Journal, sync: Sync, tmp_path: Path
) -> None:
    """The push that finds an item decided elsewhere first drops this desk's decision (a conflict),
    and the pull that follows takes the item off the queue: the reviewer is told which decision did
    not count and why, not just a counter."""
    target = approvable(desk, "post").key
    # Another workstation, two hours on (this desk's leases have run out), claims and rejects it first.
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
    desk.preferences.set_undo_grace_seconds(0)  # pushed at once (the grace period: test_undo_grace.py)
    go_to(qtbot, desk, target)
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)

    qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
    box = desk.message_box
    assert box is not None
    assert box.windowTitle() == "決定未生效"
    assert "1 件決定未生效" in box.text()
    assert f"家庭聯絡簿 #{target[1]} 審核通過" in box.informativeText()
    assert "supervisor（ws-b）" in box.informativeText()  # who decided first, and where
    box.accept()


def test_a_sync_that_fails_for_another_reason_says_so_in_words(
    qtbot: QtBot, desk: MainWindow, sync: Sync
) -> None:
    """Not unreachable but unusable (the shared file replaced by something that is not a database):
    the status bar stops saying 已連線, and the message is the desk's words, not the driver's English
    with a web address."""
    qtbot.waitUntil(lambda: idle(desk) and desk.connection_label.text() == "已連線")
    shared = Path(str(sync.engine.url.database))
    shared.write_bytes(b"this is not a database file " * 512)
    for suffix in ("-wal", "-shm"):
        shared.with_name(shared.name + suffix).unlink(missing_ok=True)
    sync.engine.dispose()
    qtbot.keyClick(desk.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: desk.statusBar().currentMessage() != "" and idle(desk))
    message = desk.statusBar().currentMessage()
    assert message.startswith("同步失敗") and "本機" in message, message
    assert "sqlalche.me" not in message and "Background on this error" not in message
    assert desk.connection_label.text() != "已連線"


def test_an_item_whose_document_cannot_be_shown_cannot_be_approved(
    qtbot: QtBot, desk: MainWindow, shared_engine: Engine
) -> None:
    """Approving is saying the photo was seen and is fine: a photo that cannot be shown (broken, not
    what it claims to be) leaves only 退件."""
    target = approvable(desk, "post").key
    data = b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 40
    with Session(shared_engine) as s, s.begin():  # the family's photo arrives broken
        post = s.get(Post, target[1])
        assert post is not None
        post.documents.clear()
        post.documents.append(
            Document(
                facility_id=post.facility_id,
                kind="post_attachment",
                filename="孩子.jpg",
                mime_type="image/jpeg",
                size_bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                blob=DocumentBlob(data=data),
            )
        )
    qtbot.keyClick(desk.table, Qt.Key.Key_F5)  # the sync brings the item's documents as they are now

    def filenames() -> list[str]:
        detail = desk.detail_of(target)
        return [d.filename for d in detail.snapshot.documents] if detail else []

    qtbot.waitUntil(lambda: idle(desk) and filenames() == ["孩子.jpg"])
    go_to(qtbot, desk, target)
    qtbot.waitUntil(lambda: not desk.panel.approve_action.isEnabled())
    # Once the viewer's loader has recorded what it found, the rules block it too (R8): rule P6,
    # the file named, and a new upload suggested.
    qtbot.waitUntil(lambda: "P6" in desk.panel.approve_action.toolTip() and idle(desk))
    said = [label.text() for label in desk.panel.findings_box.findChildren(QLabel)]
    assert any("第 1 個文件（附件）無法開啟（" in text for text in said)
    assert [f.reason_code for f in desk.detail_of(target).blocking] == ["UPLOAD_DAMAGED"]  # type: ignore[union-attr]
    assert desk.panel.reject_action.isEnabled()
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)  # nothing happens
    assert desk.selected_key() == target
    assert desk.ctx.journal.decisions() == []

    # An item whose documents show can be approved as before.
    good = next(
        r.key
        for r in proxy_rows(desk)
        if r.key != target and r.status == "pending" and not r.blocking_rules and r.kind == "post"
    )
    go_to(qtbot, desk, good)
    qtbot.waitUntil(lambda: desk.panel.approve_action.isEnabled())


def test_a_colleagues_decisions_left_on_this_workstation_are_pointed_out(
    qtbot: QtBot, journal: Journal, sync: Sync, shared_engine: Engine, tmp_path: Path
) -> None:
    """A colleague signed out before their decisions synced (offline, or locked out): they stay in
    their journal until they sign in here again. Whoever signs in next is told, with names."""
    url = str(shared_engine.url)
    theirs = Journal(config.journal_path(url, "supervisor"))
    try:
        Sync(shared_engine, theirs, "supervisor", "ws-b", sync.who.facility_id).pull(batch=1)
        (item,) = theirs.items()
        theirs.decide(
            kind=item.kind,
            item_id=item.item_id,
            outcome="reject",
            staff_username="supervisor",
            workstation="ws-b",
            now=datetime.now(UTC),
            reason_codes=["P2_CONTENT"] if item.kind == "post" else ["E5_MISSING_DOCS"],
            message_to_family="請依建議修正後重新送件",
        )
    finally:
        theirs.close()
    # A journal file that is not what its name says (copied over): counted as nobody's.
    shutil.copy(theirs.path, config.journal_path(url, "counsellor"))
    shutil.copy(theirs.path, config.journal_path(url, STAFF_USERNAME))  # this member's own: never news
    sync.pull()
    desk = MainWindow(make_context(journal, sync, tmp_path))  # the message may come before it is active
    qtbot.addWidget(desk)
    try:
        desk.show()
        qtbot.waitUntil(lambda: desk.message_box is not None and desk.message_box.isVisible())
        box = desk.message_box
        assert box is not None
        assert box.windowTitle() == "同仁的決定尚未同步"
        assert "supervisor（1 件）" in box.text() and STAFF_USERNAME not in box.text()
        box.accept()
    finally:
        desk.close()  # stops its workers before the databases go


def test_the_desk_shows_a_decision_recorded_elsewhere_when_it_is_announced(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    """Another window (a supervisor tool, a second desk) records a decision and announces it: the desk
    reloads on the change notification, without being asked to."""
    target = approvable(desk).key
    kind, item_id = target
    snapshot = desk.detail_of(target).snapshot  # type: ignore[union-attr]
    store = desk.ctx.documents
    assert isinstance(store, DocumentStore)

    def decide_elsewhere() -> None:
        for doc in snapshot.documents:  # that window opened the documents before approving (R7)
            check = check_document(store, doc, snapshot.policy)
            assert check is not None
            journal.record_document_check(check, datetime.now(UTC))
        journal.decide(
            kind=kind,
            item_id=item_id,
            outcome="approve",
            staff_username=STAFF_USERNAME,
            workstation=WORKSTATION,
            now=datetime.now(UTC),
        )

    Operation(decide_elsewhere, name="elsewhere").changes(DECISIONS).run_in_background(executors.journal())
    qtbot.waitUntil(lambda: desk.waiting_label.text() == "待同步決定 1 件")
    row = desk.proxy.proxy_row_of(target)
    assert row is not None
    assert desk.proxy.row_for(row).status == "decided"  # type: ignore[union-attr]
