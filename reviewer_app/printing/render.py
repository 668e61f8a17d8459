"""Painting prepared posts onto any paged device: a ``QPrinter`` (paper, or PDF with ``PdfFormat``),
a ``QPdfWriter``, or the printer of a ``QPrintPreviewDialog``.

A4 portrait, the shipped Noto Sans TC (the same on every workstation, embedded in the PDF; text stays
text, so a PDF can be searched and read back), pictures in colour where the device can. Pages are
laid out by :mod:`.layout` from the device's own paint rectangle and resolution.

Painting onto a ``QPrinter`` is allowed from a worker thread (Qt documents QPrinter among the paint
devices a non-GUI thread may paint on); the preview paints on the GUI thread, with small pictures.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reviewer_app.printing.batch import PreparedImage, PreparedPost, post_text
from reviewer_app.printing.layout import MARGINS_MM, CodeSlot, Fonts, Page, PageGeometry, Role, layout_post
from reviewer_app.printing.page_code import code_text, modules
from reviewer_app.printing.pdf_font import FontFormatError, searchable_copy
from reviewer_app.qt import (
    QByteArray,
    QColor,
    QFontDatabase,
    QImage,
    QMarginsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
    QPen,
    QPointF,
    QPrinter,
    QPrinterInfo,
    QRectF,
    Qt,
)

log = logging.getLogger(__name__)

#: Used when the shipped font cannot be loaded (Debian's fonts-noto-cjk has it).
FALLBACK_FAMILY = "Noto Sans CJK TC"
_font_lock = threading.Lock()
_family: str | None = None


class PrintFailed(Exception):
    """The device could not be painted on (a PDF file that cannot be written…); message in zh-TW."""


def print_font_family() -> str:
    """The shipped Noto Sans TC for printing, loaded once into the application's fonts.

    Loaded as its searchable copy (:mod:`.pdf_font`: the PDF's text then reads back as written); if
    that cannot be made, the font as shipped; if even that fails, the system's CJK font.
    """
    global _family
    with _font_lock:
        if _family is None:
            _family = _load_print_font()
        return _family


def _load_print_font() -> str:
    from reviewer_app.assets import font_path

    path = font_path()
    try:
        shipped = path.read_bytes()
    except OSError:
        log.error("shipped font %s missing; printing with %s", path, FALLBACK_FAMILY)
        return FALLBACK_FAMILY
    try:
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(searchable_copy(shipped)))
    except FontFormatError as exc:
        log.warning("could not make the searchable copy of %s (%s)", path.name, exc)
        font_id = -1
    if font_id < 0:
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(shipped))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("shipped font %s not loaded; printing with %s", path, FALLBACK_FAMILY)
        return FALLBACK_FAMILY
    return str(families[0])


def a4_layout() -> QPageLayout:
    left, top, right, bottom = MARGINS_MM
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )


def configure_printer(printer: QPrinter, output_file: Path | None = None, title: str = "家庭聯絡簿") -> None:
    """A4 portrait with our margins, colour where the printer can, or a PDF file when given."""
    if output_file is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output_file))
    printer.setPageLayout(a4_layout())
    printer.setFullPage(False)
    printer.setDocName(title)
    printer.setCreator("reviewer-app")
    modes = [] if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else _color_modes(printer)
    colour = not modes or QPrinter.ColorMode.Color in modes
    printer.setColorMode(QPrinter.ColorMode.Color if colour else QPrinter.ColorMode.GrayScale)


def _color_modes(printer: QPrinter) -> list[QPrinter.ColorMode]:
    info = QPrinterInfo(printer)
    return [] if info.isNull() else list(info.supportedColorModes())


def new_pdf_printer(path: Path, title: str = "家庭聯絡簿") -> QPrinter:
    """A high-resolution (1200 dpi) printer writing a PDF with the font embedded."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure_printer(printer, path, title)
    return printer


def is_preview(device: QPagedPaintDevice) -> bool:
    """True while a QPrintPreviewDialog is recording pages (its engine records a picture)."""
    engine = device.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def geometry_of(device: QPagedPaintDevice) -> PageGeometry:
    dpi = device.resolution() if isinstance(device, QPrinter) else device.logicalDpiX()
    rect = device.pageLayout().paintRectPixels(int(dpi))
    if rect.width() <= 0 or rect.height() <= 0:
        return PageGeometry.a4(dpi)
    return PageGeometry(float(rect.width()), float(rect.height()), float(dpi))


def qimage(image: PreparedImage) -> QImage:
    if image.jpeg is not None:
        decoded = QImage.fromData(image.jpeg)
        if not decoded.isNull():
            return decoded
    if image.bgrx is not None:  # copied: a print preview keeps the picture after `image` has gone
        rgb32 = QImage.Format.Format_RGB32
        return QImage(image.bgrx, image.width, image.height, 4 * image.width, rgb32).copy()
    pixels = image.rgb()
    data = pixels.tobytes()
    return QImage(data, pixels.width, pixels.height, 3 * pixels.width, QImage.Format.Format_RGB888).copy()


@dataclass(frozen=True)
class RenderSummary:
    posts: int
    pages: int
    #: post id → pages it took (its own page(s) plus attachment pages)
    pages_per_post: dict[int, int]
    notes: tuple[str, ...]  # documents that could not be printed, "#post: why"


class PostPainter:
    """Paints posts onto one device, page after page, between :meth:`begin` and :meth:`end`."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.painter = QPainter()
        self.pages = 0
        self.fonts: Fonts | None = None
        self.geometry: PageGeometry | None = None

    def begin(self) -> None:
        if not self.painter.begin(self.device):
            target = self.device.outputFileName() if isinstance(self.device, QPrinter) else ""
            raise PrintFailed(f"無法開始列印{f'（無法寫入 {target}）' if target else ''}")
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.geometry = geometry_of(self.device)
        self.fonts = Fonts(print_font_family(), self.geometry.dpi)

    def end(self) -> None:
        if self.painter.isActive():
            self.painter.end()

    def post(
        self,
        prepared: PreparedPost,
        printed_by: str,
        printed_at: datetime,
        reprint: bool = False,
        print_key: str | None = None,
    ) -> int:
        """Paint one post (its page, then its attachment pages); returns the pages it took. Each page
        carries the code of the print record `print_key` (none: a preview or a copy, nothing recorded)."""
        assert self.fonts is not None and self.geometry is not None, "begin() first"
        text = post_text(prepared.snapshot, printed_by, printed_at, reprint)
        pages = layout_post(
            text,
            self.fonts,
            self.geometry,
            photo_size=prepared.photo.size if prepared.photo else None,
            attachments=[a.info for a in prepared.attachments],
            notes=prepared.notes,
        )
        code = modules(code_text(print_key)) if print_key else None
        for page in pages:
            self._page(page, prepared)
            if code is not None and page.code is not None:
                self._code(page.code, code)
        return len(pages)

    def _code(self, slot: CodeSlot, code: list[list[bool]]) -> None:
        """The QR code as filled squares (vector, crisp at any resolution), a row's dark runs merged."""
        p = self.painter
        module = slot.size / len(code)
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for row, cells in enumerate(code):
            column = 0
            while column < len(cells):
                if not cells[column]:
                    column += 1
                    continue
                end = column
                while end < len(cells) and cells[end]:
                    end += 1
                x, y = slot.x + column * module, slot.y + row * module
                p.drawRect(QRectF(x, y, (end - column) * module, module))
                column = end
        p.restore()

    def _page(self, page: Page, prepared: PreparedPost) -> None:
        assert self.fonts is not None and self.geometry is not None
        if self.pages:
            self.device.newPage()
        self.pages += 1
        p = self.painter
        ink = QColor(0, 0, 0)
        for rule in page.rules:
            pen = QPen(QColor(40, 40, 40) if rule.heavy else QColor(110, 110, 110))
            pen.setWidthF(self.geometry.mm(0.5 if rule.heavy else 0.25))
            p.setPen(pen)
            p.drawLine(QPointF(rule.x1, rule.y1), QPointF(rule.x2, rule.y2))
        p.setPen(ink)
        current: Role | None = None
        for run in page.texts:
            if run.role != current:
                p.setFont(self.fonts.font(run.role))
                current = run.role
            p.drawText(QPointF(run.x, run.baseline), run.text)
        slot = page.image
        if slot is None:
            return
        source = prepared.photo if slot.source == "photo" else prepared.attachments[slot.index].image
        if source is None:
            return
        target = QRectF(slot.x, slot.y, slot.width, slot.height)
        p.drawImage(target, qimage(source))
        if slot.source == "photo":
            frame = QPen(QColor(150, 150, 150))
            frame.setWidthF(self.geometry.mm(0.2))
            p.setPen(frame)
            p.drawRect(target)


def render_posts(
    device: QPagedPaintDevice,
    posts: Iterable[PreparedPost],
    *,
    printed_by: str,
    printed_at: datetime,
    reprints: frozenset[int] | set[int] = frozenset(),
    print_keys: Mapping[int, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> RenderSummary:
    """Paint every post in order onto `device` (a page per post, then its attachment pages), each page
    with the code of its print record (`print_keys`: post id → key; none for a copy or a preview)."""
    painter = PostPainter(device)
    painter.begin()
    per_post: dict[int, int] = {}
    notes: list[str] = []
    try:
        for done, prepared in enumerate(posts, start=1):
            per_post[prepared.post_id] = painter.post(
                prepared,
                printed_by,
                printed_at,
                prepared.post_id in reprints,
                (print_keys or {}).get(prepared.post_id),
            )
            notes.extend(f"#{prepared.post_id} {note}" for note in prepared.notes)
            if progress is not None:
                progress(done)
    finally:
        painter.end()
    return RenderSummary(len(per_post), painter.pages, per_post, tuple(notes))
