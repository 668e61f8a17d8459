"""The sign-in dialog: username, password, 記住密碼 (kept in the operating system's keyring).

Plugging it in (the window's owner decides when)::

    store = CredentialStore(database_url)
    dialog = SignInDialog(database_url, username=last_username, store=store)
    dialog.signedIn.connect(start_desk)            # receives the signin.StaffSession
    dialog.keyringFailed.connect(status_bar_message) # the keyring could not keep the password
    dialog.open()                                    # or exec(); rejected() when the member cancels

With a saved password for `username` the dialog signs in with it as soon as it is shown (and says so);
a saved password that no longer works is forgotten and the member is asked to type it. Signing in
runs off the GUI thread (a PostgreSQL server may take seconds to answer or to time out). The password
field is cleared after every attempt; the password goes nowhere but the driver and, if asked, the
keyring.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from reviewer_app import signin
from reviewer_app.signin import CredentialStore, SignInError, StaffSession
from reviewer_app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

SignInFunction = Callable[[str, str, str], StaffSession]


class SignInDialog(QDialog):
    #: The member signed in: a signin.StaffSession (its engine is connected as the member).
    signedIn = Signal(object)
    #: The keyring could not keep (or forget) the password; the member signed in anyway (zh-TW text).
    keyringFailed = Signal(str)

    def __init__(
        self,
        database_url: str,
        *,
        username: str = "",
        store: CredentialStore | None = None,
        sign_in: SignInFunction = signin.sign_in,
        runner: TaskRunner | None = None,
        use_saved_password: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — Contact Book Review Desk"))
        self.database_url = database_url
        self.store = store if store is not None else CredentialStore(database_url)
        self._sign_in = sign_in
        self._own_runner = runner is None
        self.runner = runner if runner is not None else TaskRunner("sign-in", self)
        self._use_saved = use_saved_password
        self._tried_saved = False
        self._with_saved = False
        self.session: StaffSession | None = None

        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("username")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QtWidgets.QCheckBox(self.tr("Remember the password (in the system keyring)"))
        self.remember_box.setObjectName("remember")
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.remember_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    # ---- flow ----------------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._use_saved and not self._tried_saved:
            self._tried_saved = True
            self.try_saved_password()

    def try_saved_password(self) -> bool:
        """Sign in with the keyring's password for the username, if there is one. A keyring that fails
        only means the member types the password: its message is shown."""
        username = self.username_edit.text().strip()
        if not username:
            return False
        saved = self.store.get(username)
        if saved is None:
            if self.store.last_error:
                self.message_label.setText(self.store.last_error)
            return False
        self.remember_box.setChecked(True)
        self.message_label.setText(self.tr("Signing in with the remembered password…"))
        self._start(username, saved, with_saved=True)
        return True

    def submit(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.message_label.setText(self.tr("Enter your username and password."))
            return
        self.message_label.setText(self.tr("Signing in…"))
        self._start(username, password, with_saved=False)

    def busy(self) -> bool:
        return not self.sign_in_button.isEnabled()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username_edit, self.password_edit, self.remember_box, self.sign_in_button):
            widget.setEnabled(not busy)

    def _start(self, username: str, password: str, *, with_saved: bool) -> None:
        self._set_busy(True)
        self._with_saved = with_saved
        self.password_edit.clear()
        remember = self.remember_box.isChecked()
        url, sign_in = self.database_url, self._sign_in
        self.runner.run(
            lambda: sign_in(url, username, password),
            on_done=lambda session: self._signed_in(session, username, password, remember),
            on_error=self._failed,
            name="sign-in",
        )

    def _signed_in(self, session: StaffSession, username: str, password: str, remember: bool) -> None:
        self._set_busy(False)
        kept = self.store.save(username, password) if remember else self.store.forget(username)
        if not kept and self.store.last_error:
            self.keyringFailed.emit(self.store.last_error)
        self.session = session
        self.signedIn.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, SignInError):
            message = exc.message
            if self._with_saved and exc.kind == signin.WRONG_PASSWORD:
                self.store.forget(self.username_edit.text().strip())
                self.remember_box.setChecked(False)
                message = self.tr(
                    "The remembered password no longer works (it may have been changed). Enter your password."
                )
        else:
            log.error("sign-in failed unexpectedly: %s", type(exc).__name__)
            message = self.tr("Signing in failed unexpectedly ({error}). Please contact IT.").format(
                error=type(exc).__name__
            )
        self.message_label.setText(message)
        self.password_edit.setFocus()
