"""Accessibility and keyboard (#20): single-key shortcuts stay out of text fields and input methods."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.qt import (
    QAccessible,
    QAction,
    QApplication,
    QFormLayout,
    QInputMethodEvent,
    QKeySequence,
    QLabel,
    Qt,
)
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common.preferences import Preferences, open_settings
from reviewer_app.ui.common.shortcuts import help_actions
from reviewer_app.ui.common.shortcuts_dialog import ShortcutsDialog
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.queue.rows import ItemKey
from tests.ui.conftest import focus_the_queue, go_to, idle, look_at_documents, proxy_rows
from tests.ui.screen_reader import spoken_name, unnamed

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def single_key_actions(desk: MainWindow) -> list[QAction]:
    """The desk's actions with a shortcut of one key and no Ctrl/Alt (J, K, C, R, +, -, 0, 1, /, ?)."""
    found = []
    for action in help_actions(desk):
        for key in action.shortcuts():
            combo = key[0]
            if key.count() == 1 and not combo.keyboardModifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            ):
                found.append(action)
                break
    return found


def fired(desk: MainWindow) -> list[str]:
    """The names of the single-key actions triggered from now on."""
    names: list[str] = []

    def spy(name: str) -> Callable[[], None]:
        return lambda: names.append(name)

    for action in single_key_actions(desk):
        action.triggered.connect(spy(action.objectName()))
    return names


def test_the_single_key_actions_are_known(desk: MainWindow) -> None:
    names = {a.objectName() for a in single_key_actions(desk)}
    assert {"nextAction", "previousAction", "compareAction", "rotateRightAction", "helpAction"} <= names


def test_j_in_the_search_box_is_typed_not_a_move(qtbot: QtBot, desk: MainWindow) -> None:
    triggered = fired(desk)
    desk.search.setFocus()
    qtbot.keyClicks(desk.search, "jkcr01+-/?")
    assert triggered == []
    assert desk.search.text() == "jkcr01+-/?"
    assert not desk.help_overlay.isVisible()


def test_j_while_an_input_method_composes_is_no_move(qtbot: QtBot, desk: MainWindow) -> None:
    """Zhuyin: ㄐ is being composed in the search box; a J that reaches the desk meanwhile does not move."""
    triggered = fired(desk)
    desk.search.setFocus()
    QApplication.sendEvent(desk.search, QInputMethodEvent("ㄐ", []))
    qtbot.keyClick(desk.search, Qt.Key.Key_J)
    assert triggered == []
    # The composition ends (committed): J outside a text field moves again.
    commit = QInputMethodEvent()
    commit.setCommitString("就")
    QApplication.sendEvent(desk.search, commit)
    desk.search.clear()
    focus_the_queue(qtbot, desk)
    before = desk.selected_key()
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    assert triggered == ["nextAction"]
    assert desk.selected_key() != before


def test_while_an_input_method_composes_single_keys_are_no_commands(qtbot: QtBot, desk: MainWindow) -> None:
    """Whatever widget an input method composes in (here the queue itself, which is no text field), its
    keys are no commands until the composition ends; Ctrl shortcuts still are."""
    triggered = fired(desk)
    focus_the_queue(qtbot, desk)
    before = desk.selected_key()
    QApplication.sendEvent(desk.table, QInputMethodEvent("ㄘㄤ", []))
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    qtbot.keyClick(desk.table, Qt.Key.Key_C)
    assert triggered == [] and desk.selected_key() == before
    QApplication.sendEvent(desk.table, QInputMethodEvent("", []))  # the composition is over
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    assert triggered == ["nextAction"] and desk.selected_key() != before


def test_j_outside_a_text_field_moves(qtbot: QtBot, desk: MainWindow) -> None:
    focus_the_queue(qtbot, desk)
    before = desk.selected_key()
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    assert desk.selected_key() != before


def test_every_control_of_the_desk_has_a_zh_tw_name(desk: MainWindow) -> None:
    missing = unnamed(desk)
    assert missing == [], "\n".join(missing)


def test_the_main_parts_say_what_they_are(desk: MainWindow) -> None:
    for part in (desk.table, desk.viewer, desk.panel, desk.search):
        assert spoken_name(part), part.objectName()
        description = QAccessible.queryAccessibleInterface(part).text(QAccessible.Text.Description)
        assert description, part.objectName()


# ---- decisions and sync changes are said, and the keyboard goes on to the next item -----------------


def pending_approvable(desk: MainWindow) -> ItemKey:
    return next(
        r.key for r in proxy_rows(desk) if r.kind == "application" and r.status == "pending" and not r.flags
    )


