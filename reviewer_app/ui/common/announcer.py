"""Says a change to a screen reader (Qt's accessibility announcement, Qt 6.8+), besides the status bar.

A decision recorded, an undo, the shared database lost or back: a sighted reviewer sees it in the
status bar, a screen reader user hears it. ``announced`` carries each text (the desk's own record
of what it said; the event itself goes to the platform's accessibility bridge, when one is active).
"""

from __future__ import annotations

from reviewer_app.qt import QAccessible, QAccessibleAnnouncementEvent, QObject, QWidget, Signal

Politeness = QAccessible.AnnouncementPoliteness


class Announcer(QObject):
    announced = Signal(str)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        #: Whether the last text said interrupted what was being read (the desk's record, as ``announced``).
        self.last_was_urgent = False

    def announce(self, text: str, *, urgent: bool = False) -> None:
        """Say ``text``: politely (after what is being read) or, when ``urgent``, at once."""
        event = QAccessibleAnnouncementEvent(self._widget, text)
        event.setPoliteness(Politeness.Assertive if urgent else Politeness.Polite)
        QAccessible.updateAccessibility(event)  # does nothing when no screen reader listens
        self.last_was_urgent = urgent
        self.announced.emit(text)
