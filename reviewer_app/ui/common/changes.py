"""One signal for "the data changed": the windows listen to it instead of each reloading after its own
writes.

An operation that wrote something says which kinds of data it changed
(``Operation(...).changes(DECISIONS)``); after it succeeded, :func:`changes` emits
``items_changed(kinds, origin)`` on the GUI thread. The desk reloads its queue on ``DECISIONS`` or
``ITEMS``, a print view its list on ``PRINTED``, a supervisor tool its table on its own kind; a
window that also changed something shows it at once and may skip the notification it caused
(``origin`` is the operation's owner).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from reviewer_app.qt import QCoreApplication, QObject, Signal, Slot

#: A decision was recorded, undone or synced (the queue's statuses and counts).
DECISIONS = "decisions"
#: Opening a document found what changes how the rules judge its item (R7: its real type or size,
#: or that it cannot be shown).
DOCUMENTS = "documents"
#: Items were claimed, released or taken off the queue (a pull).
ITEMS = "items"
#: The rejection reasons' catalogue.
CATALOGUE = "catalogue"
#: A family's suspension was set or lifted.
SUSPENSIONS = "suspensions"
#: Posts were printed or their print marks changed (a print run, or its records pushed).
PRINTED = "printed"
#: Hand-overs of printed posts were recorded.
HANDOVERS = "handovers"
#: A family's strike was dismissed.
STRIKES = "strikes"


class Changes(QObject):
    #: (frozenset of kinds, the object that caused it or None); on the GUI thread.
    items_changed = Signal(object, object)

    def notify(self, kinds: Iterable[str], origin: object = None) -> None:
        wanted = frozenset(kinds)
        if wanted:
            self.items_changed.emit(wanted, origin)


Q = TypeVar("Q", bound=QObject)


def on_gui_thread(obj: Q) -> Q:
    """``obj`` lives on the application's (GUI) thread: its slots run there, whoever emits."""
    app = QCoreApplication.instance()
    if app is not None:
        obj.moveToThread(app.thread())
    return obj


_changes: Changes | None = None


def changes() -> Changes:
    """The application's one notifier (made on first use)."""
    global _changes
    if _changes is None:
        _changes = on_gui_thread(Changes())
    return _changes


class Listener(QObject):
    """Calls ``heard(kinds, origin)`` when one of ``kinds`` changed, until :meth:`stop` or until its
    owner is destroyed (it is the owner's child: Qt then disconnects it)."""

    def __init__(
        self, owner: QObject, kinds: Iterable[str], heard: Callable[[frozenset[str], object], None]
    ) -> None:
        super().__init__(owner)
        self._kinds = frozenset(kinds)
        self._heard = heard
        self._listening = True
        changes().items_changed.connect(self._changed)

    @Slot(object, object)
    def _changed(self, kinds: frozenset[str], origin: object) -> None:
        if self._listening and kinds & self._kinds:
            self._heard(kinds, origin)

    def stop(self) -> None:
        """A closed window hears nothing more (it may close twice)."""
        if self._listening:
            self._listening = False
            changes().items_changed.disconnect(self._changed)


def listen(owner: QObject, kinds: Iterable[str], heard: Callable[[frozenset[str], object], None]) -> Listener:
    """``owner`` reloads on the kinds of data it shows: ``listen(self, {PRINTED}, self._changed)``."""
    return Listener(owner, kinds, heard)
