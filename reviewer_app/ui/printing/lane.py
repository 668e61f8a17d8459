"""The print view's shared-database work, one job at a time in the order asked for, on the shared
network workers: a push and the refresh that shows its result never run side by side (the list read
before the push finished would be stale), and a refresh asked for while another waits is not queued
twice (a print run's notification and its push's both ask for one)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reviewer_app.qt import QObject, QTimer
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.operations import run_work


@dataclass
class _Job:
    fn: Callable[[], Any]
    done: Callable[[Any], None]
    failed: Callable[[BaseException], None]
    name: str
    kinds: tuple[str, ...] = field(default=())


class SerialLane:
    def __init__(self, owner: QObject, settled: Callable[[], None]) -> None:
        """``settled`` is called whenever a job starts or ends (the owner's buttons follow ``busy``)."""
        self._owner = owner
        self._settled = settled
        self._waiting: list[_Job] = []
        self._running = False
        self._closed = False

    def run(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        name: str,
        *kinds: str,
    ) -> None:
        """Queue a job; one with the same ``name`` still waiting makes this one unnecessary."""
        if self._closed or any(job.name == name for job in self._waiting):
            return
        self._waiting.append(_Job(fn, done, failed, name, kinds))
        self._next()

    def busy(self) -> bool:
        return self._running or bool(self._waiting)

    def close(self) -> None:
        """Nothing waiting starts any more (the owner cancels the running one: cancel_owned_by)."""
        self._closed = True
        self._waiting.clear()

    def _next(self) -> None:
        if self._running or self._closed or not self._waiting:
            return
        job = self._waiting.pop(0)
        self._running = True

        def ended(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self._running = False
                try:
                    callback(value)
                finally:
                    # After the notifications of this answer: a refresh they ask for joins the waiting one.
                    QTimer.singleShot(0, self._owner, self._next)
                    self._settled()

            return call

        # A push (it announces what it changed) must finish; a refresh is dropped when the view closes.
        run_work(
            self._owner,
            executors.network(),
            job.fn,
            ended(job.done),
            ended(job.failed),
            job.name,
            saves=job.kinds,
        )
        self._settled()
