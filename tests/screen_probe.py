"""Run by tests/ui/desk/test_screen_fit.py in a fresh process, on the screen the environment gives
(``QT_QPA_PLATFORM=offscreen:configfile=…`` for its size, ``QT_SCALE_FACTOR`` for scaling): the desk
opened as a workstation opens it (no size forced), on a copy of a seeded shared database, with a post
photo selected. Prints one JSON line of what a reviewer would see, and optionally saves a screenshot.

    python -m tests.screen_probe --shared SEEDED.sqlite3 --folder DIR [--shot PNG] [--pseudo]

``--pseudo`` loads the pseudo-translation (tests/pseudo_translation.py) instead of zh-TW and adds the
widgets whose text does not fit them to the line ("cut").
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def rect_of(widget: Any, window: Any) -> list[int]:
    """A widget's rectangle in the window's coordinates (x, y, width, height)."""
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--shot", type=Path)
    parser.add_argument("--pseudo", action="store_true")
    args = parser.parse_args(argv)

    from reviewer_app.demo.seed import STAFF_USERNAME
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal.journal import Journal
    from reviewer_app.qt import QApplication, QGuiApplication
    from reviewer_app.shared_db.engine import make_engine
    from reviewer_app.sync.service import Sync, facility_of
    from reviewer_app.ui.common import executors
    from reviewer_app.ui.common.app import make_application
    from reviewer_app.ui.common.gui_gc import GuiThreadCollector
    from reviewer_app.ui.common.i18n import apply_language, load_font
    from reviewer_app.ui.desk.main_window import DeskContext, MainWindow

    folder = args.folder
    shared = folder / "shared.sqlite3"
    shutil.copy(args.shared, shared)
    settings_path = folder / "desk.ini"
    app = make_application([sys.argv[0]], settings_path)
    GuiThreadCollector(app)
    apply_language(app, "zh_TW")
    load_font(app)
    if args.pseudo:
        from tests.pseudo_translation import install_pseudo_translation

        install_pseudo_translation(app)

    engine = make_engine(f"sqlite:///{shared}")
    journal = Journal(folder / "journal.sqlite3")
    sync = Sync(engine, journal, STAFF_USERNAME, "ws-probe", facility_of(engine, STAFF_USERNAME))
    sync.pull()
    store = DocumentStore(engine, folder / "document-cache", None)
    window = MainWindow(
        DeskContext(
            journal=journal,
            sync=sync,
            staff_username=STAFF_USERNAME,
            staff_display_name="李社工師",
            workstation="ws-probe",
            settings_path=settings_path,
            documents=store,
        )
    )
    window.show()

    def wait(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    wait(lambda: not window.is_busy() and window.model.rowCount() > 0, "the queue")
    photo = next(
        row.key
        for row in window.queue.rows_in_view()
        if (detail := window.detail_of(row.key)) is not None
        and detail.kind == "post"
        and any(d.mime_type.startswith("image/") for d in detail.snapshot.documents)
    )
    window.select_key(photo)
    wait(lambda: not window.is_busy() and window.viewer.view.has_image(), "the post's photo")

    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    panel = window.panel
    state: dict[str, Any] = {
        "available": [available.x(), available.y(), available.width(), available.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "window": [window.width(), window.height()],
        "approve": rect_of(panel.approve_button, window),
        "approve_visible": panel.approve_button.isVisible(),
        "reject": rect_of(panel.reject_button, window),
        "reject_visible": panel.reject_button.isVisible(),
        "status_bar": rect_of(window.statusBar(), window),
        "filters": {
            combo.objectName(): [*rect_of(combo, window), combo.sizeHint().width()]
            for combo in (window.queue.kind_filter, window.queue.status_filter, window.queue.flag_filter)
        },
        "view": rect_of(window.viewer.view, window),
        "zoom": window.viewer.view.zoom(),
    }
    if args.pseudo:
        from tests.pseudo_translation import cut_texts

        state["cut"] = cut_texts(window)
    if args.shot is not None:
        window.grab().save(str(args.shot))
    print(json.dumps(state), flush=True)
    window.close()
    executors.finish_all(30_000)
    store.close()
    journal.close()
    engine.dispose()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
