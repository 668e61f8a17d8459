"""The desk command's sign-in step, as `reviewer-app` runs it before the desk opens."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from reviewer_app.commands.desk import sign_in
from reviewer_app.qt import QApplication, QTimer
from reviewer_app.ui.access.signin_dialog import SignInDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_while_the_sign_in_window_waits_garbage_is_collected_on_the_gui_thread(
    qapp: QApplication, sqlite_url: str
) -> None:
    """The sign-in window's worker loads SQLAlchemy and signs in while the member types. Python's
    automatic collector would run on that worker, and after an idle-lock sign-out the garbage it finds
    holds the closed desk's widgets, which Qt must not free there. So while the window waits,
    collection is the GUI thread's (as in the desk), and automatic again once it has gone."""
    assert gc.isenabled()
    seen: dict[str, bool] = {}

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(10, look)
            return
        seen["automatic"] = gc.isenabled()
        shown[0].reject()

    QTimer.singleShot(0, look)
    assert sign_in(qapp, sqlite_url, "reviewer") is None  # cancelled
    assert seen == {"automatic": False}
    assert gc.isenabled()



def test_the_keyring_is_left_alone_until_the_member_ticks_remember(
    qapp: QApplication, sqlite_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    """A workstation without a keyring said "系統鑰匙圈無法使用（讀取密碼：NoKeyringError）" to a
    member who had never ticked 記住密碼. Now the keyring is read only after they ticked it."""
    from tests.keyrings import FailingKeyring, MemoryKeyring, installed
    from tests.ui.security_world import PASSWORD, build

    world = build(sqlite_url)
    dialogs: list[SignInDialog] = []

    def type_password(tick: bool) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(10, lambda: type_password(tick))
            return
        dialog = shown[0]
        dialogs.append(dialog)
        dialog.remember_box.setChecked(tick)
        dialog.password_edit.setText(PASSWORD)
        dialog.submit()

    with installed(FailingKeyring()):
        QTimer.singleShot(0, lambda: type_password(False))
        session = sign_in(qapp, world.url, "lin_reviewer")
        assert session is not None
        session.close()
    assert "鑰匙圈" not in capfd.readouterr().err

    with installed(MemoryKeyring()) as memory:
        QTimer.singleShot(0, lambda: type_password(True))
        session = sign_in(qapp, world.url, "lin_reviewer")
        assert session is not None
        session.close()
        assert isinstance(memory, MemoryKeyring) and list(memory.passwords.values()) == [PASSWORD]
        # Ticked once: the next sign-in uses the remembered password by itself.
        session = sign_in(qapp, world.url, None)
        assert session is not None and session.username == "lin_reviewer"
        session.close()
    world.engine.dispose()


def test_the_members_journal_is_opened_on_the_worker_not_the_gui_thread(
    qapp: QApplication, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the journal file (creating or checking its tables) is file work the GUI thread must
    not wait for after Enter: the sign-in's worker opens it as soon as the member has signed in, and
    the desk takes that one instead of opening the file again."""
    from reviewer_app import config
    from reviewer_app.journal import Journal, ahead
    from tests.ui.security_world import PASSWORD, build

    world = build(sqlite_url)
    opened_on: list[threading.Thread] = []
    real_init = Journal.__init__

    def noting_the_thread(journal: Journal, path: Path | str) -> None:
        opened_on.append(threading.current_thread())
        real_init(journal, path)

    monkeypatch.setattr(Journal, "__init__", noting_the_thread)

    def type_password() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(10, type_password)
            return
        shown[0].password_edit.setText(PASSWORD)
        shown[0].submit()

    QTimer.singleShot(0, type_password)
    session = sign_in(qapp, world.url, "lin_reviewer")
    assert session is not None
    try:
        assert len(opened_on) == 1 and opened_on[0] is not threading.main_thread()
        path = config.journal_path(str(session.engine.url), session.username)
        journal = ahead.take(path)  # what the desk does
        assert journal.path == path and len(opened_on) == 1  # the one opened ahead, not a second
        journal.close()
    finally:
        session.close()
        world.engine.dispose()
