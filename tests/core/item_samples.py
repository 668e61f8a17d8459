"""A claimed item for tests of the typed item data and of the journal that stores it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from reviewer_app.core.items import (
    ApplicantInfo,
    ClaimedItem,
    DocumentRef,
    EarlierPost,
    FacilityRef,
    HistoryEntry,
    InmateInfo,
    Restriction,
)
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.snapshot import FamilyStanding

NOW = datetime.fromisoformat("2025-03-20T09:00:00+08:00")
FAMILY = FamilyStanding(strikes=0, strike_threshold=3, suspended_until=None)

POST = ClaimedItem(
    kind="post",
    id=41,
    version=3,
    status="pending",
    submitted_at="2025-03-19T20:15:00+08:00",
    service_id=7,
    facility=FacilityRef(2, "TPJ", "臺北少年觀護所"),
    policy=Policy(post_window_days=7, photo_max_bytes=20 * MB),
    applicant=ApplicantInfo(5, "林美玲", "A2****6781", "mei@example.tw", "0912-345-678"),
    relationship="spouse",
    inmate=InmateInfo(
        9,
        "1234",
        "陳志明",
        "忠舍 3 房",
        children=("2015-06-01",),
        restrictions=(Restriction("discipline", "2025-01-02", "2025-01-20"),),
    ),
    documents=(
        DocumentRef(88, "post_photo", "IMG_0001.jpg", "image/jpeg", 1_234, "ab" * 32, "url", "https://x/1"),
    ),
    history=(
        HistoryEntry(
            "post", 30, "rejected", "2025-03-01T10:00:00+08:00", "近況", ("P4_TOO_LONG",), None, True
        ),
    ),
    title="孩子的近況",
    body="孩子很好，請放心。",
    service_status="approved",
    previous_post_at="2025-03-15T08:00:00+08:00",
    earlier_posts=(EarlierPost(35, "2025-03-15T08:00:00+08:00", "pending"),),
)


def stored(data: dict[str, Any]) -> dict[str, Any]:
    """Through the journal's JSON column: text and back."""
    back: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False))
    return back


def earlier_version_post() -> dict[str, Any]:
    """A post as an earlier version stored it: P3's answer from the shared database only (no
    ``earlier_posts``), no history or held reason, a policy without the allowed file types."""
    data = stored(POST.to_json())
    for gone in ("earlier_posts", "history", "held_reason"):
        del data[gone]
    policy = data["policy"]
    assert isinstance(policy, dict)
    del policy["allowed_mime_types"]
    return data
