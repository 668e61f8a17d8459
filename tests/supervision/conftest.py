"""The supervisor's desk of world.py, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reviewer_app.access.roles import Actor
from tests import factories
from tests.staffdb import member_of
from tests.supervision.world import Desk, build


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def desk(request: pytest.FixtureRequest) -> Iterator[Desk]:
    url = str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    admin = factories.shared_engine(url)
    a, _b, sus, strikes, service, other, call_number, applicant = build(admin)
    engine, actor = member_of(request, url, admin, "supervisor", ("TTD", a), "ws-sup")
    yield Desk(
        admin,
        engine,
        actor,
        Actor("ttd_reviewer", "reviewer", a, "ws-1"),
        sus,
        strikes,
        service,
        other,
        call_number,
        applicant,
    )
    if engine is not admin:
        engine.dispose()
    admin.dispose()
