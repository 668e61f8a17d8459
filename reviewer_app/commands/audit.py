"""`audit verify [--against FILE]`, `audit checkpoint -o FILE`, `audit export -o FILE.csv`: the
tamper-evident audit trail (supervisor or IT).

verify walks each facility's hash chain and reports the first broken link (exit status 1), or that
the chain holds (exit 0). Connected as a supervisor on PostgreSQL it checks their facility's chain;
as IT, every chain. checkpoint writes each chain's head to a file to keep outside the database;
verify --against that file also proves that nothing before the checkpoint changed since, which the
chain alone cannot show against someone able to switch its trigger off (access/audit_checkpoint.py).
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
    verify.add_argument(
        "--against",
        type=Path,
        metavar="FILE",
        help="also prove that nothing before this checkpoint (from `audit checkpoint`) changed",
    )
    verify.set_defaults(handler=run_verify)
    checkpoint = audit_sub.add_parser(
        "checkpoint",
        help="write each chain's head (number, hash, time) to a file to keep outside the database",
    )
    checkpoint.add_argument("-o", "--output", required=True, type=Path, help="the checkpoint file to write")
    checkpoint.set_defaults(handler=run_checkpoint)
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

    if args.against is not None:
        return _verify_against(args)
    engine = open_engine(args)
    _require_supervisor_or_it(engine)
    with Session(engine) as s:
        report = audit_chain.verify(s)
    if report.first_break is None:
        print(f"稽核鏈完整：{report.events} 筆事件，{report.chains} 條鏈（每個機關一條）")
        return 0
    return _broken(report.first_break)


def _my_chains(engine: Engine) -> set[int] | None:
    """The chains this connection may read: a supervisor's own facility on PostgreSQL; else all."""
    from sqlalchemy import text

    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        facility = conn.execute(text("SELECT reviewdesk_my_facility()")).scalar()
    return None if facility is None else {int(facility)}


def _verify_against(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from reviewer_app.access import audit_checkpoint

    try:
        checkpoint = audit_checkpoint.load(args.against)
    except audit_checkpoint.CheckpointError as exc:
        raise UserError(str(exc)) from None
    engine = open_engine(args)
    _require_supervisor_or_it(engine)
    with Session(engine) as s:
        result = audit_checkpoint.verify_against(s, checkpoint, _my_chains(engine))
    for chain in result.not_visible:
        print(f"機關 {chain} 的稽核鏈：您無權查看，未比對")
    if result.first_break is not None:
        return _broken(result.first_break)
    report = result.chain_report
    taken = f"{checkpoint.taken_at:%Y-%m-%d %H:%M:%S} UTC"
    print(f"稽核鏈完整：{report.events} 筆事件，{report.chains} 條鏈（每個機關一條）")
    print(f"與檢查點（{taken}）一致：檢查點之前的 {result.checked_events} 筆事件未被修改、刪除或插入")
    return 0


def run_checkpoint(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import Session

    from reviewer_app.access import audit_checkpoint

    output: Path = args.output
    require_output_folder(output)
    engine = open_engine(args)
    _require_supervisor_or_it(engine)
    with Session(engine) as s:
        checkpoint = audit_checkpoint.take(s)
    try:
        digest = audit_checkpoint.write(checkpoint, output)
    except OSError as exc:
        raise UserError(f"無法寫入檢查點 {output}：{exc.strerror or exc}") from None
    print(
        f"已寫入稽核鏈檢查點 {output}：{len(checkpoint.chains)} 條鏈，共 {checkpoint.events} 筆事件"
        f"（{checkpoint.taken_at:%Y-%m-%d %H:%M:%S} UTC）"
    )
    print(f"檔案 SHA-256：{digest}")
    print(
        "請將此檔案保存在資料庫主機以外（例如另一台主機或唯讀媒體），並另行記下上面的 SHA-256；"
        f"日後以 reviewer-app audit verify --against {output} 比對。"
    )
    return 0


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
