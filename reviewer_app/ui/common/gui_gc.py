"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate past its threshold: often a
background worker (a sync, a decode). If the garbage it finds holds the last reference to a Qt widget,
the widget is then deleted on that worker, which Qt does not allow (a crash, seen in testing). So while
the desk runs, automatic collection is off and a timer on the GUI thread collects instead, with
Python's own thresholds; reference counting still frees everything else at once, wherever it is.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from reviewer_app.qt import QObject, QTimer

#: How often the GUI thread looks at the collector's counts.
INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count is past its threshold, as Python itself would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Back to automatic collection (the desk has closed)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


@contextmanager
def collecting_on_the_gui_thread(parent: QObject) -> Iterator[GuiThreadCollector]:
    """Collection on the GUI thread while a window runs (the desk, the sign-in), automatic again after."""
    collector = GuiThreadCollector(parent)
    try:
        yield collector
    finally:
        collector.stop()
        collector.deleteLater()
