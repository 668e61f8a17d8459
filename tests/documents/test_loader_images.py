"""Pictures as a reviewer sees them: upright, in colour, sized for the viewer, with the facts staff ask."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image, ImageChops, ImageOps

from reviewer_app.core.policy import MB, Policy
from reviewer_app.documents import DocumentLimits, ImageDocument, Rejected, load_document
from tests.documents import corpus

LIMITS = DocumentLimits.for_kind("id_document", Policy())


def _loaded(data: bytes, **kwargs: object) -> ImageDocument:
    result = load_document(data, LIMITS, **kwargs)  # type: ignore[arg-type]
    assert isinstance(result, ImageDocument), result
    return result


def _sky_is_up(image: Image.Image) -> bool:
    """The demo photos have blue sky on top and ground below."""
    top = image.crop((0, 0, image.width, image.height // 8)).resize((1, 1)).getpixel((0, 0))
    bottom = image.crop((0, image.height * 7 // 8, image.width, image.height)).resize((1, 1)).getpixel((0, 0))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    return top[2] > top[0] and top[2] > bottom[2]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_photo_is_shown_upright_whatever_the_phone_stored(orientation: int) -> None:
    data = corpus.photo(orientation)
    shown = _loaded(data)
    stored = Image.open(io.BytesIO(data))
    expected = ImageOps.exif_transpose(stored).convert("RGB")
    upright = (480, 640) if orientation >= 5 else (640, 480)  # the camera stored 640×480 pixels
    assert shown.image.size == expected.size == upright
    assert (shown.metadata.width, shown.metadata.height) == upright
    assert shown.metadata.orientation == orientation
    assert shown.image.mode == "RGB"
    assert _sky_is_up(shown.image)
    assert ImageChops.difference(shown.image, expected).getbbox() is None  # exactly Pillow's reading


def test_photo_facts_capture_date_camera_and_gps() -> None:
    with_gps = _loaded(corpus.photo(6, gps=True)).metadata
    assert with_gps.mime_type == "image/jpeg" and with_gps.format_label == "JPEG"
    assert isinstance(with_gps.captured_at, datetime) and with_gps.captured_at.year == 2025
    assert with_gps.camera and any(
        brand in with_gps.camera for brand in ("iPhone", "Galaxy", "Pixel", "Redmi", "Reno", "Zenfone")
    )
    assert with_gps.has_gps is True
    assert with_gps.pages is None
    assert _loaded(corpus.photo(1)).metadata.has_gps is False


def test_screenshot_png_has_no_camera_facts() -> None:
    meta = _loaded(corpus.screenshot()).metadata
    assert (meta.format_label, meta.captured_at, meta.camera, meta.has_gps) == ("PNG", None, None, False)


def test_target_size_scales_down_to_fit_and_never_up() -> None:
    big = corpus.photo(6, size=(2400, 1800))  # stored 2400×1800, upright 1800 wide and 2400 tall
    fitted = _loaded(big, target_size=(600, 600))
    assert fitted.image.size == (450, 600)
    assert fitted.metadata.width == 1800 and fitted.metadata.height == 2400  # the file's own size
    assert _sky_is_up(fitted.image)
    small = _loaded(corpus.screenshot(), target_size=(4000, 4000))
    assert small.image.size == (small.metadata.width, small.metadata.height)


def test_transparent_png_is_shown_on_white_not_black() -> None:
    shown = _loaded(corpus.transparent_png()).image
    assert shown.mode == "RGB"
    assert shown.getpixel((0, 0)) == (255, 255, 255)
    assert shown.getpixel((20, 20)) == (255, 0, 0)


def test_sixteen_bit_scan_keeps_its_greys() -> None:
    shown = _loaded(corpus.grey16_png()).image
    left, right = shown.getpixel((5, 4)), shown.getpixel((60, 4))
    assert isinstance(left, tuple) and 120 <= left[0] <= 135  # mid-grey, not clipped to white
    assert right == (255, 255, 255)


def test_png_named_jpg_is_shown_as_the_png_it_is() -> None:
    # The declared name and type are the family's browser talking; the bytes decide.
    shown = _loaded(corpus.screenshot())
    assert shown.metadata.mime_type == "image/png"


def test_cmyk_and_greyscale_jpegs_become_rgb() -> None:
    cmyk = corpus.jpeg(Image.new("CMYK", (32, 32), (0, 255, 255, 0)))  # red in print colours
    grey = corpus.jpeg(Image.new("L", (32, 32), 90))
    red = _loaded(cmyk).image.getpixel((16, 16))
    assert isinstance(red, tuple) and red[0] > 200 and red[1] < 60
    assert _loaded(grey).image.getpixel((16, 16)) == (90, 90, 90)


def test_post_photo_over_p5_limit_is_refused_with_the_p5_words() -> None:
    limits = DocumentLimits.for_kind("post_attachment", Policy(photo_max_bytes=100_000))
    result = load_document(corpus.photo(size=(1200, 900)), limits)
    assert isinstance(result, Rejected)
    assert result.code == "too_large"
    assert result.reason.startswith("照片") and "超過" in result.reason


@pytest.mark.parametrize(
    ("size", "words"),
    [
        (10 * MB + 1, "照片 10,485,761 位元組，超過 10 MB（10,485,760 位元組）上限"),
        (10 * MB + 50_000, "照片 10,535,760 位元組，超過 10 MB（10,485,760 位元組）上限"),  # "10.0 MB"
        (10 * MB + 60_000, "照片 10.1 MB，超過 10 MB 上限"),
        (int(10.2 * MB), "照片 10.2 MB，超過 10 MB 上限"),
        (int(15.9 * MB), "照片 15.9 MB，超過 10 MB 上限"),
    ],
)
def test_a_photo_just_over_the_limit_says_by_how_much(size: int, words: str) -> None:
    """Case 13: "10.0 MB，超過 10 MB 上限" would leave the family wondering what is wrong."""
    limits = DocumentLimits.for_kind("post_attachment", Policy())
    result = load_document(corpus.photo_of_size(size), limits)
    assert isinstance(result, Rejected) and result.code == "too_large"
    assert result.reason == words
