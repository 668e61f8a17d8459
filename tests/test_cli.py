"""The command line as IT staff use it: seed a database, sync once, clear errors without tracebacks."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from reviewer_app import config
from reviewer_app.cli import build_parser, main
from reviewer_app.journal import Journal


def test_seed_then_sync_claims_a_batch_for_the_reviewer(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "seed", "--families", "14"]) == 0
    assert "14 families" in capsys.readouterr().out

    assert main(["--database-url", sqlite_url, "--user", "reviewer", "sync", "--batch", "10"]) == 0
    assert "claimed 10" in capsys.readouterr().out
    journal = Journal(config.journal_path(sqlite_url, "reviewer"))
    try:
        assert len(journal.items(include_decided=True)) == 10
    finally:
        journal.close()


def test_unknown_user_and_unreachable_database_are_one_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["--database-url", sqlite_url, "--user", "nobody", "sync"]) == 2
    assert "nobody" in capsys.readouterr().err

    unreachable = "postgresql://reviewer@127.0.0.1:9/nowhere"
    assert main(["--database-url", unreachable, "db", "upgrade"]) == 3
    err = capsys.readouterr().err
    assert "無法連線到共用資料庫" in err and "Traceback" not in err


def test_journals_are_kept_apart_per_database_and_staff_member() -> None:
    a = config.journal_path("sqlite:////tmp/demo.sqlite3", "reviewer")
    assert a != config.journal_path("postgresql://reviewer:secret@db/prod", "reviewer")
    assert a != config.journal_path("sqlite:////tmp/demo.sqlite3", "reviewer2")
    assert "secret" not in str(config.journal_path("postgresql://reviewer:secret@db/prod", "reviewer"))


# ---- bad input is one clear line, never a traceback ---------------------------------------------


@pytest.mark.parametrize("url", ["mysql://u@h/db", "foo://bar", "notaurl", "TEXT_FILE"])
def test_a_database_url_that_cannot_be_used_is_one_line_with_exit_2(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("not a database\n", encoding="utf-8")
    if url == "TEXT_FILE":
        url = f"sqlite:///{text_file}"
    assert main(["--database-url", url, "staff", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer-app: ") and err.count("\n") == 1 and "Traceback" not in err
    assert text_file.read_text(encoding="utf-8") == "not a database\n"  # left as it was


def test_sync_on_a_read_only_database_is_one_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "seed", "--families", "3"]) == 0
    capsys.readouterr()
    read_only = f"sqlite:///file:{sqlite_url.removeprefix('sqlite:///')}?mode=ro&uri=true"
    assert main(["--database-url", read_only, "--user", "reviewer", "sync"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("reviewer-app: ") and "readonly" in err and err.count("\n") == 1


@pytest.mark.parametrize("option", ["--families", "--facilities"])
def test_seed_refuses_a_negative_count_before_it_starts(
    option: str, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--database-url", sqlite_url, "seed", option, "-3"])
    assert exit_.value.code == 2
    assert option in capsys.readouterr().err
    assert not (tmp_path / "shared.sqlite3").exists()


def test_ctrl_c_is_one_line_and_exit_130(sqlite_url: str) -> None:
    """Ctrl+C while a long seed runs (it reports its first family, then goes on for minutes)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", "--database-url", sqlite_url, "seed", "--families", "3000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline().decode("utf-8")
        assert first.startswith("已建立 1／3000 戶"), first
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    text = err.decode("utf-8")
    assert process.returncode == 130, text
    assert "已中斷" in text and "Traceback" not in text and "KeyboardInterrupt" not in text


def _at_revision(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def test_a_database_newer_than_the_app_says_to_update_the_app(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "db", "upgrade"]) == 0
    capsys.readouterr()
    _at_revision(sqlite_url, "0099")

    assert main(["--database-url", sqlite_url, "db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "0099" in err and "更新" in err and "db upgrade" not in err and "Traceback" not in err
    args = ["--database-url", sqlite_url, "report", "--month", "2026-03", "-o", str(tmp_path / "r.csv")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "更新" in err and "版本過舊" not in err and "db upgrade" not in err
    printing = ["--database-url", sqlite_url, "print", "--approved", "-o", str(tmp_path / "p.pdf")]
    for command in (printing, ["--database-url", sqlite_url, "sync"]):
        assert main(command) == 2, command  # nothing printed or pushed into a schema it does not know
        err = capsys.readouterr().err
        assert "更新" in err and "db upgrade" not in err, command

    # An old database still gets the advice to upgrade it.
    _at_revision(sqlite_url, "0001")
    assert main(args) == 2
    assert "reviewer-app db upgrade" in capsys.readouterr().err


def test_user_is_accepted_before_and_after_demo() -> None:
    parser = build_parser()
    assert parser.parse_args(["demo", "--user", "counsellor"]).user == "counsellor"
    assert parser.parse_args(["--user", "counsellor", "demo"]).user == "counsellor"
    assert parser.parse_args(["demo"]).user is None
    assert parser.parse_args(["sync", "--user", "lin_sw"]).user == "lin_sw"
    assert parser.parse_args(["--user", "lin_sw", "sync"]).user == "lin_sw"
