"""The code on every printed page, read back as a scanner would: the PDF rendered to a picture, the QR
code decoded from it (zxing-cpp, tests only), and the text typed into the counsellor view's scan field.
The hand-over it records is the ordinary one (journal, then pushed exactly once); a page handed to the
wrong inmate is refused loudly, and a page that was reprinted says so and records nothing."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.journal.printing import QueuedPost
from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import Handover, Post
from reviewer_app.ui.printing.print_view import PrintView
from tests.ui.printing.checks import settle

ALL_STATES = ("pending", "synced", "conflict")


def page_codes(path: Path) -> list[str]:
    """The QR code of every page of the PDF, as a scanner reads it off the paper (200 dpi)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for page in pdf:
            image = page.render(scale=200 / 72, grayscale=True).to_pil()
            found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            assert len(found) == 1, f"one code on each page, found {len(found)}"
            out.append(found[0].text)
            page.close()
        return out
    finally:
        pdf.close()


def scan(qtbot: QtBot, view: PrintView, text: str) -> None:
    """A barcode scanner: it types the text and presses Enter into the focused scan field."""
    view.scan_action.trigger()  # the shortcut that puts the cursor in the scan field
    assert view.scan_edit.hasFocus()
    qtbot.keyClicks(view.scan_edit, text)
    qtbot.keyClick(view.scan_edit, Qt.Key.Key_Return)


def print_pdf(qtbot: QtBot, view: PrintView, posts: list[QueuedPost], out: Path) -> None:
    view.model.check_all(False)
    view.model.set_checked([p.post_id for p in posts])
    with qtbot.waitSignal(view.printed, timeout=60_000):
        view.export_pdf(out, record=True)
    settle(qtbot, view)


def two_inmates(view: PrintView) -> tuple[QueuedPost, QueuedPost]:
    posts = view.desk.to_print()
    first = posts[0]
    other = next(p for p in posts if p.inmate.id != first.inmate.id)
    return first, other


def handovers(shared_engine: Engine, post_id: int) -> int:
    with Session(shared_engine) as s:
        return s.scalar(select(func.count()).select_from(Handover).where(Handover.post_id == post_id)) or 0


def test_the_code_read_off_a_printed_page_records_its_hand_over_once(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    post, _ = two_inmates(view)
    out = tmp_path / "今天.pdf"
    print_pdf(qtbot, view, [post], out)
    codes = page_codes(out)
    assert len(set(codes)) == 1  # every page of the post carries the same code
    code = codes[0]
    for name in (post.inmate.name, post.inmate.call_number, post.snapshot.applicant.name):
        assert name not in code  # no names in it

    scan(qtbot, view, post.call_number)  # the inmate's card (or chosen in the list)
    assert post.inmate.name in view.recipient_combo.currentText()
    with qtbot.waitSignal(view.handedOver, timeout=30_000) as handed:
        scan(qtbot, view, code)
    assert handed.args == [1]
    settle(qtbot, view)
    assert view.scan_edit.text() == ""  # ready for the next page
    assert "已轉交" in view.scan_result.text() or "Handed over" in view.scan_result.text()
    with Session(shared_engine) as s:
        assert s.get(Post, post.post_id).status == "delivered"
    assert handovers(shared_engine, post.post_id) == 1

    # The same page scanned again records nothing more.
    scan(qtbot, view, code)
    settle(qtbot, view)
    assert handovers(shared_engine, post.post_id) == 1
    assert len(view.desk.book.handovers(ALL_STATES)) == 1


def test_a_page_scanned_for_the_wrong_inmate_is_refused_loudly(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    post, other = two_inmates(view)
    out = tmp_path / "今天.pdf"
    print_pdf(qtbot, view, [post, other], out)
    code = page_codes(out)[0]

    scan(qtbot, view, other.call_number)  # the page of `post` handed to `other`
    with qtbot.waitSignal(view.announcer.announced, timeout=10_000) as said:
        scan(qtbot, view, code)
    settle(qtbot, view)
    assert view.scan_refused
    assert post.inmate.call_number in said.args[0] and other.inmate.call_number in said.args[0]
    assert view.scan_result.text() == said.args[0]
    assert view.desk.book.handovers(ALL_STATES) == []
    assert handovers(shared_engine, post.post_id) == 0

    # No inmate chosen: the page is not handed over blindly either.
    view.recipient_combo.setCurrentIndex(0)
    scan(qtbot, view, code)
    settle(qtbot, view)
    assert view.scan_refused
    assert view.desk.book.handovers(ALL_STATES) == []


def test_a_reprinted_page_has_a_new_code_and_the_old_one_says_it_was_replaced(
    qtbot: QtBot, view: PrintView, shared_engine: Engine, tmp_path: Path
) -> None:
    post, _ = two_inmates(view)
    first, second = tmp_path / "第一次.pdf", tmp_path / "補印.pdf"
    print_pdf(qtbot, view, [post], first)
    old = page_codes(first)[0]
    again = [p for p in view.desk.queue() if p.post_id == post.post_id]
    view.desk.print_pdf(again, second, reprint_reason="污損")
    view.refresh()
    settle(qtbot, view)
    new = page_codes(second)[0]
    assert new != old

    scan(qtbot, view, post.call_number)
    scan(qtbot, view, old)
    settle(qtbot, view)
    assert view.scan_refused
    assert "重印" in view.scan_result.text() or "reprinted" in view.scan_result.text()
    assert view.desk.book.handovers(ALL_STATES) == []

    with qtbot.waitSignal(view.handedOver, timeout=30_000):
        scan(qtbot, view, new)
    settle(qtbot, view)
    assert handovers(shared_engine, post.post_id) == 1


def test_a_code_that_is_no_page_of_this_list_is_refused(qtbot: QtBot, view: PrintView) -> None:
    post, _ = two_inmates(view)
    scan(qtbot, view, post.call_number)
    scan(qtbot, view, "CB:0123456789ABCDEF0123456789ABCDEF")
    settle(qtbot, view)
    assert view.scan_refused
    assert view.desk.book.handovers(ALL_STATES) == []
