"""Where everything goes on a printed post: pure geometry from the post's data, nothing painted.

A post prints on A4 portrait: the facility, the inmate's call number and name, the housing unit, the
family member and the relationship, the title and the body in large type, the photo as large as the
rest of the page allows, the approval and printing lines, and the hand-over line the inmate signs
(收件人簽名 / 日期 / 轉交人). Pages of PDF attachments follow, one picture a page, each headed with the
inmate's call number and name so a loose page still finds its owner. Every page carries 第 n／N 頁 and,
in its bottom right corner, the place of the print record's code (page_code.py; painted by render.py
when the page is printed for real, left blank in a preview).

Text is wrapped with ``QTextLayout`` (Unicode line breaking: anywhere between Chinese characters, at
word boundaries in Latin text, anywhere in an overlong word), so nothing is ever cut off; text that
does not fit continues on a next page, and a photo that would come out small goes to its own page.

All lengths are device pixels of the page's paint rectangle (origin at its top left), computed from
the device's resolution, so the same layout serves a 1200 dpi PDF, a 600 dpi printer and the preview.
Needs a ``QGuiApplication`` (for the font's metrics), paints nothing: :mod:`.render` paints it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Final

from reviewer_app.core.timeutil import local
from reviewer_app.qt import QFont, QFontMetricsF, QTextLayout, QTextOption

MM_PER_INCH: Final = 25.4
#: A4 portrait, in millimetres, and the margins every page keeps.
A4_MM: Final = (210.0, 297.0)
MARGINS_MM: Final = (15.0, 12.0, 15.0, 12.0)  # left, top, right, bottom
#: Attachment pages (a scanned ID, a certificate) are drawn at about this resolution: small print on
#: them stays legible, and a 100-post PDF stays a reasonable size.
IMAGE_DPI: Final = 280
#: Photos are drawn at about this resolution: an office laser printer's halftone screen shows no more
#: of a photograph, and a phone's 12 MP picture then decodes at a quarter scale (a 100-post morning
#: batch prints in seconds instead of half a minute).
PHOTO_DPI: Final = 150
#: The largest box a photo can get (the whole width, most of the height); images are decoded to fit it.
PHOTO_BOX_MM: Final = (A4_MM[0] - MARGINS_MM[0] - MARGINS_MM[2], 200.0)
ATTACHMENT_BOX_MM: Final = (
    A4_MM[0] - MARGINS_MM[0] - MARGINS_MM[2],
    A4_MM[1] - MARGINS_MM[1] - MARGINS_MM[3],
)
#: A photo that would come out lower than this on the text's page gets a page of its own.
MIN_PHOTO_MM: Final = 70.0
#: The page code's square (a 25-module QR code at 0.6 mm a module: a hand scanner reads it at arm's
#: length, an office laser prints it crisp) and the white it keeps around it (the quiet zone, 4 modules).
CODE_MM: Final = 15.0
CODE_GAP_MM: Final = 3.0


class Role(StrEnum):
    """What a piece of text is; each role has its type size (see POINT_SIZES)."""

    HEADING = "heading"  # facility, 家庭聯絡簿
    CALL = "call"  # 呼號 and name: the largest, the counsellor sorts by it
    PLACE = "place"  # housing unit, family member
    TITLE = "title"
    BODY = "body"
    META = "meta"  # approval and printing lines, notes, attachment headings
    HANDOVER = "handover"  # 收件人簽名 / 日期 / 轉交人
    SMALL = "small"  # page numbers


#: Type sizes in points. Readable for poor eyesight: body text 16 pt (at least 14 pt everywhere the
#: inmate reads; the smaller roles are for staff).
POINT_SIZES: Final[dict[Role, float]] = {
    Role.HEADING: 14.0,
    Role.CALL: 22.0,
    Role.PLACE: 16.0,
    Role.TITLE: 22.0,
    Role.BODY: 17.0,
    Role.META: 12.0,
    Role.HANDOVER: 14.0,
    Role.SMALL: 10.0,
}
LINE_SPACING: Final[dict[Role, float]] = {Role.BODY: 1.45, Role.TITLE: 1.2}


def mm_to_px(mm: float, dpi: float) -> float:
    return mm * dpi / MM_PER_INCH


def image_pixels(box_mm: tuple[float, float], dpi: float = IMAGE_DPI) -> tuple[int, int]:
    """The pixel size that fills a box of `box_mm` at `dpi`: what images are decoded to fit."""
    return (round(mm_to_px(box_mm[0], dpi)), round(mm_to_px(box_mm[1], dpi)))


@dataclass(frozen=True)
class PageGeometry:
    """The paint rectangle of a page in device pixels, and the device's resolution."""

    width: float
    height: float
    dpi: float

    @classmethod
    def a4(cls, dpi: float) -> PageGeometry:
        w = A4_MM[0] - MARGINS_MM[0] - MARGINS_MM[2]
        h = A4_MM[1] - MARGINS_MM[1] - MARGINS_MM[3]
        return cls(mm_to_px(w, dpi), mm_to_px(h, dpi), dpi)

    def mm(self, value: float) -> float:
        return mm_to_px(value, self.dpi)


