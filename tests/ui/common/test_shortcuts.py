"""Keyboard first: every action has a shortcut, its tooltip names it, the help overlay (F1 or ?) lists it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import QAction, QKeySequence, Qt, QToolButton
from reviewer_app.ui.common.shortcuts import HELP_GROUP, first_key_text, help_actions, keys_text
from reviewer_app.ui.desk.main_window import MainWindow
from tests.ui.conftest import go_to, proxy_rows

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

#: The actions the issue names, by object name; each must exist with a shortcut.
REQUIRED = {
    "approveAction": "Ctrl+Return",
    "rejectAction": "Ctrl+R",
    "nextAction": "J",
    "previousAction": "K",
    "zoomInAction": "+",
    "zoomOutAction": "-",
    "fitAction": "0",
    "actualSizeAction": "1",
    "rotateRightAction": "R",
    "rotateLeftAction": "Shift+R",
    "compareAction": "C",
    "undoAction": "Ctrl+Z",
    "findAction": "Ctrl+F",
    "helpAction": "F1",
}


def test_every_action_has_a_shortcut_named_in_its_tooltip(desk: MainWindow) -> None:
    actions = help_actions(desk)
    names = {a.objectName() for a in actions}
    assert set(REQUIRED) <= names
    for action in actions:
        assert action.shortcuts(), action.objectName()
        assert first_key_text(action) in action.toolTip(), (action.objectName(), action.toolTip())
        assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    for name, key in REQUIRED.items():
        action = desk.findChild(QAction, name)
        assert action is not None and QKeySequence(key) in action.shortcuts(), name
    # Every command action is in help_actions (nothing hidden from the overlay), but the one that only
    # says why Approve is off on Approve's own keys.
    commands = [a for a in desk.findChildren(QAction) if a.shortcuts()]
    assert {a.objectName() for a in commands} <= names | {"", "whyNotApproveAction"}
    # No key does two things.
    keys = [k.toString() for a in actions for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_buttons_show_their_shortcut_in_the_tooltip(desk: MainWindow) -> None:
    assert "Ctrl+Return" in desk.panel.approve_button.toolTip() or not desk.panel.approve_button.isEnabled()
    assert "Ctrl+R" in desk.panel.reject_button.toolTip()
    # The viewer's tool bar's own » button (tools that do not fit) is no action of the desk.
    buttons = [b for b in desk.viewer.findChildren(QToolButton) if b.objectName() != "qt_toolbar_ext_button"]
    assert buttons
    for button in buttons:
        action = button.defaultAction()
        assert action is not None and first_key_text(action) in button.toolTip(), button.text()


def test_f1_and_question_mark_open_the_help_overlay_listing_every_action(
    qtbot: QtBot, desk: MainWindow
) -> None:
    overlay = desk.help_overlay
    assert not overlay.isVisible()
    qtbot.keyClick(desk.table, Qt.Key.Key_F1)
    assert overlay.isVisible() and overlay.hasFocus()
    assert overlay.geometry() == desk.rect()
    listed = {(keys, text) for _group, keys, text in overlay.entries}
    for action in help_actions(desk):
        assert any(keys == keys_text(action) for keys, _text in listed), action.objectName()
    groups = [g for g, _k, _t in overlay.entries]
    assert {"decide", "queue", "documents", "desk"} <= set(groups)
    assert overlay.title.text() == "鍵盤快速鍵"
    # The card fits inside the window: nothing cut off.
    card = overlay.card.geometry()
    assert overlay.rect().contains(card)
    assert (
        card.width() >= overlay.card.sizeHint().width() and card.height() >= overlay.card.sizeHint().height()
    )

    # While the help is open, keys do not reach the desk: J does not move, Ctrl+Return does not approve.
    before = desk.selected_key()
    qtbot.keyClick(overlay, Qt.Key.Key_J)
    qtbot.keyClick(overlay, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert desk.selected_key() == before and overlay.isVisible()
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()
    assert desk.table.hasFocus()

    qtbot.keyClick(desk.table, Qt.Key.Key_Question)
    assert overlay.isVisible()
    qtbot.keyClick(overlay, Qt.Key.Key_Question)
    assert not overlay.isVisible()
    qtbot.keyClick(desk.table, Qt.Key.Key_F1)
    qtbot.keyClick(overlay, Qt.Key.Key_F1)
    assert not overlay.isVisible()


# A combo box's popup: the offscreen platform cannot raise it or grab the keyboard for it.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")
def test_filters_by_keyboard(qtbot: QtBot, desk: MainWindow) -> None:
    qtbot.keyClick(desk.table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    combo = desk.queue.status_filter
    assert combo.view().isVisible()  # the list of statuses is open, arrows and Enter choose
    combo.hidePopup()
    combo.setCurrentIndex(combo.findData("held"))
    assert {r.status for r in proxy_rows(desk)} == {"held"}
    combo.setCurrentIndex(0)
    flags = desk.queue.flag_filter
    qtbot.keyClick(desk.table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert flags.view().isVisible()
    flags.hidePopup()
    flags.setCurrentIndex(flags.findData("P5"))
    assert proxy_rows(desk) and all("P5" in r.flags for r in proxy_rows(desk))
    qtbot.keyClick(desk.table, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    assert desk.table.hasFocus()
    assert desk.findChild(QAction, "queueFocusAction").property(HELP_GROUP) == "queue"  # type: ignore[union-attr]


def test_help_describes_compare_whatever_the_current_item(qtbot: QtBot, desk: MainWindow) -> None:
    """QA: on a post, F1 described C with its "not available" tooltip instead of what C does."""
    compare = desk.viewer.compare_action
    for kind in ("post", "application"):
        go_to(qtbot, desk, next(r.key for r in proxy_rows(desk) if r.kind == kind))
        if kind == "post":
            qtbot.waitUntil(lambda: "沒有申請人照片" in compare.toolTip())  # the button still says why
        qtbot.keyClick(desk.table, Qt.Key.Key_F1)
        assert desk.help_overlay.isVisible()
        assert [text for _group, keys, text in desk.help_overlay.entries if keys == "C"] == [
            "並排比對申請人照片與身分證明文件"
        ], kind
        qtbot.keyClick(desk.help_overlay, Qt.Key.Key_Escape)
        assert not desk.help_overlay.isVisible()
