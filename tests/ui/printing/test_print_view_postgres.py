"""The counsellor's print view on PostgreSQL, connected as the counsellor's own login role: with the
national ID, birth dates and identity documents out of a counsellor's reach (need-to-know, migration
0009), the list still loads with the family's name, prints to PDF and its records reach the shared
database under the counsellor's name."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import Handover, Post, PrintRecord
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.gui_gc import GuiThreadCollector
from reviewer_app.ui.printing.print_view import PrintView
from tests import factories
from tests.printing import pdfread
from tests.staffdb import Login, PgLogins
from tests.ui.printing.checks import settle

pytestmark = pytest.mark.postgres


@dataclass
class World:
    admin: Engine
    facility: int
    posts: list[int]
    family_name: str
    counsellor: Login


@pytest.fixture
def world(pg_url: str, pg_logins: PgLogins) -> Iterator[World]:
    admin = factories.shared_engine(pg_url)
    with Session(admin) as s, s.begin():
        fac = factories.facility(s, "TTD")
        app = factories.family(s, fac)
        posts = [factories.post(s, app, submitted_at=factories.T0 - timedelta(days=40 * n)) for n in range(2)]
        for p in posts:
            p.status, p.version = "approved", 2
        s.flush()
        ids = (fac.id, [p.id for p in posts], app.applicant.name)
    yield World(admin, *ids, counsellor=pg_logins.add("counsellor", "TTD", ids[0]))
    admin.dispose()


@pytest.fixture
def view(qtbot: QtBot, world: World, tmp_path: Path) -> Iterator[PrintView]:
    collector = GuiThreadCollector()  # as in the app: garbage is collected on the GUI thread only
    login = world.counsellor
    engine = make_engine(login.url)
    journal = Journal(tmp_path / "journal.sqlite3")
    store = DocumentStore(engine, tmp_path / "document-cache", None)
    try:
        sync = Sync(engine, journal, login.username, "ws-print-pg", world.facility)
        v = PrintView(journal, sync, store, staff_display_name="黃輔導員")
        qtbot.addWidget(v)
        v.resize(1366, 768)
        v.show()
        qtbot.waitExposed(v)
        settle(qtbot, v)
        yield v
        v.shutdown()
        assert executors.finish_all(30_000)
    finally:
        collector.stop()
        store.close()
        journal.close()
        engine.dispose()


def test_the_counsellors_view_loads_prints_and_pushes_as_the_counsellor_login(
    qtbot: QtBot, view: PrintView, world: World, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30_000)
    assert "Something went wrong" not in view.message_label.text()
    assert "發生錯誤" not in view.message_label.text()
    queued = view.desk.queue()
    assert sorted(p.post_id for p in queued) == sorted(world.posts)
    assert {p.snapshot.applicant.name for p in queued} == {world.family_name}
    assert {p.snapshot.applicant.national_id_masked for p in queued} == {""}  # never read, not even masked
    if shots := os.environ.get("REVIEWER_SHOTS"):
        view.grab().save(str(Path(shots) / "print_view_postgres_counsellor.png"))
    view.model.check_all(True)
    out = tmp_path / "今天.pdf"
    with qtbot.waitSignal(view.printed, timeout=60_000) as printed:
        view.export_pdf(out, record=True)  # recorded as printed (an export alone records nothing)
    assert printed.args == [2]
    settle(qtbot, view)
    assert pdfread.pages(out) == 2
    with Session(world.admin) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(world.posts)))) == {"printed"}
        assert set(s.scalars(select(PrintRecord.printed_by))) == {world.counsellor.username}


def test_a_page_code_scanned_as_the_counsellor_login_records_its_hand_over_once(
    qtbot: QtBot, view: PrintView, world: World, tmp_path: Path
) -> None:
    """The scan goes the ordinary way: the journal, then the shared database's hand-over function."""
    from tests.ui.printing.test_page_code import page_codes, print_pdf, scan

    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=30_000)
    post = view.desk.to_print()[0]
    out = tmp_path / "今天.pdf"
    print_pdf(qtbot, view, [post], out)
    scan(qtbot, view, post.call_number)
    with qtbot.waitSignal(view.handedOver, timeout=30_000):
        scan(qtbot, view, page_codes(out)[0])
    settle(qtbot, view)
    with Session(world.admin) as s:
        assert s.get(Post, post.post_id).status == "delivered"  # type: ignore[union-attr]
        handed = list(s.scalars(select(Handover).where(Handover.post_id == post.post_id)))
    assert [(h.outcome, h.recorded_by, h.handed_over_by) for h in handed] == [
        ("delivered", world.counsellor.username, "黃輔導員")
    ]
