"""The desk window's own modules, imported on the GUI thread while the sign-in dialog waits for the
member (issue #23): after Enter only the window is built, not imported as well (about 0.1 s here).

They define Qt classes, which are made on the GUI thread only, so they are not left to the sign-in's
worker: that one loads SQLAlchemy, the models and the rest below the interface first
(``commands.desk.load_desk_modules``), and these follow when it is done, one module each turn of the
event loop, so that a key the member presses meanwhile waits for one import at most (a few ms).
"""

from __future__ import annotations

import importlib
import logging

from reviewer_app.qt import QTimer

log = logging.getLogger(__name__)

#: Each after the ones it imports, so that each turn imports about one module; the window last.
MODULES = (
    "reviewer_app.ui.common.live_texts",
    "reviewer_app.ui.common.language_menu",
    "reviewer_app.ui.common.text_keys",
    "reviewer_app.ui.common.announcer",
    "reviewer_app.ui.common.help_overlay",
    "reviewer_app.ui.viewer.image_view",
    "reviewer_app.ui.viewer.compare_pane",
    "reviewer_app.ui.desk.accessible_names",
    "reviewer_app.ui.desk.menus",
    "reviewer_app.ui.desk.desk_data",
    "reviewer_app.ui.desk.second_look",
    "reviewer_app.ui.desk.reject_dialog",
    "reviewer_app.ui.desk.decision_panel",
    "reviewer_app.ui.desk.decisions",
    "reviewer_app.ui.desk.sync_controller",
    "reviewer_app.ui.queue.queue_pane",
    "reviewer_app.ui.viewer.document_viewer",
    "reviewer_app.ui.desk.main_window",
    "reviewer_app.ui.desk.role_windows",
    "reviewer_app.ui.access.idle_lock",
)


def import_in_turns(modules: tuple[str, ...] = MODULES) -> None:
    """Import ``modules`` on the GUI thread, one each turn of its event loop (call it there)."""
    waiting = iter(modules)

    def next_one() -> None:
        name = next(waiting, None)
        if name is None:
            return
        try:
            importlib.import_module(name)
        except Exception:  # the desk imports it again when it opens, and says so there
            log.exception("importing %s ahead of the desk failed", name)
            return
        QTimer.singleShot(0, next_one)

    QTimer.singleShot(0, next_one)
