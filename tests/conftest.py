"""Fixtures shared by the whole suite: isolated user folders, SQLite files and a real PostgreSQL."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.pgcluster import PgCluster
from tests.staffdb import PgLogins

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reaches the machine's keyring, nor keyring's chain of every backend class loaded (which takes
# in the test keyrings, SlowKeyring's 30-second wait included): a test that needs one installs its own
# (tests/keyrings.py), and commands run in subprocesses inherit this.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
_db_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's data, cache or shared database."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(base / "cache"))
    monkeypatch.delenv("REVIEWER_DATABASE_URL", raising=False)


def _started_cluster() -> Iterator[PgCluster]:
    """A throwaway cluster, started, destroyed afterwards; in CI a server that cannot start fails."""
    try:
        cluster = PgCluster()
        cluster.init()
        cluster.start()
    except (RuntimeError, OSError) as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL test server could not start (CI requires it): {exc}")
        pytest.skip(f"PostgreSQL test server could not start: {exc}")
    yield cluster
    cluster.destroy()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    yield from _started_cluster()


@pytest.fixture
def private_cluster() -> Iterator[PgCluster]:
    """A cluster of this test's own, so stopping it disturbs no other test."""
    yield from _started_cluster()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """A fresh, empty database on the throwaway cluster for each test."""
    name = f"t{os.getpid()}_{next(_db_numbers)}"
    admin = create_engine(pg_cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield pg_cluster.url(name)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: os.PathLike[str]) -> str:
    return f"sqlite:///{os.path.join(tmp_path, 'shared.sqlite3')}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_url(request: pytest.FixtureRequest) -> str:
    """The same test on an SQLite file and on a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def pg_logins(pg_url: str) -> Iterator[PgLogins]:
    """Creates staff login roles (with passwords) on the test's database; drops them afterwards."""
    logins = PgLogins(pg_url)
    yield logins
    logins.drop_all()
