"""How numbers, dates, sizes and file types are written in the programme's texts (Qt-free).

Used by the message catalogue (:mod:`reviewer_app.core.messages`) and the default rejection reasons
(:mod:`reviewer_app.core.reasons`), so a facility's own numbers read the same wherever they appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

from reviewer_app.core.policy import MB, Policy

#: The staff's languages, as the desk's preferences name them; the family always reads zh-TW.
ZH_TW: Final = "zh_TW"
ENGLISH: Final = "en"
LANGUAGES: Final[tuple[str, ...]] = (ZH_TW, ENGLISH)

# How staff and the guide name file types ("PDF、JPG、JPEG、PNG").
_MIME_LABELS: Final[dict[str, str]] = {
    "application/pdf": "PDF",
    "image/jpeg": "JPG、JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/heic": "HEIC",
    "image/heif": "HEIF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
    "image/tiff": "TIFF",
    "application/zip": "ZIP",
}
# Other names browsers, phones and old portals give the same types (R7: the family is not at fault).
_MIME_ALIASES: Final[dict[str, str]] = {
    "image/jpg": "image/jpeg",
    "image/pjpeg": "image/jpeg",
    "image/x-jpeg": "image/jpeg",
    "image/x-citrix-jpeg": "image/jpeg",
    "image/x-png": "image/png",
    "image/x-citrix-png": "image/png",
    "application/x-pdf": "application/pdf",
    "application/acrobat": "application/pdf",
    "application/vnd.pdf": "application/pdf",
    "text/pdf": "application/pdf",
    "text/x-pdf": "application/pdf",
}
_LIST_SEPARATORS: Final[dict[str, str]] = {ZH_TW: "、", ENGLISH: ", "}
_BYTES: Final[dict[str, str]] = {ZH_TW: "位元組", ENGLISH: "bytes"}


def canonical_mime_type(name: str) -> str:
    """The one name of a file type: "IMAGE/JPG; charset=binary" is "image/jpeg" (R7)."""
    bare = name.split(";", 1)[0].strip().lower()
    return _MIME_ALIASES.get(bare, bare)


def date_text(day: date) -> str:
    """A date as the portal shows it: 2021/04/29."""
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def size_text(size_bytes: int) -> str:
    """A size in MB as staff write it: "10 MB", "14.5 MB"."""
    if size_bytes % MB == 0:
        return f"{size_bytes // MB} MB"
    return f"{size_bytes / MB:.1f} MB"


def over_size_text(size_bytes: int, limit_bytes: int, language: str = ZH_TW) -> str:
    """A size over a limit, exact enough that it visibly exceeds it (bytes when MB would round down)."""
    if round(size_bytes / MB, 1) * MB <= limit_bytes:
        return f"{size_bytes:,} {_BYTES[language]}"
    return size_text(size_bytes)


def list_text(words: Iterable[str], language: str = ZH_TW) -> str:
    """Words in a list: "甲、乙" in zh-TW, "a, b" in English."""
    return _LIST_SEPARATORS[language].join(words)


def types_text(mime_types: Iterable[str], language: str = ZH_TW) -> str:
    """File types as the guide names them: "PDF、JPG、JPEG、PNG"."""
    labels = (_MIME_LABELS.get(m, m) for m in mime_types)
    return list_text((label.replace("、", _LIST_SEPARATORS[language]) for label in labels), language)


def policy_words(policy: Policy, language: str = ZH_TW) -> dict[str, str]:
    """A facility's numbers as they are written in texts, by name (the catalogue's ``{window_days}``…)."""
    return {
        "window_days": str(policy.post_window_days),
        "body_max_chars": str(policy.body_max_chars),
        "max_photos": str(policy.max_photos),
        "photo_max": size_text(policy.photo_max_bytes),
        "max_attachments": str(policy.max_attachments),
        "attachments_max_total": size_text(policy.attachments_max_total_bytes),
        "allowed_types": types_text(policy.allowed_mime_types, language),
        "strike_threshold": str(policy.strike_threshold),
        "suspension_months": str(policy.suspension_months),
        "child_max_age": str(policy.child_max_age),
    }
