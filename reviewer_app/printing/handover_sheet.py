"""簽收單: the hand-over sheet, one page per housing unit, for the inmates to sign where scanning is
not used. Its rows follow the counsellor's walk through the unit (room, then call number: the list's
walking order), one row an inmate with the posts handed to them; at the foot the counsellor signs.

Only names and numbers staff already see on the printouts; no message text. Painted like the posts
(render.py: the shipped font, A4 portrait, any paged device: paper, PDF or a preview); a unit with more
inmates than a page holds continues on a next page headed (續).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reviewer_app.core.timeutil import local
from reviewer_app.journal.print_records import QueuedPost, unit_of
from reviewer_app.printing.layout import Fonts, PageGeometry, Role, wrap
from reviewer_app.printing.render import PrintFailed, geometry_of, new_pdf_printer, print_font_family
from reviewer_app.printing.whole_pdf import written_whole
from reviewer_app.qt import QColor, QPagedPaintDevice, QPainter, QPen, QPointF, Qt

#: A row's height: room for a signature (about 23 rows a page).
ROW_MM = 9.5
#: The columns' shares of the page width: 房, 呼號, 姓名, 聯絡簿編號, 收件人簽名, 日期.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("房", 0.09),
    ("呼號", 0.10),
    ("姓名", 0.15),
    ("聯絡簿編號", 0.25),
    ("收件人簽名", 0.27),
    ("日期", 0.14),
)


@dataclass(frozen=True)
class SheetRow:
    room: str  # the place within the unit: "3 房"
    call_number: str
    name: str
    post_ids: tuple[int, ...]


@dataclass(frozen=True)
class UnitSheet:
    unit: str
    rows: tuple[SheetRow, ...]

    @property
    def posts(self) -> int:
        return sum(len(r.post_ids) for r in self.rows)


def unit_sheets(posts: Sequence[QueuedPost]) -> list[UnitSheet]:
    """The sheets of these posts (already in walking order, as the list gives them): one a housing
    unit, in the order the units come, one row an inmate."""
    units: dict[str, dict[int, SheetRow]] = {}
    for post in posts:
        unit = unit_of(post.housing_unit)
        rows = units.setdefault(unit, {})
        inmate = post.inmate
        row = rows.get(inmate.id)
        if row is None:
            room = post.housing_unit.strip()[len(unit) :].strip() if post.housing_unit.strip() else ""
            rows[inmate.id] = SheetRow(room, inmate.call_number, inmate.name, (post.post_id,))
        else:
            rows[inmate.id] = SheetRow(row.room, row.call_number, row.name, (*row.post_ids, post.post_id))
    return [UnitSheet(unit, tuple(rows.values())) for unit, rows in units.items()]


def render_sheets(
    device: QPagedPaintDevice,
    sheets: Sequence[UnitSheet],
    *,
    facility_name: str,
    printed_by: str,
    now: datetime,
) -> int:
    """Paint the sheets onto `device`, each unit from a new page; returns the pages painted."""
    painter = QPainter()
    if not painter.begin(device):
        raise PrintFailed("無法開始列印簽收單")
    try:
        g = geometry_of(device)
        sheet = _SheetPainter(painter, device, g, Fonts(print_font_family(), g.dpi))
        for unit in sheets:
            sheet.unit(unit, facility_name, printed_by, now)
        return sheet.pages
    finally:
        painter.end()


def write_sheets_pdf(
    path: Path, sheets: Sequence[UnitSheet], *, facility_name: str, printed_by: str, now: datetime
) -> int:
    """The sheets as a PDF file at `path` (written whole or not at all); the pages it has."""
    printer = new_pdf_printer(path, f"家庭聯絡簿簽收單 {local(now):%Y-%m-%d}")
    with written_whole(printer):
        return render_sheets(printer, sheets, facility_name=facility_name, printed_by=printed_by, now=now)


class _SheetPainter:
    def __init__(self, painter: QPainter, device: QPagedPaintDevice, g: PageGeometry, fonts: Fonts) -> None:
        self.p = painter
        self.device = device
        self.g = g
        self.fonts = fonts
        self.pages = 0

    def _text(self, text: str, role: Role, x: float, baseline: float, width: float | None = None) -> None:
        self.p.setFont(self.fonts.font(role))
        if width is not None:
            text = self.fonts.metrics(role).elidedText(text, Qt.TextElideMode.ElideRight, width)
        self.p.drawText(QPointF(x, baseline), text)

    def _rule(self, y: float, heavy: bool = False) -> None:
        pen = QPen(QColor(40, 40, 40) if heavy else QColor(110, 110, 110))
        pen.setWidthF(self.g.mm(0.5 if heavy else 0.25))
        self.p.setPen(pen)
        self.p.drawLine(QPointF(0, y), QPointF(self.g.width, y))
        self.p.setPen(QColor(0, 0, 0))

    def _new_page(self) -> None:
        if self.pages:
            self.device.newPage()
        self.pages += 1

    def unit(self, sheet: UnitSheet, facility_name: str, printed_by: str, now: datetime) -> None:
        g, f = self.g, self.fonts
        row_h = g.mm(ROW_MM)
        foot_h = g.mm(18)
        rows = list(sheet.rows)
        part = 0
        while True:
            part += 1
            self._new_page()
            y = f.metrics(Role.HEADING).ascent()
            self._text("家庭聯絡簿簽收單" + ("（續）" if part > 1 else ""), Role.HEADING, 0, y)
            self._text(facility_name, Role.HEADING, g.width - f.width(Role.HEADING, facility_name), y)
            y += f.line_height(Role.HEADING) + g.mm(1)
            self._rule(y, heavy=True)
            y += g.mm(2) + f.metrics(Role.CALL).ascent()
            self._text(sheet.unit, Role.CALL, 0, y)
            summary = f"{local(now):%Y/%m/%d}　共 {len(sheet.rows)} 人 {sheet.posts} 件"
            self._text(summary, Role.PLACE, g.width - f.width(Role.PLACE, summary), y)
            y += f.metrics(Role.CALL).descent() + g.mm(4)
            y = top = self._header(y)
            while rows and (y + self._height(rows[0], row_h) <= g.height - foot_h or y == top):
                y += self._row(rows.pop(0), y, row_h)
            self._foot(printed_by)
            if not rows:
                break

    def _columns(self) -> list[tuple[str, float, float]]:
        x, out = 0.0, []
        for label, share in COLUMNS:
            width = self.g.width * share
            out.append((label, x, width))
            x += width
        return out

    def _header(self, y: float) -> float:
        f = self.fonts
        baseline = y + f.metrics(Role.META).ascent()
        for label, x, width in self._columns():
            self._text(label, Role.META, x + self.g.mm(1), baseline, width - self.g.mm(2))
        y = baseline + f.metrics(Role.META).descent() + self.g.mm(1.5)
        self._rule(y, heavy=True)
        return y

    def _numbers(self, row: SheetRow) -> list[str]:
        """The row's post numbers, wrapped in their column (an inmate may have several posts)."""
        _label, _x, width = self._columns()[3]
        text = "、".join(f"#{n}" for n in row.post_ids)
        return wrap(text, self.fonts.font(Role.META), width - self.g.mm(2))

    def _height(self, row: SheetRow, least: float) -> float:
        return max(least, len(self._numbers(row)) * self.fonts.line_height(Role.META) + self.g.mm(3))

    def _row(self, row: SheetRow, top: float, least: float) -> float:
        """Paint one row from `top`; returns its height."""
        f = self.fonts
        height = self._height(row, least)
        columns = self._columns()
        cells = (row.room, row.call_number, row.name)
        hand = f.metrics(Role.HANDOVER)
        baseline = top + (height + hand.ascent() - hand.descent()) / 2
        for text, (_label, x, width) in zip(cells, columns, strict=False):
            self._text(text, Role.HANDOVER, x + self.g.mm(1), baseline, width - self.g.mm(2))
        numbers = self._numbers(row)
        meta = f.metrics(Role.META)
        line = f.line_height(Role.META)
        y = top + (height - line * len(numbers)) / 2 + meta.ascent()
        for text in numbers:
            self._text(text, Role.META, columns[3][1] + self.g.mm(1), y)
            y += line
        self._rule(top + height)
        return height

    def _foot(self, printed_by: str) -> None:
        g, f = self.g, self.fonts
        baseline = g.height - f.line_height(Role.SMALL) - g.mm(4)
        label = "轉交人簽名"
        self._text(label, Role.HANDOVER, 0, baseline)
        start = f.width(Role.HANDOVER, label) + g.mm(2)
        self.p.setPen(QPen(QColor(110, 110, 110), g.mm(0.25)))
        self.p.drawLine(QPointF(start, baseline + g.mm(1)), QPointF(start + g.mm(70), baseline + g.mm(1)))
        self.p.setPen(QColor(0, 0, 0))
        printed = f"列印人 {printed_by}"
        self._text(printed, Role.META, g.width - f.width(Role.META, printed), baseline)
