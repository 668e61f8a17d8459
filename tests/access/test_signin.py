"""Signing in with one's own credentials: a wrong password, a disabled account, an unreachable server
and a failing keyring each get a clear message; the password never lands in a file or a log. Staff
accounts are managed with `reviewer-app staff add|disable|list`."""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from reviewer_app.access import signin
from reviewer_app.access.signin import CredentialStore, SignInError, sign_in
from reviewer_app.access.staff import StaffError, add_staff, disable_staff, list_staff
from reviewer_app.cli import main
from tests import factories
from tests.keyrings import FailingKeyring, MemoryKeyring, installed
from tests.pgcluster import _free_port
from tests.staffdb import PgLogins

PASSWORD = "correct horse 9"


@pytest.fixture
def sqlite_world(sqlite_url: str) -> Iterator[tuple[str, Engine]]:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        factories.facility(s, "TTD")
    add_staff(
        engine,
        username="lin_reviewer",
        display_name="林社工師",
        role="reviewer",
        password=PASSWORD,
        facility_code="TTD",
        workstation="it-ws",
    )
    yield sqlite_url, engine
    engine.dispose()


# ---- the embedded SQLite file --------------------------------------------------------------------


def test_sqlite_sign_in_checks_the_password_hash(sqlite_world: tuple[str, Engine]) -> None:
    url, engine = sqlite_world
    session = sign_in(url, "lin_reviewer", PASSWORD)
    try:
        assert (session.username, session.role, session.display_name) == (
            "lin_reviewer",
            "reviewer",
            "林社工師",
        )
        session.verify_password(PASSWORD)
        with pytest.raises(SignInError) as wrong:
            session.verify_password("nope")
        assert wrong.value.kind == signin.WRONG_PASSWORD
    finally:
        session.close()
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT password_hash FROM staff WHERE username = 'lin_reviewer'")
        ).scalar()
    assert isinstance(stored, str) and stored.startswith("scrypt$") and PASSWORD not in stored


def test_sqlite_wrong_password_unknown_user_and_disabled_account(sqlite_world: tuple[str, Engine]) -> None:
    url, engine = sqlite_world
    for user, password in (("lin_reviewer", "wrong password"), ("nobody", PASSWORD)):
        with pytest.raises(SignInError) as refused:
            sign_in(url, user, password)
        assert refused.value.kind == signin.WRONG_PASSWORD
        assert refused.value.message == "帳號或密碼錯誤，請再試一次。"
    disable_staff(engine, username="lin_reviewer", workstation="it-ws")
    with pytest.raises(SignInError) as disabled:
        sign_in(url, "lin_reviewer", PASSWORD)
    assert disabled.value.kind == signin.DISABLED and "停用" in disabled.value.message


def test_sqlite_member_without_a_password_is_told_so(sqlite_world: tuple[str, Engine]) -> None:
    url, _ = sqlite_world
    with pytest.raises(SignInError) as refused:
        sign_in(url, "ttd_reviewer", "anything")  # a factory row: no password was ever set
    assert refused.value.kind == signin.NO_PASSWORD


