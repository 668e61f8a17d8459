"""What each role opens (PRODUCT.md, "Who uses it"):

- reviewer: the review desk;
- counsellor: the print and hand-over view (counsellors cannot decide items);
- supervisor: the review desk, plus a 主管 menu opening the supervisor tools (suspensions and strikes,
  the reason catalogue, the audit trail), the programme statistics and the print view.

The windows themselves live in their own modules; this one only chooses and connects them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer_app.access.roles import Actor
from reviewer_app.qt import (
    QCoreApplication,
    QEvent,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)
from reviewer_app.ui.common.language_menu import check_current_language
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.common.shortcuts import retranslate_actions
from reviewer_app.ui.desk.main_window import DeskContext, MainWindow

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reviewer_app.printing.batch import Fetch
    from reviewer_app.ui.common.help_overlay import HelpOverlay
    from reviewer_app.ui.supervisor.second_looks_panel import SecondLooksWindow


def _fetcher(context: DeskContext) -> Fetch:
    from reviewer_app.documents.store import DocumentStore

    documents = context.documents
    assert documents is not None
    if isinstance(documents, DocumentStore):
        return documents.fetch_to_print  # printed photos are not kept in the document cache
    return documents.fetch


class PrintWindow(QMainWindow):
    """The counsellor's window: the print view, nothing that decides; a menu bar (檔案, 設定, 說明), F1 help,
    Ctrl+Q, and in the status bar who is signed in and whether the shared database answers."""

    def __init__(self, context: DeskContext) -> None:
        super().__init__()
        from reviewer_app.ui.common.shortcuts import make_action
        from reviewer_app.ui.printing.print_view import PrintView

        assert context.sync is not None and context.documents is not None
        self.setObjectName("printWindow")
        self.context = context
        self.texts = texts = LiveTexts()  # the window's words follow the desk's language
        texts.bind(
            self.setWindowTitle, lambda: QCoreApplication.translate("RoleWindows", "Printing and hand-over")
        )
        self.view = PrintView(
            context.journal, context.sync, _fetcher(context), staff_display_name=context.staff_display_name
        )
        self.setCentralWidget(self.view)
        # Made on the first F1: the overlay watches the window (an event filter), and a window that
        # never showed its help is then freed like any other, whenever Python collects it.
        self.help_overlay: HelpOverlay | None = None
        self.help_action = make_action(
            self,
            lambda: QCoreApplication.translate("RoleWindows", "Keyboard shortcuts"),
            ["F1"],
            self.toggle_help,
            "helpAction",
            "print",
        )
        self.quit_action = make_action(
            self,
            lambda: QCoreApplication.translate("RoleWindows", "Quit"),
            ["Ctrl+Q"],
            self.close,
            "quitAction",
            "print",
        )
        c = self.view.commands
        file_menu = self.menuBar().addMenu("")
        texts.bind(file_menu.setTitle, lambda: QCoreApplication.translate("RoleWindows", "&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addActions([c.preview, c.print_, c.pdf, c.reprint])
        file_menu.addSeparator()
        file_menu.addActions([c.handover])
        file_menu.addSeparator()
        file_menu.addActions([c.tick_all, c.tick_none, c.refresh])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        # The counsellor chooses the language too (設定 > 語言), as on the desk: shown at once.
        from reviewer_app.ui.common.language_menu import add_language_actions
        from reviewer_app.ui.common.preferences import Preferences, open_settings

        self.preferences = Preferences(open_settings(context.settings_path, self), self)
        settings_menu = self.menuBar().addMenu("")
        texts.bind(settings_menu.setTitle, lambda: QCoreApplication.translate("RoleWindows", "&Settings"))
        settings_menu.setObjectName("settingsMenu")
        language_menu = settings_menu.addMenu("")
        texts.bind(language_menu.setTitle, lambda: QCoreApplication.translate("RoleWindows", "Language"))
        language_menu.setObjectName("languageMenu")
        self.language_actions = add_language_actions(language_menu, self.preferences, self)
        help_menu = self.menuBar().addMenu("")
        texts.bind(help_menu.setTitle, lambda: QCoreApplication.translate("RoleWindows", "&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.help_action)
        for menu in (file_menu, settings_menu, help_menu):
            menu.setToolTipsVisible(False)  # menus show names and shortcuts; tooltips are for buttons

        self.connection_label = QLabel(QCoreApplication.translate("RoleWindows", "Connecting…"))
        self.connection_label.setObjectName("connectionState")
        self._connected: bool | None = None
        self.signed_in_label = QLabel()
        texts.bind(
            self.signed_in_label.setText,
            lambda: QCoreApplication.translate("RoleWindows", "Signed in: {name}").format(
                name=context.staff_display_name
            ),
        )
        self.signed_in_label.setObjectName("signedIn")
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.signed_in_label)
        self.view.connectionChanged.connect(self._show_connection)

        self.view.tree.setFocus()  # the keyboard starts in the list of posts, not in the filter above it
        self.resize(1400, 860)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()
            retranslate_actions(self)
            check_current_language(self.language_actions)
            if self._connected is not None:
                self._show_connection(self._connected)

    def _show_connection(self, connected: bool) -> None:
        self._connected = connected
        if connected:
            self.connection_label.setText(QCoreApplication.translate("RoleWindows", "Connected"))
            self.connection_label.setStyleSheet("color: #1b6e1b;")
        else:
            self.connection_label.setText(
                QCoreApplication.translate(
                    "RoleWindows", "Cannot connect to the shared database: records wait on this workstation"
                )
            )
            self.connection_label.setStyleSheet("color: #a05a00; font-weight: bold;")

    def restore_focus(self) -> None:
        """Where the keyboard goes back to after the help closes: the list of posts."""
        self.view.tree.setFocus()

    def toggle_help(self) -> None:
        from reviewer_app.ui.common.help_overlay import HelpOverlay

        if self.help_overlay is None:
            self.help_overlay = HelpOverlay(self)
        else:
            self.installEventFilter(self.help_overlay)  # again after a close (it follows the window's size)
        self.help_overlay.toggle()

    def closeEvent(self, event: object) -> None:
        self.view.shutdown()
        if self.help_overlay is not None:
            # Not while the window is torn down: the overlay's Python half may be gone by the time Qt
            # sends the last events of the destruction.
            self.removeEventFilter(self.help_overlay)
        super().closeEvent(event)  # type: ignore[arg-type]


class SupervisorWindow(QMainWindow):
    """Supervisor tools, statistics and printing in tabs, opened from the desk's 主管 menu."""

    def __init__(self, context: DeskContext, engine: Engine, actor: Actor) -> None:
        super().__init__()
        from reviewer_app.ui.printing.print_view import PrintView
        from reviewer_app.ui.stats.view import StatisticsView
        from reviewer_app.ui.supervisor import SupervisorTools

        self.setObjectName("supervisorWindow")
        self.texts = texts = LiveTexts()  # the window's words follow the desk's language
        texts.bind(self.setWindowTitle, lambda: QCoreApplication.translate("RoleWindows", "Supervisor"))
        self.tabs = QTabWidget()
        from reviewer_app.ui.common.preferences import Preferences, open_settings

        # The desk's date style (ROC years or not) for the audit trail's times.
        dates = Preferences(open_settings(context.settings_path, self), self).date_style()
        self.tools = SupervisorTools(engine, actor, dates=dates)
        self.stats = StatisticsView(engine, actor.facility_id, only_facility=True)
        tools_tab = self.tabs.addTab(self.tools, "")
        texts.bind(
            lambda text: self.tabs.setTabText(tools_tab, text),
            lambda: QCoreApplication.translate("RoleWindows", "Suspensions, reasons and audit trail"),
        )
        stats_tab = self.tabs.addTab(self.stats, "")
        texts.bind(
            lambda text: self.tabs.setTabText(stats_tab, text),
            lambda: QCoreApplication.translate("RoleWindows", "Statistics"),
        )
        self.printing: QWidget | None = None
        if context.sync is not None and context.documents is not None:
            self.printing = PrintView(
                context.journal,
                context.sync,
                _fetcher(context),
                staff_display_name=context.staff_display_name,
            )
            printing_tab = self.tabs.addTab(self.printing, "")
            texts.bind(
                lambda text: self.tabs.setTabText(printing_tab, text),
                lambda: QCoreApplication.translate("RoleWindows", "Printing"),
            )
        from reviewer_app.ui.supervisor.appeals_panel import AppealsPanel

        self.appeals = AppealsPanel(
            engine, actor, fetch=_fetcher(context) if context.documents is not None else None
        )
        appeals_tab = self.tabs.addTab(self.appeals, "")
        texts.bind(
            lambda text: self.tabs.setTabText(appeals_tab, text),
            lambda: QCoreApplication.translate("RoleWindows", "Appeals"),
        )
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        self.resize(1500, 900)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.appeals:
            self.appeals.refresh()  # the queue as it is now, each time it is opened

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()

    def shutdown(self) -> None:
        self.tools.shutdown()
        self.stats.shutdown()
        self.appeals.shutdown()
        if self.printing is not None:
            self.printing.shutdown()  # type: ignore[attr-defined]


