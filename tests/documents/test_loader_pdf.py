"""PDFs: pages render on demand, on white, within the time and pixel limits; bad PDFs are named."""

from __future__ import annotations

import threading
import time

import pytest
from PIL import Image

from reviewer_app.core.policy import Policy
from reviewer_app.documents import DocumentLimits, PageError, PdfDocument, Rejected, load_document
from tests.documents import corpus, pdfgen

LIMITS = DocumentLimits.for_kind("relationship_proof", Policy())


def _pdf(data: bytes, limits: DocumentLimits = LIMITS) -> PdfDocument:
    result = load_document(data, limits)
    assert isinstance(result, PdfDocument), result
    return result


def _ink(image: Image.Image) -> int:
    """How many pixels are not white."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:250])


def test_pages_render_on_demand_at_the_asked_width_on_white() -> None:
    with _pdf(corpus.proof_pdf(3)) as pdf:
        assert pdf.metadata.pages == 3 and pdf.metadata.format_label == "PDF"
        page = pdf.render_page(2, 700)
        assert page.mode == "RGB" and page.width == 700
        assert abs(page.height / page.width - 842 / 595) < 0.01  # A4 keeps its shape
        assert _ink(page) > 1000
        with pytest.raises(IndexError):
            pdf.render_page(3, 700)
    with _pdf(pdfgen.simple(1)) as plain:  # a page with no background of its own: white, not transparent
        page = plain.render_page(0, 595)
    assert page.getpixel((2, 2)) == (255, 255, 255)
    blue = page.getpixel((72 + 100, 842 - 640))
    assert isinstance(blue, tuple) and blue[2] > 200 and blue[0] < 50


def test_a_closed_document_says_so_instead_of_crashing() -> None:
    pdf = _pdf(pdfgen.simple(1))
    pdf.close()
    pdf.close()  # twice is fine
    with pytest.raises(PageError) as closed:
        pdf.render_page(0, 300)
    assert closed.value.code == "closed"


def test_password_protected_pdf_is_refused_with_a_clear_reason() -> None:
    result = load_document(corpus.encrypted_pdf(), LIMITS)
    assert isinstance(result, Rejected)
    assert result.code == "encrypted" and "密碼" in result.reason


def test_pdf_with_only_permission_protection_is_shown() -> None:
    # Government e-certificates often forbid copying or printing but open without a password.
    with _pdf(corpus.owner_protected_pdf()) as pdf:
        assert pdf.metadata.pages == 2
        assert _ink(pdf.render_page(0, 400)) > 100


def test_thousands_of_pages_are_refused_quickly_without_rendering() -> None:
    data = pdfgen.many_pages(5000)
    start = time.perf_counter()
    result = load_document(data, LIMITS)
    assert time.perf_counter() - start < 2
    assert isinstance(result, Rejected) and result.code == "too_many_pages"
    assert "5,000 頁" in result.reason and "50 頁" in result.reason
    assert result.metadata is not None and result.metadata.pages == 5000


def test_huge_page_is_rendered_within_the_pixel_cap() -> None:
    limits = DocumentLimits(5 * 2**20, 2_000_000, 10, 1.5, ("application/pdf",))
    data = pdfgen.build([pdfgen.text_page()], media_box=(14400, 14400), resources=pdfgen.FONT_RESOURCES,
                        extra_objects=[pdfgen.FONT_OBJECT])
    with _pdf(data, limits) as pdf:
        page = pdf.render_page(0, 5000)
    assert page.width * page.height <= 2_000_000
    assert page.width == page.height


def test_image_bomb_inside_a_pdf_page_is_not_decoded() -> None:
    with _pdf(pdfgen.huge_image_page(40_000, 40_000)) as pdf:
        start = time.perf_counter()
        with pytest.raises(PageError) as refused:
            pdf.render_page(0, 800)
    assert time.perf_counter() - start < 2
    assert refused.value.code == "page_too_many_pixels" and "第 1 頁" in refused.value.reason


def test_a_page_too_slow_to_render_is_abandoned_at_the_time_limit() -> None:
    # Unlimited, this page takes about 1 s at 4000 px here; the limit is a tenth of that.
    limits = DocumentLimits(25 * 2**20, 60_000_000, 50, 0.1, ("application/pdf",))
    with _pdf(pdfgen.heavy_page(200_000), limits) as pdf:
        start = time.perf_counter()
        try:
            pdf.render_page(0, 4000)
        except PageError as exc:
            assert exc.code == "page_timeout" and "時限" in exc.reason
        else:
            pytest.fail("a page with 200 000 shapes at 4000 px should not render in 0.1 s")
        elapsed = time.perf_counter() - start
    assert elapsed < 1.5  # parsing plus at most one step of rendering past the limit


def test_rendering_from_several_threads_is_serialised_not_crashed() -> None:
    documents = [_pdf(corpus.proof_pdf(2)) for _ in range(3)]
    sizes: list[tuple[int, int]] = []
    errors: list[BaseException] = []

    def render(pdf: PdfDocument) -> None:
        try:
            for _ in range(3):
                for index in range(pdf.page_count):
                    sizes.append(pdf.render_page(index, 300).size)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=render, args=(pdf,)) for pdf in documents]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for pdf in documents:
        pdf.close()
    assert not errors
    assert len(sizes) == 3 * 3 * 2 and {w for w, _ in sizes} == {300}


def test_forgotten_documents_are_closed_by_the_garbage_collector_safely() -> None:
    for _ in range(20):
        pdf = _pdf(pdfgen.simple(1))
        pdf.render_page(0, 100)
        del pdf  # no close(): __del__ closes it under the lock
    with _pdf(pdfgen.simple(1)) as again:
        assert again.render_page(0, 100).width == 100
