"""The shared database: SQLAlchemy models, Alembic migrations, engines."""
