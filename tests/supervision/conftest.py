"""The supervisor's desk of world.py, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reviewer_app.access.roles import Actor
from reviewer_app.access.signin import sign_in
from tests import factories
from tests.staffdb import PgLogins
from tests.supervision.world import Desk, build


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def desk(request: pytest.FixtureRequest) -> Iterator[Desk]:
    url = str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))
    admin = factories.shared_engine(url)
    a, _b, sus, strikes, service, other, call_number, applicant = build(admin)
    if request.param == "postgres":
        logins: PgLogins = request.getfixturevalue("pg_logins")
        login = logins.add("supervisor", "TTD", a)
        session = sign_in(url, login.username, login.password)
        engine, actor = session.engine, session.actor("ws-sup")
    else:
        engine, actor = admin, Actor("ttd_supervisor", "supervisor", a, "ws-sup")
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
