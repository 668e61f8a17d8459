"""The counsellor's view on the seeded demo database, shown and loaded, with the app's garbage collection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.sync.service import Sync, facility_of
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.gui_gc import GuiThreadCollector
from reviewer_app.ui.printing.print_view import PrintView


def open_view(qtbot: QtBot, shared_engine: Engine, journal: Journal, store: DocumentStore) -> PrintView:
    """A print view on the journal, shown and with its list loaded."""
    sync = Sync(shared_engine, journal, "counsellor", "ws-print-01", facility_of(shared_engine, "counsellor"))
    v = PrintView(journal, sync, store, staff_display_name="黃輔導員")
    qtbot.addWidget(v)
    v.resize(1400, 800)
    v.show()
    qtbot.waitExposed(v)
    qtbot.waitUntil(lambda: not v.is_busy() and v.model.rowCount() > 0)
    return v


@pytest.fixture
def store(shared_engine: Engine, tmp_path: Path) -> Iterator[DocumentStore]:
    s = DocumentStore(shared_engine, tmp_path / "document-cache", None)
    yield s
    s.close()


@pytest.fixture
def view(qtbot: QtBot, shared_engine: Engine, journal: Journal, store: DocumentStore) -> Iterator[PrintView]:
    # As in the app (run_desk): the cycle collector runs on the GUI thread only, never on the view's
    # workers, so garbage holding a widget is never freed off the GUI thread.
    collector = GuiThreadCollector()
    try:
        v = open_view(qtbot, shared_engine, journal, store)
        yield v
        v.shutdown()
        assert executors.finish_all(30_000)  # what it left running ends before the databases close
    finally:
        collector.stop()  # automatic collection back for the other tests, whatever happened
