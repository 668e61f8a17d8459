"""TaskRunner (the compatibility wrapper over operations): work off the GUI thread, answers back on
it, in order, without freezing the GUI."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import QTimer
from reviewer_app.ui.common.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    r = TaskRunner("test")
    yield r
    r.shutdown(10_000)


def test_gui_keeps_processing_events_while_a_slow_task_runs(qtbot: QtBot, runner: TaskRunner) -> None:
    gui_thread = threading.get_ident()
    release = threading.Event()
    started = threading.Event()
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

    runner.run(slow, done)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(threading.get_ident()))
    timer.start()
    try:
        # The task is blocked on the event, and the GUI thread still runs its timers meanwhile.
        qtbot.waitUntil(lambda: started.is_set() and len(ticks) >= 3)
        assert not results
        assert runner.is_busy()
        assert set(ticks) == {gui_thread}
    finally:
        release.set()
        timer.stop()
    qtbot.waitUntil(lambda: results == ["done"])
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread
    assert not runner.is_busy()


def test_errors_come_back_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[tuple[BaseException, int]] = []

    def boom() -> None:
        raise ValueError("壞掉了")

    runner.run(
        boom,
        lambda _: pytest.fail("no result expected"),
        lambda e: errors.append((e, threading.get_ident())),
    )
    qtbot.waitUntil(lambda: bool(errors))
    exc, thread = errors[0]
    assert isinstance(exc, ValueError) and str(exc) == "壞掉了"
    assert thread == threading.get_ident()


def test_tasks_run_one_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    order: list[int] = []
    callbacks: list[int] = []
    running = threading.Semaphore(1)
    overlapped: list[int] = []

    def task(n: int) -> int:
        if not running.acquire(blocking=False):
            overlapped.append(n)
        order.append(n)
        running.release()
        return n

    for n in range(25):
        runner.run(functools.partial(task, n), callbacks.append)
    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: busy is False):
        pass
    assert order == list(range(25))
    assert callbacks == list(range(25))
    assert overlapped == []


def test_a_shut_down_runner_refuses_work_and_drops_callbacks(qtbot: QtBot) -> None:
    runner = TaskRunner("closing")
    returned = threading.Event()
    called: list[object] = []

    def task() -> int:
        returned.set()
        return 1

    op = runner.run(task, called.append)
    assert returned.wait(10)  # no events processed: its answer waits in the GUI thread's queue
    assert runner.shutdown(10_000)
    with pytest.raises(RuntimeError):
        runner.run(lambda: 2)
    qtbot.waitUntil(lambda: op.done)  # the answer reached the GUI thread…
    assert called == []  # …and was dropped
