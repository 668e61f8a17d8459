"""The sign-in dialog: username, password, 記住密碼 (kept in the operating system's keyring).

Plugging it in (the window's owner decides when)::

    store = CredentialStore(database_url)
    dialog = SignInDialog(database_url, username=last_username, store=store)
    dialog.signedIn.connect(start_desk)            # receives the signin.StaffSession
    dialog.keyringFailed.connect(status_bar_message) # the keyring could not keep the password
    dialog.open()                                    # or exec(); rejected() when the member cancels

With a saved password for `username` the dialog signs in with it as soon as it is shown (and says so);
a saved password that no longer works is forgotten and the member is asked to type it. Signing in
and every use of the keyring run off the GUI thread (a PostgreSQL server may take seconds to answer
or to time out; a keyring may wait for its owner to unlock it). The password field is cleared after
every attempt; the password goes nowhere but the driver and, if asked, the keyring.

This module does not import SQLAlchemy (nor :mod:`reviewer_app.access.signin`, which does): the dialog is on
screen before it has loaded, and it loads on the dialog's worker while the member types.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer_app.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.access.message_label import MessageLabel, dialog_width
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.first_paint import after_first_paint
from reviewer_app.ui.common.operations import Operation, in_flight

if TYPE_CHECKING:
    from reviewer_app.access.signin import CredentialStore, StaffSession

log = logging.getLogger(__name__)

SignInFunction = Callable[[str, str, str], "StaffSession"]


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
        sign_in: SignInFunction | None = None,
        use_saved_password: bool = True,
        remembered: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in"))
        self.database_url = database_url
        self._store = store  # made on the worker when not given: it needs SQLAlchemy's URL parser
        self._sign_in = sign_in  # None: reviewer_app.access.signin.sign_in
        # The member ticked 記住密碼 last time: only then is the keyring read, or cleared when unticked.
        # Otherwise the keyring is never touched (an absent one is nothing to tell them about).
        self._remembered = remembered
        self._use_saved = use_saved_password and remembered
        self._tried_saved = False
        self._with_saved = False
        self.session: StaffSession | None = None
        self._after_paint: list[Operation[object]] = []  # the caller's work, started once painted

        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("username")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QtWidgets.QCheckBox(self.tr("Remember the password (in the system keyring)"))
        self.remember_box.setObjectName("remember")
        self.message_label = MessageLabel()
        self.buttons = QDialogButtonBox()
        # Not through the constructor: choosing among its overloads makes PySide6 build all of Qt's
        # enums (the Qt namespace, 20 ms) before the window is on screen.
        self.buttons.setStandardButtons(
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
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Room for a message of two lines from the start; a longer one grows the dialog.
        self.setMinimumWidth(dialog_width(self))
        (self.password_edit if username else self.username_edit).setFocus()

    # ---- the message ---------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Tell the member something; the dialog grows for a long message, the fields keep their height."""
        self.message_label.setText(text)

    # ---- flow ----------------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._use_saved and not self._tried_saved:
            self._tried_saved = True
            self.try_saved_password()  # at once: its answer (or the keyring's complaint) is awaited

    def run_in_background(
        self, fn: Callable[[], object], name: str, then: Callable[[object], None] | None = None
    ) -> None:
        """Work the dialog's caller wants done meanwhile (loading the desk's modules), off the GUI
        thread, started once the dialog has painted: a worker busy importing (holding Python's lock
        most of the time) would delay its first paint by tens of milliseconds. ``then`` runs on the
        GUI thread with its result once it has succeeded."""
        operation = Operation(fn, owner=self, name=name)
        if then is not None:
            operation.success(then)
        self._after_paint.append(operation)

        def start() -> None:
            self._after_paint.remove(operation)
            operation.run_in_background(executors.network())

        after_first_paint(self, start)

    def is_working(self) -> bool:
        """Background work of this dialog (keyring, sign-in, the caller's) has not answered yet, or
        waits for the first paint to start."""
        return in_flight(self) > 0 or bool(self._after_paint)

    def try_saved_password(self) -> bool:
        """Look up the keyring's password for the username (on the worker) and sign in with it if
        there is one. A keyring that fails only means the member types the password: its message is
        shown. False when there is no username to look up or 記住密碼 was not ticked last time."""
        username = self.username_edit.text().strip()
        if not username or not self._remembered:
            return False
        Operation(lambda: self._read_saved(username), owner=self, name="read the saved password").success(
            lambda found: self._saved_password_read(username, *found)
        ).failure(self._failed).run_in_background(executors.network())
        return True

    def _credentials(self) -> CredentialStore:
        """The keyring store (on the worker only)."""
        if self._store is None:
            from reviewer_app.access.signin import CredentialStore

            self._store = CredentialStore(self.database_url)
        return self._store

    def _read_saved(self, username: str) -> tuple[str | None, str | None]:
        store = self._credentials()
        return store.get(username), store.last_error

    def _saved_password_read(self, username: str, saved: str | None, error: str | None) -> None:
        if self.busy() or self.result() == QDialog.DialogCode.Accepted:
            return  # the member signed in meanwhile
        if saved is None:
            if error:
                self.show_message(error)
            return
        if self.password_edit.text() or self.username_edit.text().strip() != username:
            return  # the member has started typing: what they type wins
        self.remember_box.setChecked(True)
        self.show_message(self.tr("Signing in with the remembered password…"))
        self._start(username, saved, with_saved=True)

    def submit(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.show_message(self.tr("Enter your username and password."))
            return
        self.show_message(self.tr("Signing in…"))
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

        def work() -> tuple[StaffSession, str | None]:
            return self._sign_in_and_keep(username, password, remember)

        sign_in = Operation(work, owner=self, name="sign-in")
        sign_in.success(lambda result: self._signed_in(*result)).failure(self._failed)
        sign_in.run_in_background(executors.network())

    def _sign_in_and_keep(
        self, username: str, password: str, remember: bool
    ) -> tuple[StaffSession, str | None]:
        """On the worker: sign in, then keep (or forget) the password in the keyring. The session and
        the keyring's complaint, if it could not do as asked (the member is signed in all the same)."""
        if self._sign_in is not None:
            session = self._sign_in(self.database_url, username, password)
        else:
            from reviewer_app.access import signin

            session = signin.sign_in(self.database_url, username, password)
        if not remember and not self._remembered:
            return session, None  # never asked to remember: nothing in the keyring to forget
        try:
            store = self._credentials()
            kept = store.save(username, password) if remember else store.forget(username)
        except BaseException:
            session.close()
            raise
        return session, None if kept else store.last_error

    def _signed_in(self, session: StaffSession, keyring_error: str | None) -> None:
        self._set_busy(False)
        if keyring_error:
            self.keyringFailed.emit(keyring_error)
        self.session = session
        self.signedIn.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        # Normally loaded by now, on the worker (which signed in with it or made the keyring store).
        from reviewer_app.access.signin import WRONG_PASSWORD, SignInError

        self._set_busy(False)
        if isinstance(exc, SignInError):
            message = exc.message
            if self._with_saved and exc.kind == WRONG_PASSWORD:
                username = self.username_edit.text().strip()
                forget = Operation(lambda: self._credentials().forget(username), owner=self, name="forget")
                forget.must_finish().run_in_background(executors.network())  # even if the dialog goes
                self.remember_box.setChecked(False)
                message = self.tr(
                    "The remembered password no longer works (it may have been changed). Enter your password."
                )
        else:
            log.error("sign-in failed unexpectedly: %s", type(exc).__name__)
            message = self.tr("Signing in failed unexpectedly ({error}). Please contact IT.").format(
                error=type(exc).__name__
            )
        self.show_message(message)
        self.password_edit.setFocus()
