"""The review desk window: the queue on top; the documents and the decision panel below.

The window is built from a :class:`DeskContext` (journal, sync, document source, who is working where,
a clock): no globals. It never calls the database, the network, files or image decoders itself:
reads and decisions go to the ``journal`` task runner, syncs to the ``sync`` runner, documents to the
document service's runner, and results come back as plain data (:mod:`desk_data`) or decoded images.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reviewer_app.core.items import ClaimedItem, SharedStanding
from reviewer_app.core.reasons import Reason
from reviewer_app.journal import DecisionRecord, DecisionRefused, Journal, JournalError, NotUndoable
from reviewer_app.journal.elsewhere import waiting_elsewhere
from reviewer_app.qt import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QEvent,
    QLabel,
    QLocale,
    QMainWindow,
    QMessageBox,
    QObject,
    QProgressBar,
    QShowEvent,
    QSplitter,
    Qt,
    QTimer,
    QWidget,
    Signal,
)
from reviewer_app.sync.service import PullResult, PushResult, SharedDatabaseUnavailable, Sync
from reviewer_app.ui.common import words
from reviewer_app.ui.common.help_overlay import HelpOverlay
from reviewer_app.ui.common.i18n import LANGUAGES
from reviewer_app.ui.common.preferences import Preferences, open_settings
from reviewer_app.ui.common.shortcuts import make_action
from reviewer_app.ui.common.tasks import TaskRunner
from reviewer_app.ui.desk.decision_panel import DecisionPanel
from reviewer_app.ui.desk.desk_data import DeskData, ItemDetail, first_to_review, load_desk
from reviewer_app.ui.desk.reject_dialog import RejectDialog
from reviewer_app.ui.queue.queue_model import ItemKey
from reviewer_app.ui.queue.queue_pane import QueuePane
from reviewer_app.ui.viewer.document_viewer import DocumentViewer
from reviewer_app.ui.viewer.documents import DocumentService, DocumentSource

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SYNC_INTERVAL_MS = 60_000
#: After a failed sync, retry after these delays, then at the normal interval.
RETRY_DELAYS_MS = (5_000, 15_000, 30_000)
#: A sync running longer than this shows a progress indicator.
PROGRESS_AFTER_MS = 400
#: How many items after the one shown have their documents decoded ahead.
DECODE_AHEAD = 2
#: A decision is written to the journal once the next item has been painted (the write and the
#: repaint would otherwise share the processor and the GIL, and the switch would take twice as long),
#: or after this long if the window does not repaint (minimised). It is on its way to the journal
#: either way: closing the window writes it at once.
WRITE_AFTER_PAINT_S = 0.1
#: At close, how long the desk waits for the journal to write what it was handed.
JOURNAL_DRAIN_MS = 30_000


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _brief(exc: BaseException) -> str:
    """An error in one line for the status bar: the driver's own error, without SQLAlchemy's
    statement and web address."""
    cause = getattr(exc, "orig", None) or exc
    first = next(iter(str(cause).splitlines()), "")
    return f"{type(cause).__name__}: {first}" if first else type(cause).__name__


@dataclass
class DeskContext:
    """What the desk works with; the caller builds it (no globals, easy to replace in tests)."""

    journal: Journal
    sync: Sync | None  # None: no shared database configured, the desk works from the journal only
    staff_username: str
    staff_display_name: str
    workstation: str
    clock: Clock = _utcnow
    settings_path: Path | None = None  # preferences and window layout (INI); default: the user's data folder
    sync_interval_ms: int = SYNC_INTERVAL_MS
    documents: DocumentSource | None = None  # where document bytes come from; None: not shown
    retry_delays_ms: tuple[int, ...] = RETRY_DELAYS_MS


class MainWindow(QMainWindow):
    #: The snapshot of the item an empty desk will show first, from the sync worker while its pull
    #: is being stored (``Sync.on_claimed``).
    _claimed = Signal(object)
    #: The desk has closed (Ctrl+Q, the window's close button, sign-out): windows opened from it close too.
    closed = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = context
        self.setObjectName("reviewDesk")
        self.setWindowTitle(  # the platform adds the application's name (applicationDisplayName)
            self.tr("{name} ({workstation})").format(
                name=context.staff_display_name, workstation=context.workstation
            )
        )
        self.settings = open_settings(context.settings_path, self)
        self.preferences = Preferences(self.settings, self)
        self.preferences.changed.connect(self._preferences_changed)

        # Background work: journal reads and writes in order on one worker, syncs on another and
        # documents on a third, so a slow shared database or a big photo never delays the desk.
        self.journal_tasks = TaskRunner("journal", self)
        self.sync_tasks = TaskRunner("sync", self)
        self.documents = DocumentService(context.documents, self)

        self._details: dict[ItemKey, ItemDetail] = {}
        self._catalogue: tuple[Reason, ...] = ()
        self._reload_running = False
        self._reload_again = False
        self._select_after_reload: ItemKey | None = None
        self._sync_running = False
        self._sync_failures = 0
        self._deciding = False
        self._deciding_key: ItemKey | None = None  # the decision being recorded, until it is
        #: Set once the window has repainted: decisions waiting to be written (WRITE_AFTER_PAINT_S).
        self._after_paint: list[threading.Event] = []
        self._paint_watched: QWidget | None = None
        self._connected: bool | None = None  # None: not tried yet
        self._last_sync_at: datetime | None = None
        self._last_sync_error: str | None = None
        self._first_load = True
        self._header_restored = False
        # Column widths fit the words of the language this window is shown in (English ones are wider):
        # each language keeps its own; zh-TW the original key, so its saved widths stay.
        shown_in = QLocale().name()
        self._header_key = "queue/header" if shown_in == "zh_TW" else f"queue/header_{shown_in}"
        self.reject_dialog: RejectDialog | None = None
        self.message_box: QMessageBox | None = None

        self.queue = QueuePane()
        self.queue.currentChanged.connect(self._show_selected)
        self.model, self.proxy, self.table = self.queue.model, self.queue.proxy, self.queue.table
        self.search, self.kind_filter = self.queue.search, self.queue.kind_filter
        self.viewer = DocumentViewer(self.documents)
        self.viewer.escapePressed.connect(self.restore_focus)
        self.panel = DecisionPanel()
        self.viewer.documentsChecked.connect(lambda: self.panel.set_document_problems(self.viewer.problems()))
        self.panel.approveRequested.connect(self.approve_current)
        self.panel.rejectRequested.connect(self.reject_current)

        self.detail_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.detail_splitter.setObjectName("detailSplitter")
        self.detail_splitter.addWidget(self.viewer)
        self.detail_splitter.addWidget(self.panel)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 2)
        self.detail_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("deskSplitter")
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self.help_overlay = HelpOverlay(self)
        self._apply_date_style()
        self._restore_layout()

        self.sync_timer = QTimer(self)
        self.sync_timer.setInterval(context.sync_interval_ms)
        self.sync_timer.timeout.connect(self.sync_now)
        self.sync_timer.start()
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.sync_now)
        self.progress_timer = QTimer(self)
        self.progress_timer.setSingleShot(True)
        self.progress_timer.setInterval(PROGRESS_AFTER_MS)
        self.progress_timer.timeout.connect(self._show_progress)
        self.documents.start_session()
        self._claimed.connect(self._load_first_claimed)
        if context.sync is not None:
            context.sync.on_claimed = self._first_claimed_on_worker
        self.request_reload()
        self.sync_now()
        if context.sync is not None:
            url, me = str(context.sync.engine.url), context.staff_username

            def look() -> dict[str, int]:  # on the journal worker: a few small files read
                return waiting_elsewhere(url, me)

            self.journal_tasks.run(look, self._tell_waiting_elsewhere, self._elsewhere_failed, "others")
        self.table.setFocus()

    # ---- building ------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionState")
        self.claimed_label = QLabel()
        self.claimed_label.setObjectName("claimedCount")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingCount")
        self.last_sync_label = QLabel()
        self.last_sync_label.setObjectName("lastSync")
        self.sync_progress = QProgressBar()
        self.sync_progress.setObjectName("syncProgress")
        self.sync_progress.setRange(0, 0)  # busy: a sync has no known length
        self.sync_progress.setMaximumWidth(110)
        self.sync_progress.setMaximumHeight(14)
        self.sync_progress.setTextVisible(False)
        self.sync_progress.hide()
        for widget in (
            self.sync_progress,
            self.connection_label,
            self.claimed_label,
            self.waiting_label,
            self.last_sync_label,
        ):
            bar.addPermanentWidget(widget)
        self._show_connection()
        self._show_last_sync()

    def _build_actions(self) -> None:
        self.undo_action = make_action(
            self,
            self.tr("Undo the last decision"),
            ["Ctrl+Z"],
            self.undo_last,
            "undoAction",
            "decide",
            self.tr("Undo the last decision not yet synced"),
        )
        self.next_action = make_action(
            self, self.tr("Next item"), ["J"], self.select_next, "nextAction", "queue"
        )
        self.previous_action = make_action(
            self, self.tr("Previous item"), ["K"], self.select_previous, "previousAction", "queue"
        )
        self.find_action = make_action(
            self, self.tr("Search the queue"), ["Ctrl+F", "/"], self.focus_search, "findAction", "queue"
        )
        self.kind_filter_action = make_action(
            self,
            self.tr("Filter by kind"),
            ["Alt+1"],
            lambda: self._open_filter(self.queue.kind_filter),
            "kindFilterAction",
            "queue",
        )
        self.status_filter_action = make_action(
            self,
            self.tr("Filter by status"),
            ["Alt+2"],
            lambda: self._open_filter(self.queue.status_filter),
            "statusFilterAction",
            "queue",
        )
        self.flag_filter_action = make_action(
            self,
            self.tr("Filter by rule flag"),
            ["Alt+3"],
            lambda: self._open_filter(self.queue.flag_filter),
            "flagFilterAction",
            "queue",
        )
        self.queue_focus_action = make_action(
            self, self.tr("Back to the queue"), ["Alt+Q"], self.restore_focus, "queueFocusAction", "queue"
        )
        self.sync_action = make_action(self, self.tr("Sync now"), ["F5"], self.sync_now, "syncAction", "desk")
        self.roc_action = make_action(
            self,
            self.tr("Show dates with ROC (民國) years"),
            ["Ctrl+Shift+Y"],
            None,
            "rocYearsAction",
            "desk",
        )
        self.roc_action.setCheckable(True)
        self.roc_action.setChecked(self.preferences.roc_years)
        self.roc_action.toggled.connect(self.preferences.set_roc_years)
        self.help_action = make_action(
            self, self.tr("Keyboard shortcuts"), ["F1", "?"], self.toggle_help, "helpAction", "desk"
        )
        self.close_action = make_action(self, self.tr("Quit"), ["Ctrl+Q"], self.close, "quitAction", "desk")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        review = bar.addMenu(self.tr("&Review"))
        review.addActions([self.panel.approve_action, self.panel.reject_action, self.undo_action])
        review.addSeparator()
        review.addActions([self.next_action, self.previous_action, self.find_action])
        review.addActions([self.kind_filter_action, self.status_filter_action, self.flag_filter_action])
        review.addSeparator()
        review.addActions([self.sync_action, self.close_action])
        v = self.viewer
        documents = bar.addMenu(self.tr("&Documents"))
        documents.addActions([v.next_document_action, v.previous_document_action])
        documents.addSeparator()
        documents.addActions([v.zoom_in_action, v.zoom_out_action, v.fit_action, v.actual_size_action])
        documents.addActions([v.rotate_right_action, v.rotate_left_action])
        documents.addActions([v.next_page_action, v.previous_page_action])
        documents.addSeparator()
        documents.addActions([v.compare_action, v.focus_view_action])
        settings = bar.addMenu(self.tr("&Settings"))
        settings.setObjectName("settingsMenu")
        settings.addAction(self.roc_action)
        language = settings.addMenu(self.tr("Language"))
        language.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = language.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == self.preferences.language)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.language_group.triggered.connect(self._language_chosen)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)
        # Menus show names and shortcuts; tooltips are for the buttons (they name the shortcuts too).
        for menu in (review, documents, settings, help_menu):
            menu.setToolTipsVisible(False)

    # ---- preferences ---------------------------------------------------------------------------

    def _apply_date_style(self) -> None:
        style = self.preferences.date_style()
        self.model.set_date_style(style)
        self.panel.set_date_style(style)
        self.viewer.set_date_style(style)
        self._show_last_sync()

    def _preferences_changed(self) -> None:
        self.roc_action.setChecked(self.preferences.roc_years)
        self._apply_date_style()

    def _language_chosen(self, action: QAction) -> None:
        code = str(action.data())
        if code == self.preferences.language:
            return
        self.preferences.set_language(code)
        self._show_message(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The desk will be shown in {language} the next time it opens.").format(
                language=LANGUAGES[code]
            ),
        )

    # ---- layout memory -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([300, 560])
        detail = self.settings.value("window/detailSplitter")
        if detail is None or not self.detail_splitter.restoreState(detail):
            self.detail_splitter.setSizes([820, 600])
        header = self.settings.value(self._header_key)
        self._header_restored = header is not None and self.table.horizontalHeader().restoreState(header)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/detailSplitter", self.detail_splitter.saveState())
        self.settings.setValue(self._header_key, self.table.horizontalHeader().saveState())
        self.settings.sync()

    # ---- after the repaint ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        top = self.window()
        if top is not self._paint_watched:  # the desk may sit in a role window's tab
            if self._paint_watched is not None:
                self._paint_watched.removeEventFilter(self)
            top.installEventFilter(self)
            self._paint_watched = top

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt repaints a window when it handles its UpdateRequest; what is queued now runs after that.
        if event.type() == QEvent.Type.UpdateRequest and (
            self._after_paint or self.documents.has_ahead_waiting()
        ):
            QTimer.singleShot(0, self, self._painted)
        return super().eventFilter(watched, event)

    def _painted(self) -> None:
        """The window shows the current item: the background work held back for it goes ahead."""
        waiting, self._after_paint = self._after_paint, []
        for event in waiting:
            event.set()
        self.documents.start_ahead()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._painted()  # decisions still waiting for a repaint are written now
        self.save_layout()
        self.sync_timer.stop()
        self.retry_timer.stop()
        self.progress_timer.stop()
        if self.reject_dialog is not None:
            self.reject_dialog.reject()
        # Every decision already handed to the journal worker is written before the window goes
        # (shutdown alone would drop the tasks queued behind a running one).
        if not self.journal_tasks.wait(JOURNAL_DRAIN_MS):
            log.error("the journal did not finish writing within %d ms of closing", JOURNAL_DRAIN_MS)
        if self.ctx.sync is not None:
            self.ctx.sync.on_claimed = None  # a sync still running hands nothing to a closed window
        self.journal_tasks.shutdown()
        self.sync_tasks.shutdown()
        self.documents.shutdown()
        super().closeEvent(event)
        self.closed.emit()

    # ---- loading -------------------------------------------------------------------------------

    def request_reload(self) -> None:
        """Read the queue from the journal in the background (coalesced while one is running)."""
        if self._reload_running:
            self._reload_again = True
            return
        self._reload_running = True
        journal, clock = self.ctx.journal, self.ctx.clock
        holder = self.ctx.staff_display_name
        texts = self.model.texts()  # the search texts are made on the worker, in the queue's date style
        self.journal_tasks.run(
            lambda: load_desk(journal, clock(), holder, texts), self._loaded, self._load_failed, "reload"
        )

    def _loaded(self, data: DeskData) -> None:
        self._reload_running = False
        current = self.selected_key()
        wanted = self._select_after_reload or current
        self._select_after_reload = None
        gone = [k for k in self._details if k not in data.details]
        self.documents.forget([d.id for k in gone for d in self._details[k].snapshot.documents])
        self._details = data.details
        self._catalogue = data.catalogue
        self.panel.set_catalogue(data.catalogue)
        self.queue.set_rows(data.rows)
        if self._first_load and data.rows:
            self._first_load = False
            if not self._header_restored:
                self.table.resizeColumnsToContents()
        if wanted is not None and self.proxy.proxy_row_of(wanted) is not None:
            self.select_key(wanted)
        else:
            self.queue.ensure_current()
        self._show_counts(data)
        if self._reload_again:
            self._reload_again = False
            self.request_reload()

    def _first_claimed_on_worker(
        self, snapshots: list[ClaimedItem], families: list[SharedStanding], now: datetime
    ) -> None:
        """On the sync worker (``Sync.on_claimed``): which item an empty desk will select first; only
        the signal touches the window."""
        first = first_to_review(snapshots, families, now)
        if first is not None and first.documents:
            self._claimed.emit(first)

    def _load_first_claimed(self, first: ClaimedItem) -> None:
        """A pull is storing what it claimed in the journal: an empty desk, sorted oldest first, starts
        loading the documents of the item it will select, so its photo is decoded by the time its row
        shows (a desk already showing an item, or sorted otherwise, waits for the rows)."""
        if self.documents.runner.is_closed():
            return  # emitted by the sync worker just before the window closed: nothing to load for
        if self.selected_key() is None and self.queue.oldest_first():
            self.viewer.load_early(list(first.documents), first.policy)

    def _load_failed(self, exc: BaseException) -> None:
        self._reload_running = False
        log.error("reading the journal failed", exc_info=exc)
        self.statusBar().showMessage(
            self.tr("Cannot read this workstation's review list: {error}").format(error=exc), 15_000
        )

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
        self.retry_timer.stop()
        self.progress_timer.start()
        self.sync_tasks.run(sync.sync, self._synced, self._sync_failed, "sync")

    def is_syncing(self) -> bool:
        return self._sync_running

    def _sync_finished(self) -> None:
        self._sync_running = False
        self.progress_timer.stop()
        self.sync_progress.hide()

    def _show_progress(self) -> None:
        if self._sync_running:
            self.sync_progress.setToolTip(self.tr("Syncing with the shared database…"))
            self.sync_progress.show()

    def _synced(self, result: tuple[PushResult, PullResult]) -> None:
        self._sync_finished()
        pushed, _pulled = result
        if pushed.conflicted:
            self._tell_conflicts(pushed.conflicted)
        self._connected = True
        self._sync_failures = 0
        self._last_sync_at = self.ctx.clock()
        if self._last_sync_error is not None:
            self.statusBar().showMessage(self.tr("Connected to the shared database again; synced"), 8_000)
        self._last_sync_error = None
        self._show_connection()
        self._show_last_sync()
        self.request_reload()

    def _sync_failed(self, exc: BaseException) -> None:
        self._sync_finished()
        self._connected = False  # unreachable or unusable: either way nothing syncs now
        if isinstance(exc, SharedDatabaseUnavailable):
            message = self.tr(
                "Cannot reach the shared database. Decisions are kept on this workstation and synced "
                "when it is back; retrying in the background."
            )
        else:
            message = self.tr(
                "Sync failed; decisions are kept on this workstation and the sync is retried in the "
                "background ({error})"
            ).format(error=_brief(exc))
        if message != self._last_sync_error:  # the same error is shown (and logged) once, not at every retry
            if not isinstance(exc, SharedDatabaseUnavailable):
                log.error("sync failed", exc_info=exc)
            self.statusBar().showMessage(message, 30_000)
        self._last_sync_error = message
        delays = self.ctx.retry_delays_ms
        if self._sync_failures < len(delays):
            self.retry_timer.start(delays[self._sync_failures])
        self._sync_failures += 1
        self._show_connection()
        self.request_reload()

    def _tell_waiting_elsewhere(self, waiting: dict[str, int]) -> None:
        """Colleagues left decisions on this workstation that are not in the shared database yet."""
        if not waiting:
            return
        who = "、".join(
            self.tr("{user} ({count})").format(user=user, count=n) for user, n in sorted(waiting.items())
        )
        self._show_message(
            QMessageBox.Icon.Information,
            self.tr("Decisions of colleagues waiting to sync"),
            self.tr(
                "This workstation keeps decisions of {who} that have not reached the shared database. "
                "Ask them to sign in here once, so that they sync; until then someone else may claim "
                "and decide those items again."
            ).format(who=who),
        )

    @staticmethod
    def _elsewhere_failed(exc: BaseException) -> None:
        log.warning("could not look for other members' journals: %s", exc)

    def _tell_conflicts(self, conflicted: Sequence[DecisionRecord]) -> None:
        """Decisions that did not count: the pull that follows takes their items off the queue, so
        this is where the reviewer learns which, and why (who decided first)."""
        lines = [
            self.tr("{kind} #{id} {outcome}: {reason}").format(
                kind=words.item_kind(d.kind),
                id=d.item_id,
                outcome=words.outcome(d.outcome),
                reason=d.conflict_reason or "",
            )
            for d in conflicted
        ]
        self.statusBar().clearMessage()  # "Recorded… waiting to sync" is no longer true for them
        self._show_message(
            QMessageBox.Icon.Warning,
            self.tr("Decisions not applied"),
            self.tr("%n decision(s) from this workstation did not take effect: the item was dealt with "
                    "elsewhere first.", "", len(conflicted)),
            "\n".join(lines),
        )

    # ---- status bar ----------------------------------------------------------------------------

    def _show_connection(self) -> None:
        label = self.connection_label
        if self._connected is None:
            label.setText(self.tr("Connecting…"))
            label.setStyleSheet("")
        elif self._connected:
            label.setText(self.tr("Connected"))
            label.setStyleSheet("color: #1b6e1b;")
        else:
            label.setText(self.tr("Offline: decisions are kept on this workstation"))
            label.setStyleSheet("color: #a05a00; font-weight: bold;")
        label.setToolTip(self._last_sync_error or "")

    def _show_last_sync(self) -> None:
        if not hasattr(self, "last_sync_label"):
            return
        if self._last_sync_at is None:
            self.last_sync_label.setText(self.tr("Not synced yet"))
        else:
            style = self.preferences.date_style()
            self.last_sync_label.setText(
                self.tr("Last sync {time}").format(time=style.time(self._last_sync_at))
            )
            self.last_sync_label.setToolTip(style.datetime(self._last_sync_at))

    def _show_counts(self, data: DeskData) -> None:
        counts = data.counts
        claimed = self.tr("Claimed {claimed}, to review {to_review}").format(
            claimed=counts.claimed, to_review=data.to_review
        )
        if data.held:
            claimed += self.tr(", on hold {held}").format(held=data.held)
        self.claimed_label.setText(claimed)
        text = self.tr("Decisions waiting to sync: {n}").format(n=counts.waiting_to_sync)
        if counts.conflicts:
            text += self.tr(", conflicts: {n}").format(n=counts.conflicts)
        self.waiting_label.setText(text)

    # ---- selection and navigation --------------------------------------------------------------

    def selected_key(self) -> ItemKey | None:
        return self.queue.selected_key()

    def detail_of(self, key: ItemKey) -> ItemDetail | None:
        """The last loaded detail of a queue item (plain data, read on the journal worker)."""
        return self._details.get(key)

    def select_key(self, key: ItemKey) -> bool:
        return self.queue.select_key(key)

    def select_next(self) -> None:
        self.queue.step(+1)

    def select_previous(self) -> None:
        self.queue.step(-1)

    def focus_search(self) -> None:
        self.queue.focus_search()

    def restore_focus(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_help(self) -> None:
        self.help_overlay.toggle()

    def _open_filter(self, combo: QWidget) -> None:
        combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        show_popup = getattr(combo, "showPopup", None)
        if callable(show_popup):
            show_popup()

    def _show_selected(self) -> None:
        key = self.selected_key()
        detail = self._details.get(key) if key is not None else None
        self.panel.show_detail(detail)
        ahead = [self._details[k] for k in self.queue.keys_after(key, DECODE_AHEAD) if k in self._details]
        self.viewer.show_item(detail, ahead)

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
                self.tr("Cannot reject"),
                self.tr("The list of rejection reasons has not been fetched yet. Sync, then try again."),
            )
            return
        policy = detail.snapshot.policy
        dialog = RejectDialog(
            detail.kind,
            detail.item_id,
            self._catalogue,
            suggested_codes=[f.reason_code for f in detail.blocking if f.reason_code],
            strikes=detail.standing.strikes,
            strike_threshold=detail.standing.strike_threshold,
            suspension_months=policy.suspension_months,
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
            self.activateWindow()  # the keyboard comes back to the desk (J/K, Ctrl+Z…)
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

        painted = threading.Event()
        self._after_paint.append(painted)

        def write_after_paint() -> DecisionRecord:
            painted.wait(WRITE_AFTER_PAINT_S)
            return work()

        self._deciding_key = detail.key
        self._move_on(detail.key)  # the next item first; the write goes right after its repaint
        self.journal_tasks.run(write_after_paint, self._decided, self._decision_failed, "decide")

    def _move_on(self, key: ItemKey) -> None:
        """Show the item as decided and open the next one now, while the journal records the decision
        (a few milliseconds on its worker): the reviewer never waits for the write. Should the journal
        refuse it, the item comes back with the reason (``_decision_failed``)."""
        self.model.set_status(key, "decided")
        if self.selected_key() == key:
            following = self.queue.next_decidable_after(key)
            if following is not None:
                self.select_key(following)
            else:
                self._show_selected()

    def _decided(self, record: DecisionRecord) -> None:
        self._deciding = False
        self._deciding_key = None
        self.panel.set_busy(False)
        key = (record.kind, record.item_id)
        message = self.tr("Recorded: {kind} #{id} {outcome} (waiting to sync; Ctrl+Z undoes it)").format(
            kind=words.item_kind(record.kind), id=record.item_id, outcome=words.outcome(record.outcome)
        )
        if record.suspension is not None:
            message += self.tr("; the family's posting is suspended until {day}").format(
                day=self.preferences.date_style().date(record.suspension.ends_at)
            )
        self.statusBar().showMessage(message, 10_000)
        self._move_on(key)  # moved on at the key press already, unless the reviewer went back to it
        self.table.setFocus()
        self.request_reload()

    def _decision_failed(self, exc: BaseException) -> None:
        self._deciding = False
        if self._deciding_key is not None:  # moved on already: back to the item, with the reason
            self._select_after_reload = self._deciding_key
            self._deciding_key = None
        self.panel.set_busy(False)
        title = self.tr("Decision not recorded")
        if isinstance(exc, DecisionRefused):
            details = "\n".join(f"{f.rule_id}　{f.message}" for f in exc.findings)
            self._show_message(QMessageBox.Icon.Warning, title, str(exc), details)
        elif isinstance(exc, JournalError):
            self._show_message(QMessageBox.Icon.Warning, title, str(exc))
        else:
            log.error("recording a decision failed", exc_info=exc)
            self._show_message(
                QMessageBox.Icon.Critical,
                title,
                self.tr(
                    "An unexpected error occurred and the decision was not recorded. Try again; "
                    "if it fails again, call IT support."
                ),
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
        nothing_to_undo = self.tr(
            "There is no decision to undo (decisions already synced to the shared database cannot be undone)"
        )

        def work() -> DecisionRecord:
            record = journal.last_undoable(ctx.staff_username)
            if record is None:
                raise NotUndoable(nothing_to_undo)
            return journal.undo(record.key, ctx.staff_username, ctx.workstation, ctx.clock())

        self.journal_tasks.run(work, self._undone, self._undo_failed, "undo")

    def _undo_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, JournalError):  # unexpected: the decision path's message and logging
            self._decision_failed(exc)
            return
        self._deciding = False
        self.panel.set_busy(False)
        # Nothing to undo, already synced, or possibly synced: said under an undo's own title.
        self._show_message(QMessageBox.Icon.Information, self.tr("Cannot undo"), str(exc))

    def _undone(self, record: DecisionRecord) -> None:
        self._deciding = False
        self.panel.set_busy(False)
        key = (record.kind, record.item_id)
        self.statusBar().showMessage(
            self.tr('Undone: the decision "{outcome}" on {kind} #{id}').format(
                kind=words.item_kind(record.kind),
                id=record.item_id,
                outcome=words.outcome(record.outcome),
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
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
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
