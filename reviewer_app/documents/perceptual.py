"""A picture's perceptual hash, and how alike two pictures are by it (issue 21: what changed since a
rejection, reused images).

A difference hash (dHash) in both directions: the picture in grey, shrunk to 9×8 and 8×9, one bit
for each pair of neighbours (is the left one brighter? the upper one?), 128 bits in all. A photo
recompressed or resized keeps its bits; a different picture flips about half of them. Written on
Pillow alone: the `imagehash` package would bring NumPy, SciPy and PyWavelets (some 100 MB in the
installer) for the same answer here.

The hash never decodes the whole picture: a JPEG is decoded at libjpeg's smallest DCT scale that
still covers 64×64 (``draft``), a PNG is first reduced by a whole factor (``reduce``, a box filter).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Final, Literal

from PIL import Image, ImageOps

from reviewer_app.documents.images import DECODE_ERRORS

#: Bits of the hash: 64 of rows, 64 of columns.
BITS: Final = 128
#: At most this many differing bits: the same picture, recompressed, resized, re-saved (measured: at
#: most 7 for a JPEG re-saved at quality 35 or a PNG at a third of the size). Different photos
#: differ in 24 bits or more; pictures drawn on one template (two ID cards of the same design) can
#: come closer, so the flag is a look for the reviewer, never a finding.
SIMILAR_BITS: Final = 10
#: The size the picture is brought to before the final shrink: small enough to be cheap, large enough
#: that the 9×8 average of it does not depend on how it was decoded.
_WORKING: Final = 64

Likeness = Literal["same", "similar", "different"]


@dataclass(frozen=True)
class PerceptualHash:
    """128 bits as two signed 64-bit halves (what a BIGINT column holds)."""

    high: int
    low: int

    @property
    def value(self) -> int:
        return ((self.high & 0xFFFFFFFFFFFFFFFF) << 64) | (self.low & 0xFFFFFFFFFFFFFFFF)

    @classmethod
    def of(cls, value: int) -> PerceptualHash:
        return cls(_signed(value >> 64), _signed(value & 0xFFFFFFFFFFFFFFFF))

    def distance(self, other: PerceptualHash) -> int:
        """How many of the 128 bits differ."""
        return (self.value ^ other.value).bit_count()

    def hex(self) -> str:
        return f"{self.value:032x}"


def _signed(half: int) -> int:
    return half - (1 << 64) if half >= 1 << 63 else half


def likeness(
    a: PerceptualHash | None, b: PerceptualHash | None, *, same_bytes: bool = False
) -> Likeness | None:
    """The same file, a similar picture, or a different one; None when either could not be hashed
    (not a picture, or a file that does not decode)."""
    if same_bytes:
        return "same"
    if a is None or b is None:
        return None
    return "similar" if a.distance(b) <= SIMILAR_BITS else "different"


def _small_grey(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a decompression-bomb warning: the draft keeps it small anyway
        opened = Image.open(io.BytesIO(data))
        if opened.format == "JPEG":
            opened.draft("L", (_WORKING, _WORKING))  # libjpeg decodes at 1/2, 1/4 or 1/8 scale
        image = ImageOps.exif_transpose(opened)
        factor = min(image.width, image.height) // _WORKING
        if factor > 1:
            image = image.reduce(factor)
        if image.mode in ("RGBA", "LA", "P", "PA"):
            rgba = image.convert("RGBA")
            background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            background.alpha_composite(rgba)
            image = background
        return image.convert("L").resize((_WORKING, _WORKING), Image.Resampling.BOX)


def _bits(pixels: list[int], width: int, height: int, *, across: bool) -> int:
    value = 0
    for y in range(height):
        for x in range(width):
            if across:
                brighter = pixels[y * (width + 1) + x] > pixels[y * (width + 1) + x + 1]
            else:
                brighter = pixels[y * width + x] > pixels[(y + 1) * width + x]
            value = (value << 1) | brighter
    return value


def perceptual_hash(data: bytes) -> PerceptualHash | None:
    """The hash of the picture in ``data`` (JPEG, PNG, anything Pillow opens); None when it is not a
    picture or does not decode (a PDF, a truncated upload): such a document is never "similar"."""
    try:
        small = _small_grey(data)
    except (*DECODE_ERRORS, Image.DecompressionBombError):
        return None
    rows = list(small.resize((9, 8), Image.Resampling.BOX).tobytes())
    columns = list(small.resize((8, 9), Image.Resampling.BOX).tobytes())
    value = (_bits(rows, 8, 8, across=True) << 64) | _bits(columns, 8, 8, across=False)
    return PerceptualHash.of(value)
