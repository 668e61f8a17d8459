"""The first `reviewer-app demo` on a fresh profile: the desk is on screen at once, the demo data
arrives behind it. Before, the window showed only after the whole seed (12–16 s on a workstation).

The seed here is real (a few families) and held half-way by a gate, so the test knows it has not
finished when it looks at the window; nothing sleeps."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.commands.desk import _fill_demo, open_demo
from reviewer_app.demo.seed import is_empty
from reviewer_app.demo.seed_scenarios import COMMIT_EVERY, FIRST_BATCH
from reviewer_app.qt import QApplication, QEvent, QLabel, QObject, Qt, QTimer
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.ui.desk.demo_seeding import DemoSeeding, SeedingDialog
from reviewer_app.ui.desk.main_window import MainWindow
from tests.ui.conftest import idle

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def _visible_desk() -> MainWindow | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None
    )


def _seeding_label(window: MainWindow) -> QLabel | None:
    label = window.statusBar().findChild(QLabel, "demoSeeding")
    return label if label is not None and label.isVisible() else None


class HeldSeed:
    """The real seed of a few families, held after family `hold_at` (None: as soon as the staff
    are written, before the first family) until `release`."""

    def __init__(self, path: Path, families: int = 4, hold_at: int | None = 1) -> None:
        self.engine = make_engine(f"sqlite:///{path}")
        self.families = families
        self.hold_at = hold_at
        self.release = threading.Event()
        self.held = threading.Event()
        self.finished = threading.Event()

    def fill(
        self,
        progress: Callable[[int, int], None],
        staff_ready: Callable[[list], None],  # type: ignore[type-arg]
        queue_ready: Callable[[], None] | None,
    ) -> object:
        def hold() -> None:
            self.held.set()
            self.release.wait(60)

        def holding(done: int, total: int) -> None:
            progress(done, total)
            if done == self.hold_at:
                hold()

        def staff_written(staff: list) -> None:  # type: ignore[type-arg]
            staff_ready(staff)
            if self.hold_at is None:
                hold()

        try:
            return _fill_demo(self.engine, holding, staff_written, queue_ready, families=self.families)
        finally:
            self.finished.set()


def _unless_over_after(ms: int, action: Callable[[], None]) -> QTimer:
    """``action`` once ``ms`` have passed, unless the test stops the timer first, as it must when it
    ends: a bare ``QTimer.singleShot`` left behind closed the windows of whichever test ran 50 s
    later (the desk tests that failed now and then, their desk gone mid-test)."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(action)
    timer.start(ms)
    return timer


def _play(steps: list[Callable[[], bool]]) -> QTimer:
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: steps and steps[0]() and steps.pop(0))
    timer.start()
    return timer


def test_the_desk_is_shown_before_the_demo_data_and_fills_when_it_arrives(
    qapp: QApplication, tmp_path: Path
) -> None:
    seed = HeldSeed(tmp_path / "demo.sqlite3")
    seen: dict[str, object] = {}

    def desk_while_seeding() -> bool:
        window = _visible_desk()
        if window is None or not seed.held.is_set():
            return False
        seen["finished when shown"] = seed.finished.is_set()
        seen["rows while seeding"] = window.model.rowCount()
        seen["label while seeding"] = _seeding_label(window) is not None
        seed.release.set()
        return True

    def queue_filled() -> bool:
        window = _visible_desk()
        if window is None or window.model.rowCount() == 0 or not idle(window):
            return False
        seen["rows"] = window.model.rowCount()
        seen["label after"] = _seeding_label(window) is not None
        window.close()
        return True

    timer = _play([desk_while_seeding, queue_filled])
    try:
        status = open_demo(qapp, seed.engine, None, seed.fill)
    finally:
        timer.stop()
        seed.release.set()
    assert status == 0
    assert seen["finished when shown"] is False and seen["rows while seeding"] == 0
    assert seen["label while seeding"] is True  # 示範資料準備中…
    assert int(str(seen["rows"])) > 0 and seen["label after"] is False
    seed.engine.dispose()


