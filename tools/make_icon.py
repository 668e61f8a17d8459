"""Draws the application icon (a contact book with a heart) as PNG and multi-size ICO.

    .venv/bin/python tools/make_icon.py

writes resources/icons/app.png (256 px) and app.ico (16-256 px). The files are kept in
the repository; run this again only to change the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
S = 1024  # drawn large, scaled down with a good filter: smooth edges at every size

COVER = (30, 94, 140, 255)  # deep blue cover
SPINE = (20, 66, 102, 255)
PAGES = (250, 247, 238, 255)
PAGE_LINES = (200, 192, 172, 255)
HEART = (226, 54, 80, 255)
HEART_LIGHT = (255, 255, 255, 90)


def heart(draw: ImageDraw.ImageDraw, cx: float, cy: float, w: float, fill: tuple[int, ...]) -> None:
    r = w / 4
    draw.ellipse((cx - 2 * r, cy - r, cx, cy + r), fill=fill)
    draw.ellipse((cx, cy - r, cx + 2 * r, cy + r), fill=fill)
    tip = [(cx - 2 * r + 6, cy + r * 0.35), (cx + 2 * r - 6, cy + r * 0.35), (cx, cy + 2.3 * r)]
    draw.polygon(tip, fill=fill)


def draw_icon() -> Image.Image:
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # pages peeking out at the right and bottom, with a few ruled lines
    d.rounded_rectangle((200, 120, 900, 930), radius=48, fill=PAGES, outline=PAGE_LINES, width=10)
    for y in range(250, 880, 90):
        d.line((840, y, 880, y), fill=PAGE_LINES, width=10)
    # cover and spine
    d.rounded_rectangle((120, 80, 840, 890), radius=56, fill=COVER)
    d.rounded_rectangle((120, 80, 250, 890), radius=56, fill=SPINE)
    d.rectangle((200, 80, 250, 890), fill=SPINE)
    # a label panel and the heart on the cover
    d.rounded_rectangle((320, 200, 760, 300), radius=24, fill=(255, 255, 255, 60))
    heart(d, 540, 520, 400, HEART)
    d.ellipse((400, 440, 460, 500), fill=HEART_LIGHT)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw_icon()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "app.png", optimize=True)
    sizes = [(n, n) for n in (16, 24, 32, 48, 64, 128, 256)]
    # PNG-compressed entries (Pillow's default, also what PyInstaller makes from a .png): Windows
    # Vista and later read them at every size.
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "app.ico", sizes=sizes)
    print(f"wrote {OUT / 'app.png'} and {OUT / 'app.ico'}")


if __name__ == "__main__":
    main()
