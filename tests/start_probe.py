"""Run by tests/ui/test_start.py in a fresh process: `reviewer-app` started as a workstation starts it,
watching which thread imports SQLAlchemy. Once the sign-in window has painted it prints one JSON line
and cancels the sign-in.

    python -m tests.start_probe --database-url URL

The line: {"painted": true, "sqlalchemy_on_gui_thread_before_paint": [module names]}.
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

state: dict[str, Any] = {"painted": False, "sqlalchemy_on_gui_thread_before_paint": []}


class SqlAlchemyWatch(MetaPathFinder):
    """Notes SQLAlchemy modules the GUI thread imports before the sign-in window has painted."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if (
            fullname.split(".")[0] == "sqlalchemy"
            and threading.current_thread() is threading.main_thread()
            and not state["painted"]
        ):
            state["sqlalchemy_on_gui_thread_before_paint"].append(fullname)
        return None  # the normal finders import it


def main() -> int:
    sys.meta_path.insert(0, SqlAlchemyWatch())
    from reviewer_app.cli import main as reviewer_app
    from reviewer_app.ui.app import make_application
    from reviewer_app.ui.qt import QDialog, QEvent, QObject, QTimer

    app = make_application(sys.argv[:1])  # the desk reuses it: the watch below sees its windows

    def cancel(dialog: QDialog) -> None:
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
                QTimer.singleShot(0, lambda: cancel(watched))
            return False

    probe = Probe()
    app.installEventFilter(probe)
    return reviewer_app(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
