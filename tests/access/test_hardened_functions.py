"""The SECURITY DEFINER functions, hardened (issue #19, item 4): owned by a non-superuser owner, with a
search path no TEMP table can shadow; adding and disabling staff is audited and checked inside the
function, whoever calls it; weak passwords are refused by the server and by `staff add`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from reviewer_app.access.staff import StaffError, add_staff, password_problem
from reviewer_app.cli import main
from tests import factories
from tests.staffdb import Login, PgLogins

HARDENED_PATH = "search_path=pg_catalog, public, pg_temp"


@dataclass
class Staffed:
    engine: Engine  # superuser
    a: int
    b: int
    supervisor_a: Login
    reviewer_a: Login
    reviewer_b: Login
    logins: PgLogins


def _superuser(engine: Engine) -> psycopg.Connection[tuple[object, ...]]:
    url = engine.url
    return psycopg.connect(
        host=url.host, port=url.port, dbname=url.database, user=url.username, autocommit=True
    )


@pytest.fixture
def staffed(pg_url: str, pg_logins: PgLogins) -> Iterator[Staffed]:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        a, b = factories.facility(s, "TTD").id, factories.facility(s, "TYJ").id
    yield Staffed(
        engine,
        a,
        b,
        supervisor_a=pg_logins.add("supervisor", "TTD", a),
        reviewer_a=pg_logins.add("reviewer", "TTD", a),
        reviewer_b=pg_logins.add("reviewer", "TYJ", b),
        logins=pg_logins,
    )
    engine.dispose()


def _alive(conn: psycopg.Connection[tuple[object, ...]]) -> bool:
    try:
        conn.execute("SELECT 1")
    except psycopg.OperationalError:
        return False
    return True


def _verifier(conn: psycopg.Connection[tuple[object, ...]], username: str, password: str) -> str:
    return conn.pgconn.encrypt_password(password.encode(), username.encode(), b"scram-sha-256").decode()


@pytest.mark.postgres
def test_the_owner_is_not_a_superuser_and_every_definer_function_is_pinned(staffed: Staffed) -> None:
    with staffed.engine.connect() as conn:
        owner = conn.execute(
            text("SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = 'reviewdesk_owner'")
        ).one()
        assert tuple(owner) == (False, False)
        foreign = (
            conn.execute(
                text(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v') "
                    "AND pg_get_userbyid(c.relowner) <> 'reviewdesk_owner'"
                )
            )
            .scalars()
            .all()
        )
        assert foreign == []
        functions = conn.execute(
            text(
                "SELECT p.proname, pg_get_userbyid(p.proowner), p.proconfig FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prosecdef"
            )
        ).all()
    names = {f[0] for f in functions}
    assert names >= {"reviewdesk_add_staff", "reviewdesk_disable_staff", "reviewdesk_my_facility"}
    for name, owner_name, config in functions:
        assert owner_name == "reviewdesk_owner", name
        assert HARDENED_PATH in (config or []), name


@pytest.mark.postgres
def test_a_temp_table_cannot_make_disable_staff_end_other_sessions(staffed: Staffed) -> None:
    victim = staffed.logins.add("reviewer", "TTD", staffed.a)
    with (
        _superuser(staffed.engine) as superuser,
        staffed.reviewer_b.connect() as other_facility,
        victim.connect() as victims_session,
        staffed.supervisor_a.connect() as supervisor,
    ):
        targets = [int(c.info.backend_pid) for c in (superuser, other_facility)]
        supervisor.execute("CREATE TEMP TABLE pg_stat_activity (pid integer, usename name)")
        for pid in targets:
            supervisor.execute("INSERT INTO pg_temp.pg_stat_activity VALUES (%s, %s)", (pid, victim.username))
        supervisor.execute("SELECT reviewdesk_disable_staff(%s)", (victim.username,))
        assert _alive(superuser), "the superuser's session was ended"
        assert _alive(other_facility), "another facility's session was ended"
        assert not _alive(victims_session)  # the disabled member's own session does end
        # Dropped now: PostgreSQL removes a closed session's TEMP tables later, and the supervisor's
        # role cannot be dropped at the end of the test while it still owns one.
        supervisor.execute("DROP TABLE pg_temp.pg_stat_activity")


@pytest.mark.postgres
def test_functions_called_directly_are_audited_and_check_the_display_name(staffed: Staffed) -> None:
    with staffed.supervisor_a.connect() as supervisor:
        formula_like = ('=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\t王", "\r王")
        for bad in (*formula_like, "王\n社工", "", "  ", "王" * 61):
            with pytest.raises(errors.InvalidParameterValue, match="display name"):
                supervisor.execute(
                    "SELECT reviewdesk_add_staff(%s, %s, 'reviewer', %s, %s)",
                    ("direct_x", bad, staffed.a, _verifier(supervisor, "direct_x", "a good password 7")),
                )
        supervisor.execute(
            "SELECT reviewdesk_add_staff(%s, %s, 'reviewer', %s, %s)",
            ("direct_x", "李社工師", staffed.a, _verifier(supervisor, "direct_x", "a good password 7")),
        )
        supervisor.execute("SELECT reviewdesk_disable_staff('direct_x')")
    staffed.logins.created.append("direct_x")
    with staffed.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT action, staff_username, facility_id, detail->>'username', detail->>'display_name' "
                "FROM audit_events WHERE action LIKE 'staff_%' AND detail->>'username' = 'direct_x' "
                "ORDER BY id"
            )
        ).all()
    who = staffed.supervisor_a.username
    assert [tuple(r) for r in rows] == [
        ("staff_add", who, staffed.a, "direct_x", "李社工師"),
        ("staff_disable", who, staffed.a, "direct_x", None),
    ]


@pytest.mark.postgres
def test_the_app_writes_one_staff_event_not_two(staffed: Staffed) -> None:
    with staffed.engine.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM audit_events WHERE action = 'staff_add' AND detail->>'username' = :u"),
            {"u": staffed.reviewer_a.username},
        ).scalar()
    assert count == 1


@pytest.mark.postgres
@pytest.mark.parametrize("weak", ["a", "short1", "{user}2026!x", "abcdefghijkl"])
def test_a_staff_login_cannot_set_itself_a_weak_password(staffed: Staffed, weak: str) -> None:
    login = staffed.reviewer_a
    with login.connect() as conn, pytest.raises(psycopg.Error):
        conn.execute(f"ALTER ROLE {login.username} PASSWORD '{weak.format(user=login.username)}'")
    with login.connect() as conn:  # the old password still works
        assert _alive(conn)


@pytest.mark.parametrize(
    ("password", "said"),
    [
        ("short 1", "12"),
        ("wang20 is my name 1", "帳號"),
        ("abcdefghijklmnop", "數字或符號"),
        ("1234567890123", "英文字母"),
        ("aaaaaaaaaaaaaaaa", "數字或符號"),
    ],
)
def test_the_password_policy(password: str, said: str) -> None:
    problem = password_problem(password, "wang20")
    assert problem is not None and said in problem
    assert password_problem("a good password 7", "wang20") is None


def test_staff_add_refuses_a_weak_password_before_asking_twice(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        factories.facility(s, "TTD")
    asked: list[str] = []

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return "wang20wang20wang20"

    monkeypatch.setattr("getpass.getpass", typed)
    args = [
        "--database-url",
        sqlite_url,
        "staff",
        "add",
        "wang20",
        "--role",
        "reviewer",
        "--name",
        "王",
        "--facility",
        "TTD",
    ]
    assert main(args) == 2
    assert len(asked) == 1  # not asked again for a password that cannot be used
    assert "帳號" in capsys.readouterr().err
    with pytest.raises(StaffError, match="12"):
        add_staff(
            engine,
            username="wang21",
            display_name="王",
            role="reviewer",
            password="short 1",
            facility_code="TTD",
            workstation="ws",
        )
    engine.dispose()


@pytest.mark.postgres
def test_a_role_change_is_checked_and_audited_inside_the_function(staffed: Staffed) -> None:
    target = staffed.reviewer_a.username
    with staffed.supervisor_a.connect() as supervisor:
        supervisor.execute("SELECT reviewdesk_set_staff_role(%s, 'counsellor')", (target,))
        with pytest.raises(errors.InsufficientPrivilege):
            supervisor.execute(
                "SELECT reviewdesk_set_staff_role(%s, 'supervisor')", (staffed.reviewer_b.username,)
            )
        with pytest.raises(errors.InvalidParameterValue):
            supervisor.execute("SELECT reviewdesk_set_staff_role(%s, 'admin')", (target,))
    with staffed.reviewer_a.connect() as conn:
        assert conn.execute("SELECT reviewdesk_my_role()").fetchone() == ("counsellor",)
        groups = conn.execute(
            "SELECT pg_has_role(session_user, 'reviewdesk_reviewer', 'MEMBER'), "
            "pg_has_role(session_user, 'reviewdesk_counsellor', 'MEMBER')"
        ).fetchone()
        assert groups == (False, True)
    with staffed.engine.connect() as conn:
        event = conn.execute(
            text(
                "SELECT staff_username, facility_id, detail->>'role', detail->>'previous_role' "
                "FROM audit_events WHERE action = 'staff_role' AND detail->>'username' = :u"
            ),
            {"u": target},
        ).one()
    assert tuple(event) == (staffed.supervisor_a.username, staffed.a, "counsellor", "reviewer")


def test_staff_role_on_sqlite_changes_the_row_and_is_audited(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        factories.facility(s, "TTD")
    add_staff(
        engine, username="wang20", display_name="王", role="reviewer", password="a good password 7",
        facility_code="TTD", workstation="ws",
    )
    assert main(["--database-url", sqlite_url, "staff", "role", "wang20", "--role", "counsellor"]) == 0
    assert "輔導員" in capsys.readouterr().out
    with engine.connect() as conn:
        assert conn.execute(text("SELECT role FROM staff WHERE username = 'wang20'")).scalar() == "counsellor"
        actions = conn.execute(text("SELECT action FROM audit_events ORDER BY id")).scalars().all()
    assert actions == ["staff_add", "staff_role"]
    assert main(["--database-url", sqlite_url, "staff", "role", "nobody", "--role", "counsellor"]) == 2
    assert "找不到工作人員帳號" in capsys.readouterr().err
    engine.dispose()
