"""Demo document files: ID card, household register, relationship proof PDF, photos, screenshots.

Every generator is a pure function of the `random.Random` it is given and returns the file's bytes.
Identity documents carry a "樣本 SAMPLE" watermark so that nobody mistakes them for real ones.
Text is drawn with a CJK font when one is installed (see `cjk_font_path`); without one the default font
is used (Chinese then shows as boxes) — the generators never fail for lack of a font.
"""

from __future__ import annotations

import functools
import io
import math
import os
import random
import shutil
import subprocess
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Final

from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFilter, ImageFont, TiffImagePlugin

from reviewer_app.demo import names

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
RGB = tuple[int, int, int]

WATERMARK_TEXT: Final = "樣本 SAMPLE"

_FONT_CANDIDATES: Final[tuple[str, ...]] = (
    # Debian/Ubuntu fonts-noto-cjk
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    # Fedora / Arch
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJKtc-Regular.otf",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    # macOS
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    # Windows: Microsoft JhengHei (正黑體), the Traditional Chinese UI font
    r"C:\Windows\Fonts\msjh.ttc",
    r"C:\Windows\Fonts\mingliu.ttc",
)

# Orientation tag value → the transpose that `ImageOps.exif_transpose` applies to show the image upright.
_EXIF_TRANSPOSE: Final[dict[int, Image.Transpose]] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# ... and its inverse, which turns an upright picture into the pixels a camera would store.
_STORE_TRANSPOSE: Final[dict[int, Image.Transpose]] = {
    **_EXIF_TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}

_CAMERAS: Final[tuple[tuple[str, str], ...]] = (
    ("Apple", "iPhone 13"),
    ("Apple", "iPhone 15"),
    ("Apple", "iPhone SE (3rd generation)"),
    ("samsung", "Galaxy A54 5G"),
    ("Google", "Pixel 7a"),
    ("Xiaomi", "Redmi Note 12"),
    ("OPPO", "Reno10 5G"),
    ("ASUS", "Zenfone 10"),
)

_CITIES: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    ("臺北市", "北市", ("中正區", "大安區", "信義區", "士林區", "文山區")),
    ("新北市", "新北市", ("板橋區", "三重區", "中和區", "新莊區", "新店區")),
    ("桃園市", "桃市", ("桃園區", "中壢區", "平鎮區", "八德區")),
    ("臺中市", "中市", ("西屯區", "北屯區", "豐原區", "大里區")),
    ("臺南市", "南市", ("東區", "永康區", "安平區", "新營區")),
    ("高雄市", "高市", ("三民區", "鳳山區", "左營區", "苓雅區")),
    ("彰化縣", "彰縣", ("彰化市", "員林市", "鹿港鎮")),
    ("屏東縣", "屏縣", ("屏東市", "潮州鎮", "東港鎮")),
)
_ROADS: Final[tuple[str, ...]] = (
    "中山路",
    "中正路",
    "民生路",
    "民族路",
    "復興路",
    "和平路",
    "光明路",
    "仁愛路",
    "忠孝路",
    "建國路",
    "自由路",
    "成功路",
    "文化路",
    "公園路",
)

_SKIN: Final[tuple[RGB, ...]] = ((241, 207, 180), (229, 187, 152), (214, 170, 132), (196, 150, 112))
_CLOTHES: Final[tuple[RGB, ...]] = (
    (200, 60, 60),
    (50, 90, 170),
    (240, 190, 40),
    (60, 140, 90),
    (120, 70, 150),
    (240, 120, 150),
    (90, 90, 100),
    (250, 250, 245),
)

_CHAT_CONTACTS: Final[tuple[str, ...]] = ("媽媽", "老婆", "老公", "阿嬤", "姊姊", "哥哥", "小舅")
_CHAT_LINES: Final[tuple[str, ...]] = (
    "今天有去學校接妹妹嗎？",
    "有，老師說她最近很乖",
    "聯絡簿的照片我明天再上傳",
    "好，記得寫孩子的近況",
    "阿嬤說週末要去拜拜",
    "妹妹的作業簿要簽名",
    "晚上早點睡",
    "收到，謝謝",
)


