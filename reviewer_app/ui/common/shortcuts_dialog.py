"""Settings → Keyboard shortcuts…: the reviewer chooses the key of each command of the desk.

One key field per command (as the help overlay lists them). OK checks that no key does two things,
keeps the choices in the preferences (only those that differ from the desk's own keys) and applies
them at once; "Desk's own keys" puts every field back.
"""

from __future__ import annotations

from reviewer_app.qt import (
    QAction,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QKeySequence,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.ui.common.preferences import Preferences
from reviewer_app.ui.common.shortcuts import (
    HELP_GROUP,
    default_keys,
    description,
    group_title,
    help_actions,
    set_keys,
)

ERROR_STYLE = "color: #a4000f;"


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget, preferences: Preferences) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._window = window
        self._preferences = preferences
        self.actions_by_name: dict[str, QAction] = {a.objectName(): a for a in help_actions(window)}
        self.editors: dict[str, QKeySequenceEdit] = {}

        grid = QGridLayout()
        row, group = 0, None
        for name, action in self.actions_by_name.items():
            if action.property(HELP_GROUP) != group:
                group = str(action.property(HELP_GROUP))
                heading = QLabel(group_title(group))
                heading.setStyleSheet("font-weight: bold;")
                grid.addWidget(heading, row, 0, 1, 2)
                row += 1
            label = QLabel(description(action))
            editor = QKeySequenceEdit(action.shortcuts()[0] if action.shortcuts() else QKeySequence())
            editor.setObjectName(f"keys_{name}")
            editor.setMaximumSequenceLength(1)
            editor.setClearButtonEnabled(True)
            editor.setAccessibleName(description(action))
            label.setBuddy(editor)
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            self.editors[name] = editor
            row += 1
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Keyboard shortcuts"))

        self.message = QLabel()
        self.message.setObjectName("shortcutsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        reset = QPushButton(self.tr("Desk's own keys"))
        reset.setObjectName("resetShortcuts")
        reset.setAutoDefault(False)
        reset.clicked.connect(self.reset_all)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Click a field and press the new key; the cross clears it.")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, min(640, max(360, window.height() - 80)))

    def reset_all(self) -> None:
        for name, editor in self.editors.items():
            keys = default_keys(self.actions_by_name[name])
            editor.setKeySequence(keys[0] if keys else QKeySequence())
        self.message.hide()

    def _chosen(self) -> dict[str, list[QKeySequence]]:
        """Every command's keys as the fields say: an untouched first key keeps the others (Ctrl+Enter
        beside Ctrl+Return)."""
        chosen = {}
        for name, editor in self.editors.items():
            action = self.actions_by_name[name]
            key = editor.keySequence()
            own = default_keys(action)
            current = action.shortcuts()
            if current and key == current[0]:
                chosen[name] = current
            elif own and key == own[0]:
                chosen[name] = own
            else:
                chosen[name] = [key] if not key.isEmpty() else []
        return chosen

    def _clash(self, chosen: dict[str, list[QKeySequence]]) -> str | None:
        """The first key given to two commands, in words."""
        seen: dict[str, str] = {}
        # The commands whose keys stay first: the clash is the changed field's ("C is Compare's").
        unchanged = [n for n, keys in chosen.items() if keys == self.actions_by_name[n].shortcuts()]
        order = unchanged + [n for n in chosen if n not in unchanged]
        for name, keys in ((n, chosen[n]) for n in order):
            for key in keys:
                text = key.toString(QKeySequence.SequenceFormat.NativeText)
                if text in seen:
                    return self.tr(
                        "{key} is already the key of “{other}”: choose another key for “{this}”."
                    ).format(
                        key=text,
                        other=description(self.actions_by_name[seen[text]]),
                        this=description(self.actions_by_name[name]),
                    )
                seen[text] = name
        return None

    def accept(self) -> None:
        chosen = self._chosen()
        clash = self._clash(chosen)
        if clash is not None:
            self.message.setText(clash)
            self.message.show()
            return
        for name, keys in chosen.items():
            action = self.actions_by_name[name]
            if keys == default_keys(action):
                if name in self._preferences.shortcuts():
                    self._preferences.reset_shortcuts(name)
            elif keys != self._preferences.shortcuts().get(name):
                self._preferences.set_shortcuts(name, keys)
        # Applied now (no key does two things: checked above), the tooltips and the help follow.
        for name, keys in chosen.items():
            set_keys(self.actions_by_name[name], keys)
        super().accept()
