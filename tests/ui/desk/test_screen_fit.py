"""The desk on the screens reviewers have: a 1366×768 laptop, the same at 150 % scaling (910×512
logical pixels), a 1440×900 monitor. Each runs in its own process (the screen is fixed when Qt
starts) through tests/screen_probe.py, which opens the desk as a workstation does, with a post's
photo selected, and reports where things are.

Every action must be reachable without moving the window (approve, reject, the status bar, the three
filters whole), and the document, which is what the reviewer judges, gets most of the window and
opens at the view's width.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import QPushButton, QWidget
from tests.pseudo_translation import cut_texts, pseudo

ROOT = Path(__file__).resolve().parents[3]
SCREENS = {
    "1366x768": (1366, 768, None),
    "1366x768 at 150 %": (1366, 768, "1.5"),
    "1440x900": (1440, 900, None),
}


def probe(
    tmp_path: Path, seeded_template: Path, width: int, height: int, scale: str | None, *extra: str
) -> Any:
    """Runs the desk on a screen of ``width``×``height`` (scaled by ``scale``) and returns its report."""
    config = tmp_path / "screen.json"
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("QT_SCALE_FACTOR", None)
    if scale is not None:
        env["QT_SCALE_FACTOR"] = scale
    folder = tmp_path / "probe"
    folder.mkdir()
    command = [sys.executable, "-m", "tests.screen_probe", "--shared", str(seeded_template)]
    out = subprocess.run(
        [*command, "--folder", str(folder), *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stderr[-3000:]
    return json.loads(lines[-1])


def inside(rect: list[int], width: int, height: int) -> bool:
    x, y, w, h = rect[:4]
    return x >= 0 and y >= 0 and x + w <= width and y + h <= height and w > 0 and h > 0


@pytest.mark.parametrize("screen", SCREENS)
def test_the_desk_fits_the_screen_with_every_action_in_reach(
    tmp_path: Path, seeded_template: Path, screen: str
) -> None:
    seen = probe(tmp_path, seeded_template, *SCREENS[screen])
    ax, ay, aw, ah = seen["available"]
    fx, fy, fw, fh = seen["frame"]
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah, seen
    width, height = seen["window"]
    for what in ("approve", "reject", "status_bar"):
        assert inside(seen[what], width, height), (what, seen)
    assert seen["approve_visible"] and seen["reject_visible"]
    for name, (*rect, wanted) in seen["filters"].items():
        assert inside(rect, width, height), (name, seen)
        assert rect[2] >= wanted, f"{name} is cut: {rect[2]} px of {wanted}"
    # Even on the smallest screen the document has more room than the queue beside it.
    assert seen["view"][2] >= 0.4 * width, seen


@pytest.mark.parametrize("screen", ["1366x768", "1440x900"])
def test_the_document_gets_most_of_the_window_and_opens_at_its_width(
    tmp_path: Path, seeded_template: Path, screen: str
) -> None:
    seen = probe(tmp_path, seeded_template, *SCREENS[screen])
    width, height = seen["window"]
    _x, _y, view_width, view_height = seen["view"]
    assert view_height >= 0.6 * height, seen
    assert view_width >= 0.4 * width, seen
    # The seeded post photos are 800 × 600: at the view's width, not fitted into a strip.
    assert seen["zoom"] * 800 >= view_width - 24, seen
    assert seen["zoom"] > 0.5


def test_no_label_or_button_is_cut_with_texts_40_percent_longer(
    tmp_path: Path, seeded_template: Path
) -> None:
    """The pseudo-translation (tests/pseudo_translation.py: every zh-TW text padded by about 40 %) at
    1366×768: the desk still fits the screen, and no label, button or filter is narrower than its
    text (what does not fit the viewer's tool bar goes behind its » button, whole)."""
    seen = probe(tmp_path, seeded_template, 1366, 768, None, "--pseudo")
    ax, ay, aw, ah = seen["available"]
    fx, fy, fw, fh = seen["frame"]
    assert ax <= fx and ay <= fy and fx + fw <= ax + aw and fy + fh <= ay + ah, seen
    width, height = seen["window"]
    for what in ("approve", "reject", "status_bar"):
        assert inside(seen[what], width, height), (what, seen)
    assert seen["cut"] == []


def test_the_cut_check_sees_a_cut_button_and_the_pseudo_texts_are_longer(qtbot: QtBot) -> None:
    """The check above is worth something: a button narrower than its text is reported, one wide enough
    is not; and the pseudo-translation makes a text 40 % longer, its placeholders whole."""
    window = QWidget()
    qtbot.addWidget(window)
    short, wide = QPushButton("審核通過審核通過", window), QPushButton("退件", window)
    short.setObjectName("short")
    short.setGeometry(0, 0, 30, 30)
    wide.setGeometry(0, 40, 200, 30)
    window.show()
    qtbot.waitExposed(window)
    assert cut_texts(window) == ["short: 審核通過審核通過"]
    padded = pseudo("已認領 {claimed} 件")
    assert "{claimed}" in padded and len(padded) >= 1.4 * len("已認領 {claimed} 件")
