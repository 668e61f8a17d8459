"""What every command shares: clear user errors, the shared-database engine, the signed-in staff.

SQLAlchemy is imported where it is used, not here: every command module imports this one, and the
desk's sign-in window should be on screen before SQLAlchemy has loaded (it loads while the member
types the password).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer_app import config

if TYPE_CHECKING:
    from sqlalchemy import Engine


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


_engines: list[Engine] = []


def open_engine(args: argparse.Namespace, url: str | None = None) -> Engine:
    """The shared database: `url`, else --database-url, else $REVIEWER_DATABASE_URL, else embedded."""
    from reviewer_app.db import make_engine

    engine = make_engine(url or config.resolve_database_url(args.database_url))
    _engines.append(engine)  # disposed when the command ends, so no connection outlives it
    return engine


def dispose_engines() -> None:
    while _engines:
        _engines.pop().dispose()


def upgrade_schema(engine: Engine) -> None:
    from sqlalchemy.orm import Session

    from reviewer_app.catalogue_db import ensure_catalogue
    from reviewer_app.db import upgrade

    upgrade(engine)
    with Session(engine) as s, s.begin():
        ensure_catalogue(s)


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

    from reviewer_app.models import Staff

    with Session(engine) as s:
        q = select(Staff).where(Staff.active.is_(True))
        q = q.where(Staff.username == username) if username else q.where(Staff.role == role)
        staff = s.scalars(q.order_by(Staff.id).limit(1)).first()
        if staff is None:
            raise UserError(f"找不到可登入的工作人員帳號：{username or '(' + role + ')'}")
        return StaffIdentity(staff.username, staff.display_name, staff.role, staff.facility_id)
