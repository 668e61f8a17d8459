"""`check-file FILE...`: the loader's verdict on files, as the desk would give it.

For IT staff when a family says a file was refused wrongly. Prints, for each file, the verdict, the
type found in its bytes, size, pixels or pages and findings; exits 0 when every file is acceptable,
1 when any is not. Never a traceback: an unreadable file is a verdict like any other.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from reviewer_app.core.vocabulary import DOCUMENT_KINDS

if TYPE_CHECKING:
    from reviewer_app.core.policy import Policy

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check-file",
        help="show the document loader's verdict for files (exit 1 if any is not acceptable)",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument(
        "--kind",
        choices=sorted(DOCUMENT_KINDS),
        default="post_attachment",
        help="what the file was uploaded as (default: post_attachment, a post's photo or attachment)",
    )
    parser.add_argument(
        "--facility",
        metavar="CODE",
        help="use this facility's policy from the shared database (default: the guide's limits)",
    )
    parser.add_argument(
        "--render", action="store_true", help="also render every PDF page, as the desk would show it"
    )
    parser.set_defaults(handler=run)


def _policy(args: argparse.Namespace) -> Policy:
    from reviewer_app.core.policy import Policy  # here: the parser is built before the sign-in window

    if not args.facility:
        return Policy()
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from reviewer_app.commands.common import UserError, open_engine
    from reviewer_app.shared_db.models import Facility

    with Session(open_engine(args)) as s:
        facility = s.scalars(select(Facility).where(Facility.code == args.facility)).first()
        if facility is None:
            raise UserError(f"找不到矯正機關代碼：{args.facility}")
        return facility.policy()


def run(args: argparse.Namespace) -> int:
    from reviewer_app.documents import DocumentLimits, PageError, PdfDocument, load_document_file
    from reviewer_app.documents.report import acceptable, describe

    limits = DocumentLimits.for_kind(args.kind, _policy(args))
    print(f"檢查依據：{DOCUMENT_KINDS[args.kind]}（{args.kind}）的限制")
    all_ok = True
    for name in args.files:
        print(name)
        try:
            verdict = load_document_file(name, limits)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            print(f"  結果：不接受\n  原因：無法讀取檔案（{reason}）［unreadable］")
            all_ok = False
            continue
        except Exception as exc:  # the loader never raises for bad input: this is a bug, but no traceback
            log.debug("loader failed", exc_info=exc)
            reason = type(exc).__name__
            print(f"  結果：不接受\n  原因：檢查時發生內部錯誤（{reason}），請回報資訊人員［internal］")
            all_ok = False
            continue
        lines = describe(verdict)
        if isinstance(verdict, PdfDocument):
            try:
                if args.render:
                    for index in range(verdict.page_count):
                        try:
                            verdict.render_page(index, 1000)
                        except PageError as exc:
                            lines.insert(1, f"第 {index + 1} 頁：{exc.reason}［{exc.code}］")
                            lines[0] = "結果：不接受"
                            all_ok = False
            finally:
                verdict.close()
        all_ok = all_ok and acceptable(verdict)
        for line in lines:
            print(f"  {line}")
    sys.stdout.flush()
    return 0 if all_ok else 1
