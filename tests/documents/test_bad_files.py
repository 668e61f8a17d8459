"""The corpus of bad files families send — each gets the verdict a reviewer can act on, quickly."""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable

import pytest
from PIL import ExifTags, Image, PngImagePlugin

from reviewer_app.core.policy import Policy
from reviewer_app.documents import DocumentLimits, ImageDocument, PdfDocument, Rejected, load_document
from reviewer_app.documents.loader import Verdict
from tests.documents import corpus, pdfgen

POST = DocumentLimits.for_kind("post_attachment", Policy())
PHOTO = DocumentLimits.for_kind("applicant_photo", Policy())


def _verdict(data: bytes, limits: DocumentLimits = POST) -> Verdict:
    start = time.perf_counter()
    result = load_document(data, limits)
    assert time.perf_counter() - start < 2
    return result


def _refused(data: bytes, limits: DocumentLimits = POST) -> Rejected:
    result = _verdict(data, limits)
    assert isinstance(result, Rejected), result
    assert result.reason and result.code
    return result


BAD: list[tuple[str, Callable[[], bytes], str, str]] = [
    # (case, file, code, words the reviewer must see)
    ("empty file", lambda: b"", "empty", "0 位元組"),
    ("truncated JPEG", lambda: corpus.truncated(corpus.photo()), "truncated", "不完整"),
    ("truncated PNG", lambda: corpus.truncated(corpus.screenshot()), "truncated", "不完整"),
    ("truncated PDF", lambda: corpus.truncated(corpus.proof_pdf()), "truncated", "不完整"),
    # a bit of the height in PNG's header: its checksum no longer matches
    ("PNG with a flipped bit in its header", lambda: corpus.bit_flipped(corpus.screenshot(), [20 * 8 + 1]),
     "damaged", "損毀"),
    ("JPEG with its frame header smashed", lambda: corpus.photo().replace(
        b"\xff\xc0", b"\xff\xc0\x00\x00\x00\x00", 1), "damaged", "損毀"),
    ("PDF with its page tree removed", lambda: corpus.proof_pdf().replace(b"/Pages", b"/Pagex"), "damaged",
     "損毀"),
    ("HTML saved as .jpg (a login page)", corpus.html_page, "not_allowed", "實際為 HTML 網頁"),
    ("ZIP renamed to .pdf", corpus.zip_archive, "not_allowed", "實際為 ZIP 壓縮檔"),
    ("Word document renamed", corpus.docx, "not_allowed", "實際為 Office 文件"),
    ("iPhone HEIC renamed to .jpg", corpus.heic, "not_allowed", "實際為 HEIC 圖片"),
    ("plain text", lambda: "我的身分證號碼".encode(), "not_allowed", "實際為 純文字檔"),
    ("tiny PNG claiming 10 gigapixels", corpus.png_bomb, "too_many_pixels", "解壓縮炸彈"),
    ("tiny JPEG claiming 4 gigapixels", corpus.jpeg_bomb, "too_many_pixels", "解壓縮炸彈"),
    ("progressive JPEG of 3000 scans", corpus.many_scans, "damaged", "掃描段數異常"),
    ("PDF of 5000 pages", lambda: pdfgen.many_pages(5000), "too_many_pages", "5,000 頁"),
    ("password-protected PDF", corpus.encrypted_pdf, "encrypted", "密碼"),
    ("random bytes", lambda: bytes(range(256)) * 8, "not_allowed", "無法辨識"),
]


@pytest.mark.parametrize(("case", "make", "code", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_file_gets_a_clear_reason(case: str, make: Callable[[], bytes], code: str, words: str) -> None:
    refused = _refused(make())
    assert refused.code == code, refused.reason
    assert words in refused.reason


def test_type_reason_names_the_allowed_types_as_the_guide_does() -> None:
    assert _refused(corpus.zip_archive()).reason == "檔案內容不是 JPG、PNG 或 PDF（實際為 ZIP 壓縮檔）"
    assert _refused(corpus.proof_pdf(), PHOTO).reason == "檔案內容不是 JPG 或 PNG（實際為 PDF 文件）"


def test_bomb_refusal_reports_the_claimed_dimensions() -> None:
    refused = _refused(corpus.png_bomb(100_000, 100_000))
    assert refused.metadata is not None
    assert (refused.metadata.width, refused.metadata.height) == (100_000, 100_000)
    assert "100,000×100,000" in refused.reason


def test_bomb_just_over_pillows_own_limit_is_ours_to_refuse_without_a_warning() -> None:
    # 9500×9500 = 90 MP: over Pillow's 89 MP warning threshold (which the suite turns into an error)
    refused = _refused(corpus.png_bomb(9_500, 9_500))
    assert refused.code == "too_many_pixels"


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("PNG named .jpg", corpus.screenshot),
        ("PDF named .jpg", lambda: corpus.proof_pdf(1)),
        ("JPEG named .png", corpus.photo),
    ],
)
def test_wrong_extension_is_judged_by_content(case: str, data: Callable[[], bytes]) -> None:
    result = _verdict(data())
    assert isinstance(result, ImageDocument | PdfDocument)
    if isinstance(result, PdfDocument):
        result.close()


def test_bit_flips_in_picture_data_still_get_a_verdict() -> None:
    # libjpeg shows a flipped bit in the compressed data as a smudge; what matters is a verdict.
    photo = corpus.photo()
    for offset in range(len(photo) // 2, len(photo), len(photo) // 17):
        result = _verdict(corpus.bit_flipped(photo, [offset * 8 + 3]))
        assert isinstance(result, ImageDocument | Rejected)


def test_loading_logs_no_bytes_and_no_identity_numbers(caplog: pytest.LogCaptureFixture) -> None:
    secret = "A223456781"
    caplog.set_level(logging.DEBUG)  # even with everything switched on (Pillow logs EXIF values at DEBUG)
    image = Image.open(io.BytesIO(corpus.photo()))
    exif = image.getexif()
    exif[ExifTags.Base.ImageDescription] = f"身分證 {secret}"
    described = corpus.jpeg(image, exif=exif)
    files = [
        f"<html>{secret}</html>".encode(),
        secret.encode(),
        corpus.truncated(described),
        described,
        corpus.png(Image.new("RGB", (8, 8)), pnginfo=_png_text(secret)),
    ]
    for data in files:
        result = _verdict(data)
        if isinstance(result, PdfDocument):
            result.close()
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records  # the loader does log what it refused, by code and size
    assert secret not in text
    assert "\\x" not in text and "b'" not in text


def _png_text(text: str) -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("Description", text)
    return info
