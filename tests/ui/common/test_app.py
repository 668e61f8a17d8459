"""run_desk: zh-TW locale, the shipped CJK font, the window shown and closed cleanly."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QApplication, QFont, QFontInfo, QLocale, QSize, QTextLayout, QTimer
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common.app import CJK_FONT_FAMILIES, run_desk
from reviewer_app.ui.common.i18n import load_font, translations_dir
from reviewer_app.ui.desk.main_window import MainWindow
from tests.ui.conftest import idle, make_context

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_run_desk_shows_the_window_in_zh_tw(
    qtbot: QtBot, sync: Sync, journal: Journal, tmp_path: Path
) -> None:
    sync.pull()
    seen: dict[str, object] = {}
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    old_font, old_locale = QFont(app.font()), QLocale()

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if len(windows) != 1 or not idle(windows[0]) or windows[0].model.rowCount() == 0:
            QTimer.singleShot(10, look_and_close)
            return
        seen["rows"] = windows[0].model.rowCount()
        seen["locale"] = QLocale().name()
        seen["families"] = app.font().families()
        seen["font"] = QFontInfo(app.font()).family()
        seen["icon sizes"] = windows[0].windowIcon().availableSizes()
        windows[0].close()

    QTimer.singleShot(0, look_and_close)
    try:
        assert run_desk(make_context(journal, sync, tmp_path), []) == 0
    finally:
        app.setFont(old_font)
        QLocale.setDefault(old_locale)
    assert seen["rows"] == 16
    assert seen["locale"] == "zh_TW"
    assert seen["families"] == CJK_FONT_FAMILIES
    assert seen["font"] == "Noto Sans TC"  # the font shipped with the app, whatever the system has
    assert QSize(256, 256) in seen["icon sizes"]  # resources/icons/app.png: the title bar and taskbar icon


def test_the_shipped_font_draws_every_character_of_the_translation(qapp: QApplication) -> None:
    """Every character the zh-TW interface uses is drawn by the shipped font itself, not a system one."""
    assert load_font(qapp) == "Noto Sans TC"
    ts = ET.parse(translations_dir() / "reviewer_desk_zh_TW.ts").getroot()
    text = "".join(t.text or "" for t in ts.iter("translation")) + "".join(
        t.text or "" for t in ts.iter("numerusform")
    )
    chinese = "".join(sorted({c for c in text if "\u3400" <= c <= "\u9fff"}))
    assert len(chinese) > 300
    layout = QTextLayout(chinese, QFont("Noto Sans TC", 12))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert {run.rawFont().familyName() for run in runs} == {"Noto Sans TC"}
    glyphs = [g for run in runs for g in run.glyphIndexes()]
    assert len(glyphs) == len(chinese) and 0 not in glyphs
