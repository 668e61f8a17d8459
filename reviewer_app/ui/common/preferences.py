"""The reviewer's preferences (language, ROC years, the undo grace period, shortcuts), kept in the desk's
settings file (QSettings).

Each preference is declared once here with its key and default. Window layout lives in the same file
(the main window saves it), so one workstation user has one settings file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app import config
from reviewer_app.core import private_files
from reviewer_app.qt import QKeySequence, QObject, QSettings, Signal
from reviewer_app.ui.common.i18n import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from reviewer_app.ui.common.dates import DateStyle

LANGUAGE_KEY = "preferences/language"
ROC_YEARS_KEY = "preferences/roc_years"
UNDO_GRACE_KEY = "preferences/undo_grace_seconds"
#: The reviewer's own keys for the desk's commands: ``shortcuts/<action's object name>``, Qt's
#: portable text ("Ctrl+Return; N"), so the file reads the same on every platform.
SHORTCUTS_GROUP = "shortcuts"
PORTABLE = QKeySequence.SequenceFormat.PortableText
#: How long a decision waits on the workstation before it is synced: Ctrl+Z takes it back meanwhile.
DEFAULT_UNDO_GRACE_SECONDS = 10
#: A longer wait would keep decisions from colleagues' eyes (and the lease) for no good reason.
MAX_UNDO_GRACE_SECONDS = 120


def default_settings_path() -> Path:
    return config.data_dir() / "desk.ini"


def open_settings(path: Path | None, parent: QObject | None = None) -> QSettings:
    path = path or default_settings_path()
    private_files.private_file(path)  # 0600 before Qt writes it: its rewrites keep the file's mode
    return QSettings(str(path), QSettings.Format.IniFormat, parent)


class Preferences(QObject):
    """Typed access to the preferences; ``changed`` fires when one of them changes."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    @property
    def language(self) -> str:
        value = str(self.settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(language)
        if language != self.language:
            self.settings.setValue(LANGUAGE_KEY, language)
            self.settings.sync()
            self.changed.emit()

    @property
    def roc_years(self) -> bool:
        return bool(self.settings.value(ROC_YEARS_KEY, False, type=bool))

    def set_roc_years(self, roc: bool) -> None:
        if roc != self.roc_years:
            self.settings.setValue(ROC_YEARS_KEY, roc)
            self.settings.sync()
            self.changed.emit()

    @property
    def undo_grace_seconds(self) -> int:
        """Seconds a decision waits before it is synced (0 to 120; an unreadable value: the default)."""
        value = self.settings.value(UNDO_GRACE_KEY, DEFAULT_UNDO_GRACE_SECONDS)
        try:
            seconds = int(str(value))
        except ValueError:
            return DEFAULT_UNDO_GRACE_SECONDS
        return min(max(seconds, 0), MAX_UNDO_GRACE_SECONDS)

    def set_undo_grace_seconds(self, seconds: int) -> None:
        seconds = min(max(int(seconds), 0), MAX_UNDO_GRACE_SECONDS)
        if seconds != self.undo_grace_seconds:
            self.settings.setValue(UNDO_GRACE_KEY, seconds)
            self.settings.sync()
            self.changed.emit()

    def shortcuts(self) -> dict[str, list[QKeySequence]]:
        """The keys the reviewer chose, by action name; unreadable entries are left out (the action
        keeps its own keys)."""
        self.settings.beginGroup(SHORTCUTS_GROUP)
        try:
            saved = {name: str(self.settings.value(name, "")) for name in self.settings.childKeys()}
        finally:
            self.settings.endGroup()
        chosen = {}
        for name, text in saved.items():
            keys = QKeySequence.listFromString(text, PORTABLE)
            if keys and all(_readable(k) for k in keys):
                chosen[name] = keys
        return chosen

    def set_shortcuts(self, action_name: str, keys: list[QKeySequence]) -> None:
        """The keys of one command from now on (the desk applies them at its next start)."""
        self.settings.setValue(f"{SHORTCUTS_GROUP}/{action_name}", QKeySequence.listToString(keys, PORTABLE))
        self.settings.sync()
        self.changed.emit()

    def reset_shortcuts(self, action_name: str) -> None:
        """Back to the command's own keys."""
        self.settings.remove(f"{SHORTCUTS_GROUP}/{action_name}")
        self.settings.sync()
        self.changed.emit()

    def date_style(self) -> DateStyle:
        # Imported here: dates brings the time zones, which the sign-in window does without.
        from reviewer_app.ui.common.dates import DateStyle

        return DateStyle(roc=self.roc_years)


def _readable(keys: QKeySequence) -> bool:
    """Qt reads text it does not know as an unknown key, which it writes back as nothing."""
    text = keys.toString(PORTABLE)
    return bool(text) and QKeySequence.fromString(text, PORTABLE) == keys
