"""Guards the interpreter/PySide6 pair: PySide6 6.12.0 on Python 3.11 drops a reference to None on
every call of a method returning nothing and aborts after a few thousand calls (none_dealloc)."""

from __future__ import annotations

import os
import subprocess
import sys

LOOP = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for n in range(200_000):
    label.setText(str(n))
print(label.text())
"""


def test_many_calls_returning_nothing_do_not_abort_the_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "199999"
