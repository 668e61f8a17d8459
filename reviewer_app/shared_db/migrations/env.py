"""Alembic environment: migrates the engine handed in by reviewer_app.shared_db.engine.upgrade."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from reviewer_app.shared_db.models import Base

target_metadata = Base.metadata


def _foreign_keys(connection: Connection, on: bool) -> None:
    """SQLite: foreign keys off while migrating, as SQLite's own recipe for changing a table says.

    Batch mode copies a table and drops the old one; with foreign keys on, dropping a table that other
    rows refer to (service_applications, referred to by posts) fails. The pragma only takes effect
    outside a transaction, so it is set before the migrations' transaction and committed at once.
    """
    connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    connection.commit()


def _check_foreign_keys(connection: Connection) -> None:
    """What foreign keys would have refused must not slip through while they were off."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise RuntimeError(f"the migration left rows that refer to missing rows: {broken[:5]}")


def run_migrations_online() -> None:
    engine: Engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                connection.rollback()  # nothing is left open when the migrations failed
                _foreign_keys(connection, on=True)


run_migrations_online()
