"""Switching the language (設定 > 語言) while the statistics are open rewords them at once (#20 item 11):
the headers, the section titles and figures' names, the charts' titles and legends, the buttons and
the month list speak English, and back in zh-TW the same screen reads as before. The exported report
stays zh-TW (an agency document), whatever the desk's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.qt import QApplication, Qt
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.stats import StatisticsView
from reviewer_app.ui.stats.table_model import Column
from tests import factories
from tests.stats.world import AS_OF, NOVEMBER, World, build_world

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def world_engine(sqlite_url: str) -> Iterator[tuple[Engine, World]]:
    engine = factories.shared_engine(sqlite_url)
    world = build_world(engine)
    yield engine, world
    engine.dispose()


@pytest.fixture
def view(qtbot: QtBot, world_engine: tuple[Engine, World]) -> Iterator[StatisticsView]:
    engine, world = world_engine
    shown = StatisticsView(engine, world.ttd, month=NOVEMBER, now=lambda: AS_OF)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitUntil(lambda: shown.data() is not None and not shown.is_loading())
    yield shown
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_language(app, "zh_TW")
    shown.close()
    assert executors.network().wait(30_000)


def _switch(qtbot: QtBot, view: StatisticsView, language: str, export_says: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, language)
    qtbot.waitUntil(lambda: view.export_button.text() == export_says)  # Qt posts LanguageChange


def _header(view: StatisticsView, column: Column) -> str:
    return str(view.model.headerData(int(column), Qt.Orientation.Horizontal))


def _section_titles(view: StatisticsView) -> list[str]:
    return [str(view.model.index(row, 0).data()) for row in view.model.section_rows()]


def test_the_statistics_follow_the_language_switch_and_back(qtbot: QtBot, view: StatisticsView) -> None:
    model = view.model
    assert view.export_button.text() == "匯出報表…"
    assert _header(view, Column.ITEM) == "項目"
    assert "申覆" in _section_titles(view)
    assert model.text("appeals.received", Column.ITEM) == "收到申覆"
    assert model.text("service_target.late", Column.ITEM) == "逾期決定"
    assert view.trend_chart.title().startswith("近 12 個月收件與審核")
    zh_status = view.status_label.text()
    assert zh_status == "資料時間 2026/12/01 12:00"

    _switch(qtbot, view, "en", "Export report…")

    assert view.reload_button.text() == "Reload"
    assert _header(view, Column.ITEM) == "Item" and _header(view, Column.VALUE) == "Value"
    sections = _section_titles(view)
    assert "Appeals" in sections and "Service application" in sections
    assert any(s.startswith("Service target") for s in sections)
    assert model.text("appeals.received", Column.ITEM) == "Appeals received"
    assert model.text("service_target.late", Column.ITEM) == "Decided late"
    assert model.text("posts.received", Column.ITEM) == "Received"
    assert model.text("time.post_decision.median") == "15.0 hours"
    assert model.text("reasons.post.P2_CONTENT", Column.ITEM) == "Off-topic (P2)"
    assert view.trend_chart.title().startswith("Received and decided, last 12 months")
    assert {s.name for s in view.trend_chart.series()} >= {"Posts received"}
    assert view.reasons_chart.title().startswith("Reasons for not approving")
    assert view.backlog_chart.bars()[0].label == "Under 1 day"
    reference = view.reviewers_chart.reference()
    assert reference is not None and reference.label == "Whole facility 36.4%"
    assert view.status_label.text() == "Figures as of 2026/12/01 12:00"
    assert view.facility_combo.itemText(0) == "All facilities"
    assert view.month_combo.currentText() == "Nov 2026"
    assert view.trend_chart.labels()[-1] == ("Nov", "")
    assert "received <b>12</b>" in view.summary_label.text()
    assert view.month() == NOVEMBER and view.facility_id() is not None  # the choice is kept

    _switch(qtbot, view, "zh_TW", "匯出報表…")

    assert _header(view, Column.ITEM) == "項目"
    assert model.text("appeals.received", Column.ITEM) == "收到申覆"
    assert model.text("time.post_decision.median") == "15.0 小時"
    assert view.trend_chart.title().startswith("近 12 個月收件與審核")
    assert view.status_label.text() == zh_status
    assert view.month_combo.currentText() == "2026 年 11 月"
    assert view.facility_combo.itemText(0) == "全部機關"