def test_closing_the_desk_while_the_demo_data_arrives_keeps_nothing_of_it(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The member closes the window half-way: the seed stops, nothing half-written stays, and the next
    `reviewer-app demo` fills the database from the start."""
    seed = HeldSeed(tmp_path / "demo.sqlite3")

    def close_while_seeding() -> bool:
        window = _visible_desk()
        if window is None or not seed.held.is_set():
            return False
        window.close()
        seed.release.set()
        return True

    timer = _play([close_while_seeding])
    try:
        status = open_demo(qapp, seed.engine, None, seed.fill)
    finally:
        timer.stop()
        seed.release.set()
    assert status == 1
    assert "已取消建立示範資料" in capsys.readouterr().err
    assert is_empty(seed.engine)
    seed.engine.dispose()


def test_cancelling_the_supervisors_first_demo_keeps_nothing_of_it(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opened as the supervisor, whose windows read the shared data directly, the first demo waits for
    its data in a window counting the families, shown as soon as the seed has begun (held here before
    its first family); Escape (取消) there stops the seed and keeps nothing of it."""
    seed = HeldSeed(tmp_path / "demo.sqlite3", hold_at=None)
    seen: dict[str, object] = {}

    def cancel_while_seeding() -> bool:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, SeedingDialog)), None)
        if dialog is None or not dialog.isVisible() or not seed.held.is_set():
            return False
        if not dialog.isActiveWindow():  # the keyboard is in it, as the member's is
            dialog.activateWindow()
            return False
        seen["shown before the first family"] = not seed.release.is_set()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seed.release.set()
        return True

    timer = _play([cancel_while_seeding])
    guard = _unless_over_after(20_000, seed.release.set)  # a window that never shows: let the seed go on
    closing = _unless_over_after(60_000, qapp.closeAllWindows)  # a desk opened after all: fail, not hang
    try:
        status = open_demo(qapp, seed.engine, "supervisor", seed.fill)
    finally:
        timer.stop()
        guard.stop()
        closing.stop()
        seed.release.set()
    assert status == 1
    assert seen["shown before the first family"] is True
    assert "已取消建立示範資料" in capsys.readouterr().err
    assert _visible_desk() is None
    assert not any(isinstance(w, SeedingDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert is_empty(seed.engine)  # the next `reviewer-app demo` fills it from the start
    seed.engine.dispose()


def test_escape_in_the_seeding_window_stops_the_seed_even_before_the_window_is_active(
    qapp: QApplication, qtbot: QtBot
) -> None:
    """Escape reaching the window before the system has made it the active one (so not through the
    取消 button's shortcut) stops the seed all the same; it hid the window and let the seed go on."""
    seeding = DemoSeeding(lambda progress, staff_ready, queue_ready: None)  # not started: never over
    dialog = SeedingDialog(seeding)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isActiveWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert seeding.cancel_requested.is_set()
    assert dialog.isVisible() and dialog.labelText() == dialog.tr("Stopping…")


def _counts(engine: Engine) -> dict[str, int]:
    tables = ("facilities", "staff", "applicants", "inmates", "service_applications", "posts")
    tables += ("documents", "document_blobs", "decisions", "strikes", "suspensions", "appeals")
    with engine.connect() as connection:
        return {t: int(connection.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0) for t in tables}


def test_the_desk_has_a_queue_before_the_demo_data_is_all_in_and_the_seed_ends_whole(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The rule problems are committed first: the desk's queue shows them while the other families
    are still being built (held here one family after them); the seed then ends with everything a
    seed of the same families in one go makes."""
    families = FIRST_BATCH + 2 * COMMIT_EVERY
    seed = HeldSeed(tmp_path / "demo.sqlite3", families=families, hold_at=FIRST_BATCH + 1)
    seen: dict[str, object] = {}

    def queue_while_seeding() -> bool:
        window = _visible_desk()
        if window is None or not seed.held.is_set() or window.model.rowCount() == 0 or not idle(window):
            return False
        seen["finished when rows shown"] = seed.finished.is_set()
        seen["label with rows"] = _seeding_label(window) is not None
        seen["rows while seeding"] = window.model.rowCount()
        seed.release.set()
        return True

    def the_rest_arrives() -> bool:
        """Not at the minute's sync: as soon as the seed is over."""
        window = _visible_desk()
        if window is None or not seed.finished.is_set() or _seeding_label(window) is not None:
            return False
        if window.model.rowCount() <= int(str(seen["rows while seeding"])) or not idle(window):
            return False
        seen["rows after"] = window.model.rowCount()
        window.close()
        return True

    timer = _play([queue_while_seeding, the_rest_arrives])
    guard = _unless_over_after(50_000, qapp.closeAllWindows)  # what a member would not wait for
    try:
        status = open_demo(qapp, seed.engine, None, seed.fill)
    finally:
        timer.stop()
        guard.stop()
        seed.release.set()
    assert status == 0
    assert seen["finished when rows shown"] is False and seen["label with rows"] is True
    assert "rows after" in seen  # the families seeded after the first ones are in the queue
    whole = make_engine(f"sqlite:///{tmp_path / 'whole.sqlite3'}")
    _fill_demo(whole, lambda done, total: None, lambda staff: None, families=families)
    assert _counts(seed.engine) == _counts(whole)
    seed.engine.dispose()
    whole.dispose()


class _FirstRowsPainted(QObject):
    """Notes in `order` when the queue first paints rows."""

    def __init__(self, window: MainWindow, order: list[str]) -> None:
        super().__init__()
        self.window, self.order = window, order
        window.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.window.model.rowCount()
            and "rows painted" not in self.order
        ):
            self.order.append("rows painted")
        return False


def test_the_seed_waits_for_the_desk_to_show_its_first_rows(qapp: QApplication, tmp_path: Path) -> None:
    """Once the first families are in, the rest of the seed (drawing pictures on every core) waits
    until the desk has pulled and painted them: a new user's first queue comes before the rest."""
    engine = make_engine(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    order: list[str] = []
    watching: list[_FirstRowsPainted] = []

    def fill(
        progress: Callable[[int, int], None],
        staff_ready: Callable[[list], None],  # type: ignore[type-arg]
        queue_ready: Callable[[], None] | None,
    ) -> object:
        assert queue_ready is not None

        def first_families_in() -> None:
            queue_ready()
            order.append("seed goes on")

        return _fill_demo(engine, progress, staff_ready, first_families_in, families=FIRST_BATCH + 1)

    def watch_the_queue() -> bool:
        window = _visible_desk()
        if window is not None and not watching:
            watching.append(_FirstRowsPainted(window, order))
        return window is not None

    def both_seen() -> bool:
        window = _visible_desk()
        if window is None or len(order) < 2 or not idle(window):
            return False
        window.close()
        return True

    timer = _play([watch_the_queue, both_seen])
    guard = _unless_over_after(50_000, qapp.closeAllWindows)
    try:
        status = open_demo(qapp, engine, None, fill)
    finally:
        timer.stop()
        guard.stop()
    assert status == 0
    assert order == ["rows painted", "seed goes on"]
    engine.dispose()
