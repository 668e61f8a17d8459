"""The desk command's sign-in step, as `reviewer-app` runs it before the desk opens."""

from __future__ import annotations

import gc

import pytest

from reviewer_app.commands.desk import sign_in
from reviewer_app.qt import QApplication, QTimer
from reviewer_app.ui.access.signin_dialog import SignInDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_while_the_sign_in_window_waits_garbage_is_collected_on_the_gui_thread(
    qapp: QApplication, sqlite_url: str
) -> None:
    """The sign-in window's worker loads SQLAlchemy and signs in while the member types. Python's
    automatic collector would run on that worker, and after an idle-lock sign-out the garbage it finds
    holds the closed desk's widgets, which Qt must not free there. So while the window waits,
    collection is the GUI thread's (as in the desk), and automatic again once it has gone."""
    assert gc.isenabled()
    seen: dict[str, bool] = {}

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(10, look)
            return
        seen["automatic"] = gc.isenabled()
        shown[0].reject()

    QTimer.singleShot(0, look)
    assert sign_in(qapp, sqlite_url, "reviewer") is None  # cancelled
    assert seen == {"automatic": False}
    assert gc.isenabled()

