"""Demo posts printed to PDF and read back: a page a post plus the attachment pages; call number, title
and body are text; the photo is embedded, sized for print and upright; the font travels with the file."""

from __future__ import annotations

import re
import signal
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.printing.jobs import PrintRun
from reviewer_app.printing.render import PrintFailed
from reviewer_app.shared_db.models import Post, PrintRecord
from tests.printing import pdfread, world
from tests.printing.conftest import Counsellor, Seeded

FURNITURE = re.compile(r"聯絡簿編號\d+|第\d+／\d+頁|呼號\d+\S{1,10}?家庭聯絡簿（續）")


@pytest.fixture
def printed(qtbot: QtBot, counsellor: Counsellor, tmp_path: Path) -> tuple[PrintRun, Path, list[int]]:
    """Every approved post of the seeded facility printed to one PDF, as the morning batch does."""
    counsellor.desk.refresh()
    posts = counsellor.desk.to_print()
    out = tmp_path / "batch.pdf"
    run = counsellor.desk.print_pdf(posts, out)
    return run, out, [p.post_id for p in posts]


def page_ranges(run: PrintRun) -> dict[int, range]:
    ranges, first = {}, 1
    for post_id, count in run.summary.pages_per_post.items():
        ranges[post_id] = range(first, first + count)
        first += count
    return ranges


def test_a_page_per_post_then_its_attachment_pages(
    printed: tuple[PrintRun, Path, list[int]], seeded: Seeded
) -> None:
    run, out, ids = printed
    assert len(ids) >= 8  # the demo's approved posts and the four made for these tests
    assert list(run.summary.pages_per_post) == ids  # printed in walking order, every one
    assert pdfread.pages(out) == run.summary.pages == sum(run.summary.pages_per_post.values())
    for post_id, count in run.summary.pages_per_post.items():
        if post_id == seeded.with_pdf:
            assert count == 3  # its page and the 2 pages of 獎狀.pdf
        elif post_id == seeded.long_text:
            assert count >= 2  # continues, nothing cut off
        else:
            assert count == 1, post_id


def test_call_number_title_and_body_are_text(
    printed: tuple[PrintRun, Path, list[int]], counsellor: Counsellor
) -> None:
    run, out, _ = printed
    ranges = page_ranges(run)
    for post in counsellor.desk.queue():
        pages = ranges[post.post_id]
        # The page numbers and the continued-page heading sit between a long text's pages.
        poppler = FURNITURE.sub("", pdfread.plain("".join(pdfread.text(out, n) for n in pages)))
        pdfium = FURNITURE.sub("", pdfread.plain("".join(pdfread.pdfium_text(out, n) for n in pages)))
        snap = post.snapshot
        for expected in (
            f"呼號{snap.inmate.call_number}",
            snap.inmate.name,
            snap.inmate.housing_unit,
            snap.applicant.name,
            snap.title,
            snap.body,
            "收件人簽名",
            "轉交人",
        ):
            assert pdfread.plain(expected) in poppler, (post.post_id, expected)
            assert pdfread.plain(expected) in pdfium, (post.post_id, expected)


def test_the_photo_is_embedded_at_print_resolution(
    printed: tuple[PrintRun, Path, list[int]], seeded: Seeded
) -> None:
    run, out, _ = printed
    ranges = page_ranges(run)
    listed = pdfread.images(out)
    by_page: dict[int, list[pdfread.ImageInfo]] = {}
    for image in listed:
        by_page.setdefault(image.page, []).append(image)
    for post_id, pages in ranges.items():
        first = pages[0]
        if post_id == seeded.damaged:
            assert first not in by_page  # no picture, and the page says why (below)
            continue
        if post_id == seeded.long_text:
            assert sum(len(by_page.get(n, [])) for n in pages) == 1
            continue
        (photo,) = by_page[first]
        assert photo.colour == "rgb"  # in colour
        # About 150 dpi at its drawn size: what an office laser printer shows of a photo; the PDF stays
        # small and a morning's batch prints in seconds.
        assert photo.x_ppi <= 160  # (a smaller photo keeps its pixels: never enlarged in the file)
        (box,) = pdfread.image_boxes(out, first)
        left, bottom, right, top = box
        assert left >= 0 and right <= 595.5 and bottom >= 0 and top <= 842.5  # on the A4 page
        if photo.width > photo.height:
            assert right - left == pytest.approx((210 - 30) / 25.4 * 72, rel=0.01)  # the full width
    big = by_page[ranges[seeded.with_pdf][0]][0]
    assert (big.width, big.height) == (1063, 797)  # 1600×1200 sized to the full width (180 mm) at 150 dpi
    for n in list(ranges[seeded.with_pdf])[1:]:  # the attachment pages: a picture each
        (page_image,) = by_page[n]
        assert page_image.x_ppi >= 250  # rendered for print, not a thumbnail
    damaged = pdfread.plain(pdfread.text(out, ranges[seeded.damaged][0]))
    assert pdfread.plain("附件「壞掉的照片.jpg」無法列印") in damaged
    assert any("壞掉的照片.jpg" in note for note in run.summary.notes)


