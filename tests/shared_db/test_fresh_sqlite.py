"""A fresh SQLite file gets its schema from shared_db/sqlite_schema.sql instead of the 14 migrations
(0.6 s of the first demo): the dump must be exactly what the migrations make. After adding a
migration, regenerate it: `make sqlite-schema` (python -m reviewer_app.shared_db.fresh_sqlite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from reviewer_app.cli import main
from reviewer_app.commands.common import upgrade_schema
from reviewer_app.shared_db.engine import current_revision, head_revision, is_current, make_engine, upgrade
from reviewer_app.shared_db.fresh_sqlite import load_schema_if_fresh

REGENERATE = "the dump is not what the migrations make: run `make sqlite-schema` and commit sqlite_schema.sql"


_TABLE_CONSTRAINT = ("CONSTRAINT ", "PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK")


def same_meaning(sql: str | None) -> tuple[object, ...]:
    """A CREATE statement, with a table's constraints in any order: Alembic's batch mode on SQLite
    rebuilds a table with its constraints in an order that differs from run to run. The columns keep
    theirs (the dump's INSERTs list values in column order)."""
    lines = [line.strip().rstrip(",").strip() for line in (sql or "").split("\n")]
    columns = tuple(line for line in lines if not line.startswith(_TABLE_CONSTRAINT))
    return columns, tuple(sorted(line for line in lines if line.startswith(_TABLE_CONSTRAINT)))


def everything_in(path: Path) -> dict[str, object]:
    """What a database holds: sqlite_master (its SQL, not where the pages are) and every table's rows."""
    with sqlite3.connect(path) as connection:
        master = sorted(
            (
                (kind, name, table, same_meaning(sql))
                for kind, name, table, sql in connection.execute(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master"
                )
            ),
            key=repr,
        )
        tables = [name for kind, name, _table, _sql in master if kind == "table"]
        rows = {t: sorted(map(repr, connection.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    connection.close()
    return {"sqlite_master": master, "rows": rows}


def engine_on(path: Path) -> Engine:
    return make_engine(f"sqlite:///{path}")


def test_a_fresh_file_gets_exactly_what_the_migrations_make(tmp_path: Path) -> None:
    migrated, loaded = engine_on(tmp_path / "migrated.sqlite3"), engine_on(tmp_path / "loaded.sqlite3")
    upgrade(migrated)
    assert load_schema_if_fresh(loaded)
    assert current_revision(loaded) == head_revision(), REGENERATE  # a migration added since
    migrated.dispose()
    loaded.dispose()
    loaded_holds = everything_in(tmp_path / "loaded.sqlite3")
    assert loaded_holds == everything_in(tmp_path / "migrated.sqlite3"), REGENERATE
    with sqlite3.connect(tmp_path / "loaded.sqlite3") as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_file_with_tables_is_migrated_as_before(tmp_path: Path) -> None:
    engine = engine_on(tmp_path / "older.sqlite3")
    upgrade(engine, "0013")  # a workstation's file from the previous version
    assert not load_schema_if_fresh(engine)
    assert current_revision(engine) == "0013"  # untouched: Alembic's to upgrade
    upgrade_schema(engine)
    assert is_current(engine)


def test_db_upgrade_on_a_new_file_gives_a_database_the_desk_accepts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert main(["--database-url", url, "db", "upgrade"]) == 0
    engine = make_engine(url)
    assert is_current(engine)
    with engine.connect() as connection:  # foreign keys are enforced again after the load
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
