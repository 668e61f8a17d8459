"""The GUI-thread collector: garbage a worker makes is collected on the GUI thread, never on the worker
(a widget in that garbage would be deleted off the GUI thread, which crashes Qt)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.ui.common.executors import Executor
from reviewer_app.ui.common.gui_gc import GuiThreadCollector
from reviewer_app.ui.common.operations import Operation

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def executor() -> Iterator[Executor]:
    e = Executor("garbage", 1)
    yield e
    assert e.wait(10_000)


def _collections_on(threads: list[int]) -> Callable[[str, dict[str, int]], None]:
    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    return record


def _garbage_cycles(count: int) -> int:
    for _ in range(count):
        cycle: list[object] = []
        cycle.append(cycle)
    return count


def test_garbage_made_on_a_worker_is_collected_on_the_gui_thread(qtbot: QtBot, executor: Executor) -> None:
    """A widget left in garbage must be deleted on the GUI thread: with the desk's collector running,
    the cycle collector never runs on a worker, however much garbage the worker makes."""
    gc.collect()
    collector = GuiThreadCollector(interval_ms=10)
    threads: list[int] = []
    record = _collections_on(threads)
    gc.callbacks.append(record)
    made: list[int] = []
    try:
        Operation(lambda: _garbage_cycles(50_000)).success(made.append).run_in_background(executor)
        qtbot.waitUntil(lambda: bool(made))
        qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0])  # collected after it
    finally:
        gc.callbacks.remove(record)
        collector.stop()
    assert made == [50_000]
    assert threads, "the garbage was never collected"
    assert set(threads) == {threading.get_ident()}
    assert gc.isenabled()  # automatic collection is back once the desk has closed


def test_without_the_collector_a_worker_would_collect(qtbot: QtBot, executor: Executor) -> None:
    """What the collector prevents: Python's automatic collection runs on the allocating worker."""
    gc.collect()
    threads: list[int] = []
    record = _collections_on(threads)
    gc.callbacks.append(record)
    made: list[int] = []
    try:
        Operation(lambda: _garbage_cycles(50_000)).success(made.append).run_in_background(executor)
        qtbot.waitUntil(lambda: bool(made))
    finally:
        gc.callbacks.remove(record)
    assert set(threads) - {threading.get_ident()}
