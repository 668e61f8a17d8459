"""Two desks on one profile ran at once on the same journal. Now the second start is refused and the
first comes to the front; once the first has ended (or crashed), a desk starts again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer_app import config
from reviewer_app.cli import main
from reviewer_app.qt import QApplication
from reviewer_app.ui.common.single_desk import SingleDesk

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def first_desk() -> Iterator[subprocess.Popen[str]]:
    """A desk in another process, on this test's profile (REVIEWER_DATA_DIR)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.single_desk_probe"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[3],
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready", process.stderr.read() if process.stderr else ""
    yield process
    if process.poll() is None:
        process.kill()
    process.communicate(timeout=30)  # and its pipes are closed


def test_a_second_desk_on_the_profile_is_refused_and_the_first_comes_to_the_front(
    qapp: QApplication, first_desk: subprocess.Popen[str], sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url]) == 1  # no sign-in window: it never showed
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert "已經開啟" in capsys.readouterr().err
    out, err = first_desk.communicate(timeout=60)
    assert out.split() == ["raised", "True"], err  # the first desk's window is the active one
    assert first_desk.returncode == 0


def test_once_the_first_desk_has_ended_or_crashed_a_desk_starts(
    qapp: QApplication, first_desk: subprocess.Popen[str]
) -> None:
    second = SingleDesk(config.data_dir())
    assert not second.claim(ask_first=False)
    first_desk.send_signal(signal.SIGKILL)  # a crash: its lock file stays behind
    first_desk.wait(30)
    assert (config.data_dir() / "desk.lock").exists()
    assert second.claim()
    second.release()
