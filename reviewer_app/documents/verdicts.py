"""The loader's answers: a picture to show, or a refusal with a plain zh-TW reason staff can act on.

(`PdfDocument`, the third answer, lives in :mod:`reviewer_app.documents.pdf` with its renderer.)
Each refusal has a stable ``code`` for tests, logs and the UI, and a ``reason`` in the words of the
families' guide. The texts are made here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PIL import Image

from reviewer_app.core.policy import MB
from reviewer_app.documents.metadata import Metadata
from reviewer_app.documents.sniff import Kind, type_words

# Refusal codes. The loader's:
EMPTY: Final = "empty"
NOT_ALLOWED: Final = "not_allowed"
UNSUPPORTED: Final = "unsupported"
TOO_LARGE: Final = "too_large"
TOO_MANY_PIXELS: Final = "too_many_pixels"
TRUNCATED: Final = "truncated"
DAMAGED: Final = "damaged"
ENCRYPTED: Final = "encrypted"
TOO_MANY_PAGES: Final = "too_many_pages"
# ... and the store's (where the bytes could not be had):
MISSING: Final = "missing"
HASH_MISMATCH: Final = "hash_mismatch"
SIZE_MISMATCH: Final = "size_mismatch"
TIMEOUT: Final = "timeout"
NETWORK: Final = "network"
HTTP_ERROR: Final = "http_error"
UNAUTHORIZED: Final = "unauthorized"
INSECURE: Final = "insecure"
TLS: Final = "tls"
UNAVAILABLE: Final = "unavailable"
BAD_RECORD: Final = "bad_record"


@dataclass(frozen=True)
class ImageDocument:
    """A decoded picture: upright (EXIF orientation applied), RGB, fitted to the requested size."""

    metadata: Metadata
    image: Image.Image


@dataclass(frozen=True)
class Rejected:
    """Why a document cannot be shown. ``metadata`` is whatever was learnt before refusing."""

    code: str
    reason: str
    metadata: Metadata | None = None


def megabytes(size_bytes: int) -> str:
    """ "10 MB", "14.5 MB"; below 1 MB in KB, below 1 KB in bytes."""
    if size_bytes < 1024:
        return f"{size_bytes} 位元組"
    if size_bytes < MB:
        return f"{max(1, round(size_bytes / 1024))} KB"
    if size_bytes % MB == 0:
        return f"{size_bytes // MB} MB"
    return f"{size_bytes / MB:.1f} MB"


def _as_written(size_bytes: int) -> float:
    """The size `megabytes` writes, back in bytes ("10.0 MB" is 10 MB)."""
    if size_bytes < 1024:
        return size_bytes
    if size_bytes < MB:
        return max(1, round(size_bytes / 1024)) * 1024
    if size_bytes % MB == 0:
        return size_bytes
    return round(size_bytes / MB, 1) * MB


def _over(size: int, limit: int) -> str:
    """"14.5 MB，超過 10 MB 上限": in bytes, both, when the size rounded would not show that it is over
    ("10.0 MB，超過 10 MB 上限" leaves the family wondering what is wrong)."""
    if _as_written(size) > limit:
        return f"{megabytes(size)}，超過 {megabytes(limit)} 上限"
    limit_words = megabytes(limit)
    exact = "" if limit_words.endswith("位元組") else f"（{limit:,} 位元組）"
    return f"{size:,} 位元組，超過 {limit_words}{exact}{'' if exact else ' '}上限"


def empty(meta: Metadata) -> Rejected:
    return Rejected(EMPTY, "檔案是空的（0 位元組），可能上傳失敗，請家屬重新上傳", meta)


def not_allowed(kind: Kind, allowed: tuple[str, ...], meta: Metadata) -> Rejected:
    return Rejected(NOT_ALLOWED, f"檔案內容不是 {type_words(allowed)}（實際為 {kind.description}）", meta)


def unsupported(kind: Kind, meta: Metadata) -> Rejected:
    return Rejected(UNSUPPORTED, f"本系統無法顯示此類檔案（{kind.description}）", meta)


def too_large(size: int, limit: int, photo: bool, meta: Metadata) -> Rejected:
    noun = "照片" if photo else "檔案"
    return Rejected(TOO_LARGE, f"{noun} {_over(size, limit)}", meta)


def too_many_pixels(width: int, height: int, limit: int, meta: Metadata | None) -> Rejected:
    return Rejected(
        TOO_MANY_PIXELS,
        f"圖片 {width:,}×{height:,} 像素（約 {width * height / 1e6:,.0f} 百萬像素），"
        f"超過 {limit / 1e6:.0f} 百萬像素上限；可能是惡意檔案（解壓縮炸彈），不予開啟",
        meta,
    )


def truncated(label: str, meta: Metadata) -> Rejected:
    return Rejected(TRUNCATED, f"{label} 檔案不完整（內容在結尾前中斷），可能上傳中斷，請家屬重新上傳", meta)


def damaged(label: str, meta: Metadata, detail: str = "") -> Rejected:
    suffix = f"（{detail}）" if detail else ""
    return Rejected(DAMAGED, f"{label} 檔案已損毀，無法開啟{suffix}", meta)


def encrypted(meta: Metadata) -> Rejected:
    return Rejected(ENCRYPTED, "PDF 檔案設有開啟密碼，無法檢視；請家屬上傳未加密的檔案", meta)


def too_many_pages(pages: int, limit: int, meta: Metadata) -> Rejected:
    return Rejected(TOO_MANY_PAGES, f"PDF 共 {pages:,} 頁，超過 {limit} 頁上限", meta)
