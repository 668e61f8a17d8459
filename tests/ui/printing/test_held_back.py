"""The counsellor's view and eligibility at print time: a post whose inmate is under a restriction
today waits under 暫緩轉交 with the reason and is never printed from the list; a released inmate's
post is under 無法轉交 with 出監."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.core.timeutil import local
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import (
    Facility,
    Inmate,
    Post,
    PrintRecord,
    Restriction,
    ServiceApplication,
)
from reviewer_app.shared_db.movements import record_release, record_transfer
from reviewer_app.ui.common import executors
from reviewer_app.ui.printing.print_view import PrintView
from tests.ui.printing.checks import approved_ids, settle
from tests.ui.printing.conftest import open_view


def inmate_of(engine: Engine, post: int) -> int:
    with Session(engine) as s:
        return s.scalar(
            select(ServiceApplication.inmate_id)
            .join(Post, Post.service_id == ServiceApplication.id)
            .where(Post.id == post)
        )  # type: ignore[return-value]


def shown(view: PrintView, key: str) -> dict[int, str]:
    """The posts under a filter, with the notes column's text."""
    view.set_filter(key)
    view.model.check_all(True)
    posts = view.checked_posts()
    view.model.check_all(False)
    out = {}
    for unit in range(view.model.rowCount()):
        u = view.model.index(unit, 0)
        for i in range(view.model.rowCount(u)):
            inmate = view.model.index(i, 0, u)
            for k in range(view.model.rowCount(inmate)):
                note = view.model.index(k, 5, inmate).data(Qt.ItemDataRole.DisplayRole)
                out[posts[len(out)].post_id] = str(note or "")
    return out


def test_held_back_and_released_posts_wait_in_their_lanes_with_the_reason(
    qtbot: QtBot, shared_engine: Engine, journal: Journal, store: DocumentStore, tmp_path: Path
) -> None:
    held, released, *printable = approved_ids(shared_engine)
    today = local(datetime.now(UTC)).date()
    with Session(shared_engine) as s, s.begin():
        s.add(
            Restriction(
                inmate_id=inmate_of(shared_engine, held),
                kind="protective_isolation",
                starts_on=today - timedelta(days=1),
                ends_on=today + timedelta(days=3),
            )
        )
        record_release(s, inmate_of(shared_engine, released), datetime.now(UTC))

    view = open_view(qtbot, shared_engine, journal, store)
    try:
        waiting = shown(view, "held_back")
        assert list(waiting) == [held]
        assert "隔離保護中" in waiting[held] and f"{today + timedelta(days=3):%m/%d}" in waiting[held]
        assert released in shown(view, "undeliverable")
        assert held not in shown(view, "to_print") and released not in shown(view, "to_print")

        view.set_filter("held_back")
        view.model.check_all(True)
        view.export_pdf(tmp_path / "x.pdf", record=True)
        settle(qtbot, view)
        with Session(shared_engine) as s:
            assert s.scalar(select(PrintRecord.id).where(PrintRecord.post_id == held)) is None
        assert set(printable) <= set(shown(view, "to_print"))

        # The counsellor's morning lists both as held back, each with its reason.
        view.morning_action.trigger()
        morning = view.morning_dialog
        assert morning is not None
        tree = morning.held_tree
        rows = {
            row.text(1): row.text(2)
            for row in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
            if row is not None
        }
        assert "隔離保護中" in rows[f"#{held}"] and "出監" in rows[f"#{released}"]
        morning.close()
    finally:
        view.shutdown()
        assert executors.finish_all(30_000)


def test_an_undeliverable_post_goes_back_to_to_print_from_the_list(
    qtbot: QtBot, view: PrintView, shared_engine: Engine
) -> None:
    post = approved_ids(shared_engine)[0]
    book, now = view.desk.book, view.desk.clock()
    book.record_print([post], printed_by="counsellor", workstation="ws-print-01", now=now)
    book.record_handover(
        [post],
        outcome="undeliverable",
        reason="other",
        note="收容人住院中",
        handed_over_by="黃輔導員",
        handed_over_at=now,
        recorded_by="counsellor",
        workstation="ws-print-01",
        now=now,
    )
    view.refresh()
    settle(qtbot, view)
    assert "收容人住院中" in shown(view, "undeliverable")[post]
    assert not view.commands.back_to_print.isEnabled()
    view.model.set_checked([post])
    assert view.commands.back_to_print.isEnabled()

    with qtbot.waitSignal(view.handedOver, timeout=30_000):
        view.commands.back_to_print.trigger()
    settle(qtbot, view)

    assert post in shown(view, "to_print")
    assert "待列印" in view.message_label.text() or "To print" in view.message_label.text()
    with Session(shared_engine) as s:
        assert s.scalar(select(Post.status).where(Post.id == post)) == "approved"


def test_the_old_facility_sees_a_post_left_with_its_inmate(
    qtbot: QtBot, shared_engine: Engine, journal: Journal, store: DocumentStore, tmp_path: Path
) -> None:
    post = approved_ids(shared_engine)[0]
    with Session(shared_engine) as s, s.begin():
        other = Facility(code="TPN", name="臺北監獄")
        s.add(other)
        s.flush()
        moved_to = Inmate(facility_id=other.id, call_number="3301", name="某某某", housing_unit="仁舍 1 房")
        s.add(moved_to)
        s.flush()
        record_transfer(s, inmate_of(shared_engine, post), moved_to.id, datetime.now(UTC))
    view = open_view(qtbot, shared_engine, journal, store)
    try:
        view.resize(1366, 768)
        assert post not in shown(view, "all")
        assert view.transferred_label.isVisible()
        assert "臺北監獄" in view.transferred_label.text()
        view.grab().save(str(tmp_path / "transferred.png"))
    finally:
        view.shutdown()
        assert executors.finish_all(30_000)
