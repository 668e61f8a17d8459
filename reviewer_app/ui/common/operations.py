"""Background work, one way for the whole application (after Anki's ``aqt.operations``).

    Operation(work, owner=self, name="decide").success(self._decided).failure(self._failed) \\
        .changes(DECISIONS).must_finish().run_in_background(executors.journal())

``work()`` runs on one of the shared :mod:`executors` and must not touch widgets. Its result goes to the
``success`` callback, or its exception to ``failure`` (logged when there is none), on the GUI thread.
Callbacks are dropped when the operation was cancelled or its owner is gone (destroyed, or closed:
:func:`cancel_owned_by`). A cancelled operation that has not started never runs; a running one can
look at :func:`cancel_requested` (or call :func:`raise_if_cancelled`) between steps. An operation
marked :meth:`must_finish` (a journal write) still runs when its owner closes, only its callbacks are
dropped: the window closes at once and the write ends in the background (the process waits for it at
exit, :func:`executors.finish_all`). After a success the operation's change kinds are announced
(:mod:`changes`).

A window's usual read or write is :func:`run_work`; :class:`BackgroundWidget` gives a window the
listening to changes and the close that returns at once.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from reviewer_app.qt import QCloseEvent, QObject, QRunnable, QWidget, Signal, Slot
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import Listener, listen, on_gui_thread
from reviewer_app.ui.common.changes import changes as change_notifier
from reviewer_app.ui.common.executors import Executor

log = logging.getLogger(__name__)

T = TypeVar("T")


class OperationCancelled(Exception):
    """Raised by :func:`raise_if_cancelled` inside an operation that was cancelled."""


_current = threading.local()  # the cancel flag of the operation running on this worker


def cancel_requested() -> bool:
    """On a worker: has the operation running here been cancelled? (False outside an operation.)"""
    flag: threading.Event | None = getattr(_current, "cancel", None)
    return flag is not None and flag.is_set()


def raise_if_cancelled() -> None:
    if cancel_requested():
        raise OperationCancelled


class _Relay(QObject):
    """Carries answers from the workers to the GUI thread (a queued signal)."""

    finished = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver)

    @Slot(int, bool, object)
    def _deliver(self, op_id: int, ok: bool, payload: object) -> None:
        op = _live.pop(op_id, None)
        if op is not None:
            op._delivered(ok, payload)


_relay: _Relay | None = None
_ids = itertools.count(1)
#: Operations started and not delivered yet, by id (touched on the GUI thread only).
_live: dict[int, Operation[Any]] = {}
_watched_owners: set[int] = set()


def _relay_on_gui_thread() -> _Relay:
    global _relay
    if _relay is None:
        _relay = on_gui_thread(_Relay())
    return _relay


class _Job(QRunnable):
    def __init__(
        self, op_id: int, fn: Callable[[], Any], cancel: threading.Event, executor: Executor
    ) -> None:
        super().__init__()
        self._op_id, self._fn, self._cancel, self._executor = op_id, fn, cancel, executor
        self._relay = _relay_on_gui_thread()

    def run(self) -> None:  # on the worker
        ok: bool
        payload: object
        fn, self._fn = self._fn, _nothing  # the closure is dropped here, not later on the GUI thread's watch
        try:
            if self._cancel.is_set():
                ok, payload = False, OperationCancelled()
            else:
                _current.cancel = self._cancel
                try:
                    ok, payload = True, fn()
                except Exception as exc:  # every failure goes back to the GUI thread
                    ok, payload = False, exc
                finally:
                    _current.cancel = None
            del fn
            self._relay.finished.emit(self._op_id, ok, payload)
        finally:
            self._executor.job_ended()


def _nothing() -> None:
    return None


class Operation(Generic[T]):
    """One piece of background work and what to do with its answer; see the module's text."""

    def __init__(self, fn: Callable[[], T], *, owner: QObject | None = None, name: str = "") -> None:
        self._fn = fn
        self.owner = owner
        self.name = name or getattr(fn, "__name__", "operation")
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._kinds: frozenset[str] = frozenset()
        self._must_finish = False
        self._cancel = threading.Event()
        self._detached = False
        self._id = 0
        self.done = False  # the answer came back (whether or not a callback ran)

    # ---- describing ---------------------------------------------------------------------------

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        self._on_failure = callback
        return self

    def changes(self, *kinds: str) -> Operation[T]:
        """The kinds of data a success changed: announced on :func:`changes.changes` afterwards."""
        self._kinds = frozenset(kinds)
        return self

    def must_finish(self) -> Operation[T]:
        """Runs even when its owner closes (a journal write); only the callbacks are dropped then."""
        self._must_finish = True
        return self

    # ---- running ------------------------------------------------------------------------------

    def run_in_background(self, executor: Executor | None = None, priority: int = 0) -> Operation[T]:
        """Queue the work (from the GUI thread). Among waiting jobs a higher ``priority`` goes first."""
        if self._id:
            raise RuntimeError(f"operation {self.name!r} was started already")
        executor = executor if executor is not None else executors.journal()
        self._id = next(_ids)
        _live[self._id] = self
        if self.owner is not None:
            _watch(self.owner)
        executor.start(_Job(self._id, self._fn, self._cancel, executor), priority)
        self._fn = _nothing  # type: ignore[assignment]  # the worker holds the work now
        return self

    def cancel(self) -> None:
        """Its callbacks never run; not started yet, it never runs; running, it may stop early."""
        self._cancel.set()
        self._detached = True

    def detach(self) -> None:
        """Drop the callbacks but let the work run on (what closing its owner does to a must-finish one)."""
        self._detached = True

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _delivered(self, ok: bool, payload: object) -> None:  # on the GUI thread
        self.done = True
        dropped = self._detached or self._cancel.is_set()
        if ok:
            if not dropped and self._on_success is not None:
                self._on_success(payload)  # type: ignore[arg-type]
            # The work was done (even for an owner gone since): whoever shows the data hears of it.
            change_notifier().notify(self._kinds, self.owner)
            return
        assert isinstance(payload, BaseException)
        if isinstance(payload, OperationCancelled):
            return  # it stopped because it was asked to
        if not dropped and self._on_failure is not None:
            self._on_failure(payload)
        else:  # nobody else will hear of it
            log.error("background operation %s failed", self.name, exc_info=payload)


