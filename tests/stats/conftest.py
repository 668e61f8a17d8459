"""Fixtures for the statistics tests: the hand-built November on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from tests import factories
from tests.stats.world import World, build_world


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


@pytest.fixture
def sqlite_world(sqlite_url: str) -> Iterator[tuple[Engine, World]]:
    """The same November on an SQLite file only (for the report, CLI and view tests)."""
    engine = factories.shared_engine(sqlite_url)
    world = build_world(engine)
    yield engine, world
    engine.dispose()
