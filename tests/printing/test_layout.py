"""The page layout, without painting: wrapping loses nothing, nothing leaves the page, the photo is as
large as fits and keeps its shape, long texts continue on the next page, the hand-over line is there."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.printing.layout import (
    CODE_MM,
    POINT_SIZES,
    AttachmentInfo,
    Fonts,
    Page,
    PageGeometry,
    PostText,
    Role,
    fit,
    layout_post,
    wrap,
)
from reviewer_app.printing.render import print_font_family
from tests.printing.conftest import LONG_BODY, LONG_TITLE

DPI = 1200
NOW = datetime(2026, 11, 30, 1, 5, tzinfo=UTC)


@pytest.fixture
def fonts(qtbot: QtBot) -> Fonts:
    return Fonts(print_font_family(), DPI)


def text(**changes: object) -> PostText:
    values: dict[str, object] = {
        "post_id": 41,
        "facility_name": "法務部矯正署臺東戒治所",
        "call_number": "5882",
        "inmate_name": "謝子霖",
        "housing_unit": "忠舍 4 房",
        "family_name": "劉婉玲",
        "relationship": "配偶",
        "title": "新學期開始了",
        "body": "孩子這學期很努力，我們都很想你。",
        "approved_at": datetime(2026, 11, 20, 3, 0, tzinfo=UTC),
        "approved_by": "李社工師",
        "printed_at": NOW,
        "printed_by": "黃輔導員",
    }
    values.update(changes)
    return PostText(**values)  # type: ignore[arg-type]


def inside(page: Page, g: PageGeometry, fonts: Fonts) -> None:
    """Every piece of text, rule and picture lies inside the paint rectangle."""
    for run in page.texts:
        width = fonts.width(run.role, run.text)
        assert run.x >= -0.5 and run.x + width <= g.width + 1, run
        assert run.baseline - fonts.metrics(run.role).ascent() >= -0.5, run
        assert run.baseline + fonts.metrics(run.role).descent() <= g.height + 1, run
    for rule in page.rules:
        assert 0 <= rule.x1 <= rule.x2 <= g.width + 0.5 and 0 <= rule.y1 <= g.height
    if page.image is not None:
        s = page.image
        assert s.x >= -0.5 and s.y >= -0.5 and s.x + s.width <= g.width + 1 and s.y + s.height <= g.height + 1


def test_body_type_is_large_for_poor_eyesight() -> None:
    for role in (Role.CALL, Role.PLACE, Role.TITLE, Role.BODY, Role.HANDOVER):
        assert POINT_SIZES[role] >= 14, role


def test_wrapping_keeps_every_character(fonts: Fonts) -> None:
    width = PageGeometry.a4(DPI).width
    body = LONG_BODY + "\nA line with a verylongwordwithoutanyspacesthatmustbreaksomewhere" * 3
    lines = wrap(body, fonts.font(Role.BODY), width)
    assert "".join(lines).replace(" ", "") == body.replace("\n", "").replace(" ", "")
    assert all(fonts.width(Role.BODY, line) <= width + 1 for line in lines)
    assert len(lines) > len(body.split("\n"))  # long paragraphs were broken
    narrow = wrap("孩子這學期很努力", fonts.font(Role.BODY), 1.0)  # narrower than one character
    assert "".join(narrow) == "孩子這學期很努力"


@pytest.mark.parametrize(
    "paragraph",
    [
        "孩子們都很好𡒊𥕢𣶏𠀋𠮷，" * 12,  # names' rare characters, beyond the BMP (two UTF-16 units each)
        "林𡒊華說：" + "我們都很想你，要好好照顧自己。" * 8,
        "👍🏽" + "爸爸加油，我們等你回家。" * 10,
    ],
)
def test_wrapping_text_beyond_the_bmp_stays_on_the_page(fonts: Fonts, paragraph: str) -> None:
    """Qt counts a line's start and length in UTF-16 units; a Python string counts code points. Sliced
    with Qt's numbers, every line after a rare character took text it had no room for (off the paper)."""
    width = PageGeometry.a4(DPI).width
    lines = wrap(paragraph, fonts.font(Role.BODY), width)
    assert "".join(lines) == paragraph
    assert all(fonts.width(Role.BODY, line) <= width + 1 for line in lines)
    assert all(lines) and not any(line.startswith("，") for line in lines)


def test_an_ordinary_post_is_one_page_with_everything(fonts: Fonts) -> None:
    g = PageGeometry.a4(DPI)
    (page,) = layout_post(text(), fonts, g, photo_size=(4000, 3000))
    written = page.text()
    for expected in (
        "法務部矯正署臺東戒治所",
        "呼號 5882　謝子霖",
        "忠舍 4 房",
        "家屬　劉婉玲（配偶）",
        "新學期開始了",
        "孩子這學期很努力，我們都很想你。",
        "審核通過 2026/11/20　審核人 李社工師",
        "列印 2026/11/30 09:05　黃輔導員",
        "收件人簽名",
        "日期",
        "轉交人",
        "第 1／1 頁",
    ):
        assert expected in written, expected
    inside(page, g, fonts)
    photo = page.image
    assert photo is not None and photo.source == "photo"
    assert photo.width == pytest.approx(g.width, rel=1e-3)  # a landscape photo: the full width
    assert photo.width / photo.height == pytest.approx(4 / 3, rel=1e-3)
    assert photo.height > g.mm(100)  # as large as the page allows
    footer = min(r.baseline for r in page.texts if r.text.startswith("審核通過"))
    assert photo.y + photo.height < footer  # the photo never covers the hand-over lines


