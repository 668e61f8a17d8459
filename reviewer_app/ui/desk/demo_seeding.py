"""The first `reviewer-app demo`: the desk opens at once and the demo data arrives behind it.

Filling the demo database draws its photos and documents and takes some seconds. The seed writes
the facility and its staff first (a tenth of a second), which is all the desk needs to open: it is
shown then, says 示範資料準備中… in its status bar, and its first sync waits on its worker until the
first families (rule problems, some seconds) are committed, then fills the queue; the other
families, the history and the appeals arrive behind it, committed a few at a time, and a sync
brings them as soon as the seed is over. Closing the desk before the first families are in stops the
seed and leaves the database as it was (they are written in one transaction); the next
`reviewer-app demo` starts again. Closed later, the seed finishes before the process exits (what is
committed is kept, so it must be whole).

A member opening the demo as someone other than the reviewer (``--user``) waits for the whole seed
in a window that says how far it has got (:class:`SeedingDialog`): the other windows read the shared
database directly, and would show it empty.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer_app.qt import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QLabel,
    QMainWindow,
    QObject,
    QProgressDialog,
    Qt,
    QWidget,
    Signal,
)
from reviewer_app.ui.common.executors import Executor
from reviewer_app.ui.common.first_paint import after_first_paint
from reviewer_app.ui.common.operations import Operation

if TYPE_CHECKING:  # the seed's modules load on its worker, not before it starts
    from reviewer_app.demo.seed import DemoStaff

# fill(progress, staff_ready, queue_ready) fills the database if it needs it (on a worker);
# progress(done, total) reports families built, staff_ready(staff) who can open the desk, as soon as
# they are written, queue_ready() that the first families are committed (None: commit all at once).
Fill = Callable[
    [Callable[[int, int], None], Callable[[list["DemoStaff"]], None], Callable[[], None] | None], object
]


#: How long the seed waits, once the first families are in, for the desk to show them: the desk's
#: first pull and paint get the cores (the rest of the seed draws pictures on both of them).
FIRST_ROWS_WAIT_S = 5.0


class SeedingCancelled(Exception):
    """The member cancelled the demo's seed (the facility being built was rolled back)."""


class DemoSeeding(QObject):
    """The demo's seed on a worker of its own, and what the desk shows of it."""

    # the staff of the facility being filled (list[DemoStaff]), on the GUI thread
    staffReady = Signal(object)
    # (done, total) families, from the worker
    progressed = Signal(int, int)
    # the same, once DemoSeeding has it on the GUI thread: a window made after an emit of
    # `progressed` was queued starts from `last_progress` and misses no count after it
    progressSeen = Signal(int, int)
    # the seed is over: None when it worked (or there was nothing to fill), else the exception
    ended = Signal(object)

    def __init__(self, fill: Fill, *, early_queue: bool = True) -> None:
        """``early_queue``: the desk opens on the first families (the demo reviewer's); False when
        the member waits for the whole seed (another role's windows read everything at once)."""
        super().__init__()
        self._fill = fill
        self._early_queue = early_queue
        # Set on the worker when the seed is over, whichever way.
        self.over = threading.Event()
        # Set on the worker once the first families are committed (or the seed is over): the desk's
        # first sync waits for it. From then on the seed is no longer cancelled.
        self.queue_ready = threading.Event()
        # Set once the desk has painted its first rows (or the member left): the seed goes on then.
        self.first_rows_shown = threading.Event()
        self.cancel_requested = threading.Event()
        self.staff: list[DemoStaff] | None = None
        # The last (done, total) that reached the GUI thread: a window opened later starts from it.
        self.last_progress: tuple[int, int] | None = None
        self.error: BaseException | None = None
        # Set on the worker: the member cancelled and the seed stopped (nothing of it was kept).
        self.rolled_back = False
        self._ended = False
        self._cancelled = False
        self._window: QMainWindow | None = None
        # Its own worker: the seed takes many seconds, the shared network workers sync meanwhile.
        self._executor = Executor("demo seed", 1)
        self.staffReady.connect(self._staff_ready)
        self.progressed.connect(self._progressed)
        self.ended.connect(self._end)

    # ---- the worker ----------------------------------------------------------------------------

    def start(self) -> None:
        seed = Operation(self._work, owner=self, name="seed")
        seed.success(lambda _: self.ended.emit(None)).failure(self.ended.emit).run_in_background(
            self._executor
        )

    def _work(self) -> object:
        try:
            return self._fill(
                self._report, self.staffReady.emit, self._first_families_in if self._early_queue else None
            )
        except SeedingCancelled:
            self.rolled_back = True
            raise
        finally:
            self.queue_ready.set()
            self.over.set()

    def _first_families_in(self) -> None:
        """On the worker: the desk's first sync may pull; the seed waits for the rows to be shown."""
        self.queue_ready.set()
        self.first_rows_shown.wait(FIRST_ROWS_WAIT_S)

    def _report(self, done: int, total: int) -> None:
        """On the worker: how far the seed is; it stops here once the member has cancelled, unless
        the first families are committed already (the seed then ends whole, not half)."""
        if self.cancel_requested.is_set() and not self.queue_ready.is_set():
            raise SeedingCancelled
        self.progressed.emit(done, total)

    # ---- the GUI thread ------------------------------------------------------------------------

    def _staff_ready(self, staff: list[DemoStaff]) -> None:
        self.staff = staff

    def _progressed(self, done: int, total: int) -> None:
        self.last_progress = (done, total)
        self.progressSeen.emit(done, total)

    def follow_progress(self, slot: Callable[[int, int], None]) -> None:
        """``slot(done, total)`` now with the last count heard (if any), then with every one after it."""
        self.progressSeen.connect(slot)
        if self.last_progress is not None:
            slot(*self.last_progress)

    def _end(self, error: BaseException | None) -> None:
        self._ended = True
        self.error = error

    def is_over(self) -> bool:
        """The seed's answer has reached the GUI thread."""
        return self._ended

    def cancel(self) -> None:
        """Stop the seed (its facility is rolled back); nothing happens once it is over."""
        if not self.over.is_set():
            self._cancelled = True
            self.cancel_requested.set()
            self.first_rows_shown.set()

    def wait_for_staff(self) -> list[DemoStaff] | None:
        """Run the GUI thread's events until the staff are written or the seed is over. The staff, or
        None when the seed ended without writing any (the database was filled before). Raises what
        the seed raised."""
        loop = QEventLoop()
        self.staffReady.connect(loop.quit)
        self.ended.connect(loop.quit)
        if self.staff is None and not self._ended:
            loop.exec()
        self.staffReady.disconnect(loop.quit)
        self.ended.disconnect(loop.quit)
        if self.staff is None and self.error is not None:
            raise self.error
        return self.staff

    def wait_with_progress(self) -> None:
        """The whole seed, in a window counting the families; raises SeedingCancelled when the member
        cancelled, or whatever the seed raised."""
        if not self._ended:  # else the database was filled before: no window to flash
            dialog = SeedingDialog(self)
            loop = QEventLoop()
            self.ended.connect(loop.quit)
            loop.exec()  # the GUI thread goes on painting the dialog meanwhile
            self.ended.disconnect(loop.quit)
            dialog.hide()
            dialog.deleteLater()
        if self.error is not None:
            raise self.error
        if self._cancelled:
            raise SeedingCancelled  # even when it ended before it could stop: the member asked to leave

    def finish(self, timeout_ms: int = 60_000) -> bool:
        """Process exit: cancel the seed if it still runs and wait for its worker (a roll-back, or
        the rest of the seed when the first families are in)."""
        self.cancel()
        return self._executor.wait(timeout_ms)

    def attach(self, window: QMainWindow) -> None:
        """Say 示範資料準備中… in the window's status bar until the data is in; closing the window
        stops the seed."""
        if self._ended:
            return
        from reviewer_app.ui.desk.main_window import MainWindow

        # The families after the first ones are pulled as soon as they are all in, not at the minute's sync.
        sync_now = window.sync_controller.sync_now if isinstance(window, MainWindow) else None
        label = SeedingLabel(window, sync_now)
        window.statusBar().insertWidget(0, label)
        self.follow_progress(label.progressed)
        self.ended.connect(label.ended)
        self._window = window
        window.installEventFilter(self)
        if isinstance(window, MainWindow):
            queue = window.table
            after_first_paint(
                queue.viewport(),
                self.first_rows_shown.set,
                when=lambda: queue.model() is not None and queue.model().rowCount() > 0,
            )
        else:
            self.first_rows_shown.set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.cancel()
        return False


