"""The desk's languages and its font: zh-TW by default, English selectable, Noto Sans TC shipped.

Source strings are English (``tr()`` / ``QCoreApplication.translate``); ``reviewer_desk_zh_TW.qm`` is
the complete zh-TW translation, built from ``resources/translations/*.ts`` by ``make translations``.
The .qm and the font are reached through :mod:`reviewer_app.assets`, in a checkout, an installed wheel
and a PyInstaller bundle alike.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reviewer_app.assets import font_path, resource_path
from reviewer_app.qt import (
    QApplication,
    QCoreApplication,
    QFont,
    QFontDatabase,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

log = logging.getLogger(__name__)

TRANSLATION_BASENAME = "reviewer_desk"
DEFAULT_LANGUAGE = "zh_TW"
#: Language code → its name in that language (a language is always offered in its own words).
LANGUAGES: dict[str, str] = {"zh_TW": "繁體中文", "en": "English"}

ZH_TW = QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)

FONT_FAMILY = "Noto Sans TC"
#: The shipped font first; the others only if it could not be loaded (Linux, Windows, macOS).
CJK_FONT_FAMILIES = [FONT_FAMILY, "Noto Sans CJK TC", "Microsoft JhengHei", "PingFang TC"]

_TRANSLATOR_NAME = "reviewerDeskTranslator"


def translations_dir() -> Path:
    return resource_path("translations")


def current_language() -> str:
    """The desk's language now ("zh_TW" or "en"), from the default locale :func:`apply_language` set
    (safe on a worker thread: the queue's rows are worded there)."""
    return DEFAULT_LANGUAGE if QLocale().language() == QLocale.Language.Chinese else "en"


def locale_for(language: str) -> QLocale:
    return ZH_TW if language == "zh_TW" else ENGLISH


def apply_language(app: QCoreApplication, language: str) -> bool:
    """Install the translators for ``language`` (replacing earlier ones); False if a file was missing.

    There may be no zh_TW system locale at all: the application's default ``QLocale`` is set here.
    """
    if language not in LANGUAGES:
        log.warning("unknown language %r, using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    QLocale.setDefault(locale_for(language))
    if language == "en":
        return True  # the source strings are English
    complete = True
    desk = QTranslator(app)
    desk.setObjectName(_TRANSLATOR_NAME)
    if desk.load(f"{TRANSLATION_BASENAME}_{language}", str(translations_dir())):
        app.installTranslator(desk)
    else:
        log.error("translation %s_%s.qm not found in %s", TRANSLATION_BASENAME, language, translations_dir())
        complete = False
    qt_own = QTranslator(app)
    qt_own.setObjectName(_TRANSLATOR_NAME)
    if qt_own.load(
        locale_for(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)  # Qt's own buttons and menus (OK, Cancel, Copy…)
    return complete


def load_font(app: QApplication) -> str | None:
    """Load the shipped Noto Sans TC and make it the application font; its family name, or None."""
    family: str | None = FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else None
    if family is None:
        font_id = QFontDatabase.addApplicationFont(str(font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
        else:
            log.error("could not load the shipped font %s; Chinese may show in a system font", font_path())
    font = QFont(app.font())
    font.setFamilies(CJK_FONT_FAMILIES if family in (None, FONT_FAMILY) else [family, *CJK_FONT_FAMILIES])
    app.setFont(font)
    return family


#: Each language's name in each language the desk is shown in: a sentence in zh-TW names English
#: "英文" ("以英文顯示"), never "以English顯示". (The menu offers each one in its own words, LANGUAGES.)
_LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "zh_TW": {"zh_TW": "繁體中文", "en": "英文"},
    "en": {"zh_TW": "Traditional Chinese", "en": "English"},
}


def language_name(code: str, in_language: str | None = None) -> str:
    """The name of the language ``code`` for a sentence in ``in_language`` (the desk's language now)."""
    shown_in = in_language if in_language in _LANGUAGE_NAMES else current_language()
    return _LANGUAGE_NAMES[shown_in].get(code, LANGUAGES.get(code, code))
