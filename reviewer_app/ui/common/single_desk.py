"""One desk per profile: a second `reviewer-app` on the same profile (the same settings and journals)
is refused and brings the first one's window to the front.

Two desks on one journal would each hold and decide the same items. The first desk holds a lock file
in the profile's folder (QLockFile: a desk that crashed leaves it behind, and the next start sees
that its process is gone) and listens on a local socket named after the profile; a second start
finds the lock taken, asks the first through the socket to show itself, and ends. The lock is taken
at once; the socket (Qt Network, tens of milliseconds to load) is opened once the first window has
painted, so that it does not delay the sign-in window. A second start in that instant is refused all
the same, only without bringing the first to the front.

    desk = SingleDesk(config.data_dir())
    if not desk.claim():
        return 1                     # the first desk has been asked to come to the front
    try: ...run the desk...
    finally: desk.release()
"""

from __future__ import annotations

import getpass
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer_app.qt import (
    QApplication,
    QLockFile,
    QMainWindow,
    QObject,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from reviewer_app.qt import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_FILE = "desk.lock"
SHOW = b"show\n"
#: How long a second start waits for the first to take its request (a local socket: milliseconds).
ASK_TIMEOUT_MS = 2_000


def server_name(profile: Path) -> str:
    """The local socket's name: one per profile folder and system user (a name, not a path: Windows
    names pipes, Unix puts it in the temporary folder)."""
    import hashlib  # here: only the socket needs it, opened after the first paint

    identity = f"{getpass.getuser()}|{profile.resolve()}"
    return "reviewer-app-" + hashlib.sha256(identity.encode()).hexdigest()[:16]


class SingleDesk(QObject):
    """The profile's one desk: :meth:`claim` at start, :meth:`release` at the end."""

    #: A second start asked this desk to come to the front (it has been brought there already).
    raiseRequested = Signal()
    #: The local socket is open: a later start on this profile brings this desk to the front.
    listening = Signal()

    def __init__(self, profile: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self._lock = QLockFile(str(profile / LOCK_FILE))
        # Stale only when its process is gone, never because of its age: a desk runs all day.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        #: The window a second start brings to the front (after a dialog waiting for an answer).
        self.window: QWidget | None = None

    @property
    def name(self) -> str:
        return server_name(self.profile)

    def claim(self, *, ask_first: bool = True) -> bool:
        """True when this is the profile's only desk: it listens for later starts once a window of
        this process has painted (:meth:`listen`). False when another desk has it; that one is asked
        to come to the front (unless ``ask_first`` is off)."""
        if not self._lock.tryLock(0):
            if ask_first:
                self._ask_first_to_show()
            return False
        global _holding
        _holding = self
        app = QApplication.instance()
        if app is not None:
            from reviewer_app.ui.common.first_paint import after_first_paint

            after_first_paint(app, self.listen)
        return True

    def listen(self) -> None:
        """Open the local socket later starts ask through (once; nothing once released)."""
        if self._server is not None or not self._lock.isLocked():
            return
        from reviewer_app.qt import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        QLocalServer.removeServer(self.name)  # a socket left behind by a desk that crashed
        if not server.listen(self.name):  # the desk still runs; later starts are refused without a raise
            log.warning("cannot listen on %s: %s", self.name, server.errorString())
        server.newConnection.connect(self._connected)
        self._server = server
        self.listening.emit()

    def release(self) -> None:
        global _holding
        if _holding is self:
            _holding = None
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _ask_first_to_show(self) -> None:
        """Before any window of this process: the wait is a few milliseconds on a local socket."""
        from reviewer_app.qt import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if socket.waitForConnected(ASK_TIMEOUT_MS):
            socket.write(SHOW)
            socket.waitForBytesWritten(ASK_TIMEOUT_MS)
            socket.disconnectFromServer()
        else:
            log.warning("the desk holding %s did not answer: %s", self.profile, socket.errorString())

    def _connected(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW.strip()):
            bring_to_front(self.window)
            self.raiseRequested.emit()


_holding: SingleDesk | None = None


def set_front_window(window: QWidget | None) -> None:
    """The window a second start brings to the front from now on (the desk, once it is shown)."""
    if _holding is not None:
        _holding.window = window


def bring_to_front(window: QWidget | None) -> None:
    """The window the member works in: a dialog waiting for an answer (the sign-in, a question of the
    desk) first, else ``window``, else any window of the desk that is open."""
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    shown = window if window is not None and window.isVisible() else None
    main = next((w for w in visible if isinstance(w, QMainWindow)), None)
    anything = visible[0] if visible else None
    target: QWidget | None = QApplication.activeModalWidget() or shown or main or anything
    if target is None:
        return
    from reviewer_app.qt import Qt  # here: PySide6 makes all of Qt's enums at its first look-up (20 ms)

    if target.windowState() & Qt.WindowState.WindowMinimized:
        target.setWindowState(target.windowState() & ~Qt.WindowState.WindowMinimized)
    target.show()
    target.raise_()
    target.activateWindow()