def test_a_photo_stored_sideways_comes_out_upright(
    printed: tuple[PrintRun, Path, list[int]], seeded: Seeded, tmp_path: Path
) -> None:
    run, out, _ = printed
    page = page_ranges(run)[seeded.sideways][0]
    (image,) = pdfread.extract_images(out, page, tmp_path)
    assert image.height > image.width  # portrait, as the phone was held
    top = image.getpixel((image.width // 2, image.height // 8))
    bottom = image.getpixel((image.width // 2, image.height * 7 // 8))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    assert top[0] > 180 and top[2] < 90, top  # red above
    assert bottom[2] > 180 and bottom[0] < 90, bottom  # blue below
    (box,) = pdfread.image_boxes(out, page)
    assert box[3] - box[1] > box[2] - box[0]  # drawn portrait on the page too


def test_the_shipped_font_is_embedded(printed: tuple[PrintRun, Path, list[int]]) -> None:
    _, out, _ = printed
    listing = pdfread.fonts(out)
    rows = [line for line in listing.splitlines() if "NotoSansTC" in line]
    assert rows, listing
    assert all(" yes " in row for row in rows)  # embedded


def test_printing_records_the_batch_in_the_journal_only_until_pushed(
    printed: tuple[PrintRun, Path, list[int]], counsellor: Counsellor
) -> None:
    run, _, ids = printed
    assert sorted(run.batch.post_ids) == sorted(ids)
    assert {p.local_status for p in counsellor.desk.queue()} == {"printed"}
    engine = counsellor.sync.engine
    with Session(engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"approved"}
    pushed = counsellor.desk.push()
    assert pushed.records.prints == len(ids) and pushed.records.conflicts == 0
    with Session(engine) as s:
        assert set(s.scalars(select(Post.status).where(Post.id.in_(ids)))) == {"printed"}
        rows = s.scalars(select(PrintRecord)).all()
    assert sorted(r.post_id for r in rows) == sorted(ids)
    assert {(r.printed_by, r.workstation, r.copies, r.reprint, r.batch_key) for r in rows} == {
        ("counsellor", "ws-print", 1, False, run.batch.key)
    }


def test_a_hundred_pages_stay_a_reasonable_size(
    qtbot: QtBot, counsellor: Counsellor, shared: object, tmp_path: Path
) -> None:
    """Photos straight from a phone (4000×3000) are drawn at about 150 dpi, not at full size."""
    engine = counsellor.sync.engine
    photo = world.jpeg(4000, 3000)
    uploads = [[(photo, "image/jpeg", f"IMG_{n}.jpg")] for n in range(5)]
    ids = [world.approved_post(engine, files, title=f"第 {n} 則") for n, files in enumerate(uploads)]
    counsellor.desk.refresh()
    posts = [p for p in counsellor.desk.to_print() if p.post_id in ids]
    out = tmp_path / "phone.pdf"
    counsellor.desk.print_pdf(posts, out)
    listed = pdfread.images(out)
    assert len(listed) == 5
    assert all(i.width <= 1063 and i.x_ppi <= 160 for i in listed)
    assert out.stat().st_size < 2 * 1_000_000  # well under half a megabyte a page


def test_printing_leaves_no_family_photos_on_the_workstation(
    printed: tuple[PrintRun, Path, list[int]], counsellor: Counsellor
) -> None:
    run, _, ids = printed
    assert run.summary.posts == len(ids) > 0
    assert counsellor.store.cache.files() == []  # fetched to print, not kept in the document cache


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_printed_pdf_is_the_users_alone(qtbot: QtBot, counsellor: Counsellor, tmp_path: Path) -> None:
    """#19: the morning batch holds families' names, messages and photos: 0600 under the usual umask."""
    import os
    import stat

    counsellor.desk.refresh()
    out = tmp_path / "batch.pdf"
    old = os.umask(0o022)
    try:
        counsellor.desk.print_pdf(counsellor.desk.to_print(), out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="file-size limits are a POSIX facility")
def test_a_pdf_the_disk_cannot_take_whole_is_not_recorded_as_printed(
    qtbot: QtBot, counsellor: Counsellor, tmp_path: Path
) -> None:
    """The disk fills while the morning batch is written (here a file-size limit on this process, whose
    writes then fail as on a full disk): the print fails with a clear message, no post is marked
    printed, no broken PDF is left under the name asked for, and the batch prints once there is room."""
    import resource

    counsellor.desk.refresh()
    posts = counsellor.desk.to_print()
    out = tmp_path / "batch.pdf"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    before = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write(), not a killed process
    # Room for the journal to record the run (it stays below this), not for the whole PDF.
    limit = counsellor.journal.path.stat().st_size + 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        with pytest.raises(PrintFailed, match="未登錄為已列印"):
            counsellor.desk.print_pdf(posts, out)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, before)
    assert sorted(p.name for p in tmp_path.glob("batch*")) == []
    counsellor.desk.refresh()
    assert [p.post_id for p in counsellor.desk.to_print()] == [p.post_id for p in posts]  # still to print

    run = counsellor.desk.print_pdf(posts, out)
    assert pdfread.pages(out) == run.summary.pages
    assert sorted(p.name for p in tmp_path.glob("batch*")) == ["batch.pdf"]
    assert out.stat().st_size > limit  # the whole PDF could not have been written under the limit
