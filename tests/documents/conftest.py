"""Fixtures for the document tests: real servers on 127.0.0.1, an in-memory keyring, a store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import Engine

from reviewer_app.documents.fetch import HttpSettings
from reviewer_app.documents.store import DocumentStore
from tests.documents.servers import FileStore

#: Short enough for tests, long enough that a loaded CI machine does not time out a healthy answer.
FAST_HTTP = HttpSettings(
    connect_timeout=2.0, read_timeout=0.5, total_seconds=4.0, retries=2, backoff_factor=0.01, body_retries=1
)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only (what a test may use; never keyrings.alt's file)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def file_store() -> Iterator[FileStore]:
    server = FileStore()
    yield server
    server.close()


@pytest.fixture
def cache_folder(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "documents"


StoreFactory = Callable[..., DocumentStore]


@pytest.fixture
def make_store(cache_folder: Path) -> Iterator[StoreFactory]:
    made: list[DocumentStore] = []

    def make(
        engine: Engine | None = None, credentials: tuple[str, str] | None = None, **kwargs: Any
    ) -> DocumentStore:
        kwargs.setdefault("http", FAST_HTTP)
        store = DocumentStore(engine, kwargs.pop("cache_folder", cache_folder), credentials, **kwargs)
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()