def test_staff_commands_on_sqlite(
    sqlite_world: tuple[str, Engine], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url, engine = sqlite_world
    monkeypatch.setattr("sys.stdin", io.StringIO("a new secret 1\n"))
    args = [
        "--database-url",
        url,
        "--user",
        "ttd_supervisor",
        "staff",
        "add",
        "wang_counsellor",
        "--role",
        "counsellor",
        "--name",
        "王輔導員",
        "--facility",
        "TTD",
        "--password-stdin",
    ]
    assert main(args) == 0
    assert "已新增 wang_counsellor" in capsys.readouterr().out
    sign_in(url, "wang_counsellor", "a new secret 1").close()
    assert main(["--database-url", url, "staff", "disable", "wang_counsellor"]) == 0
    assert main(["--database-url", url, "staff", "list", "--facility", "TTD"]) == 0
    listing = capsys.readouterr().out
    line = next(x for x in listing.splitlines() if x.startswith("wang_counsellor"))
    assert "停用" in line and "王輔導員" in line
    assert any(r.username == "lin_reviewer" and r.active for r in list_staff(engine))
    # A facility code that does not exist is an error (an empty table would read as "no staff").
    assert main(["--database-url", url, "staff", "list", "--facility", "NOPE"]) == 2
    assert "找不到矯正機關代碼：NOPE" in capsys.readouterr().err
    # The password is never an argument, and a short one is refused.
    with pytest.raises(SystemExit):
        main(
            [
                "--database-url",
                url,
                "staff",
                "add",
                "x_user",
                "--role",
                "reviewer",
                "--name",
                "x",
                "--password",
                "secret123",
            ]
        )
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert (
        main(
            [
                "--database-url",
                url,
                "staff",
                "add",
                "x_user",
                "--role",
                "reviewer",
                "--name",
                "x",
                "--facility",
                "TTD",
                "--password-stdin",
            ]
        )
        == 2
    )
    with engine.connect() as conn:
        actions = conn.execute(text("SELECT action, staff_username FROM audit_events ORDER BY id")).all()
    assert [a for a, _ in actions] == ["staff_add", "staff_add", "staff_disable"]
    assert actions[0][1].startswith("os:") and actions[1][1] == "ttd_supervisor"


def _staff_add(url: str, *extra: str) -> list[str]:
    add = ["staff", "add", "wang20", "--role", "reviewer", "--name", "王", "--facility", "TTD"]
    return ["--database-url", url, *add, *extra]


@pytest.mark.parametrize("stdin", [b"", b"only once\n"], ids=["dev-null", "piped-once"])
def test_staff_add_prompt_without_a_terminal_adds_no_one(
    sqlite_world: tuple[str, Engine], stdin: bytes
) -> None:
    url, engine = sqlite_world
    result = subprocess.run(
        [sys.executable, "-m", "reviewer_app", *_staff_add(url)],
        input=stdin,
        capture_output=True,
        timeout=120,
        start_new_session=True,  # no controlling terminal: getpass falls back to standard input
    )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert "Traceback" not in err and "--password-stdin" in err
    assert "wang20" not in {r.username for r in list_staff(engine)}


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX terminal")
@pytest.mark.parametrize(
    ("key", "status", "said"),
    [(b"\x04", 2, "輸入已結束"), (b"\x03", 130, "已中斷")],
    ids=["ctrl-d", "ctrl-c"],
)
def test_ctrl_d_or_ctrl_c_at_the_password_prompt_adds_no_one(
    sqlite_world: tuple[str, Engine], key: bytes, status: int, said: str
) -> None:
    import fcntl  # POSIX only
    import pty
    import termios

    url, engine = sqlite_world
    master, slave = pty.openpty()

    def own_terminal() -> None:  # in the child, after setsid: the pty becomes its /dev/tty
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", *_staff_add(url)],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=own_terminal,
    )
    os.close(slave)
    try:
        shown = b""
        while "新帳號的密碼".encode() not in shown:  # the prompt: main() is running
            shown += os.read(master, 1024)
        os.write(master, key)
        _, err = process.communicate(timeout=60)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    text = err.decode("utf-8")
    assert process.returncode == status, text
    assert said in text and "Traceback" not in text
    assert "wang20" not in {r.username for r in list_staff(engine)}


def test_a_password_that_is_not_utf8_is_one_line(sqlite_world: tuple[str, Engine]) -> None:
    url, engine = sqlite_world
    result = subprocess.run(
        [sys.executable, "-m", "reviewer_app", *_staff_add(url, "--password-stdin")],
        input=b"\xff\xfe\xfaStr0ng-Passw0rd!\n",
        capture_output=True,
        timeout=120,
    )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert "UTF-8" in err and "Traceback" not in err
    assert "wang20" not in {r.username for r in list_staff(engine)}


