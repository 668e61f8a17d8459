"""Migration 0015 down and up again: the trigger that closes an approval for a released inmate goes
and comes back, the release and the transfer are 0014's again, and each facility's INMATE_RELEASED
reason is there once."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from reviewer_app.shared_db.engine import alembic_config, current_revision, make_engine, upgrade
from tests.shared_db.test_migrations import FACILITY_TTD


def _state(url: str) -> tuple[bool, bool, int]:
    """(the trigger is there, the transfer moves strikes, INMATE_RELEASED rows)."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            reasons = conn.execute(
                text("SELECT count(*) FROM rejection_reasons WHERE code = 'INMATE_RELEASED'")
            ).scalar_one()
            if engine.dialect.name == "postgresql":
                trigger = conn.execute(
                    text("SELECT count(*) FROM pg_trigger WHERE tgname = 'posts_released_closes'")
                ).scalar_one()
                body = conn.execute(
                    text(
                        "SELECT pg_get_functiondef("
                        "'public.reviewdesk_record_transfer(integer, integer)'::regprocedure)"
                    )
                ).scalar_one()
                return bool(trigger), "public.strikes" in body, int(reasons)
            trigger = conn.execute(
                text(
                    "SELECT count(*) FROM sqlite_master "
                    "WHERE type = 'trigger' AND name = 'posts_released_closes'"
                )
            ).scalar_one()
            return bool(trigger), True, int(reasons)
    finally:
        engine.dispose()


def test_0015_goes_down_and_up_again(shared_url: str) -> None:
    engine = make_engine(shared_url)
    upgrade(engine, "0014")
    with engine.begin() as conn:
        conn.execute(text(FACILITY_TTD))
    upgrade(engine)
    assert _state(shared_url) == (True, True, 1)
    command.downgrade(alembic_config(engine), "0014")
    assert current_revision(engine) == "0014"
    trigger, moves_strikes, reasons = _state(shared_url)
    assert not trigger and reasons == 1  # the reason stays: decisions may name it
    if engine.dialect.name == "postgresql":
        assert not moves_strikes  # 0014's transfer again
    upgrade(engine)
    assert _state(shared_url) == (True, True, 1)
    engine.dispose()
