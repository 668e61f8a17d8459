"""Engines for the shared database (SQLite file or PostgreSQL) and schema upgrades through Alembic."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Engine, String, any_, create_engine, event, inspect, literal, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import make_url
from sqlalchemy.orm import QueryableAttribute

from reviewer_app.core import private_files

if TYPE_CHECKING:  # Alembic is imported when a migration runs, not by every start of the desk
    from alembic.config import Config


def normalise_url(url: str) -> str:
    """PostgreSQL URLs without a driver use psycopg 3 (the one we ship)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


#: How long a statement waits behind another session's lock before it fails (SQLite's busy timeout,
#: PostgreSQL's lock_timeout): a sync then reports the shared database unavailable and retries later,
#: instead of hanging behind a stuck session or a migration.
LOCK_WAIT_S = 10


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Several processes (workstation app, CLI, sync) share the file: wait for locks, don't fail.
    cursor.execute(f"PRAGMA busy_timeout={LOCK_WAIT_S * 1000}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _created_private(path: Path) -> Callable[..., None]:
    """Before SQLite opens the file: a missing one is created 0600 (SQLite would make it 0644 under the
    usual umask, and its -wal and -shm files take the file's mode). An existing file keeps its mode:
    the data folder's own are tightened by config.data_dir."""

    def create(*_args: Any) -> None:
        private_files.create_private(path)

    return create


def one_of(
    column: ColumnElement[str] | QueryableAttribute[str], values: Sequence[str], dialect: str
) -> ColumnElement[bool]:
    """``column IN values`` for a long list of keys: on PostgreSQL ``= ANY`` of one array parameter
    (not a thousand parameters to render, send and plan), elsewhere an ordinary IN."""
    if dialect == "postgresql":
        return column == any_(literal(list(values), ARRAY(String())))
    return column.in_(values)


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, **kwargs)
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            event.listen(engine, "do_connect", _created_private(Path(database)))
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    connect_args = kwargs.pop("connect_args", {})
    connect_args.setdefault("connect_timeout", 5)
    if "options" not in make_url(url).query:  # a deployment's own options (search_path…) win
        connect_args.setdefault("options", f"-c lock_timeout={LOCK_WAIT_S * 1000}")
    return create_engine(url, connect_args=connect_args, **kwargs)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("reviewer_app.shared_db") / "migrations"))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


_REVISION = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def _head_from_files() -> str | None:
    """The newest migration, read from the version files' ``revision``/``down_revision`` lines
    without importing Alembic (a tenth of a second at every start); None when that is not clear."""
    folder = resources.files("reviewer_app.shared_db") / "migrations" / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for entry in folder.iterdir():
            if not entry.name.endswith(".py"):
                continue
            source = entry.read_text(encoding="utf-8")
            revision = _REVISION.search(source)
            if revision is None:
                return None
            revisions.add(revision.group(1))
            down = _DOWN_REVISION.search(source)
            if down is not None:
                parents.update(_QUOTED.findall(down.group(1)))
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def is_current(engine: Engine) -> bool:
    """The database is at the newest schema: one query and no Alembic (the desk checks at start)."""
    head = _head_from_files() or head_revision()
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        versions = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    return versions == [head]


def unknown_revisions(engine: Engine) -> list[str]:
    """Revisions in the database's alembic_version that this app does not know: the database was
    migrated by a newer reviewer-app. Empty for an empty, an older or the current database."""
    from alembic.script import ScriptDirectory

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return []
        versions = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    return [v for v in versions if v not in known]
