"""The audit trail's canonical serialisation and hashes.

The serialisation below must never change: existing chains are verified with it. A new format would
get a new version tag and verify both.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from reviewer_app.shared_db.models import AuditEvent

FORMAT = "reviewdesk-audit-v1"


def chain_of(facility_id: int | None) -> int:
    return facility_id or 0


def utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:  # SQLite hands back naive UTC outside the ORM type
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def normalise_detail(detail: dict[str, Any] | None) -> dict[str, Any]:
    """The detail as the database will give it back (JSON: string keys, lists for tuples)."""
    value = json.loads(json.dumps(detail or {}, ensure_ascii=False, allow_nan=False))
    assert isinstance(value, dict)
    return value


def event_hash(
    *,
    chain_seq: int,
    prev_hash: str | None,
    event_key: str,
    facility_id: int | None,
    occurred_at: datetime,
    staff_username: str,
    workstation: str,
    action: str,
    item_kind: str | None,
    item_id: int | None,
    service_id: int | None,
    detail: dict[str, Any] | None,
) -> str:
    return hash_normalised(
        chain_seq,
        prev_hash,
        event_key,
        facility_id,
        occurred_at,
        staff_username,
        workstation,
        action,
        item_kind,
        item_id,
        service_id,
        normalise_detail(detail),
    )


def hash_normalised(
    chain_seq: int,
    prev_hash: str | None,
    event_key: str,
    facility_id: int | None,
    occurred_at: datetime,
    staff_username: str,
    workstation: str,
    action: str,
    item_kind: str | None,
    item_id: int | None,
    service_id: int | None,
    detail: dict[str, Any],
) -> str:
    """:func:`event_hash` of a detail already normalised (appending normalises it once, not twice)."""
    payload = [
        FORMAT,
        chain_of(facility_id),
        chain_seq,
        prev_hash or "",
        event_key,
        facility_id,
        utc_text(occurred_at),
        staff_username,
        workstation,
        action,
        item_kind,
        item_id,
        service_id,
        detail,
    ]
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_of(e: AuditEvent) -> str:
    return event_hash(
        chain_seq=e.chain_seq,
        prev_hash=e.prev_hash,
        event_key=e.event_key,
        facility_id=e.facility_id,
        occurred_at=e.occurred_at,
        staff_username=e.staff_username,
        workstation=e.workstation,
        action=e.action,
        item_kind=e.item_kind,
        item_id=e.item_id,
        service_id=e.service_id,
        detail=e.detail,
    )
