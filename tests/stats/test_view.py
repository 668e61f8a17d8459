"""The statistics view on real Qt widgets (offscreen) over the hand-built November on SQLite."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.qt import QApplication, Qt
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.stats.figures import figure_rows
from reviewer_app.stats.months import Month
from reviewer_app.stats.queries import month_statistics
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.stats import StatisticsView
from reviewer_app.ui.stats.table_model import KEY_ROLE, VALUE_ROLE, Column, FiguresModel
from tests.stats.world import AS_OF, NOVEMBER, World
from tests.ui.common.held import held

OpenView = Callable[..., StatisticsView]

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),  # the offscreen platform says so on every show()
]


@pytest.fixture(autouse=True)
def zh_tw(qapp: QApplication) -> None:
    """The statistics in zh-TW, the desk's default language (their words follow the desk's)."""
    assert apply_language(qapp, "zh_TW")


def settled(view: StatisticsView) -> bool:
    return view.data() is not None and not view.is_loading()


@pytest.fixture
def open_view(qtbot: QtBot, sqlite_world: tuple[Engine, World]) -> Iterator[OpenView]:
    engine, _ = sqlite_world
    views: list[StatisticsView] = []

    def factory(facility_id: int | None, only_facility: bool = False) -> StatisticsView:
        view = StatisticsView(
            engine, facility_id, month=NOVEMBER, now=lambda: AS_OF, only_facility=only_facility
        )
        qtbot.addWidget(view)
        view.resize(1400, 900)
        view.show()
        qtbot.waitUntil(lambda: settled(view))
        views.append(view)
        return view

    yield factory
    for view in views:
        view.close()  # returns at once: its loads still running are dropped
    assert executors.network().wait(30_000)  # and end before the database goes away


def test_the_view_shows_the_months_figures_in_table_and_charts(
    open_view: OpenView, sqlite_world: tuple[Engine, World]
) -> None:
    engine, world = sqlite_world
    view = open_view(world.ttd)

    assert view.month() == NOVEMBER and view.facility_id() == world.ttd
    assert [view.facility_combo.itemText(n) for n in range(view.facility_combo.count())] == [
        "全部機關",
        "TPP　TPP 矯正機關",
        "TTD　TTD 矯正機關",
    ]
    assert view.status_label.text() == "資料時間 2026/12/01 12:00"

    # the table holds exactly the report's figures
    model = view.model
    assert model.rows() == list(figure_rows(month_statistics(engine, NOVEMBER, world.ttd, AS_OF)))
    assert model.text("applications.received") == "5"
    assert model.text("posts.received") == "12"
    assert model.text("posts.rejected") == "3"
    assert model.text("posts.printed") == "3"
    assert model.text("reasons.post.P2_CONTENT") == "1"
    assert model.text("time.post_decision.median") == "15.0 小時"
    assert model.text("time.post_decision.p90") == "33.0 小時"
    assert model.text("time.handover.median") == "—"
    assert model.text("reviewer.ttd_rev2.rejection_rate") == "75.0%"
    assert model.text("reviewer.ttd_rev2.rejection_rate", Column.FACILITY) == "36.4%"
    assert model.text("facility.rejection_rate") == "36.4%"
    row = model.row_of("reviewer.ttd_rev2.rejection_rate")
    assert row is not None
    assert model.index(row, Column.VALUE).data(KEY_ROLE) == "reviewer.ttd_rev2.rejection_rate"
    assert model.index(row, Column.VALUE).data(VALUE_ROLE) == 75.0
    # section titles span the table
    for section_row in model.section_rows():
        assert view.table.columnSpan(section_row, 0) == len(Column)

    reasons = view.reasons_chart.bars()
    assert [(b.label, b.values, b.text) for b in reasons] == [
        ("收容人限制期間（E3）", (1.0, 0.0), "1 件"),
        ("文件不完整（E5）", (0.0, 1.0), "1 件"),
        ("內容不符（P2）", (1.0, 0.0), "1 件"),
        ("內文超過字數（P4）", (1.0, 0.0), "1 件"),
        ("照片張數或大小（P5）", (1.0, 0.0), "1 件"),
    ]
    reviewers = view.reviewers_chart.bars()
    assert [(b.label, b.values, b.text) for b in reviewers] == [
        ("社工1", (20.0,), "20.0%（1/5 件）"),
        ("社工2", (75.0,), "75.0%（3/4 件）"),
        ("社工3", (0.0,), "0.0%（0/2 件）"),
    ]
    reference = view.reviewers_chart.reference()
    assert reference is not None and (reference.value, reference.label) == (36.4, "機關整體 36.4%")
    assert [(b.label, b.values) for b in view.backlog_chart.bars()] == [
        ("未滿 1 天", (0.0, 2.0)),
        ("1–3 天", (1.0, 1.0)),
        ("3–7 天", (1.0, 1.0)),
        ("7 天以上", (1.0, 1.0)),
    ]
    labels = view.trend_chart.labels()
    assert len(labels) == 12 and labels[0] == ("12 月", "2025") and labels[1] == ("1 月", "2026")
    assert labels[-1] == ("11 月", "")
    series = {s.name: s.values for s in view.trend_chart.series()}
    assert series["聯絡簿收件"][-2:] == (3.0, 12.0)  # October, November
    assert series["聯絡簿審核通過"][-2:] == (1.0, 5.0)
    assert series["聯絡簿審核未通過"][-2:] == (1.0, 3.0)
    assert series["服務項目申請收件"][-2:] == (1.0, 5.0)
    summary = view.summary_label.text()
    assert "收件 <b>12</b>" in summary and "15.0</b> 小時" in summary and "目前待審 <b>8</b>" in summary


def test_choosing_all_facilities_and_an_empty_month(
    qtbot: QtBot, open_view: OpenView, sqlite_world: tuple[Engine, World]
) -> None:
    _, world = sqlite_world
    view = open_view(world.ttd)

    with qtbot.waitSignal(view.loaded):
        view.select_facility(None)
    assert view.model.text("posts.received") == "15"
    assert view.model.text("facility.rejection_rate") == "42.9%"
    # two reviewers are called 社工1 (one per facility): the chart tells them apart
    assert [b.label for b in view.reviewers_chart.bars()][:3] == [
        "社工1（ttd_rev1）",
        "社工2（ttd_rev2）",
        "社工1（tpp_rev1）",
    ]
    reference = view.reviewers_chart.reference()
    assert reference is not None and reference.label == "全部機關 42.9%"

    with qtbot.waitSignal(view.loaded):
        view.select_month(Month(2026, 8))
    assert view.model.text("posts.received") == "0"
    assert view.model.text("time.post_decision.median") == "—"
    assert view.reasons_chart.bars() == () and view.reasons_chart.empty_text() == "本月沒有審核未通過的案件"
    assert view.reviewers_chart.bars() == () and view.reviewers_chart.reference() is None
    assert sum(sum(b.values) for b in view.backlog_chart.bars()) == 9  # today's backlog, all facilities


def test_only_the_newest_choice_is_shown(
    qtbot: QtBot, open_view: OpenView, sqlite_world: tuple[Engine, World]
) -> None:
    _, world = sqlite_world
    view = open_view(world.ttd)
    shown: list[Month] = []
    view.loaded.connect(lambda: shown.append(view.month()))

    view.select_month(Month(2026, 10))
    view.select_month(Month(2026, 9))
    view.select_month(NOVEMBER)
    qtbot.waitUntil(lambda: not view.is_loading())

    assert shown == [NOVEMBER]  # the answers for October and September were dropped
    data = view.data()
    assert data is not None and data.stats.month == NOVEMBER
    assert view.model.text("posts.received") == "12"


def test_a_supervisor_limited_to_one_facility(
    open_view: OpenView, sqlite_world: tuple[Engine, World]
) -> None:
    _, world = sqlite_world
    view = open_view(world.tpp, only_facility=True)

    assert view.facility_combo.count() == 1 and not view.facility_combo.isEnabled()
    assert view.facility_id() == world.tpp
    assert view.model.text("posts.received") == "3"
    assert view.model.text("facility.rejection_rate") == "66.7%"


def test_a_database_without_the_schema_shows_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    view = StatisticsView(engine, None, now=lambda: AS_OF)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.failed) as blocker:
            pass  # the facility list is being read on the worker
        assert blocker.args is not None
        assert blocker.args[0].startswith("無法讀取統計資料：共用資料庫無法連線或尚未建立")
        assert view.status_label.text() == blocker.args[0] and view.data() is None
    finally:
        view.close()
        assert executors.network().wait(30_000)
        engine.dispose()


def test_figures_model_passes_the_model_tester(
    qtmodeltester: ModelTester, sqlite_world: tuple[Engine, World]
) -> None:
    engine, world = sqlite_world
    model = FiguresModel()
    qtmodeltester.check(model)
    model.set_rows(figure_rows(month_statistics(engine, NOVEMBER, world.ttd, AS_OF)))
    qtmodeltester.check(model)
    assert model.rowCount() == len(model.rows()) + len(model.section_rows())
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(3)] == ["項目", "數值", "機關整體"]


def test_a_supervisor_whose_facility_is_missing_sees_nothing_else(
    qtbot: QtBot, sqlite_world: tuple[Engine, World]
) -> None:
    engine, _ = sqlite_world
    view = StatisticsView(engine, 999, only_facility=True, now=lambda: AS_OF)
    qtbot.addWidget(view)
    try:
        with qtbot.waitSignal(view.failed) as blocker:
            pass
        assert blocker.args == ["無法讀取統計資料：找不到機關（編號 999）"]
        assert view.data() is None and not view.facility_combo.isEnabled()
    finally:
        view.close()


def test_closing_returns_at_once_while_the_figures_are_loading(
    qtbot: QtBot, open_view: OpenView, sqlite_world: tuple[Engine, World]
) -> None:
    """The supervisor closes the statistics while a slow query runs: the view goes at once, and the
    answer that comes later is not shown."""
    engine, world = sqlite_world
    view = open_view(world.ttd)
    shown: list[Month] = []
    view.loaded.connect(lambda: shown.append(view.month()))
    with held(engine, r"SELECT") as gate:
        view.select_month(Month(2026, 10))
        assert gate.reached.wait(10)
        started = time.monotonic()
        view.close()
        closed_in = time.monotonic() - started
    qtbot.waitUntil(lambda: not view.is_loading())  # its answer came back, and was dropped
    assert closed_in < 1.0
    assert shown == []
