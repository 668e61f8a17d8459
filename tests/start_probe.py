"""Run by tests/ui/test_start.py in a fresh process: `reviewer-app` started as a workstation starts it,
watching which thread imports SQLAlchemy. Once the sign-in window has painted and its worker has
nothing left to do, it prints one JSON line and cancels the sign-in.

    python -m tests.start_probe --database-url URL

The line: {"painted": true, "sqlalchemy_on_gui_thread_before_paint": [module names],
"loaded_off_the_gui_thread": [those of WATCHED the worker imported while the member could type],
"not_needed_before_paint": [those of NOT_NEEDED the GUI thread imported before the paint],
"worker_imports_before_paint": [anything another thread imported before it],
"qt_namespace_before_paint": whether PySide6 had built its Qt namespace (all of Qt's enums) by then}.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

#: What the desk needs after Enter: loaded by the dialog's worker, it is not loaded after Enter.
WATCHED = {"sqlalchemy.orm", "reviewer_app.journal", "reviewer_app.sync.service", "sqlite3", "psycopg"}
#: What the sign-in window does without (each costs milliseconds before it is on screen): Qt Network
#: (the single desk's socket), time zones (dates), the print command's rules.
NOT_NEEDED = {"PySide6.QtNetwork", "zoneinfo", "reviewer_app.ui.common.dates", "reviewer_app.core.items"}
state: dict[str, Any] = {
    "painted": False,
    "sqlalchemy_on_gui_thread_before_paint": [],
    "loaded_off_the_gui_thread": [],
    "not_needed_before_paint": [],
    "worker_imports_before_paint": [],
    "qt_namespace_before_paint": None,
}


class SqlAlchemyWatch(MetaPathFinder):
    """Notes SQLAlchemy modules the GUI thread imports before the sign-in window has painted."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        on_gui_thread = threading.current_thread() is threading.main_thread()
        if fullname.split(".")[0] == "sqlalchemy" and on_gui_thread and not state["painted"]:
            state["sqlalchemy_on_gui_thread_before_paint"].append(fullname)
        if fullname in WATCHED and not on_gui_thread:
            state["loaded_off_the_gui_thread"].append(fullname)
        if not state["painted"]:
            if on_gui_thread and fullname in NOT_NEEDED:
                state["not_needed_before_paint"].append(fullname)
            elif not on_gui_thread:
                state["worker_imports_before_paint"].append(fullname)
        return None  # the normal finders import it


def main() -> int:
    sys.meta_path.insert(0, SqlAlchemyWatch())
    from reviewer_app.cli import main as reviewer_app
    from reviewer_app.qt import QDialog, QEvent, QObject, QTimer
    from reviewer_app.ui.access.signin_dialog import SignInDialog
    from reviewer_app.ui.common.app import make_application

    app = make_application(sys.argv[:1])  # the desk reuses it: the watch below sees its windows

    def cancel(dialog: QDialog) -> None:
        if isinstance(dialog, SignInDialog) and dialog.is_working():
            QTimer.singleShot(20, lambda: cancel(dialog))  # its worker is still loading the desk
            return
        state["loaded_off_the_gui_thread"].sort()
        print(json.dumps(state), flush=True)
        dialog.reject()

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and watched.objectName() == "signInDialog"
                and not state["painted"]
                and isinstance(watched, QDialog)
            ):
                state["painted"] = True
                state["qt_namespace_before_paint"] = "Qt" in vars(sys.modules["PySide6.QtCore"])
                QTimer.singleShot(0, lambda: cancel(watched))
            return False

    probe = Probe()
    app.installEventFilter(probe)
    return reviewer_app(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