class SeedingLabel(QLabel):
    """The desk's status bar while the demo data arrives (a method of a widget: a signal still queued
    when the window is gone goes nowhere)."""

    def __init__(self, parent: QWidget, sync_now: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self._sync_now = sync_now
        self.setObjectName("demoSeeding")
        self.setText(self.tr("Preparing the demo data…"))

    def progressed(self, done: int, total: int) -> None:
        if done > 0:
            self.setText(
                self.tr("Preparing the demo data: family {done} of {total}…").format(done=done, total=total)
            )

    def ended(self, error: BaseException | None) -> None:
        if error is None or isinstance(error, SeedingCancelled):
            self.hide()
            self.deleteLater()
            if error is None and self._sync_now is not None:
                self._sync_now()
        else:
            self.setStyleSheet("color: #b00020;")
            self.setText(self.tr("The demo data could not be created: {error}").format(error=error))


class SeedingDialog(QProgressDialog):
    """The progress of the demo's seed: families built out of all, with 取消."""

    def __init__(self, seeding: DemoSeeding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seeding = seeding
        self.setObjectName("seedingDialog")
        self.setWindowTitle(QCoreApplication.translate("Application", "Contact Book Review Desk"))
        self.setLabelText(self.tr("Creating the demo data (families, posts and their photos)…"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setMinimumWidth(460)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setRange(0, 0)  # busy until the first family is built
        self.reset()  # stops QProgressDialog's own 4-second show timer: it is shown now
        self.canceled.connect(self._cancel)
        seeding.follow_progress(self._show_progress)  # from the families built before it opened
        self.show()

    def _show_progress(self, done: int, total: int) -> None:
        if self.seeding.cancel_requested.is_set():
            return
        if done > 0:
            self.setRange(0, total)
            self.setValue(done)
            self.setLabelText(
                self.tr("Creating the demo data: family {done} of {total}…").format(done=done, total=total)
            )

    def reject(self) -> None:
        """Escape when the 取消 button's own shortcut did not take it: the same as 取消. (A dialog's
        reject hides it; the seed would go on and the desk open, as if nothing had been asked.)"""
        self._cancel()

    def _cancel(self) -> None:
        self.seeding.cancel()
        self.setLabelText(self.tr("Stopping…"))
        self.setCancelButton(None)  # None: no button while it stops
        self.show()  # QProgressDialog hides itself when cancelled; it stays until the worker has stopped
