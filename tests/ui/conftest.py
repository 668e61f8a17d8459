"""Fixtures for the desk: a real seeded shared SQLite database, a real journal and sync, the real window."""

from __future__ import annotations

import gc
import hashlib
import io
import shutil
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.demo.seed import STAFF_USERNAME, seed
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QApplication, Qt
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import Document, DocumentBlob, Post
from reviewer_app.sync.service import Sync, facility_of
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.gui_gc import GuiThreadCollector
from reviewer_app.ui.common.i18n import apply_language, load_font
from reviewer_app.ui.desk.desk_data import DeskData, load_desk
from reviewer_app.ui.desk.main_window import DeskContext, MainWindow
from reviewer_app.ui.queue.rows import ItemKey, QueueRow

WORKSTATION = "ws-test-01"


@pytest.fixture(scope="session", autouse=True)
def zh_tw(qapp: QApplication) -> None:
    """The desk as reviewers see it by default: zh-TW translation, the shipped Noto Sans TC font."""
    assert apply_language(qapp, "zh_TW"), "the zh-TW translation (.qm) must be built: make translations"
    load_font(qapp)


@pytest.fixture(autouse=True)
def gui_thread_collection(qapp: QApplication) -> Iterator[None]:
    """Every window under test collects garbage as the app does (ui/common/gui_gc.py): on the GUI thread
    only. Left automatic, a worker's collection can delete a widget off the GUI thread: a test's
    window then crashes the whole run (seen: a print list loading while a sync ran)."""
    collector = GuiThreadCollector(qapp)
    try:
        yield
    finally:
        collector.stop()
        collector.deleteLater()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded shared database per test session; each test works on its own copy."""
    path = tmp_path_factory.mktemp("seed") / "shared.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed(engine, families=16, full_documents=0)  # 16: one plain application too
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


def make_context(
    journal: Journal, sync: Sync | None, tmp_path: Path, documents: DocumentStore | None = None
) -> DeskContext:
    if documents is None and sync is not None:
        documents = DocumentStore(sync.engine, tmp_path / "document-cache", None)
    return DeskContext(
        journal=journal,
        sync=sync,
        staff_username=STAFF_USERNAME,
        staff_display_name="李社工師",
        workstation=WORKSTATION,
        settings_path=tmp_path / "desk.ini",
        documents=documents,
    )


def idle(window: MainWindow) -> bool:
    """Nothing running in the background (journal, sync, documents) and the last reload shown."""
    return not window.is_busy()


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
        window.close()
    assert executors.finish_all(30_000)  # the work they left (decisions) ends before the databases go


@pytest.fixture
def desk(desk_factory: Callable[[Sync | None], MainWindow], sync: Sync) -> MainWindow:
    """The review desk after one pull of the seeded queue."""
    sync.pull()
    return desk_factory(sync)


def proxy_rows(window: MainWindow) -> list[QueueRow]:
    rows = [window.proxy.row_for(r) for r in range(window.proxy.rowCount())]
    return [r for r in rows if r is not None]


def focus_the_queue(qtbot: QtBot, desk: MainWindow) -> None:
    """The keyboard in the queue of the active desk, as the reviewer's is: a shortcut fires only in
    the active window, and on a busy machine the window's activation and focus arrive later."""
    desk.activateWindow()
    desk.table.setFocus()
    qtbot.waitUntil(lambda: desk.isActiveWindow() and QApplication.focusWidget() is desk.table)


def go_to(qtbot: QtBot, window: MainWindow, key: ItemKey) -> None:
    """Move to an item with J/K, as a reviewer would."""
    focus_the_queue(qtbot, window)
    target = window.proxy.proxy_row_of(key)
    assert target is not None
    for _ in range(window.proxy.rowCount() + 1):
        current = window.table.currentIndex().row()
        if current == target:
            break
        qtbot.keyClick(window.table, Qt.Key.Key_J if current < target else Qt.Key.Key_K)
    assert window.selected_key() == key
    assert window.panel.detail() is not None and window.panel.detail().key == key  # type: ignore[union-attr]


def look_at_documents(qtbot: QtBot, window: MainWindow) -> None:
    """The reviewer looks at the selected item's documents before deciding: the viewer has opened every
    one (an approval needs that, R7) and the desk is idle."""
    qtbot.waitUntil(lambda: not window.viewer.not_seen() and idle(window))


def desk_data(journal: Journal) -> DeskData:
    return load_desk(journal, datetime.now(UTC))


# ---- extra items in the shared database (real rows, as the portal would write them) ------------------

Upload = tuple[str, bytes, str, str]  # (document kind, bytes, declared MIME type, file name)


def jpeg_bytes(width: int = 640, height: int = 480, colour: tuple[int, int, int] = (70, 120, 180)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", quality=85)
    return out.getvalue()


def pdf_bytes(pages: int) -> bytes:
    """A PDF of `pages` plain pages (made with Pillow, as a scanner app would)."""
    colours = [(250, 250, 240), (230, 240, 250), (240, 250, 230), (250, 235, 235)]
    images = [Image.new("RGB", (595, 842), colours[n % len(colours)]) for n in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=72)
    return out.getvalue()


def add_post(
    engine: Engine,
    uploads: Sequence[Upload],
    *,
    service_id: int | None = None,
    title: str = "孩子的近況",
    body: str = "孩子這學期很努力，我們都很想你。",
    hours_ago: float = 1,
) -> int:
    """A pending post of an approved family (an existing pending post's service, unless given)."""
    with Session(engine) as s, s.begin():
        if service_id is None:
            template = s.scalars(select(Post).where(Post.status == "pending").order_by(Post.id)).first()
            assert template is not None
            service_id = template.service_id
            facility_id = template.facility_id
        else:
            facility_id = s.scalars(select(Post.facility_id).where(Post.service_id == service_id)).first()
            assert facility_id is not None
        post = Post(
            facility_id=facility_id,
            service_id=service_id,
            title=title,
            body=body,
            submitted_at=datetime.now(UTC) - timedelta(hours=hours_ago),
        )
        for kind, data, mime, name in uploads:
            post.documents.append(
                Document(
                    facility_id=facility_id,
                    kind=kind,
                    filename=name,
                    mime_type=mime,
                    size_bytes=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                    blob=DocumentBlob(data=data),
                )
            )
        s.add(post)
        s.flush()
        return post.id


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """Widgets left over by a test are collected here, on the GUI thread. Left for later, Python's
    collector may run on a worker of the shared executors and destroy them there, which crashes Qt."""
    yield
    executors.finish_all(30_000)  # nothing a test left running spills into the next one
    gc.collect()
