"""Alembic environment: migrates the engine handed in by reviewer_app.shared_db.engine.upgrade."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from reviewer_app.shared_db.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine: Engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
