"""Demo pictures as families upload them: phone photos (with EXIF camera data, orientation and GPS),
the applicant's portrait, a JPEG of an exact size, and a chat screenshot."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta
from typing import Final

from PIL import ExifTags, Image, ImageDraw, ImageFilter, TiffImagePlugin

from reviewer_app.demo.drawing import (
    RGB,
    WATERMARK_TEXT,
    _add_noise,
    _encode,
    _font,
    _text_width,
    _wrap,
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
    """The scene drawn at full size, plus sensor noise. (Drawn at a quarter and scaled up, its edges
    were softer, but scaling a 12-megapixel picture took four times as long as drawing it.)"""
    return _add_noise(_scene(rng, width, height), rng, noise)


def family_photo(
    rng: random.Random,
    width: int = 4000,
    height: int = 3000,
    exif_orientation: int = 1,
    quality: int = 90,
    gps: bool = False,
) -> bytes:
    """A phone-camera JPEG of a family outdoors: :func:`_family_photo` encoded."""
    image, exif = _family_photo(rng, width, height, exif_orientation, gps)
    return _encode(image, "JPEG", quality=quality, exif=exif)


def family_photo_and_smaller(rng: random.Random, width: int, height: int) -> tuple[bytes, bytes]:
    """The same picture twice: as the phone took it, and as its "send smaller" sends it again
    (half the size, quality 80): the second look's "similar picture" (issue 21)."""
    image, exif = _family_photo(rng, width, height, 1, False)
    smaller = image.resize((width // 2, height // 2), Image.Resampling.LANCZOS)
    return _encode(image, "JPEG", quality=90, exif=exif), _encode(smaller, "JPEG", quality=80, exif=exif)


def _family_photo(
    rng: random.Random, width: int, height: int, exif_orientation: int, gps: bool
) -> tuple[Image.Image, Image.Exif]:
    """A phone-camera picture of a family outdoors, with EXIF (Make, Model, DateTimeOriginal).

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
    return image, exif


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
