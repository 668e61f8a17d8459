"""The type is decided from the bytes; the limits come from the facility's policy plus hard caps."""

from __future__ import annotations

import pytest

from reviewer_app.core.policy import MB, Policy
from reviewer_app.documents import DocumentLimits, ImageDocument, PdfDocument, load_document
from reviewer_app.documents.limits import DEFAULT_MAX_BYTES, HARD_MAX_BYTES
from reviewer_app.documents.sniff import sniff, type_words
from tests.documents import corpus


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b"\xff\xd8\xff\xe0rest", "JPEG"),
        (b"\x89PNG\r\n\x1a\nrest", "PNG"),
        (b"%PDF-1.7\n", "PDF"),
        (b"junk before the header\n%PDF-1.4\n", "PDF"),
        (b"GIF89a", "GIF"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WEBP"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIC"),
        (b"PK\x03\x04", "ZIP"),
        (b"\xef\xbb\xbf  <!doctype html><html>", "HTML"),
        (b"BM\x36\x00\x0c\x00\x00\x00\x00\x00", "BMP"),
        (b"BMW 320i", "TXT"),
        ("申請書".encode(), "TXT"),
        (b"", "空檔案"),
    ],
)
def test_sniff(head: bytes, label: str) -> None:
    assert sniff(head).label == label


def test_office_files_are_named_as_office_files() -> None:
    assert sniff(corpus.docx()[:4096]).label == "DOCX"


def test_type_words_follow_the_guide() -> None:
    assert type_words(Policy().allowed_mime_types) == "JPG、PNG 或 PDF"
    assert type_words(("image/png", "image/jpeg")) == "JPG 或 PNG"
    assert type_words(("application/pdf",)) == "PDF"


def test_post_attachments_follow_p5_and_p6() -> None:
    limits = DocumentLimits.for_kind("post_attachment", Policy())
    assert limits.allowed_mime_types == ("application/pdf", "image/jpeg", "image/png")
    assert limits.byte_cap("image/jpeg") == 10 * MB  # P5: a photo at most 10 MB
    assert limits.byte_cap("application/pdf") == 20 * MB  # P6: 20 MB of attachments in all
    juvenile = DocumentLimits.for_kind("post_attachment", Policy(photo_max_bytes=20 * MB))
    assert juvenile.byte_cap("image/png") == 20 * MB


def test_photo_kinds_take_pictures_only() -> None:
    applicant = DocumentLimits.for_kind("applicant_photo", Policy())
    assert applicant.allowed_mime_types == ("image/jpeg", "image/png")
    post_photo = DocumentLimits.for_kind("post_photo", Policy())
    assert post_photo.max_bytes == 10 * MB and "application/pdf" not in post_photo.allowed_mime_types


def test_identity_documents_have_hard_caps_and_no_policy_lifts_them() -> None:
    limits = DocumentLimits.for_kind("id_document", Policy())
    assert (limits.max_bytes, limits.max_pixels, limits.max_pages) == (DEFAULT_MAX_BYTES, 60_000_000, 50)
    assert 0 < limits.page_seconds < 2
    generous = DocumentLimits.for_kind("post_attachment", Policy(attachments_max_total_bytes=10_000 * MB))
    assert generous.byte_cap("application/pdf") == HARD_MAX_BYTES


def test_a_policy_naming_types_otherwise_lets_the_loader_open_them() -> None:
    """R7: a facility's list written "image/JPG", "application/x-pdf" allows JPEG and PDF files."""
    policy = Policy(allowed_mime_types=("image/JPG", "application/x-pdf"))
    limits = DocumentLimits.for_kind("post_attachment", policy)
    photo = load_document(corpus.photo(), limits)
    pdf = load_document(corpus.proof_pdf(1), limits)
    assert isinstance(photo, ImageDocument) and isinstance(pdf, PdfDocument)
    pdf.close()
