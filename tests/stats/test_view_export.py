"""Statistics a supervisor can take away (#20 item 9): an export button that writes the month's figures
as CSV (formula-safe) or XLSX through Qt's own save dialog; and no empty 機關整體 column."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from reviewer_app.qt import QApplication, Qt
from reviewer_app.shared_db.models import Staff
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.stats import StatisticsView
from reviewer_app.ui.stats.table_model import Column
from tests.stats.world import AS_OF, NOVEMBER, World

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture(autouse=True)
def zh_tw(qapp: QApplication) -> None:
    """The statistics in zh-TW, the desk's default language (their words follow the desk's)."""
    assert apply_language(qapp, "zh_TW")


@pytest.fixture
def view(qtbot: QtBot, sqlite_world: tuple[Engine, World]) -> Iterator[StatisticsView]:
    engine, world = sqlite_world
    v = StatisticsView(engine, world.ttd, month=NOVEMBER, now=lambda: AS_OF, only_facility=True)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitUntil(lambda: v.data() is not None and not v.is_loading())
    yield v
    v.close()
    assert executors.network().wait(30_000)


def _export(qtbot: QtBot, view: StatisticsView, path: Path) -> None:
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.file_dialog is not None and view.file_dialog.isVisible())
    dialog = view.file_dialog
    assert dialog is not None
    dialog.selectFile(str(path))
    with qtbot.waitSignal(view.exported, timeout=30_000):
        dialog.accept()


def test_export_the_months_figures_as_csv(
    qtbot: QtBot, view: StatisticsView, sqlite_world: tuple[Engine, World], tmp_path: Path
) -> None:
    engine, _ = sqlite_world
    with Session(engine) as s, s.begin():  # a name a spreadsheet would run as a formula
        s.execute(update(Staff).where(Staff.username == "ttd_rev2").values(display_name="=HYPERLINK(1)"))
    with qtbot.waitSignal(view.loaded):
        view.reload()
    out = tmp_path / "十一月.csv"
    _export(qtbot, view, out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["月份", "機關代碼", "機關名稱"]
    assert len(rows) - 1 == len(view.model.rows())  # the figures on screen, a row each
    items = {row[4]: row[5] for row in rows[1:]}
    assert items["收件"] in {"5", "12"}
    assert not any(cell.startswith("=") for row in rows for cell in row)
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    assert str(out) in view.status_label.text() or out.name in view.status_label.text()


def test_no_empty_facility_column_the_comparison_follows_the_reviewers_figures(
    qtbot: QtBot, view: StatisticsView
) -> None:
    """QA saw an empty 機關整體 column: only the reviewers' figures have a whole to compare with."""
    model = view.model
    assert view.table.isColumnHidden(Column.FACILITY)
    assert (
        model.text("reviewer.ttd_rev2.rejection_rate", Column.ITEM)
        == "社工2（ttd_rev2）：退件率（機關整體 36.4%）"
    )
    assert model.text("posts.received", Column.ITEM) == "收件"  # nothing to compare: nothing added
    decisions = model.text("reviewer.ttd_rev2.decisions", Column.ITEM)
    assert decisions.startswith("社工2（ttd_rev2）：決定件數（機關整體 ") and decisions.endswith("）")
