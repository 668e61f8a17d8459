"""`print`: the morning batch without the window: every approved post not printed yet, to one PDF;
or the hand-over sheets (簽收單) of the posts printed and not handed over yet.

    reviewer-app print --approved [--unit UNIT] -o FILE.pdf [--user NAME]
    reviewer-app print --sheets [--unit UNIT] -o FILE.pdf [--user NAME]

The posts are printed in walking order (housing unit, room, call number), a page a post followed by
the pages of its PDF attachments, marked printed in this workstation's journal (who, when, one copy)
and pushed to the shared database like decisions. ``--unit 忠舍`` takes every room of 忠舍,
``--unit "忠舍 3 房"`` that room only. ``--sheets`` writes one signing page a housing unit
(printing/handover_sheet.py, as the print window's 簽收單) and records nothing. Needs no display:
without one, Qt's offscreen platform is used.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app import config
from reviewer_app.commands.common import UserError, find_staff, open_engine, require_current_schema

if TYPE_CHECKING:
    from reviewer_app.journal.printing import QueuedPost
    from reviewer_app.printing.jobs import PrintDesk


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "print",
        help="print approved posts not printed yet to one PDF and mark them printed, or the hand-over sheets",
        description="列印審核通過、尚未列印的家庭聯絡簿（每則一頁，附件頁隨後），並登錄為已列印；"
        "或列印待轉交聯絡簿的簽收單（每個舍房一頁）。",
    )
    what = cmd.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--approved",
        action="store_true",
        help="every approved post not printed yet (the morning batch)",
    )
    what.add_argument(
        "--sheets",
        action="store_true",
        help="the hand-over sheets (one page a housing unit) of the posts printed, not handed over yet",
    )
    cmd.add_argument("--unit", metavar="UNIT", help="one housing unit (忠舍) or one place (忠舍 3 房)")
    cmd.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf", help="the PDF to write")
    # Also accepted after the subcommand; SUPPRESS keeps a --user given before it.
    cmd.add_argument(
        "--user", default=argparse.SUPPRESS, help="staff username (default: the first counsellor)"
    )
    cmd.set_defaults(handler=run)


_application: list[object] = []


def ensure_gui_application() -> object:
    """A QGuiApplication for fonts and painting; offscreen when there is no display. One made here
    lives as long as the process (the fonts loaded into it must not go away before printing ends)."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from reviewer_app.qt import QCoreApplication, QGuiApplication

    app = QCoreApplication.instance()
    if app is None:
        app = QGuiApplication([sys.argv[0] if sys.argv else "reviewer-app"])
        _application.append(app)
    return app


def _held_back_lines(posts: Sequence[QueuedPost]) -> list[str]:
    """暫緩轉交: the posts left out of the batch and why (they come back when the reason is gone)."""
    if not posts:
        return []
    from reviewer_app.core.rules.delivery import held_back_words

    lines = [f"暫緩轉交 {len(posts)} 則（未列印，原因消失後自動回到待列印）："]
    for post in posts:
        why = held_back_words(post.held_back) if post.held_back else ""
        lines.append(f"  {post.call_number}「{post.title}」：{why}")
    return lines


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    if output.suffix.lower() != ".pdf":
        raise UserError(f"輸出檔名須為 .pdf：{output}")
    if not output.parent.is_dir():
        raise UserError(f"輸出資料夾不存在：{output.parent}")
    # Imported here: every command's module is loaded to build the parser, before the sign-in window.
    from reviewer_app.access import roles as security

    engine = open_engine(args)
    require_current_schema(engine)
    staff = find_staff(engine, getattr(args, "user", None), role="counsellor")
    actor = security.Actor(staff.username, staff.role, staff.facility_id, config.workstation_id())
    try:
        security.require(actor, "print")
    except security.NotAllowed as exc:
        raise UserError(str(exc)) from None

    ensure_gui_application()
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal import Journal
    from reviewer_app.journal.printing import HELD_BACK
    from reviewer_app.printing.jobs import PrintDesk
    from reviewer_app.printing.render import PrintFailed
    from reviewer_app.sync.service import SharedDatabaseUnavailable, Sync

    journal = Journal(config.journal_path(str(engine.url), staff.username))
    store = DocumentStore.for_staff(engine, staff.username)
    try:
        sync = Sync(engine, journal, staff.username, actor.workstation, staff.facility_id)
        desk = PrintDesk(sync, store.fetch_to_print, staff.display_name)
        try:
            desk.refresh()
        except SharedDatabaseUnavailable as exc:
            print(f"reviewer-app: 無法連線到共用資料庫：{exc}", file=sys.stderr)
            return 3
        if args.sheets:
            return _write_sheets(desk, args.unit, output)
        for line in _held_back_lines(desk.queue((HELD_BACK,), args.unit)):
            print(line)
        posts = desk.to_print(args.unit)
        if not posts:
            where = f"（{args.unit}）" if args.unit else ""
            print(f"沒有待列印的家庭聯絡簿{where}")
            return 0
        try:
            printed = desk.print_pdf(posts, output)
        except PrintFailed as exc:
            raise UserError(str(exc)) from None
        for note in printed.summary.notes:
            print(f"注意：聯絡簿{note}", file=sys.stderr)
        print(f"已列印 {printed.summary.posts} 則家庭聯絡簿，共 {printed.summary.pages} 頁：{output}")
        try:
            pushed = desk.push()
        except SharedDatabaseUnavailable:
            print("共用資料庫暫時無法連線：列印紀錄已存於本工作站，下次同步時送出")
            return 0
        records = pushed.records
        print(
            f"已同步列印紀錄 {records.prints + records.already_applied} 筆"
            + (f"，衝突 {records.conflicts} 筆" if records.conflicts else "")
        )
        for note in records.notes:
            print(f"注意：聯絡簿{note}", file=sys.stderr)
        return 0
    finally:
        store.close()
        journal.close()


def _write_sheets(desk: PrintDesk, unit: str | None, output: Path) -> int:
    """簽收單: one signing page a housing unit for the posts printed and not handed over yet."""
    from reviewer_app.journal.print_records import HANDOVER_FROM
    from reviewer_app.printing.handover_sheet import unit_sheets, write_sheets_pdf
    from reviewer_app.printing.render import PrintFailed

    posts = desk.queue(sorted(HANDOVER_FROM), unit)
    if not posts:
        where = f"（{unit}）" if unit else ""
        print(f"沒有待轉交的家庭聯絡簿{where}，未產生簽收單")
        return 0
    sheets = unit_sheets(posts)
    facility = posts[0].snapshot.facility.name
    try:
        pages = write_sheets_pdf(
            output, sheets, facility_name=facility, printed_by=desk.display_name, now=desk.clock()
        )
    except PrintFailed as exc:
        raise UserError(str(exc)) from None
    print(f"已輸出簽收單 {len(sheets)} 個舍房、{len(posts)} 則家庭聯絡簿，共 {pages} 頁：{output}")
    return 0
