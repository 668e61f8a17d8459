"""Demo document files decode, have the stated sizes and behave like the real thing."""

from __future__ import annotations

import io
import random
import time
from datetime import date

import pypdfium2 as pdfium
import pytest
from PIL import ExifTags, Image, ImageOps, ImageStat

from reviewer_app.demo import documents, drawing, names


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_the_demo_documents_are_drawn_with_the_shipped_font() -> None:
    """The same demo documents on every machine, Chinese included, whatever fonts the system has."""
    path = documents.cjk_font_path()
    assert path is not None and path.endswith("NotoSansTC-Regular.otf")


def test_id_card() -> None:
    rng = random.Random(1)
    nid = names.national_id(rng, "F")
    data = documents.id_card_image(rng, "陳雅婷", nid, date(1986, 3, 14))
    image = _open(data)
    assert image.format == "JPEG"
    assert image.size == (1000, 630)
    assert documents.id_card_image(
        random.Random(9), "陳雅婷", nid, date(1986, 3, 14)
    ) == documents.id_card_image(random.Random(9), "陳雅婷", nid, date(1986, 3, 14))


def test_household_register() -> None:
    data = documents.household_register_image(
        random.Random(2), [("陳志明", "戶長"), ("林雅婷", "妻"), ("陳宇軒", "長子")]
    )
    image = _open(data)
    assert image.format in {"JPEG", "PNG"}
    assert image.size == (1400, 1000)


@pytest.mark.parametrize("pages", [1, 3])
def test_relationship_proof_pdf(pages: int) -> None:
    data = documents.relationship_proof_pdf(random.Random(3), "林雅婷", "陳志明", "配偶", pages=pages)
    assert data.startswith(b"%PDF-")
    pdf = pdfium.PdfDocument(data)
    try:
        assert len(pdf) == pages
        width, height = pdf[0].get_size()
        assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4 in points
    finally:
        pdf.close()


def test_relationship_proof_pdf_is_deterministic() -> None:
    # Pillow writes the current time as CreationDate unless given one: the generator passes its own.
    data = documents.relationship_proof_pdf(random.Random(4), "王美玲", "陳志明", "母", pages=1)
    assert documents.relationship_proof_pdf(random.Random(4), "王美玲", "陳志明", "母", pages=1) == data
    pdf = pdfium.PdfDocument(data)
    try:
        metadata = pdf.get_metadata_dict()
    finally:
        pdf.close()
    assert metadata["Title"] == "戶籍謄本（樣本）"
    assert metadata["CreationDate"].endswith("093000Z")


def test_relationship_proof_pdf_needs_a_page() -> None:
    with pytest.raises(ValueError):
        documents.relationship_proof_pdf(random.Random(3), "林雅婷", "陳志明", "配偶", pages=0)


def _is_sky(image: Image.Image, top: bool) -> bool:
    band = max(1, image.height // 20)
    box = (0, 0, image.width, band) if top else (0, image.height - band, image.width, image.height)
    r, g, b = ImageStat.Stat(image.convert("RGB").crop(box)).mean
    return b > r + 40 and b > g


def test_full_size_photo_is_photo_like() -> None:
    data = documents.family_photo(random.Random(4))
    image = _open(data)
    assert image.size == (4000, 3000)
    assert len(data) >= 1_500_000  # compresses like a phone photo, not like a drawing
    exif = image.getexif()
    assert exif.get(ExifTags.Base.Orientation, 1) == 1
    assert exif[ExifTags.Base.Make] and exif[ExifTags.Base.Model]
    assert exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal]
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert _is_sky(image, top=True) and not _is_sky(image, top=False)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_photo_orientation_shows_upright(orientation: int) -> None:
    data = documents.family_photo(random.Random(5), 400, 300, exif_orientation=orientation, quality=80)
    stored = _open(data)
    assert stored.size == (400, 300)
    if orientation != 1:
        assert stored.getexif()[ExifTags.Base.Orientation] == orientation
    upright = ImageOps.exif_transpose(stored)
    assert upright.size == ((300, 400) if orientation >= 5 else (400, 300))
    assert _is_sky(upright, top=True) and not _is_sky(upright, top=False)
    if orientation in (3, 4):
        assert not _is_sky(stored, top=True)  # stored upside down


def test_photo_gps() -> None:
    image = _open(documents.family_photo(random.Random(6), 320, 240, gps=True))
    gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
    latitude = [float(v) for v in gps[ExifTags.GPS.GPSLatitude]]
    assert 21.5 < latitude[0] + latitude[1] / 60 + latitude[2] / 3600 < 25.5


def test_photo_is_deterministic() -> None:
    assert documents.family_photo(random.Random(7), 320, 240) == documents.family_photo(
        random.Random(7), 320, 240
    )
    assert documents.family_photo(random.Random(7), 320, 240) != documents.family_photo(
        random.Random(8), 320, 240
    )


def test_applicant_photo() -> None:
    image = _open(documents.applicant_photo(random.Random(8), "林雅婷"))
    assert image.format == "JPEG"
    assert image.size == (800, 1000)


@pytest.mark.parametrize("target", [14 * 1024 * 1024, 10 * 1024 * 1024 + 1, 250_000, 5_000])
def test_sized_jpeg(target: int) -> None:
    start = time.perf_counter()
    data = documents.sized_jpeg(random.Random(target), target)
    assert time.perf_counter() - start < 3
    assert target <= len(data) <= target * 1.05
    image = _open(data)
    assert image.format == "JPEG"


def test_sized_jpeg_too_small() -> None:
    with pytest.raises(ValueError):
        documents.sized_jpeg(random.Random(1), 100)


def test_screenshot_png() -> None:
    data = documents.screenshot_png(random.Random(9), "孩子期中考進步了，我們都在等你回家。" * 3)
    image = _open(data)
    assert image.format == "PNG"
    assert image.width == 720 and 300 < image.height < 2000
    assert len(data) < 500_000


def test_works_without_a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawing, "cjk_font_path", lambda: None)
    drawing._font.cache_clear()
    try:
        assert _open(documents.id_card_image(random.Random(1), "陳雅婷", "A123456789", date(1990, 1, 1)))
        assert _open(documents.screenshot_png(random.Random(1), "孩子期中考進步了"))
    finally:
        drawing._font.cache_clear()
