"""A start of the desk as a workstation starts it, with a stopwatch: run as its own process.

``python benchmarks/start_desk.py desk --database-url URL --user NAME`` opens the real desk exactly as
``reviewer-app smoke-test`` does (the desk command, unattended: no sign-in dialog to type into, the
journal and the document cache in $REVIEWER_DATA_DIR, the first sync claiming a batch), and prints
``painted <unix time>`` once the queue table has painted rows *and* the document viewer has painted the
first item's photo; then it closes the window the normal way. ``python benchmarks/start_desk.py bare``
is the baseline: bare PySide6, an empty main window, ``painted <unix time>`` at its first paint.
``python benchmarks/start_desk.py floor`` (its inputs in $REVIEWER_FLOOR_*, made by start_bench) is the
same first screen with none of the desk: the floor under the start.
``python benchmarks/start_desk.py signin --database-url URL --user NAME`` starts ``reviewer-app`` as a
member does and prints ``painted <unix time>`` once its sign-in window has painted (then cancels it).
``python benchmarks/start_desk.py member --database-url URL --user NAME`` goes on from there as a
member does: the password ($REVIEWER_BENCH_PASSWORD) is typed in TYPING_S after the window painted,
Enter pressed (``enter <unix time>``), and ``painted <unix time>`` printed once the desk has painted
its first rows and photo.
``python benchmarks/start_desk.py demo`` runs ``reviewer-app demo`` on the (fresh) profile in
$REVIEWER_DATA_DIR and prints ``painted <unix time>`` once the desk has painted its first rows.

The caller takes the time just before starting the process: launch to painted, interpreter included.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the bare baseline must not import the desk's modules, so nothing at the top
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QDialog

ROOT = Path(__file__).resolve().parent.parent
#: How long the member takes to type the password: the desk's modules load on the dialog's worker meanwhile.
TYPING_S = 1.5


def bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1440, 900)

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window:
                QTimer.singleShot(0, done)  # after this paint has been done
            return False

    def done() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        window.close()
        app.quit()

    probe = Probe()
    window.installEventFilter(probe)
    window.show()
    return int(app.exec())


def floor() -> int:
    """The floor under the start: the first screen with none of the desk. PySide6, psycopg imported on
    a thread while the window is built, the desk's own claim (plain SQL, $REVIEWER_FLOOR_CLAIM_SQL, as
    SQLAlchemy compiles it) of 30 for $REVIEWER_FLOOR_FACILITY, the first claimed post's photo fetched
    and decoded at viewer size, a table and a picture; ``painted <unix time>`` once both are painted.
    No SQLAlchemy, journal, rules or snapshot: what any desk on this stack pays at least."""
    import threading
    from datetime import UTC, datetime, timedelta
    from io import BytesIO

    from PySide6.QtCore import QEvent, QObject, QTimer, Signal
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QTableWidget, QTableWidgetItem

    url, claim_sql = os.environ["REVIEWER_FLOOR_URL"], os.environ["REVIEWER_FLOOR_CLAIM_SQL"]
    facility = int(os.environ["REVIEWER_FLOOR_FACILITY"])
    app = QApplication(sys.argv[:1])

    class Bridge(QObject):
        ready = Signal(object)

    bridge = Bridge()

    def work() -> None:
        import psycopg
        from PIL import Image

        now = datetime.now(UTC)
        params = {
            "c_facility": facility,
            "c_now": now,
            "c_me": "floor",
            "c_workstation": "floor",
            "c_limit": 30,
            "c_expires": now + timedelta(minutes=20),
        }
        with psycopg.connect(url) as conn:
            ids = [i for kind, i in conn.execute(claim_sql, params).fetchall() if kind == "post"]
            conn.commit()
            rows = conn.execute(
                "SELECT id, title, submitted_at FROM posts WHERE id = ANY(%s) ORDER BY submitted_at, id",
                (ids,),
            ).fetchall()
            (data,) = conn.execute(
                "SELECT b.data FROM documents d JOIN document_blobs b ON b.document_id = d.id"
                " WHERE d.post_id = %s ORDER BY d.id LIMIT 1",
                (rows[0][0],),
            ).fetchone() or (b"",)
        opened = Image.open(BytesIO(data))
        opened.draft("RGB", (900, 700))  # a JPEG decoded at a fraction of its pixels, as the desk does
        picture = opened.convert("RGB")
        picture.thumbnail((900, 700))
        image = QImage(
            picture.tobytes(), picture.width, picture.height, picture.width * 3, QImage.Format.Format_RGB888
        ).copy()
        bridge.ready.emit((rows, image))

    window = QMainWindow()
    window.resize(1440, 900)
    table, label = QTableWidget(0, 3), QLabel()
    split = QSplitter()
    split.addWidget(table)
    split.addWidget(label)
    window.setCentralWidget(split)
    shown = {"ready": False}

    def ready(payload: tuple[list[tuple[object, ...]], QImage]) -> None:
        rows, image = payload
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        label.setPixmap(QPixmap.fromImage(image))
        shown["ready"] = True

    def done() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        app.quit()

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is label and shown["ready"]:
                QTimer.singleShot(0, done)
            return False

    bridge.ready.connect(ready)
    probe = Probe()
    label.installEventFilter(probe)
    window.show()
    threading.Thread(target=work, daemon=True).start()
    return int(app.exec())


def signin(argv: list[str]) -> int:
    """`reviewer-app` as a member starts it, to its sign-in window painted (then cancelled)."""
    sys.path.insert(0, str(ROOT))
    from reviewer_app.cli import main as reviewer_app
    from reviewer_app.ui.common.app import make_application

    app = make_application(sys.argv[:1])  # the command reuses this application

    def done(dialog: QDialog) -> None:
        print(f"painted {time.time():.6f}", flush=True)
        dialog.reject()

    probe = _watch_paints(_sign_in_painted(done))
    app.installEventFilter(probe)
    status = reviewer_app(argv)
    return 0 if status == 1 else 1  # 1: the sign-in was cancelled, as it should be here


def _watch_paints(*checks: Callable[[QObject], object]) -> QObject:
    """An event filter (install it on the application) that hands every widget painted to `checks`."""
    from reviewer_app.qt import QEvent, QObject

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                for check in checks:
                    check(watched)
            return False

    return Probe()


def _sign_in_painted(then: Callable[[QDialog], None]) -> Callable[[QObject], bool]:
    """A paint-event check for the sign-in window: ``then(dialog)`` runs once, after its first paint."""
    from reviewer_app.qt import QDialog, QTimer

    seen = {"done": False}

    def check(watched: QObject) -> bool:
        if not seen["done"] and isinstance(watched, QDialog) and watched.objectName() == "signInDialog":
            seen["done"] = True
            QTimer.singleShot(0, lambda: then(watched))  # after this paint has been done
        return seen["done"]

    return check


def _desk_painted(on_painted: Callable[[], None]) -> Callable[[QObject], bool]:
    """A paint-event check for the desk: True once the queue's viewport has painted rows and the
    image view a picture; ``on_painted`` then runs once, after that paint has been done."""
    from reviewer_app.qt import QAbstractItemView, QTimer
    from reviewer_app.ui.viewer.image_view import ImageView

    seen = {"row": False, "document": False, "done": False}

    def check(watched: QObject) -> bool:
        if seen["done"]:
            return True
        parent = watched.parent()
        if isinstance(parent, QAbstractItemView) and parent.objectName() == "queueTable":
            if parent.model() is not None and parent.model().rowCount() > 0:
                seen["row"] = True
        elif isinstance(parent, ImageView) and parent.has_image():
            seen["document"] = True
        if seen["row"] and seen["document"]:
            seen["done"] = True
            QTimer.singleShot(0, on_painted)
        return seen["done"]

    return check


def member(argv: list[str]) -> int:
    """`reviewer-app` as a member starts it: the sign-in window, the password typed, Enter, the desk."""
    sys.path.insert(0, str(ROOT))
    from reviewer_app.cli import main as reviewer_app
    from reviewer_app.qt import QMainWindow, QTimer
    from reviewer_app.ui.access.signin_dialog import SignInDialog
    from reviewer_app.ui.common.app import make_application

    app = make_application(sys.argv[:1])  # the command reuses this application
    password = os.environ["REVIEWER_BENCH_PASSWORD"]
    state = {"painted": False}

    def enter(dialog: QDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        dialog.password_edit.setText(password)
        print(f"enter {time.time():.6f}", flush=True)
        dialog.submit()

    def done() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        state["painted"] = True
        for window in app.topLevelWidgets():
            if isinstance(window, QMainWindow) and window.isVisible():
                window.close()  # the normal way out: the command returns

    def start_typing(dialog: QDialog) -> None:
        QTimer.singleShot(int(TYPING_S * 1000), lambda: enter(dialog))

    probe = _watch_paints(_sign_in_painted(start_typing), _desk_painted(done))
    app.installEventFilter(probe)
    QTimer.singleShot(120_000, app.closeAllWindows)  # never hang a benchmark run
    status = reviewer_app(argv)
    return 0 if status == 0 and state["painted"] else 1


def desk(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from reviewer_app.cli import build_parser
    from reviewer_app.commands import desk as desk_command
    from reviewer_app.commands.common import dispose_engines
    from reviewer_app.qt import QMainWindow, QTimer
    from reviewer_app.ui.common.app import make_application

    args = build_parser().parse_args(argv)
    app = make_application(sys.argv[:1])  # the desk reuses this application

    def window() -> QMainWindow | None:
        return next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)

    def done() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        shown = window()
        if shown is not None:
            shown.close()  # the normal way out: layout saved, workers stopped
        app.quit()

    def give_up() -> None:
        print("not painted in time", file=sys.stderr, flush=True)
        app.quit()

    probe = _watch_paints(_desk_painted(done))
    app.installEventFilter(probe)
    QTimer.singleShot(120_000, give_up)
    try:
        return int(desk_command.run(args, interactive_sign_in=False))
    finally:
        dispose_engines()


def demo() -> int:
    """`reviewer-app demo` on a fresh profile ($REVIEWER_DATA_DIR empty), to the desk with its rows
    painted: the demo database created and filled, the demo reviewer signed in, the first rows shown."""
    sys.path.insert(0, str(ROOT))
    from reviewer_app.cli import main as reviewer_app
    from reviewer_app.qt import QAbstractItemView, QMainWindow, QTimer
    from reviewer_app.ui.common.app import make_application

    app = make_application(sys.argv[:1])  # the command reuses this application
    state = {"painted": False}

    def done() -> None:
        print(f"painted {time.time():.6f}", flush=True)
        for window in app.topLevelWidgets():
            if isinstance(window, QMainWindow) and window.isVisible():
                window.close()  # the normal way out: the rest of the seed ends before the process exits

    def rows_painted(watched: QObject) -> bool:
        parent = watched.parent()
        if state["painted"] or not isinstance(parent, QAbstractItemView):
            return state["painted"]
        if parent.objectName() == "queueTable" and parent.model() is not None and parent.model().rowCount():
            state["painted"] = True
            QTimer.singleShot(0, done)  # after this paint has been done
        return state["painted"]

    probe = _watch_paints(rows_painted)
    app.installEventFilter(probe)
    QTimer.singleShot(120_000, app.closeAllWindows)  # never hang a benchmark run
    status = reviewer_app(["demo"])
    return 0 if status == 0 and state["painted"] else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=("bare", "floor", "signin", "member", "desk", "demo"))
    known, rest = parser.parse_known_args()
    if known.what == "floor":
        return floor()
    if known.what == "signin":
        return signin(rest)
    if known.what == "member":
        return member(rest)
    if known.what == "demo":
        return demo()
    return bare() if known.what == "bare" else desk(rest)


if __name__ == "__main__":
    sys.exit(main())
