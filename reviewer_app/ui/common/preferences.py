"""The reviewer's preferences (language, ROC years), kept in the desk's settings file (QSettings).

Each preference is declared once here with its key and default. Window layout lives in the same file
(the main window saves it), so one workstation user has one settings file.
"""

from __future__ import annotations

from pathlib import Path

from reviewer_app import config
from reviewer_app.core import private_files
from reviewer_app.qt import QObject, QSettings, Signal
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.i18n import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_KEY = "preferences/language"
ROC_YEARS_KEY = "preferences/roc_years"


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

    def date_style(self) -> DateStyle:
        return DateStyle(roc=self.roc_years)
