"""Staff login roles on the suite's PostgreSQL cluster, for tests that connect as a staff member.

Login roles are cluster-wide and every test has its own database on the one cluster: names get a
random suffix, and the roles are dropped when the test ends.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from reviewer_app.access.roles import Actor
from reviewer_app.access.signin import sign_in
from reviewer_app.access.staff import add_staff


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    role: str
    facility_id: int
    url: str  # with the password: tests only

    @property
    def url_without_password(self) -> str:
        return make_url(self.url).set(username=None, password=None).render_as_string(hide_password=False)

    def connect(self) -> psycopg.Connection[tuple[object, ...]]:
        """A plain psycopg connection as this login, in autocommit: what a curious member's psql does."""
        url = make_url(self.url)
        return psycopg.connect(
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=self.username,
            password=self.password,
            autocommit=True,
        )


class PgLogins:
    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.admin: Engine = create_engine(admin_url)
        self.created: list[str] = []

    def add(self, role: str, facility_code: str, facility_id: int, prefix: str | None = None) -> Login:
        username = f"{prefix or role[:3]}_{secrets.token_hex(4)}"
        password = f"pw-{secrets.token_hex(6)}"
        add_staff(
            self.admin,
            username=username,
            display_name=f"{role} {facility_code}",
            role=role,
            password=password,
            facility_code=facility_code,
            workstation="test-admin",
        )
        self.created.append(username)
        url = make_url(self.admin_url).set(username=username, password=password)
        return Login(username, password, role, facility_id, url.render_as_string(hide_password=False))

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")
            for name in self.created:
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        self.admin.dispose()


def member_of(
    request: pytest.FixtureRequest,
    url: str,
    admin: Engine,
    role: str,
    facility: tuple[str, int],
    workstation: str,
) -> tuple[Engine, Actor]:
    """The engine and actor of a ``role`` of ``facility`` (code, id): on PostgreSQL signed in as their
    own new login (close the engine when done); on SQLite the shared ``admin`` engine, one user."""
    code, facility_id = facility
    if not url.startswith("postgresql"):
        return admin, Actor(f"{code.lower()}_{role}", role, facility_id, workstation)
    logins: PgLogins = request.getfixturevalue("pg_logins")
    login = logins.add(role, code, facility_id)
    session = sign_in(url, login.username, login.password)
    return session.engine, session.actor(workstation)
