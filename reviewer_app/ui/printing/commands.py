"""The print view's commands: eight actions with their shortcuts, when each may be used, their buttons.

Each action carries the help group ``"print"`` and works while the view has focus (the desk's own
shortcuts, such as Ctrl+A in the queue, stay theirs elsewhere). The words keep the view's translation
context, ``PrintView``, where the translators find them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reviewer_app.journal.printing import HANDOVER_FROM, PRINTABLE, PRINTED_STATUSES, QueuedPost
from reviewer_app.qt import QAction, QCoreApplication, QKeySequence, Qt, QToolButton, QWidget
from reviewer_app.ui.common.shortcuts import Words, make_action

Slot = Callable[[], object]


@dataclass(frozen=True)
class PrintCommands:
    refresh: QAction
    preview: QAction
    print_: QAction
    pdf: QAction
    reprint: QAction
    handover: QAction
    tick_all: QAction
    tick_none: QAction
    back_to_print: QAction  # an undeliverable post back to To print (the inmate is back)

    def all(self) -> list[QAction]:
        return [
            self.refresh, self.preview, self.print_, self.pdf,
            self.reprint, self.handover, self.tick_all, self.tick_none, self.back_to_print,
        ]  # fmt: skip

    def update(self, ticked: Sequence[QueuedPost], *, busy: bool, loading: bool) -> None:
        """Enable what the ticked posts allow: nothing starts while a task runs (`busy`), and only
        the refresh waits for the database alone (`loading`)."""
        printable = any(p.local_status in PRINTED_STATUSES | {PRINTABLE} for p in ticked)
        for action in (self.preview, self.print_, self.pdf):
            action.setEnabled(not busy and printable)
        self.reprint.setEnabled(not busy and any(p.local_status in PRINTED_STATUSES for p in ticked))
        self.handover.setEnabled(not busy and any(p.local_status in HANDOVER_FROM for p in ticked))
        self.back_to_print.setEnabled(not busy and any(p.local_status == "undeliverable" for p in ticked))
        self.refresh.setEnabled(not loading)


def make_print_commands(
    view: QWidget,
    *,
    refresh: Slot,
    preview: Slot,
    print_: Slot,
    pdf: Slot,
    reprint: Slot,
    handover: Slot,
    tick_all: Slot,
    tick_none: Slot,
    back_to_print: Slot,
) -> PrintCommands:
    """The view's actions, added to `view` (so its help overlay lists them), calling these slots."""
    return PrintCommands(
        refresh=_action(
            view, lambda: QCoreApplication.translate("PrintView", "Refresh"), "F5", refresh, "printRefresh"
        ),
        preview=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Print preview"),
            QKeySequence.StandardKey.Print,
            preview,
            "printPreview",
        ),
        print_=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Print…"),
            "Ctrl+Shift+P",
            print_,
            "printPrint",
        ),
        pdf=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Export PDF…"),
            "Ctrl+Shift+E",
            pdf,
            "printPdf",
        ),
        reprint=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Reprint…"),
            "Ctrl+Shift+R",
            reprint,
            "printReprint",
        ),
        handover=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Record hand-over…"),
            "Ctrl+Shift+H",
            handover,
            "printHandover",
        ),
        tick_all=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Tick all"),
            "Ctrl+A",
            tick_all,
            "printTickAll",
        ),
        tick_none=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Tick none"),
            "Ctrl+Shift+A",
            tick_none,
            "printTickNone",
        ),
        back_to_print=_action(
            view,
            lambda: QCoreApplication.translate("PrintView", "Back to To print"),
            "Ctrl+Shift+B",
            back_to_print,
            "printBackToPrint",
        ),
    )


def _action(
    view: QWidget, text: Words, key: str | QKeySequence.StandardKey, slot: Slot, name: str
) -> QAction:
    action = make_action(view, text, [key], slot, name, "print")
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return action


def tool_button(action: QAction) -> QToolButton:
    """A button showing the action's words (its shortcut is in the tooltip)."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
