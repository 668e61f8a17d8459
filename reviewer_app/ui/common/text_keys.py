"""Single-key shortcuts (J, K, C, R, +, ?…) are text while the reviewer types or composes.

Qt asks the focus widget first (``ShortcutOverride``) and fires the shortcut unless the widget claims
the key. Line edits claim printable keys themselves, but not every widget that takes text does, and an
input method (Zhuyin, Cangjie) composing a character sends its keys as it likes: one application-wide
filter claims every key without Ctrl, Alt or Meta for the focus widget while that widget takes text or
an input method is composing in it, so the key is typed, never a command. Ctrl+Enter, Ctrl+Z, F-keys
and Escape keep working everywhere.
"""

from __future__ import annotations

from reviewer_app.qt import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QEvent,
    QInputMethodEvent,
    QKeyEvent,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    Qt,
    QTextEdit,
    QWidget,
)

#: Modifiers that make a key a command, not text.
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def takes_text(widget: QWidget | None) -> bool:
    """A widget the reviewer types into: a line edit, an editable text, an editable combo, a spin box."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QAbstractSpinBox)


def is_text_key(event: QKeyEvent) -> bool:
    """A key that types something (J, 1, ?, +), not a command key (Ctrl+…, F1, Escape, arrows)."""
    if event.modifiers() & COMMAND_MODIFIERS:
        return False
    return bool(event.text()) and event.text().isprintable()


class TextKeysGuard(QObject):
    """The application's event filter; one per application (:func:`install`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.composing_in: QWidget | None = None  # the widget an input method is composing in

    def composing(self) -> bool:
        return self.composing_in is not None and self.composing_in is QApplication.focusWidget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.InputMethod and isinstance(event, QInputMethodEvent):
            if event.preeditString():
                if isinstance(watched, QWidget):
                    self.composing_in = watched
            elif watched is self.composing_in:
                self.composing_in = None  # committed or cancelled
        elif (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and watched is QApplication.focusWidget()
            and is_text_key(event)
            and (self.composing() or takes_text(QApplication.focusWidget()))
        ):
            event.accept()  # the key goes to the widget as text: no shortcut fires
        return False


def install(app: QApplication) -> TextKeysGuard:
    """The guard for ``app``, installed once (every desk window asks for it)."""
    guard = app.findChild(TextKeysGuard)
    if guard is None:
        guard = TextKeysGuard(app)
        app.installEventFilter(guard)
    return guard
