"""The `reviewer-app` command line. Without a subcommand it opens the desk.

Every command takes the shared database from --database-url, else $REVIEWER_DATABASE_URL, else
`url` in the [database] section of settings.ini in the user's data folder, else the embedded SQLite
file there. Errors a user can act on are one clear line, not a
traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from reviewer_app import config
from reviewer_app.commands import MODULES, db_password, desk
from reviewer_app.commands.common import UserError, dispose_engines


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer-app", description="愛在雲端~電子家庭聯絡簿 審核工作站")
    parser.add_argument(
        "--database-url",
        help=f"shared database (default: ${config.DATABASE_URL_ENV}, else [database] url in "
        f"{config.SETTINGS_FILE} in the data folder, else the embedded file)",
    )
    parser.add_argument("--user", help="staff username to sign in as")
    parser.set_defaults(handler=desk.run)
    sub = parser.add_subparsers(dest="command")
    for module in MODULES:
        module.register(sub)
    return parser


def _database_problem(exc: Exception) -> tuple[str, int] | None:
    """A one-line message and exit status for a shared database that cannot be used, else None. The
    classes are looked up in sys.modules, not imported: commands that never load SQLAlchemy (the
    desk's sign-in window is shown before it has loaded) must not load it here."""
    errors = sys.modules.get("sqlalchemy.exc")
    if errors is not None and isinstance(exc, errors.OperationalError):
        return f"無法連線到共用資料庫：{getattr(exc, 'orig', None) or exc}", 3
    # Only the bare class: the driver could not say more, e.g. SQLite's "file is not a database".
    # Its subclasses (IntegrityError, …) are bugs and keep their traceback.
    if errors is not None and type(exc) is errors.DatabaseError:
        orig = getattr(exc, "orig", None)
        hint = "（不是資料庫檔案，或檔案已損毀）" if type(orig).__module__.startswith("sqlite3") else ""
        return f"共用資料庫無法讀取{hint}：{orig or exc}", 2
    sync = sys.modules.get("reviewer_app.sync.service")  # e.g. a read-only SQLite file during `sync`
    if sync is not None and isinstance(exc, sync.SharedDatabaseUnavailable):
        return f"無法寫入共用資料庫：{exc}", 3
    return None


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    db_password.warn_if_password_in_url(args.database_url or os.environ.get(config.DATABASE_URL_ENV))
    try:
        return int(args.handler(args))
    except (UserError, config.SettingsError) as exc:
        print(f"reviewer-app: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl+C anywhere: one line, not a traceback; 130 is the shells' status for SIGINT.
        print("reviewer-app: 已中斷", file=sys.stderr)
        return 130
    except Exception as exc:
        problem = _database_problem(exc)
        if problem is None:
            raise
        print(f"reviewer-app: {problem[0]}", file=sys.stderr)
        return problem[1]
    finally:
        dispose_engines()


if __name__ == "__main__":
    sys.exit(main())
