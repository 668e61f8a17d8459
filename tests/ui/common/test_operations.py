"""Operations: work on the shared executors, answers on the GUI thread, cancellation, owners that go
away, journal writes in order, and the change notification after a success."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import QObject, QTimer
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import CATALOGUE, DECISIONS, ITEMS, changes, listen
from reviewer_app.ui.common.executors import Executor
from reviewer_app.ui.common.operations import (
    Operation,
    cancel_owned_by,
    cancel_requested,
    in_flight,
)

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def gate(executor: Executor) -> tuple[threading.Event, threading.Event]:
    """Occupies the executor's worker until the returned ``release`` is set."""
    started, release = threading.Event(), threading.Event()

    def hold() -> None:
        started.set()
        if not release.wait(30):
            raise TimeoutError("never released")

    Operation(hold, name="gate").run_in_background(executor)
    assert started.wait(10)
    return started, release


def test_success_comes_back_on_the_gui_thread(qtbot: QtBot, executor: Executor) -> None:
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> str:
        seen["worker"] = threading.get_ident()
        return "好"

    results: list[tuple[str, int]] = []
    Operation(work).success(lambda r: results.append((r, threading.get_ident()))).run_in_background(executor)
    qtbot.waitUntil(lambda: bool(results))
    assert results == [("好", gui)]
    assert seen["worker"] != gui


def test_failure_comes_back_on_the_gui_thread(qtbot: QtBot, executor: Executor) -> None:
    def boom() -> None:
        raise ValueError("壞掉了")

    errors: list[tuple[BaseException, int]] = []
    (
        Operation(boom)
        .success(lambda _: pytest.fail("no result expected"))
        .failure(lambda e: errors.append((e, threading.get_ident())))
        .run_in_background(executor)
    )
    qtbot.waitUntil(lambda: bool(errors))
    exc, thread = errors[0]
    assert isinstance(exc, ValueError) and str(exc) == "壞掉了"
    assert thread == threading.get_ident()


def test_a_cancelled_operation_never_runs_nor_calls_back(qtbot: QtBot, executor: Executor) -> None:
    _, release = gate(executor)
    ran: list[str] = []
    called: list[object] = []
    op = Operation(lambda: ran.append("ran")).success(called.append).failure(called.append)
    op.run_in_background(executor)
    after = Operation(lambda: "after").success(called.append).run_in_background(executor)
    op.cancel()
    release.set()
    qtbot.waitUntil(lambda: op.done and after.done)
    assert ran == []
    assert called == ["after"]


def test_a_running_operation_sees_its_cancel_flag_and_stops(qtbot: QtBot, executor: Executor) -> None:
    started, steps = threading.Event(), []
    proceed = threading.Event()

    def long_job() -> int:
        started.set()
        for step in range(1000):
            if cancel_requested():
                return step
            steps.append(step)
            proceed.wait(0.01)
        return 1000

    called: list[object] = []
    op = Operation(long_job).success(called.append).failure(called.append).run_in_background(executor)
    assert started.wait(10)
    op.cancel()
    qtbot.waitUntil(lambda: op.done)
    assert len(steps) < 1000  # it stopped early
    assert called == []


def test_callbacks_are_dropped_when_the_owner_is_destroyed(qtbot: QtBot, executor: Executor) -> None:
    _, release = gate(executor)
    owner = QObject()
    ran: list[str] = []
    called: list[object] = []
    op = Operation(lambda: ran.append("ran"), owner=owner).success(called.append).run_in_background(executor)
    kept = Operation(lambda: "kept", owner=QObject()).success(called.append).run_in_background(executor)
    with qtbot.waitSignal(owner.destroyed):
        owner.deleteLater()
    release.set()
    qtbot.waitUntil(lambda: op.done and kept.done)
    assert ran == []  # not started when its owner went: cancelled
    assert called == ["kept"]


