"""PDFs through PDFium (pypdfium2): open and check once, render pages on demand within hard limits.

PDFium is not thread-safe, so every call into it — open, page count, render, close, even the
garbage collector closing a forgotten document — happens under one module-level lock. Rendering is
PDFium's progressive renderer with a pause callback, so a page that takes longer than the limit is
abandoned instead of freezing a worker; images inside a page are checked against the pixel cap before
rendering, so a small PDF cannot make PDFium decode a gigapixel picture.
"""

from __future__ import annotations

import ctypes
import logging
import math
import threading
import time
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

from PIL import Image

from reviewer_app.documents import verdicts
from reviewer_app.documents.limits import DocumentLimits
from reviewer_app.documents.metadata import Metadata
from reviewer_app.documents.sniff import PDF
from reviewer_app.documents.verdicts import Rejected

if TYPE_CHECKING:
    import pypdfium2 as pdfium

log = logging.getLogger(__name__)

#: Every PDFium call in the process goes through this lock.
PDFIUM_LOCK: Final = threading.RLock()
#: The PDF specification's largest page side, in points (200 inches).
MAX_PAGE_POINTS: Final = 14_400.0
MAX_RENDER_WIDTH: Final = 10_000
#: Nested form XObjects are searched for images this deep, no deeper.
_MAX_FORM_DEPTH: Final = 4


def _pdfium() -> tuple[ModuleType, ModuleType]:
    """PDFium and its raw API, loaded at the first PDF: not every start of the desk needs them."""
    import pypdfium2
    import pypdfium2.raw

    return pypdfium2, pypdfium2.raw


