"""The audit trail's canonical serialisations and hashes.

Neither serialisation may ever change: existing chains are verified with them.

* ``reviewdesk-audit-v1`` (events without ``recorded_at``, written before revision 0008): JSON of the
  fields, computed by the app.
* ``reviewdesk-audit-v2`` (every event since): each field as ``<length>:<text>`` (``~`` for none),
  after the tag, hashed with SHA-256. On PostgreSQL the database computes it in the chain trigger
  (``reviewdesk_audit_hash`` in migration 0008); here it is computed the same way, for SQLite and to
  verify. The detail enters as PostgreSQL's ``jsonb`` prints it (keys by length, then bytes), which
  :func:`jsonb_text` reproduces; ``tests/access/test_audit_in_database.py`` checks they agree.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from reviewer_app.shared_db.models import AuditEvent

FORMAT = "reviewdesk-audit-v1"
FORMAT_V2 = "reviewdesk-audit-v2"


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


_JSON_ESCAPES = {"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


def _json_string(value: str) -> str:
    """A string as PostgreSQL's escape_json writes it: the usual escapes, other controls as \\u00XX."""
    out = []
    for ch in value:
        escaped = _JSON_ESCAPES.get(ch)
        if escaped is None and ch < " ":
            escaped = f"\\u{ord(ch):04x}"
        out.append(escaped or ch)
    return '"' + "".join(out) + '"'


def jsonb_text(value: Any) -> str:
    """`value` as PostgreSQL prints it as jsonb: object keys ordered by byte length, then bytes
    (duplicates already gone), ", " and ": " between items, numbers as numeric prints them."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("not a JSON number")
        return format(Decimal(repr(value)), "f")
    if isinstance(value, Decimal):  # a number read as it was written (detail_as_written)
        if not value.is_finite():
            raise ValueError("not a JSON number")
        return format(value, "f")
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(jsonb_text(v) for v in value) + "]"
    if isinstance(value, dict):
        keys = sorted((str(k) for k in value), key=lambda k: (len(k.encode("utf-8")), k.encode("utf-8")))
        return "{" + ", ".join(f"{_json_string(k)}: {jsonb_text(value[k])}" for k in keys) + "}"
    raise ValueError(f"not JSON: {type(value).__name__}")


def _field(value: object) -> str:
    if value is None:
        return "~"
    text = value if isinstance(value, str) else str(value)
    return f"{len(text)}:{text}"


def event_hash_v2(
    *,
    chain_seq: int,
    prev_hash: str | None,
    event_key: str,
    facility_id: int | None,
    occurred_at: datetime,
    recorded_at: datetime,
    staff_username: str,
    workstation: str,
    action: str,
    item_kind: str | None,
    item_id: int | None,
    service_id: int | None,
    detail: dict[str, Any] | None,
) -> str:
    """The v2 hash, exactly as the database's chain trigger computes it (migration 0008)."""
    fields = (
        chain_of(facility_id),
        chain_seq,
        prev_hash,
        event_key,
        facility_id,
        utc_text(occurred_at),
        utc_text(recorded_at),
        staff_username,
        workstation,
        action,
        item_kind,
        item_id,
        service_id,
        jsonb_text(detail if detail is not None else {}),
    )
    text = FORMAT_V2 + "".join(_field(f) for f in fields)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def detail_as_written(stored: str) -> Any:
    """A detail as the database stores it, with its numbers as written ("1.50" stays 1.50, as jsonb
    keeps it), for :func:`hash_of`: a detail typed by hand is no false alarm."""
    return json.loads(stored, parse_float=Decimal)


def hash_of(e: AuditEvent, stored_detail: str | None = None) -> str:
    """The hash `e` should have, in the format it was written in (v2 when it has `recorded_at`).
    `stored_detail`: the detail column's text, when read from the database (v2 hashes it as written)."""
    if e.recorded_at is not None:
        return event_hash_v2(
            chain_seq=e.chain_seq,
            prev_hash=e.prev_hash,
            event_key=e.event_key,
            facility_id=e.facility_id,
            occurred_at=e.occurred_at,
            recorded_at=e.recorded_at,
            staff_username=e.staff_username,
            workstation=e.workstation,
            action=e.action,
            item_kind=e.item_kind,
            item_id=e.item_id,
            service_id=e.service_id,
            detail=e.detail if stored_detail is None else detail_as_written(stored_detail),
        )
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