def window_for_role(
    role: str, context: DeskContext, engine: Engine | None, actor: Actor | None
) -> QMainWindow:
    if role == "counsellor" and context.sync is not None and context.documents is not None:
        return PrintWindow(context)
    window = MainWindow(context)
    if engine is not None and actor is not None and role in ("reviewer", "supervisor"):
        _add_second_looks_action(window, context, engine, actor)
    if role == "supervisor" and engine is not None and actor is not None:
        _add_supervisor_menu(window, context, engine, actor)
    return window


def _with_keys(say: Callable[[], str], keys: str) -> Callable[[], str]:
    return lambda: f"{say()} ({keys})"


def _add_second_looks_action(window: MainWindow, context: DeskContext, engine: Engine, actor: Actor) -> None:
    """Review → 待覆核… (Ctrl+Shift+K): colleagues' first decisions waiting for a second look (four eyes)."""
    from reviewer_app.qt import Qt
    from reviewer_app.ui.common.shortcuts import make_action

    holder: dict[str, SecondLooksWindow] = {}

    def open_queue() -> None:
        # Imported when first opened, not with the desk: it brings the supervisor's panels and the
        # statistics (about 0.1 s), which a member's first screen after Enter does not need.
        from reviewer_app.ui.supervisor.second_looks_panel import SecondLooksWindow

        queue = holder.get("window")
        if queue is None:  # a new one each time: a closed window has stopped listening
            queue = SecondLooksWindow(engine, actor, documents=context.documents, clock=context.clock)
            queue.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            queue.destroyed.connect(lambda: holder.pop("window", None))
            holder["window"] = queue
            queue.panel.refresh()
        queue.show()
        queue.raise_()
        queue.activateWindow()

    def close_queue() -> None:
        queue = holder.pop("window", None)
        if queue is not None:
            queue.close()

    action = make_action(
        window,
        lambda: QCoreApplication.translate("RoleWindows", "Waiting for a second look (待覆核)…"),
        ["Ctrl+Shift+K"],
        open_queue,
        "secondLooksAction",
        "desk",
    )
    review_menu = window.menuBar().actions()[0].menu()  # 審核(&R), built first by ui/desk/menus.py
    if isinstance(review_menu, QMenu):
        review_menu.addAction(action)
    window.closed.connect(close_queue)


