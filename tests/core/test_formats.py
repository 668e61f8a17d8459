"""How the programme's texts write types and sizes: one name per file type, whatever the portal said."""

from __future__ import annotations

import pytest

from reviewer_app.core.formats import canonical_mime_type


@pytest.mark.parametrize(
    ("declared", "canonical"),
    [
        ("image/jpeg", "image/jpeg"),
        ("image/jpg", "image/jpeg"),
        ("image/pjpeg", "image/jpeg"),
        ("IMAGE/JPEG", "image/jpeg"),
        (" Image/JPG ", "image/jpeg"),
        ("image/x-png", "image/png"),
        ("image/png; charset=binary", "image/png"),
        ("application/x-pdf", "application/pdf"),
        ("Application/PDF;name=a.pdf", "application/pdf"),
        ("image/heic", "image/heic"),
        ("", ""),
    ],
)
def test_a_types_other_names_are_the_type(declared: str, canonical: str) -> None:
    assert canonical_mime_type(declared) == canonical
