"""The files families really send, good and bad, made here byte by byte (nothing checked in)."""

from __future__ import annotations

import functools
import io
import random
import struct
import zipfile
import zlib

from PIL import Image

from reviewer_app.demo import documents
from tests.documents import pdfgen


@functools.cache
def photo(orientation: int = 1, gps: bool = False, size: tuple[int, int] = (640, 480)) -> bytes:
    """A phone photo with EXIF (camera, capture date) — the common case."""
    return documents.family_photo(random.Random(7), *size, exif_orientation=orientation, gps=gps)


@functools.cache
def screenshot() -> bytes:
    return documents.screenshot_png(random.Random(8), "孩子很乖")


@functools.cache
def proof_pdf(pages: int = 2) -> bytes:
    return documents.relationship_proof_pdf(random.Random(9), "林雅婷", "陳志明", "配偶", pages=pages)


def png(image: Image.Image, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **params)
    return out.getvalue()


def jpeg(image: Image.Image, **params: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", **params)
    return out.getvalue()


def transparent_png() -> bytes:
    """A red square on a fully transparent background (a sticker, a cut-out)."""
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((255, 0, 0, 255), (10, 10, 30, 30))
    return png(image)


def grey16_png() -> bytes:
    """A 16-bit greyscale scan: left half mid-grey, right half white."""
    image = Image.new("I;16", (64, 8), 0x8000)
    image.paste(0xFFFF, (32, 0, 64, 8))
    return png(image)


def truncated(data: bytes, keep: float = 0.6) -> bytes:
    return data[: int(len(data) * keep)]


def bit_flipped(data: bytes, bits: list[int]) -> bytes:
    """`data` with the given bits (counted from the start of the file) inverted."""
    out = bytearray(data)
    for bit in bits:
        out[(bit // 8) % len(out)] ^= 1 << (bit % 8)
    return bytes(out)


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A few hundred bytes whose header claims 10 gigapixels (all-zero rows compress to nothing)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (width + 1) * 4)  # just the start of the rows
    chunks = _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def jpeg_bomb(width: int = 65_000, height: int = 65_000) -> bytes:
    """A real small JPEG whose frame header is rewritten to claim width×height pixels."""
    data = bytearray(jpeg(Image.new("RGB", (16, 16), (200, 100, 50))))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def many_scans(scans: int = 3000) -> bytes:
    """A progressive JPEG with thousands of scans (its smallest one repeated): refused before decoding,
    since crafted files of many scans can keep a decoder busy for minutes."""
    data = jpeg(Image.open(io.BytesIO(photo())), progressive=True)
    starts = [i for i in range(len(data) - 1) if data[i : i + 2] == b"\xff\xda"]
    segments = [data[a:b] for a, b in zip(starts, [*starts[1:], len(data) - 2], strict=True)]
    return data[:-2] + min(segments, key=len) * scans + b"\xff\xd9"


def html_page() -> bytes:
    page = "<!DOCTYPE html>\n<html><head><title>登入逾時</title></head><body>請重新登入</body></html>\n"
    return page.encode()


def zip_archive() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("身分證.jpg", photo())
    return out.getvalue()


def docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def heic() -> bytes:
    """The start of an iPhone HEIC photo (ISO BMFF, brand "heic")."""
    return struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00" + b"mif1heic" + bytes(200)


def encrypted_pdf() -> bytes:
    return pdfgen.simple(1, user_password="secret")


def owner_protected_pdf() -> bytes:
    """No password to open, only permissions (like e-government certificates): it must show."""
    return pdfgen.simple(2, user_password="")


def photo_of_size(size: int) -> bytes:
    """A real phone photo made exactly `size` bytes long with JPEG comment segments after its start
    (some cameras and editors write big ones): its type and size are the family's, its pixels few."""
    data = photo()
    assert size >= len(data) + 4
    padding, left = [], size - len(data)
    while left:
        piece = min(left, 65_537)  # a segment: marker, length, at most 65,533 bytes of comment
        if 0 < left - piece < 4:  # the last one needs room for its marker and length
            piece -= 4
        padding.append(b"\xff\xfe" + struct.pack(">H", piece - 2) + b"\x00" * (piece - 4))
        left -= piece
    return data[:2] + b"".join(padding) + data[2:]
