"""Decoding JPEG and PNG: pixel cap from the header first, then decode, upright, RGB, fitted.

The file's type is already known from its bytes, so the one matching Pillow plugin is used directly:
no other decoder is ever reached, and Pillow's own decompression-bomb check (a warning at 89 MP) is
replaced by our stricter pixel cap, applied to the header before a single pixel is decoded.

Pillow reports some damage as warnings rather than exceptions (corrupt EXIF: "Truncated File Read",
"Tag data larger than file"). Those are collected here and never reach the warnings machinery of the
process. ``warnings.catch_warnings`` is process-wide state, so opening, checking and reading EXIF are
serialised under one lock; a JPEG's pixels are then decoded outside it (libjpeg warns of nothing), so
printing decodes two photos at once on two cores.
"""

from __future__ import annotations

import io
import logging
import struct
import threading
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final

from PIL import Image, ImageFile, JpegImagePlugin, PngImagePlugin

from reviewer_app.documents import verdicts
from reviewer_app.documents.limits import DocumentLimits
from reviewer_app.documents.metadata import Metadata, read_exif
from reviewer_app.documents.sniff import JPEG, Kind
from reviewer_app.documents.verdicts import ImageDocument, Rejected

log = logging.getLogger(__name__)

#: Exceptions Pillow's decoders raise on bad input (besides our own checks).
DECODE_ERRORS: Final = (
    SyntaxError,
    OSError,
    ValueError,
    IndexError,
    TypeError,
    KeyError,
    EOFError,
    OverflowError,
    struct.error,
    zlib.error,
    MemoryError,
    Image.DecompressionBombError,
)
#: A progressive JPEG decodes its whole picture again for every scan; real ones have about ten.
MAX_JPEG_SCANS: Final = 100
_TRANSPOSE: Final[dict[int, Image.Transpose]] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_WHITE: Final = (255, 255, 255, 255)
#: A JPEG decoded at a DCT scale (1/2, 1/4, 1/8) may come out up to this much smaller than the box it
#: is shown in; it is then drawn a little larger, which nobody sees, and decoded at a quarter of the cost.
DRAFT_SLACK: Final = 0.06
_PILLOW_LOCK: Final = threading.Lock()


@contextmanager
def _pillow_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """Collect what Pillow warns while decoding, instead of letting it reach the process's filters."""
    with _PILLOW_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def _open(data: bytes, kind: Kind) -> ImageFile.ImageFile:
    plugin = JpegImagePlugin.JpegImageFile if kind.mime_type == JPEG else PngImagePlugin.PngImageFile
    return plugin(io.BytesIO(data))


def _is_truncation(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, EOFError) or "truncated" in text or "end of file" in text or "premature" in text


def decode_image(
    data: bytes, kind: Kind, limits: DocumentLimits, target_size: tuple[int, int] | None
) -> ImageDocument | Rejected:
    base = Metadata(kind.mime_type, kind.label, len(data))
    with _pillow_warnings() as caught:
        result = _decode(data, kind, limits, target_size, base)
    if caught:
        categories = sorted({w.category.__name__ for w in caught})
        log.info("image decoder warned %d time(s) (%s); ignored", len(caught), ", ".join(categories))
        if any(issubclass(w.category, Image.DecompressionBombWarning) for w in caught):
            meta = result.metadata
            if isinstance(result, _Opened):
                result.image.close()
            width, height = (meta.width or 0, meta.height or 0) if meta else (0, 0)
            return verdicts.too_many_pixels(width, height, limits.pixel_cap(), meta)
    if isinstance(result, _Opened):
        return _finish(result)  # outside the lock: two workers decode two JPEGs at once
    return result


@dataclass
class _Opened:
    """A JPEG whose header, pixel count and EXIF passed, set to decode at its draft scale: the pixels
    themselves are decoded outside the warnings lock (libjpeg does not warn, and releases the GIL)."""

    image: ImageFile.ImageFile
    metadata: Metadata
    orientation: int
    target_size: tuple[int, int] | None
    label: str
    size_bytes: int


def _decode(
    data: bytes, kind: Kind, limits: DocumentLimits, target_size: tuple[int, int] | None, base: Metadata
) -> ImageDocument | Rejected | _Opened:
    try:
        image = _open(data, kind)
    except DECODE_ERRORS as exc:
        return _undecodable(exc, kind.label, base, "image header unreadable")
    handed_on = False
    try:
        opened = _checked(image, data, kind, limits, target_size)
        if isinstance(opened, Rejected) or kind.mime_type == JPEG:
            handed_on = isinstance(opened, _Opened)
            return opened
        return _finish(opened, close=False)  # PNG: decoded under the lock, as it may warn
    finally:
        if not handed_on:
            image.close()


