"""Accessibility and keyboard (#20): single-key shortcuts stay out of text fields and input methods."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import (
    QAccessible,
    QAction,
    QApplication,
    QInputMethodEvent,
    Qt,
)
from reviewer_app.ui.common.shortcuts import help_actions
from reviewer_app.ui.desk.main_window import MainWindow
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
    desk.table.setFocus()
    before = desk.selected_key()
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    assert triggered == ["nextAction"]
    assert desk.selected_key() != before


def test_while_an_input_method_composes_single_keys_are_no_commands(qtbot: QtBot, desk: MainWindow) -> None:
    """Whatever widget an input method composes in (here the queue itself, which is no text field), its
    keys are no commands until the composition ends; Ctrl shortcuts still are."""
    triggered = fired(desk)
    desk.table.setFocus()
    before = desk.selected_key()
    QApplication.sendEvent(desk.table, QInputMethodEvent("ㄘㄤ", []))
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    qtbot.keyClick(desk.table, Qt.Key.Key_C)
    assert triggered == [] and desk.selected_key() == before
    QApplication.sendEvent(desk.table, QInputMethodEvent("", []))  # the composition is over
    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    assert triggered == ["nextAction"] and desk.selected_key() != before


def test_j_outside_a_text_field_moves(qtbot: QtBot, desk: MainWindow) -> None:
    desk.table.setFocus()
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
