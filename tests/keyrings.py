"""Keyring backends for tests: an in-memory one, and one that fails like a locked or missing keyring.
(Never keyrings.alt: it writes passwords to a plain file.)"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class FailingKeyring(KeyringBackend):
    """Every call fails, as a locked or absent system keyring does."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("the keyring is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("the keyring is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("the keyring is locked")


@contextmanager
def installed(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
