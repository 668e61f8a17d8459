"""`audit verify` and `audit export -o FILE.csv`: the tamper-evident audit trail (supervisor or IT).

verify walks each facility's hash chain and reports the first broken link (exit status 1), or that
the chain holds (exit 0). Connected as a supervisor on PostgreSQL it checks their facility's chain;
as IT, every chain.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.commands.common import UserError, open_engine, require_output_folder

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reviewer_app.access.audit_chain import Break


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="the audit trail: verify its hash chain, export it")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser(
        "verify", help="check the hash chain: exit 1 with the first broken link, exit 0 when it holds"
    )
    verify.set_defaults(handler=run_verify)
    export = audit_sub.add_parser("export", help="write the audit trail, with its hashes, to a CSV file")
    export.add_argument("-o", "--output", required=True, type=Path, help="the CSV file to write")
    export.set_defaults(handler=run_export)


def _require_supervisor_or_it(engine: Engine) -> None:
    """On PostgreSQL a reviewer or counsellor sees only their own events: their 'chain' would look
    broken. Only supervisors (their facility) and IT (everything) verify or export."""
    from sqlalchemy import text

    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        role = conn.execute(text("SELECT reviewdesk_my_role()")).scalar()
    if role is not None and role != "supervisor":
        raise UserError("只有業務主管或資訊人員可以驗證或匯出稽核紀錄")


def run_verify(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from reviewer_app.access import audit_chain

    engine = open_engine(args)
    _require_supervisor_or_it(engine)
    with Session(engine) as s:
        report = audit_chain.verify(s)
    if report.first_break is None:
        print(f"稽核鏈完整：{report.events} 筆事件，{report.chains} 條鏈（每個機關一條）")
        return 0
    return _broken(report.first_break)


def _broken(b: Break) -> int:
    print(f"稽核鏈斷裂（機關 {b.chain}，第 {b.seq if b.seq is not None else '?'} 筆）：{b.message}")
    return 1


def run_export(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from reviewer_app.access import audit_chain

    output: Path = args.output
    require_output_folder(output)
    engine = open_engine(args)
    _require_supervisor_or_it(engine)
    with Session(engine) as s:
        try:
            count = audit_chain.export_csv(s, output)
        except audit_chain.UnreadableEvent:
            # An event changed in the database: name it as verify does (nothing was written).
            s.rollback()
            report = audit_chain.verify(s)
            if report.first_break is None:
                raise
            return _broken(report.first_break)
        except OSError as exc:
            raise UserError(f"無法寫入稽核紀錄 {output}：{exc.strerror or exc}") from None
    print(f"已匯出 {count} 筆稽核事件到 {output}")
    return 0