def test_a_portrait_photo_fills_the_height_left(fonts: Fonts) -> None:
    g = PageGeometry.a4(DPI)
    (page,) = layout_post(text(), fonts, g, photo_size=(3000, 4000))
    photo = page.image
    assert photo is not None
    assert photo.height / photo.width == pytest.approx(4 / 3, rel=1e-3)
    assert photo.x == pytest.approx((g.width - photo.width) / 2)  # centred
    assert photo.height > g.mm(120)
    inside(page, g, fonts)


def test_long_title_and_body_continue_and_nothing_is_cut_off(fonts: Fonts) -> None:
    g = PageGeometry.a4(DPI)
    pages = layout_post(text(title=LONG_TITLE, body=LONG_BODY), fonts, g, photo_size=(800, 1200))
    assert len(pages) >= 2
    for page in pages:
        inside(page, g, fonts)
    runs = [run for page in pages for run in page.texts if run.role in (Role.TITLE, Role.BODY)]
    everything = "".join(run.text for run in runs)
    assert everything.replace(" ", "") == (LONG_TITLE + LONG_BODY).replace("\n", "").replace(" ", "")
    assert "呼號 5882　謝子霖　家庭聯絡簿（續）" in pages[1].text()
    assert "收件人簽名" in pages[-1].text() and "收件人簽名" not in pages[0].text()
    assert [p.image is not None for p in pages].count(True) == 1
    assert f"第 {len(pages)}／{len(pages)} 頁" in pages[-1].text()


def test_attachment_pages_follow_with_the_inmate_named(fonts: Fonts) -> None:
    g = PageGeometry.a4(DPI)
    attachments = [AttachmentInfo("獎狀.pdf", n, 2, (2126, 3007)) for n in (1, 2)]
    notes = ["附件「x.jpg」無法列印：檔案已損毀"]
    pages = layout_post(text(), fonts, g, photo_size=None, attachments=attachments, notes=notes)
    assert [p.kind for p in pages] == ["post", "attachment", "attachment"]
    assert pages[0].image is None and "※ 附件「x.jpg」無法列印：檔案已損毀" in pages[0].text()
    for number, page in enumerate(pages[1:], start=1):
        assert "呼號 5882　謝子霖" in page.text()
        assert f"家庭聯絡簿附件：獎狀.pdf（第 {number}／2 頁）" in page.text()
        assert page.image is not None and page.image.source == "attachment" and page.image.index == number - 1
        assert f"第 {number + 1}／3 頁" in page.text()
        inside(page, g, fonts)


def test_reprint_is_marked_on_the_page(fonts: Fonts) -> None:
    (page,) = layout_post(text(reprint=True), fonts, PageGeometry.a4(DPI))
    assert "（補印）" in page.text()


def test_the_same_layout_at_another_resolution_scales(fonts: Fonts) -> None:
    low = Fonts(print_font_family(), 300)
    (high_page,) = layout_post(text(), fonts, PageGeometry.a4(DPI), photo_size=(4000, 3000))
    (low_page,) = layout_post(text(), low, PageGeometry.a4(300), photo_size=(4000, 3000))
    assert high_page.text() == low_page.text()
    assert high_page.image is not None and low_page.image is not None
    assert high_page.image.width == pytest.approx(low_page.image.width * 4, rel=0.01)


def test_fit_keeps_the_shape() -> None:
    assert fit((4000, 3000), 400, 400) == (400, 300)
    assert fit((300, 400), 600, 400) == (300, 400)
    assert fit((100, 50), 400, 400) == (400, 200)  # small pictures are enlarged to fit


@pytest.mark.parametrize("kind", ["long", "photo", "attachments"])
def test_every_page_keeps_a_clear_corner_for_its_code(fonts: Fonts, kind: str) -> None:
    """The page code's square (bottom right) touches no text, rule or picture: a scanner reads it and
    it hides nothing; 4 modules of white around it (the QR quiet zone)."""
    g = PageGeometry.a4(DPI)
    attachments = [AttachmentInfo("獎狀.pdf", n, 2, (2126, 3007)) for n in (1, 2)]
    pages = {
        "long": lambda: layout_post(text(title=LONG_TITLE, body=LONG_BODY), fonts, g, photo_size=(800, 1200)),
        "photo": lambda: layout_post(text(), fonts, g, photo_size=(1200, 1600)),
        "attachments": lambda: layout_post(text(), fonts, g, attachments=attachments),
    }[kind]()
    quiet = g.mm(CODE_MM) / 25 * 4
    for page in pages:
        code = page.code
        assert code is not None and code.size == pytest.approx(g.mm(CODE_MM))
        assert code.x + code.size <= g.width + 0.5 and code.y + code.size <= g.height
        box = (code.x - quiet, code.y - quiet, code.x + code.size + quiet, code.y + code.size + quiet)

        def clear(
            x1: float, y1: float, x2: float, y2: float, what: object, box: tuple[float, ...] = box
        ) -> None:
            left, top, right, bottom = box
            assert x2 <= left or x1 >= right or y2 <= top or y1 >= bottom, what

        for run in page.texts:
            m = fonts.metrics(run.role)
            clear(
                run.x,
                run.baseline - m.ascent(),
                run.x + fonts.width(run.role, run.text),
                run.baseline + m.descent(),
                run,
            )
        for rule in page.rules:
            clear(rule.x1, rule.y1, rule.x2, rule.y2, rule)
        if page.image is not None:
            s = page.image
            clear(s.x, s.y, s.x + s.width, s.y + s.height, s)
