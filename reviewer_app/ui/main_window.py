"""The review desk window: the queue on the left, the selected item and its decisions on the right.

The window is built from a :class:`DeskContext` (journal, sync, who is working where, a clock): no
globals. It never calls the database itself: reads and decisions go to the ``journal`` task runner,
syncs to the ``sync`` task runner, and results come back as plain data (:mod:`desk_data`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reviewer_app import config
from reviewer_app.catalogue import Reason
from reviewer_app.journal.journal import DecisionRecord, DecisionRefused, Journal, JournalError, NotUndoable
from reviewer_app.sync import SharedDatabaseUnavailable, Sync
from reviewer_app.timeutil import local
from reviewer_app.ui.decision_panel import DecisionPanel
from reviewer_app.ui.desk_data import DeskData, ItemDetail, load_desk
from reviewer_app.ui.qt import (
    QAbstractItemView,
    QAction,
    QCloseEvent,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QItemSelectionModel,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QModelIndex,
    QObject,
    QSettings,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.ui.queue_model import Column, ItemKey, QueueFilter, QueueModel
from reviewer_app.ui.reject_dialog import RejectDialog
from reviewer_app.ui.tasks import TaskRunner
from reviewer_app.vocabulary import ITEM_KINDS, OUTCOMES

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SYNC_INTERVAL_MS = 60_000


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class DeskContext:
    """What the desk works with; the caller builds it (no globals, easy to replace in tests)."""

    journal: Journal
    sync: Sync | None  # None: no shared database configured, the desk works from the journal only
    staff_username: str
    staff_display_name: str
    workstation: str
    clock: Clock = _utcnow
    settings_path: Path | None = None  # window layout (INI); default: the user's data folder
    sync_interval_ms: int = SYNC_INTERVAL_MS


class MainWindow(QMainWindow):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = context
        self.setObjectName("reviewDesk")
        self.setWindowTitle(
            self.tr("電子家庭聯絡簿審核台 — {name}（{workstation}）").format(
                name=context.staff_display_name, workstation=context.workstation
            )
        )
        settings_path = context.settings_path or config.data_dir() / "desk.ini"
        self.settings = QSettings(str(settings_path), QSettings.Format.IniFormat, self)

        # Background work: journal reads and writes in order on one worker, syncs on another, so a
        # slow or unreachable shared database never delays a decision or the queue.
        self.journal_tasks = TaskRunner("journal", self)
        self.sync_tasks = TaskRunner("sync", self)

        self._details: dict[ItemKey, ItemDetail] = {}
        self._catalogue: tuple[Reason, ...] = ()
        self._reload_running = False
        self._reload_again = False
        self._select_after_reload: ItemKey | None = None
        self._restoring_selection = False
        self._sync_running = False
        self._deciding = False
        self._connected: bool | None = None  # None: not tried yet
        self._last_sync_at: datetime | None = None
        self._last_sync_error: str | None = None
        self._first_load = True
        self.reject_dialog: RejectDialog | None = None
        self.message_box: QMessageBox | None = None

        self._build_queue()
        self.panel = DecisionPanel()
        self.panel.approveRequested.connect(self.approve_current)
        self.panel.rejectRequested.connect(self.reject_current)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("deskSplitter")
        self.splitter.addWidget(self.queue_pane)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        self._build_actions()
        self._restore_layout()

        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(context.sync_interval_ms)
        self.sync_timer.timeout.connect(self.sync_now)
        self.sync_timer.start()
        self.request_reload()
        self.sync_now()
        self.table.setFocus()

    # ---- building ------------------------------------------------------------------------------

    def _build_queue(self) -> None:
        self.model = QueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜尋家屬、收容人、呼號、標題…（Ctrl+F）"))
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)

        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("全部類別"), None)
        for kind, label in ITEM_KINDS.items():
            self.kind_filter.addItem(label, kind)
        self.kind_filter.currentIndexChanged.connect(self._kind_changed)

        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.sortByColumn(Column.SUBMITTED, Qt.SortOrder.AscendingOrder)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        self.queue_pane = QWidget()
        pane = QVBoxLayout(self.queue_pane)
        pane.setContentsMargins(4, 4, 4, 4)
        pane.addLayout(filters)
        pane.addWidget(self.table, 1)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionState")
        self.claimed_label = QLabel()
        self.claimed_label.setObjectName("claimedCount")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingCount")
        self.last_sync_label = QLabel()
        self.last_sync_label.setObjectName("lastSync")
        for label in (self.connection_label, self.claimed_label, self.waiting_label, self.last_sync_label):
            bar.addPermanentWidget(label)
        self._show_connection()
        self._show_last_sync()

    def _action(self, text: str, keys: Sequence[str], slot: Callable[[], None], name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.undo_action = self._action(self.tr("復原上一個決定"), ["Ctrl+Z"], self.undo_last, "undoAction")
        self.next_action = self._action(self.tr("下一件"), ["J"], self.select_next, "nextAction")
        self.previous_action = self._action(self.tr("上一件"), ["K"], self.select_previous, "previousAction")
        self.find_action = self._action(self.tr("搜尋"), ["Ctrl+F"], self.focus_search, "findAction")
        self.sync_action = self._action(self.tr("立即同步"), ["F5"], self.sync_now, "syncAction")
        # The panel's approve (Ctrl+Return) and reject (Ctrl+R) actions are window shortcuts too.

    # ---- layout memory -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 860)
        splitter = self.settings.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([820, 620])
        header = self.settings.value("queue/header")
        self._header_restored = header is not None and self.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("queue/header", self.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.sync_timer.stop()
        if self.reject_dialog is not None:
            self.reject_dialog.reject()
        self.journal_tasks.shutdown()
        self.sync_tasks.shutdown()
        super().closeEvent(event)

    # ---- loading -------------------------------------------------------------------------------

    def request_reload(self) -> None:
        """Read the queue from the journal in the background (coalesced while one is running)."""
        if self._reload_running:
            self._reload_again = True
            return
        self._reload_running = True
        journal, clock = self.ctx.journal, self.ctx.clock
        self.journal_tasks.run(lambda: load_desk(journal, clock()), self._loaded, self._load_failed, "reload")

    def _loaded(self, data: DeskData) -> None:
        self._reload_running = False
        current = self.selected_key()
        wanted = self._select_after_reload or current
        self._select_after_reload = None
        self._details = data.details
        self._catalogue = data.catalogue
        self._restoring_selection = True
        try:
            self.model.set_rows(data.rows)
        finally:
            self._restoring_selection = False
        if self._first_load and data.rows:
            self._first_load = False
            if not self._header_restored:
                self.table.resizeColumnsToContents()
        if wanted is not None and self.proxy.proxy_row_of(wanted) is not None:
            self.select_key(wanted)
        else:
            self._ensure_current()
        self._show_counts(data)
        if self._reload_again:
            self._reload_again = False
            self.request_reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._reload_running = False
        log.error("reading the journal failed", exc_info=exc)
        self.statusBar().showMessage(self.tr("無法讀取本機審核清單：{error}").format(error=exc), 15_000)

    # ---- sync ----------------------------------------------------------------------------------

    def sync_now(self) -> None:
        """Push decisions, then pull (claim) items; on the sync worker, never blocking the desk."""
        sync = self.ctx.sync
        if sync is None:
            self._connected = False
            self._show_connection()
            self.request_reload()
            return
        if self._sync_running:
            return
        self._sync_running = True
        self.sync_tasks.run(sync.sync, self._synced, self._sync_failed, "sync")

    def _synced(self, _result: object) -> None:
        self._sync_running = False
        self._connected = True
        self._last_sync_at = self.ctx.clock()
        if self._last_sync_error is not None:
            self.statusBar().showMessage(self.tr("已恢復與共用資料庫的連線"), 5_000)
        self._last_sync_error = None
        self._show_connection()
        self._show_last_sync()
        self.request_reload()

    def _sync_failed(self, exc: BaseException) -> None:
        self._sync_running = False
        if isinstance(exc, SharedDatabaseUnavailable):
            self._connected = False
            message = self.tr("無法連線共用資料庫，決定會先保存在本機，稍後自動重試")
        else:
            log.error("sync failed", exc_info=exc)
            message = self.tr("同步失敗，將於下次自動重試：{error}").format(error=exc)
        if message != self._last_sync_error:  # the same error is shown once, not every minute
            self.statusBar().showMessage(message, 30_000)
        self._last_sync_error = message
        self._show_connection()
        self.request_reload()

    # ---- status bar ----------------------------------------------------------------------------

    def _show_connection(self) -> None:
        if self._connected is None:
            self.connection_label.setText(self.tr("連線中…"))
            self.connection_label.setStyleSheet("")
        elif self._connected:
            self.connection_label.setText(self.tr("已連線"))
            self.connection_label.setStyleSheet("color: #1b6e1b;")
        else:
            self.connection_label.setText(self.tr("離線：決定會先保存在本機"))
            self.connection_label.setStyleSheet("color: #a05a00;")

    def _show_last_sync(self) -> None:
        if self._last_sync_at is None:
            self.last_sync_label.setText(self.tr("尚未同步"))
        else:
            self.last_sync_label.setText(
                self.tr("上次同步 {time}").format(time=f"{local(self._last_sync_at):%H:%M}")
            )

    def _show_counts(self, data: DeskData) -> None:
        counts = data.counts
        self.claimed_label.setText(
            self.tr("已認領 {claimed} 件，待審 {to_review} 件").format(
                claimed=counts.claimed, to_review=counts.to_review
            )
        )
        text = self.tr("待同步決定 {n} 件").format(n=counts.waiting_to_sync)
        if counts.conflicts:
            text += self.tr("，衝突 {n} 件").format(n=counts.conflicts)
        self.waiting_label.setText(text)

    # ---- selection and navigation --------------------------------------------------------------

    def selected_key(self) -> ItemKey | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.row_for(index.row())
        return row.key if row is not None else None

    def select_key(self, key: ItemKey) -> bool:
        row = self.proxy.proxy_row_of(key)
        if row is None:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self._show_selected()

    def _ensure_current(self) -> None:
        if self.table.currentIndex().isValid() or self.proxy.rowCount() == 0:
            self._show_selected()
            return
        rows = [self.proxy.row_for(r) for r in range(self.proxy.rowCount())]
        # The first item waiting for a decision; held ones (suspension, E3) only when nothing else is left.
        first = next((r for r, q in enumerate(rows) if q is not None and q.status == "pending"), None)
        if first is None:
            first = next((r for r, q in enumerate(rows) if q is not None and q.decidable), 0)
        self._select_row(first)

    def select_next(self) -> None:
        self._move(+1)

    def select_previous(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        count = self.proxy.rowCount()
        if count == 0:
            return
        current = self.table.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self._select_row(max(0, min(count - 1, row)))

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring_selection:
            self._show_selected()

    def _show_selected(self) -> None:
        key = self.selected_key()
        self.panel.show_detail(self._details.get(key) if key is not None else None)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._ensure_current()

    def _kind_changed(self, _index: int) -> None:
        self.proxy.set_kind(self.kind_filter.currentData())
        self._ensure_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box: Up/Down move through the queue, Enter/Escape go back to it."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.select_next()
                return True
            if key == Qt.Key.Key_Up:
                self.select_previous()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.table.setFocus()
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _next_decidable_after(self, key: ItemKey) -> ItemKey | None:
        start = self.proxy.proxy_row_of(key)
        count = self.proxy.rowCount()
        if start is None:
            return None
        order = [self.proxy.row_for(r) for r in [*range(start + 1, count), *range(0, start)]]
        candidates = [q for q in order if q is not None and q.key != key]
        for wanted in ("pending", "held"):
            for queue_row in candidates:
                if queue_row.status == wanted:
                    return queue_row.key
        return None

    # ---- decisions -----------------------------------------------------------------------------

    def approve_current(self) -> None:
        detail = self.panel.detail()
        if detail is None or self._deciding or not detail.decidable or detail.blocking:
            return
        self._decide(detail, "approve")

    def reject_current(self) -> None:
        detail = self.panel.detail()
        if detail is None or self._deciding or not detail.decidable or self.reject_dialog is not None:
            return
        if not self._catalogue:
            self._show_message(
                QMessageBox.Icon.Warning,
                self.tr("無法退件"),
                self.tr("尚未取得審核未通過原因清單，請連線同步後再試。"),
            )
            return
        policy = detail.snapshot.get("policy", {})
        dialog = RejectDialog(
            detail.kind,
            detail.item_id,
            self._catalogue,
            suggested_codes=[f.reason_code for f in detail.blocking if f.reason_code],
            strikes=detail.standing.strikes,
            strike_threshold=detail.standing.strike_threshold,
            suspension_months=int(policy.get("suspension_months", 1)),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reject_dialog = dialog

        def accepted() -> None:
            self._decide(
                detail,
                "reject",
                reason_codes=dialog.chosen_codes(),
                message=dialog.message_to_family(),
                note=dialog.note(),
            )

        def finished(_result: int) -> None:
            self.reject_dialog = None
            self.table.setFocus()

        dialog.accepted.connect(accepted)
        dialog.finished.connect(finished)
        dialog.open()

    def _decide(
        self,
        detail: ItemDetail,
        outcome: str,
        reason_codes: Sequence[str] = (),
        message: str | None = None,
        note: str | None = None,
    ) -> None:
        self._deciding = True
        self.panel.set_busy(True)
        journal, ctx = self.ctx.journal, self.ctx
        codes = list(reason_codes)

        def work() -> DecisionRecord:
            return journal.decide(
                kind=detail.kind,
                item_id=detail.item_id,
                outcome=outcome,
                staff_username=ctx.staff_username,
                workstation=ctx.workstation,
                now=ctx.clock(),
                reason_codes=codes,
                message_to_family=message,
                note=note,
            )

        self.journal_tasks.run(work, self._decided, self._decision_failed, "decide")

    def _decided(self, record: DecisionRecord) -> None:
        self._deciding = False
        self.panel.set_busy(False)
        key = (record.kind, record.item_id)
        outcome = OUTCOMES.get(record.outcome, record.outcome)
        message = self.tr("已記錄：{kind} #{id} {outcome}（待同步，Ctrl+Z 可復原）").format(
            kind=ITEM_KINDS.get(record.kind, record.kind), id=record.item_id, outcome=outcome
        )
        if record.suspension is not None:
            message += self.tr("；家屬發佈權限暫停至 {day}").format(
                day=f"{local(record.suspension.ends_at):%Y/%m/%d}"
            )
        self.statusBar().showMessage(message, 10_000)
        self.model.set_status(key, "decided")
        if self.selected_key() == key:
            following = self._next_decidable_after(key)
            if following is not None:
                self.select_key(following)
            else:
                self._show_selected()
        self.table.setFocus()
        self.request_reload()

    def _decision_failed(self, exc: BaseException) -> None:
        self._deciding = False
        self.panel.set_busy(False)
        if isinstance(exc, DecisionRefused):
            details = "\n".join(f"{f.rule_id}　{f.message}" for f in exc.findings)
            self._show_message(QMessageBox.Icon.Warning, self.tr("無法記錄決定"), str(exc), details)
        elif isinstance(exc, JournalError):
            self._show_message(QMessageBox.Icon.Warning, self.tr("無法記錄決定"), str(exc))
        else:
            log.error("recording a decision failed", exc_info=exc)
            self._show_message(
                QMessageBox.Icon.Critical,
                self.tr("無法記錄決定"),
                self.tr("發生未預期的錯誤，決定未記錄。請再試一次；如仍失敗，請聯絡資訊人員。"),
                f"{type(exc).__name__}: {exc}",
            )
        self.request_reload()

    def undo_last(self) -> None:
        """Take back this reviewer's last decision that has not been synced yet."""
        if self._deciding:
            return
        self._deciding = True
        self.panel.set_busy(True)
        journal, ctx = self.ctx.journal, self.ctx
        nothing_to_undo = self.tr("沒有可復原的決定（已同步到共用資料庫的決定無法復原）")

        def work() -> DecisionRecord:
            record = journal.last_undoable(ctx.staff_username)
            if record is None:
                raise NotUndoable(nothing_to_undo)
            return journal.undo(record.key, ctx.staff_username, ctx.workstation, ctx.clock())

        self.journal_tasks.run(work, self._undone, self._decision_failed, "undo")

    def _undone(self, record: DecisionRecord) -> None:
        self._deciding = False
        self.panel.set_busy(False)
        key = (record.kind, record.item_id)
        self.statusBar().showMessage(
            self.tr("已復原：{kind} #{id} 的「{outcome}」決定").format(
                kind=ITEM_KINDS.get(record.kind, record.kind),
                id=record.item_id,
                outcome=OUTCOMES.get(record.outcome, record.outcome),
            ),
            10_000,
        )
        self._select_after_reload = key
        self.request_reload()

    # ---- messages ------------------------------------------------------------------------------

    def _show_message(
        self, icon: QMessageBox.Icon, title: str, text: str, details: str | None = None
    ) -> None:
        """A window-modal message that does not block the event loop (background work goes on)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("確定"))
        if details:
            box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def closed(_result: int) -> None:
            if self.message_box is box:
                self.message_box = None

        box.finished.connect(closed)
        self.message_box = box
        box.open()
