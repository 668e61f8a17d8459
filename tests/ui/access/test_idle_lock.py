"""The idle lock: after the configured idle time the window is covered and a modal dialog asks for
the password; input restarts the countdown; a wrong password is refused, a disabled account cannot
unlock, too many attempts sign out. Real timers, real input events: nothing sleeps."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.access.signin import StaffSession, sign_in
from reviewer_app.access.staff import disable_staff
from reviewer_app.qt import QApplication, QLineEdit, QMainWindow, Qt
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
