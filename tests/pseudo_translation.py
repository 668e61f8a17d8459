"""A pseudo-translation for layout tests: every text of the desk's zh-TW translation made about 40 %
longer ("[審核通過～～]"), as a longer translation (or a bigger font) would make it, so a test can
see which labels and buttons would be cut at 1366×768.

The zh-TW .qm the desk ships is loaded as it is; a translator installed over it pads its answers.
Qt's own texts (qtbase) and untranslated ones are left alone.
"""

from __future__ import annotations

import math

from reviewer_app.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QTranslator,
    QWidget,
)
from reviewer_app.ui.common.i18n import TRANSLATION_BASENAME, translations_dir

BUTTONS = QPushButton | QToolButton | QCheckBox
#: How much longer each text gets.
GROWTH = 0.4
PAD = "～"


def pseudo(text: str) -> str:
    """ "審核通過" → "[審核通過～～]": the brackets show where a text is cut, the pad makes it longer;
    each line of a multi-line text grows, placeholders ({name}, %n) stay whole."""
    def longer(line: str) -> str:
        return f"[{line}{PAD * max(1, math.ceil(len(line) * GROWTH) - 2)}]" if line else line

    return "\n".join(longer(line) for line in text.split("\n"))


class PseudoTranslator(QTranslator):
    """The desk's zh-TW texts, each padded by :func:`pseudo`."""

    def __init__(self) -> None:
        super().__init__()
        self.zh = QTranslator()
        if not self.zh.load(f"{TRANSLATION_BASENAME}_zh_TW", str(translations_dir())):
            raise FileNotFoundError("the zh-TW translation (.qm) must be built: make translations")

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = self.zh.translate(context, source, disambiguation, n)
        return pseudo(text) if text else ""

    def isEmpty(self) -> bool:
        return False


def install_pseudo_translation(app: QCoreApplication) -> PseudoTranslator:
    translator = PseudoTranslator()
    translator.setParent(app)  # kept alive as long as the application
    app.installTranslator(translator)
    return translator


def cut_texts(window: QWidget) -> list[str]:
    """The visible buttons, labels and combo boxes of ``window`` narrower (or, wrapped, lower) than
    their text needs, as "objectName/class: text". Labels that give up room on purpose (an ignored
    size policy: elided titles, file names) are left out."""
    cut = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLabel):
            if not widget.text() or widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
                continue
            if widget.wordWrap():
                short = widget.heightForWidth(widget.width()) > widget.height() + 1
            else:
                short = widget.sizeHint().width() > widget.width() + 1
        elif isinstance(widget, BUTTONS | QComboBox):
            short = widget.sizeHint().width() > widget.width() + 1
        else:
            continue
        if short:
            text = widget.text() if isinstance(widget, QLabel | BUTTONS) else widget.currentText()
            cut.append(f"{widget.objectName() or type(widget).__name__}: {text}")
    return cut
