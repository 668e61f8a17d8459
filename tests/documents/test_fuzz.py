"""Property: whatever bytes arrive, the loader gives a verdict — within 2 s and 500 MB, no crash.

Each example is measured on its own: wall time with a monotonic clock, memory as the process's peak
resident set (Linux lets the peak be reset before each example through /proc/self/clear_refs; elsewhere
the lifetime peak from `resource` is used, which can only over-report).
"""

from __future__ import annotations

import functools
import io
import re
import struct
import sys
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from reviewer_app.core.policy import Policy
from reviewer_app.documents import (
    DocumentLimits,
    ImageDocument,
    PageError,
    PdfDocument,
    Rejected,
    load_document,
    verdicts,
)
from tests.documents import corpus, pdfgen

LIMITS = DocumentLimits.for_kind("post_attachment", Policy())
MAX_SECONDS = 2.0
MAX_EXTRA_BYTES = 500 * 1024 * 1024
LOADER_CODES = {
    verdicts.EMPTY, verdicts.NOT_ALLOWED, verdicts.UNSUPPORTED, verdicts.TOO_LARGE, verdicts.TOO_MANY_PIXELS,
    verdicts.TRUNCATED, verdicts.DAMAGED, verdicts.ENCRYPTED, verdicts.TOO_MANY_PAGES,
}  # fmt: skip
_CLEAR_REFS = Path("/proc/self/clear_refs")
_STATUS = Path("/proc/self/status")


def _reset_peak() -> bool:
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def _peak_rss_bytes(resettable: bool) -> int:
    if resettable:
        match = re.search(r"VmHWM:\s+(\d+) kB", _STATUS.read_text())
        assert match
        return int(match.group(1)) * 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _current_rss_bytes() -> int:
    try:
        match = re.search(r"VmRSS:\s+(\d+) kB", _STATUS.read_text())
    except OSError:
        return 0
    return int(match.group(1)) * 1024 if match else 0


def _small_photo() -> bytes:
    image = Image.open(io.BytesIO(corpus.photo(6, gps=True))).convert("RGB").resize((160, 120))
    return corpus.jpeg(image, exif=Image.open(io.BytesIO(corpus.photo(6, gps=True))).getexif(), quality=70)


def _progressive() -> bytes:
    return corpus.jpeg(Image.new("RGB", (96, 64), (30, 120, 200)), progressive=True)


def _palette_png() -> bytes:
    return corpus.png(Image.new("P", (40, 30), 3), transparency=3)


@functools.cache
def _seeds() -> tuple[bytes, ...]:
    return (
        _small_photo(),
        _progressive(),
        corpus.transparent_png(),
        corpus.grey16_png(),
        _palette_png(),
        pdfgen.simple(2),
        pdfgen.simple(1, user_password=""),
        pdfgen.huge_image_page(3000, 3000),
    )


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


@st.composite
def png_headers(draw: st.DrawFn) -> bytes:
    """PNGs with any header: width, height, depth, colour type (valid or not) and some pixel data."""
    width = draw(st.integers(0, 2**31 - 1) | st.integers(1, 64))
    height = draw(st.integers(0, 2**31 - 1) | st.integers(1, 64))
    depth = draw(st.sampled_from([1, 2, 4, 8, 16, 3, 0]))
    colour = draw(st.sampled_from([0, 2, 3, 4, 6, 1, 7]))
    interlace = draw(st.sampled_from([0, 1, 2]))
    rows = draw(st.binary(max_size=512))
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    chunks = _chunk(b"IHDR", ihdr)
    if colour == 3:
        chunks += _chunk(b"PLTE", draw(st.binary(min_size=3, max_size=48)))
    chunks += _chunk(b"IDAT", zlib.compress(rows))
    if draw(st.booleans()):
        chunks += _chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


@st.composite
def mutated_seeds(draw: st.DrawFn) -> bytes:
    """A real file with a few bytes flipped, cut, inserted or overwritten."""
    data = bytearray(draw(st.sampled_from(_seeds())))
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, len(data) - 1)) if data else 0
        action = draw(st.sampled_from(["flip", "flip", "flip", "cut", "insert", "overwrite", "head"]))
        if action == "flip" and data:
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del data[where:]
        elif action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=64))
        elif action == "overwrite":
            patch = draw(st.binary(min_size=1, max_size=16))
            data[where : where + len(patch)] = patch
        else:  # damage in the first 100 bytes, where the headers are
            head = min(len(data), 100)
            if head:
                data[draw(st.integers(0, head - 1))] = draw(st.integers(0, 255))
    return bytes(data)


MAGICS = [
    b"\xff\xd8\xff",
    b"\xff\xd8\xff\xe1",
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-1.4\n",
    b"%PDF-1.7\n%\xe2\xe3\n1 0 obj",
]

any_file = st.one_of(
    st.binary(max_size=2048),
    st.builds(lambda magic, rest: magic + rest, st.sampled_from(MAGICS), st.binary(max_size=2048)),
    png_headers(),
    mutated_seeds(),
    mutated_seeds(),  # twice: real files, slightly broken, reach deepest into the decoders
)


def _exercise(data: bytes) -> str:
    result = load_document(data, LIMITS, target_size=(400, 300))
    if isinstance(result, PdfDocument):
        try:
            for index in range(min(result.page_count, 2)):
                try:
                    page = result.render_page(index, 300)
                    assert page.mode == "RGB" and page.width <= 300
                except PageError as exc:
                    assert exc.reason
        finally:
            result.close()
        return "pdf"
    if isinstance(result, ImageDocument):
        assert result.image.mode == "RGB"
        assert result.image.width <= 400 and result.image.height <= 300
        return "image"
    assert isinstance(result, Rejected)
    assert result.code in LOADER_CODES, result
    assert result.reason and not result.reason.isascii()  # a zh-TW sentence for staff
    return result.code


@settings(
    max_examples=150,
    deadline=MAX_SECONDS * 1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=any_file)
def test_every_file_gets_a_verdict_within_time_and_memory(data: bytes) -> None:
    baseline = _current_rss_bytes()
    resettable = _reset_peak()
    start = time.monotonic()
    event(_exercise(data))  # the verdicts' spread shows with --hypothesis-show-statistics
    elapsed = time.monotonic() - start
    peak = _peak_rss_bytes(resettable)
    assert elapsed < MAX_SECONDS, f"{elapsed:.2f} s for {len(data)} bytes"
    assert peak - baseline < MAX_EXTRA_BYTES, f"{(peak - baseline) / 2**20:.0f} MB over the baseline"


def test_the_seeds_themselves_are_accepted() -> None:
    # The mutations start from files the loader shows: otherwise the fuzzing explores nothing.
    kinds = [_exercise(seed) for seed in _seeds()]
    assert kinds.count("image") == 5 and kinds.count("pdf") == 3


@pytest.mark.parametrize("side", [7_000, 8_000])
def test_big_but_allowed_picture_stays_within_the_memory_budget(side: int) -> None:
    # The largest pictures the limits let through (49 MP; and 64 MP, just over the 60 MP cap).
    data = corpus.png(Image.new("RGB", (side, side), (250, 250, 250)), compress_level=1)
    baseline = _current_rss_bytes()
    resettable = _reset_peak()
    start = time.monotonic()
    verdict = _exercise(data)
    elapsed = time.monotonic() - start
    assert verdict == ("image" if side * side <= LIMITS.max_pixels else "too_many_pixels")
    assert _peak_rss_bytes(resettable) - baseline < MAX_EXTRA_BYTES
    assert elapsed < MAX_SECONDS * 2  # a 49 MP PNG is the slowest legitimate decode
