"""The desk's sync: when it runs (every minute, on F5, retried after a failure, as soon as a decision's
grace period ends), what the status bar says about the connection and the decisions Ctrl+Z can still
take back, the messages a sync brings (decisions overtaken elsewhere, colleagues' decisions left on
this workstation), and giving the undecided items back when the desk closes.

A decision waits a grace period (a preference, 10 s by default) before the push takes it
(``Sync.grace``): until then Ctrl+Z always takes it back, and the status bar counts it down.

The sync itself runs as an operation on the shared network executor; a success announces that the
queue's items and decisions changed, which is what makes the desk reload.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from reviewer_app.journal.elsewhere import waiting_elsewhere
from reviewer_app.journal.journal import DecisionRecord
from reviewer_app.qt import QCoreApplication, QLabel, QMessageBox, QObject, QProgressBar, QTimer
from reviewer_app.sync.service import PullExtras, PullResult, PushResult, SharedDatabaseUnavailable
from reviewer_app.ui.common import executors, words
from reviewer_app.ui.common.changes import DECISIONS, DOCUMENTS, ITEMS, changes
from reviewer_app.ui.common.operations import Operation
from reviewer_app.ui.viewer.documents import SHOWN

if TYPE_CHECKING:
    from reviewer_app.ui.desk.main_window import MainWindow

log = logging.getLogger(__name__)
#: The desk's words keep the window's translation context ("MainWindow"), wherever their code lives.
translate = QCoreApplication.translate

#: A sync running longer than this shows a progress indicator.
PROGRESS_AFTER_MS = 400
# At close, the claims are given back once the journal has written what it was given (seconds at most).
JOURNAL_WAIT_S = 30
# The grace countdown is looked at this often (it shows whole seconds; the clock may be a test's).
COUNTDOWN_TICK_MS = 250


def _nothing() -> None:
    """A job that only marks a place in a worker's queue."""


def _brief(exc: BaseException) -> str:
    """An error in one line for the status bar: the driver's own error, without SQLAlchemy's
    statement and web address."""
    cause = getattr(exc, "orig", None) or exc
    first = next(iter(str(cause).splitlines()), "")
    return f"{type(cause).__name__}: {first}" if first else type(cause).__name__


