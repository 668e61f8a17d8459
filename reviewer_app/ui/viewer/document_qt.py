"""A decoded document picture (Pillow) as a ``QImage``: safe off the GUI thread.

``QImage`` (unlike ``QPixmap``) may be made and used on any thread, so workers convert decoded
pictures here and hand finished images to the GUI thread. The result owns its pixels: it does not
point into the Pillow image's memory, which may be freed as soon as this returns.
"""

from __future__ import annotations

from PIL import Image

from reviewer_app.qt import QImage

_FORMATS = {
    "RGB": (QImage.Format.Format_RGB888, 3),
    "RGBA": (QImage.Format.Format_RGBA8888, 4),
    "L": (QImage.Format.Format_Grayscale8, 1),
}


def to_qimage(image: Image.Image) -> QImage:
    """Copy a Pillow picture into a new QImage (RGB, RGBA and greyscale kept; anything else as RGB)."""
    if image.mode not in _FORMATS:
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    fmt, channels = _FORMATS[image.mode]
    width, height = image.size
    data = image.tobytes("raw", image.mode)
    wrapped = QImage(data, width, height, width * channels, fmt)
    return wrapped.copy()  # deep copy: the new QImage owns its buffer; `data` may go
