"""The printing copy of the shipped font: the same glyphs, without the Kangxi-radical twins that would
make a PDF's text read back as ⼤家 instead of 大家, under its own family name."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont
from pytestqt.qtbot import QtBot

from reviewer_app.assets import font_path
from reviewer_app.printing import pdf_font
from reviewer_app.printing.render import new_pdf_printer, print_font_family
from reviewer_app.qt import QFont, QPainter, QPointF
from tests.printing import pdfread

WORDS = "大家都很想你，長大了；子女、人、工作、日期、黃輔導員、第 1／2 頁～"


@pytest.fixture(scope="module")
def shipped() -> bytes:
    return font_path().read_bytes()


@pytest.fixture(scope="module")
def copy(shipped: bytes) -> bytes:
    return pdf_font.searchable_copy(shipped)


def test_only_the_twins_leave_the_character_map(shipped: bytes, copy: bytes) -> None:
    before, after = pdf_font.character_map(shipped), pdf_font.character_map(copy)
    gone = set(before) - set(after)
    assert gone == pdf_font.twins_to_drop(before)
    assert {0x2F24, 0x2ED1, 0x2215, 0x301C} <= gone  # ⼤ ⻑ ∕ 〜
    assert all(0x2000 <= cp <= 0x303F for cp in gone)
    assert all(after[cp] == glyph for cp, glyph in before.items() if cp not in gone)  # same glyphs
    for ch in WORDS:
        assert after[ord(ch)] == before[ord(ch)], ch
    bmp = pdf_font.bmp_character_map(copy)  # the format 4 map agrees with the full one
    assert bmp == {cp: g for cp, g in after.items() if cp < 0xFFFF}


def test_the_copy_draws_exactly_like_the_shipped_font(shipped: bytes, copy: bytes) -> None:
    def draw(data: bytes) -> Image.Image:
        font = ImageFont.truetype(io.BytesIO(data), 48)
        image = Image.new("L", (1800, 80), 255)
        ImageDraw.Draw(image).text((4, 4), WORDS, font=font, fill=0)
        return image

    original, printed = draw(shipped), draw(copy)
    assert ImageChops.difference(original, printed).getbbox() is None
    assert ImageFont.truetype(io.BytesIO(copy), 12).getname() == (pdf_font.PRINT_FAMILY, "Regular")


def test_a_pdf_reads_back_as_written(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "words.pdf"
    printer = new_pdf_printer(out)
    painter = QPainter(printer)
    font = QFont(print_font_family())
    font.setPixelSize(200)
    painter.setFont(font)
    painter.drawText(QPointF(100, 400), WORDS)
    painter.end()
    assert print_font_family() == pdf_font.PRINT_FAMILY
    assert pdfread.plain(pdfread.text(out, 1)) == pdfread.plain(WORDS)
    assert pdfread.plain(pdfread.pdfium_text(out, 1)) == pdfread.plain(WORDS)


def test_not_a_font_is_refused() -> None:
    with pytest.raises(pdf_font.FontFormatError):
        pdf_font.searchable_copy(b"%PDF-1.4 not a font at all")
