"""`report`: a month's programme statistics as CSV or XLSX, for the agency's monthly return."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from reviewer_app.commands.common import (
    UserError,
    open_engine,
    require_current_schema,
    require_output_folder,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report",
        help="write a month's programme statistics as CSV or XLSX (chosen by the file's suffix)",
        description="每月統計報表（矯正署月報）：依檔名副檔名寫出 CSV 或 XLSX。",
    )
    report.add_argument(
        "--month", required=True, metavar="YYYY-MM", help="Taipei calendar month, e.g. 2026-03"
    )
    report.add_argument(
        "--facility", metavar="CODE", help="one facility's code (default: each facility, then all together)"
    )
    report.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help="FILE.csv or FILE.xlsx"
    )
    report.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reviewer_app.stats.months import Month
    from reviewer_app.stats.queries import facilities, facility_by_code, month_statistics
    from reviewer_app.stats.report import ReportFormatError, report_format, write_report

    try:
        month = Month.parse(args.month)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    output: Path = args.output
    try:
        report_format(output)
    except ReportFormatError as exc:
        raise UserError(str(exc)) from None
    require_output_folder(output)

    engine = open_engine(args)
    require_current_schema(engine)
    now = datetime.now(UTC)
    with engine.connect() as conn:
        if args.facility:
            facility = facility_by_code(conn, args.facility)
            if facility is None:
                known = "、".join(f.code for f in facilities(conn)) or "（無）"
                raise UserError(f"找不到機關代碼 {args.facility}；現有機關代碼：{known}")
            blocks = [month_statistics(conn, month, facility.id, now)]
        else:
            blocks = [month_statistics(conn, month, f.id, now) for f in facilities(conn)]
            blocks.append(month_statistics(conn, month, None, now))
    try:
        rows = write_report(output, blocks)
    except OSError as exc:
        raise UserError(f"無法寫入報表 {output}：{exc.strerror or exc}") from None
    print(f"{month} 月報：{len(blocks)} 個機關區塊，共 {rows} 列，已寫入 {output}")
    return 0
