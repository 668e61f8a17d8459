"""Families' uploads, shown safely: where the bytes are (:mod:`.store`), what they are and how they
are decoded (:mod:`.loader`), and when cached copies go (:mod:`.hygiene`).

Modules, one job each: ``sniff`` (type from the bytes), ``limits`` (what may be read and decoded),
``metadata`` (pixels, pages, EXIF facts), ``verdicts`` (results and zh-TW reasons), ``images`` and
``pdf`` (the decoders), ``loader`` (the one entry point), ``fetch`` (HTTPS from the portal's file
store), ``cache`` (the user-only disk cache), ``store`` (embedded or URL, hash-checked, cached),
``pipeline`` (request to pixels, for a worker), ``hygiene`` (eviction after sync), ``report``
(the verdict in words, for ``reviewer-app check-file``).
"""

import logging

from reviewer_app.documents.limits import DocumentLimits
from reviewer_app.documents.loader import (
    ImageDocument,
    Metadata,
    PageError,
    PdfDocument,
    Rejected,
    Verdict,
    load_document,
    load_document_file,
)

# Pillow logs EXIF values and PNG chunks at DEBUG: family data. Whatever the app's log level, those
# records never reach a handler.
logging.getLogger("PIL").setLevel(max(logging.getLogger("PIL").level, logging.INFO))

__all__ = [
    "DocumentLimits",
    "ImageDocument",
    "Metadata",
    "PageError",
    "PdfDocument",
    "Rejected",
    "Verdict",
    "load_document",
    "load_document_file",
]
