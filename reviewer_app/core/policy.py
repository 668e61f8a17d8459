"""A facility's programme policy: the numbers the rules enforce.

Defaults come from the families' guide (每 30 日限 1 次, 100 字, 照片 1 張 10M, 退件累計 3 次暫停 1 個月,
附件 PDF/JPG/JPEG/PNG 至多 3 檔 20 MB). Each facility may override any of them (a juvenile facility may
allow a 20 MB photo and a 7-day window), so rules read them from here, never from constants.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Policy:
    post_window_days: int = 30
    body_max_chars: int = 100
    max_photos: int = 1
    photo_max_bytes: int = 10 * MB
    max_attachments: int = 3
    attachments_max_total_bytes: int = 20 * MB
    strike_threshold: int = 3
    suspension_months: int = 1
    child_max_age: int = 18
    claim_lease_minutes: int = 20
    review_target_hours: int = 72

    #: MIME types P6 allows; decided from the bytes, never from the file name.
    allowed_mime_types: tuple[str, ...] = ("application/pdf", "image/jpeg", "image/png")
