"""Tooltips that show what a family wrote (file names, titles, messages) exactly as written.

Qt shows a tooltip as HTML when it looks like rich text (Qt::mightBeRichText: a tag near the start),
so a file name such as ``<b>bold</b>.jpg`` or ``<img src=x>`` would be rendered, not read. Every
tooltip that may carry a family's words goes through :func:`plain_tooltip`. Text Qt would take for
HTML is escaped into a paragraph that keeps its spaces and line breaks (CSS ``pre-wrap``); other text
is left as it is, which Qt already shows as plain text. Not Qt.convertFromPlainText: its HTML lets
Qt fold a full-width space (U+3000, common in Chinese text and in our findings) into an ordinary one.
"""

from __future__ import annotations

import html

from reviewer_app.qt import QtGui


def plain_tooltip(text: str | None) -> str | None:
    """`text` as a tooltip that shows it literally; None or empty (no tooltip) as it is."""
    if not text or not QtGui.Qt.mightBeRichText(text):
        return text  # the same test QToolTip makes: shown as plain text
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'
