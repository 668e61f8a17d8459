"""The desk itself (`reviewer-app`, the default) and `demo`."""

from __future__ import annotations

import argparse
import sys

from reviewer_app import config
from reviewer_app.commands.common import UserError, find_staff, open_engine, upgrade_schema
from reviewer_app.db import current_revision, head_revision


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser(
        "demo", help="create and fill the embedded demo database if missing, then open the desk"
    ).set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    return run(args, demo=True)


def run(args: argparse.Namespace, demo: bool = False) -> int:
    from reviewer_app.journal import Journal
    from reviewer_app.sync import Sync

    if demo:
        # The demo fills the embedded default (or an explicit --database-url), never whatever
        # $REVIEWER_DATABASE_URL points at: that may be the facility's real database.
        from reviewer_app.demo.seed import is_empty, seed

        engine = open_engine(args, args.database_url or f"sqlite:///{config.default_database_path()}")
        upgrade_schema(engine)
        if is_empty(engine):
            print("建立示範資料中（約需半分鐘）…", flush=True)
            seed(engine)
        args.user = args.user or "reviewer"
    else:
        engine = open_engine(args)
        if current_revision(engine) != head_revision():
            raise UserError("共用資料庫尚未建立或版本過舊，請先執行：reviewer-app db upgrade")
    staff = find_staff(engine, args.user)
    journal = Journal(config.journal_path(str(engine.url), staff.username))
    workstation = config.workstation_id()
    sync = Sync(engine, journal, staff.username, workstation, staff.facility_id)

    from reviewer_app.ui.app import run_desk
    from reviewer_app.ui.main_window import DeskContext

    context = DeskContext(
        journal=journal,
        sync=sync,
        staff_username=staff.username,
        staff_display_name=staff.display_name,
        workstation=workstation,
    )
    try:
        return run_desk(context, sys.argv[:1])
    finally:
        journal.close()
