"""The desk's decide and undo flow: approve (Ctrl+Return), reject with reasons, undo (Ctrl+Z).

The reviewer never waits for the journal: the item is shown as decided and the next one opens at the
key press, and the write goes to the journal executor right after that repaint. A write is a
must-finish operation: closing the window does not stop it (nor wait for it). Its success announces
that decisions changed (the desk reloads then); a refusal brings the item back with the reason.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reviewer_app.core.timeutil import last_full_day
from reviewer_app.journal import DecisionRecord, DecisionRefused, JournalError, NotUndoable
from reviewer_app.qt import QAction, QCoreApplication, QKeySequence, QMessageBox, QObject, Qt
from reviewer_app.ui.common import executors, words
from reviewer_app.ui.common.changes import DECISIONS
from reviewer_app.ui.common.operations import Operation
from reviewer_app.ui.desk.decision_panel import APPROVE_KEYS, DecisionPanel
from reviewer_app.ui.desk.desk_data import ItemDetail
from reviewer_app.ui.desk.reject_dialog import RejectDialog
from reviewer_app.ui.queue.rows import ItemKey

if TYPE_CHECKING:
    from reviewer_app.ui.desk.main_window import MainWindow

log = logging.getLogger(__name__)
#: The desk's words keep the window's translation context ("MainWindow"), wherever their code lives.
translate = QCoreApplication.translate

#: A decision is written to the journal once the next item has been painted (the write and the
#: repaint would otherwise share the processor and the GIL, and the switch would take twice as long),
#: or after this long if the window does not repaint (minimised). It is on its way to the journal
#: either way: closing the window writes it at once.
WRITE_AFTER_PAINT_S = 0.1


class Decisions(QObject):
    """Records the reviewer's decisions and undoes them, through the journal executor."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.deciding = False
        self._deciding_key: ItemKey | None = None  # the decision being recorded, until it is
        #: Set once the window has repainted: decisions waiting to be written (WRITE_AFTER_PAINT_S).
        self._after_paint: list[threading.Event] = []
        self.reject_dialog: RejectDialog | None = None
        self.why_not_action: QAction | None = None

    def explain_refusals(self, panel: DecisionPanel) -> None:
        """Ctrl+Enter on an item that cannot be approved (a rule, a document not opened, or out of
        reach offline) does not approve, and a disabled action says nothing: this action, on the same
        keys while Approve is off, says why."""
        action = QAction(self.window)
        action.setObjectName("whyNotApproveAction")
        action.setShortcuts([QKeySequence(k) for k in APPROVE_KEYS])
        action.triggered.connect(self.explain_no_approval)
        self.window.addAction(action)
        approve = panel.approve_action

        def follow() -> None:  # never both on (ambiguous); on Approve's keys, the reviewer's own too
            action.setEnabled(not approve.isEnabled())
            if action.shortcuts() != approve.shortcuts():
                action.setShortcuts(approve.shortcuts())

        approve.changed.connect(follow)
        follow()
        self.why_not_action = action

    def explain_no_approval(self) -> None:
        """Say in the status bar why the shown item cannot be approved now (the button's own words)."""
        panel = self.window.panel
        if panel.detail() is None or self.deciding:
            return
        self.window.statusBar().showMessage(panel.approve_action.toolTip(), 10_000)

    def waiting_for_paint(self) -> bool:
        return bool(self._after_paint)

    def painted(self) -> None:
        """The window shows the next item: the writes held back for its repaint go ahead."""
        waiting, self._after_paint = self._after_paint, []
        for event in waiting:
            event.set()

    def approve_current(self) -> None:
        detail = self.window.panel.detail()
        if detail is None or self.deciding or not detail.decidable or detail.blocking:
            return
        self._decide(detail, "approve")

    def reject_current(self) -> None:
        w = self.window
        detail = w.panel.detail()
        if detail is None or self.deciding or not detail.decidable or self.reject_dialog is not None:
            return
        if not w.catalogue:
            w.show_message(
                QMessageBox.Icon.Warning,
                translate("MainWindow", "Cannot reject"),
                translate(
                    "MainWindow",
                    "The list of rejection reasons has not been fetched yet. Sync, then try again.",
                ),
            )
            return
        policy = detail.snapshot.policy
        standing = detail.standing
        # Whether a strike now starts a suspension, as the journal will decide it (the one replay,
        # core/strike_cycles.py): the dialog warns of it and tells the family through which day.
        cycle = standing.suspends_if_struck("reject-dialog", detail.item_id, self.ctx.clock())
        suspends_until = None if cycle is None else cycle.ends_at
        dialog = RejectDialog(
            detail.kind,
            detail.item_id,
            w.catalogue,
            suggested_codes=[f.reason_code for f in detail.blocking if f.reason_code],
            findings=detail.findings,
            policy=policy,
            strikes=standing.strikes,
            strike_threshold=standing.strike_threshold,
            suspension_months=policy.suspension_months,
            suspends_until=suspends_until,
            dates=w.preferences.date_style(),
            parent=w,
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
                family_remark=dialog.remark(),
            )

        def finished(_result: int) -> None:
            self.reject_dialog = None
            w.activateWindow()  # the keyboard comes back to the desk (J/K, Ctrl+Z…)
            w.table.setFocus()

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
        family_remark: str | None = None,
    ) -> None:
        self.deciding = True
        self.window.panel.set_busy(True)
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
                family_remark=family_remark,
            )

        painted = threading.Event()
        self._after_paint.append(painted)

        def write_after_paint() -> DecisionRecord:
            painted.wait(WRITE_AFTER_PAINT_S)
            return work()

        self._deciding_key = detail.key
        self._move_on(detail.key)  # the next item first; the write goes right after its repaint
        self._record(write_after_paint, "decide").success(self._decided).failure(
            self._decision_failed
        ).run_in_background(executors.journal())

    def _record(self, work: Callable[[], DecisionRecord], name: str) -> Operation[DecisionRecord]:
        """A journal write: it finishes even when the window closes first, and says decisions changed."""
        return Operation(work, owner=self, name=name).changes(DECISIONS).must_finish()

    def _move_on(self, key: ItemKey) -> None:
        """Show the item as decided and open the next one now, while the journal records the decision
        (a few milliseconds on its worker): the reviewer never waits for the write. Should the journal
        refuse it, the item comes back with the reason (``_decision_failed``)."""
        w = self.window
        w.model.set_status(key, "decided")
        if w.selected_key() == key:
            following = w.queue.next_decidable_after(key)
            if following is not None:
                w.select_key(following)
            else:
                w.show_selected()

    def _done(self) -> None:
        self.deciding = False
        self.window.panel.set_busy(False)

    def _decided(self, record: DecisionRecord) -> None:
        self._done()
        self._deciding_key = None
        key = (record.kind, record.item_id)
        # Whether Ctrl+Z can still take it back is the countdown's to say (SyncController): this
        # message stays ten seconds, longer than the promise may hold.
        message = translate("MainWindow", "Recorded: {kind} #{id} {outcome}").format(
            kind=words.item_kind(record.kind), id=record.item_id, outcome=words.outcome(record.outcome)
        )
        if record.suspension is not None:
            message += translate("MainWindow", "; the family's posting is suspended through {day}").format(
                day=self.window.preferences.date_style().date(last_full_day(record.suspension.ends_at))
            )
        self.window.sync_controller.decision_recorded(record)
        # A screen reader hears the countdown's start with the decision (how long Ctrl+Z undoes it);
        # the status bar shows the countdown on its own.
        self.window.statusBar().showMessage(message, 10_000)
        countdown = self.window.sync_controller.countdown_text()
        self.window.announcer.announce(
            translate("MainWindow", "{said}; {then}").format(said=message, then=countdown)
            if countdown
            else message
        )
        self._move_on(key)  # moved on at the key press already, unless the reviewer went back to it
        self.window.table.setFocus()
        # The reload that shows it follows the change notification (DECISIONS).

    def _decision_failed(self, exc: BaseException) -> None:
        self._done()
        if self._deciding_key is not None:  # moved on already: back to the item, with the reason
            self.window.select_after_reload(self._deciding_key)
            self._deciding_key = None
        title = translate("MainWindow", "Decision not recorded")
        show = self.window.show_message
        if isinstance(exc, DecisionRefused):
            dates = self.window.preferences.date_style()
            details = "\n".join(f"{f.rule_id}　{words.finding(f, dates)}" for f in exc.findings)
            show(QMessageBox.Icon.Warning, title, words.refusal(exc), details)
        elif isinstance(exc, JournalError):
            show(QMessageBox.Icon.Warning, title, words.refusal(exc))
        else:
            log.error("recording a decision failed", exc_info=exc)
            show(
                QMessageBox.Icon.Critical,
                title,
                translate(
                    "MainWindow",
                    "An unexpected error occurred and the decision was not recorded. Try again; "
                    "if it fails again, call IT support.",
                ),
                f"{type(exc).__name__}: {exc}",
            )
        self.window.request_reload()

    def undo_last(self) -> None:
        """Take back this reviewer's last decision that has not been synced yet."""
        if self.deciding:
            return
        self.deciding = True
        self.window.panel.set_busy(True)
        journal, ctx = self.ctx.journal, self.ctx
        # From the key press on, a push leaves the newest decision alone (sync/grace.py): an undo
        # pressed within the grace period works even if the journal's worker takes it up later.
        journal.expect_undo()

        def work() -> DecisionRecord:
            try:
                record = journal.last_undoable(ctx.staff_username)
                if record is None:
                    raise NotUndoable("UNDO_NOTHING")
                return journal.undo(record.key, ctx.staff_username, ctx.workstation, ctx.clock())
            finally:
                journal.end_undo()

        self._record(work, "undo").success(self._undone).failure(self._undo_failed).run_in_background(
            executors.journal()
        )

    def _undo_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, JournalError):  # unexpected: the decision path's message and logging
            self._decision_failed(exc)
            return
        self._done()
        # Nothing to undo, already synced, or possibly synced: said under an undo's own title.
        self.window.show_message(
            QMessageBox.Icon.Information, translate("MainWindow", "Cannot undo"), words.refusal(exc)
        )

    def _undone(self, record: DecisionRecord) -> None:
        self._done()
        self.window.sync_controller.decision_undone(record)
        key = (record.kind, record.item_id)
        self.window.tell(
            translate("MainWindow", 'Undone: the decision "{outcome}" on {kind} #{id}').format(
                kind=words.item_kind(record.kind),
                id=record.item_id,
                outcome=words.outcome(record.outcome),
            ),
            10_000,
        )
        self.window.select_after_reload(key)
