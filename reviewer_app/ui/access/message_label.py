"""The message line of the sign-in and unlock dialogs: word-wrapped, with room of its own.

A word-wrapped QLabel only tells how tall it must be for a given width, which a dialog's layout does
not ask: a three-line message then squeezed the fields above it (to 13 px) or was cut off. This label
keeps a minimum height of the lines its text needs at its width (at least ``lines``, so a short
message does not make the dialog jump), and the dialog grows with it.
"""

from __future__ import annotations

from reviewer_app.qt import QLabel, QResizeEvent, QWidget

#: The width the dialogs give their message: the longest (a server that cannot be reached) in three lines.
DIALOG_WIDTH_IN_CHARACTERS = 34


def dialog_width(widget: QWidget) -> int:
    return widget.fontMetrics().horizontalAdvance("字") * DIALOG_WIDTH_IN_CHARACTERS


class MessageLabel(QLabel):
    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        # By their names through Qt's property system: looking up PySide6's Qt namespace (all of
        # Qt's enums) costs 20 ms, a tenth of the sign-in window's start, before it is on screen.
        self.setProperty("alignment", "AlignLeft|AlignTop")
        self.setProperty("textInteractionFlags", "TextSelectableByMouse")  # to copy for IT
        self._lines = lines
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        reserved = self.fontMetrics().lineSpacing() * self._lines
        width = self.width() if self.isVisible() else dialog_width(self)
        self.setMinimumHeight(max(reserved, self.heightForWidth(max(width, 1))))
