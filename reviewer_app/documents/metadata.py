"""What the loader tells about a document besides its pixels, and how it reads that from EXIF.

Pixels, format and pages come from the decoder; capture date, camera and whether the picture carries
a GPS position come from EXIF. EXIF is the family's phone talking, not the programme's data: a broken
or odd EXIF block never rejects a picture, it only leaves these fields empty.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from PIL import Image

log = logging.getLogger(__name__)

_MAKE: Final = 0x010F
_MODEL: Final = 0x0110
_DATETIME: Final = 0x0132
_ORIENTATION: Final = 0x0112
_EXIF_IFD: Final = 0x8769
_GPS_IFD: Final = 0x8825
_DATETIME_ORIGINAL: Final = 0x9003
_OFFSET_TIME_ORIGINAL: Final = 0x9011
_TEXT_MAX: Final = 64


@dataclass(frozen=True)
class Metadata:
    """What staff may want to know about a document. For images width×height are as shown (upright)."""

    mime_type: str
    format_label: str  # "JPEG", "PNG", "PDF" (or what the file really was, when rejected: "ZIP")
    size_bytes: int
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    captured_at: datetime | None = None
    camera: str | None = None
    has_gps: bool = False
    orientation: int = 1  # the EXIF orientation that was applied (1: none)

    @property
    def pixels(self) -> int | None:
        return self.width * self.height if self.width and self.height else None


@dataclass(frozen=True)
class ExifFacts:
    orientation: int = 1
    captured_at: datetime | None = None
    camera: str | None = None
    has_gps: bool = False


def read_exif(image: Image.Image) -> ExifFacts:
    """The EXIF facts of an opened (not necessarily loaded) image; empty facts when EXIF is unreadable."""
    try:
        exif = image.getexif()
        base = dict(exif.items())
        sub = dict(exif.get_ifd(_EXIF_IFD).items()) if _EXIF_IFD in exif else {}
        gps = exif.get_ifd(_GPS_IFD) if _GPS_IFD in exif else {}
    except Exception as exc:  # EXIF is untrusted: any parse failure only means "no EXIF"
        log.info("EXIF unreadable (%s); ignored", type(exc).__name__)
        return ExifFacts()
    orientation = base.get(_ORIENTATION, 1)
    if not isinstance(orientation, int) or not 1 <= orientation <= 8:
        orientation = 1
    stamp = sub.get(_DATETIME_ORIGINAL) or base.get(_DATETIME)
    return ExifFacts(
        orientation=orientation,
        captured_at=_exif_datetime(stamp, sub.get(_OFFSET_TIME_ORIGINAL)),
        camera=_camera(base.get(_MAKE), base.get(_MODEL)),
        has_gps=bool(gps),
    )


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return ""
    cleaned = "".join(ch for ch in value if ch.isprintable()).strip()
    return cleaned[:_TEXT_MAX]


def _camera(make: Any, model: Any) -> str | None:
    make_text, model_text = _text(make), _text(model)
    if make_text and model_text.lower().startswith(make_text.lower()):
        return model_text  # "Canon" + "Canon EOS R6" is "Canon EOS R6"
    return " ".join(part for part in (make_text, model_text) if part) or None


def _exif_datetime(stamp: Any, offset: Any) -> datetime | None:
    """EXIF "YYYY:MM:DD HH:MM:SS" (camera local time); aware when an OffsetTimeOriginal is given."""
    text = _text(stamp)
    try:
        moment = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset_text = _text(offset)
    if len(offset_text) == 6 and offset_text[0] in "+-" and offset_text[3] == ":":
        try:
            hours, minutes = int(offset_text[1:3]), int(offset_text[4:6])
        except ValueError:
            return moment
        sign = -1 if offset_text[0] == "-" else 1
        if hours <= 14 and minutes < 60:
            return moment.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
    return moment
