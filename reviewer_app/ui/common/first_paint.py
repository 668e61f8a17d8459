"""Work that can wait until a window is on screen: run it just after the first paint.

The sign-in window is the first thing a member sees each day; whatever it does not need (the single
desk's local socket, loading the desk's modules) starts once it has painted, so that it does not
delay it. ``after_first_paint(widget, fn)`` waits for that widget's first paint; given the
application, for the first paint of any widget; with ``when``, for the first paint at which ``when()``
holds (a queue's first paint with rows, say).
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer_app.qt import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    def __init__(self, watched: QObject, then: Callable[[], object], when: Callable[[], bool] | None) -> None:
        super().__init__(watched)  # lives as long as what it watches, unless it has fired
        self._watched = watched
        self._then = then
        self._when = when
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and (self._when is None or self._when()):
            self._watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # once this paint is done and on screen
            self.deleteLater()
        return False


def after_first_paint(
    watched: QObject, then: Callable[[], object], when: Callable[[], bool] | None = None
) -> None:
    """Run ``then`` once on the GUI thread right after ``watched`` (a widget, or the application for
    any widget) has painted for the first time (the first time ``when()`` held as it painted)."""
    _FirstPaint(watched, then, when)