class Fonts:
    """One font per role at device pixel sizes: metrics here and glyphs on the page agree."""

    def __init__(self, family: str, dpi: float) -> None:
        self.family = family
        self.dpi = dpi
        self._fonts: dict[Role, QFont] = {}
        self._metrics: dict[Role, QFontMetricsF] = {}
        for role, points in POINT_SIZES.items():
            font = QFont(family)
            font.setPixelSize(max(1, round(points * dpi / 72.0)))
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            font.setKerning(True)
            self._fonts[role] = font
            self._metrics[role] = QFontMetricsF(font)

    def font(self, role: Role) -> QFont:
        return QFont(self._fonts[role])

    def metrics(self, role: Role) -> QFontMetricsF:
        return self._metrics[role]

    def width(self, role: Role, text: str) -> float:
        return self._metrics[role].horizontalAdvance(text)

    def line_height(self, role: Role) -> float:
        m = self._metrics[role]
        return (m.ascent() + m.descent()) * LINE_SPACING.get(role, 1.15)


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` (device pixels); paragraphs kept, nothing lost.

    Joining the lines of each paragraph gives the paragraph back (spaces at the breaks excepted).
    """
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ").split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        # Qt gives a line's start and length in UTF-16 units; a character beyond the BMP (a name's rare
        # character, an emoji) is two of them, so the line is cut from the UTF-16 text, not the str.
        utf16 = paragraph.encode("utf-16-le")
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            start, length = 2 * line.textStart(), 2 * line.textLength()
            lines.append(utf16[start : start + length].decode("utf-16-le").rstrip())
        layout.endLayout()
    return lines


# ---- what the layout produces -----------------------------------------------------------------------


@dataclass(frozen=True)
class TextRun:
    text: str
    role: Role
    x: float
    baseline: float


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    heavy: bool = False


@dataclass(frozen=True)
class Slot:
    """Where a picture goes: the rectangle (already fitted to the picture's shape)."""

    x: float
    y: float
    width: float
    height: float
    source: str  # "photo" | "attachment"
    index: int = 0  # which attachment page


@dataclass(frozen=True)
class CodeSlot:
    """Where the page code goes: a square in the bottom right corner, clear of everything else."""

    x: float
    y: float
    size: float


@dataclass(frozen=True)
class Page:
    texts: tuple[TextRun, ...]
    rules: tuple[Rule, ...]
    image: Slot | None
    kind: str  # "post" | "attachment"
    code: CodeSlot | None = None

    def text(self) -> str:
        """Everything written on the page, line by line (for tests and accessibility)."""
        return "\n".join(t.text for t in self.texts)


@dataclass(frozen=True)
class PostText:
    """The words of one printed post (from its snapshot) and who printed it when."""

    post_id: int
    facility_name: str
    call_number: str
    inmate_name: str
    housing_unit: str
    family_name: str
    relationship: str  # in words: 母, 配偶…
    title: str
    body: str
    approved_at: datetime | None
    approved_by: str | None
    printed_at: datetime
    printed_by: str
    reprint: bool = False


@dataclass(frozen=True)
class AttachmentInfo:
    filename: str
    page: int  # from 1
    pages: int
    size: tuple[int, int]  # the rendered picture, pixels


def date_text(moment: datetime) -> str:
    return f"{local(moment):%Y/%m/%d}"


def fit(size: tuple[float, float], box_w: float, box_h: float) -> tuple[float, float]:
    """`size` scaled (up or down) to the largest size inside the box, keeping its shape."""
    w, h = max(1.0, float(size[0])), max(1.0, float(size[1]))
    scale = min(box_w / w, box_h / h)
    return (w * scale, h * scale)


@dataclass
class _PageBuilder:
    kind: str
    texts: list[TextRun] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    image: Slot | None = None

    def freeze(self, code: CodeSlot | None = None) -> Page:
        return Page(tuple(self.texts), tuple(self.rules), self.image, self.kind, code)


class _Flow:
    """Places lines from the top of the page down to `bottom`, starting a continued page when full."""

    def __init__(self, fonts: Fonts, geometry: PageGeometry, bottom: float, continued: str) -> None:
        self.fonts = fonts
        self.g = geometry
        self.bottom = bottom
        self.continued = continued
        self.pages: list[_PageBuilder] = [_PageBuilder("post")]
        self.y = 0.0

    @property
    def page(self) -> _PageBuilder:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(_PageBuilder("post"))
        self.y = 0.0
        self.line(self.continued, Role.META)
        self.rule(gap_mm=1.5)

    def fits(self, height: float) -> bool:
        return self.y + height <= self.bottom + 0.01

    def line(self, text: str, role: Role, x: float = 0.0) -> None:
        height = self.fonts.line_height(role)
        if not self.fits(height) and self.y > 0:
            self.new_page()
        ascent = self.fonts.metrics(role).ascent()
        if text:
            self.page.texts.append(TextRun(text, role, x, self.y + ascent))
        self.y += height

    def paragraph(self, text: str, role: Role, indent: float = 0.0) -> None:
        for line in wrap(text, self.fonts.font(role), self.g.width - indent):
            self.line(line, role, indent)

    def pair(self, left: str, left_role: Role, right: str, right_role: Role) -> None:
        """`left` at the left and `right` at the right edge on one line, or one under the other."""
        gap = self.g.mm(6)
        lw, rw = self.fonts.width(left_role, left), self.fonts.width(right_role, right)
        if right and lw + gap + rw <= self.g.width:
            height = max(self.fonts.line_height(left_role), self.fonts.line_height(right_role))
            if not self.fits(height) and self.y > 0:
                self.new_page()
            baseline = self.y + max(
                self.fonts.metrics(left_role).ascent(), self.fonts.metrics(right_role).ascent()
            )
            self.page.texts.append(TextRun(left, left_role, 0.0, baseline))
            self.page.texts.append(TextRun(right, right_role, self.g.width - rw, baseline))
            self.y += height
            return
        self.paragraph(left, left_role)
        if right:
            self.paragraph(right, right_role)

    def rule(self, gap_mm: float = 2.0, heavy: bool = False) -> None:
        self.y += self.g.mm(gap_mm) / 2
        self.page.rules.append(Rule(0.0, self.y, self.g.width, self.y, heavy))
        self.y += self.g.mm(gap_mm) / 2

    def space(self, mm: float) -> None:
        self.y = min(self.y + self.g.mm(mm), self.bottom)


def _footer(text: PostText, fonts: Fonts, g: PageGeometry) -> tuple[float, list[TextRun], list[Rule]]:
    """The approval and printing lines and the hand-over line, at the bottom of the post's last
    page: (height, texts and rules with y measured from the top of the footer). The hand-over line
    keeps left of the page code, and its signing room is as high as the code with its white."""
    texts: list[TextRun] = []
    rules: list[Rule] = []
    y = 0.0
    approved = "審核通過"
    if text.approved_at is not None:
        approved += f" {date_text(text.approved_at)}"
    if text.approved_by:
        approved += f"　審核人 {text.approved_by}"
    printed = f"列印 {local(text.printed_at):%Y/%m/%d %H:%M}　{text.printed_by}"
    if text.reprint:
        printed += "（補印）"
    meta = fonts.metrics(Role.META)
    for line in wrap(f"{approved}　　{printed}", fonts.font(Role.META), g.width):
        texts.append(TextRun(line, Role.META, 0.0, y + meta.ascent()))
        y += fonts.line_height(Role.META)
    y += g.mm(2)
    rules.append(Rule(0.0, y, g.width, y, heavy=True))
    # Room to sign above the line, then the labels with their blanks on one baseline, left of the code.
    y += g.mm(CODE_MM)
    g = replace(g, width=g.width - g.mm(CODE_MM + CODE_GAP_MM))
    labels = ("收件人簽名", "日期", "轉交人")
    shares = (0.42, 0.26, 0.32)
    gap = g.mm(2)
    label_widths = [fonts.width(Role.HANDOVER, label) for label in labels]
    blanks_total = g.width - sum(label_widths) - gap * (2 * len(labels) + 1)
    baseline = y
    x = 0.0
    if blanks_total < g.mm(30):  # a very narrow page: one label per line
        for label in labels:
            texts.append(TextRun(label, Role.HANDOVER, 0.0, baseline))
            start = fonts.width(Role.HANDOVER, label) + gap
            rules.append(Rule(start, baseline + g.mm(1), g.width, baseline + g.mm(1)))
            baseline += g.mm(12)
        y = baseline - g.mm(12)
    else:
        for label, share, label_w in zip(labels, shares, label_widths, strict=True):
            texts.append(TextRun(label, Role.HANDOVER, x, baseline))
            x += label_w + gap
            blank = blanks_total * share
            rules.append(Rule(x, baseline + g.mm(1), x + blank, baseline + g.mm(1)))
            x += blank + gap * 2
    y += fonts.metrics(Role.HANDOVER).descent() + g.mm(2)
    return y, texts, rules


def _page_number_height(fonts: Fonts, g: PageGeometry) -> float:
    return fonts.line_height(Role.SMALL) + g.mm(2)


def layout_post(
    text: PostText,
    fonts: Fonts,
    geometry: PageGeometry,
    *,
    photo_size: tuple[int, int] | None = None,
    attachments: Sequence[AttachmentInfo] = (),
    notes: Sequence[str] = (),
) -> list[Page]:
    """The pages of one post: its own page (rarely more), then one page per attachment page."""
    g = geometry
    numbers_h = _page_number_height(fonts, g)
    footer_h, footer_texts, footer_rules = _footer(text, fonts, g)
    bottom = g.height - numbers_h - footer_h - g.mm(3)
    who = f"呼號 {text.call_number}　{text.inmate_name}"
    flow = _Flow(fonts, g, bottom, f"{who}　家庭聯絡簿（續）")

    flow.pair(text.facility_name, Role.HEADING, "家庭聯絡簿", Role.HEADING)
    flow.rule(gap_mm=3, heavy=True)
    flow.pair(who, Role.CALL, text.housing_unit, Role.PLACE)
    relation = f"（{text.relationship}）" if text.relationship else ""
    flow.paragraph(f"家屬　{text.family_name}{relation}", Role.PLACE)
    flow.rule(gap_mm=4)
    if text.title.strip():
        flow.paragraph(text.title.strip(), Role.TITLE)
        flow.space(2)
    flow.paragraph(text.body.strip(), Role.BODY)
    if notes:
        flow.space(2)
        for note in notes:
            flow.paragraph(f"※ {note}", Role.META)

    if photo_size is not None:
        flow.space(4)
        room = flow.bottom - flow.y
        w, h = fit(photo_size, g.width, room)
        if h < min(g.mm(MIN_PHOTO_MM), fit(photo_size, g.width, g.mm(MIN_PHOTO_MM))[1]) - 0.5:
            flow.new_page()
            flow.space(2)
            room = flow.bottom - flow.y
            w, h = fit(photo_size, g.width, room)
        flow.page.image = Slot((g.width - w) / 2, flow.y, w, h, "photo")
        flow.y += h

    last = flow.page
    top = g.height - numbers_h - footer_h
    last.texts.extend(replace(t, baseline=t.baseline + top) for t in footer_texts)
    last.rules.extend(replace(r, y1=r.y1 + top, y2=r.y2 + top) for r in footer_rules)

    pages = list(flow.pages)
    for index, info in enumerate(attachments):
        pages.append(_attachment_page(text, info, index, fonts, g, numbers_h))
    return _numbered(pages, text, fonts, g)


def _attachment_page(
    text: PostText, info: AttachmentInfo, index: int, fonts: Fonts, g: PageGeometry, numbers_h: float
) -> _PageBuilder:
    flow = _Flow(fonts, g, g.height - numbers_h - g.mm(CODE_MM + CODE_GAP_MM), "")
    flow.pages[0].kind = "attachment"
    flow.pair(f"呼號 {text.call_number}　{text.inmate_name}", Role.META, text.housing_unit, Role.META)
    pages = f"（第 {info.page}／{info.pages} 頁）" if info.pages > 1 else ""
    flow.paragraph(f"家庭聯絡簿附件：{info.filename}{pages}", Role.META)
    flow.rule(gap_mm=3)
    room = flow.bottom - flow.y
    w, h = fit(info.size, g.width, room)
    page = flow.pages[0]
    page.image = Slot((g.width - w) / 2, flow.y, w, h, "attachment", index)
    return page


def _numbered(pages: list[_PageBuilder], text: PostText, fonts: Fonts, g: PageGeometry) -> list[Page]:
    baseline = g.height - fonts.metrics(Role.SMALL).descent()
    size = g.mm(CODE_MM)
    code = CodeSlot(g.width - size, g.height - _page_number_height(fonts, g) - size, size)
    out = []
    for number, page in enumerate(pages, start=1):
        label = f"第 {number}／{len(pages)} 頁"
        page.texts.append(TextRun(f"聯絡簿編號 {text.post_id}", Role.SMALL, 0.0, baseline))
        page.texts.append(TextRun(label, Role.SMALL, g.width - fonts.width(Role.SMALL, label), baseline))
        out.append(page.freeze(code))
    return out


def layout_notice(message: str, fonts: Fonts, geometry: PageGeometry) -> Page:
    """A page saying why a post could not be printed (kept in the stack so nothing goes missing)."""
    flow = _Flow(fonts, geometry, geometry.height, "")
    flow.paragraph(message, Role.PLACE)
    return flow.pages[0].freeze()
