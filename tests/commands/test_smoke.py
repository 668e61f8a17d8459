"""`smoke-test`, the installation check the installer test runs in the bundle, here in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app.cli import main
from reviewer_app.frozen import attach_parent_console, is_frozen


def test_smoke_test_opens_the_desk_and_reports_what_it_found(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "seed", "--families", "12"]) == 0
    capsys.readouterr()
    shot = tmp_path / "desk.png"
    args = ["--database-url", sqlite_url, "--user", "reviewer", "smoke-test", "--screenshot", str(shot)]
    assert main(args) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("main window ok: ") and int(lines[0].split()[3]) > 0
    report = dict(line.split(": ", 1) for line in lines[1:])
    assert report["frozen"] == "no"
    assert report["app icons"].startswith("app.ico, app.png (window icon set; "), report
    assert report["pdf engine"].startswith("pdfium")
    assert "psycopg" in report["database driver"]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_after_the_desk_has_ended_a_new_window_still_waits_for_the_member(sqlite_url: str) -> None:
    """The smoke test closes the window and quits, so the window's own Quit is still queued when the
    desk ends. Left there, it stopped every later event loop at once: whatever the process shows next
    (the sign-in again after an idle-lock sign-out, a dialog of the next test) ended by itself."""
    from reviewer_app.qt import QCoreApplication, QEventLoop, QTimer

    assert main(["--database-url", sqlite_url, "seed", "--families", "6"]) == 0
    assert main(["--database-url", sqlite_url, "--user", "reviewer", "smoke-test"]) == 0
    QCoreApplication.sendPostedEvents()  # what is left over is handled by whatever spins next
    loop = QEventLoop()
    QTimer.singleShot(50, lambda: loop.exit(7))
    assert loop.exec() == 7  # -1: returned at once, without waiting


def test_smoke_test_fails_clearly_when_the_queue_stays_empty(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "seed", "--families", "0"]) == 0
    capsys.readouterr()
    assert main(["--database-url", sqlite_url, "--user", "reviewer", "smoke-test", "--timeout", "1.5"]) == 1
    captured = capsys.readouterr()
    assert "main window ok" not in captured.out
    assert "沒有顯示任何待審項目" in captured.err


def test_outside_the_windows_bundle_the_console_is_left_alone() -> None:
    assert not is_frozen()
    assert attach_parent_console() is False


def test_a_screenshot_folder_that_does_not_exist_is_refused_before_the_desk_opens(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An installation check whose picture is missing must not pass silently."""
    assert main(["--database-url", sqlite_url, "seed", "--families", "6"]) == 0
    capsys.readouterr()
    base = ["--database-url", sqlite_url, "--user", "reviewer", "smoke-test", "--screenshot"]
    assert main([*base, str(tmp_path / "missing" / "desk.png")]) == 2
    assert "輸出資料夾不存在" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk), Linux only")
def test_a_screenshot_that_cannot_be_written_fails_the_check(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "seed", "--families", "6"]) == 0
    capsys.readouterr()
    args = ["--database-url", sqlite_url, "--user", "reviewer", "smoke-test", "--screenshot", "/dev/full"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "main window ok" in captured.out and "無法儲存畫面截圖" in captured.err
