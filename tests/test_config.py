"""settings.ini in the data folder: how IT points a workstation at the shared database."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app import config
from reviewer_app.cli import main


def write_settings(text: str, encoding: str = "utf-8") -> Path:
    path = config.settings_path()
    path.write_text(text, encoding=encoding)
    return path


def test_without_a_settings_file_the_embedded_database_is_used() -> None:
    assert not config.settings_path().exists()
    assert config.resolve_database_url() == f"sqlite:///{config.default_database_path()}"


def test_the_settings_file_comes_after_the_command_line_and_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_settings("[database]\nurl = postgresql://reviewer@db.facility.local:5432/reviewdesk\n")
    assert config.resolve_database_url() == "postgresql://reviewer@db.facility.local:5432/reviewdesk"
    monkeypatch.setenv(config.DATABASE_URL_ENV, "postgresql://reviewer@other/reviewdesk")
    assert config.resolve_database_url() == "postgresql://reviewer@other/reviewdesk"
    assert config.resolve_database_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"


def test_notepad_files_with_a_byte_order_mark_and_empty_values_are_understood() -> None:
    write_settings("[database]\r\nurl = postgresql://reviewer@db/reviewdesk\r\n", encoding="utf-8-sig")
    assert config.resolve_database_url() == "postgresql://reviewer@db/reviewdesk"
    write_settings("[database]\nurl =\n")
    assert config.resolve_database_url() == f"sqlite:///{config.default_database_path()}"
    write_settings("; nothing set yet\n[other]\nkey = value\n")
    assert config.resolve_database_url() == f"sqlite:///{config.default_database_path()}"


def test_a_password_in_the_settings_file_is_refused() -> None:
    write_settings("[database]\nurl = postgresql://reviewer:secret@db/reviewdesk\n")
    with pytest.raises(config.SettingsError, match="不可含密碼") as caught:
        config.resolve_database_url()
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("url = postgresql://db/x\n", "設定檔格式錯誤"),
        ("[database]\nurl = not a url\n", "無法辨識"),
        ("[database]\nurl = postgresql://db:fivefourthreetwo/x\n", "無法辨識"),  # a port that is no number
    ],
)
def test_a_broken_settings_file_is_one_clear_line(
    text: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_settings(text)
    assert main(["db", "current"]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err


def test_commands_use_the_database_the_settings_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "facility.sqlite3"
    write_settings(f"[database]\nurl = sqlite:///{shared}\n")
    assert main(["db", "upgrade"]) == 0
    assert shared.exists() and not config.default_database_path().exists()
    assert "schema: (empty) ->" in capsys.readouterr().out