class SyncController(QObject):
    """Schedules the desk's syncs and shows their state in the window's status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self._running = False
        self._failures = 0
        self._connected: bool | None = None  # None: not tried yet
        self._last_sync_at: datetime | None = None
        self._last_error: str | None = None
        self._again = False  # a sync was asked for while one ran: another one follows it
        self._closed = False
        self._session: int | None = None  # the number open_session gave this desk
        # This desk's decisions still in their grace period, oldest first (Ctrl+Z takes the newest).
        self._in_grace: list[DecisionRecord] = []
        # A grace period ended and its push is under way: the push that sends it says so (screen readers).
        self._sending_after_grace = False
        self._taken_by_others = 0  # as of the last pull

        self.timer = QTimer(self)
        self.timer.setInterval(self.ctx.sync_interval_ms)
        self.timer.timeout.connect(self.sync_now)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.timeout.connect(self.sync_now)
        self.progress_timer = QTimer(self)
        self.progress_timer.setSingleShot(True)
        self.progress_timer.setInterval(PROGRESS_AFTER_MS)
        self.progress_timer.timeout.connect(self._show_progress)
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(COUNTDOWN_TICK_MS)
        self.countdown_timer.timeout.connect(self._tick)
        self.undo_label = QLabel()
        self.undo_label.setObjectName("undoCountdown")
        self._apply_grace()
        window.preferences.changed.connect(self._apply_grace)

    def build_status_widgets(self) -> list[QLabel | QProgressBar]:
        """The status bar's progress bar and connection and last-sync labels (kept on the window)."""
        w = self.window
        w.connection_label = QLabel()
        w.connection_label.setObjectName("connectionState")
        w.last_sync_label = QLabel()
        w.last_sync_label.setObjectName("lastSync")
        w.sync_progress = QProgressBar()
        w.sync_progress.setObjectName("syncProgress")
        w.sync_progress.setRange(0, 0)  # busy: a sync has no known length
        w.sync_progress.setMaximumWidth(110)
        w.sync_progress.setMaximumHeight(14)
        w.sync_progress.setTextVisible(False)
        w.sync_progress.hide()
        # First among the permanent widgets: the countdown sits where the eye is after a decision.
        w.statusBar().addPermanentWidget(self.undo_label)
        self.others_label = QLabel()
        self.others_label.setObjectName("takenByOthers")
        self.others_label.hide()
        w.statusBar().addPermanentWidget(self.others_label)
        self.overdue_label = QLabel()
        self.overdue_label.setObjectName("overdueCount")
        self.overdue_label.hide()
        w.statusBar().addPermanentWidget(self.overdue_label)
        return [w.sync_progress, w.connection_label, w.last_sync_label]

    def start(self) -> None:
        if self.ctx.sync is not None:
            self._session = self.ctx.sync.open_session()
        self.timer.start()
        self.sync_now()
        if self.ctx.sync is not None:
            url, me = str(self.ctx.sync.engine.url), self.ctx.staff_username

            def look() -> dict[str, int]:  # on the journal worker: a few small files read
                return waiting_elsewhere(url, me)

            Operation(look, owner=self, name="others").success(self._tell_waiting_elsewhere).failure(
                self._elsewhere_failed
            ).run_in_background(executors.journal())

    def stop(self) -> None:
        self.timer.stop()
        self.retry_timer.stop()
        self.progress_timer.stop()
        self.countdown_timer.stop()

    def close(self) -> None:
        """The desk closes (Ctrl+Q, sign-out): no more syncs; the decisions still in their grace period
        are pushed and the undecided items given back to colleagues, in the background. A must-finish
        operation: the window closes at once and the process waits for it at exit (bounded). A crash
        skips this: the leases run out instead."""
        self.stop()
        if self._closed or self.ctx.sync is None:
            return
        self._closed = True
        self._in_grace = []
        sync, session = self.ctx.sync, self._session
        # The decisions still on their way to the journal (Ctrl+Enter just before Ctrl+Q) are written
        # first: pushed, not given back as undecided. The journal's worker takes its jobs in order.
        written = threading.Event()
        Operation(written.set, name="decisions written").must_finish().run_in_background(executors.journal())

        def give_back() -> int:
            written.wait(JOURNAL_WAIT_S)
            try:
                return sync.close_session(session)
            except SharedDatabaseUnavailable as exc:  # offline: the leases run out instead
                log.info("could not give the claims back at close: %s", exc)
                return 0

        Operation(give_back, owner=self, name="release").must_finish().run_in_background(executors.network())

    # ---- the grace period ----------------------------------------------------------------------

    @property
    def grace(self) -> timedelta:
        return timedelta(seconds=self.window.preferences.undo_grace_seconds)

    def _apply_grace(self) -> None:
        if self.ctx.sync is not None:
            self.ctx.sync.grace = self.grace

    def decision_recorded(self, record: DecisionRecord) -> None:
        """A decision is in the journal: count its grace period down; push it when that ends. Its start
        is said with the decision (:meth:`countdown_text`), not every second of it."""
        self._in_grace.append(record)
        self._tick()
        if self._in_grace:
            self.countdown_timer.start()

    def countdown_text(self) -> str:
        """What the countdown says now ("Syncing in 10 s; Ctrl+Z undoes it"), or '' when none runs."""
        return self.undo_label.text()

    def decision_undone(self, record: DecisionRecord) -> None:
        self._in_grace = [d for d in self._in_grace if d.key != record.key]
        self._tick()

    def _tick(self) -> None:
        now, grace = self.ctx.clock(), self.grace
        still = [d for d in self._in_grace if now - d.decided_at < grace]
        ended = len(still) < len(self._in_grace)
        self._in_grace = still
        if not still:
            self.countdown_timer.stop()
            self.undo_label.clear()  # from here on the push may take it: Ctrl+Z is promised no more
        else:
            newest = still[-1]
            left = math.ceil((grace - (now - newest.decided_at)).total_seconds())
            self.undo_label.setText(
                translate("MainWindow", "Syncing in {seconds} s; Ctrl+Z undoes it").format(seconds=left)
            )
        if ended:
            self._sending_after_grace = True  # the push that follows is said (_synced)
            self.sync_now()  # right after the grace period, not at the minute's sync

    def sync_now(self) -> None:
        """Push decisions, then pull (claim) items; on the network worker, never blocking the desk."""
        sync = self.ctx.sync
        if sync is None:
            self._connected = False
            self.show_connection()
            self.window.request_reload()
            return
        if self._closed:
            return
        if self._running:
            self._again = True  # e.g. a grace period ended during the minute's sync
            return
        self._running = True
        self.retry_timer.stop()
        self.progress_timer.start()
        # The documents are fetched and opened after the queue shows (check_documents below). The
        # first sync brings only what the first screen needs; the rest follows it (_read_extras).
        extras = self._last_sync_at is not None
        Operation(lambda: sync.sync(check_documents=False, extras=extras), owner=self, name="sync").success(
            self._synced
        ).failure(self._sync_failed).changes(ITEMS, DECISIONS).run_in_background(executors.network())

    def is_syncing(self) -> bool:
        return self._running

    def has_answered(self) -> bool:
        """A sync has come back (claimed, or found the shared database out of reach) or none is set up."""
        return self._connected is not None

    @property
    def failures_in_a_row(self) -> int:
        """Syncs that failed since the last one that worked (each one retried in the background)."""
        return self._failures

    def _finished(self) -> None:
        self._running = False
        self.progress_timer.stop()
        self.window.sync_progress.hide()
        if self._again:
            self._again = False
            QTimer.singleShot(0, self, self.sync_now)

    def _show_progress(self) -> None:
        if self._running:
            self.window.sync_progress.setToolTip(translate("MainWindow", "Syncing with the shared database…"))
            self.window.sync_progress.show()

    def _synced(self, result: tuple[PushResult, PullResult]) -> None:
        self._finished()
        pushed, pulled = result
        if pulled.others is not None:
            self.show_taken_by_others(pulled.others)
        if self._sending_after_grace and pushed.applied:
            self._sending_after_grace = False
            self.window.announcer.announce(
                translate(
                    "MainWindow",
                    "%n decision(s) sent to the shared database; they can no longer be undone",
                    "",
                    pushed.applied,
                )
            )
        if pulled.overdue is not None:
            self.show_overdue(pulled.overdue)
        if pushed.conflicted:
            self._tell_conflicts(pushed.conflicted)
        elif pushed.awaiting_second:
            self.window.tell(
                translate(
                    "MainWindow",
                    "%n approval(s) wait for a second look (待覆核): they take effect when a colleague confirms",  # noqa: E501
                    "",
                    pushed.awaiting_second,
                ),
                10_000,
            )
        self._connected = True
        self._failures = 0
        self._last_sync_at = self.ctx.clock()
        if self._last_error is not None:
            self.window.tell(translate("MainWindow", "Connected to the shared database again; synced"), 8_000)
        self._last_error = None
        self.show_connection()
        self.show_last_sync()
        extras = pulled.others is None or pulled.overdue is None
        self._after_shown_documents(self._read_extras if extras else self._check_documents)

    def _after_shown_documents(self, then: Callable[[], None]) -> None:
        """``then()`` once the document shown has been decoded (a job of the document worker after
        it): the follow-ups of a sync (the extras, fetching and hashing a batch of photos) would
        compete with it for the processor, and with the first screen's paint."""
        if self.ctx.sync is None or self._closed:
            return
        Operation(_nothing, owner=self, name="after the shown documents").success(
            lambda _none: then()
        ).run_in_background(executors.documents(), SHOWN - 1)

    def _read_extras(self) -> None:
        """After the first screen: what its pull left out (the staff notes, the second looks that
        ended, the items colleagues hold and those overdue), then the documents' checks."""
        sync = self.ctx.sync
        if sync is None or self._closed:
            return

        def failed(exc: BaseException) -> None:  # the next sync reads them again
            log.warning("reading the notes and counts after the first sync failed: %s", type(exc).__name__)
            self._check_documents()

        Operation(sync.pull_extras, owner=self, name="extras").success(self._extras_read).failure(
            failed
        ).run_in_background(executors.network())

    def _extras_read(self, extras: PullExtras) -> None:
        self.show_taken_by_others(extras.others)
        self.show_overdue(extras.overdue)
        if extras.changed:  # notes, 待覆核 marks, red cells: the desk reads the journal again
            changes().notify({ITEMS}, self)
        self._check_documents()

    def _check_documents(self) -> None:
        """After the queue and its document have come: the claimed items' documents into the cache
        and opened for the rules (R7), behind the next sync on the network worker; the desk hears
        DOCUMENTS and reloads."""
        sync = self.ctx.sync
        if sync is None or self._closed:
            return
        Operation(sync.check_documents, owner=self, name="check documents").failure(
            lambda exc: log.warning("checking the claimed documents failed: %s", type(exc).__name__)
        ).changes(DOCUMENTS).run_in_background(executors.network())

    def _sync_failed(self, exc: BaseException) -> None:
        self._finished()
        self._connected = False  # unreachable or unusable: either way nothing syncs now
        if isinstance(exc, SharedDatabaseUnavailable):
            message = translate(
                "MainWindow",
                "Cannot reach the shared database. Decisions are kept on this workstation and synced "
                "when it is back; retrying in the background.",
            )
        else:
            message = translate(
                "MainWindow",
                "Sync failed; decisions are kept on this workstation and the sync is retried in the "
                "background ({error})",
            ).format(error=_brief(exc))
        if message != self._last_error:  # the same error is shown (and logged) once, not at every retry
            if not isinstance(exc, SharedDatabaseUnavailable):
                log.error("sync failed", exc_info=exc)
            self.window.tell(message, 30_000, urgent=True)
        self._last_error = message
        delays = self.ctx.retry_delays_ms
        if self._failures < len(delays):
            self.retry_timer.start(delays[self._failures])
        self._failures += 1
        self.show_connection()
        self.window.request_reload()  # a pull that failed half-way may have stored some items

    def _tell_waiting_elsewhere(self, waiting: dict[str, int]) -> None:
        """Colleagues left decisions on this workstation that are not in the shared database yet."""
        if not waiting:
            return
        who = "、".join(
            translate("MainWindow", "{user} ({count})").format(user=user, count=n)
            for user, n in sorted(waiting.items())
        )
        self.window.show_message(
            QMessageBox.Icon.Information,
            translate("MainWindow", "Decisions of colleagues waiting to sync"),
            translate(
                "MainWindow",
                "This workstation keeps decisions of {who} that have not reached the shared database. "
                "Ask them to sign in here once, so that they sync; until then someone else may claim "
                "and decide those items again.",
            ).format(who=who),
        )

    @staticmethod
    def _elsewhere_failed(exc: BaseException) -> None:
        log.warning("could not look for other members' journals: %s", exc)

    def _tell_conflicts(self, conflicted: Sequence[DecisionRecord]) -> None:
        """Decisions that did not count: the pull that follows takes their items off the queue, so
        this is where the reviewer learns which, and why (who decided first)."""
        lines = [
            translate("MainWindow", "{kind} #{id} {outcome}: {reason}").format(
                kind=words.item_kind(d.kind),
                id=d.item_id,
                outcome=words.outcome(d.outcome),
                reason=d.conflict_reason or "",
            )
            for d in conflicted
        ]
        self.window.statusBar().clearMessage()  # "Recorded… waiting to sync" is no longer true for them
        summary = translate(
            "MainWindow",
            "%n decision(s) from this workstation did not take effect: the item was dealt with "
            "elsewhere first.",
            "",
            len(conflicted),
        )
        self.window.show_message(
            QMessageBox.Icon.Warning,
            translate("MainWindow", "Decisions not applied"),
            summary,
            "\n".join(lines),
        )
        # At once, before the reviewer goes on: which decisions, and who decided first.
        self.window.announcer.announce("\n".join([summary, *lines]), urgent=True)

    # ---- status bar ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """The desk's language changed: the connection, the last sync, the countdown and the items
        colleagues hold, said again in it."""
        self.show_connection()
        self.show_last_sync()
        if self._in_grace:
            self._tick()
        self.show_taken_by_others(self._taken_by_others)

    def show_taken_by_others(self, count: int) -> None:
        """Items colleagues hold, as of the last pull: nobody takes an empty queue for a finished one."""
        self._taken_by_others = count
        self.others_label.setText(translate("MainWindow", "%n item(s) being worked on by others", "", count))
        self.others_label.setToolTip(
            translate(
                "MainWindow",
                "Undecided items of this facility claimed by colleagues. They come back to the queue "
                "when a colleague closes the desk, or when their claim runs out.",
            )
        )
        self.others_label.setVisible(count > 0)
        self.window.queue.set_taken_by_others(count)

    def show_overdue(self, count: int) -> None:
        """The facility's undecided items past its target to decide, as of the last pull."""
        self.overdue_label.setText(translate("MainWindow", "%n item(s) past the target", "", count))
        self.overdue_label.setToolTip(
            translate(
                "MainWindow",
                "Undecided items of this facility whose decision was due before today (the facility's "
                "target in working days). The supervisor's tools list them under Overdue items.",
            )
        )
        self.overdue_label.setVisible(count > 0)

    def show_connection(self) -> None:
        label = self.window.connection_label
        if self._connected is None:
            label.setText(translate("MainWindow", "Connecting…"))
            label.setStyleSheet("")
        elif self._connected:
            label.setText(translate("MainWindow", "Connected"))
            label.setStyleSheet("color: #1b6e1b;")
        else:
            label.setText(translate("MainWindow", "Offline: decisions are kept on this workstation"))
            label.setStyleSheet("color: #a05a00; font-weight: bold;")
        label.setToolTip(self._last_error or "")

    def show_last_sync(self) -> None:
        label = self.window.last_sync_label
        if self._last_sync_at is None:
            label.setText(translate("MainWindow", "Not synced yet"))
        else:
            style = self.window.preferences.date_style()
            label.setText(
                translate("MainWindow", "Last sync {time}").format(time=style.time(self._last_sync_at))
            )
            label.setToolTip(style.datetime(self._last_sync_at))
