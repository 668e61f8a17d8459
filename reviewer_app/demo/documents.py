"""Demo document files: ID card, household register, relationship proof PDF, photos, screenshots.

Every generator is a pure function of the `random.Random` it is given and returns the file's bytes.
Identity documents carry a "樣本 SAMPLE" watermark so that nobody mistakes them for real ones. They
live in :mod:`~reviewer_app.demo.id_documents` and :mod:`~reviewer_app.demo.photos`, drawn with the
helpers of :mod:`~reviewer_app.demo.drawing`; this module names them all in one place.
"""

from __future__ import annotations

from reviewer_app.demo.drawing import WATERMARK_TEXT, cjk_font_path
from reviewer_app.demo.id_documents import household_register_image, id_card_image, relationship_proof_pdf
from reviewer_app.demo.photos import (
    applicant_photo,
    family_photo,
    family_photo_and_smaller,
    screenshot_png,
    sized_jpeg,
)

__all__ = [
    "WATERMARK_TEXT",
    "applicant_photo",
    "cjk_font_path",
    "family_photo",
    "family_photo_and_smaller",
    "household_register_image",
    "id_card_image",
    "relationship_proof_pdf",
    "screenshot_png",
    "sized_jpeg",
]
