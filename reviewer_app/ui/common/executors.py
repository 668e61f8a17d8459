"""The few worker pools the whole application shares, instead of one thread per widget.

- :func:`journal` — one worker: the local journal's reads and writes happen one after the other,
  in the order they were asked for (a decision, then the reload that shows it).
- :func:`network` — the shared database and sync (two workers: a sign-in is never stuck behind a
  slow sync; the desk itself never starts a second sync while one runs).
- :func:`documents` — fetching and decoding documents (one worker, the shown document first).

The GUI thread never waits for them. At process exit :func:`finish_all` (run by ``run_desk`` after
the windows are gone, and again by ``atexit``) lets the work that must finish, such as a decision
being written to the journal, finish.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time

from reviewer_app.qt import QRunnable, QThreadPool

log = logging.getLogger(__name__)

#: How long the process waits at exit for the background work still running (a journal write takes
#: milliseconds; a sync stuck on an unreachable server is given up on after this).
EXIT_WAIT_MS = 30_000


class Executor:
    """A named ``QThreadPool``; knows how many jobs it has queued or running."""

    def __init__(self, name: str, workers: int, *, keep_threads: bool = False) -> None:
        self.name = name
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(workers)
        if keep_threads:  # the shared ones: their threads stay for the whole session
            self._pool.setExpiryTimeout(-1)
        self._lock = threading.Lock()
        self._outstanding = 0
        self._idle = threading.Condition(self._lock)

    def start(self, runnable: QRunnable, priority: int = 0) -> None:
        """Queue ``runnable``; among waiting jobs a higher ``priority`` starts first, equal ones in order."""
        with self._lock:
            self._outstanding += 1
        self._pool.start(runnable, priority)

    def job_ended(self) -> None:
        """Called by the job itself (on its worker) as its very last step."""
        with self._lock:
            self._outstanding -= 1
            if self._outstanding == 0:
                self._idle.notify_all()

    def outstanding(self) -> int:
        with self._lock:
            return self._outstanding

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until no job is queued or running; True when that happened in time.

        Never call it on the GUI thread of a running window (tests and process exit only)."""
        deadline = None if timeout_ms < 0 else time.monotonic() + timeout_ms / 1000
        with self._lock:
            while self._outstanding:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._idle.wait(remaining)
        return True


_lock = threading.Lock()
_executors: dict[str, Executor] = {}
_WORKERS = {"journal": 1, "network": 2, "documents": 1}


def _shared(name: str) -> Executor:
    with _lock:
        executor = _executors.get(name)
        if executor is None:
            executor = _executors[name] = Executor(name, _WORKERS.get(name, 1), keep_threads=True)
        return executor


def journal() -> Executor:
    return _shared("journal")


def network() -> Executor:
    return _shared("network")


def documents() -> Executor:
    return _shared("documents")


def finish_all(timeout_ms: int = EXIT_WAIT_MS) -> bool:
    """Wait for every executor to run out of work (process exit, tests); True when all did in time.

    The journal goes first, then the others: a sync still running may be writing to the journal too."""
    with _lock:
        executors = list(_executors.values())
    deadline = time.monotonic() + timeout_ms / 1000
    done = True
    for executor in sorted(executors, key=lambda e: e.name != "journal"):
        left = max(0, int((deadline - time.monotonic()) * 1000))
        if not executor.wait(left):
            log.error("background work on %r still running at exit", executor.name)
            done = False
    return done


atexit.register(finish_all)