def _add_supervisor_menu(window: MainWindow, context: DeskContext, engine: Engine, actor: Actor) -> None:
    # Alt+P, not Alt+S: 設定(&S) / &Settings already has S (each menu needs its own mnemonic).
    menu = window.menuBar().addMenu("")
    window.menu_texts.bind(menu.setTitle, lambda: QCoreApplication.translate("RoleWindows", "Su&pervisor"))
    menu.setObjectName("supervisorMenu")
    holder: dict[str, SupervisorWindow] = {}

    def open_tools(tab: int) -> None:
        if "window" not in holder:  # built on first use: the reviewer's start stays fast
            holder["window"] = SupervisorWindow(context, engine, actor)
            window.destroyed.connect(holder["window"].shutdown)
        tools = holder["window"]
        if tab < 0:  # the appeals: their tab is the last, after printing when there is one
            tab = tools.tabs.indexOf(tools.appeals)
        tools.tabs.setCurrentIndex(min(tab, tools.tabs.count() - 1))
        tools.show()
        tools.raise_()
        tools.activateWindow()

    def close_tools() -> None:
        # 主管 is a top-level window of its own: left open, app.exec() in run_desk would not return
        # after Ctrl+Q on the desk and the app would not quit.
        tools = holder.get("window")
        if tools is not None:
            tools.shutdown()
            tools.close()

    window.closed.connect(close_tools)

    for index, (say, keys) in enumerate(
        (
            (
                lambda: QCoreApplication.translate("RoleWindows", "Suspensions, reasons and audit trail…"),
                "Ctrl+Shift+S",
            ),
            (lambda: QCoreApplication.translate("RoleWindows", "Statistics…"), "Ctrl+Shift+T"),
            (lambda: QCoreApplication.translate("RoleWindows", "Printing…"), "Ctrl+Shift+P"),
            (lambda: QCoreApplication.translate("RoleWindows", "Appeals…"), "Ctrl+Shift+A"),
        )
    ):
        index = -1 if keys == "Ctrl+Shift+A" else index
        action = menu.addAction("")
        action.setShortcut(QKeySequence(keys))
        window.menu_texts.bind(action.setText, say)
        window.menu_texts.bind(action.setToolTip, _with_keys(say, keys))
        action.triggered.connect(lambda _checked=False, i=index: open_tools(i))
