"""The print view on the shared workers: closing it never waits for them, a print run it started is
recorded all the same, and another open print view shows what this one printed and handed over."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.journal.printing import PrintJournal
from reviewer_app.qt import QDialogButtonBox
from reviewer_app.ui.common import executors
from reviewer_app.ui.printing.print_view import PrintView
from tests.ui.common.held import held, occupy
from tests.ui.printing.checks import approved_ids, settle
from tests.ui.printing.conftest import open_view


def test_closing_returns_at_once_and_a_print_run_waiting_for_its_worker_is_recorded(
    qtbot: QtBot, view: PrintView, journal: Journal, tmp_path: Path
) -> None:
    """The counsellor exports a PDF and closes the view while the documents' worker is still busy and
    the journal slow: the view goes at once; the print run is painted and recorded afterwards."""
    release = occupy(executors.documents())
    ids = sorted(p.post_id for p in view.model.posts())
    view.model.check_all(True)
    with held(journal.engine, r"INSERT INTO print_outbox"):
        view.export_pdf(tmp_path / "run.pdf", record=True)
        started = time.monotonic()
        view.close()
        closed_in = time.monotonic() - started
        release.set()
    assert executors.finish_all(30_000)  # what run_desk does at process exit
    assert closed_in < 1.0
    fresh = Journal(journal.path)  # read back from the file
    try:
        assert sorted(p.post_id for p in PrintJournal(fresh).prints()) == ids
    finally:
        fresh.close()


def test_a_hand_over_recorded_in_one_print_view_shows_in_another(
    qtbot: QtBot,
    view: PrintView,
    shared_engine: Engine,
    journal: Journal,
    store: DocumentStore,
    tmp_path: Path,
) -> None:
    other = open_view(qtbot, shared_engine, journal, store)
    try:
        ids = approved_ids(shared_engine)
        view.model.check_all(True)
        with qtbot.waitSignal(view.printed, timeout=60_000):
            view.export_pdf(tmp_path / "run.pdf", record=True)
        settle(qtbot, view)
        settle(qtbot, other)
        assert other.model.rowCount() == 0  # the other view's "to print" list is empty now too
        view.batch_combo.activated.emit(1)  # the print run just made
        view.handover_checked()
        dialog = view.handover_dialog
        assert dialog is not None
        dialog.delivered.setChecked(True)
        dialog.recipient_edit.setText("本人")
        with qtbot.waitSignal(other.refreshed, timeout=60_000):
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            assert ok is not None
            ok.click()
        # The other view heard the hand-over at once, and hears the push that follows it: its list is
        # final once this view's push is done (no refresh left in either).
        settle(qtbot, view)
        settle(qtbot, other)
        other.set_filter("delivered")
        assert sorted(p.post_id for p in other.model.posts()) == sorted(ids)
    finally:
        other.shutdown()
