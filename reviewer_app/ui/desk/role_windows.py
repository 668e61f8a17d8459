"""What each role opens (PRODUCT.md, "Who uses it"):

- reviewer: the review desk;
- counsellor: the print and hand-over view (counsellors cannot decide items);
- supervisor: the review desk, plus a 主管 menu opening the supervisor tools (suspensions and strikes,
  the reason catalogue, the audit trail), the programme statistics and the print view.

The windows themselves live in their own modules; this one only chooses and connects them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer_app.access.roles import Actor
from reviewer_app.qt import QCoreApplication, QKeySequence, QMainWindow, QTabWidget, QWidget
from reviewer_app.ui.desk.main_window import DeskContext, MainWindow

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reviewer_app.printing.batch import Fetch


def _fetcher(context: DeskContext) -> Fetch:
    from reviewer_app.documents.store import DocumentStore

    documents = context.documents
    assert documents is not None
    if isinstance(documents, DocumentStore):
        return documents.fetch_to_print  # printed photos are not kept in the document cache
    return documents.fetch


class PrintWindow(QMainWindow):
    """The counsellor's window: the print view, nothing that decides."""

    def __init__(self, context: DeskContext) -> None:
        super().__init__()
        from reviewer_app.ui.printing.print_view import PrintView

        assert context.sync is not None and context.documents is not None
        self.setObjectName("printWindow")
        self.setWindowTitle(QCoreApplication.translate("RoleWindows", "Printing and hand-over"))
        self.view = PrintView(
            context.journal, context.sync, _fetcher(context), staff_display_name=context.staff_display_name
        )
        self.setCentralWidget(self.view)
        self.view.tree.setFocus()  # the keyboard starts in the list of posts, not in the filter above it
        self.resize(1400, 860)

    def closeEvent(self, event: object) -> None:
        self.view.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]


class SupervisorWindow(QMainWindow):
    """Supervisor tools, statistics and printing in tabs, opened from the desk's 主管 menu."""

    def __init__(self, context: DeskContext, engine: Engine, actor: Actor) -> None:
        super().__init__()
        from reviewer_app.ui.printing.print_view import PrintView
        from reviewer_app.ui.stats.view import StatisticsView
        from reviewer_app.ui.supervisor import SupervisorTools

        self.setObjectName("supervisorWindow")
        self.setWindowTitle(QCoreApplication.translate("RoleWindows", "Supervisor"))
        self.tabs = QTabWidget()
        self.tools = SupervisorTools(engine, actor)
        self.stats = StatisticsView(engine, actor.facility_id, only_facility=True)
        self.tabs.addTab(
            self.tools, QCoreApplication.translate("RoleWindows", "Suspensions, reasons and audit trail")
        )
        self.tabs.addTab(self.stats, QCoreApplication.translate("RoleWindows", "Statistics"))
        self.printing: QWidget | None = None
        if context.sync is not None and context.documents is not None:
            self.printing = PrintView(
                context.journal,
                context.sync,
                _fetcher(context),
                staff_display_name=context.staff_display_name,
            )
            self.tabs.addTab(self.printing, QCoreApplication.translate("RoleWindows", "Printing"))
        self.setCentralWidget(self.tabs)
        self.resize(1500, 900)

    def shutdown(self) -> None:
        self.tools.shutdown()
        self.stats.shutdown()
        if self.printing is not None:
            self.printing.shutdown()  # type: ignore[attr-defined]


def window_for_role(
    role: str, context: DeskContext, engine: Engine | None, actor: Actor | None
) -> QMainWindow:
    if role == "counsellor" and context.sync is not None and context.documents is not None:
        return PrintWindow(context)
    window = MainWindow(context)
    if role == "supervisor" and engine is not None and actor is not None:
        _add_supervisor_menu(window, context, engine, actor)
    return window


def _add_supervisor_menu(window: MainWindow, context: DeskContext, engine: Engine, actor: Actor) -> None:
    # Alt+P, not Alt+S: 設定(&S) / &Settings already has S (each menu needs its own mnemonic).
    menu = window.menuBar().addMenu(QCoreApplication.translate("RoleWindows", "Su&pervisor"))
    menu.setObjectName("supervisorMenu")
    holder: dict[str, SupervisorWindow] = {}

    def open_tools(tab: int) -> None:
        if "window" not in holder:  # built on first use: the reviewer's start stays fast
            holder["window"] = SupervisorWindow(context, engine, actor)
            window.destroyed.connect(holder["window"].shutdown)
        tools = holder["window"]
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

    for index, (label, keys) in enumerate(
        (
            (
                QCoreApplication.translate("RoleWindows", "Suspensions, reasons and audit trail…"),
                "Ctrl+Shift+S",
            ),
            (QCoreApplication.translate("RoleWindows", "Statistics…"), "Ctrl+Shift+T"),
            (QCoreApplication.translate("RoleWindows", "Printing…"), "Ctrl+Shift+P"),
        )
    ):
        action = menu.addAction(label)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{label} ({keys})")
        action.triggered.connect(lambda _checked=False, i=index: open_tools(i))
