"""What a screen reader is given for a widget: the name Qt's accessibility exposes (QAccessible)."""

from __future__ import annotations

from reviewer_app.qt import QAbstractButton, QAccessible, QLabel, Qt, QWidget


def spoken_name(widget: QWidget) -> str:
    """The name Qt's accessibility gives a screen reader for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Name).strip()


def unnamed(top: QWidget) -> list[str]:
    """The focusable, visible widgets of ``top`` a screen reader cannot name in zh-TW."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QLabel) and widget.focusPolicy() == Qt.FocusPolicy.ClickFocus:
            continue  # text selectable by mouse: a screen reader reads it as the text it shows
        if not widget.isEnabled() and not isinstance(widget, QAbstractButton):
            continue
        name = spoken_name(widget)
        if not name or not any("\u4e00" <= ch <= "\u9fff" for ch in name):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}: {name!r}")
    return missing