def next_pending_after(desk: MainWindow, key: ItemKey) -> ItemKey:
    rows = proxy_rows(desk)
    start = next(i for i, r in enumerate(rows) if r.key == key)
    return next(r.key for r in [*rows[start + 1 :], *rows[:start]] if r.status == "pending")


def test_a_decision_is_announced_and_the_queue_keeps_the_keyboard(qtbot: QtBot, desk: MainWindow) -> None:
    announced: list[str] = []
    desk.announcer.announced.connect(announced.append)
    target = pending_approvable(desk)
    go_to(qtbot, desk, target)
    look_at_documents(qtbot, desk)
    expected_next = next_pending_after(desk, target)

    qtbot.keyClick(desk.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: bool(announced) and idle(desk))
    assert "審核通過" in announced[-1]
    # The same words as on screen, then how long Ctrl+Z undoes it (the countdown's start).
    assert announced[-1].startswith(desk.statusBar().currentMessage())
    assert announced[-1].endswith(desk.sync_controller.undo_label.text())
    assert desk.selected_key() == expected_next
    assert desk.table.hasFocus()  # J, K and Ctrl+Enter go on from the next item


def test_after_the_reject_dialog_the_queue_has_the_keyboard(qtbot: QtBot, desk: MainWindow) -> None:
    announced: list[str] = []
    desk.announcer.announced.connect(announced.append)
    post = next(r.key for r in proxy_rows(desk) if r.kind == "post" and r.status == "pending")
    go_to(qtbot, desk, post)
    # Closed without a decision (Esc): back to the same item, the queue has the keyboard.
    qtbot.keyClick(desk.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.reject_dialog is not None and desk.reject_dialog.isVisible())
    dialog = desk.reject_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.reason_list.hasFocus)
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: desk.reject_dialog is None or not desk.reject_dialog.isVisible())
    qtbot.waitUntil(desk.table.hasFocus)
    assert desk.selected_key() == post and announced == []
    # Rejected (a reason ticked, Enter): the next item, the queue has the keyboard, and it is said.
    expected_next = next_pending_after(desk, post)
    qtbot.keyClick(desk.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.reject_dialog is not None and desk.reject_dialog.isVisible())
    dialog = desk.reject_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.reason_list.hasFocus)
    if not dialog.chosen_codes():
        qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(announced) and idle(desk))
    assert "審核未通過" in announced[-1]
    assert desk.selected_key() == expected_next
    qtbot.waitUntil(desk.table.hasFocus)


def test_losing_and_finding_the_shared_database_is_announced(
    qtbot: QtBot, desk: MainWindow, shared_engine: Engine
) -> None:
    announced: list[str] = []
    desk.announcer.announced.connect(announced.append)
    qtbot.waitUntil(lambda: desk.connection_label.text() == "已連線")
    database = Path(str(shared_engine.url.database))
    away = database.with_name("away.sqlite3")
    shared_engine.dispose()
    database.rename(away)  # the shared database is gone (a file that is no database in its place)
    database.write_bytes(b"not a database")
    desk.sync_now()
    qtbot.waitUntil(lambda: desk.connection_label.text() == "離線：決定會先保存在本機", timeout=10_000)
    assert announced and announced[-1] == desk.statusBar().currentMessage()
    assert "本機" in announced[-1]
    shared_engine.dispose()
    away.replace(database)  # back
    qtbot.waitUntil(lambda: not desk.is_syncing())
    desk.sync_now()
    qtbot.waitUntil(lambda: desk.connection_label.text() == "已連線", timeout=10_000)
    assert announced[-1] == "已恢復與共用資料庫的連線並完成同步"


# ---- shortcuts of the reviewer's choosing -----------------------------------------------------------


def test_a_shortcut_changed_in_the_preferences_works_and_the_help_shows_it(
    qtbot: QtBot, desk_factory: Callable[[Sync | None], MainWindow], sync: Sync, tmp_path: Path
) -> None:
    preferences = Preferences(open_settings(tmp_path / "desk.ini"))
    preferences.set_shortcuts("nextAction", [QKeySequence("N")])
    sync.pull()
    desk = desk_factory(sync)  # the desk applies the preferences at start

    assert desk.next_action.shortcuts() == [QKeySequence("N")]
    assert desk.next_action.toolTip() == "下一件（N）"
    desk.table.setFocus()
    before = desk.selected_key()
    qtbot.keyClick(desk.table, Qt.Key.Key_J)  # J is free now
    assert desk.selected_key() == before
    qtbot.keyClick(desk.table, Qt.Key.Key_N)
    assert desk.selected_key() != before

    qtbot.keyClick(desk.table, Qt.Key.Key_F1)
    assert ("queue", "N", "下一件") in desk.help_overlay.entries
    assert not any(keys == "J" for _group, keys, _text in desk.help_overlay.entries)


