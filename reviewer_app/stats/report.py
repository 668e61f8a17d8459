"""The agency's monthly return: a month's figures as CSV or XLSX, chosen by the file's suffix.

One row per figure (the rows of :mod:`reviewer_app.stats.figures`), one block per facility; numbers are
numbers (hours and percentages to one decimal), an empty cell where nothing could be measured. The CSV
starts with a UTF-8 byte-order mark so that Excel opens the Chinese correctly. The file is written
beside its final name and moved into place, so a failed write never leaves half a report.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

from reviewer_app.core.private_files import replaced_when_written
from reviewer_app.core.spreadsheet_text import spreadsheet_safe
from reviewer_app.stats.figures import ALL_FACILITIES_CODE, FigureRow, facility_name, figure_rows
from reviewer_app.stats.queries import MonthStatistics

HEADER: Final[tuple[str, ...]] = (
    "月份",
    "機關代碼",
    "機關名稱",
    "類別",
    "項目",
    "數值",
    "單位",
    "機關整體",
    "指標代碼",
)
FORMATS: Final[tuple[str, ...]] = (".csv", ".xlsx")

Cell = str | int | float | None


class ReportFormatError(ValueError):
    """The output file's suffix names no format we write."""


def report_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ReportFormatError(f"無法判斷報表格式：{path.name}；檔名請以 .csv 或 .xlsx 結尾")
    return suffix


def report_rows(blocks: Sequence[MonthStatistics]) -> Iterator[tuple[Cell, ...]]:
    """The report's data rows (without the header), block after block."""
    for stats in blocks:
        code = stats.facility.code if stats.facility is not None else ALL_FACILITIES_CODE
        name = facility_name(stats)
        row: FigureRow
        for row in figure_rows(stats):
            yield (
                str(stats.month),
                code,
                name,
                row.section,
                row.item,
                row.value,
                row.unit,
                row.facility_value,
                row.key,
            )


def write_report(path: Path, blocks: Sequence[MonthStatistics]) -> int:
    """Write `blocks` to `path` as CSV or XLSX (by suffix); returns the number of data rows."""
    suffix = report_format(path)
    rows = list(report_rows(blocks))
    # the user's alone (0600: staff names and a facility's figures), then moved over the final name
    with replaced_when_written(path) as temporary:
        if suffix == ".csv":
            _write_csv(temporary, rows)
        else:
            _write_xlsx(temporary, rows, blocks)
    return len(rows)


def _write_csv(path: Path, rows: Sequence[tuple[Cell, ...]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)


def _write_xlsx(path: Path, rows: Sequence[tuple[Cell, ...]], blocks: Sequence[MonthStatistics]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    months = sorted({str(b.month) for b in blocks})
    sheet.title = f"月報 {months[0]}" if len(months) == 1 else "月報"
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # openpyxl made a formula of text starting with "=": it is a name
    sheet.freeze_panes = "A2"
    widths = (10, 10, 30, 34, 40, 10, 6, 10, 44)
    for column, width in zip("ABCDEFGHI", widths, strict=True):
        sheet.column_dimensions[column].width = width
    for (number_cell,) in sheet.iter_rows(min_row=2, min_col=6, max_col=6):
        if isinstance(number_cell.value, float):
            number_cell.number_format = "0.0"
    for (beside,) in sheet.iter_rows(min_row=2, min_col=8, max_col=8):
        if isinstance(beside.value, float):
            beside.number_format = "0.0"
    workbook.save(path)
