"""Demo identity and kinship documents: the national ID card, the household register (戶口名簿) and the
household transcript PDF (戶籍謄本) that proves a relationship. Each carries a "樣本 SAMPLE" watermark
so that nobody mistakes it for a real one."""

from __future__ import annotations

import math
import random
from datetime import date, datetime
from typing import Final

from PIL import Image, ImageDraw

from reviewer_app.demo import names
from reviewer_app.demo.drawing import (
    _CITIES,
    _add_noise,
    _address,
    _encode,
    _font,
    _paper,
    _random_date,
    _roc_date,
    _table,
    _text_width,
    _watermark,
    _wrap,
)

_OLDER_TITLES: Final[tuple[str, ...]] = ("父", "母", "祖", "嬤", "公", "婆")
_YOUNGER_TITLES: Final[tuple[str, ...]] = ("子", "女", "孫")


def _birth_for_title(rng: random.Random, title: str) -> date:
    """A birth date plausible for a household member's 稱謂 relative to the head of household."""
    if any(k in title for k in _OLDER_TITLES) and "之配偶" not in title:
        return _random_date(rng, date(1940, 1, 1), date(1965, 12, 31))
    if any(k in title for k in _YOUNGER_TITLES) and "配偶" not in title:
        return _random_date(rng, date(2006, 1, 1), date(2022, 12, 31))
    return _random_date(rng, date(1966, 1, 1), date(1996, 12, 31))


def _sex_for_title(rng: random.Random, title: str) -> str:
    if any(k in title for k in ("母", "妻", "女", "姊", "妹", "媳", "嬤", "婆")):
        return "F"
    if any(k in title for k in ("父", "夫", "子", "兄", "弟", "婿", "公")):
        return "M"
    return rng.choice("MF")


