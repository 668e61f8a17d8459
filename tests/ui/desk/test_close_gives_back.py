"""Quitting gives the queue back (#20 item 4): two workstations on one shared SQLite file. A's desk
holds the whole queue; B's desk says how many items colleagues are working on instead of looking
empty. A closes: the close returns at once (the release is a must-finish write in the background),
and B claims the items at once, not after the lease."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.journal.journal import Journal
from reviewer_app.qt import Qt
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import Post, ServiceApplication
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors
from reviewer_app.ui.desk.main_window import MainWindow
from tests.ui.common.held import held, occupy
from tests.ui.conftest import go_to, idle, look_at_documents, make_context, open_desk, proxy_rows

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture
def colleague(tmp_path: Path, shared_engine: Engine, sync: Sync) -> Iterator[Sync]:
    """Workstation B: the supervisor, on a machine of their own (own engine, own journal)."""
    engine = make_engine(str(shared_engine.url))
    journal = Journal(tmp_path / "b" / "journal.sqlite3")
    yield Sync(engine, journal, "supervisor", "ws-test-02", sync.who.facility_id)
    journal.close()
    engine.dispose()


def _held_by(engine: Engine, who: str) -> int:
    with Session(engine) as s:
        return sum(
            s.scalar(select(func.count()).select_from(m).where(m.claimed_by == who)) or 0
            for m in (Post, ServiceApplication)
        )


def test_closing_the_desk_gives_its_items_to_a_colleague_at_once(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, shared_engine: Engine, colleague: Sync
) -> None:
    a = open_desk(qtbot, make_context(journal, sync, tmp_path))
    qtbot.waitUntil(lambda: idle(a) and a.last_sync_label.text().startswith("上次同步"))
    taken = _held_by(shared_engine, "reviewer")
    assert taken == len(journal.items()) > 0

    # B's desk: nothing to claim, and it says why the queue is empty.
    b_context = dataclasses.replace(
        make_context(colleague.journal, colleague, tmp_path / "b"), staff_username="supervisor"
    )
    b = MainWindow(b_context)
    qtbot.addWidget(b)
    b.show()
    try:
        qtbot.waitUntil(lambda: idle(b) and b.last_sync_label.text().startswith("上次同步"))
        assert b.model.rowCount() == 0
        others = b.sync_controller.others_label
        assert others.isVisible() and str(taken) in others.text()
        assert b.queue.taken_note.isVisible() and str(taken) in b.queue.taken_note.text()

        with held(shared_engine, r"^UPDATE \w+ SET claimed_by") as release:
            a.close()  # Ctrl+Q: returns at once, while the release waits on the shared database
            assert not a.isVisible()
            assert release.reached.wait(10)
            assert _held_by(shared_engine, "reviewer") == taken
            release.release()
            assert executors.finish_all(30_000)  # the write is in the shared database afterwards
        assert _held_by(shared_engine, "reviewer") == 0

        b.sync_now()  # B's next sync (F5, or the minute's) claims them at once
        qtbot.waitUntil(lambda: idle(b) and b.model.rowCount() == taken)
        assert not b.sync_controller.others_label.isVisible()
        assert not b.queue.taken_note.isVisible()
    finally:
        b.close()
        assert executors.finish_all(30_000)


def test_a_decision_made_just_before_closing_is_sent_not_given_back(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, shared_engine: Engine
) -> None:
    """Ctrl+Enter then Ctrl+Q at once, while the journal's worker is still busy: the decision is
    written first, then pushed; its item is not given back as if undecided."""
    a = open_desk(qtbot, make_context(journal, sync, tmp_path))
    target = next(r.key for r in proxy_rows(a) if r.status == "pending" and not r.blocking_rules)
    go_to(qtbot, a, target)
    look_at_documents(qtbot, a)
    busy = occupy(executors.journal())  # the journal's worker is slow this moment
    qtbot.keyClick(a.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    a.close()
    busy.set()
    assert executors.finish_all(30_000)
    model = Post if target[0] == "post" else ServiceApplication
    with Session(shared_engine) as s:
        item = s.get(model, target[1])
        assert item is not None and item.status == "approved"
    assert journal.decisions(("pending",)) == []