def _watch(owner: QObject) -> None:
    """When ``owner`` is destroyed its operations are dropped (once per owner, not per operation)."""
    key = id(owner)
    if key in _watched_owners:
        return
    _watched_owners.add(key)

    def destroyed(_obj: object = None) -> None:
        _watched_owners.discard(key)
        for op in list(_live.values()):
            if op.owner is not None and id(op.owner) == key:
                _drop(op)
                op.owner = None

    owner.destroyed.connect(destroyed)


def _drop(op: Operation[Any]) -> None:
    if op._must_finish:
        op.detach()
    else:
        op.cancel()


def cancel_owned_by(owner: QObject, also: Iterable[QObject] = ()) -> None:
    """The owner is closing: its operations are cancelled, the must-finish ones only lose their callbacks."""
    owners = {id(owner), *(id(o) for o in also)}
    for op in list(_live.values()):
        if op.owner is not None and id(op.owner) in owners:
            _drop(op)


def in_flight(owner: QObject | None = None) -> int:
    """Operations (of ``owner``, or all) whose answer has not come back to the GUI thread yet."""
    return sum(1 for op in _live.values() if owner is None or op.owner is owner)


def run_work(
    owner: QObject,
    executor: Executor,
    fn: Callable[[], T],
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
    name: str,
    *,
    saves: Iterable[str] = (),
) -> Operation[T]:
    """A window's usual operation: a read; with ``saves`` (the kinds of data it changes) a write that
    must finish and announces them."""
    operation = Operation(fn, owner=owner, name=name).success(done).failure(failed)
    kinds = tuple(saves)
    if kinds:
        operation.changes(*kinds).must_finish()
    return operation.run_in_background(executor)


class BackgroundWidget(QWidget):
    """A window whose background work is operations it owns, reloading on the changes it listens to
    (:meth:`listen_to`). Closing it returns at once: it stops listening, its reads are cancelled and
    its must-finish writes end in the background (:func:`cancel_owned_by`)."""

    _listener: Listener | None = None

    def listen_to(self, kinds: Iterable[str], heard: Callable[[frozenset[str], object], None]) -> None:
        self._listener = listen(self, kinds, heard)

    def is_busy(self) -> bool:
        """Some of its work has not answered yet."""
        return in_flight(self) > 0

    def shutdown(self) -> None:
        if self._listener is not None:
            self._listener.stop()
        cancel_owned_by(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
