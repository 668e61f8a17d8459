"""The GUI-thread collector: garbage a worker makes is collected on the GUI thread, never on the worker
(a widget in that garbage would be deleted off the GUI thread, which crashes Qt)."""

from __future__ import annotations

import gc
import threading

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.ui.common.executors import Executor
from reviewer_app.ui.common.gui_gc import GuiThreadCollector
from reviewer_app.ui.common.operations import Operation

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def gui_thread_collection() -> None:
    """Here the collector is what is tested: none runs behind the tests' backs (tests/ui/conftest.py)."""


def _collector_threads(qtbot: QtBot, executor: Executor, collector_on: bool) -> list[int]:
    """The threads the cycle collector ran on while a worker made 50 000 cycles (and a little after)."""
    gc.collect()
    collector = GuiThreadCollector(interval_ms=10) if collector_on else None
    threads: list[int] = []

    def record(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(record)
    made: list[int] = []
    try:
        Operation(lambda: _garbage_cycles(50_000)).success(made.append).run_in_background(executor)
        qtbot.waitUntil(lambda: bool(made))
        if collector is not None:
            qtbot.waitUntil(lambda: gc.get_count()[0] <= gc.get_threshold()[0])  # collected after it
    finally:
        gc.callbacks.remove(record)
        if collector is not None:
            collector.stop()
    assert made == [50_000]
    return threads


def _garbage_cycles(count: int) -> int:
    for _ in range(count):
        cycle: list[object] = []
        cycle.append(cycle)
    return count


def test_garbage_made_on_a_worker_is_collected_on_the_gui_thread(qtbot: QtBot, executor: Executor) -> None:
    """A widget left in garbage must be deleted on the GUI thread: with the desk's collector running,
    the cycle collector never runs on a worker, however much garbage the worker makes."""
    threads = _collector_threads(qtbot, executor, collector_on=True)
    assert threads, "the garbage was never collected"
    assert set(threads) == {threading.get_ident()}
    assert gc.isenabled()  # automatic collection is back once the desk has closed


def test_without_the_collector_a_worker_would_collect(qtbot: QtBot, executor: Executor) -> None:
    """What the collector prevents: Python's automatic collection runs on the allocating worker."""
    threads = _collector_threads(qtbot, executor, collector_on=False)
    assert set(threads) - {threading.get_ident()}
