"""Fixtures for the desk: a real seeded shared SQLite database, a real journal and sync, the real window."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.db import make_engine, upgrade
from reviewer_app.demo.seed import STAFF_USERNAME, seed
from reviewer_app.journal.journal import Journal
from reviewer_app.sync import Sync, facility_of
from reviewer_app.ui.desk_data import DeskData, load_desk
from reviewer_app.ui.main_window import DeskContext, MainWindow

WORKSTATION = "ws-test-01"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded shared database per test session; each test works on its own copy."""
    path = tmp_path_factory.mktemp("seed") / "shared.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed(engine, families=12, full_documents=0)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def shared_engine(tmp_path: Path, seeded_template: Path) -> Iterator[Engine]:
    path = tmp_path / "shared.sqlite3"
    shutil.copy(seeded_template, path)
    engine = make_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture
def sync(shared_engine: Engine, journal: Journal) -> Sync:
    facility_id = facility_of(shared_engine, STAFF_USERNAME)
    return Sync(shared_engine, journal, STAFF_USERNAME, WORKSTATION, facility_id)


def make_context(journal: Journal, sync: Sync | None, tmp_path: Path) -> DeskContext:
    return DeskContext(
        journal=journal,
        sync=sync,
        staff_username=STAFF_USERNAME,
        staff_display_name="李社工師",
        workstation=WORKSTATION,
        settings_path=tmp_path / "desk.ini",
    )


def idle(window: MainWindow) -> bool:
    """Nothing running in the background and the last reload shown."""
    return not window.journal_tasks.is_busy() and not window.sync_tasks.is_busy()


def open_desk(qtbot: QtBot, context: DeskContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: idle(window) and window.model.rowCount() > 0)
    return window


@pytest.fixture
def desk_factory(
    qtbot: QtBot, journal: Journal, shared_engine: Engine, tmp_path: Path
) -> Iterator[Callable[[Sync | None], MainWindow]]:
    """Opens desks; closes them (stopping their workers) before the databases are closed."""
    windows: list[MainWindow] = []

    def factory(sync: Sync | None) -> MainWindow:
        window = open_desk(qtbot, make_context(journal, sync, tmp_path))
        windows.append(window)
        return window

    yield factory
    for window in windows:
        window.close()  # stops the workers before the databases go away


@pytest.fixture
def desk(desk_factory: Callable[[Sync | None], MainWindow], sync: Sync) -> MainWindow:
    """The review desk after one pull of the seeded queue."""
    sync.pull()
    return desk_factory(sync)


def desk_data(journal: Journal) -> DeskData:
    return load_desk(journal, datetime.now(UTC))
