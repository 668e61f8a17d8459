"""Run by tests/ui/common/test_single_desk.py in a process of its own: a desk holding its profile
(REVIEWER_DATA_DIR), with a window. Prints "ready" once it holds the profile and listens (after its
first paint); when a second start asks
it to come to the front, prints "raised" and whether its window is the active one, then quits.

    python -m tests.single_desk_probe
"""

from __future__ import annotations

import sys

from reviewer_app import config
from reviewer_app.qt import QApplication, QMainWindow, QTimer
from reviewer_app.ui.common.single_desk import SingleDesk, set_front_window


def main() -> int:
    app = QApplication(sys.argv[:1])
    desk = SingleDesk(config.data_dir())
    if not desk.claim():
        print("refused", flush=True)
        return 1
    window = QMainWindow()
    window.setWindowTitle("first desk")
    window.show()
    set_front_window(window)  # as run_desk does with the desk
    other = QMainWindow()  # another window on top: the desk must come in front of it
    other.show()
    other.activateWindow()

    turns = {"left": 100}

    def look() -> None:  # the window system activates the window on one of its next turns
        turns["left"] -= 1
        if QApplication.activeWindow() is window or turns["left"] == 0:
            print("raised", QApplication.activeWindow() is window, flush=True)
            app.quit()
        else:
            QTimer.singleShot(20, look)

    desk.raiseRequested.connect(look)
    desk.listening.connect(lambda: print("ready", flush=True))
    status = app.exec()
    desk.release()
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
