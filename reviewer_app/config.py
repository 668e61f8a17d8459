"""Where things live: the shared database URL, the per-user data and cache folders, this workstation."""

from __future__ import annotations

import configparser
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from reviewer_app.core import private_files

APP_NAME = "reviewer-app"
DATABASE_URL_ENV = "REVIEWER_DATABASE_URL"
DATA_DIR_ENV = "REVIEWER_DATA_DIR"  # tests and portable installs point this elsewhere
CACHE_DIR_ENV = "REVIEWER_CACHE_DIR"
SETTINGS_FILE = "settings.ini"  # in the data folder; [database] url = postgresql://USER@HOST/DB
#: The start of a database URL as SQLAlchemy reads it: dialect[+driver]://
_URL_START = re.compile(r"^[\w+]+://")


class SettingsError(Exception):
    """settings.ini cannot be used as written; the message says what to fix."""


class UnsafeFolder(SettingsError):
    """The data or cache folder belongs to someone else or others may write it (core/private_files.py)."""


def _private(path: Path) -> Path:
    """Checked at every call, before the caller reads or writes anything there."""
    try:
        return private_files.private_folder(path)
    except private_files.UnsafeFolder as exc:
        raise UnsafeFolder(str(exc)) from None
    except OSError as exc:  # a file in the way, no permission to create it, a full disk
        raise SettingsError(f"無法建立或使用資料夾 {path}：{exc.strerror or exc}") from None


def data_dir() -> Path:
    path = os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    return _private(Path(path))


def cache_dir() -> Path:
    path = os.environ.get(CACHE_DIR_ENV) or platformdirs.user_cache_dir(APP_NAME, appauthor=False)
    return _private(Path(path))


def default_database_path() -> Path:
    return data_dir() / "shared.sqlite3"


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE


def settings_database_url() -> str | None:
    """`url` in the [database] section of settings.ini in the data folder, if the file sets one.

    The file may hold the address of the shared database but never a password: credentials live in
    the operating system's keyring."""
    path = settings_path()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8-sig")  # Notepad may write a byte-order mark
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise SettingsError(f"設定檔格式錯誤（{path}）：{exc}") from exc
    url = parser.get("database", "url", fallback="").strip()
    if not url:
        return None
    # Checked with the standard library, not SQLAlchemy's parser: the sign-in window is shown before
    # SQLAlchemy has loaded. Its grammar starts dialect[+driver]://; the port must be a number and
    # the password sits where urlsplit finds it.
    parts = urlsplit(url)
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:  # not a number, or out of range
        port_ok = False
    if not _URL_START.match(url) or not port_ok:
        raise SettingsError(f"設定檔的資料庫位址無法辨識（{path}）：{url}")
    if parts.password:
        raise SettingsError(f"設定檔不可含密碼，請從資料庫位址中移除（{path}）；密碼存放在系統的金鑰圈")
    return url


def resolve_database_url(cli_value: str | None = None) -> str:
    """--database-url, else $REVIEWER_DATABASE_URL, else settings.ini's [database] url, else the
    embedded file in the user's data folder."""
    if cli_value:
        return cli_value
    env = os.environ.get(DATABASE_URL_ENV)
    if env:
        return env
    return settings_database_url() or f"sqlite:///{default_database_path()}"


def journal_path(database_url: str, staff_username: str) -> Path:
    """One journal per shared database and staff member: decisions can never be pushed to the wrong
    database (a demo journal into the facility's), nor under someone else's sign-in."""
    import hashlib

    from sqlalchemy.engine import make_url

    identity = f"{make_url(database_url).render_as_string(hide_password=True)}|{staff_username}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    folder = data_dir() / "journals"
    folder.mkdir(exist_ok=True, mode=0o700)
    return folder / f"{digest}.sqlite3"


def workstation_id() -> str:
    """Host name plus a random suffix kept in the data folder, stable across restarts."""
    import socket  # here, as uuid: not needed before the sign-in window is painted
    import uuid

    marker = data_dir() / "workstation-id"
    try:
        suffix = marker.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        suffix = ""
    if not suffix:
        suffix = uuid.uuid4().hex[:8]
        private_files.write_private_text(marker, suffix, encoding="ascii")
    return f"{socket.gethostname()}-{suffix}"
