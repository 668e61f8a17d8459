"""The audit trail as CSV, for the agency: every event with its chain position and hashes."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.access.audit_hash import utc_text
from reviewer_app.core.private_files import replaced_when_written
from reviewer_app.core.spreadsheet_text import spreadsheet_safe
from reviewer_app.shared_db.models import AuditEvent

EXPORT_COLUMNS = (
    "id",
    "facility_id",
    "chain_seq",
    "occurred_at",
    "staff_username",
    "workstation",
    "action",
    "item_kind",
    "item_id",
    "service_id",
    "detail",
    "event_key",
    "prev_hash",
    "hash",
)


def export_rows(s: Session) -> Iterator[list[str]]:
    rows = s.scalars(
        select(AuditEvent)
        .order_by(func.coalesce(AuditEvent.facility_id, 0), AuditEvent.chain_seq, AuditEvent.id)
        .execution_options(yield_per=2000)
    )
    try:
        for e in rows:
            yield _export_row(e)
    except ValueError as exc:  # as in _verify_chain: a row changed in the database cannot be loaded
        raise UnreadableEvent(str(exc)) from exc
    finally:
        rows.close()


class UnreadableEvent(ValueError):
    """An event that cannot be read back (changed in the database): `verify` names it."""


def _export_row(e: AuditEvent) -> list[str]:
    return [
        str(e.id),
        "" if e.facility_id is None else str(e.facility_id),
        str(e.chain_seq),
        utc_text(e.occurred_at),
        e.staff_username,
        e.workstation,
        e.action,
        e.item_kind or "",
        "" if e.item_id is None else str(e.item_id),
        "" if e.service_id is None else str(e.service_id),
        json.dumps(e.detail, sort_keys=True, ensure_ascii=False),
        e.event_key,
        e.prev_hash or "",
        e.hash,
    ]


def export_csv(s: Session, path: Path) -> int:
    """The trail as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese)."""
    count = 0
    # Written beside it (0600: the trail names staff and families' items), then moved over the final
    # name: a failed export (disk full, an unreadable event) leaves no empty or half file and keeps an
    # earlier export, as the monthly report does. Every cell through the one formula guard: a staff
    # name or workstation written like =HYPERLINK(…) must stay text in Excel.
    with (
        replaced_when_written(path) as temporary,
        temporary.open("w", encoding="utf-8-sig", newline="") as out,
    ):
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        for row in export_rows(s):
            writer.writerow([spreadsheet_safe(cell) for cell in row])
            count += 1
    return count
