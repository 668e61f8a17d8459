"""Signing in: each staff member with their own credentials, checked by the database itself.

On PostgreSQL the member connects as their own login role with their password; the server checks it
(and refuses a disabled role, NOLOGIN), and from then on every statement runs behind the walls of that
role (reviewer_app/access/roles.py). On the embedded SQLite file there is no server: the app checks the
password against a salted scrypt hash in ``staff.password_hash`` (docs/SECURITY.md says what that
cannot protect against).

The password is only ever held in memory: passed to the driver (never put in a URL that could be
printed or logged), optionally stored in the operating system's keyring when the member asks for it,
and never written to a file or a log. Every failure is a :class:`SignInError` with a clear zh-TW
message: a wrong password, a disabled account, a server that cannot be reached, a keyring that fails.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from reviewer_app.access.roles import Actor
from reviewer_app.shared_db.engine import make_engine, normalise_url

log = logging.getLogger(__name__)

KEYRING_SERVICE = "reviewer-app"
IDLE_LOCK_ENV = "REVIEWER_IDLE_LOCK_MINUTES"
DEFAULT_IDLE_LOCK_MINUTES = 10
USERNAME_PATTERN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

WRONG_PASSWORD = "wrong_password"
DISABLED = "disabled"
UNREACHABLE = "unreachable"
NO_PASSWORD = "no_password"
REFUSED = "refused"
NOT_SET_UP = "not_set_up"

MESSAGES = {
    WRONG_PASSWORD: "帳號或密碼錯誤，請再試一次。",
    DISABLED: "此帳號已停用，無法登入。請洽業務主管或資訊人員。",
    NO_PASSWORD: "此帳號尚未設定密碼，請洽資訊人員或業務主管為您設定。",
    NOT_SET_UP: "共用資料庫尚未設定完成（還沒有工作人員帳號），目前無法登入。請洽資訊人員。",
}
#: Sign-in messages are for a social worker: never a command to run. IT reads the details in the log.
OUTDATED_SCHEMA = "共用資料庫的版本與本程式不符，目前無法登入。請洽資訊人員更新。"


class SignInError(Exception):
    """Signing in (or unlocking) failed; `message` is for the member (zh-TW), `kind` for the code."""

    def __init__(self, kind: str, message: str | None = None) -> None:
        super().__init__(message or MESSAGES.get(kind, kind))
        self.kind = kind
        self.message = message or MESSAGES.get(kind, kind)


def idle_lock_minutes() -> float:
    """The idle time before the desk locks: $REVIEWER_IDLE_LOCK_MINUTES, else 10 minutes."""
    raw = os.environ.get(IDLE_LOCK_ENV, "")
    try:
        value = float(raw) if raw else DEFAULT_IDLE_LOCK_MINUTES
    except ValueError:
        log.warning("%s=%r is not a number; using %s", IDLE_LOCK_ENV, raw, DEFAULT_IDLE_LOCK_MINUTES)
        return DEFAULT_IDLE_LOCK_MINUTES
    return value if value > 0 else DEFAULT_IDLE_LOCK_MINUTES


# ---- passwords on the embedded SQLite file -------------------------------------------------------

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
#: For the in-memory unlock verifier (StaffSession.offline_verifier): made after Enter at every
#: sign-in, where the stored hash's cost (about 45 ms here) would be felt; it never leaves memory.
_SESSION_SCRYPT = {"n": 2**12, "r": 8, "p": 1}


def hash_password(password: str, params: dict[str, int] = _SCRYPT) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **params)
    b64 = base64.b64encode
    return f"scrypt${params['n']}${params['r']}${params['p']}${b64(salt).decode()}${b64(digest).decode()}"


def check_password(stored: str, password: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


# ---- signing in ------------------------------------------------------------------------------------


def is_postgresql(database_url: str) -> bool:
    return make_url(normalise_url(database_url)).get_backend_name() == "postgresql"


def _server(database_url: str) -> str:
    url = make_url(normalise_url(database_url))
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def describe_connect_error(exc: BaseException, database_url: str) -> SignInError:
    """Map a failed connection to what the member should know. libpq gives no SQLSTATE for
    connection failures, so this reads the server's (English, lc_messages=C) message."""
    text_ = str(getattr(exc, "orig", None) or exc)
    lowered = text_.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return SignInError(WRONG_PASSWORD)
    if "does not exist" in lowered and "role" in lowered:
        return SignInError(WRONG_PASSWORD)  # as the server does: never say which of the two was wrong
    if "not permitted to log in" in lowered:
        return SignInError(DISABLED)
    if "fatal:" in lowered:
        detail = text_.split("FATAL:", 1)[-1].strip().splitlines()[0]
        return SignInError(REFUSED, f"共用資料庫拒絕連線：{detail}")
    reason = text_.split("failed:", 1)[-1].strip().splitlines()[0] if "failed:" in text_ else text_
    return SignInError(
        UNREACHABLE,
        f"無法連線到共用資料庫（{_server(database_url)}）：{reason}。請確認網路連線，或稍後再試。",
    )