def test_a_malformed_username_is_refused(sqlite_world: tuple[str, Engine]) -> None:
    _, engine = sqlite_world
    with pytest.raises(StaffError, match="小寫英文"):
        add_staff(
            engine,
            username='x"; DROP ROLE',
            display_name="x",
            role="reviewer",
            password=PASSWORD,
            facility_code="TTD",
            workstation="w",
        )


# ---- PostgreSQL: the server checks the password ----------------------------------------------------


@pytest.mark.postgres
def test_postgresql_sign_in_connects_as_the_members_own_role(pg_url: str, pg_logins: PgLogins) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s, "TTD").id
    login = pg_logins.add("supervisor", "TTD", fid)
    session = sign_in(pg_url, login.username, login.password)
    try:
        assert (session.role, session.facility_id) == ("supervisor", fid)
        with session.engine.connect() as conn:
            assert conn.execute(text("SELECT current_user")).scalar() == login.username
        assert login.password not in str(session.engine.url)
        assert login.password not in session.database_url
        session.verify_password(login.password)
        # A password written in the configured address is not carried into the member's (nor kept).
        url = make_url(pg_url)
        written = url.set(username="someone", password="leaked-secret").render_as_string(hide_password=False)
        other = sign_in(written, login.username, login.password)
        try:
            assert "leaked-secret" not in other.database_url
            assert "leaked-secret" not in CredentialStore(written).service
        finally:
            other.close()
        with pytest.raises(SignInError) as wrong:
            session.verify_password("not it")
        assert wrong.value.kind == signin.WRONG_PASSWORD
    finally:
        session.close()
        engine.dispose()


@pytest.mark.postgres
def test_postgresql_wrong_password(pg_url: str, pg_logins: PgLogins) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s, "TTD").id
    login = pg_logins.add("reviewer", "TTD", fid)
    for password in ("wrong password", login.password.upper()):
        with pytest.raises(SignInError) as refused:
            sign_in(pg_url, login.username, password)
        assert refused.value.kind == signin.WRONG_PASSWORD
        assert refused.value.message == "帳號或密碼錯誤，請再試一次。"
    engine.dispose()


