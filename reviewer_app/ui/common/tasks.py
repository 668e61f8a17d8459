"""Background work for the desk: run a function off the GUI thread, get the answer back on it.

One :class:`TaskRunner` owns a ``QThreadPool`` with a single worker, so the tasks it runs happen one
after the other in the order they were submitted (database writes stay in order). The function runs
on the worker and must not touch widgets; its result or exception is delivered to ``on_done`` or
``on_error`` on the GUI thread (the thread that owns the runner) through a queued signal.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reviewer_app.qt import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


@dataclass
class _Callbacks:
    on_done: OnDone | None
    on_error: OnError | None
    name: str


class _Task(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._task_id = task_id
        self._fn = fn

    def run(self) -> None:  # on the worker thread
        try:
            result = self._fn()
        except Exception as exc:  # every failure goes back to the GUI thread
            self._runner.finished.emit(self._task_id, False, exc)
        else:
            self._runner.finished.emit(self._task_id, True, result)
        finally:
            self._fn = _done  # drop references to whatever the task closed over


def _done() -> None:
    return None


class TaskRunner(QObject):
    """Runs functions one at a time on its own worker thread; callbacks come back on the GUI thread."""

    #: (task id, succeeded, result or exception); emitted on the worker, received on the GUI thread.
    finished = Signal(int, bool, object)
    #: True while tasks are queued or running, False when the runner has become idle.
    busyChanged = Signal(bool)

    def __init__(self, name: str = "tasks", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, _Callbacks] = {}
        self._closed = False
        self.finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        return len(self._callbacks)

    def is_busy(self) -> bool:
        return bool(self._callbacks)

    def is_closed(self) -> bool:
        return self._closed

    def run(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        name: str = "",
        priority: int = 0,
    ) -> int:
        """Queue ``fn()`` for the worker; returns the task id. Call from the GUI thread only.

        Among the tasks still waiting, one with a higher ``priority`` starts first (the document shown
        now before the ones decoded ahead); tasks of equal priority run in the order submitted.
        """
        if self._closed:
            raise RuntimeError(f"task runner {self.objectName()!r} is shut down")
        task_id = next(self._ids)
        was_idle = not self._callbacks
        self._callbacks[task_id] = _Callbacks(on_done, on_error, name or getattr(fn, "__name__", "task"))
        self._pool.start(_Task(self, task_id, fn), priority)
        if was_idle:
            self.busyChanged.emit(True)
        return task_id

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, payload: object) -> None:  # on the GUI thread
        callbacks = self._callbacks.pop(task_id, None)
        try:
            if callbacks is None or self._closed:
                return
            if ok:
                if callbacks.on_done is not None:
                    callbacks.on_done(payload)
            else:
                assert isinstance(payload, BaseException)
                if callbacks.on_error is not None:
                    callbacks.on_error(payload)
                else:
                    log.error("background task %s failed", callbacks.name, exc_info=payload)
        finally:
            if not self._callbacks and not self._closed:
                self.busyChanged.emit(False)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the worker is idle (for shutdown and tests); True when it is."""
        return bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Refuse new tasks, drop queued ones not started yet, wait for the running one.

        Callbacks of tasks that finish after this are not called. Returns False when the running
        task did not end within ``timeout_ms``.
        """
        self._closed = True
        self._pool.clear()
        done = self.wait(timeout_ms)
        if not done:
            log.warning("background task still running after %d ms at shutdown", timeout_ms)
        self._callbacks.clear()
        return done