@dataclass(eq=False)
class StaffSession:
    """A signed-in staff member and their own connection to the shared database."""

    username: str
    display_name: str
    role: str
    facility_id: int
    engine: Engine
    database_url: str  # without any password
    _password_ok: Any = field(repr=False)
    #: A salted hash of the password that signed in, in memory only: unlocking while the shared
    #: database is unreachable is checked against it (work goes on offline, so does the idle lock).
    offline_verifier: str | None = field(default=None, repr=False)

    def actor(self, workstation: str) -> Actor:
        return Actor(self.username, self.role, self.facility_id, workstation)

    def verify_password(self, password: str) -> None:
        """Unlocking: the same checks as signing in (a disabled account fails too); while the shared
        database is unreachable, the password that signed in. Raises SignInError."""
        try:
            self._password_ok(password)
        except SignInError as exc:
            if exc.kind != UNREACHABLE or self.offline_verifier is None:
                raise
            if not check_password(self.offline_verifier, password):
                raise SignInError(WRONG_PASSWORD) from exc

    def close(self) -> None:
        self.engine.dispose()


def _without_password(database_url: str, username: str | None) -> URL:
    """The configured address as ``username`` (or nobody) with no password. (``URL.set(password=None)``
    would leave a password written in the address where it is: None there means "unchanged".)"""
    url = make_url(normalise_url(database_url))
    return URL.create(url.drivername, username, None, url.host, url.port, url.database, url.query)


def _staff_url(database_url: str, username: str) -> str:
    return _without_password(database_url, username).render_as_string(hide_password=False)


def _pg_connect(database_url: str, username: str, password: str, **engine_args: Any) -> Engine:
    return make_engine(_staff_url(database_url, username), connect_args={"password": password}, **engine_args)


def _pg_whoami(engine: Engine, database_url: str) -> tuple[str, str, int, bool]:
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT display_name, role, facility_id, active FROM reviewdesk_whoami()")
            ).first()
    except ProgrammingError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42883":  # undefined_function: schema before 0003
            log.warning("the shared database has no reviewdesk_whoami(): run reviewer-app db upgrade")
            raise SignInError(REFUSED, OUTDATED_SCHEMA) from exc
        raise SignInError(REFUSED, "此資料庫帳號不是本系統的工作人員帳號。") from exc
    except (OperationalError, DBAPIError) as exc:
        raise describe_connect_error(exc, database_url) from exc
    if row is None:
        raise SignInError(REFUSED, "此資料庫帳號不是本系統的工作人員帳號。")
    display_name, role, facility_id, active = row
    if not active:
        raise SignInError(DISABLED)
    return str(display_name), str(role), int(facility_id), bool(active)


def _sign_in_postgresql(database_url: str, username: str, password: str) -> StaffSession:
    engine = _pg_connect(database_url, username, password)
    try:
        display_name, role, facility_id, _active = _pg_whoami(engine, database_url)
    except BaseException:
        engine.dispose()
        raise

    def password_ok(candidate: str) -> None:
        probe = _pg_connect(database_url, username, candidate, poolclass=NullPool)
        try:
            _pg_whoami(probe, database_url)
        finally:
            probe.dispose()

    return StaffSession(
        username, display_name, role, facility_id, engine, _staff_url(database_url, username), password_ok
    )


