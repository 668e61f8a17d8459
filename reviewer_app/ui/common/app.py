"""Starting the desk: the QApplication with the reviewer's language (zh-TW by default), the shipped CJK
font, and the window."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app import __version__
from reviewer_app.assets import resource_path
from reviewer_app.qt import QApplication, QCoreApplication, QEvent, QIcon, QMainWindow
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.i18n import CJK_FONT_FAMILIES, ZH_TW, apply_language, load_font
from reviewer_app.ui.common.preferences import Preferences, open_settings
from reviewer_app.ui.common.single_desk import set_front_window

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reviewer_app.access.roles import Actor
    from reviewer_app.access.signin import StaffSession
    from reviewer_app.ui.desk.main_window import DeskContext

__all__ = ["CJK_FONT_FAMILIES", "SIGNED_OUT", "ZH_TW", "make_application", "run_desk"]

#: run_desk's answer when the member signed out at the idle lock (not a process exit status).
SIGNED_OUT = -100
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h


def return_large_buffers_to_the_system() -> None:
    """On Linux (glibc): serve every allocation of 256 KB or more from its own mapping, given back to
    the system when freed.

    The desk goes through photos all day: megabytes of downloaded bytes and decoded pixels per item.
    By default glibc raises this threshold to the largest block freed so far, after which such
    blocks come from its heaps, which fragment and do not shrink: the desk then grew by about 10 MB
    every hundred items reviewed. Other systems' allocators are left as they are."""
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return
    mallopt(_M_MMAP_THRESHOLD, 256 * 1024)


def make_application(argv: list[str], settings_path: Path | None = None) -> QApplication:
    """The application, in the language the reviewer chose (zh-TW unless English was chosen)."""
    return_large_buffers_to_the_system()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("reviewer-app")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Agency of Corrections")
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))  # every window's title bar and taskbar
    preferences = Preferences(open_settings(settings_path))
    apply_language(app, preferences.language)
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Contact Book Review Desk"))
    load_font(app)
    return app


def run_desk(
    context: DeskContext,
    argv: list[str],
    session: StaffSession | None = None,
    *,
    role: str = "reviewer",
    engine: Engine | None = None,
    actor: Actor | None = None,
    prepare: Callable[[QMainWindow], None] | None = None,
) -> int:
    """Show the review desk and run until it is closed; returns the exit code, or SIGNED_OUT when the
    member signed out at the idle lock (the caller shows the sign-in again).

    With a signed-in ``session`` the desk locks after the idle time ($REVIEWER_IDLE_LOCK_MINUTES,
    10 minutes by default) and asks for the member's password again. ``prepare(window)`` is called
    before the window is shown (the demo's seed says there that its data is on its way).
    """
    # The desk's modules (and SQLAlchemy under them) load here, not with make_application: the
    # sign-in window comes first and is shown before they have loaded.
    from reviewer_app.ui.common.gui_gc import collecting_on_the_gui_thread
    from reviewer_app.ui.desk.role_windows import window_for_role

    app = make_application(argv, context.settings_path)
    with collecting_on_the_gui_thread(app):  # workers never collect garbage that holds a widget
        window = window_for_role(role, context, engine, actor)
        if prepare is not None:
            prepare(window)
        return _run_window(app, window, session)


def _run_window(app: QApplication, window: QMainWindow, session: StaffSession | None) -> int:
    """Run the event loop with ``window`` shown (and the idle lock over it when signed in)."""
    from reviewer_app.ui.access.idle_lock import IdleLock
    from reviewer_app.ui.desk.main_window import MainWindow

    signed_out = False
    lock: IdleLock | None = None
    if session is not None:
        lock = IdleLock(window, session.verify_password, username=session.username)

        def sign_out() -> None:
            nonlocal signed_out
            signed_out = True
            window.close()

        if isinstance(window, MainWindow):
            lock.locked.connect(window.sync_timer.stop)
            lock.unlocked.connect(window.sync_timer.start)
        lock.signOutRequested.connect(sign_out)
    window.show()
    set_front_window(window)  # a second start on this profile brings this window to the front
    if lock is not None:
        lock.start()
    try:
        status = int(app.exec())
    finally:
        if lock is not None:
            lock.stop()
        window.close()  # saves the layout and cancels its background reads if exec ended otherwise
        set_front_window(None)
        window.deleteLater()
        # The window is gone; the decisions it handed to the journal are written before the journal
        # closes (a few milliseconds; bounded should a sync hang on an unreachable server).
        executors.finish_all()
        # Closing the last window posts a Quit event. Handled after exec has returned, it would stop
        # every later event loop at once: the sign-in dialog shown again after an idle-lock sign-out.
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    return SIGNED_OUT if signed_out else status
