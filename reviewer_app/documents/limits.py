"""How much of a document the desk will ever read, decode and render: bytes, pixels, pages, seconds.

The programme's own limits come from the facility's policy (P5: a photo at most 10 MB; P6: PDF, JPG,
JPEG or PNG, 20 MB in total); on top of those every document has hard caps that no policy can lift, so
that a hostile upload can never take the workstation down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from reviewer_app.core.formats import canonical_mime_type
from reviewer_app.core.policy import MB, Policy
from reviewer_app.documents.sniff import JPEG, PDF, PNG

#: Nothing larger is ever fetched or decoded, whatever a facility's policy says.
HARD_MAX_BYTES: Final = 64 * MB
#: Caps for documents the policy says nothing about (identity documents, relationship proofs).
DEFAULT_MAX_BYTES: Final = 25 * MB
DEFAULT_MAX_PIXELS: Final = 60_000_000  # a 60 MP picture is 180 MB decoded; phones take 12–50 MP
DEFAULT_MAX_PAGES: Final = 50
DEFAULT_PAGE_SECONDS: Final = 1.5
#: Pillow warns at 89 MP and refuses at twice that; our cap stays below its warning.
HARD_MAX_PIXELS: Final = 89_000_000

_IMAGES: Final = (JPEG, PNG)


@dataclass(frozen=True)
class DocumentLimits:
    """Everything the loader checks a document against.

    ``max_bytes`` caps any file; ``max_photo_bytes`` (when set) caps pictures further, for P5 (a post's
    photo may be at most 10 MB while a PDF attachment may use P6's 20 MB). ``max_pixels`` caps images
    and rendered pages alike; ``page_seconds`` is the time one PDF page may take to render.
    """

    max_bytes: int
    max_pixels: int
    max_pages: int
    page_seconds: float
    allowed_mime_types: tuple[str, ...]
    max_photo_bytes: int | None = None

    @classmethod
    def for_kind(cls, kind: str, policy: Policy) -> DocumentLimits:
        """The limits for a document of `kind` (``Document.kind``) under a facility's `policy`."""
        # The types' one names (R7): a policy may say "image/jpg" as the portal does.
        allowed = tuple(dict.fromkeys(canonical_mime_type(m) for m in policy.allowed_mime_types))
        if kind == "post_attachment":  # a post's photo and its attachments (P5, P6)
            return cls(
                max_bytes=min(policy.attachments_max_total_bytes, HARD_MAX_BYTES),
                max_pixels=DEFAULT_MAX_PIXELS,
                max_pages=DEFAULT_MAX_PAGES,
                page_seconds=DEFAULT_PAGE_SECONDS,
                allowed_mime_types=allowed,
                max_photo_bytes=min(policy.photo_max_bytes, HARD_MAX_BYTES),
            )
        if kind in ("post_photo", "applicant_photo"):  # a picture, nothing else
            photo_cap = policy.photo_max_bytes if kind == "post_photo" else DEFAULT_MAX_BYTES
            return cls(
                max_bytes=min(photo_cap, HARD_MAX_BYTES),
                max_pixels=DEFAULT_MAX_PIXELS,
                max_pages=DEFAULT_MAX_PAGES,
                page_seconds=DEFAULT_PAGE_SECONDS,
                allowed_mime_types=tuple(m for m in allowed if m in _IMAGES) or _IMAGES,
            )
        # identity documents, relationship proofs, and anything newer: sensible hard caps
        return cls(
            max_bytes=DEFAULT_MAX_BYTES,
            max_pixels=DEFAULT_MAX_PIXELS,
            max_pages=DEFAULT_MAX_PAGES,
            page_seconds=DEFAULT_PAGE_SECONDS,
            allowed_mime_types=allowed or (PDF, *_IMAGES),
        )

    def byte_cap(self, mime_type: str) -> int:
        """The most bytes a file of `mime_type` may have under these limits."""
        cap = min(self.max_bytes, HARD_MAX_BYTES)
        if self.max_photo_bytes is not None and mime_type in _IMAGES:
            cap = min(cap, self.max_photo_bytes)
        return cap

    def pixel_cap(self) -> int:
        return min(self.max_pixels, HARD_MAX_PIXELS)
