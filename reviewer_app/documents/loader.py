"""The one loader for every document: bytes in, something to show or a clear reason out.

It decides the type from the bytes (never the name or the declared MIME type), checks it against the
programme's rules (P5/P6) and the facility's limits, and decodes within hard caps on bytes, pixels,
pages and time per page. It never raises for bad input. Call it off the GUI thread; it is the only
path by which document bytes are decoded in the application.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

from reviewer_app.documents import verdicts
from reviewer_app.documents.images import decode_image
from reviewer_app.documents.limits import DocumentLimits
from reviewer_app.documents.metadata import Metadata
from reviewer_app.documents.pdf import PageError, PdfDocument, open_pdf
from reviewer_app.documents.sniff import JPEG, PDF, PNG, SHOWABLE, SNIFF_BYTES, Kind, sniff
from reviewer_app.documents.verdicts import ImageDocument, Rejected

__all__ = [
    "DocumentLimits",
    "ImageDocument",
    "Metadata",
    "PageError",
    "PdfDocument",
    "Rejected",
    "Verdict",
    "load_document",
    "load_document_file",
]

log = logging.getLogger(__name__)

Verdict = ImageDocument | PdfDocument | Rejected


def _precheck(head: bytes, size: int, limits: DocumentLimits) -> Kind | Rejected:
    """Type and size, from the first bytes and the length alone."""
    kind = sniff(head)
    meta = Metadata(kind.mime_type, kind.label, size)
    if size == 0:
        return verdicts.empty(meta)
    if kind.mime_type not in limits.allowed_mime_types:
        return verdicts.not_allowed(kind, limits.allowed_mime_types, meta)
    if kind.mime_type not in SHOWABLE:
        return verdicts.unsupported(kind, meta)
    cap = limits.byte_cap(kind.mime_type)
    if size > cap:
        photo = limits.max_photo_bytes is not None and kind.mime_type in (JPEG, PNG)
        return verdicts.too_large(size, cap, photo, meta)
    return kind


def load_document(
    data: bytes, limits: DocumentLimits, *, target_size: tuple[int, int] | None = None
) -> ImageDocument | PdfDocument | Rejected:
    """Decode `data` for display, or say in zh-TW why it cannot be shown. Never raises for bad input.

    Images come back upright and RGB, scaled down to fit `target_size` (width, height) when given;
    PDFs come back open, to be rendered page by page and closed by the caller.
    """
    data = bytes(data)  # a memoryview or bytearray from a database driver: PDFium wants bytes
    checked = _precheck(data[:SNIFF_BYTES], len(data), limits)
    if isinstance(checked, Rejected):
        log.info("document refused: %s (%d bytes)", checked.code, len(data))
        return checked
    try:
        if checked.mime_type == PDF:
            result: Verdict = open_pdf(data, limits)
        else:
            result = decode_image(data, checked, limits, target_size)
    except Exception as exc:
        # The decoders' own errors are handled where they arise; this is a decoder bug reached by
        # hostile bytes. The contract holds: a verdict, never an exception. (Type only: no content.)
        log.error("decoder failed unexpectedly on a %s (%s)", checked.label, type(exc).__name__)
        result = verdicts.damaged(checked.label, Metadata(checked.mime_type, checked.label, len(data)))
    if isinstance(result, Rejected):
        log.info("document refused: %s (%d bytes)", result.code, len(data))
    return result


def load_document_file(
    path: str | os.PathLike[str], limits: DocumentLimits, *, target_size: tuple[int, int] | None = None
) -> ImageDocument | PdfDocument | Rejected:
    """The same verdict for a file on disk, reading no more of it than the limits allow.

    Raises OSError when the file cannot be read at all (missing, a folder, a pipe or a device, no
    permission).
    """
    if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe would wait for a writer, a device never end
        raise OSError(errno.EINVAL, "不是一般檔案（資料夾、管線或裝置）", str(path))
    with Path(path).open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(SNIFF_BYTES)
        checked = _precheck(head, size, limits)
        if isinstance(checked, Rejected):
            return checked
        data = head + f.read(limits.byte_cap(checked.mime_type) + 1 - len(head))
    if len(data) != size:  # the file changed while we read it
        meta = Metadata(checked.mime_type, checked.label, len(data))
        return verdicts.damaged(checked.label, meta, "讀取時檔案有變動")
    return load_document(data, limits, target_size=target_size)