@pytest.mark.postgres
def test_postgresql_disabled_account(
    pg_url: str, pg_logins: PgLogins, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s, "TTD").id
    member, other = pg_logins.add("reviewer", "TTD", fid), pg_logins.add("reviewer", "TTD", fid)
    session = sign_in(pg_url, member.username, member.password)  # signed in before it is disabled

    assert main(["--database-url", pg_url, "staff", "disable", member.username]) == 0
    with pytest.raises(SignInError) as disabled:
        sign_in(pg_url, member.username, member.password)
    assert disabled.value.kind == signin.DISABLED
    with pytest.raises(SignInError) as unlock:  # unlocking the open desk fails the same way
        session.verify_password(member.password)
    assert unlock.value.kind == signin.DISABLED
    session.close()

    # A login role still allowed to log in, but whose staff row is inactive: refused as well.
    with engine.begin() as conn:
        conn.execute(text("UPDATE staff SET active = false WHERE username = :u"), {"u": other.username})
    with pytest.raises(SignInError) as inactive:
        sign_in(pg_url, other.username, other.password)
    assert inactive.value.kind == signin.DISABLED

    assert main(["--database-url", pg_url, "staff", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(member.username))
    assert "停用" in line and " 否 " in line
    engine.dispose()


def test_unreachable_server_is_a_clear_message() -> None:
    url = f"postgresql://someone@127.0.0.1:{_free_port()}/reviewdesk"
    with pytest.raises(SignInError) as down:
        sign_in(url, "someone", "a password")
    assert down.value.kind == signin.UNREACHABLE
    assert "無法連線到共用資料庫" in down.value.message and "127.0.0.1" in down.value.message


@pytest.mark.postgres
def test_supervisor_manages_only_their_own_facility(pg_url: str, pg_logins: PgLogins) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        a, b = factories.facility(s, "TTD").id, factories.facility(s, "TYJ").id
    supervisor = pg_logins.add("supervisor", "TTD", a)
    reviewer = pg_logins.add("reviewer", "TTD", a)
    b_member = pg_logins.add("reviewer", "TYJ", b)
    as_supervisor = sign_in(pg_url, supervisor.username, supervisor.password)
    as_reviewer = sign_in(pg_url, reviewer.username, reviewer.password)
    new_name = f"new_{supervisor.username[-8:]}"
    pg_logins.created.append(new_name)
    try:
        add_staff(
            as_supervisor.engine,
            username=new_name,
            display_name="新人",
            role="reviewer",
            password=PASSWORD,
            facility_code=None,
            workstation="ws",
        )  # their own facility
        sign_in(pg_url, new_name, PASSWORD).close()
        with pytest.raises(StaffError):  # facility B is not theirs: they cannot even see it
            add_staff(
                as_supervisor.engine,
                username="x_" + new_name,
                display_name="x",
                role="reviewer",
                password=PASSWORD,
                facility_code="TYJ",
                workstation="ws",
            )
        with pytest.raises(StaffError):
            disable_staff(as_supervisor.engine, username=b_member.username, workstation="ws")
        with pytest.raises(StaffError, match="權限"):
            add_staff(
                as_reviewer.engine,
                username="y_" + new_name,
                display_name="y",
                role="supervisor",
                password=PASSWORD,
                facility_code="TTD",
                workstation="ws",
            )
        with pytest.raises(StaffError, match="權限"):
            disable_staff(as_reviewer.engine, username=new_name, workstation="ws")
        disable_staff(as_supervisor.engine, username=new_name, workstation="ws")
    finally:
        as_supervisor.close()
        as_reviewer.close()
    with pytest.raises(SignInError):
        sign_in(pg_url, b_member.username, b_member.password + "x")
    sign_in(pg_url, b_member.username, b_member.password).close()  # untouched
    engine.dispose()


# ---- the keyring, and where the password must never go --------------------------------------------


def test_keyring_keeps_the_password_per_database_and_member() -> None:
    with installed(MemoryKeyring()) as backend:
        store = CredentialStore("postgresql://lin@db.example:5432/reviewdesk")
        assert store.get("lin") is None
        assert store.save("lin", PASSWORD) and store.get("lin") == PASSWORD
        assert CredentialStore("postgresql://lin@db.example:5432/other").get("lin") is None
        assert store.forget("lin") and store.get("lin") is None
        assert store.forget("lin")  # nothing stored: fine
        assert isinstance(backend, MemoryKeyring) and backend.passwords == {}


def test_a_failing_keyring_asks_for_the_password_instead(caplog: pytest.LogCaptureFixture) -> None:
    with installed(FailingKeyring()):
        store = CredentialStore("sqlite:///x.sqlite3")
        assert store.get("lin") is None
        assert store.last_error is not None and "請直接輸入密碼" in store.last_error
        assert store.save("lin", PASSWORD) is False and "鑰匙圈" in (store.last_error or "")
        assert store.forget("lin") is False
    assert PASSWORD not in caplog.text


def test_the_password_lands_in_no_file_and_no_log(
    sqlite_world: tuple[str, Engine], caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    url, _ = sqlite_world
    caplog.set_level(logging.DEBUG)
    with installed(MemoryKeyring()):
        session = sign_in(url, "lin_reviewer", PASSWORD)
        session.verify_password(PASSWORD)
        with pytest.raises(SignInError):
            session.verify_password(PASSWORD + "x")
        session.close()
    assert PASSWORD not in caplog.text
    needle = PASSWORD.encode()
    folders = [Path(os.environ["REVIEWER_DATA_DIR"]), Path(make_url(url).database or "").parent, tmp_path]
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                assert needle not in path.read_bytes(), path


def test_idle_lock_minutes_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert signin.idle_lock_minutes() == signin.DEFAULT_IDLE_LOCK_MINUTES
    monkeypatch.setenv(signin.IDLE_LOCK_ENV, "2.5")
    assert signin.idle_lock_minutes() == 2.5
    monkeypatch.setenv(signin.IDLE_LOCK_ENV, "soon")
    assert signin.idle_lock_minutes() == signin.DEFAULT_IDLE_LOCK_MINUTES


def test_staff_error_for_unknown_facility(sqlite_world: tuple[str, Engine]) -> None:
    _, engine = sqlite_world
    with pytest.raises(StaffError, match="ZZZ"):
        add_staff(
            engine,
            username="zz_user",
            display_name="z",
            role="reviewer",
            password=PASSWORD,
            facility_code="ZZZ",
            workstation="w",
        )


@pytest.mark.parametrize(
    ("typed", "refused"),
    [
        ("", "請填寫顯示名稱"),
        ("  \t ", "請填寫顯示名稱"),
        ("\u200b", "請填寫顯示名稱"),  # nothing anybody can see
        ("=HYPERLINK(\"http://evil.example\")", "不可以 = + - @ 開頭"),
        ("-王社工師", "不可以 = + - @ 開頭"),
        ("王" * 61, "最多 60 字"),
    ],
)
def test_a_display_name_nobody_could_read_is_refused(
    sqlite_world: tuple[str, Engine], typed: str, refused: str
) -> None:
    _, engine = sqlite_world
    with pytest.raises(StaffError, match=re.escape(refused)):
        add_staff(
            engine, username="zz_user", display_name=typed, role="reviewer", password=PASSWORD,
            facility_code="TTD", workstation="w",
        )
    assert not any(r.username == "zz_user" for r in list_staff(engine))


def test_a_display_name_is_kept_on_one_line(sqlite_world: tuple[str, Engine]) -> None:
    """Pasted with a tab or a line break, the name stays one line in the queue, the staff list and print."""
    _, engine = sqlite_world
    add_staff(
        engine, username="zz_user", display_name=" \t王\n 社工師  ", role="reviewer", password=PASSWORD,
        facility_code="TTD", workstation="w",
    )
    assert next(r.display_name for r in list_staff(engine) if r.username == "zz_user") == "王 社工師"


@pytest.mark.postgres
def test_staff_add_on_postgresql_creates_a_login_role(
    pg_url: str, pg_logins: PgLogins, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        factories.facility(s, "TTD")
    username = f"cli_{os.getpid()}_{len(pg_logins.created)}"
    pg_logins.created.append(username)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    args = [
        "--database-url",
        pg_url,
        "staff",
        "add",
        username,
        "--role",
        "counsellor",
        "--name",
        "王輔導員",
        "--facility",
        "TTD",
        "--password-stdin",
    ]
    assert main(args) == 0
    assert "資料庫登入角色" in capsys.readouterr().out
    with engine.connect() as conn:
        role = conn.execute(
            text("SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = :u"), {"u": username}
        ).one()
        member = conn.execute(
            text("SELECT pg_has_role(:u, 'reviewdesk_counsellor', 'MEMBER')"), {"u": username}
        )
        assert member.scalar() is True
    assert role[0] is True and role[1].startswith("SCRAM-SHA-256$") and PASSWORD not in role[1]
    session = sign_in(pg_url, username, PASSWORD)
    assert session.role == "counsellor"
    session.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(args) == 2  # the same name twice
    assert "已存在" in capsys.readouterr().err
    engine.dispose()


@pytest.mark.postgres
def test_a_login_that_is_not_staff_and_a_database_not_upgraded(pg_url: str, pg_logins: PgLogins) -> None:
    from reviewer_app.shared_db.engine import make_engine, upgrade

    engine = make_engine(pg_url)
    upgrade(engine, "0002")
    with pytest.raises(SignInError, match=r"版本與本程式不符.*請洽資訊人員"):
        sign_in(pg_url, "postgres", "any")
    upgrade(engine)
    outsider = f"outsider_{os.getpid()}"
    pg_logins.created.append(outsider)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE ROLE {outsider} LOGIN PASSWORD 'outsider pw'"))
    with pytest.raises(SignInError, match="不是本系統的工作人員帳號"):
        sign_in(pg_url, outsider, "outsider pw")
    engine.dispose()
