"""The review desk window: the queue a narrow list on the left, the documents in the middle at the
window's full height, the decision panel on the right (F11 hides the queue).

The window is built from a :class:`DeskContext` (journal, sync, document source, who is working where,
a clock): no globals. It never calls the database, the network, files or image decoders itself:
reads go to the shared journal executor as operations, and results come back as plain data
(:mod:`desk_data`) or decoded images (:mod:`~reviewer_app.ui.viewer.documents`). Its parts:
:mod:`sync_controller` (when to sync, the connection in the status bar), :mod:`decisions` (decide and
undo), :mod:`menus` (actions and menus). The queue reloads when the data changed
(:mod:`~reviewer_app.ui.common.changes`), whoever changed it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reviewer_app.core.items import ClaimedItem, SharedStanding
from reviewer_app.core.reasons import Reason
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDialog,
    QEvent,
    QGuiApplication,
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
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors, shortcuts, text_keys
from reviewer_app.ui.common.announcer import Announcer
from reviewer_app.ui.common.changes import DECISIONS, DOCUMENTS, ITEMS, changes, on_gui_thread
from reviewer_app.ui.common.help_overlay import HelpOverlay
from reviewer_app.ui.common.language_menu import check_current_language
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.common.operations import Operation, cancel_owned_by, in_flight
from reviewer_app.ui.common.preferences import Preferences, open_settings
from reviewer_app.ui.desk import accessible_names, menus
from reviewer_app.ui.desk.decision_panel import DecisionPanel
from reviewer_app.ui.desk.decisions import Decisions
from reviewer_app.ui.desk.desk_data import DeskData, ItemDetail, first_to_review, load_desk
from reviewer_app.ui.desk.notes_box import keep_note
from reviewer_app.ui.desk.reject_dialog import RejectDialog
from reviewer_app.ui.desk.sync_controller import SyncController
from reviewer_app.ui.queue.queue_pane import QueuePane
from reviewer_app.ui.queue.rows import ItemKey
from reviewer_app.ui.viewer.document_viewer import DocumentViewer
from reviewer_app.ui.viewer.documents import DocumentService, DocumentSource

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
SYNC_INTERVAL_MS = 60_000
#: After a failed sync, retry after these delays, then at the normal interval.
RETRY_DELAYS_MS = (5_000, 15_000, 30_000)
#: How many items after the one shown have their documents decoded ahead.
DECODE_AHEAD = 2
#: A window that fits a 1440×900 monitor, made smaller to fit a smaller screen.
DEFAULT_SIZE = (1440, 900)
#: The queue's width at first (a narrow list: kind, family, waiting, status) and the panel's widest.
QUEUE_WIDTH = 370
#: On a small screen (1366 at 150 %: 910 logical pixels) the queue gets no more than this share.
QUEUE_SHARE = 0.27
PANEL_WIDTH = 460
SPLITTER_KEY = "layout/queueSplitter"
DETAIL_SPLITTER_KEY = "layout/detailSplitter"
FOCUS_MODE_KEY = "layout/focusMode"


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _header_key() -> str:
    """Where the queue's column widths are kept for the language shown now: zh-TW the original key,
    so its saved widths stay."""
    shown_in = QLocale().name()
    return "queue/header" if shown_in == "zh_TW" else f"queue/header_{shown_in}"


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


class _FirstClaimed(QObject):
    """Carries the sync worker's first claimed item to the window (``Sync.on_claimed``). Not the
    window's child: a sync that read ``on_claimed`` just before the window was closed and deleted
    (signed out at the idle lock) emits on this, which is still there, and Qt has disconnected the
    gone window; emitting on the window itself raised `RuntimeError: Signal source has been deleted`."""

    claimed = Signal(object)

    def on_claimed(self, snapshots: list[ClaimedItem], families: list[SharedStanding], now: datetime) -> None:
        """On the sync worker: which item an empty desk will select first."""
        first = first_to_review(snapshots, families, now)
        if first is not None and first.documents:
            self.claimed.emit(first)


class MainWindow(QMainWindow):
    #: The desk has closed (Ctrl+Q, the window's close button, sign-out): windows opened from it close too.
    closed = Signal()

    # Set by menus.build_actions / build_menus and SyncController.build_status_widgets.
    undo_action: QAction
    next_action: QAction
    previous_action: QAction
    find_action: QAction
    kind_filter_action: QAction
    status_filter_action: QAction
    flag_filter_action: QAction
    queue_focus_action: QAction
    focus_mode_action: QAction
    sync_action: QAction
    roc_action: QAction
    help_action: QAction
    close_action: QAction
    language_actions: dict[str, QAction]
    menu_texts: LiveTexts
    connection_label: QLabel
    last_sync_label: QLabel
    sync_progress: QProgressBar

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

        # Background work runs as operations on the shared executors (journal, network, documents),
        # so a slow shared database or a big photo never delays the desk.
        journal, clock = context.journal, context.clock
        self.documents = DocumentService(
            context.documents, self, record_check=lambda check: journal.record_document_check(check, clock())
        )
        self.sync_controller = SyncController(self)
        self.decisions = Decisions(self)

        self._details: dict[ItemKey, ItemDetail] = {}
        self.catalogue: tuple[Reason, ...] = ()
        self._reload_running = False
        self._reload_again = False
        self._select_after_reload: ItemKey | None = None
        self._paint_watched: QWidget | None = None
        self._first_load = True
        self._header_restored = False
        self._fitted_shown = False
        self._queue_known = False
        self._reload_knows_queue = False
        # Column widths fit the words of the language this window is shown in (English ones are wider):
        # each language keeps its own; zh-TW the original key, so its saved widths stay.
        self._header_key = _header_key()
        self.message_box: QMessageBox | None = None
        self.shortcuts_dialog: QDialog | None = None  # Settings → Keyboard shortcuts…, the last opened
        self.announcer = Announcer(self)

        self.queue = QueuePane()
        self.queue.currentChanged.connect(self.show_selected)
        self.model, self.proxy, self.table = self.queue.model, self.queue.proxy, self.queue.table
        self.search, self.kind_filter = self.queue.search, self.queue.kind_filter
        self.viewer = DocumentViewer(self.documents)
        self.viewer.escapePressed.connect(self.restore_focus)
        self.panel = DecisionPanel()
        self.panel.second_look.set_sync(self.ctx.sync)
        self.viewer.documentsChecked.connect(
            lambda: self.panel.set_document_problems(self.viewer.problems(), self.viewer.not_seen())
        )
        self.panel.approveRequested.connect(self.approve_current)
        self.panel.rejectRequested.connect(self.reject_current)
        self.panel.notes_box.noteRequested.connect(lambda kind, key, note: keep_note(self, kind, key, note))
        self.decisions.explain_refusals(self.panel)  # Ctrl+Enter on an item Approve is off for says why

        # The document is what the reviewer judges: the queue is a narrow list on the left, the
        # documents take the middle at the window's full height, the item's facts and the decision
        # the right. F11 (focus mode) hides the queue for one item.
        self.detail_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.detail_splitter.setObjectName("detailSplitter")
        self.detail_splitter.addWidget(self.viewer)
        self.detail_splitter.addWidget(self.panel)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 1)
        self.detail_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("deskSplitter")
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        menus.build_actions(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # J, C… are text in a text field and while composing
            text_keys.install(app)
        menus.build_menus(self)
        self.viewer.add_tool(self.focus_mode_action)
        shortcuts.apply_chosen(self, self.preferences.shortcuts())  # the reviewer's own keys
        self.help_overlay = HelpOverlay(self)
        accessible_names.name_desk(self)
        self._apply_date_style()
        self._restore_layout()

        self.sync_timer = self.sync_controller.timer
        self.documents.start_session()
        self._first_claimed = on_gui_thread(_FirstClaimed())
        self._first_claimed.claimed.connect(self._load_first_claimed)
        if context.sync is not None:
            context.sync.on_claimed = self._first_claimed.on_claimed
        # Whoever recorded a decision or pulled items (this desk, a sync, another window), the queue
        # shows it: one reload for them all.
        changes().items_changed.connect(self._data_changed)
        self._listening = True
        self.request_reload()
        self.sync_controller.start()
        self.table.setFocus()

    # ---- building ------------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.claimed_label = QLabel(self.tr("Loading…"))
        self.claimed_label.setObjectName("claimedCount")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingCount")
        progress, connection, last_sync = self.sync_controller.build_status_widgets()
        for widget in (progress, connection, self.claimed_label, self.waiting_label, last_sync):
            bar.addPermanentWidget(widget)
        self.sync_controller.show_connection()
        self.sync_controller.show_last_sync()

    # ---- preferences ---------------------------------------------------------------------------

    def _apply_date_style(self) -> None:
        style = self.preferences.date_style()
        self.model.set_date_style(style)
        self.panel.set_date_style(style)
        self.viewer.set_date_style(style)
        if hasattr(self, "last_sync_label"):
            self.sync_controller.show_last_sync()

    def _preferences_changed(self) -> None:
        self.roc_action.setChecked(self.preferences.roc_years)
        restyled = self.preferences.date_style() != self.model.date_style()
        self._apply_date_style()
        if restyled:  # the queue's rule texts and hold reasons are worded while loading, dates included
            self.request_reload()

    # ---- language ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "menu_texts"):
            self.retranslate()

    def retranslate(self) -> None:
        """設定 > 語言 chose another language: the desk says everything in it at once, nothing in hand
        lost (the item, the filters, the layout, an open rejection, the undo countdown). Its parts
        (queue, panel, viewer, dialogs) say their own words on the same event; here the window's."""
        self.setWindowTitle(
            self.tr("{name} ({workstation})").format(
                name=self.ctx.staff_display_name, workstation=self.ctx.workstation
            )
        )
        self.menu_texts.retranslate()
        check_current_language(self.language_actions)  # another window may have chosen it
        shortcuts.retranslate_actions(self)
        self.sync_controller.retranslate()
        self._swap_column_widths()
        self.request_reload()  # the rows and the counts are worded while loading

    def _swap_column_widths(self) -> None:
        """Each language keeps its own queue column widths (English words are wider): the ones of the
        language left are kept, those of the language chosen restored, or fitted to its words."""
        key = _header_key()
        if key == self._header_key:
            return
        header = self.table.horizontalHeader()
        self.settings.setValue(self._header_key, header.saveState())
        self._header_key = key
        state = self.settings.value(key)
        if state is None or not header.restoreState(state):
            # After the queue has worded its rows in the new language (it hears the change after
            # the window): fitted to those words.
            QTimer.singleShot(0, self, self.queue.fit_columns)

    # ---- layout memory -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        self._fit_to_screen()
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        # Keys of their own: the splitters' states before the queue moved to the left were vertical.
        # Sizes of their own are set once the window is laid out (the splitters' widths are known).
        splitter = self.settings.value(SPLITTER_KEY)
        detail = self.settings.value(DETAIL_SPLITTER_KEY)
        self._default_split = not (
            splitter is not None
            and self.splitter.restoreState(splitter)
            and detail is not None
            and self.detail_splitter.restoreState(detail)
        )
        header = self.settings.value(self._header_key)
        self._header_restored = header is not None and self.table.horizontalHeader().restoreState(header)
        self.set_focus_mode(bool(self.settings.value(FOCUS_MODE_KEY, False, type=bool)))

    def _split_by_default(self) -> None:
        """A narrow list for the queue, as wide as its search and filters need; of the rest, the
        documents get most, the facts and the decision what they need."""
        total = self.splitter.width() - self.splitter.handleWidth()
        queue = max(self.queue.minimumWidth(), min(QUEUE_WIDTH, round(total * QUEUE_SHARE)))
        rest = max(1, total - queue)
        panel = max(self.panel.minimumSizeHint().width(), min(PANEL_WIDTH, round(rest * 0.4)))
        self.splitter.setSizes([queue, rest])
        self.detail_splitter.setSizes([max(1, rest - self.detail_splitter.handleWidth() - panel), panel])

    def _fit_to_screen(self) -> None:
        """The whole window, its frame included, inside the screen's available area: a desk sized for a
        bigger monitor (or saved on one) must not put approve, reject or the status bar off-screen."""
        if not self.isWindow():
            return  # in a role window's tab: that window is fitted
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        frame, inner = self.frameGeometry(), self.geometry()
        extra_width, extra_height = frame.width() - inner.width(), frame.height() - inner.height()
        width = min(self.width(), available.width() - extra_width)
        height = min(self.height(), available.height() - extra_height)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        outer_width, outer_height = width + extra_width, height + extra_height
        x = min(max(frame.x(), available.left()), available.left() + available.width() - outer_width)
        y = min(max(frame.y(), available.top()), available.top() + available.height() - outer_height)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.settings.setValue(DETAIL_SPLITTER_KEY, self.detail_splitter.saveState())
        self.settings.setValue(FOCUS_MODE_KEY, self.in_focus_mode())
        self.settings.setValue(self._header_key, self.table.horizontalHeader().saveState())
        self.settings.sync()

    # ---- focus mode ----------------------------------------------------------------------------

    def in_focus_mode(self) -> bool:
        return self.queue.isHidden()

    def set_focus_mode(self, on: bool) -> None:
        """Focus mode: the queue hidden, the documents and the decision have the whole window (J, K
        still move through the queue)."""
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.queue.isAncestorOf(focused)
        self.queue.setHidden(on)
        if self.focus_mode_action.isChecked() != on:
            self.focus_mode_action.setChecked(on)
        if on and had_focus:
            self.viewer.focus_view()

    # ---- after the repaint ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted_shown:  # the frame's size is known once the window is shown
            self._fitted_shown = True
            self._fit_to_screen()
            if self._default_split:
                self._split_by_default()
        top = self.window()
        if top is not self._paint_watched:  # the desk may sit in a role window's tab
            if self._paint_watched is not None:
                self._paint_watched.removeEventFilter(self)
            top.installEventFilter(self)
            self._paint_watched = top

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt repaints a window when it handles its UpdateRequest; what is queued now runs after that.
        if event.type() == QEvent.Type.UpdateRequest and (
            self.decisions.waiting_for_paint()
            or self.documents.has_ahead_waiting()
            or self.panel.second_look.waiting_for_paint()
        ):
            QTimer.singleShot(0, self, self._painted)
        return super().eventFilter(watched, event)

    def _painted(self) -> None:
        """The window shows the current item: the background work held back for it goes ahead."""
        self.decisions.painted()
        self.documents.start_ahead()
        self.panel.second_look.painted()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.decisions.painted()  # decisions still waiting for a repaint are written now
        self.save_layout()
        self.sync_controller.close()  # gives the undecided items back, in the background
        if self.decisions.reject_dialog is not None:
            self.decisions.reject_dialog.reject()
        if self.ctx.sync is not None:
            self.ctx.sync.on_claimed = None  # a sync still running hands nothing to a closed window
        # Nothing is waited for here: reads and a sync still queued are cancelled, and the decisions
        # handed to the journal are written in the background with the window gone (the process
        # waits for them at exit: executors.finish_all).
        if self._listening:  # a role window may close the desk twice
            changes().items_changed.disconnect(self._data_changed)
            self._listening = False
        cancel_owned_by(self, also=(self.sync_controller, self.decisions))
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
        # The queue is known once a reload has read the journal after the first sync came back: before
        # that, an empty journal is not an empty queue (the pull is still claiming).
        self._reload_knows_queue = self.sync_controller.has_answered()
        journal, clock = self.ctx.journal, self.ctx.clock
        holder = self.ctx.staff_display_name
        texts = self.model.texts()  # the search texts are made on the worker, in the queue's date style
        Operation(lambda: load_desk(journal, clock(), holder, texts), owner=self, name="reload").success(
            self._loaded
        ).failure(self._load_failed).run_in_background(executors.journal())

    def _data_changed(self, kinds: frozenset[str], _origin: object) -> None:
        if kinds & {DECISIONS, DOCUMENTS, ITEMS}:
            self.request_reload()

    def select_after_reload(self, key: ItemKey) -> None:
        """The next reload selects ``key`` (an undone decision, a refused one)."""
        self._select_after_reload = key

    def _loaded(self, data: DeskData) -> None:
        self._reload_running = False
        self._queue_known = self._queue_known or self._reload_knows_queue or bool(data.rows)
        current = self.selected_key()
        wanted = self._select_after_reload or current
        self._select_after_reload = None
        gone = [k for k in self._details if k not in data.details]
        self.documents.forget([d.id for k in gone for d in self._details[k].snapshot.documents])
        self._details = data.details
        self.catalogue = data.catalogue
        self.panel.set_catalogue(data.catalogue)
        self.queue.set_rows(data.rows)
        if self._first_load and data.rows:
            # Fitted again at each load until the first sync's answer is in: the first item can show
            # before the rest of the batch, whose words may be wider.
            self._first_load = not self._reload_knows_queue
            if not self._header_restored:
                self.queue.fit_columns()
        if wanted is not None and self.proxy.proxy_row_of(wanted) is not None:
            self.select_key(wanted)
        else:
            self.queue.ensure_current()
        self._show_counts(data)
        if self._reload_again:
            self._reload_again = False
            self.request_reload()

    def _load_first_claimed(self, first: ClaimedItem) -> None:
        """A pull is storing what it claimed in the journal: an empty desk, sorted oldest first, starts
        loading the documents of the item it will select, so its photo is decoded by the time its row
        shows (a desk already showing an item, or sorted otherwise, waits for the rows)."""
        if self.documents.is_closed():
            return  # emitted by the sync worker just before the window closed: nothing to load for
        if self.selected_key() is None and self.queue.oldest_first():
            self.viewer.load_early(list(first.documents), first.policy)

    def _load_failed(self, exc: BaseException) -> None:
        self._reload_running = False
        log.error("reading the journal failed", exc_info=exc)
        self.statusBar().showMessage(
            self.tr("Cannot read this workstation's review list: {error}").format(error=exc), 15_000
        )

    # ---- status bar ----------------------------------------------------------------------------

    def _show_counts(self, data: DeskData) -> None:
        if not self._queue_known:
            self.claimed_label.setText(self.tr("Loading…"))
            return
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
        self.set_focus_mode(False)  # the search is in the queue: it shows again
        self.queue.focus_search()

    def restore_focus(self) -> None:
        if self.queue.isHidden():  # focus mode: the keyboard goes to the document (J/K still work)
            self.viewer.focus_view()
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_help(self) -> None:
        self.help_overlay.toggle()

    def show_selected(self) -> None:
        key = self.selected_key()
        detail = self._details.get(key) if key is not None else None
        self.panel.show_detail(detail)
        self.panel.second_look.show_item(detail)
        ahead = [self._details[k] for k in self.queue.keys_after(key, DECODE_AHEAD) if k in self._details]
        self.viewer.show_item(detail, ahead)

    # ---- sync and decisions (their controllers) -------------------------------------------------

    def sync_now(self) -> None:
        self.sync_controller.sync_now()

    def is_syncing(self) -> bool:
        return self.sync_controller.is_syncing()

    def approve_current(self) -> None:
        self.decisions.approve_current()

    def reject_current(self) -> None:
        self.decisions.reject_current()

    def undo_last(self) -> None:
        self.decisions.undo_last()

    @property
    def reject_dialog(self) -> RejectDialog | None:
        return self.decisions.reject_dialog

    def is_deciding(self) -> bool:
        """A decision or an undo is on its way to the journal."""
        return self.decisions.deciding

    def is_busy(self) -> bool:
        """Background work of this desk (reads, decisions, a sync, documents) not answered yet."""
        return any(in_flight(o) for o in (self, self.sync_controller, self.decisions, self.documents))

    # ---- messages ------------------------------------------------------------------------------

    def tell(self, text: str, timeout_ms: int, *, urgent: bool = False) -> None:
        """A change the reviewer should know of: in the status bar, and said to a screen reader."""
        self.statusBar().showMessage(text, timeout_ms)
        self.announcer.announce(text, urgent=urgent)

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str, details: str | None = None) -> None:
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
