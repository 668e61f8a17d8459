"""Choosing the desk's language in 設定 > 語言: the message names the language in the words of the
language it is shown in ("以英文顯示", never "以English顯示") and says that the desk must be opened again."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import QMessageBox
from reviewer_app.ui.common.i18n import language_name
from reviewer_app.ui.desk.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_language_is_named_in_the_desks_own_language() -> None:
    assert language_name("en", "zh_TW") == "英文"
    assert language_name("zh_TW", "zh_TW") == "繁體中文"
    assert language_name("zh_TW", "en") == "Traditional Chinese"
    assert language_name("en", "en") == "English"


def test_choosing_english_says_so_in_chinese_and_when_it_applies(qtbot: QtBot, desk: MainWindow) -> None:
    desk.language_actions["en"].trigger()
    box = desk.message_box
    assert isinstance(box, QMessageBox)
    text = box.text() + box.informativeText()
    assert "英文" in text and "English" not in text  # was "下次開啟審核台時將以English顯示。"
    assert "下次開啟" in box.text() and box.informativeText()  # when it applies, and how to switch now
    assert desk.preferences.language == "en"
    desk.preferences.set_language("zh_TW")
