"""Reading a printed PDF back, as a person or a search would: text, images, fonts (poppler and PDFium)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image


def pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def text(path: Path, page: int) -> str:
    """pdftotext of one page (1-based)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True, capture_output=True, timeout=60,
    )
    return out.stdout.decode("utf-8")


def pdfium_text(path: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        p = pdf[page - 1]
        tp = p.get_textpage()
        try:
            return str(tp.get_text_range())
        finally:
            tp.close()
            p.close()
    finally:
        pdf.close()


def plain(value: str) -> str:
    """For comparing: whitespace (line breaks, the layout's spaces) removed, nothing else changed: the
    text must read back exactly as written (no Kangxi-radical twins such as ⼤ for 大)."""
    return "".join(value.split())


@dataclass(frozen=True)
class ImageInfo:
    page: int
    width: int
    height: int
    colour: str
    encoding: str
    x_ppi: int


def images(path: Path) -> list[ImageInfo]:
    out = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, timeout=60)
    found = []
    for line in out.stdout.decode().splitlines()[2:]:
        cols = line.split()
        found.append(ImageInfo(int(cols[0]), int(cols[3]), int(cols[4]), cols[5], cols[8], int(cols[12])))
    return found


def extract_images(path: Path, page: int, folder: Path) -> list[Image.Image]:
    """The images drawn on one page, as stored in the PDF (pdfimages -png)."""
    prefix = folder / f"p{page}"
    command = ["pdfimages", "-png", "-f", str(page), "-l", str(page), str(path), str(prefix)]
    subprocess.run(command, check=True, timeout=60)
    result = []
    for file in sorted(folder.glob(f"p{page}-*.png")):
        with Image.open(file) as image:
            result.append(image.convert("RGB"))
    return result


def image_boxes(path: Path, page: int) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) in points of every image object on a page (PDFium)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        p = pdf[page - 1]
        try:
            return [obj.get_bounds() for obj in p.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))]
        finally:
            p.close()
    finally:
        pdf.close()


def fonts(path: Path) -> str:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, timeout=60)
    return out.stdout.decode()
