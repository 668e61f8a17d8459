"""What a file really is, decided from its first bytes — never from its name or the declared MIME type.

Only JPEG, PNG and PDF can be shown; everything else is recognised just well enough to tell staff what
the family actually uploaded ("實際為 ZIP 壓縮檔", "實際為 HEIC 圖片"), which is what they need to
write a useful rejection reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

JPEG: Final = "image/jpeg"
PNG: Final = "image/png"
PDF: Final = "application/pdf"
SHOWABLE: Final[frozenset[str]] = frozenset({JPEG, PNG, PDF})

#: PDF readers accept the header anywhere in the first kilobyte (some tools write junk before it).
PDF_HEADER_WINDOW: Final = 1024
#: How much of a file `sniff` needs to see.
SNIFF_BYTES: Final = 4096


@dataclass(frozen=True)
class Kind:
    mime_type: str
    label: str  # "JPEG", "PNG", "PDF", "ZIP"…
    description: str  # zh-TW, as staff would say it: "ZIP 壓縮檔"


_JPEG = Kind(JPEG, "JPEG", "JPG 圖片")
_PNG = Kind(PNG, "PNG", "PNG 圖片")
_PDF = Kind(PDF, "PDF", "PDF 文件")
_OFFICE = Kind("application/vnd.openxmlformats-officedocument", "DOCX", "Office 文件（Word／Excel）")
EMPTY: Final = Kind("application/x-empty", "空檔案", "空白檔案")
UNKNOWN: Final = Kind("application/octet-stream", "未知", "無法辨識的格式")

_MAGIC: Final[tuple[tuple[bytes, Kind], ...]] = (
    (b"\xff\xd8\xff", _JPEG),
    (b"\x89PNG\r\n\x1a\n", _PNG),
    (b"GIF87a", Kind("image/gif", "GIF", "GIF 圖片")),
    (b"GIF89a", Kind("image/gif", "GIF", "GIF 圖片")),
    (b"II*\x00", Kind("image/tiff", "TIFF", "TIFF 圖片")),
    (b"MM\x00*", Kind("image/tiff", "TIFF", "TIFF 圖片")),
    (b"\xff\x0a", Kind("image/jxl", "JPEG XL", "JPEG XL 圖片")),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", Kind("image/jxl", "JPEG XL", "JPEG XL 圖片")),
    (b"PK\x03\x04", Kind("application/zip", "ZIP", "ZIP 壓縮檔")),
    (b"PK\x05\x06", Kind("application/zip", "ZIP", "ZIP 壓縮檔")),
    (b"Rar!\x1a\x07", Kind("application/vnd.rar", "RAR", "RAR 壓縮檔")),
    (b"7z\xbc\xaf\x27\x1c", Kind("application/x-7z-compressed", "7Z", "7Z 壓縮檔")),
    (b"\x1f\x8b", Kind("application/gzip", "GZIP", "GZIP 壓縮檔")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Kind("application/x-ole-storage", "DOC", "舊版 Office 文件")),
    (b"\x7fELF", Kind("application/x-executable", "ELF", "執行檔")),
)

_HEIF_BRANDS: Final = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")
_VIDEO_BRANDS: Final = (b"isom", b"iso2", b"mp41", b"mp42", b"M4V ", b"qt  ", b"3gp4", b"3gp5", b"avc1")


def sniff(head: bytes) -> Kind:
    """The kind of file whose first bytes are `head` (give at least SNIFF_BYTES when there are)."""
    if not head:
        return EMPTY
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind.label == "ZIP" and b"[Content_Types].xml" in head:
                return _OFFICE
            return kind
    if b"%PDF-" in head[:PDF_HEADER_WINDOW]:
        return _PDF
    if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":  # reserved fields are zero
        return Kind("image/bmp", "BMP", "BMP 圖片")
    if head.startswith(b"MZ") and (b"PE\x00\x00" in head[:1024] or b"This program" in head[:512]):
        return Kind("application/x-msdownload", "EXE", "Windows 執行檔")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"avif":
            return Kind("image/avif", "AVIF", "AVIF 圖片")
        if brand in _HEIF_BRANDS:
            return Kind("image/heic", "HEIC", "HEIC 圖片（iPhone 預設的照片格式）")
        if brand in _VIDEO_BRANDS:
            return Kind("video/mp4", "MP4", "影片檔")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Kind("image/webp", "WEBP", "WEBP 圖片")
    return _text_kind(head)


def _text_kind(head: bytes) -> Kind:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<script")):
        return Kind("text/html", "HTML", "HTML 網頁")
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        return Kind("image/svg+xml", "SVG", "SVG 向量圖")
    if text.startswith(b"<?xml"):
        return Kind("application/xml", "XML", "XML 文件")
    if text.startswith(b"{\\rtf"):
        return Kind("application/rtf", "RTF", "RTF 文件")
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still text
        if exc.start < len(head) - 3:
            return UNKNOWN
        decoded = head[: exc.start].decode("utf-8")
    if all(ch.isprintable() or ch in "\r\n\t\f" for ch in decoded):
        return Kind("text/plain", "TXT", "純文字檔")
    return UNKNOWN


def type_words(mime_types: tuple[str, ...] | frozenset[str] | list[str]) -> str:
    """Allowed types as the guide says them, pictures first: "JPG、PNG 或 PDF", "JPG 或 PNG"."""
    order = {JPEG: 0, PNG: 1, PDF: 2}
    names = {JPEG: "JPG", PNG: "PNG", PDF: "PDF"}
    words = [names.get(m, m) for m in sorted(set(mime_types), key=lambda m: (order.get(m, 9), m))]
    if len(words) <= 1:
        return "".join(words)
    return "、".join(words[:-1]) + " 或 " + words[-1]
