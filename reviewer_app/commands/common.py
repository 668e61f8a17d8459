"""What every command shares: clear user errors, the shared-database engine, the signed-in staff.

SQLAlchemy is imported where it is used, not here: every command module imports this one, and the
desk's sign-in window should be on screen before SQLAlchemy has loaded (it loads while the member
types the password).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app import config

if TYPE_CHECKING:
    from sqlalchemy import Engine


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


_engines: list[Engine] = []


_SUPPORTED_URLS = "請使用 sqlite:///檔案路徑 或 postgresql://帳號@主機/資料庫"


def open_engine(args: argparse.Namespace, url: str | None = None) -> Engine:
    """The shared database: `url`, else --database-url, else $REVIEWER_DATABASE_URL, else embedded."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from reviewer_app.shared_db.engine import make_engine

    url = url or config.resolve_database_url(args.database_url)
    # A URL SQLAlchemy cannot parse, or a database kind without a dialect or driver here (mysql://):
    # one line for the user. The URL itself is not echoed: it may hold a password.
    try:
        engine = _engine_with_password(url, make_engine)
    except (NoSuchModuleError, ImportError):
        raise UserError(f"不支援的資料庫種類 {make_url(url).drivername}；{_SUPPORTED_URLS}") from None
    except ArgumentError:
        raise UserError(f"無法辨識資料庫網址；{_SUPPORTED_URLS}") from None
    return engine


def _engine_with_password(url: str, make_engine: Callable[..., Engine]) -> Engine:
    """PostgreSQL without a password in the URL: the keyring's, else asked for when the server wants
    one (commands/db_password.py). Never put into the URL: passed to the driver only."""
    from sqlalchemy.engine import make_url

    from reviewer_app.commands import db_password

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.password is not None:
        return _kept(make_engine(url))
    password = db_password.kept_password(url)
    if password is None:
        engine = _kept(make_engine(url))
        if not db_password.wants_password(engine):
            return engine
        password = db_password.ask_password(url)
    return _kept(make_engine(url, connect_args={"password": password}))


def _kept(engine: Engine) -> Engine:
    _engines.append(engine)  # disposed when the command ends, so no connection outlives it
    return engine


def dispose_engines() -> None:
    while _engines:
        _engines.pop().dispose()


_TOO_OLD = "共用資料庫尚未建立或版本過舊，請先執行：reviewer-app db upgrade"


def _refuse_newer(engine: Engine) -> None:
    """A database migrated by a newer reviewer-app: upgrading cannot help, and this app must not use
    a schema it does not know. Alembic is loaded here only (the caller found the schema not current,
    or is about to migrate)."""
    from reviewer_app.shared_db.engine import unknown_revisions

    newer = unknown_revisions(engine)
    if newer:
        raise UserError(
            f"共用資料庫的版本（{'、'.join(newer)}）比這個版本的 reviewer-app 新，請更新 reviewer-app"
        )


def require_current_schema(engine: Engine) -> None:
    """UserError unless the database is at this app's schema, with the advice that fits: update the
    app (a newer database) or run db upgrade (an empty or older one)."""
    from reviewer_app.shared_db.engine import is_current

    if not is_current(engine):
        _refuse_newer(engine)
        raise UserError(_TOO_OLD)


def upgrade_schema(engine: Engine) -> None:
    from sqlalchemy.orm import Session

    from reviewer_app.shared_db.catalogue import ensure_catalogue
    from reviewer_app.shared_db.engine import upgrade
    from reviewer_app.shared_db.fresh_sqlite import load_schema_if_fresh

    # A new SQLite file (the first demo): the migrations' result from its dump, in milliseconds.
    if not load_schema_if_fresh(engine):
        _refuse_newer(engine)  # else Alembic's CommandError "Can't locate revision"
        upgrade(engine)
    with Session(engine) as s, s.begin():
        ensure_catalogue(s)


def require_output_folder(output: Path) -> None:
    """Before any work: `output` names a file in a folder that exists (not a folder itself)."""
    if output.is_dir():
        raise UserError(f"輸出路徑是資料夾，請指定檔名：{output}")
    if not output.parent.is_dir():
        raise UserError(f"輸出資料夾不存在：{output.parent}")


@dataclass(frozen=True)
class StaffIdentity:
    username: str
    display_name: str
    role: str
    facility_id: int


def find_staff(engine: Engine, username: str | None, role: str = "reviewer") -> StaffIdentity:
    """The named active staff member, or the first active one with `role` when no name is given."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from reviewer_app.shared_db.models import Staff

    with Session(engine) as s:
        q = select(Staff).where(Staff.active.is_(True))
        q = q.where(Staff.username == username) if username else q.where(Staff.role == role)
        staff = s.scalars(q.order_by(Staff.id).limit(1)).first()
        if staff is None:
            raise UserError(f"找不到可登入的工作人員帳號：{username or '(' + role + ')'}")
        return StaffIdentity(staff.username, staff.display_name, staff.role, staff.facility_id)
