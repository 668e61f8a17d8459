"""Hold a window's background work, to see what the GUI does meanwhile: the first statement matching a
pattern waits on a gate (a real engine event, no mock) until the test lets it go (:func:`held`), or a
shared worker is kept busy (:func:`occupy`)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event

from reviewer_app.ui.common.executors import Executor
from reviewer_app.ui.common.operations import Operation


class Gate:
    def __init__(self) -> None:
        self.reached = threading.Event()  # the statement is waiting
        self.released = threading.Event()

    def release(self) -> None:
        self.released.set()


#: The gates of each engine; one listener per engine stays installed (removing a listener while a worker
#: runs a statement would change the list SQLAlchemy is going through).
_gates: dict[int, list[tuple[re.Pattern[str], Gate, threading.Lock, float]]] = {}


def _before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
    for wanted, gate, armed, most_s in list(_gates.get(id(conn.engine), [])):
        if wanted.search(statement) and armed.acquire(blocking=False):
            gate.reached.set()
            gate.released.wait(most_s)


@contextmanager
def held(engine: Engine, pattern: str, most_s: float = 5.0) -> Iterator[Gate]:
    """The first statement on ``engine`` matching ``pattern`` (a regex, case-insensitive) waits until
    the gate is released, at most ``most_s`` seconds (a window that waited for it waits that long)."""
    gate = Gate()
    entry = (re.compile(pattern, re.IGNORECASE), gate, threading.Lock(), most_s)
    if not event.contains(engine, "before_cursor_execute", _before):
        event.listen(engine, "before_cursor_execute", _before)
    _gates.setdefault(id(engine), []).append(entry)
    try:
        yield gate
    finally:
        gate.release()
        _gates[id(engine)].remove(entry)


def occupy(executor: Executor) -> threading.Event:
    """Keeps one worker of ``executor`` busy until the returned event is set (at most 5 s: a window
    that waited for that worker waits that long)."""
    busy, release = threading.Event(), threading.Event()

    def slow_work() -> None:
        busy.set()
        release.wait(5)

    Operation(slow_work, name="held by the test").run_in_background(executor)
    assert busy.wait(10)
    return release
