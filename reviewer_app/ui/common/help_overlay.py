"""The keyboard help (F1 or ?): every action of the window with its shortcut, over a dimmed desk.

The list is made from the window's actions when the overlay opens (``shortcuts.help_actions``), so it
always shows exactly what exists. Escape, F1, ? or a click closes it.
"""

from __future__ import annotations

from reviewer_app.qt import (
    QAction,
    QColor,
    QEvent,
    QFrame,
    QGridLayout,
    QKeyEvent,
    QLabel,
    QMouseEvent,
    QObject,
    QPainter,
    QPaintEvent,
    Qt,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.common.shortcuts import (
    BASE_TOOLTIP,
    HELP_GROUP,
    HELP_TEXT,
    group_title,
    help_actions,
    keys_text,
)

CARD_STYLE = """
#helpCard { background: #ffffff; border: 1px solid #8a8a8a; border-radius: 8px; }
#helpCard QLabel[role="group"] { font-weight: bold; color: #1b4f8a; padding-top: 6px; }
#helpCard QLabel[role="keys"] {
    font-family: monospace; background: #f0f0f0; border: 1px solid #c8c8c8; border-radius: 3px;
    padding: 1px 6px;
}
"""


class HelpOverlay(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("helpOverlay")
        self._window = window
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card = QFrame(self)
        self.card.setObjectName("helpCard")
        self.card.setStyleSheet(CARD_STYLE)
        self.texts = LiveTexts()  # the words follow the desk's language; the list is made at each opening
        self.title = QLabel()
        self.texts.bind(self.title.setText, lambda: self.tr("Keyboard shortcuts"))
        self.title.setObjectName("helpTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel()
        self.texts.bind(
            self.hint.setText,
            lambda: self.tr(
                "Esc, F1 or ? closes this help. Tooltips name the shortcuts too; "
                "Settings → Keyboard shortcuts… changes them."
            ),
        )
        self.hint.setObjectName("helpHint")
        self.hint.setStyleSheet("color: #555555;")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(3)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(22, 16, 22, 16)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        layout.addWidget(self.hint)
        self.entries: list[tuple[str, str, str]] = []  # (group, keys, description) as shown
        window.installEventFilter(self)
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.texts.retranslate()
            if self.isVisible():
                self._fill(help_actions(self._window))

    # ---- showing -------------------------------------------------------------------------------

    def open(self) -> None:
        self._fill(help_actions(self._window))
        self.setGeometry(self._window.rect())
        self.raise_()
        self.show()
        self._place_card()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle(self) -> None:
        if self.isVisible():
            self.close_overlay()
        else:
            self.open()

    def close_overlay(self) -> None:
        self.hide()
        parent = self._window
        focus = getattr(parent, "restore_focus", None)
        if callable(focus):
            focus()

    def _fill(self, actions: list[QAction]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.entries = []
        groups: dict[str, list[QAction]] = {}
        for action in actions:
            if action.shortcuts():
                groups.setdefault(str(action.property(HELP_GROUP)), []).append(action)
        # Two columns of groups so the card fits a workstation screen without scrolling: the document
        # commands (the longest group) on the right, everything else on the left.
        rows = {0: 0, 3: 0}
        for group, group_actions in groups.items():
            column = 3 if group == "documents" else 0
            heading = QLabel(group_title(group))
            heading.setProperty("role", "group")
            self.grid.addWidget(heading, rows[column], column, 1, 2)
            rows[column] += 1
            for action in group_actions:
                keys = keys_text(action)
                description = str(
                    action.property(HELP_TEXT) or action.property(BASE_TOOLTIP) or action.text()
                ).replace("&", "")
                key_label = QLabel(keys)
                key_label.setProperty("role", "keys")
                key_label.setTextFormat(Qt.TextFormat.PlainText)
                text_label = QLabel(description)
                text_label.setTextFormat(Qt.TextFormat.PlainText)
                self.grid.addWidget(key_label, rows[column], column, Qt.AlignmentFlag.AlignLeft)
                self.grid.addWidget(text_label, rows[column], column + 1)
                self.entries.append((group, keys, description))
                rows[column] += 1
        self.grid.setColumnMinimumWidth(2, 28)  # the gap between the two columns
        self.grid.setRowStretch(max(rows.values()), 1)

    def _place_card(self) -> None:
        self.card.adjustSize()
        size = self.card.sizeHint().boundedTo(self.size())
        self.card.resize(size)
        self.card.move(
            max(0, (self.width() - size.width()) // 2), max(0, (self.height() - size.height()) // 2)
        )

    # ---- events --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        painter.end()

    def event(self, event: QEvent) -> bool:
        # While the help is open, keys go to it, not to the desk's shortcuts (no decision by accident).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_Question):
            self.close_overlay()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close_overlay()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._window.rect())
            self._place_card()
        return super().eventFilter(watched, event)
