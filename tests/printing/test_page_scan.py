"""A page code scanned at one workstation for a page printed, or reprinted, at another: the keys come
with the list from the shared database, so the page is found, and a replaced page is known as such."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.journal import Journal
from reviewer_app.journal.page_scan import HANDED_OVER, REPLACED, WRONG_INMATE, hand_over_scanned
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.sync.service import Sync, facility_of
from tests.printing.conftest import Counsellor


def test_a_page_printed_elsewhere_is_found_and_its_reprint_replaces_it(
    qtbot: QtBot, counsellor: Counsellor, shared: Engine, tmp_path: Path
) -> None:
    office = counsellor.desk
    office.refresh()
    post = office.to_print()[0]
    other = next(p for p in office.to_print() if p.inmate.id != post.inmate.id)
    first = office.print_pdf([post], tmp_path / "first.pdf").batch.records[0].key
    office.push()

    # The counsellor on the wing, at another workstation with a journal of its own.
    journal = Journal(tmp_path / "wing-journal.sqlite3")
    try:
        sync = Sync(shared, journal, "counsellor", "ws-wing", facility_of(shared, "counsellor"))
        wing = PrintDesk(sync, counsellor.store.fetch_to_print, "黃輔導員")
        wing.refresh()

        def scan(key: str, inmate_id: int) -> str:
            return hand_over_scanned(
                wing.book,
                key,
                inmate_id=inmate_id,
                handed_over_by="黃輔導員",
                recorded_by="counsellor",
                workstation="ws-wing",
                now=wing.clock(),
            ).result

        assert scan(first, other.inmate.id) == WRONG_INMATE
        again = [p for p in office.queue() if p.post_id == post.post_id]
        second = office.print_pdf(again, tmp_path / "again.pdf", reprint_reason="污損").batch.records[0].key
        office.push()
        wing.refresh()
        assert scan(first, post.inmate.id) == REPLACED
        assert wing.book.handovers(("pending", "synced", "conflict")) == []
        assert scan(second, post.inmate.id) == HANDED_OVER
        assert [h.post_id for h in wing.book.handovers()] == [post.post_id]
    finally:
        journal.close()
