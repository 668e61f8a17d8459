"""The desk's actions and menus: what each key does and where it is listed.

Functions of the window (they set its ``*_action`` attributes), kept apart from the window's layout
and flow. The words keep the window's translation context ("MainWindow").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer_app.qt import QCoreApplication, Qt, QWidget
from reviewer_app.ui.common.language_menu import add_language_actions
from reviewer_app.ui.common.live_texts import LiveTexts
from reviewer_app.ui.common.shortcuts import make_action
from reviewer_app.ui.common.shortcuts_dialog import ShortcutsDialog

if TYPE_CHECKING:
    from reviewer_app.ui.desk.main_window import MainWindow

translate = QCoreApplication.translate


def build_actions(window: MainWindow) -> None:
    """The desk's own actions (with their shortcuts), kept as the window's attributes."""
    window.undo_action = make_action(
        window,
        lambda: translate("MainWindow", "Undo the last decision"),
        ["Ctrl+Z"],
        window.undo_last,
        "undoAction",
        "decide",
        lambda: translate("MainWindow", "Undo the last decision not yet synced"),
    )
    window.next_action = make_action(
        window, lambda: translate("MainWindow", "Next item"), ["J"], window.select_next, "nextAction", "queue"
    )
    window.previous_action = make_action(
        window,
        lambda: translate("MainWindow", "Previous item"),
        ["K"],
        window.select_previous,
        "previousAction",
        "queue",
    )
    window.find_action = make_action(
        window,
        lambda: translate("MainWindow", "Search the queue"),
        ["Ctrl+F", "/"],
        window.focus_search,
        "findAction",
        "queue",
    )
    window.kind_filter_action = make_action(
        window,
        lambda: translate("MainWindow", "Filter by kind"),
        ["Alt+1"],
        lambda: open_filter(window, window.queue.kind_filter),
        "kindFilterAction",
        "queue",
    )
    window.status_filter_action = make_action(
        window,
        lambda: translate("MainWindow", "Filter by status"),
        ["Alt+2"],
        lambda: open_filter(window, window.queue.status_filter),
        "statusFilterAction",
        "queue",
    )
    window.flag_filter_action = make_action(
        window,
        lambda: translate("MainWindow", "Filter by rule flag"),
        ["Alt+3"],
        lambda: open_filter(window, window.queue.flag_filter),
        "flagFilterAction",
        "queue",
    )
    window.queue_focus_action = make_action(
        window,
        lambda: translate("MainWindow", "Back to the queue"),
        ["Alt+Q"],
        window.restore_focus,
        "queueFocusAction",
        "queue",
    )
    window.focus_mode_action = make_action(
        window,
        lambda: translate("MainWindow", "Focus on the document"),
        ["F11"],
        None,
        "focusModeAction",
        "documents",
        lambda: translate("MainWindow", "Hide the queue: the document and the decision get the whole window"),
    )
    window.focus_mode_action.setCheckable(True)
    window.focus_mode_action.toggled.connect(window.set_focus_mode)
    window.sync_action = make_action(
        window, lambda: translate("MainWindow", "Sync now"), ["F5"], window.sync_now, "syncAction", "desk"
    )
    window.roc_action = make_action(
        window,
        lambda: translate("MainWindow", "Show dates with ROC (民國) years"),
        ["Ctrl+Shift+Y"],
        None,
        "rocYearsAction",
        "desk",
    )
    window.roc_action.setCheckable(True)
    window.roc_action.setChecked(window.preferences.roc_years)
    window.roc_action.toggled.connect(window.preferences.set_roc_years)
    window.help_action = make_action(
        window,
        lambda: translate("MainWindow", "Keyboard shortcuts"),
        ["F1", "?"],
        window.toggle_help,
        "helpAction",
        "desk",
    )
    window.close_action = make_action(
        window, lambda: translate("MainWindow", "Quit"), ["Ctrl+Q"], window.close, "quitAction", "desk"
    )


def build_menus(window: MainWindow) -> None:
    """The menu bar: Review, Documents, Settings (dates, language), Help. Their titles follow the
    language (``window.menu_texts``)."""
    bar = window.menuBar()
    texts = window.menu_texts = LiveTexts()
    review = bar.addMenu("")
    texts.bind(review.setTitle, lambda: translate("MainWindow", "&Review"))
    review.addActions([window.panel.approve_action, window.panel.reject_action, window.undo_action])
    review.addSeparator()
    review.addActions([window.next_action, window.previous_action, window.find_action])
    review.addActions([window.kind_filter_action, window.status_filter_action, window.flag_filter_action])
    review.addSeparator()
    review.addActions([window.sync_action, window.close_action])
    v = window.viewer
    documents = bar.addMenu("")
    texts.bind(documents.setTitle, lambda: translate("MainWindow", "&Documents"))
    documents.addActions([v.next_document_action, v.previous_document_action])
    documents.addSeparator()
    documents.addActions([v.zoom_in_action, v.zoom_out_action, v.fit_action, v.fit_page_action])
    documents.addAction(v.actual_size_action)
    documents.addActions([v.rotate_right_action, v.rotate_left_action])
    documents.addActions([v.next_page_action, v.previous_page_action])
    documents.addSeparator()
    documents.addActions([v.compare_action, v.focus_view_action, window.focus_mode_action])
    settings = bar.addMenu("")
    texts.bind(settings.setTitle, lambda: translate("MainWindow", "&Settings"))
    settings.setObjectName("settingsMenu")
    settings.addAction(window.roc_action)
    shortcuts_action = settings.addAction("")
    texts.bind(shortcuts_action.setText, lambda: translate("MainWindow", "Keyboard shortcuts…"))
    shortcuts_action.setObjectName("shortcutsAction")
    shortcuts_action.triggered.connect(lambda: open_shortcuts(window))
    language = settings.addMenu("")
    texts.bind(language.setTitle, lambda: translate("MainWindow", "Language"))
    language.setObjectName("languageMenu")
    window.language_actions = add_language_actions(language, window.preferences, window)
    help_menu = bar.addMenu("")
    texts.bind(help_menu.setTitle, lambda: translate("MainWindow", "&Help"))
    help_menu.addAction(window.help_action)
    # Menus show names and shortcuts; tooltips are for the buttons (they name the shortcuts too).
    for menu in (review, documents, settings, help_menu):
        menu.setToolTipsVisible(False)


def open_shortcuts(window: MainWindow) -> None:
    """Settings → Keyboard shortcuts…: a new dialog with the keys in use now."""
    dialog = ShortcutsDialog(window, window.preferences)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.shortcuts_dialog = dialog
    dialog.open()


def open_filter(window: MainWindow, combo: QWidget) -> None:
    """Alt+1…3: the queue's filter opens its list, ready for the arrow keys (out of focus mode)."""
    window.set_focus_mode(False)
    combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
    show_popup = getattr(combo, "showPopup", None)
    if callable(show_popup):
        show_popup()
