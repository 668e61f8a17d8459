"""The code on every printed page: which print record the page came from, and nothing else.

The text is ``CB:`` and the print record's idempotency key (a random UUID the journal stores with the
record and the shared database keeps as ``print_records.idempotency_key``) in upper-case hex: no name,
no call number, nothing a finder of a lost page could read about the inmate or the family; guessing a
valid one is hopeless (122 random bits). Upper-case hex and the colon are QR's alphanumeric set, so the
code is a version 2 QR code (25 × 25 modules), 15 mm wide on the page. A barcode scanner types the text
like a keyboard; :func:`key_of` reads it back, forgiving case and stray spaces.
"""

from __future__ import annotations

import uuid
from typing import Final

import segno

PREFIX: Final = "CB:"


def code_text(key: str) -> str:
    """What the page's QR code says for the print record `key`."""
    return PREFIX + uuid.UUID(key).hex.upper()


def key_of(text: str) -> str | None:
    """The print record key a scanned text names, or None when it is no page code of ours."""
    cleaned = "".join(text.split()).upper()
    if not cleaned.startswith(PREFIX):
        return None
    try:
        return str(uuid.UUID(hex=cleaned[len(PREFIX) :]))
    except ValueError:
        return None


def modules(text: str) -> list[list[bool]]:
    """The QR code of `text` as rows of dark (True) and light modules, without the quiet zone."""
    qr = segno.make_qr(text, error="m", boost_error=False)
    return [[bool(cell) for cell in row] for row in qr.matrix]
