"""The idle lock: after a configurable time without keyboard or mouse input the desk is covered and a
modal dialog asks for the member's password again.

Plugging it in (in the main window, once signed in)::

    lock = IdleLock(window, session.verify_password, username=session.username,
                    timeout_ms=int(signin.idle_lock_minutes() * 60_000))
    lock.locked.connect(...)             # e.g. pause background refreshes
    lock.unlocked.connect(...)
    lock.signOutRequested.connect(...)  # the member chose 登出, the account was disabled, or too
                                        # many wrong passwords: close the desk and show sign-in
    lock.start()

An event filter on the QApplication restarts a single-shot QTimer on every user input. When it fires,
a curtain covers the window and every other open window (documents on screen must not stay visible),
`locked` is emitted and the unlock dialog opens, application-modal; it cannot be closed except by
unlocking or signing out. The password is checked off the GUI thread by `verify`
(signin.StaffSession.verify_password: on PostgreSQL a new connection as the member, so a disabled
account cannot unlock either).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from reviewer_app.access import signin
from reviewer_app.access.signin import SignInError
from reviewer_app.qt import (
    QApplication,
    QDialog,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.access.message_label import MessageLabel, dialog_width
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.operations import Operation, in_flight

log = logging.getLogger(__name__)

#: Input that counts as the member being at the workstation.
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)

Verify = Callable[[str], None]


class Curtain(QWidget):
    """Covers the whole window while it is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleCurtain")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#idleCurtain { background: #2b2b2b; } QLabel { color: white; font-size: 18pt; }")
        label = QLabel(self.tr("Screen locked"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        window.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        resized = event.type() == QEvent.Type.Resize
        if parent is not None and watched is parent and resized and self.isVisible():
            self.setGeometry(parent.rect())
        return False


class UnlockDialog(QDialog):
    """Asks for the password; closes only by unlocking (accept) or signing out."""

    unlockRequested = Signal(str)
    signOutRequested = Signal()

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Screen locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        intro = QLabel(
            self.tr("The desk was idle and has been locked. Enter the password of {user} to go on.").format(
                user=username
            )
        )
        intro.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))  # a screen reader's name for the field
        self.message_label = MessageLabel(lines=1)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        # Enter means 解鎖, always: an auto-default 登出 became the default button as soon as the
        # focus reached it (the password field is busy during the check) and took the Enter key.
        self.sign_out_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self._submit)
        self.password_edit.returnPressed.connect(self._submit)
        self.sign_out_button.clicked.connect(self.signOutRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(dialog_width(self))  # a long message (server unreachable) grows it downwards

    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        password = self.password_edit.text()
        self.password_edit.clear()
        if not password:
            self.message_label.setText(self.tr("Enter your password."))
            return
        self.unlockRequested.emit(password)

    def set_busy(self, busy: bool) -> None:
        # Read-only, not disabled: a disabled field would pass the focus on (to 登出) mid-keystroke.
        self.unlock_button.setEnabled(not busy)
        self.password_edit.setReadOnly(busy)

    def reject(self) -> None:
        """Escape does not close a lock."""

    def closeEvent(self, event: QEvent) -> None:
        event.ignore()


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()
    #: The member signs out from the lock, or cannot unlock (disabled account, too many attempts).
    signOutRequested = Signal()

    def __init__(
        self,
        window: QWidget,
        verify: Verify,
        *,
        username: str,
        timeout_ms: int | None = None,
        max_attempts: int = 5,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("idleLock")
        self.window = window
        self._verify = verify
        self.username = username
        self.max_attempts = max_attempts
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may shift by 5 %
        self.timer.setInterval(
            timeout_ms if timeout_ms is not None else int(signin.idle_lock_minutes() * 60_000)
        )
        self.timer.timeout.connect(self.lock_now)
        self.curtains: list[Curtain] = []
        self.dialog: UnlockDialog | None = None
        self._locked = False
        self._attempts = 0
        self._app: QApplication | None = None

    # ---- configuration -------------------------------------------------------------------------

    @property
    def timeout_ms(self) -> int:
        return int(self.timer.interval())

    def set_timeout_ms(self, ms: int) -> None:
        self.timer.setInterval(max(1, ms))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._app is None:
            app.installEventFilter(self)
            self._app = app
        if not self._locked:
            self.timer.start()

    def stop(self) -> None:
        """Stop watching (sign-out, window closing)."""
        self.timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def is_locked(self) -> bool:
        return self._locked

    def remaining_ms(self) -> int:
        return int(self.timer.remainingTime())

    # ---- input ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._locked and event.type() in ACTIVITY_EVENTS:
            self.timer.start()  # restarts the countdown
        return False

    # ---- locking -------------------------------------------------------------------------------

    def lock_now(self) -> None:
        if self._locked:
            return
        self._locked = True
        self._attempts = 0
        self.timer.stop()
        # Every open window is covered (a document viewer may be a window of its own).
        windows = [self.window] + [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self.window and w.isVisible() and w.isWindow() and not isinstance(w, QDialog)
        ]
        for window in windows:
            curtain = Curtain(window)
            curtain.cover()
            self.curtains.append(curtain)
        dialog = UnlockDialog(self.username, self.window)
        dialog.unlockRequested.connect(self._check)
        dialog.signOutRequested.connect(self._sign_out)
        self.dialog = dialog
        self.locked.emit()
        dialog.show()  # application-modal: no other window takes input until unlocked
        dialog.password_edit.setFocus()

    def _check(self, password: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.set_busy(True)
        dialog.message_label.setText(self.tr("Checking…"))
        verify = self._verify
        check = Operation(lambda: verify(password), owner=self, name="unlock")
        check.success(lambda _: self._unlock()).failure(self._refused).run_in_background(executors.network())

    def is_checking(self) -> bool:
        """A password is being checked (off the GUI thread)."""
        return in_flight(self) > 0

    def _refused(self, exc: BaseException) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.set_busy(False)
        self._attempts += 1
        if isinstance(exc, SignInError):
            message = exc.message
            if exc.kind == signin.DISABLED:
                dialog.unlock_button.setEnabled(False)
                dialog.password_edit.setEnabled(False)
                dialog.sign_out_button.setDefault(True)  # the one way on: Enter signs out now
                dialog.sign_out_button.setFocus()
                dialog.message_label.setText(message + self.tr(" Please sign out."))
                return
        else:
            log.error("unlock check failed unexpectedly: %s", type(exc).__name__)
            message = self.tr("The password could not be checked ({error}).").format(error=type(exc).__name__)
        if self._attempts >= self.max_attempts:
            dialog.message_label.setText(self.tr("Too many wrong passwords. Please sign in again."))
            self._sign_out()
            return
        dialog.message_label.setText(message)
        dialog.password_edit.setFocus()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.accept()
            dialog.deleteLater()

    def _unlock(self) -> None:
        self._close_dialog()
        for curtain in self.curtains:
            curtain.hide()
            curtain.deleteLater()
        self.curtains = []
        self._locked = False
        self.timer.start()
        self.unlocked.emit()

    def _sign_out(self) -> None:
        self._close_dialog()
        self.stop()
        self.signOutRequested.emit()
