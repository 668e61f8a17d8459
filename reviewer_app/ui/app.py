"""Starting the desk: the QApplication, zh-TW locale, a CJK font, Qt's own translations, the window."""

from __future__ import annotations

from reviewer_app import __version__
from reviewer_app.ui.main_window import DeskContext, MainWindow
from reviewer_app.ui.qt import QApplication, QFont, QLibraryInfo, QLocale, QTranslator

#: Traditional Chinese UI fonts, in order of preference (Linux, Linux, Windows, macOS).
CJK_FONT_FAMILIES = ["Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei", "PingFang TC"]

ZH_TW = QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan)


def apply_locale(app: QApplication) -> None:
    """zh-TW everywhere, whatever the system says (there may be no zh_TW system locale at all)."""
    QLocale.setDefault(ZH_TW)
    translator = QTranslator(app)
    if translator.load(ZH_TW, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


def apply_font(app: QApplication) -> None:
    font = QFont(app.font())
    font.setFamilies(CJK_FONT_FAMILIES)
    app.setFont(font)


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("reviewer-app")
    app.setApplicationDisplayName("電子家庭聯絡簿審核台")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Agency of Corrections")
    apply_locale(app)
    apply_font(app)
    return app


def run_desk(context: DeskContext, argv: list[str]) -> int:
    """Show the review desk and run until it is closed; returns the exit code."""
    app = make_application(argv)
    window = MainWindow(context)
    window.show()
    try:
        return int(app.exec())
    finally:
        window.close()  # saves the layout and stops the background workers if exec ended otherwise
        window.deleteLater()
