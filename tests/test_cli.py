"""The command line as IT staff use it: seed a database, sync once, clear errors without tracebacks."""

from __future__ import annotations

import pytest

from reviewer_app import config
from reviewer_app.cli import main
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
