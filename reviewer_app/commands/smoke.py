"""`smoke-test`: open the desk as usual, wait until its queue shows rows, report and exit.

An installation check for IT and the installer test: it proves that a workstation (or a bundle built
by build_installer.spec) has everything the desk needs — a Qt platform plugin, the database driver,
the migrations, translations, fonts, the PDF engine, a keyring backend — without anybody clicking.
It runs the desk command itself, opened as --user without the sign-in dialog (as a script would),
with the same journal and sync, so it claims a batch just as opening the desk would; it watches for
the main window's queue to fill, then closes the window the normal way and prints what it found.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.assets import resources_root, shipped_files

if TYPE_CHECKING:
    from reviewer_app.qt import QApplication, QMainWindow

DEFAULT_TIMEOUT_S = 60.0
QUEUE_TABLE = "queueTable"  # objectName of the desk's queue view


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    smoke = sub.add_parser(
        "smoke-test",
        help="installation check: open the desk, wait until the queue has rows, report and exit",
    )
    smoke.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds to wait for rows")
    smoke.add_argument("--screenshot", type=Path, help="save a PNG of the window once the queue has rows")
    smoke.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reviewer_app.commands import desk
    from reviewer_app.commands.common import require_output_folder
    from reviewer_app.qt import QTimer
    from reviewer_app.ui.common.app import make_application

    if args.screenshot is not None:
        require_output_folder(args.screenshot)  # before the desk opens, not after it has
    app = make_application(sys.argv[:1])  # the desk reuses this application
    watch = _Watch(app, time.monotonic() + args.timeout, args.screenshot)
    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(watch.poll)
    timer.start()
    try:
        status = desk.run(args, interactive_sign_in=False)  # unattended: nobody to sign in
    finally:
        timer.stop()
    if not watch.rows:
        print(f"reviewer-app: 主視窗在 {args.timeout:g} 秒內沒有顯示任何待審項目", file=sys.stderr)
        return 1
    print(f"main window ok: {watch.rows} rows")
    for line in environment_report(app):
        print(line)
    if args.screenshot is not None and not watch.saved:
        print(f"reviewer-app: 無法儲存畫面截圖：{args.screenshot}", file=sys.stderr)
        return 1
    return status


class _Watch:
    """Polled on the GUI thread while the desk runs: closes the window once its queue has rows."""

    def __init__(self, app: QApplication, deadline: float, screenshot: Path | None) -> None:
        self.app = app
        self.deadline = deadline
        self.screenshot = screenshot
        self.rows = 0
        self.saved = False

    def main_window(self) -> QMainWindow | None:
        from reviewer_app.qt import QMainWindow

        for widget in self.app.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                return widget
        return None

    def poll(self) -> None:
        from reviewer_app.qt import QAbstractItemView

        window = self.main_window()
        queue = window.findChild(QAbstractItemView, QUEUE_TABLE) if window is not None else None
        rows = queue.model().rowCount() if queue is not None and queue.model() is not None else 0
        if window is not None and rows > 0:
            self.rows = rows
            if self.screenshot is not None:
                self.saved = window.grab().save(str(self.screenshot), "PNG")
            window.close()  # the normal way out: layout saved, workers stopped, the desk returns
            self.app.quit()
        elif time.monotonic() > self.deadline:
            self.app.quit()


def environment_report(app: QApplication) -> list[str]:
    """One line per thing the desk needs from its installation, each saying what was found."""
    from reviewer_app.qt import QFontInfo, QLibraryInfo, QtGui, QTranslator
    from reviewer_app.ui.common.app import ZH_TW

    def check(label: str, probe: object) -> str:
        try:
            return f"{label}: {probe() if callable(probe) else probe}"
        except Exception as exc:  # a report line, never a crash: the line says what is missing
            return f"{label}: unavailable ({type(exc).__name__}: {exc})"

    def qt_translation() -> str:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        loaded = QTranslator().load(ZH_TW, "qtbase", "_", folder)
        return f"{'loaded' if loaded else 'missing'} ({folder})"

    def fonts() -> str:
        found = []
        for path in shipped_files("fonts", ".otf", ".ttf"):
            font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
            families = QtGui.QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            found.append(f"{path.name} ({', '.join(families) or 'cannot be loaded'})")
        return ", ".join(found) or "none"

    def database_driver() -> str:
        import psycopg

        return f"psycopg {psycopg.__version__}, {psycopg.pq.__impl__} libpq {psycopg.pq.version()}"

    def pdf_engine() -> str:
        import pypdfium2

        page = pypdfium2.PdfDocument.new().new_page(72, 72)
        size = page.render(scale=1).to_pil().size
        return f"pdfium {pypdfium2.PDFIUM_INFO} (rendered a {size[0]}x{size[1]} page)"

    def app_translations() -> str:
        return ", ".join(p.name for p in shipped_files("translations", ".qm")) or "none"

    def app_icons() -> str:
        icons = [p.name for p in shipped_files("icons", ".png", ".ico")]
        window_icon = "set" if not app.windowIcon().isNull() else "missing"
        return f"{', '.join(icons) or 'none'} (window icon {window_icon}; from {resources_root()})"

    def frozen() -> str:
        return f"yes ({Path(sys.executable).parent})" if getattr(sys, "frozen", False) else "no"

    def keyring_backend() -> str:
        """The backend in use and the usable ones (fail.Keyring alone: passwords are asked for)."""
        import keyring
        from keyring.backend import get_all_keyring

        def name(backend: object) -> str:
            return f"{type(backend).__module__.removeprefix('keyring.backends.')}.{type(backend).__name__}"

        stores = [name(b) for b in get_all_keyring()]  # the chainer only combines the others
        viable = sorted(n for n in stores if not n.startswith(("fail.", "chainer.")))
        return f"{name(keyring.get_keyring())} (usable: {', '.join(viable) or 'none'})"

    return [
        check("qt platform", app.platformName),
        check("qt zh-TW translation", qt_translation),
        check("app translations", app_translations),
        check("app icons", app_icons),
        check("shipped fonts", fonts),
        check("ui font", lambda: QFontInfo(app.font()).family()),
        check("database driver", database_driver),
        check("pdf engine", pdf_engine),
        check("keyring backend", keyring_backend),
        check("frozen", frozen),
    ]
