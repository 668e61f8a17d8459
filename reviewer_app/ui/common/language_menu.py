"""設定 > 語言: the desk's languages, each in its own words; choosing one shows every open window in it
at once (:func:`~reviewer_app.ui.common.i18n.apply_language`; each window says its words again on
Qt's LanguageChange) and keeps it for the next start."""

from __future__ import annotations

from reviewer_app.qt import QAction, QActionGroup, QApplication, QMenu, QObject
from reviewer_app.ui.common.i18n import LANGUAGES, apply_language, current_language
from reviewer_app.ui.common.preferences import Preferences


def add_language_actions(menu: QMenu, preferences: Preferences, owner: QObject) -> dict[str, QAction]:
    """One checkable action a language in ``menu`` (by language code)."""
    group = QActionGroup(owner)
    actions: dict[str, QAction] = {}
    for code, name in LANGUAGES.items():
        action = menu.addAction(name)  # each language in its own words, whatever is shown now
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == preferences.language)
        action.setData(code)
        group.addAction(action)
        actions[code] = action
    group.triggered.connect(lambda action: choose_language(preferences, str(action.data())))
    menu.aboutToShow.connect(lambda: check_current_language(actions))
    return actions


def check_current_language(actions: dict[str, QAction]) -> None:
    """The language shown now is the one ticked, whichever window chose it."""
    shown = current_language()
    for code, action in actions.items():
        action.setChecked(code == shown)


def choose_language(preferences: Preferences, code: str) -> None:
    if code == preferences.language:
        return
    preferences.set_language(code)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_language(app, code)