class PageError(Exception):
    """A page that cannot be shown; ``str(error)`` is the zh-TW reason, ``code`` the stable id."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


PAGE_TIMEOUT: Final = "page_timeout"
PAGE_DAMAGED: Final = "page_damaged"
PAGE_TOO_MANY_PIXELS: Final = "page_too_many_pixels"
CLOSED: Final = "closed"


class PdfDocument:
    """An opened, checked PDF. Render pages with :meth:`render_page`; :meth:`close` when done."""

    def __init__(self, raw: pdfium.PdfDocument, metadata: Metadata, limits: DocumentLimits) -> None:
        self._raw: pdfium.PdfDocument | None = raw
        self.metadata = metadata
        self._limits = limits

    @property
    def page_count(self) -> int:
        return self.metadata.pages or 0

    @property
    def closed(self) -> bool:
        return self._raw is None

    def render_page(self, index: int, target_width: int) -> Image.Image:
        """Page `index` (from 0) as an RGB picture on white, `target_width` pixels wide (or less when the
        pixel cap requires). Raises :class:`PageError` for a page that cannot be shown in time."""
        if not 0 <= index < self.page_count:
            raise IndexError(f"page {index} of {self.page_count}")
        pdfium, _ = _pdfium()
        with PDFIUM_LOCK:
            raw = self._raw
            if raw is None:
                raise PageError(CLOSED, "文件已關閉")
            deadline = time.monotonic() + self._limits.page_seconds
            try:
                page = raw[index]
            except pdfium.PdfiumError as exc:
                raise PageError(PAGE_DAMAGED, f"第 {index + 1} 頁已損毀，無法顯示") from exc
            try:
                return self._render(page, index, target_width, deadline)
            finally:
                page.close()

    def _render(self, page: Any, index: int, target_width: int, deadline: float) -> Image.Image:
        points_w, points_h = page.get_size()
        if not _sane_page(points_w, points_h):
            raise PageError(PAGE_DAMAGED, f"第 {index + 1} 頁的頁面大小異常，無法顯示")
        cap = self._limits.pixel_cap()
        width = max(1, min(int(target_width), MAX_RENDER_WIDTH))
        scale = width / points_w
        if width * points_h * scale > cap:
            scale = math.sqrt(cap / (points_w * points_h))
        width = max(1, math.floor(points_w * scale))
        height = max(1, math.floor(points_h * scale))
        biggest = _largest_image(page)
        if biggest > cap:
            raise PageError(
                PAGE_TOO_MANY_PIXELS,
                f"第 {index + 1} 頁內含約 {biggest / 1e6:,.0f} 百萬像素的圖片，"
                f"超過 {cap / 1e6:.0f} 百萬像素上限，不予顯示",
            )
        _check_time(deadline, index)
        pdfium, pdfium_c = _pdfium()
        bitmap = pdfium.PdfBitmap.new_native(width, height, pdfium_c.FPDFBitmap_BGR, rev_byteorder=True)
        try:
            bitmap.fill_rect((255, 255, 255, 255), 0, 0, width, height)
            _render_progressively(bitmap, page, width, height, deadline, index)
            picture = bitmap.to_pil()
            return picture.convert("RGB") if picture.mode != "RGB" else picture.copy()
        finally:
            bitmap.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            raw, self._raw = self._raw, None
            if raw is not None:
                raw.close()

    def __enter__(self) -> PdfDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # A forgotten document is closed under the lock, never by pypdfium2's own finalizer racing a render.
        raw = getattr(self, "_raw", None)
        if raw is not None:
            self.close()

    def __repr__(self) -> str:
        return f"<PdfDocument {self.page_count} pages{' closed' if self.closed else ''}>"


def _sane_page(width: float, height: float) -> bool:
    return all(math.isfinite(v) and 0 < v <= MAX_PAGE_POINTS * 4 for v in (width, height))


def _check_time(deadline: float, index: int) -> None:
    if time.monotonic() > deadline:
        raise PageError(PAGE_TIMEOUT, f"第 {index + 1} 頁內容過於複雜，無法在時限內顯示")


def _render_progressively(
    bitmap: Any, page: Any, width: int, height: int, deadline: float, index: int
) -> None:
    def need_to_pause(_pause: Any) -> bool:
        return time.monotonic() > deadline

    _, pdfium_c = _pdfium()
    flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_REVERSE_BYTE_ORDER
    pause = pdfium_c.IFSDK_PAUSE(version=1)
    callback = type(pause.NeedToPauseNow)(need_to_pause)
    pause.NeedToPauseNow = callback
    status = pdfium_c.FPDF_RenderPageBitmap_Start(bitmap, page, 0, 0, width, height, 0, flags, pause)
    try:
        while status == pdfium_c.FPDF_RENDER_TOBECONTINUED:
            _check_time(deadline, index)
            status = pdfium_c.FPDF_RenderPage_Continue(page, pause)
        if status == pdfium_c.FPDF_RENDER_FAILED:
            raise PageError(PAGE_DAMAGED, f"第 {index + 1} 頁無法顯示（內容損毀）")
    finally:
        pdfium_c.FPDF_RenderPage_Close(page)
        del callback


def _largest_image(page: Any) -> int:
    """The pixel count of the largest image drawn on the page (searching nested forms a little)."""
    _, pdfium_c = _pdfium()
    largest = 0
    width, height = ctypes.c_uint(), ctypes.c_uint()

    def visit(count: int, get: Any, depth: int) -> None:
        nonlocal largest
        for i in range(count):
            obj = get(i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                if pdfium_c.FPDFImageObj_GetImagePixelSize(obj, ctypes.byref(width), ctypes.byref(height)):
                    largest = max(largest, width.value * height.value)
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                visit(
                    pdfium_c.FPDFFormObj_CountObjects(obj),
                    lambda j, form=obj: pdfium_c.FPDFFormObj_GetObject(form, j),
                    depth + 1,
                )

    visit(pdfium_c.FPDFPage_CountObjects(page), lambda i: pdfium_c.FPDFPage_GetObject(page, i), 0)
    return largest


def open_pdf(data: bytes, limits: DocumentLimits) -> PdfDocument | Rejected:
    """Open and check a PDF: readable, not password-protected, complete, within the page limit."""
    base = Metadata(PDF, "PDF", len(data))
    cut_short = b"%%EOF" not in data[-2048:]
    pdfium, pdfium_c = _pdfium()
    with PDFIUM_LOCK:
        try:
            raw = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            log.info("PDF refused by PDFium (error %s)", exc.err_code)
            if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
                return verdicts.encrypted(base)
            return verdicts.truncated("PDF", base) if cut_short else verdicts.damaged("PDF", base)
        try:
            verdict = _check(raw, data, limits)
        except pdfium.PdfiumError as exc:
            log.info("PDF unreadable (error %s)", exc.err_code)
            verdict = verdicts.damaged("PDF", base)
        if isinstance(verdict, Rejected):
            raw.close()
            return verdict
    return PdfDocument(raw, verdict, limits)


def _check(raw: pdfium.PdfDocument, data: bytes, limits: DocumentLimits) -> Metadata | Rejected:
    pages = len(raw)
    meta = Metadata(PDF, "PDF", len(data), pages=pages)
    if pages > limits.max_pages:
        return verdicts.too_many_pages(pages, limits.max_pages, meta)
    if b"%%EOF" not in data[-2048:]:
        return verdicts.truncated("PDF", meta)
    first = raw[0]
    try:
        if not _sane_page(*first.get_size()):
            return verdicts.damaged("PDF", meta, "頁面大小異常")
    finally:
        first.close()
    return meta
