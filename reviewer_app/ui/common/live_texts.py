"""Texts that follow the desk's language while it runs (设定 > 語言 needs no restart).

A widget's fixed words (a button, a placeholder, a column header) are said once through a
:class:`LiveTexts`: ``texts.bind(button.setText, lambda: self.tr("Approve"))`` sets the text now and
keeps how to say it, and ``texts.retranslate()`` says them all again in the language installed now.
Each widget calls it from its ``changeEvent`` on ``QEvent.LanguageChange``, which Qt sends to every
widget when a translator is installed or removed (:func:`~reviewer_app.ui.common.i18n.apply_language`).
Words made from data (the queue's rows, the item shown, the connection) are worded again by the
widget's own refresh, not here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from reviewer_app.qt import QAbstractItemView, QEvent, QLabel, Qt, QTableView, QTreeView, QWidget

log = logging.getLogger(__name__)

Say = Callable[[], str]


class LiveTexts:
    def __init__(self) -> None:
        self._bound: list[tuple[Callable[[str], object], Say]] = []

    def bind(self, setter: Callable[[str], object], say: Say) -> str:
        """Set a text with ``setter`` now and again at each language change; the text set."""
        text = say()
        setter(text)
        self._bound.append((setter, say))
        return text

    def retranslate(self) -> None:
        kept = []
        for setter, say in self._bound:
            try:
                setter(say())
            except RuntimeError:  # its widget was deleted (a row's label rebuilt): nothing to say
                continue
            kept.append((setter, say))
        self._bound = kept


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


def repaint_views(widget: QWidget) -> None:
    """The item views inside ``widget`` ask their models again for their headers and cells: models
    that word them when asked (most here) show the new language."""
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        # Only views with column headers: a list's model (a QListWidget's) keeps columnCount() private.
        if isinstance(view, QTableView | QTreeView) and model is not None and model.columnCount() > 0:
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        view.viewport().update()


def label(texts: LiveTexts, say: Say) -> QLabel:
    """A label whose words follow the language."""
    made = QLabel()
    texts.bind(made.setText, say)
    return made