def _checked(
    image: ImageFile.ImageFile,
    data: bytes,
    kind: Kind,
    limits: DocumentLimits,
    target_size: tuple[int, int] | None,
) -> _Opened | Rejected:
    stored_w, stored_h = image.size
    if stored_w * stored_h > limits.pixel_cap():
        meta = Metadata(kind.mime_type, kind.label, len(data), stored_w, stored_h)
        return verdicts.too_many_pixels(stored_w, stored_h, limits.pixel_cap(), meta)
    # A progressive JPEG's decode time grows with its scans: thousands of tiny ones stall the worker.
    # Only progressive files are counted, as libjpeg-turbo's own scan limit (TJPARAM_SCANLIMIT) does:
    # a phone's baseline photo is not searched through a second time.
    if image.info.get("progressive") and data.count(b"\xff\xda") > MAX_JPEG_SCANS:
        meta = Metadata(kind.mime_type, kind.label, len(data), stored_w, stored_h)
        return verdicts.damaged(kind.label, meta, "掃描段數異常")
    facts = read_exif(image)
    turned = facts.orientation >= 5
    width, height = (stored_h, stored_w) if turned else (stored_w, stored_h)
    meta = Metadata(
        kind.mime_type,
        kind.label,
        len(data),
        width,
        height,
        None,
        facts.captured_at,
        facts.camera,
        facts.has_gps,
        facts.orientation,
    )
    try:
        if target_size is not None and kind.mime_type == JPEG:
            box = (target_size[1], target_size[0]) if turned else target_size
            image.draft("RGB", _draft_size(image.size, box))
    except DECODE_ERRORS as exc:
        return _undecodable(exc, kind.label, meta)
    return _Opened(image, meta, facts.orientation, target_size, kind.label, len(data))


def _finish(opened: _Opened, close: bool = True) -> ImageDocument | Rejected:
    """Decode the pixels, upright, RGB, fitted to the target size."""
    image = opened.image
    # The whole file to the decoder in one call (not 64 KB at a time): the decoder releases the GIL
    # for each call, so a decode is not held up chunk by chunk while another thread runs Python or Qt.
    image.decodermaxblock = max(image.decodermaxblock, opened.size_bytes)
    try:
        image.load()
        picture = _upright(image, opened.orientation)
        picture = _to_rgb(picture)
        if opened.target_size is not None:
            picture = _fit(picture, opened.target_size)
        if picture is image:  # the opened file is closed below: hand out pixels of our own
            picture = image.copy()
    except DECODE_ERRORS as exc:
        return _undecodable(exc, opened.label, opened.metadata)
    finally:
        if close:
            image.close()
    return ImageDocument(opened.metadata, picture)


def _undecodable(
    exc: BaseException, label: str, meta: Metadata, what: str = "image data undecodable"
) -> Rejected:
    log.info("%s: %s", what, type(exc).__name__)
    if _is_truncation(exc):
        return verdicts.truncated(label, meta)
    return verdicts.damaged(label, meta)


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSE.get(orientation)
    return image.transpose(method) if method is not None else image


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB for display; transparency composited on white; 16-bit greys scaled, not clipped."""
    mode = image.mode
    if mode == "RGB":
        return image
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        if mode != "I":
            image = image.convert("I")
        return image.point(lambda v: v * (1 / 256)).convert("L").convert("RGB")
    if mode == "F":
        return image.convert("L").convert("RGB")
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    if has_alpha:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, _WHITE)
        background.alpha_composite(rgba)
        return background.convert("RGB")
    return image.convert("RGB")


def _draft_size(stored: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """What to ask libjpeg for: the picture's size fitted into `box` (not the box itself: a wide box
    would otherwise ask for the picture's full height, and its full decode), less DRAFT_SLACK, so a
    DCT-scaled decode a few per cent smaller than the box is taken instead of one twice as large."""
    scale = min(box[0] / stored[0], box[1] / stored[1], 1.0) * (1 - DRAFT_SLACK)
    return (max(1, int(stored[0] * scale)), max(1, int(stored[1] * scale)))


def _fit(image: Image.Image, target_size: tuple[int, int]) -> Image.Image:
    """Scale down (never up) to fit inside `target_size`, keeping the aspect ratio."""
    box_w, box_h = max(1, target_size[0]), max(1, target_size[1])
    if image.width <= box_w and image.height <= box_h:
        return image
    scale = min(box_w / image.width, box_h / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
