"""A picture's perceptual hash, and how alike two pictures are by it (issue 21: what changed since a
rejection, reused images).

A difference hash in both directions with a dead zone: the picture in grey, shrunk to 17×16 and
16×17, and for each pair of neighbours (left and right, upper and lower) whether the first is
clearly brighter, clearly darker, or about the same (two bits: 10, 01 or 00). 1024 bits in all. The
dead zone keeps the flat parts of a picture (a wall, a sky, the plain background of a portrait)
from flipping with every recompression, which is what makes a plain difference hash call two
portraits with the same pose alike. Two hashes are compared by the share of the bits set in either
that differ.

Measured on the demo's pictures (tests/documents/test_perceptual.py keeps the cases): the same photo
recompressed at quality 35, resized to a fifth, or re-saved as PNG differs by at most 7 %; different
family photos by 37 % or more, different portraits by 10 % or more. Forms drawn on one design (two ID
cards) can come within a few per cent: for them only the very same picture counts as reused.

Written on Pillow alone: the `imagehash` package would bring NumPy, SciPy and PyWavelets (some
100 MB in the installer) for a hash that here is a dozen lines. The hash never decodes the whole
picture: a JPEG is decoded at libjpeg's smallest DCT scale that still covers 128×128 (``draft``), a
large PNG is first reduced by a whole factor (``reduce``, a box filter).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Final, Literal

from PIL import Image, ImageOps

from reviewer_app.documents.images import DECODE_ERRORS

_GRID: Final = 16
#: Bits of the hash: two per neighbour pair, 16×16 pairs across and 16×16 down.
BITS: Final = 4 * _GRID * _GRID
HEX_DIGITS: Final = BITS // 4
#: At most this share (per cent) of the bits set in either differ: the same picture.
SIMILAR_PERCENT: Final = 8
#: Forms drawn on one design (every ID card looks alike from afar): only the same picture.
FORM_PERCENT: Final = 0
FORM_KINDS: Final = frozenset({"id_document", "relationship_proof"})
#: Grey levels (of 255) by which a neighbour must differ to count as brighter or darker.
_DEAD_ZONE: Final = 3
#: The size the picture is brought to before the final shrink.
_WORKING: Final = 128

Likeness = Literal["same", "similar", "different"]


@dataclass(frozen=True)
class PerceptualHash:
    value: int

    @classmethod
    def from_hex(cls, text: str) -> PerceptualHash:
        return cls(int(text, 16))

    def hex(self) -> str:
        """As stored: exactly HEX_DIGITS digits (PostgreSQL reads it as bit(1024))."""
        return f"{self.value:0{HEX_DIGITS}x}"

    def distance(self, other: PerceptualHash) -> int:
        """The share (per cent, rounded down) of the bits set in either hash that differ."""
        differ = (self.value ^ other.value).bit_count()
        return 100 * differ // max(1, (self.value | other.value).bit_count())


def alike(a: PerceptualHash, b: PerceptualHash, kind: str = "") -> bool:
    """The same or nearly the same picture (``kind``: the document's kind; forms are stricter)."""
    return a.distance(b) <= (FORM_PERCENT if kind in FORM_KINDS else SIMILAR_PERCENT)


def likeness(
    a: PerceptualHash | None, b: PerceptualHash | None, *, same_bytes: bool = False
) -> Likeness | None:
    """The same file, a similar picture, or a different one; None when either could not be hashed
    (not a picture, or a file that does not decode)."""
    if same_bytes:
        return "same"
    if a is None or b is None:
        return None
    return "similar" if a.distance(b) <= SIMILAR_PERCENT else "different"


def _small_grey(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a decompression-bomb warning: the draft keeps it small anyway
        opened = Image.open(io.BytesIO(data))
        if opened.format == "JPEG":
            opened.draft("L", (_WORKING, _WORKING))  # libjpeg decodes at 1/2, 1/4 or 1/8 scale
        image = ImageOps.exif_transpose(opened)  # the picture as the reviewer sees it
        factor = min(image.width, image.height) // _WORKING
        if factor > 1:
            image = image.reduce(factor)
        if image.mode in ("RGBA", "LA", "P", "PA"):
            rgba = image.convert("RGBA")
            background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            background.alpha_composite(rgba)
            image = background
        return image.convert("L").resize((_WORKING, _WORKING), Image.Resampling.BOX)


def _pairs(grey: bytes, width: int, step: int) -> int:
    """Two bits for each neighbour pair of a ``width``-wide grid: (brighter, darker)."""
    value = 0
    for y in range(_GRID):
        for x in range(_GRID):
            here = y * width + x
            diff = grey[here] - grey[here + step]
            value = (value << 2) | ((diff > _DEAD_ZONE) << 1) | (diff < -_DEAD_ZONE)
    return value


def perceptual_hash(data: bytes) -> PerceptualHash | None:
    """The hash of the picture in ``data`` (JPEG, PNG, anything Pillow opens); None when it is not a
    picture or does not decode (a PDF, a truncated upload): such a document is never "similar"."""
    try:
        small = _small_grey(data)
    except (*DECODE_ERRORS, Image.DecompressionBombError):
        return None
    across = small.resize((_GRID + 1, _GRID), Image.Resampling.BOX).tobytes()
    down = small.resize((_GRID, _GRID + 1), Image.Resampling.BOX).tobytes()
    half = 2 * _GRID * _GRID
    return PerceptualHash((_pairs(across, _GRID + 1, 1) << half) | _pairs(down, _GRID, _GRID))
