"""`reviewer-app staff add` as IT types it: a name PostgreSQL reserves and a password too short are
refused in zh-TW, before the password is asked for twice."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.access.staff import list_staff
from reviewer_app.cli import main
from tests import factories


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        factories.facility(s, "TTD")
    yield engine
    engine.dispose()


def _add(engine: Engine, username: str, *extra: str) -> list[str]:
    add = ["staff", "add", username, "--role", "reviewer", "--name", "王社工師", "--facility", "TTD"]
    return ["--database-url", str(engine.url), *add, *extra]


def test_a_name_postgresql_reserves_is_refused_in_chinese(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """PostgreSQL answered 'role name "pg_sw" is reserved' in English, after the password was typed."""
    monkeypatch.setattr("sys.stdin", io.StringIO("a good password 7\n"))
    assert main(_add(engine, "pg_sw", "--password-stdin")) == 2
    err = capsys.readouterr().err
    assert "pg_" in err and "保留" in err and "reserved" not in err
    assert "pg_sw" not in {r.username for r in list_staff(engine)}


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
def test_a_short_password_is_refused_before_it_is_asked_again(engine: Engine) -> None:
    import fcntl  # POSIX only
    import pty
    import termios

    master, slave = pty.openpty()

    def own_terminal() -> None:  # in the child, after setsid: the pty becomes its /dev/tty
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", *_add(engine, "wang20")],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=own_terminal,
    )
    os.close(slave)
    shown = b""
    try:
        while "新帳號的密碼".encode() not in shown:  # the first prompt
            shown += os.read(master, 1024)
        os.write(master, b"short\n")
        _, err = process.communicate(timeout=60)
        try:
            while chunk := os.read(master, 1024):
                shown += chunk
        except OSError:  # the child has gone: the terminal is closed
            pass
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    text = err.decode("utf-8")
    assert process.returncode == 2, text
    assert "至少" in text and "Traceback" not in text
    assert "再輸入一次".encode() not in shown  # refused at once, not after typing it twice
    assert "wang20" not in {r.username for r in list_staff(engine)}