# --------------------------------------------------------------------------------------------- fonts


@functools.lru_cache(maxsize=1)
def cjk_font_path() -> str | None:
    """Path of a font file that can draw Traditional Chinese, or None.

    Looks in the usual places on Debian/Ubuntu, Fedora, macOS and Windows, then asks fontconfig
    (`fc-match`) for a sans-serif font that covers zh-tw.
    """
    for candidate in _FONT_CANDIDATES:
        if os.path.isfile(candidate):
            return candidate
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        result = subprocess.run(
            [fc_match, "-f", "%{file}\n%{lang}\n", "sans-serif:lang=zh-tw"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = result.stdout.splitlines()
    if result.returncode != 0 or len(lines) < 2:
        return None
    path, langs = lines[0].strip(), lines[1].split("|")
    if "zh-tw" in langs and os.path.isfile(path):
        return path
    return None


@functools.lru_cache(maxsize=8)
def _face_index(path: str) -> int:
    """In a font collection, the face for Traditional Chinese (Noto's "… CJK TC"), else 0."""
    if not path.lower().endswith(".ttc"):
        return 0
    for index in range(12):
        try:
            family, _style = ImageFont.truetype(path, 12, index=index).getname()
        except OSError:
            break
        if family is not None and family.endswith(" TC"):
            return index
    return 0


@functools.lru_cache(maxsize=64)
def _font(size: int, bold: bool = False) -> Font:
    path = cjk_font_path()
    if path is not None:
        if bold:
            bold_path = path.replace("Regular", "Bold")
            if bold_path != path and os.path.isfile(bold_path):
                path = bold_path
        try:
            return ImageFont.truetype(path, size, index=_face_index(path))
        except OSError:
            pass
    try:
        return ImageFont.load_default(size)
    except (OSError, ValueError):  # Pillow built without FreeType: the fixed bitmap font
        return ImageFont.load_default()


# ------------------------------------------------------------------------------------------- helpers


def _roc_date(d: date) -> str:
    """民國 date as on Taiwanese documents: 民國 75年 3月 14日."""
    return f"民國 {d.year - 1911}年 {d.month}月 {d.day}日"


def _random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


def _address(rng: random.Random) -> tuple[str, str]:
    """(full address, short city name as printed on ID cards)."""
    city, short, districts = rng.choice(_CITIES)
    district = rng.choice(districts)
    village = rng.choice(("忠孝", "仁愛", "信義", "和平", "中興", "福德", "文昌", "光明")) + "里"
    lane = f"{rng.randint(1, 300)}巷" if rng.random() < 0.4 else ""
    floor = f"{rng.randint(2, 12)}樓" if rng.random() < 0.6 else ""
    address = (
        f"{city}{district}{village}{rng.randint(1, 30)}鄰"
        f"{rng.choice(_ROADS)}{rng.choice(('', '一段', '二段', '三段'))}{lane}{rng.randint(1, 400)}號{floor}"
    )
    return address, short


def _encode(image: Image.Image, fmt: str, **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def _text_width(font: Font, text: str) -> float:
    return font.getlength(text)


def _wrap(text: str, font: Font, max_width: float) -> list[str]:
    """Break text (CJK: any character may start a line) so each line fits max_width."""
    no_line_start = "，。、；：！？」』）,.!?)"
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for char in paragraph:
            if line and _text_width(font, line + char) > max_width and char not in no_line_start:
                lines.append(line)
                line = char
            else:
                line += char
        lines.append(line)
    return lines


def _watermark(image: Image.Image, text: str = WATERMARK_TEXT, opacity: int = 70) -> Image.Image:
    """Diagonal repeated red "樣本 SAMPLE" over the whole image; returns an RGB image."""
    width, height = image.size
    size = max(18, min(width, height) // 9)
    font = _font(size, bold=True)
    side = int(math.hypot(width, height)) + 2 * size
    layer = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    step_x = int(_text_width(font, text) + size * 2)
    step_y = size * 3
    for row, y in enumerate(range(0, side, step_y)):
        offset = (row % 2) * step_x // 2
        for x in range(-step_x + offset, side, step_x):
            draw.text((x, y), text, font=font, fill=(200, 30, 30, opacity))
    # BILINEAR: a third of BICUBIC's time, and as smooth on text
    layer = layer.rotate(28, resample=Image.Resampling.BILINEAR)
    left, top = (side - width) // 2, (side - height) // 2
    layer = layer.crop((left, top, left + width, top + height))
    return Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB")


#: The noise is drawn for one tile this size and repeated over the picture: drawing it for all of a
#: 12-megapixel photo took half the photo's time, and most of a first demo's. Odd sizes: the repeat
#: lines up neither with JPEG's 8×8 blocks nor with the picture's edges, so it compresses like sensor noise.
NOISE_TILE = (509, 383)


def _add_noise(image: Image.Image, rng: random.Random, amplitude: int) -> Image.Image:
    """Add uniform per-pixel noise in [-amplitude, +amplitude] to every channel (no numpy needed)."""
    if amplitude <= 0:
        return image
    image = image.convert("RGB")
    width, height = min(image.width, NOISE_TILE[0]), min(image.height, NOISE_TILE[1])
    tile = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    tile = tile.point([v * 2 * amplitude // 255 for v in range(256)] * 3)
    noise = Image.new("RGB", image.size)
    for top in range(0, image.height, height):
        for left in range(0, image.width, width):
            noise.paste(tile, (left, top))
    return ImageChops.add(image, noise, 1.0, -amplitude)


def _paper(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """Slightly off-white, slightly uneven paper, as from a scanner."""
    tint = rng.randint(246, 252)
    page = Image.new("RGB", size, (tint, tint, tint - rng.randint(2, 8)))
    return _add_noise(page, rng, 3)


def _table(
    draw: ImageDraw.ImageDraw,
    origin: tuple[int, int],
    widths: Sequence[int],
    rows: Sequence[Sequence[str]],
    font: Font,
    header_font: Font,
    row_height: int,
) -> int:
    """Draw a ruled table, first row as header, wrapping long cells; returns the bottom y."""
    x0, y = origin
    line = (60, 60, 60)
    total = sum(widths)
    for index, row in enumerate(rows):
        cell_font = header_font if index == 0 else font
        wrapped = [_wrap(cell, cell_font, w - 16) for cell, w in zip(row, widths, strict=True)]
        lines_needed = max(len(cell) for cell in wrapped)
        height = max(row_height, lines_needed * int(row_height * 0.62) + 16)
        if index == 0:
            draw.rectangle((x0, y, x0 + total, y + height), fill=(232, 232, 226))
        x = x0
        for cell_lines, w in zip(wrapped, widths, strict=True):
            line_h = int(row_height * 0.62)
            ty = y + (height - len(cell_lines) * line_h) // 2
            for text in cell_lines:
                draw.text((x + 8, ty), text, font=cell_font, fill=(25, 25, 25))
                ty += line_h
            x += w
        draw.rectangle((x0, y, x0 + total, y + height), outline=line, width=2)
        x = x0
        for w in widths[:-1]:
            x += w
            draw.line((x, y, x, y + height), fill=line, width=2)
        y += height
    return y


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


# -------------------------------------------------------------------------------------------- photos


def _draw_person(draw: ImageDraw.ImageDraw, rng: random.Random, x: float, ground: float, tall: float) -> None:
    head_r = tall * 0.11
    body_top = ground - tall + head_r * 2
    skin, clothes = rng.choice(_SKIN), rng.choice(_CLOTHES)
    legs = (40, 50, 80)
    draw.line(
        (x - tall * 0.07, ground - tall * 0.42, x - tall * 0.09, ground),
        fill=legs,
        width=max(2, int(tall * 0.06)),
    )
    draw.line(
        (x + tall * 0.07, ground - tall * 0.42, x + tall * 0.09, ground),
        fill=legs,
        width=max(2, int(tall * 0.06)),
    )
    draw.rounded_rectangle(
        (x - tall * 0.16, body_top, x + tall * 0.16, ground - tall * 0.38), radius=tall * 0.06, fill=clothes
    )
    draw.line(
        (x - tall * 0.15, body_top + tall * 0.05, x - tall * 0.27, body_top + tall * 0.3),
        fill=skin,
        width=max(2, int(tall * 0.045)),
    )
    draw.line(
        (x + tall * 0.15, body_top + tall * 0.05, x + tall * 0.27, body_top + tall * 0.3),
        fill=skin,
        width=max(2, int(tall * 0.045)),
    )
    draw.ellipse((x - head_r, body_top - head_r * 2.05, x + head_r, body_top - 0.05 * head_r), fill=skin)
    draw.chord(
        (x - head_r, body_top - head_r * 2.1, x + head_r, body_top - head_r * 0.6),
        180,
        360,
        fill=(35, 28, 25),
    )


def _scene(rng: random.Random, width: int, height: int) -> Image.Image:
    """An upright outdoor family snapshot: sky on top, sun, clouds, house, tree, people on grass."""
    horizon = int(height * rng.uniform(0.55, 0.62))
    sky_top: RGB = (rng.randint(55, 80), rng.randint(115, 140), rng.randint(200, 225))
    sky_low: RGB = (rng.randint(180, 200), rng.randint(208, 222), rng.randint(235, 248))
    gradient = Image.new("RGB", (1, height))
    for y in range(height):
        if y < horizon:
            t = y / max(1, horizon - 1)
            colour = tuple(round(a + (b - a) * t) for a, b in zip(sky_top, sky_low, strict=True))
        else:
            t = (y - horizon) / max(1, height - horizon - 1)
            colour = (round(110 - 50 * t), round(175 - 45 * t), round(85 - 35 * t))
        gradient.putpixel((0, y), colour)
    image = gradient.resize((width, height), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(image)
    unit = min(width, height)

    sun_x, sun_y, sun_r = width * rng.uniform(0.68, 0.88), height * 0.2, unit * 0.07
    draw.ellipse(
        (sun_x - sun_r * 1.5, sun_y - sun_r * 1.5, sun_x + sun_r * 1.5, sun_y + sun_r * 1.5),
        fill=(250, 232, 170),
    )
    draw.ellipse((sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r), fill=(255, 220, 90))
    for _ in range(rng.randint(2, 4)):
        cx, cy = width * rng.uniform(0.05, 0.6), height * rng.uniform(0.18, 0.4)
        for _ in range(5):
            r = unit * rng.uniform(0.03, 0.06)
            dx, dy = rng.uniform(-2.2, 2.2) * r, rng.uniform(-0.4, 0.4) * r
            draw.ellipse(
                (cx + dx - r * 1.4, cy + dy - r, cx + dx + r * 1.4, cy + dy + r), fill=(248, 250, 252)
            )

    # house
    hx, hw = width * rng.uniform(0.05, 0.2), width * 0.26
    hy0, hy1 = horizon - unit * 0.3, horizon + unit * 0.05
    walls: RGB = rng.choice(((236, 222, 196), (222, 226, 232), (240, 214, 190)))
    draw.rectangle((hx, hy0, hx + hw, hy1), fill=walls)
    draw.polygon(
        [(hx - hw * 0.08, hy0), (hx + hw / 2, hy0 - unit * 0.18), (hx + hw * 1.08, hy0)],
        fill=rng.choice(((160, 60, 50), (90, 80, 120), (70, 110, 120))),
    )
    draw.rectangle((hx + hw * 0.42, hy1 - unit * 0.16, hx + hw * 0.58, hy1), fill=(110, 70, 40))
    for wx in (0.1, 0.7):
        draw.rectangle(
            (hx + hw * wx, hy0 + unit * 0.06, hx + hw * (wx + 0.2), hy0 + unit * 0.14),
            fill=(170, 205, 230),
            outline=(255, 255, 255),
            width=max(1, unit // 300),
        )
    # tree
    tx = width * rng.uniform(0.52, 0.62)
    draw.rectangle(
        (tx - unit * 0.02, horizon - unit * 0.12, tx + unit * 0.02, horizon + unit * 0.04), fill=(100, 70, 40)
    )
    draw.ellipse(
        (tx - unit * 0.12, horizon - unit * 0.34, tx + unit * 0.12, horizon - unit * 0.08), fill=(60, 130, 60)
    )
    # family
    adults, children = rng.randint(1, 2), rng.randint(1, 3)
    left, right = width * 0.34, width * 0.97
    spacing = (right - left) / (adults + children)
    slots = list(range(adults + children))
    rng.shuffle(slots)
    for i, slot in enumerate(slots):
        x = left + spacing * (slot + 0.5) + rng.uniform(-0.1, 0.1) * spacing
        adult = i < adults
        tall = min(unit * rng.uniform(0.42, 0.5), spacing * 2.0) * (1.0 if adult else rng.uniform(0.55, 0.7))
        ground = height * (0.88 if adult else 0.92) + rng.uniform(-0.01, 0.01) * height
        _draw_person(draw, rng, x, ground, tall)
    return image


def _render_photo(rng: random.Random, width: int, height: int, noise: int) -> Image.Image:
    """Scene drawn at a quarter of the size and scaled up (soft edges, fast), plus sensor noise."""
    small = _scene(rng, max(8, width // 4), max(8, height // 4))
    image = small.resize((width, height), Image.Resampling.BILINEAR)
    return _add_noise(image, rng, noise)


def family_photo(
    rng: random.Random,
    width: int = 4000,
    height: int = 3000,
    exif_orientation: int = 1,
    quality: int = 90,
    gps: bool = False,
) -> bytes:
    """A phone-camera JPEG of a family outdoors, with EXIF (Make, Model, DateTimeOriginal).

    `width`×`height` are the stored pixel dimensions, as a phone sensor writes them. With an
    `exif_orientation` other than 1 the Orientation tag is written and the pixels are stored turned
    accordingly, so `ImageOps.exif_transpose` shows the picture upright (sky on top); for 5–8 the
    upright picture is height×width. `gps=True` adds a GPS IFD with a position in Taiwan.
    """
    if exif_orientation not in range(1, 9):
        raise ValueError(f"EXIF orientation must be 1–8, not {exif_orientation}")
    upright = (height, width) if exif_orientation >= 5 else (width, height)
    image = _render_photo(rng, *upright, noise=12)
    if exif_orientation != 1:
        image = image.transpose(_STORE_TRANSPOSE[exif_orientation])
    make, model = rng.choice(_CAMERAS)
    taken = datetime(2025, 1, 1, 8) + timedelta(days=rng.randrange(365), seconds=rng.randrange(9 * 3600))
    stamp = taken.strftime("%Y:%m:%d %H:%M:%S")

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = make
    exif[ExifTags.Base.Model] = model
    exif[ExifTags.Base.Software] = rng.choice(("17.5.1", "Android 14", "HDR+ 1.0"))
    exif[ExifTags.Base.DateTime] = stamp
    if exif_orientation != 1:
        exif[ExifTags.Base.Orientation] = exif_orientation
    exif_ifd = exif.get_ifd(ExifTags.IFD.Exif)
    exif_ifd[ExifTags.Base.DateTimeOriginal] = stamp
    exif_ifd[ExifTags.Base.DateTimeDigitized] = stamp
    if gps:
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        lat, lon = rng.uniform(22.0, 25.2), rng.uniform(120.2, 121.8)
        gps_ifd[ExifTags.GPS.GPSVersionID] = b"\x02\x02\x00\x00"
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = _dms(lat)
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "E"
        gps_ifd[ExifTags.GPS.GPSLongitude] = _dms(lon)
    return _encode(image, "JPEG", quality=quality, exif=exif)


def _dms(value: float) -> tuple[TiffImagePlugin.IFDRational, ...]:
    degrees = int(value)
    minutes_f = (value - degrees) * 60
    minutes = int(minutes_f)
    seconds = round((minutes_f - minutes) * 60 * 100)
    return (
        TiffImagePlugin.IFDRational(degrees, 1),
        TiffImagePlugin.IFDRational(minutes, 1),
        TiffImagePlugin.IFDRational(seconds, 100),
    )


def applicant_photo(rng: random.Random, name: str) -> bytes:
    """A front head-and-shoulders portrait JPEG (800×1000), like the 正面清晰照片 an applicant uploads."""
    width, height = 800, 1000
    background: RGB = rng.choice(((236, 240, 244), (214, 228, 242), (245, 245, 245), (226, 232, 226)))
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    skin, clothes = rng.choice(_SKIN), rng.choice(_CLOTHES[:-1])
    hair: RGB = rng.choice(((25, 20, 18), (45, 32, 25), (70, 50, 35), (120, 120, 120)))
    cx = width // 2 + rng.randint(-20, 20)
    long_hair = rng.random() < 0.5
    if long_hair:
        draw.rounded_rectangle((cx - 230, 230, cx + 230, 760), radius=150, fill=hair)
    draw.ellipse((cx - 380, 760, cx + 380, 1300), fill=clothes)  # shoulders
    draw.rectangle((cx - 70, 600, cx + 70, 800), fill=skin)  # neck
    draw.polygon([(cx - 70, 770), (cx, 860), (cx + 70, 770)], fill=skin)
    face = (cx - 175, 230, cx + 175, 690)
    draw.ellipse((cx - 205, 400, cx - 150, 520), fill=skin)  # ears
    draw.ellipse((cx + 150, 400, cx + 205, 520), fill=skin)
    draw.ellipse(face, fill=skin)
    draw.chord((cx - 190, 190, cx + 190, 470), 180, 360, fill=hair)
    draw.pieslice((cx - 190, 215, cx + 60, 420), 180, 270, fill=hair)
    eye_y = 440
    for side in (-1, 1):
        ex = cx + side * 75
        draw.line((ex - 40, eye_y - 42, ex + 40, eye_y - 46), fill=hair, width=10)  # brow
        draw.ellipse((ex - 30, eye_y - 14, ex + 30, eye_y + 14), fill=(250, 250, 250))
        draw.ellipse((ex - 13, eye_y - 13, ex + 13, eye_y + 13), fill=(45, 30, 25))
    draw.line((cx, eye_y + 20, cx - 12, eye_y + 95, cx + 8, eye_y + 100), fill=(190, 140, 110), width=5)
    draw.arc((cx - 60, eye_y + 110, cx + 60, eye_y + 170), 20, 160, fill=(170, 80, 80), width=7)
    image = image.filter(ImageFilter.GaussianBlur(2))
    image = _add_noise(image, rng, 6)
    draw = ImageDraw.Draw(image)
    label = f"{WATERMARK_TEXT}　{name}"
    draw.text((20, height - 44), label, font=_font(24), fill=(200, 30, 30))
    return _encode(image, "JPEG", quality=90)


def _insert_comments(jpeg: bytes, pad: int) -> bytes:
    """Insert COM segments (after SOI and any APP0) adding at least `pad` bytes (at most 3 more)."""
    insert_at = 2
    if jpeg[2:4] == b"\xff\xe0":
        insert_at = 4 + int.from_bytes(jpeg[4:6], "big")
    filler = b"Contact Book Review Desk demo image: padding to the requested file size. "
    segments = bytearray()
    while pad > 0:
        payload_len = min(65533, max(0, pad - 4))
        payload = (filler * (payload_len // len(filler) + 1))[:payload_len]
        segments += b"\xff\xfe" + (payload_len + 2).to_bytes(2, "big") + payload
        pad -= payload_len + 4
    return jpeg[:insert_at] + bytes(segments) + jpeg[insert_at:]


def sized_jpeg(rng: random.Random, target_bytes: int) -> bytes:
    """A photo-like JPEG of at least `target_bytes` and at most 5 % more (e.g. 14 MB for size limits).

    The picture is sized so its own data comes to just under the target; the rest is a few JPEG
    comment segments, so the size is met exactly without repeated encoding.
    """
    quality, noise, aspect = 98, 70, 4 / 3
    seed = rng.getrandbits(64)

    def encode(pixels: float) -> bytes:
        w = max(16, int(math.sqrt(pixels * aspect)) // 16 * 16)
        h = max(16, int(w / aspect) // 16 * 16)
        return _encode(_render_photo(random.Random(seed), w, h, noise), "JPEG", quality=quality)

    smallest = encode(0)
    if len(smallest) > target_bytes * 1.05:
        raise ValueError(
            f"{target_bytes} bytes is smaller than the smallest JPEG made here ({len(smallest)})"
        )
    # bytes per pixel from a small sample of the same kind of picture
    sample_pixels = 1024 * 768
    per_pixel = (len(encode(sample_pixels)) - len(smallest)) / sample_pixels
    data, pixels = smallest, 0.0
    for _ in range(3):
        pixels = (target_bytes * 0.975 - len(smallest)) / per_pixel
        if pixels < 256:  # tiny target: the smallest picture plus padding
            break
        data = encode(pixels)
        if target_bytes * 0.95 <= len(data) <= target_bytes * 1.05:
            break
        gained = len(data) - len(smallest)
        if gained <= 0:
            break
        per_pixel = gained / pixels
    while len(data) > target_bytes * 1.05 and pixels >= 256:  # rare: shrink until it fits
        pixels *= 0.9
        data = encode(pixels)
    if len(data) > target_bytes * 1.05:
        data = smallest
    if len(data) < target_bytes:
        data = _insert_comments(data, target_bytes - len(data))
    return data


def screenshot_png(rng: random.Random, text: str) -> bytes:
    """A small PNG of a phone chat screenshot (720 px wide) whose last message is `text`."""
    width = 720
    font, small, title_font = _font(28), _font(18), _font(30, bold=True)
    bubble_max = int(width * 0.66)
    start = rng.randrange(2)
    messages = [((start + i) % 2 == 1, line) for i, line in enumerate(rng.sample(_CHAT_LINES, 3))]
    messages.append((True, text))
    laid_out = [(mine, _wrap(message, font, bubble_max - 40)) for mine, message in messages]
    line_h = 40
    height = 190 + sum(len(lines) * line_h + 60 for _, lines in laid_out) + 100
    image = Image.new("RGB", (width, height), (140, 171, 216))
    draw = ImageDraw.Draw(image)
    # status bar and header
    draw.rectangle((0, 0, width, 50), fill=(36, 47, 64))
    hour, minute = rng.randint(7, 22), rng.randrange(60)
    draw.text((24, 12), f"{hour:02d}:{minute:02d}", font=small, fill=(255, 255, 255))
    draw.text((width - 90, 12), f"{rng.randint(20, 99)}%", font=small, fill=(255, 255, 255))
    draw.rectangle((0, 50, width, 140), fill=(44, 58, 80))
    draw.text((24, 68), "＜", font=title_font, fill=(255, 255, 255))
    draw.text((80, 70), rng.choice(_CHAT_CONTACTS), font=title_font, fill=(255, 255, 255))
    draw.text(
        (width // 2 - 60, 155),
        f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
        font=small,
        fill=(240, 244, 250),
    )
    y = 200
    for mine, lines in laid_out:
        text_w = max(_text_width(font, line) for line in lines) if lines else 0
        bubble_w = int(text_w) + 40
        bubble_h = len(lines) * line_h + 24
        x0 = width - 24 - bubble_w if mine else 96
        if not mine:
            draw.ellipse((20, y, 76, y + 56), fill=(230, 230, 235))
        colour = (133, 226, 110) if mine else (255, 255, 255)
        draw.rounded_rectangle((x0, y, x0 + bubble_w, y + bubble_h), radius=22, fill=colour)
        ty = y + 10
        for line in lines:
            draw.text((x0 + 20, ty), line, font=font, fill=(20, 20, 20))
            ty += line_h
        stamp = f"{'已讀 ' if mine else ''}{hour:02d}:{minute:02d}"
        sx = x0 - 8 - _text_width(small, stamp) if mine else x0 + bubble_w + 8
        draw.text((sx, y + bubble_h - 24), stamp, font=small, fill=(235, 240, 248))
        y += bubble_h + 36
    return _encode(image, "PNG", optimize=True)
