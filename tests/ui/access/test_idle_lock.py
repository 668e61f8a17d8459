"""The idle lock: after the configured idle time the window is covered and a modal dialog asks for
the password; input restarts the countdown; a wrong password is refused, a disabled account cannot
unlock, too many attempts sign out. Real timers, real input events: nothing sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.access.signin import StaffSession, sign_in
from reviewer_app.access.staff import disable_staff
from reviewer_app.qt import QApplication, QEvent, QLineEdit, QMainWindow, Qt
from reviewer_app.ui.access.idle_lock import IdleLock
from tests.pgcluster import PgCluster
from tests.ui.security_world import PASSWORD, World, build

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),  # the offscreen platform says so on every show()
]


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    w = build(sqlite_url)
    yield w
    w.engine.dispose()


@pytest.fixture
def session(world: World) -> Iterator[StaffSession]:
    s = sign_in(world.url, "lin_reviewer", PASSWORD)
    yield s
    s.close()


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    w = QMainWindow()
    w.setCentralWidget(QLineEdit())
    w.resize(600, 400)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _lock(window: QMainWindow, session: StaffSession, timeout_ms: int, **kwargs: int) -> IdleLock:
    lock = IdleLock(
        window, session.verify_password, username=session.username, timeout_ms=timeout_ms, **kwargs
    )
    lock.start()
    return lock


def _enter(qtbot: QtBot, lock: IdleLock, password: str) -> None:
    assert lock.dialog is not None
    qtbot.keyClicks(lock.dialog.password_edit, password)
    qtbot.keyClick(lock.dialog.password_edit, Qt.Key.Key_Return)


def test_locks_after_the_idle_time_and_unlocks_with_the_password(
    qtbot: QtBot, window: QMainWindow, session: StaffSession
) -> None:
    lock = _lock(window, session, timeout_ms=100)
    with qtbot.waitSignal(lock.locked, timeout=5_000):
        pass
    assert lock.is_locked() and not lock.timer.isActive()
    (curtain,) = lock.curtains
    assert curtain.isVisible() and curtain.geometry() == window.rect()
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert QApplication.activeModalWidget() is dialog

    _enter(qtbot, lock, "wrong")
    qtbot.waitUntil(lambda: "錯誤" in dialog.message_label.text() and dialog.unlock_button.isEnabled())
    assert lock.is_locked() and curtain.isVisible()

    with qtbot.waitSignal(lock.unlocked, timeout=5_000):
        _enter(qtbot, lock, PASSWORD)
    assert not lock.is_locked() and lock.curtains == [] and lock.timer.isActive()
    lock.stop()


def test_user_input_restarts_the_countdown(qtbot: QtBot, window: QMainWindow, session: StaffSession) -> None:
    lock = _lock(window, session, timeout_ms=60_000)
    qtbot.waitUntil(lambda: lock.remaining_ms() < 59_700, timeout=5_000)  # time passes, no input
    qtbot.keyClick(window.centralWidget(), Qt.Key.Key_A)
    assert lock.remaining_ms() > 59_700
    qtbot.waitUntil(lambda: lock.remaining_ms() < 59_700, timeout=5_000)
    qtbot.mouseClick(window.centralWidget(), Qt.MouseButton.LeftButton)
    assert lock.remaining_ms() > 59_700 and not lock.is_locked()
    lock.set_timeout_ms(120_000)  # configurable while running
    assert lock.timeout_ms == 120_000 and lock.remaining_ms() > 119_000
    lock.stop()


def test_escape_does_not_close_the_lock(qtbot: QtBot, window: QMainWindow, session: StaffSession) -> None:
    lock = _lock(window, session, timeout_ms=60_000)
    lock.lock_now()
    assert lock.dialog is not None
    qtbot.keyClick(lock.dialog, Qt.Key.Key_Escape)
    lock.dialog.close()
    assert lock.dialog.isVisible() and lock.is_locked()
    with qtbot.waitSignal(lock.unlocked, timeout=5_000):
        _enter(qtbot, lock, PASSWORD)
    lock.stop()


def test_a_disabled_account_cannot_unlock(
    qtbot: QtBot, window: QMainWindow, session: StaffSession, world: World
) -> None:
    lock = _lock(window, session, timeout_ms=60_000)
    lock.lock_now()
    dialog = lock.dialog
    assert dialog is not None
    disable_staff(world.engine, username="lin_reviewer", workstation="it")  # while away
    _enter(qtbot, lock, PASSWORD)
    qtbot.waitUntil(lambda: "停用" in dialog.message_label.text() and not lock.is_checking())
    assert not dialog.unlock_button.isEnabled() and lock.is_locked()
    with qtbot.waitSignal(lock.signOutRequested):
        qtbot.mouseClick(dialog.sign_out_button, Qt.MouseButton.LeftButton)
    assert lock.curtains and lock.curtains[0].isVisible()  # the desk stays covered until it closes


def test_too_many_wrong_passwords_sign_out(qtbot: QtBot, window: QMainWindow, session: StaffSession) -> None:
    lock = _lock(window, session, timeout_ms=60_000, max_attempts=2)
    lock.lock_now()
    dialog = lock.dialog
    assert dialog is not None
    _enter(qtbot, lock, "wrong 1")
    qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled() and "錯誤" in dialog.message_label.text())
    with qtbot.waitSignal(lock.signOutRequested, timeout=5_000):
        _enter(qtbot, lock, "wrong 2")
    assert lock.dialog is None and lock.is_locked()


def test_other_open_windows_are_covered_too(qtbot: QtBot, window: QMainWindow, session: StaffSession) -> None:
    viewer = QMainWindow()
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    lock = _lock(window, session, timeout_ms=60_000)
    lock.lock_now()
    covered = {c.parentWidget() for c in lock.curtains}
    assert window in covered and viewer in covered
    with qtbot.waitSignal(lock.unlocked, timeout=5_000):
        _enter(qtbot, lock, PASSWORD)
    lock.stop()


@pytest.mark.postgres
def test_the_lock_opens_while_the_shared_database_is_unreachable(
    qtbot: QtBot, window: QMainWindow, private_cluster: PgCluster
) -> None:
    """Work goes on while the shared database is unreachable, so does unlocking: the password the
    member signed in with is checked on this workstation. Before, every attempt (the right password
    too) counted as wrong, and the member was signed out with decisions still to sync."""
    world = build(private_cluster.url())
    session = sign_in(world.url, "lin_reviewer", PASSWORD)
    world.engine.dispose()
    try:
        lock = _lock(window, session, timeout_ms=60_000, max_attempts=2)
        private_cluster.stop()
        lock.lock_now()
        dialog = lock.dialog
        assert dialog is not None
        _enter(qtbot, lock, "wrong 1")  # still checked: a wrong password stays wrong
        qtbot.waitUntil(lambda: dialog.unlock_button.isEnabled() and "錯誤" in dialog.message_label.text())
        with qtbot.waitSignal(lock.unlocked, timeout=10_000):
            _enter(qtbot, lock, PASSWORD)
        assert not lock.is_locked()
    finally:
        session.close()


def test_enter_with_the_right_password_unlocks_an_active_dialog(
    qtbot: QtBot, window: QMainWindow, session: StaffSession
) -> None:
    """Under a real window system the lock dialog is the active window, so the focus moves when the
    password field is disabled during the check. Before, it moved to 登出, which then took the
    Enter key as its own: 3 of 3 tries with the right password signed out instead of unlocking."""
    lock = _lock(window, session, timeout_ms=60_000)
    lock.lock_now()
    dialog = lock.dialog
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    signed_out: list[bool] = []
    lock.signOutRequested.connect(lambda: signed_out.append(True))
    with qtbot.waitSignal(lock.unlocked, timeout=5_000):
        _enter(qtbot, lock, PASSWORD)
    assert not signed_out and not lock.is_locked() and window.isVisible()
    lock.stop()


def test_a_lock_cycle_raises_nothing_in_the_background(
    qtbot: QtBot, window: QMainWindow, session: StaffSession, capfd: pytest.CaptureFixture[str]
) -> None:
    """Each lock and unlock printed `RuntimeError: Signal source has been deleted` before."""
    import sys

    unraisable: list[object] = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    try:
        lock = _lock(window, session, timeout_ms=60_000)
        for _ in range(3):
            lock.lock_now()
            dialog = lock.dialog
            assert dialog is not None
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # noqa: B023
            with qtbot.waitSignal(lock.unlocked, timeout=5_000):
                _enter(qtbot, lock, PASSWORD)
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the dialog's deleteLater
            QApplication.processEvents()
        lock.stop()
    finally:
        sys.unraisablehook = old_hook
    assert not unraisable
    assert "RuntimeError" not in capfd.readouterr().err


def test_closing_the_desk_while_the_password_is_checked_raises_nothing(
    qtbot: QtBot, session: StaffSession, capfd: pytest.CaptureFixture[str]
) -> None:
    """Signing out (or closing) while the check runs deletes the window and the lock with it; the
    check's answer then has nobody to go to. With a runner owned by the window (the old ui/tasks.py)
    the worker emitted on a deleted object: `RuntimeError: Signal source has been deleted`."""
    from reviewer_app.ui.common import executors

    desk = QMainWindow()
    desk.show()
    lock = _lock(desk, session, timeout_ms=60_000)
    lock.lock_now()
    assert lock.dialog is not None
    _enter(qtbot, lock, PASSWORD)
    assert lock.is_checking()
    desk.close()
    desk.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert executors.network().wait(10_000)
    QApplication.processEvents()  # the answer arrives and is dropped
    assert "Error" not in capfd.readouterr().err


def test_a_long_message_is_shown_whole(qtbot: QtBot, window: QMainWindow, session: StaffSession) -> None:
    """A three-line message (a server that cannot be reached) was cut off after its second line."""
    lock = _lock(window, session, timeout_ms=60_000)
    lock.lock_now()
    dialog = lock.dialog
    assert dialog is not None
    field_height = dialog.password_edit.sizeHint().height()
    dialog.message_label.setText(
        "無法連線到共用資料庫（db.facility.example:5432/reviewdesk）：connection to server at "
        '"10.0.0.5", port 5432 failed: Connection refused. Is the server running on that host?。'
        "請確認網路連線，或稍後再試。"
    )
    label = dialog.message_label
    button = dialog.unlock_button
    qtbot.waitUntil(  # the dialog has grown for it
        lambda: label.height() >= label.heightForWidth(label.width())
        and label.geometry().bottom() < button.geometry().top()
    )
    assert dialog.password_edit.height() >= field_height
    lock.stop()
