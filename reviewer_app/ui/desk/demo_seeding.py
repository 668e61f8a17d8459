"""The first `reviewer-app demo`: the embedded demo database is filled on a worker, in a window that
says how far it has got.

Filling it draws the demo's photos and documents and takes some ten seconds. Before, nothing at all
appeared meanwhile (a line in the terminal, which a desktop shortcut does not show). 取消 stops the
seed and leaves the database as it was (a facility is written in one transaction); the next
`reviewer-app demo` starts again. An already filled database opens without this window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from reviewer_app.qt import QCoreApplication, QEventLoop, QProgressDialog, Qt, QWidget, Signal
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.operations import Operation

#: fill(progress) fills the database if it needs it; progress(done, total) reports families built
Fill = Callable[[Callable[[int, int], None]], object]


class SeedingCancelled(Exception):
    """The member cancelled the demo's seed (the facility being built was rolled back)."""


class SeedingDialog(QProgressDialog):
    """The progress of the demo's seed: families built out of all, with 取消."""

    #: (done, total) from the worker, delivered on the GUI thread
    progressed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seedingDialog")
        self.setWindowTitle(QCoreApplication.translate("Application", "Contact Book Review Desk"))
        self.setLabelText(self.tr("Creating the demo data (families, posts and their photos)…"))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setMinimumWidth(460)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setRange(0, 0)  # busy until the first family is built
        self.reset()  # stops QProgressDialog's own show timer: it is shown when the seed begins
        self.cancel_requested = threading.Event()
        self.canceled.connect(self._cancel)
        self.progressed.connect(self._show_progress)

    def report(self, done: int, total: int) -> None:
        """On the worker: say how far the seed is; stop it once the member has cancelled."""
        if self.cancel_requested.is_set():
            raise SeedingCancelled
        self.progressed.emit(done, total)

    def _show_progress(self, done: int, total: int) -> None:
        if self.cancel_requested.is_set():
            return
        if not self.isVisible():
            self.show()
        if done > 0:
            self.setRange(0, total)
            self.setValue(done)
            self.setLabelText(
                self.tr("Creating the demo data: family {done} of {total}…").format(done=done, total=total)
            )

    def _cancel(self) -> None:
        self.cancel_requested.set()
        self.setLabelText(self.tr("Stopping…"))
        self.setCancelButton(None)  # None: no button while it stops
        self.show()  # QProgressDialog hides itself when cancelled; it stays until the worker has stopped


def fill_with_progress(fill: Fill) -> None:
    """Run ``fill`` on a worker while the GUI thread keeps painting; the window appears once the seed
    begins. Raises SeedingCancelled when the member cancelled, or whatever ``fill`` raised."""
    dialog = SeedingDialog()
    loop = QEventLoop()
    outcome: dict[str, BaseException | None] = {"error": None}

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    seed = Operation(lambda: fill(dialog.report), owner=dialog, name="seed")
    seed.success(lambda _: loop.quit()).failure(failed).run_in_background(executors.network())
    loop.exec()  # the GUI thread goes on painting the dialog meanwhile
    cancelled = dialog.cancel_requested.is_set()
    dialog.hide()
    dialog.deleteLater()
    if outcome["error"] is not None:
        raise outcome["error"]
    if cancelled:
        raise SeedingCancelled  # even when it ended before it could stop: the member asked to leave
