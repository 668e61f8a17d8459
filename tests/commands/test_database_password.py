"""The command line's database password (#19 item 7): asked for at a hidden prompt when the server wants
one and the URL has none (nor the keyring), and a warning when the URL carries one (it shows in `ps` and
stays in the shell's history). Against a real PostgreSQL whose staff logins need their password."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from reviewer_app.access.signin import CredentialStore
from reviewer_app.cli import main
from tests import factories
from tests.keyrings import MemoryKeyring, installed
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres


@pytest.fixture
def supervisor(pg_url: str, pg_logins: PgLogins) -> Iterator[Login]:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s, "TTD").id
    engine.dispose()
    yield pg_logins.add("supervisor", "TTD", fid)


def without_password(login: Login) -> str:
    """The member's URL as IT writes it: their user name, no password. (Not URL.set(password=None):
    None there means "keep the password".)"""
    url = login.url.replace(f":{login.password}@", "@")
    assert make_url(url).password is None and make_url(url).username == login.username
    return url


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
def test_a_url_without_password_asks_for_it_at_a_hidden_prompt(supervisor: Login) -> None:
    import fcntl  # POSIX only
    import pty
    import termios

    url = without_password(supervisor)
    master, slave = pty.openpty()

    def own_terminal() -> None:  # in the child, after setsid: the pty becomes its /dev/tty
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", "--database-url", url, "audit", "verify"],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=own_terminal,
    )
    os.close(slave)
    try:
        shown = b""
        while "密碼".encode() not in shown:  # the prompt, on the terminal
            shown += os.read(master, 1024)
        os.write(master, supervisor.password.encode() + b"\n")
        out, err = process.communicate(timeout=60)
        shown += os.read(master, 1024)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    text = err.decode("utf-8")
    assert process.returncode == 0, text
    assert supervisor.username in shown.decode("utf-8")  # whose password is asked for
    assert supervisor.password.encode() not in shown  # not echoed
    assert "稽核鏈完整" in out.decode("utf-8")
    assert "Traceback" not in text and "警告" not in text


def test_without_a_terminal_the_command_says_how_to_give_the_password(supervisor: Login) -> None:
    url = without_password(supervisor)
    result = subprocess.run(
        [sys.executable, "-m", "reviewer_app", "--database-url", url, "audit", "verify"],
        input=supervisor.password.encode() + b"\n",  # never read from a pipe with echo
        capture_output=True,
        timeout=120,
        start_new_session=True,  # no controlling terminal
    )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert err.startswith("reviewer-app: ") and err.count("\n") == 1
    assert "終端機" in err and "Traceback" not in err


def test_a_password_kept_in_the_keyring_is_used_without_asking(
    supervisor: Login, capsys: pytest.CaptureFixture[str]
) -> None:
    url = without_password(supervisor)
    with installed(MemoryKeyring()):
        CredentialStore(url).save(supervisor.username, supervisor.password)  # the desk's 記住密碼
        assert main(["--database-url", url, "audit", "verify"]) == 0
    captured = capsys.readouterr()
    assert "稽核鏈完整" in captured.out and "警告" not in captured.err


def test_a_password_in_the_url_is_warned_about(supervisor: Login, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", supervisor.url, "audit", "verify"]) == 0
    err = capsys.readouterr().err
    assert "警告" in err and "ps" in err and "歷史" in err
    assert supervisor.password not in err


def test_a_password_in_the_environment_is_warned_about(
    supervisor: Login, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REVIEWER_DATABASE_URL", supervisor.url)
    assert main(["audit", "verify"]) == 0
    err = capsys.readouterr().err
    assert "警告" in err and supervisor.password not in err
