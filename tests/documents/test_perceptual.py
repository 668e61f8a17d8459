"""The perceptual hash on real photos (issue 21): the same photo recompressed or resized is similar,
a different photo is different, a file that is no picture has no hash."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from reviewer_app.demo.documents import applicant_photo, family_photo, relationship_proof_pdf
from reviewer_app.documents.perceptual import likeness, perceptual_hash


def _resaved(data: bytes, *, quality: int = 85, scale: float = 1.0, fmt: str = "JPEG") -> bytes:
    image = Image.open(io.BytesIO(data))
    image = image.resize((int(image.width * scale), int(image.height * scale)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.convert("RGB").save(out, fmt, quality=quality)
    return out.getvalue()


@pytest.fixture(scope="module")
def photo() -> bytes:
    return family_photo(random.Random(3), 2400, 1800, quality=92)


@pytest.mark.parametrize(
    "variant",
    [
        {"quality": 40},
        {"quality": 70, "scale": 0.5},
        {"quality": 90, "scale": 0.25},
        {"fmt": "PNG", "scale": 0.4},
    ],
)
def test_the_same_photo_recompressed_or_resized_is_similar(photo: bytes, variant: dict[str, object]) -> None:
    again = _resaved(photo, **variant)  # type: ignore[arg-type]
    assert again != photo
    assert likeness(perceptual_hash(photo), perceptual_hash(again)) == "similar"


def test_the_same_file_is_the_same(photo: bytes) -> None:
    assert likeness(perceptual_hash(photo), perceptual_hash(photo), same_bytes=True) == "same"


def test_different_photos_are_different(photo: bytes) -> None:
    for seed in range(4, 12):
        other = family_photo(random.Random(seed), 2400, 1800, quality=92)
        assert likeness(perceptual_hash(photo), perceptual_hash(other)) == "different"


def test_portraits_of_different_people_in_the_same_pose_are_different() -> None:
    """Front photos share a pose and a plain background; the flat parts must not make them alike."""
    people = ["林小華", "陳美玲", "王志明", "張雅婷", "李大同", "黃淑芬"]
    hashes = [perceptual_hash(applicant_photo(random.Random(n), name)) for n, name in enumerate(people)]
    for i, a in enumerate(hashes):
        for b in hashes[i + 1 :]:
            assert likeness(a, b) == "different"


def test_a_portrait_recompressed_is_similar() -> None:
    portrait = applicant_photo(random.Random(8), "林小華")
    assert (
        likeness(perceptual_hash(portrait), perceptual_hash(_resaved(portrait, quality=40, scale=0.5)))
        == "similar"
    )


def test_a_file_that_is_no_picture_has_no_hash(photo: bytes) -> None:
    assert perceptual_hash(relationship_proof_pdf(random.Random(1), "林小華", "王大明", "母親")) is None
    assert perceptual_hash(b"not a picture at all") is None
    assert likeness(None, perceptual_hash(photo)) is None


def test_the_hash_of_a_turned_photo_is_that_of_the_upright_one() -> None:
    """A phone stores the pixels turned and says so in EXIF; the picture the reviewer sees counts."""
    upright = family_photo(random.Random(5), 1200, 900, exif_orientation=1)
    turned = family_photo(random.Random(5), 1200, 900, exif_orientation=3)
    assert likeness(perceptual_hash(upright), perceptual_hash(turned)) == "similar"
