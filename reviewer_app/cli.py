"""The `reviewer-app` command line. Without a subcommand it opens the desk.

Every command takes the shared database from --database-url, else $REVIEWER_DATABASE_URL, else
`url` in the [database] section of settings.ini in the user's data folder, else the embedded SQLite
file there. Errors a user can act on are one clear line, not a
traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from reviewer_app import config
from reviewer_app.commands import MODULES, desk
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


def _cannot_connect(exc: Exception) -> bool:
    """SQLAlchemy's OperationalError, without importing SQLAlchemy for commands that never load it
    (the desk's sign-in window is shown before it has loaded)."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.OperationalError)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except (UserError, config.SettingsError) as exc:
        print(f"reviewer-app: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        if not _cannot_connect(exc):
            raise
        print(f"reviewer-app: 無法連線到共用資料庫：{getattr(exc, 'orig', None) or exc}", file=sys.stderr)
        return 3
    finally:
        dispose_engines()


if __name__ == "__main__":
    sys.exit(main())
