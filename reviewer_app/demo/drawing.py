"""Drawing helpers of the demo document generators: the CJK font, paper, text wrapping, tables,
watermarks, noise and encoding, and the addresses printed on documents.

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
from datetime import date, timedelta
from typing import Final

from PIL import Image, ImageChops, ImageDraw, ImageFont

from reviewer_app.assets import font_path

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


# --------------------------------------------------------------------------------------------- fonts


@functools.lru_cache(maxsize=1)
def cjk_font_path() -> str | None:
    """Path of a font file that can draw Traditional Chinese, or None.

    The font shipped with the desk first; then the usual places on Debian/Ubuntu, Fedora, macOS and
    Windows, then asks fontconfig
    (`fc-match`) for a sans-serif font that covers zh-tw.
    """
    shipped = font_path()  # the desk's own Noto Sans TC: the same demo documents on every machine
    if shipped.is_file():
        return str(shipped)
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


#: The watermark's colour; its strength is the mask's (the text's opacity, 0–255).
_WATERMARK_RED: Final[RGB] = (200, 30, 30)
#: The watermark's angle, counter-clockwise in degrees.
_WATERMARK_ANGLE: Final = 28


def _watermark(image: Image.Image, text: str = WATERMARK_TEXT, opacity: int = 70) -> Image.Image:
    """Diagonal repeated red "樣本 SAMPLE" over the whole image; returns an RGB image."""
    marked = image.convert("RGB")
    marked.paste(_WATERMARK_RED, mask=_watermark_mask(image.size, text, opacity))
    return marked


@functools.lru_cache(maxsize=8)
def _watermark_mask(size: tuple[int, int], text: str, opacity: int) -> Image.Image:
    """Where and how strongly the watermark covers pictures of `size`, drawn once per size: rows of
    the text, every other row shifted half a step, the whole turned `_WATERMARK_ANGLE` degrees.

    The text is turned once and stamped where the turned rows put it: turning a whole page-sized
    layer took a tenth of a second for each size, on the first demo's way to its first rows."""
    width, height = size
    font_size = max(18, min(width, height) // 9)
    font = _font(font_size, bold=True)
    ascent, descent = font.getmetrics() if isinstance(font, ImageFont.FreeTypeFont) else (font_size, 0)
    text_width = _text_width(font, text)
    pad = font_size // 4
    stamp = Image.new("L", (int(text_width) + 2 * pad, ascent + descent + 2 * pad), 0)
    ImageDraw.Draw(stamp).text((pad, pad), text, font=font, fill=opacity)
    # BILINEAR: a third of BICUBIC's time, and as smooth on text
    stamp = stamp.rotate(_WATERMARK_ANGLE, resample=Image.Resampling.BILINEAR, expand=True)

    mask = Image.new("L", size, 0)
    side = int(math.hypot(width, height)) + 2 * font_size  # the rows cover the picture at any turn
    step_x = int(text_width + font_size * 2)
    step_y = font_size * 3
    turn = math.radians(_WATERMARK_ANGLE)
    cos, sin = math.cos(turn), math.sin(turn)
    for row, y in enumerate(range(0, side, step_y)):
        offset = (row % 2) * step_x // 2
        for x in range(-step_x + offset, side, step_x):
            # The text's centre in the unturned square, turned about the square's centre (y downwards),
            # then placed on the picture, which sits in the middle of the square.
            dx, dy = x + text_width / 2 - side / 2, y + (ascent + descent) / 2 - side / 2
            cx, cy = width / 2 + dx * cos + dy * sin, height / 2 - dx * sin + dy * cos
            _stamp(mask, stamp, round(cx - stamp.width / 2), round(cy - stamp.height / 2))
    return mask


def _stamp(mask: Image.Image, stamp: Image.Image, left: int, top: int) -> None:
    """`stamp` onto `mask` at (left, top), the stronger of the two where they meet (stamps overlap at
    their empty corners); the part outside the mask is left out."""
    right, bottom = min(mask.width, left + stamp.width), min(mask.height, top + stamp.height)
    box = (max(0, left), max(0, top), right, bottom)
    if box[0] >= box[2] or box[1] >= box[3]:
        return
    part = stamp.crop((box[0] - left, box[1] - top, box[2] - left, box[3] - top))
    mask.paste(ImageChops.lighter(mask.crop(box), part), box[:2])


#: The noise is drawn for one tile this size and repeated over the picture: drawing it for all of a
#: 12-megapixel photo took half the photo's time, and most of a first demo's. Odd sizes: the repeat
#: lines up neither with JPEG's 8×8 blocks nor with the picture's edges, so it compresses like sensor noise.
NOISE_TILE = (509, 383)


def _add_noise(image: Image.Image, rng: random.Random, amplitude: int) -> Image.Image:
    """Add uniform per-pixel noise in [-amplitude, +amplitude] to every channel (no numpy needed).

    The noise of a size is drawn once, from its own generator (so what is drawn with `rng` never
    depends on what was drawn before), and reused: a first demo adds it to some forty 12-megapixel
    photos, and tiling it anew for each took a fifth of each photo's time."""
    if amplitude <= 0:
        return image
    if image.mode != "RGB":
        image = image.convert("RGB")
    return ImageChops.add(image, _noise_plane(image.size, amplitude), 1.0, -amplitude)


def _noise_plane(size: tuple[int, int], amplitude: int) -> Image.Image:
    key = (size, amplitude)
    plane = _NOISE_PLANES.get(key)
    if plane is None:
        rng = random.Random(f"noise:{size}:{amplitude}")
        width, height = min(size[0], NOISE_TILE[0]), min(size[1], NOISE_TILE[1])
        tile = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
        tile = tile.point([v * 2 * amplitude // 255 for v in range(256)] * 3)
        plane = Image.new("RGB", size)
        for top in range(0, size[1], height):
            for left in range(0, size[0], width):
                plane.paste(tile, (left, top))
        if len(_NOISE_PLANES) >= 8:
            _NOISE_PLANES.pop(next(iter(_NOISE_PLANES)))
        _NOISE_PLANES[key] = plane
    return plane


#: The noise planes drawn so far, by (size, amplitude); `forget_drawings` empties it after a seed.
_NOISE_PLANES: dict[tuple[tuple[int, int], int], Image.Image] = {}


def forget_drawings() -> None:
    """Free the noise planes and watermarks kept for the next document (some 100 MB after a seed)."""
    _NOISE_PLANES.clear()
    _watermark_mask.cache_clear()


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