def test_a_must_finish_operation_runs_after_its_owner_closed(qtbot: QtBot, executor: Executor) -> None:
    _, release = gate(executor)
    owner = QObject()
    written: list[str] = []
    called: list[object] = []
    op = (
        Operation(lambda: written.append("decision"), owner=owner)
        .success(called.append)
        .must_finish()
        .run_in_background(executor)
    )
    dropped = Operation(lambda: written.append("reload"), owner=owner).run_in_background(executor)
    cancel_owned_by(owner)
    assert in_flight(owner) == 2  # nothing waited for: the answers are still to come
    release.set()
    qtbot.waitUntil(lambda: op.done and dropped.done)
    assert written == ["decision"]
    assert called == []


def test_journal_writes_run_one_at_a_time_in_the_order_asked(qtbot: QtBot) -> None:
    order: list[int] = []
    overlapped: list[int] = []
    running = threading.Semaphore(1)

    def write(n: int) -> int:
        if not running.acquire(blocking=False):
            overlapped.append(n)
        order.append(n)
        running.release()
        return n

    delivered: list[int] = []
    owners = [QObject(), QObject()]  # two windows writing to the same journal
    ops = [
        Operation(lambda n=n: write(n), owner=owners[n % 2])
        .success(delivered.append)
        .run_in_background(executors.journal())
        for n in range(25)
    ]
    qtbot.waitUntil(lambda: all(op.done for op in ops))
    assert order == list(range(25))
    assert delivered == list(range(25))
    assert overlapped == []


def test_a_success_announces_its_changes_and_a_failure_does_not(qtbot: QtBot, executor: Executor) -> None:
    heard: list[tuple[frozenset[str], object]] = []

    def listen(kinds: frozenset[str], origin: object) -> None:
        heard.append((kinds, origin))

    changes().items_changed.connect(listen)
    owner = QObject()

    def boom() -> None:
        raise RuntimeError("refused")

    failed = Operation(boom, owner=owner).failure(lambda _e: None).changes(DECISIONS)
    failed.run_in_background(executor)
    qtbot.waitUntil(lambda: failed.done)
    with qtbot.waitSignal(changes().items_changed, timeout=10_000):
        Operation(lambda: 1, owner=owner).changes(DECISIONS, ITEMS).run_in_background(executor)
    changes().items_changed.disconnect(listen)
    assert heard == [(frozenset({DECISIONS, ITEMS}), owner)]


def test_the_gui_keeps_processing_events_while_a_slow_operation_runs(
    qtbot: QtBot, executor: Executor
) -> None:
    gui_thread = threading.get_ident()
    started, release = threading.Event(), threading.Event()
    seen: dict[str, int] = {}
    results: list[str] = []

    def slow() -> str:
        seen["worker"] = threading.get_ident()
        started.set()
        if not release.wait(30):  # only the test lets it finish
            raise TimeoutError("never released")
        return "done"

    def done(value: str) -> None:
        seen["callback"] = threading.get_ident()
        results.append(value)

    owner = QObject()
    Operation(slow, owner=owner).success(done).run_in_background(executor)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(threading.get_ident()))
    timer.start()
    try:
        # The work is blocked on the event, and the GUI thread still runs its timers meanwhile.
        qtbot.waitUntil(lambda: started.is_set() and len(ticks) >= 3)
        assert not results and in_flight(owner) == 1
        assert set(ticks) == {gui_thread}
    finally:
        release.set()
        timer.stop()
    qtbot.waitUntil(lambda: results == ["done"])
    assert seen["worker"] != gui_thread and seen["callback"] == gui_thread
    assert in_flight(owner) == 0


def test_a_listener_hears_its_kinds_until_it_stops(qtbot: QtBot) -> None:
    owner = QObject()
    heard: list[frozenset[str]] = []
    listener = listen(owner, {CATALOGUE}, lambda kinds, _origin: heard.append(kinds))
    changes().notify({DECISIONS})  # not a kind it shows
    changes().notify({CATALOGUE, DECISIONS}, owner)
    listener.stop()
    listener.stop()  # a window may close twice
    changes().notify({CATALOGUE})
    assert heard == [frozenset({CATALOGUE, DECISIONS})]
