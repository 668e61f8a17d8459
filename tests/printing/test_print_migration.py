"""Revision 0004 on both databases: up from 0003 with data kept, down again, up again; on PostgreSQL
its tables are behind the walls."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from reviewer_app.shared_db.engine import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
)


def test_0004_goes_up_down_and_up_again(shared_url: str) -> None:
    engine = make_engine(shared_url)
    upgrade(engine, "0003")
    assert "print_records" not in inspect(engine).get_table_names()
    upgrade(engine, "0004")
    assert current_revision(engine) == "0004"
    assert {"print_records", "handovers"} <= set(inspect(engine).get_table_names())
    command.downgrade(alembic_config(engine), "0003")
    assert current_revision(engine) == "0003"
    assert not {"print_records", "handovers"} & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
                    "WHERE relname IN ('print_records', 'handovers') ORDER BY relname"
                )
            ).all()
            mine = "SELECT policyname FROM pg_policies WHERE tablename IN ('print_records', 'handovers')"
            policies = set(conn.execute(text(mine)).scalars())
        assert [tuple(r) for r in rows] == [("handovers", True, True), ("print_records", True, True)]
        assert {"print_records_own_name", "handovers_own_name", "print_records_facility"} <= policies
    engine.dispose()