def _stamp(draw: ImageDraw.ImageDraw, centre: tuple[int, int], radius: int, text: str) -> None:
    """A red round office stamp."""
    cx, cy = centre
    red = (205, 40, 40)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=red, width=5)
    draw.ellipse(
        (cx - radius + 10, cy - radius + 10, cx + radius - 10, cy + radius - 10), outline=red, width=2
    )
    font = _font(max(12, radius // 4), bold=True)
    lines = _wrap(text, font, radius * 1.3)
    line_h = int(radius / 3.2)
    y = cy - len(lines) * line_h // 2
    for line in lines:
        draw.text((cx - _text_width(font, line) / 2, y), line, font=font, fill=red)
        y += line_h


# ----------------------------------------------------------------------------------- ID and records


def id_card_image(rng: random.Random, name: str, national_id: str, birth: date) -> bytes:
    """JPEG (1000×630) resembling the front of a Taiwanese national ID card, watermarked as a sample."""
    width, height = 1000, 630
    image = Image.new("RGB", (width, height), (205, 205, 200))
    card = Image.new("RGB", (width - 24, height - 24), (226, 238, 232))
    draw = ImageDraw.Draw(card)
    cw, ch = card.size
    # guilloche-like background lines
    for k in range(26):
        amp = rng.uniform(8, 22)
        period = rng.uniform(120, 260)
        phase = rng.uniform(0, math.tau)
        base = 20 + k * (ch - 40) / 25
        points = [(x, base + amp * math.sin(x / period * math.tau + phase)) for x in range(0, cw + 8, 8)]
        draw.line(points, fill=(190, 214, 206) if k % 2 else (205, 222, 230), width=2)
    # faint plum-blossom emblem behind the text
    ex, ey = int(cw * 0.45), int(ch * 0.55)
    for petal in range(5):
        angle = petal * math.tau / 5 - math.pi / 2
        px, py = ex + 70 * math.cos(angle), ey + 70 * math.sin(angle)
        draw.ellipse((px - 55, py - 55, px + 55, py + 55), outline=(200, 220, 214), width=3)

    dark, label = (30, 45, 70), (90, 100, 110)
    draw.text((40, 28), "中華民國國民身分證", font=_font(50, bold=True), fill=dark)
    label_font, value_font = _font(24), _font(40, bold=True)
    draw.text((44, 130), "姓　　名", font=label_font, fill=label)
    draw.text((190, 118), "  ".join(name), font=value_font, fill=dark)
    draw.text((44, 210), "出生年月日", font=label_font, fill=label)
    draw.text((190, 202), _roc_date(birth), font=_font(34), fill=dark)
    female = len(national_id) > 1 and national_id[1] == "2"
    draw.text((44, 280), "性　　別", font=label_font, fill=label)
    draw.text((190, 272), "女" if female else "男", font=_font(34), fill=dark)
    earliest = date(max(2005, birth.year + 14), 1, 1)
    latest = max(earliest, date(2024, 12, 31))
    issued = _random_date(rng, earliest, latest)
    _, issuer = _address(rng)
    kind = rng.choice(("換發", "補發", "初發"))
    draw.text((44, 350), "發證日期", font=label_font, fill=label)
    draw.text((190, 344), f"{_roc_date(issued)}（{issuer}）{kind}", font=_font(30), fill=dark)
    draw.text((44, ch - 110), "統一編號", font=label_font, fill=label)
    draw.text((190, ch - 128), national_id, font=_font(54, bold=True), fill=(180, 30, 40))

    # portrait box: grey with a head-and-shoulders silhouette
    px0, py0, px1, py1 = cw - 320, 110, cw - 50, 460
    draw.rectangle((px0, py0, px1, py1), fill=(196, 198, 200), outline=(150, 150, 150), width=2)
    mid = (px0 + px1) // 2
    draw.ellipse((mid - 105, py1 - 110, mid + 105, py1 + 110), fill=(150, 152, 156))
    draw.ellipse((mid - 62, py0 + 60, mid + 62, py0 + 215), fill=(160, 162, 166))
    draw.text((px0 + 10, py1 + 12), "（相片）", font=_font(22), fill=label)

    mask = Image.new("L", card.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, cw - 1, ch - 1), radius=34, fill=255)
    image.paste(card, (12, 12), mask)
    image = _add_noise(image, rng, 4)
    return _encode(_watermark(image), "JPEG", quality=88)


def household_register_image(rng: random.Random, members: list[tuple[str, str]]) -> bytes:
    """JPEG (1400×1000) of a 戶口名簿 page; `members` are (name, 稱謂) pairs, the first is 戶長."""
    width, height = 1400, 1000
    image = _paper(rng, (width, height))
    draw = ImageDraw.Draw(image)
    address, _ = _address(rng)
    draw.text((width // 2 - 120, 40), "戶口名簿", font=_font(60, bold=True), fill=(20, 20, 20))
    info_font = _font(26)
    draw.text((70, 140), f"戶　號：{rng.randrange(10**7, 10**8):08d}", font=info_font, fill=(20, 20, 20))
    head = members[0][0] if members else "—"
    draw.text((520, 140), f"戶　長：{head}", font=info_font, fill=(20, 20, 20))
    draw.text((70, 190), f"住　址：{address}", font=info_font, fill=(20, 20, 20))

    rows: list[list[str]] = [["稱謂", "姓名", "性別", "出生日期", "統一編號", "記事"]]
    for member_name, title in members:
        sex = _sex_for_title(rng, title)
        birth = _birth_for_title(rng, title)
        note = rng.choice(("", "", "", "遷入", "出生登記", "結婚登記"))
        rows.append(
            [
                title,
                member_name,
                "女" if sex == "F" else "男",
                _roc_date(birth),
                names.national_id(rng, sex),
                note,
            ]
        )
    bottom = _table(
        draw, (70, 250), (150, 210, 100, 300, 240, 260), rows, _font(26), _font(26, bold=True), 64
    )
    draw.text((70, min(height - 80, bottom + 30)), "以下空白", font=_font(22), fill=(90, 90, 90))
    office = rng.choice(_CITIES)[2][0] + "戶政事務所"
    _stamp(draw, (width - 190, height - 170), 100, office)
    return _encode(_watermark(image), "JPEG", quality=85)


def relationship_proof_pdf(
    rng: random.Random, applicant: str, inmate: str, relationship_zh: str, pages: int = 2
) -> bytes:
    """A multi-page A4 PDF like a 戶籍謄本 (household transcript) showing applicant and inmate.

    The inmate is printed as 戶長 and the applicant with `relationship_zh` as 稱謂. Pages are rendered
    images (as a scanned transcript would be), each watermarked.
    """
    if pages < 1:
        raise ValueError("a PDF needs at least one page")
    dpi = 110
    size = (round(8.27 * dpi), round(11.69 * dpi))  # A4
    width, height = size
    address, _ = _address(rng)
    office = rng.choice(_CITIES)[2][0] + "戶政事務所"
    printed = _random_date(rng, date(2024, 1, 1), date(2025, 12, 31))
    surname = inmate[:1]
    inmate_sex = "M" if rng.random() < 0.9 else "F"
    people: list[tuple[str, str, str]] = [("戶長", inmate, inmate_sex)]
    if relationship_zh == "配偶":
        applicant_sex = "F" if inmate_sex == "M" else "M"
    else:
        applicant_sex = _sex_for_title(rng, relationship_zh)
    people.append((relationship_zh, applicant, applicant_sex))
    for _ in range(rng.randint(1, 3)):
        sex = rng.choice("MF")
        people.append(("子" if sex == "M" else "女", names.full_name(rng, surname, sex), sex))

    records: list[list[str]] = [["稱謂", "姓名", "性別", "出生日期", "統一編號"]]
    notes: list[str] = []
    for title, person, sex in people:
        birth = _birth_for_title(rng, title)
        records.append(
            [title, person, "女" if sex == "F" else "男", _roc_date(birth), names.national_id(rng, sex)]
        )
        event = _random_date(rng, max(birth, date(1990, 1, 1)), date(2023, 12, 31))
        if title in {"子", "女"}:
            parent = "父" if inmate_sex == "M" else "母"
            notes.append(f"{person}：{_roc_date(birth)}在{office}辦理出生登記，{parent}{inmate}。")
        elif title == "戶長":
            notes.append(f"{person}：{_roc_date(event)}自{rng.choice(_CITIES)[0]}遷入本址。")
        else:
            notes.append(
                f"{person}：{_roc_date(event)}登記為戶長之{title}，{rng.choice(('遷入', '共同生活'))}。"
            )
    notes.append("本謄本所載資料與戶籍登記資料相符。")

    small, body, head = _font(18), _font(22), _font(22, bold=True)
    rendered: list[Image.Image] = []
    per_page = max(1, math.ceil(len(notes) / max(1, pages - 1))) if pages > 1 else len(notes)
    note_pages = [notes[i : i + per_page] for i in range(0, len(notes), per_page)] if pages > 1 else []
    for number in range(1, pages + 1):
        page = _paper(rng, size)
        draw = ImageDraw.Draw(page)
        draw.text(
            (width // 2 - 200, 50), "戶籍謄本（現戶全戶）", font=_font(40, bold=True), fill=(15, 15, 15)
        )
        draw.text((60, 125), f"列印時間：{_roc_date(printed)}", font=small, fill=(40, 40, 40))
        draw.text((width - 330, 125), f"第 {number} 頁／共 {pages} 頁", font=small, fill=(40, 40, 40))
        y = 170
        if number == 1:
            draw.text(
                (60, y),
                f"戶號：{rng.randrange(10**7, 10**8):08d}　戶長：{inmate}",
                font=body,
                fill=(15, 15, 15),
            )
            y += 40
            for line in _wrap(f"住址：{address}", body, width - 120):
                draw.text((60, y), line, font=body, fill=(15, 15, 15))
                y += 34
            y = _table(draw, (60, y + 16), (150, 150, 70, 260, 160), records, body, head, 52) + 30
            if pages == 1:
                note_block = notes
            else:
                note_block = []
                draw.text((60, y), "（記事見次頁）", font=small, fill=(70, 70, 70))
        else:
            note_block = note_pages[number - 2] if number - 2 < len(note_pages) else []
            if not note_block:
                draw.text((60, y), "（本頁空白）", font=body, fill=(70, 70, 70))
        if note_block:
            draw.text((60, y), "記事", font=head, fill=(15, 15, 15))
            y += 40
            for note in note_block:
                for line in _wrap(note, body, width - 140):
                    draw.text((80, y), line, font=body, fill=(25, 25, 25))
                    y += 32
                y += 10
        if number == pages:
            _stamp(draw, (width - 180, height - 200), 95, office)
            draw.text((60, height - 90), f"{office}　核發", font=small, fill=(40, 40, 40))
        rendered.append(_watermark(page))
    # Pillow stamps the current time into the PDF unless told otherwise: use the printing date instead.
    stamp = datetime(printed.year, printed.month, printed.day, 9, 30).timetuple()
    return _encode(
        rendered[0],
        "PDF",
        save_all=True,
        append_images=rendered[1:],
        resolution=float(dpi),
        title="戶籍謄本（樣本）",
        creator="Contact Book Review Desk demo data",
        creationDate=stamp,
        modDate=stamp,
    )
