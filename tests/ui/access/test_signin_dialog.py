"""The sign-in dialog: password and 記住密碼 in the keyring; a saved password signs in at once; a
wrong password, a disabled account, an unreachable server and a failing keyring each get a clear
message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from reviewer_app.access.signin import CredentialStore, StaffSession
from reviewer_app.access.staff import disable_staff
from reviewer_app.qt import QLabel, Qt
from reviewer_app.ui.access.idle_lock import UnlockDialog
from reviewer_app.ui.access.signin_dialog import SignInDialog
from tests.keyrings import FailingKeyring, MemoryKeyring, SlowKeyring, installed
from tests.pgcluster import _free_port
from tests.ui.screen_reader import spoken_name, unnamed
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
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


def _dialog(qtbot: QtBot, url: str, username: str = "lin_reviewer") -> SignInDialog:
    dialog = SignInDialog(url, username=username)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type_and_submit(qtbot: QtBot, dialog: SignInDialog, password: str) -> None:
    dialog.password_edit.setFocus()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def _settled(dialog: SignInDialog) -> bool:
    return not dialog.busy() and not dialog.is_working()


def test_sign_in_and_remember_the_password(qtbot: QtBot, world: World, memory_keyring: MemoryKeyring) -> None:
    dialog = _dialog(qtbot, world.url)
    qtbot.mouseClick(dialog.remember_box, Qt.MouseButton.LeftButton)
    assert dialog.remember_box.isChecked()
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
        _type_and_submit(qtbot, dialog, PASSWORD)
    session = signed.args[0]
    assert isinstance(session, StaffSession)
    assert (session.username, session.role) == ("lin_reviewer", "reviewer")
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.password_edit.text() == ""
    assert CredentialStore(world.url).get("lin_reviewer") == PASSWORD
    session.close()


def test_a_saved_password_signs_in_as_soon_as_the_dialog_shows(
    qtbot: QtBot, world: World, memory_keyring: MemoryKeyring
) -> None:
    CredentialStore(world.url).save("lin_reviewer", PASSWORD)
    dialog = SignInDialog(world.url, username="lin_reviewer")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
        dialog.show()
    signed.args[0].close()


def test_not_remembering_forgets_a_saved_password(
    qtbot: QtBot, world: World, memory_keyring: MemoryKeyring
) -> None:
    CredentialStore(world.url).save("lin_reviewer", PASSWORD)
    dialog = SignInDialog(world.url, username="lin_reviewer", use_saved_password=False)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
        _type_and_submit(qtbot, dialog, PASSWORD)
    signed.args[0].close()
    assert memory_keyring.passwords == {}


def test_wrong_password_is_a_clear_message(qtbot: QtBot, world: World, memory_keyring: MemoryKeyring) -> None:
    dialog = _dialog(qtbot, world.url)
    with qtbot.assertNotEmitted(dialog.signedIn):
        _type_and_submit(qtbot, dialog, "not the password")
        qtbot.waitUntil(lambda: _settled(dialog) and "錯誤" in dialog.message_label.text(), timeout=10_000)
    assert dialog.message_label.text() == "帳號或密碼錯誤，請再試一次。"
    assert dialog.password_edit.text() == "" and dialog.isVisible()
    assert memory_keyring.passwords == {}


def test_a_saved_password_that_no_longer_works_is_forgotten(
    qtbot: QtBot, world: World, memory_keyring: MemoryKeyring
) -> None:
    CredentialStore(world.url).save("lin_reviewer", "an old password")
    dialog = _dialog(qtbot, world.url)
    qtbot.waitUntil(lambda: _settled(dialog) and "失效" in dialog.message_label.text(), timeout=10_000)
    assert memory_keyring.passwords == {}
    assert not dialog.remember_box.isChecked()
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
        _type_and_submit(qtbot, dialog, PASSWORD)
    signed.args[0].close()


def test_disabled_account_is_a_clear_message(
    qtbot: QtBot, world: World, memory_keyring: MemoryKeyring
) -> None:
    disable_staff(world.engine, username="lin_reviewer", workstation="it")
    dialog = _dialog(qtbot, world.url)
    _type_and_submit(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: _settled(dialog) and "停用" in dialog.message_label.text(), timeout=10_000)
    assert dialog.message_label.text().startswith("此帳號已停用")


def test_a_failing_keyring_asks_for_the_password_and_says_why(qtbot: QtBot, world: World) -> None:
    with installed(FailingKeyring()):
        dialog = _dialog(qtbot, world.url)
        # Reading the saved password (on the dialog's worker) failed: the member is told so.
        qtbot.waitUntil(lambda: "系統鑰匙圈無法使用" in dialog.message_label.text(), timeout=10_000)
        assert dialog.password_edit.isEnabled() and not dialog.session
        dialog.remember_box.setChecked(True)
        failures: list[str] = []
        dialog.keyringFailed.connect(failures.append)
        with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
            _type_and_submit(qtbot, dialog, PASSWORD)
        signed.args[0].close()
    assert len(failures) == 1 and "請直接輸入密碼" in failures[0]


def test_an_unreachable_server_is_a_clear_message(qtbot: QtBot, memory_keyring: MemoryKeyring) -> None:
    dialog = _dialog(qtbot, f"postgresql://127.0.0.1:{_free_port()}/reviewdesk", username="lin")
    _type_and_submit(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: _settled(dialog) and "無法連線" in dialog.message_label.text(), timeout=15_000)


def test_what_the_member_types_wins_over_a_keyring_that_answers_late(qtbot: QtBot, world: World) -> None:
    """The keyring is read on the dialog's worker: a locked one does not freeze the dialog, and the
    password the member typed meanwhile is the one used (not a stale saved one)."""
    with installed(SlowKeyring()) as slow:
        assert isinstance(slow, SlowKeyring)
        CredentialStore(world.url).save("lin_reviewer", "an old password")
        dialog = _dialog(qtbot, world.url)
        qtbot.waitUntil(slow.asked.is_set, timeout=10_000)
        # The dialog answers the keyboard while the keyring has not answered.
        _type_and_submit(qtbot, dialog, PASSWORD)
        assert dialog.busy() and dialog.message_label.text() == "登入中…"
        with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
            slow.answer.set()
        signed.args[0].close()
        qtbot.waitUntil(lambda: not dialog.is_working(), timeout=10_000)
        assert "失效" not in dialog.message_label.text()  # the old saved password was never tried
        assert dialog.result() == SignInDialog.DialogCode.Accepted
        assert slow.passwords == {}  # not asked to remember: the old one is forgotten


LONG_MESSAGE = (
    "無法連線到共用資料庫（db.facility.example:5432/reviewdesk）：connection to server at "
    '"10.0.0.5", port 5432 failed: Connection refused. Is the server running on that host and '
    "accepting TCP/IP connections?。請確認網路連線，或稍後再試。"
)


def test_a_long_message_leaves_the_fields_their_height(qtbot: QtBot, tmp_path: Path) -> None:
    """A three-line message squashed the username and password fields to slivers (13 px)."""
    dialog = SignInDialog(f"sqlite:///{tmp_path / 'none.sqlite3'}", username="lin", use_saved_password=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field_height = dialog.password_edit.sizeHint().height()
    dialog.show_message(LONG_MESSAGE)
    qtbot.waitUntil(lambda: dialog.message_label.height() >= _needed(dialog.message_label))
    for field in (dialog.username_edit, dialog.password_edit):
        assert field.height() >= field_height
    label = dialog.message_label
    assert label.geometry().top() >= dialog.remember_box.geometry().bottom()  # its own space
    assert dialog.height() <= 768 and dialog.width() <= 1366
    dialog.grab().save(str(tmp_path / "signin-long-message.png"))


def _needed(label: QLabel) -> int:
    return label.heightForWidth(label.width())


def test_a_fresh_workstation_is_told_the_database_is_not_set_up(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    """An empty shared database said "無法讀取共用資料庫：no such table: staff"."""
    dialog = _dialog(qtbot, f"sqlite:///{tmp_path / 'fresh.sqlite3'}", username="reviewer")
    _type_and_submit(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: _settled(dialog) and dialog.message_label.text() != "登入中…", timeout=10_000)
    message = dialog.message_label.text()
    assert "尚未設定" in message and "資訊人員" in message
    assert "no such table" not in message and "reviewer-app" not in message


def test_an_account_without_a_password_is_told_whom_to_ask(
    qtbot: QtBot, world: World, memory_keyring: MemoryKeyring
) -> None:
    """A social worker was told to run `reviewer-app staff add`."""
    with world.engine.begin() as conn:
        conn.execute(text("UPDATE staff SET password_hash = NULL WHERE username = 'lin_reviewer'"))
    dialog = _dialog(qtbot, world.url)
    _type_and_submit(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: _settled(dialog) and "密碼" in dialog.message_label.text(), timeout=10_000)
    message = dialog.message_label.text()
    assert "尚未設定密碼" in message and "資訊人員" in message
    assert "reviewer-app" not in message and "staff add" not in message


def test_no_keyring_is_read_when_remember_was_never_ticked(qtbot: QtBot, world: World) -> None:
    """ "系統鑰匙圈無法使用（讀取密碼：NoKeyringError）" showed to members who never asked for it."""
    with installed(FailingKeyring()):
        dialog = SignInDialog(world.url, username="lin_reviewer", remembered=False)
        qtbot.addWidget(dialog)
        failures: list[str] = []
        dialog.keyringFailed.connect(failures.append)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not dialog.is_working() and dialog.message_label.text() == ""
        with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed:
            _type_and_submit(qtbot, dialog, PASSWORD)
        signed.args[0].close()
    assert failures == [] and "鑰匙圈" not in dialog.message_label.text()


def test_a_screen_reader_names_every_field_in_zh_tw(qtbot: QtBot, world: World) -> None:
    dialog = _dialog(qtbot, world.url)
    missing = unnamed(dialog)
    assert missing == [], "\n".join(missing)
    assert spoken_name(dialog.username_edit) == "帳號"
    assert spoken_name(dialog.password_edit) == "密碼"


def test_the_unlock_dialog_names_its_password_field(qtbot: QtBot) -> None:
    dialog = UnlockDialog("lin_reviewer")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    missing = unnamed(dialog)
    assert missing == [], "\n".join(missing)
    assert spoken_name(dialog.password_edit) == "密碼"