def test_a_saved_shortcut_that_another_command_has_is_not_applied(
    desk_factory: Callable[[Sync | None], MainWindow], sync: Sync, tmp_path: Path
) -> None:
    """Two commands on one key would make it do neither (Qt's ambiguous shortcut): the saved key of
    the second loses, the default stays, nothing breaks."""
    preferences = Preferences(open_settings(tmp_path / "desk.ini"))
    preferences.set_shortcuts("previousAction", [QKeySequence("J")])  # J is Next's
    preferences.settings.setValue("shortcuts/zoomInAction", "not a key at all ⌘⌘")
    sync.pull()
    desk = desk_factory(sync)
    assert desk.next_action.shortcuts() == [QKeySequence("J")]
    assert desk.previous_action.shortcuts() == [QKeySequence("K")]
    assert QKeySequence("+") in desk.viewer.zoom_in_action.shortcuts()


def open_shortcuts_dialog(qtbot: QtBot, desk: MainWindow) -> ShortcutsDialog:
    desk.findChild(QAction, "shortcutsAction").trigger()  # type: ignore[union-attr]
    dialog = desk.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_shortcuts_are_changed_in_the_settings_menu(qtbot: QtBot, desk: MainWindow, tmp_path: Path) -> None:
    dialog = open_shortcuts_dialog(qtbot, desk)
    assert spoken_name(dialog.editors["nextAction"]) == "下一件"  # each key field says its command
    editor = dialog.editors["nextAction"]
    editor.setFocus()
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: editor.keySequence() == QKeySequence("N"))
    dialog.accept()

    assert desk.next_action.shortcuts() == [QKeySequence("N")]  # at once, no restart
    assert Preferences(open_settings(tmp_path / "desk.ini")).shortcuts() == {
        "nextAction": [QKeySequence("N")]
    }
    qtbot.keyClick(desk.table, Qt.Key.Key_F1)
    assert ("queue", "N", "下一件") in desk.help_overlay.entries
    qtbot.keyClick(desk.help_overlay, Qt.Key.Key_Escape)

    # A key another command has is refused, with the reason; nothing changes.
    dialog = open_shortcuts_dialog(qtbot, desk)
    dialog.editors["previousAction"].setKeySequence(QKeySequence("C"))
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "C 已是「並排比對申請人照片與身分證明文件」的按鍵：請為「上一件」選擇其他按鍵。"
    )
    assert desk.previous_action.shortcuts() == [QKeySequence("K")]

    # Back to the desk's own keys.
    dialog.reset_all()
    dialog.accept()
    assert not dialog.isVisible()
    assert desk.next_action.shortcuts() == [QKeySequence("J")]
    assert Preferences(open_settings(tmp_path / "desk.ini")).shortcuts() == {}


def test_the_approve_key_of_the_reviewers_choosing_also_says_why_not(
    desk_factory: Callable[[Sync | None], MainWindow], sync: Sync, tmp_path: Path
) -> None:
    """Approve's key on an item that cannot be approved says why (the status bar): on the chosen key."""
    Preferences(open_settings(tmp_path / "desk.ini")).set_shortcuts("approveAction", [QKeySequence("Ctrl+S")])
    sync.pull()
    desk = desk_factory(sync)
    assert desk.panel.approve_action.shortcuts() == [QKeySequence("Ctrl+S")]
    why_not = desk.decisions.why_not_action
    assert why_not is not None and why_not.shortcuts() == [QKeySequence("Ctrl+S")]


def test_the_facts_of_an_item_are_read_with_their_captions(qtbot: QtBot, desk: MainWindow) -> None:
    """A value a screen reader reaches on its own ("JPEG", "2026/12/03 23:35") says what it is."""
    look_at_documents(qtbot, desk)
    meta = desk.viewer.findChild(QLabel, "metaType")
    assert meta is not None and meta.text()
    assert spoken_name(meta) == f"類型：{meta.text()}"
    forms = (desk.panel.header_form, desk.panel.content_form)
    pairs = []
    for form in forms:
        for row in range(form.rowCount()):
            caption = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if caption is None or field is None:
                continue
            label, value = caption.widget(), field.widget()
            if isinstance(label, QLabel) and isinstance(value, QLabel) and value.text():
                pairs.append((label.text(), value))
    assert len(pairs) >= 4
    for caption_text, value in pairs:
        assert spoken_name(value) == f"{caption_text.rstrip('：:').strip()}：{value.text()}"


def test_the_help_says_where_the_keys_are_changed(qtbot: QtBot, desk: MainWindow) -> None:
    qtbot.keyClick(desk.table, Qt.Key.Key_F1)
    assert "「設定 → 鍵盤快速鍵…」" in desk.help_overlay.hint.text()
