"""The newer supervisor panels follow 設定 > 語言 at once (#20 item 11), as the older tools do: 申覆
(appeals), 待覆核 (second looks) and 逾期未決 (the service clock) speak English after the switch and
zh-TW again after switching back, the words already typed kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import QApplication, QLabel, QWidget
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.supervisor.appeals_panel import AppealsPanel
from reviewer_app.ui.supervisor.second_looks_panel import SecondLooksWindow
from reviewer_app.ui.supervisor.service_clock_panel import ServiceClockPanel
from tests.ui.security_world import NOW, World, build

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    w = build(sqlite_url)
    yield w
    w.engine.dispose()


@pytest.fixture
def back_to_chinese() -> Iterator[None]:
    yield None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, "zh_TW")


def _switch(qtbot: QtBot, language: str, done: Callable[[], bool]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, language)
    qtbot.waitUntil(done)  # Qt posts LanguageChange to each window


def _label_starting(widget: QWidget, start: str) -> QLabel | None:
    return next((w for w in widget.findChildren(QLabel) if w.text().startswith(start)), None)


def _shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)


def test_appeals_second_looks_and_the_service_clock_switch_and_back(
    qtbot: QtBot, world: World, back_to_chinese: None
) -> None:
    appeals = AppealsPanel(world.engine, world.supervisor, clock=lambda: NOW)
    looks = SecondLooksWindow(world.engine, world.supervisor, clock=lambda: NOW)
    clock = ServiceClockPanel(world.engine, world.supervisor, clock=lambda: NOW)
    for widget in (appeals, looks, clock):
        _shown(qtbot, widget)
    appeals.refresh()
    looks.panel.refresh()
    clock.refresh()
    qtbot.waitUntil(lambda: not (appeals.is_busy() or looks.panel.is_busy() or clock.is_busy()))
    panel = looks.panel
    zh = {
        "uphold": appeals.uphold_button.text(),
        "confirm": panel.confirm_button.text(),
        "save target": clock.save_target_button.text(),
        "waiting": appeals.message_label.text(),
        "nothing": panel.detail.text(),
        "title": looks.windowTitle(),
    }
    assert zh["uphold"] == "維持原決定(&U)"
    appeals.reasoning.setPlainText("家屬補件後再看")

    _switch(qtbot, "en", lambda: appeals.uphold_button.text() == "&Uphold the rejection")

    assert appeals.overturn_button.text() == "&Overturn the rejection"
    assert appeals.reasoning.placeholderText().startswith("Your reasons, for the family")
    assert appeals.reasoning.toPlainText() == "家屬補件後再看"  # nothing typed is lost
    assert _label_starting(appeals, "A family may ask once") is not None
    assert appeals.message_label.text() == "0 appeals waiting"
    assert "No appeal selected." in appeals.details.toPlainText()
    assert panel.confirm_button.text() == "Confirm (Ctrl+Enter)"
    assert panel.confirm_action.text() == "Confirm"
    assert panel.detail.text() == "Nothing waits for a second look."
    assert _label_starting(panel, "Approving a service application") is not None
    assert looks.windowTitle() == "Waiting for a second look (待覆核)"
    assert clock.save_target_button.text() == "Save target"
    assert clock.target.suffix() == " working days"
    assert clock.day_kind.itemText(0) == "Day off"
    assert clock.summary.text().endswith("past the target")
    assert _label_starting(clock, "Items past the target") is not None
    assert _label_starting(clock, "Facility's own days:") is not None

    _switch(qtbot, "zh_TW", lambda: appeals.uphold_button.text() == zh["uphold"])

    assert panel.confirm_button.text() == zh["confirm"]
    assert clock.save_target_button.text() == zh["save target"]
    assert appeals.message_label.text() == zh["waiting"]
    assert panel.detail.text() == zh["nothing"]
    assert looks.windowTitle() == zh["title"]
    assert appeals.reasoning.toPlainText() == "家屬補件後再看"
    for widget in (appeals, looks, clock):
        widget.close()
    appeals.shutdown()
    looks.shutdown()
    clock.shutdown()
