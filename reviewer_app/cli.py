"""The `reviewer-app` command: the desk (default), demo, seed, db upgrade, sync.

Every command takes the shared database from --database-url, else $REVIEWER_DATABASE_URL, else the
embedded SQLite file in the user's data folder. Errors a user can act on are one clear line, not a
traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from reviewer_app import config
from reviewer_app.catalogue_db import ensure_catalogue
from reviewer_app.db import current_revision, head_revision, make_engine, upgrade

log = logging.getLogger("reviewer_app")


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer-app", description="愛在雲端~電子家庭聯絡簿 審核工作站")
    parser.add_argument(
        "--database-url",
        help=f"shared database (default: ${config.DATABASE_URL_ENV}, else the embedded file)",
    )
    parser.add_argument("--user", help="staff username to sign in as")
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("demo", help="create and fill the embedded demo database if missing, then open the desk")

    seed = sub.add_parser("seed", help="fill a database with believable demo data")
    seed.add_argument("--facilities", type=int, default=1)
    seed.add_argument("--families", type=int, default=40)
    seed.add_argument("--seed", type=int, default=2026, dest="rng_seed")

    db = sub.add_parser("db", help="schema commands")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="bring the shared database to the newest schema")
    db_sub.add_parser("current", help="print the schema revision")

    sync = sub.add_parser("sync", help="push this workstation's decisions and pull its claims once")
    sync.add_argument("--batch", type=int, default=30)
    return parser


_engines: list[Engine] = []


def _engine(args: argparse.Namespace, url: str | None = None) -> Engine:
    engine = make_engine(url or config.resolve_database_url(args.database_url))
    _engines.append(engine)  # disposed when the command ends, so no connection outlives it
    return engine


def _upgrade(engine: Engine) -> None:
    upgrade(engine)
    with Session(engine) as s, s.begin():
        ensure_catalogue(s)


def cmd_db(args: argparse.Namespace) -> int:
    engine = _engine(args)
    if args.db_command == "upgrade":
        before = current_revision(engine)
        _upgrade(engine)
        print(f"schema: {before or '(empty)'} -> {head_revision()}")
    else:
        print(current_revision(engine) or "(empty)")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    from reviewer_app.demo.seed import seed

    engine = _engine(args)
    _upgrade(engine)
    summary = seed(engine, facilities=args.facilities, families=args.families, rng_seed=args.rng_seed)
    print(
        f"seeded {summary.facilities} facilities, {summary.families} families, "
        f"{summary.applications} applications, {summary.posts} posts, {summary.documents} documents "
        f"({summary.pending} pending)"
    )
    return 0


def _staff(engine: Engine, username: str | None) -> tuple[str, str, int]:
    from reviewer_app.models import Staff

    with Session(engine) as s:
        q = select(Staff).where(Staff.active.is_(True))
        q = q.where(Staff.username == username) if username else q.where(Staff.role == "reviewer")
        staff = s.scalars(q.order_by(Staff.id).limit(1)).first()
        if staff is None:
            raise UserError(f"找不到可登入的工作人員帳號：{username or '(reviewer)'}")
        return staff.username, staff.display_name, staff.facility_id


def cmd_sync(args: argparse.Namespace) -> int:
    from reviewer_app.journal import Journal
    from reviewer_app.sync import Sync

    engine = _engine(args)
    username, _, facility_id = _staff(engine, args.user)
    journal = Journal(config.journal_path(str(engine.url), username))
    sync = Sync(engine, journal, username, config.workstation_id(), facility_id)
    try:
        pushed, pulled = sync.sync(args.batch)
    finally:
        journal.close()
    counts = journal.counts()
    print(
        f"pushed {pushed.applied} (already applied {pushed.already_applied}, conflicts {pushed.conflicts}); "
        f"claimed {pulled.claimed}; waiting to sync {counts.waiting_to_sync}"
    )
    return 0


def cmd_desk(args: argparse.Namespace, demo: bool = False) -> int:
    from reviewer_app.journal import Journal
    from reviewer_app.sync import Sync

    # The demo fills the embedded default (or an explicit --database-url), never whatever
    # $REVIEWER_DATABASE_URL points at: that may be the facility's real database.
    demo_url = args.database_url or f"sqlite:///{config.default_database_path()}"
    engine = _engine(args, demo_url if demo else None)
    if demo:
        from reviewer_app.demo.seed import is_empty, seed

        _upgrade(engine)
        if is_empty(engine):
            print("建立示範資料中（約需半分鐘）…", flush=True)
            seed(engine)
        args.user = args.user or "reviewer"
    elif current_revision(engine) != head_revision():
        raise UserError("共用資料庫尚未建立或版本過舊，請先執行：reviewer-app db upgrade")
    username, display_name, facility_id = _staff(engine, args.user)
    journal = Journal(config.journal_path(str(engine.url), username))
    workstation = config.workstation_id()
    sync = Sync(engine, journal, username, workstation, facility_id)

    from reviewer_app.ui.app import run_desk
    from reviewer_app.ui.main_window import DeskContext

    context = DeskContext(
        journal=journal,
        sync=sync,
        staff_username=username,
        staff_display_name=display_name,
        workstation=workstation,
    )
    return run_desk(context, sys.argv[:1])


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    try:
        if args.command == "db":
            return cmd_db(args)
        if args.command == "seed":
            return cmd_seed(args)
        if args.command == "sync":
            return cmd_sync(args)
        return cmd_desk(args, demo=args.command == "demo")
    except UserError as exc:
        print(f"reviewer-app: {exc}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        print(f"reviewer-app: 無法連線到共用資料庫：{exc.orig or exc}", file=sys.stderr)
        return 3
    finally:
        while _engines:
            _engines.pop().dispose()


if __name__ == "__main__":
    sys.exit(main())
