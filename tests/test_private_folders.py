"""The workstation's own files (#19 item 7): the journal, the embedded database, the document cache and
exports are the user's alone (files 0600 in 0700 folders); a data folder someone else could tamper
with is refused before anything in it is read or written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app import config
from reviewer_app.cli import main
from reviewer_app.documents.cache import DocumentCache
from reviewer_app.journal import Journal
from reviewer_app.shared_db.engine import make_engine
from tests import factories

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows folders are private by ACL)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def loose_umask() -> object:
    """As on a workstation with the common umask 022: new files would be 0644 unless made private."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_journal_and_its_wal_are_user_only(sqlite_url: str) -> None:
    path = config.journal_path(sqlite_url, "lin")
    journal = Journal(path)
    try:
        journal.items()  # WAL mode: the -wal and -shm files exist while it is open
        assert mode(config.data_dir()) == 0o700
        assert mode(path.parent) == 0o700
        for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            assert name.exists(), name
            assert mode(name) == 0o600, name
    finally:
        journal.close()


def test_an_older_journal_readable_by_others_is_tightened(sqlite_url: str) -> None:
    path = config.journal_path(sqlite_url, "lin")
    Journal(path).close()
    os.chmod(path, 0o644)
    journal = Journal(path)
    journal.close()
    assert mode(path) == 0o600


def test_the_embedded_shared_database_is_user_only() -> None:
    path = config.default_database_path()
    engine = factories.shared_engine(f"sqlite:///{path}")
    engine.dispose()
    assert mode(path) == 0o600


def test_files_left_readable_in_the_data_folder_are_tightened_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "old-data"
    (folder / "journals").mkdir(parents=True, mode=0o755)
    os.chmod(folder, 0o755)
    os.chmod(folder / "journals", 0o755)
    old_journal = folder / "journals" / "0123.sqlite3"
    old_journal.write_bytes(b"")
    os.chmod(old_journal, 0o644)
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    assert config.data_dir() == folder
    assert (mode(folder), mode(folder / "journals"), mode(old_journal)) == (0o700, 0o700, 0o600)


def test_the_workstation_marker_and_the_desk_settings_are_user_only() -> None:
    from reviewer_app.ui.common.preferences import open_settings

    config.workstation_id()
    settings = open_settings(None)
    settings.setValue("signin/username", "lin")
    settings.sync()
    assert mode(config.data_dir() / "workstation-id") == 0o600
    assert mode(config.data_dir() / "desk.ini") == 0o600


def test_the_document_cache_is_user_only() -> None:
    cache = DocumentCache(config.cache_dir() / "documents")
    cache.put(7, "a" * 64, b"bytes")
    (written,) = cache.files()
    assert mode(config.cache_dir()) == 0o700
    assert mode(written.parent) == 0o700 and mode(written) == 0o600


# ---- a folder others could tamper with is refused ------------------------------------------------


def _refused(capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    """Run a command that reads the data folder; it must stop with one clear line, nothing written."""
    before = sorted(p.name for p in folder.iterdir())
    assert main(["db", "current"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(folder) in err
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing read or written there
    return err


def test_a_world_writable_data_folder_made_by_someone_else_beforehand_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "shared-data"
    folder.mkdir()
    os.chmod(folder, 0o777)
    planted = folder / "settings.ini"
    planted.write_text("[database]\nurl = postgresql://attacker@evil/db\n", encoding="utf-8")
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    err = _refused(capsys, folder)
    assert "其他使用者可以寫入" in err and "writable by other users" in err
    assert mode(folder) == 0o777  # left as it is: the user decides what to do with it
    with pytest.raises(config.UnsafeFolder):
        config.settings_database_url()


def test_a_group_writable_cache_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    os.chmod(folder, 0o770)
    monkeypatch.setenv(config.CACHE_DIR_ENV, str(folder))
    with pytest.raises(config.UnsafeFolder) as refused:
        config.cache_dir()
    assert "其他使用者可以寫入" in str(refused.value)


def test_a_data_folder_owned_by_another_user_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if os.geteuid() == 0:
        folder = tmp_path / "someone-elses"
        folder.mkdir(mode=0o700)
        os.chown(folder, 65534, 65534)  # nobody
    else:
        folder = Path("/usr")  # root's, and not writable by us
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    err = _refused(capsys, folder)
    assert "不屬於目前的使用者" in err and "not owned by you" in err


def test_a_file_of_another_user_inside_the_data_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to give a file to another user")
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    foreign = folder / "desk.ini"
    foreign.write_text("", encoding="utf-8")
    os.chown(foreign, 65534, 65534)
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    with pytest.raises(config.UnsafeFolder) as refused:
        config.data_dir()
    assert "desk.ini" in str(refused.value) and "不屬於目前的使用者" in str(refused.value)


def test_a_new_sqlite_file_anywhere_is_created_user_only(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect():
        pass
    engine.dispose()
    assert mode(path) == 0o600



def test_the_desk_started_from_its_icon_shows_the_refusal_in_a_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Double-clicked, the desk has no terminal for the one line: the same words come in a window."""
    from reviewer_app.qt import QApplication, QMessageBox, QTimer

    folder = tmp_path / "shared-data"
    folder.mkdir()
    os.chmod(folder, 0o777)
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(20, read_and_close)
    assert main([]) == 2
    assert shown and "其他使用者可以寫入" in shown[0] and str(folder) in shown[0]
    assert "其他使用者可以寫入" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_a_data_folder_that_cannot_be_made_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("", encoding="utf-8")
    monkeypatch.setenv(config.DATA_DIR_ENV, str(in_the_way))
    assert main(["db", "current"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(in_the_way) in err and "資料夾" in err