def _sqlite_check(engine: Engine, username: str, password: str) -> tuple[str, str, int]:
    from reviewer_app.shared_db.models import Staff

    try:
        with Session(engine) as s:
            staff = s.scalars(select(Staff).where(Staff.username == username)).first()
            found = (
                None
                if staff is None
                else (staff.display_name, staff.role, staff.facility_id, staff.active, staff.password_hash)
            )
    except OperationalError as exc:  # the file is locked, gone or unreadable: as a server unreachable
        if "no such table" in str(exc.orig or exc):  # a fresh workstation: `db upgrade` never ran
            log.warning("the shared database has no tables: run reviewer-app db upgrade and staff add")
            raise SignInError(NOT_SET_UP) from exc
        raise SignInError(UNREACHABLE, f"無法讀取共用資料庫：{exc.orig or exc}") from exc
    if found is None:
        raise SignInError(WRONG_PASSWORD)
    display_name, role, facility_id, active, stored = found
    if stored is None:
        raise SignInError(NO_PASSWORD)
    if not check_password(stored, password):
        raise SignInError(WRONG_PASSWORD)
    if not active:
        raise SignInError(DISABLED)
    return display_name, role, facility_id


def _sign_in_sqlite(database_url: str, username: str, password: str) -> StaffSession:
    engine = make_engine(database_url)
    try:
        display_name, role, facility_id = _sqlite_check(engine, username, password)
    except BaseException:
        engine.dispose()
        raise

    def password_ok(candidate: str) -> None:
        _sqlite_check(engine, username, candidate)

    return StaffSession(username, display_name, role, facility_id, engine, database_url, password_ok)


def sign_in(database_url: str, username: str, password: str) -> StaffSession:
    """Connect as `username` with `password`; raises SignInError with a message for the member."""
    username = username.strip()
    if not username or not password:
        raise SignInError(WRONG_PASSWORD, "請輸入帳號與密碼。")
    if is_postgresql(database_url):
        session = _sign_in_postgresql(database_url, username, password)
    else:
        session = _sign_in_sqlite(database_url, username, password)
    session.offline_verifier = hash_password(password, _SESSION_SCRYPT)
    return session


# ---- the keyring -----------------------------------------------------------------------------------


class CredentialStore:
    """Passwords in the operating system's keyring, one per shared database and staff member.

    A keyring that fails (none installed, locked, broken) never stops a sign-in: get() returns None,
    save() and forget() return False, and `last_error` says what happened, in zh-TW, for the dialog.
    """

    def __init__(self, database_url: str, service: str = KEYRING_SERVICE) -> None:
        where = _without_password(database_url, None).render_as_string(hide_password=True)
        self.service = f"{service} {where}"
        self.last_error: str | None = None

    def _failed(self, what: str, exc: BaseException) -> None:
        self.last_error = f"系統鑰匙圈無法使用（{what}：{type(exc).__name__}），請直接輸入密碼。"
        log.warning("keyring %s failed: %s", what, type(exc).__name__)

    def get(self, username: str) -> str | None:
        import keyring  # at first use: loading its backends takes a noticeable part of a start
        from keyring.errors import KeyringError

        self.last_error = None
        try:
            return keyring.get_password(self.service, username)
        except (KeyringError, OSError) as exc:
            self._failed("讀取密碼", exc)
            return None

    def save(self, username: str, password: str) -> bool:
        import keyring
        from keyring.errors import KeyringError

        self.last_error = None
        try:
            keyring.set_password(self.service, username, password)
        except (KeyringError, OSError) as exc:
            self._failed("儲存密碼", exc)
            return False
        return True

    def forget(self, username: str) -> bool:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        self.last_error = None
        try:
            keyring.delete_password(self.service, username)
        except PasswordDeleteError:
            return True  # nothing was stored
        except (KeyringError, OSError) as exc:
            self._failed("刪除密碼", exc)
            return False
        return True
