"""The old one-runner-per-widget API, kept as a thin wrapper over :mod:`operations` for the windows
not converted yet (the print view, the supervisor tools, the statistics). New code uses
:class:`~reviewer_app.ui.common.operations.Operation` on the shared :mod:`executors`.

A runner made without an executor gets a private single-worker one, as before: its tasks run one
after the other in the order submitted (higher ``priority`` first among those waiting).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from reviewer_app.qt import QObject, Signal
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.executors import Executor
from reviewer_app.ui.common.operations import Operation, cancel_owned_by

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs functions on an executor; callbacks come back on the GUI thread (compatibility wrapper)."""

    #: True while tasks are queued or running, False when the runner has become idle.
    busyChanged = Signal(bool)

    def __init__(
        self, name: str = "tasks", parent: QObject | None = None, executor: Executor | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._own_executor = executor is None
        self.executor = executor if executor is not None else executors.register(Executor(name, 1))
        self._ops: list[Operation[Any]] = []
        self._closed = False

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        self._ops = [op for op in self._ops if not op.done]
        return len(self._ops)

    def is_busy(self) -> bool:
        return self.pending > 0

    def is_closed(self) -> bool:
        return self._closed

    def run(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        name: str = "",
        priority: int = 0,
    ) -> Operation[Any]:
        """Queue ``fn()``; call from the GUI thread only. Returns the operation (it can be cancelled)."""
        if self._closed:
            raise RuntimeError(f"task runner {self.objectName()!r} is shut down")
        was_idle = not self.is_busy()

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                self._settled()

        def failed(exc: BaseException) -> None:
            try:
                if on_error is not None:
                    on_error(exc)
                else:
                    log.error("background task %s failed", op.name, exc_info=exc)
            finally:
                self._settled()

        op: Operation[Any] = Operation(fn, owner=self, name=name).success(done).failure(failed)
        self._ops.append(op)
        op.run_in_background(self.executor, priority)
        if was_idle:
            self.busyChanged.emit(True)
        return op

    def _settled(self) -> None:
        if not self.is_busy() and not self._closed:
            self.busyChanged.emit(False)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the executor is idle (tests, and the old windows' shutdown); True when it is."""
        return self.executor.wait(timeout_ms)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Refuse new tasks, cancel the queued ones, drop every callback; a private executor is waited
        for (the old windows close their databases right after), a shared one never."""
        self._closed = True
        cancel_owned_by(self)
        self._ops.clear()
        if not self._own_executor:
            return True
        done = self.wait(timeout_ms)
        if not done:
            log.warning("background task still running after %d ms at shutdown", timeout_ms)
        return done
