"""The shared database's password for a command: never on the command line.

A password in --database-url shows in `ps` to every user of the machine and stays in the shell's
history (in $REVIEWER_DATABASE_URL, in the history or a script): it still works, with a warning. A
PostgreSQL URL without one takes the password the desk kept in the keyring (記住密碼), else, when the
server asks for one, a hidden prompt on the terminal, as psql does. libpq's own sources
(PGPASSWORD, ~/.pgpass, PGPASSFILE) are tried by the driver first, so a script needs no prompt.
"""

from __future__ import annotations

import getpass
import sys
import warnings
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reviewer_app.commands.common import UserError

if TYPE_CHECKING:
    from sqlalchemy import Engine

PASSWORD_IN_URL_WARNING = (
    "reviewer-app: 警告：資料庫網址含有密碼，其他使用者可在程序清單（ps）看到，也會留在 shell 的歷史紀錄中；"
    "請改用不含密碼的網址，執行時會詢問密碼（或使用桌面程式存入系統鑰匙圈的密碼）。"
    " / Warning: the database URL holds a password, visible in `ps` and kept in the shell's history."
)


def url_has_password(url: str | None) -> bool:
    """Read with the standard library: `reviewer-app` with no command must not load SQLAlchemy."""
    if not url:
        return False
    try:
        return bool(urlsplit(url).password)
    except ValueError:
        return False


def warn_if_password_in_url(url: str | None) -> None:
    if url_has_password(url):
        print(PASSWORD_IN_URL_WARNING, file=sys.stderr)


def kept_password(url: str) -> str | None:
    """The password the desk kept in the keyring for this database and the URL's user, if any."""
    import keyring
    from keyring.errors import KeyringError
    from sqlalchemy.engine import make_url

    from reviewer_app.access.signin import CredentialStore

    username = make_url(url).username
    if not username:
        return None
    try:
        return keyring.get_password(CredentialStore(url).service, username)
    except (KeyringError, OSError):
        return None  # no usable keyring (a server without a desktop): the prompt it is, no warning


def wants_password(engine: Engine) -> bool:
    """The server refused for want of a password (libpq's own words). Any other failure is left for
    the command to meet and report as it always has."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect():
            return False
    except DBAPIError as exc:
        return "no password supplied" in str(exc.orig or exc).lower()


def ask_password(url: str) -> str:
    """A hidden prompt on the terminal (/dev/tty). Without a terminal getpass would read standard input
    with echo: refused instead, with what to do."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    prompt = f"{parsed.username or ''}@{parsed.host or 'localhost'}/{parsed.database or ''} 的資料庫密碼："
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", getpass.GetPassWarning)
            password = getpass.getpass(prompt)
    except getpass.GetPassWarning:
        raise UserError(
            "共用資料庫需要密碼，但沒有可輸入密碼的終端機；請在終端機執行，或先在桌面程式登入並勾選「記住密碼」"
            "（密碼不要寫在網址中）"
        ) from None
    except EOFError:
        raise UserError("沒有讀到密碼（輸入已結束）") from None
    if not password:
        raise UserError("沒有輸入密碼")
    return password
