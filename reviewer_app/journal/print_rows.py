"""The printing side's work on its rows, inside the caller's transaction: which posts have records
waiting, each post's records, the status and version after them, and the audit event of a record."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.items import PrintablePost
from reviewer_app.journal.errors import PrintRefused
from reviewer_app.journal.models import JournalHandover, JournalPrintPost, JournalPrintRecord
from reviewer_app.journal.print_records import PRINTABLE, after_handover
from reviewer_app.journal.records import add_audit


def waiting_posts(s: Session) -> set[int]:
    return set(
        s.scalars(select(JournalPrintRecord.post_id).where(JournalPrintRecord.state == "pending"))
    ) | set(s.scalars(select(JournalHandover.post_id).where(JournalHandover.state == "pending")))


def post_rows(s: Session, post_ids: Sequence[int]) -> dict[int, JournalPrintPost]:
    rows = {
        r.post_id: r
        for r in s.scalars(select(JournalPrintPost).where(JournalPrintPost.post_id.in_(post_ids)))
    }
    missing = [pid for pid in post_ids if pid not in rows]
    if missing:
        raise PrintRefused("PRINT_NOT_IN_LIST", posts=tuple(missing))
    return rows


def local_status(
    remote: str, prints: Sequence[JournalPrintRecord], handovers: Sequence[JournalHandover]
) -> str:
    """The remote status with this workstation's records not pushed yet applied, in the order they
    change the post: the versions they expect (a print after a return to the list follows it), then
    prints before hand-overs, then as recorded."""
    changes: list[tuple[int, int, int, str | None]] = [
        (p.expected_version or 0, 0, p.seq, None) for p in prints if p.state == "pending" and not p.reprint
    ]
    changes += [(h.expected_version, 1, h.seq, h.outcome) for h in handovers if h.state == "pending"]
    status = remote
    for _version, _kind, _seq, outcome in sorted(changes):
        if outcome is None:
            status = "printed" if status == PRINTABLE else status
        else:
            status = after_handover(status, outcome) or status
    return status


def records_of(
    s: Session, post_ids: Sequence[int]
) -> tuple[dict[int, list[JournalPrintRecord]], dict[int, list[JournalHandover]]]:
    """Every print and hand-over record of these posts, each post's in journal order (two queries
    for a whole batch, not two a post)."""
    prints: dict[int, list[JournalPrintRecord]] = {}
    handovers: dict[int, list[JournalHandover]] = {}
    for start in range(0, len(post_ids), 500):
        chunk = post_ids[start : start + 500]
        for p in s.scalars(
            select(JournalPrintRecord)
            .where(JournalPrintRecord.post_id.in_(chunk))
            .order_by(JournalPrintRecord.seq)
        ):
            prints.setdefault(p.post_id, []).append(p)
        for h in s.scalars(
            select(JournalHandover).where(JournalHandover.post_id.in_(chunk)).order_by(JournalHandover.seq)
        ):
            handovers.setdefault(h.post_id, []).append(h)
    return prints, handovers


def version_after_pending(
    row: JournalPrintPost, prints: Sequence[JournalPrintRecord], handovers: Sequence[JournalHandover]
) -> int:
    """The version the shared database will have when a new record's turn comes in the push: the
    cached version plus one for each of this workstation's changes still waiting to be pushed."""
    changes = sum(1 for p in prints if p.state == "pending" and not p.reprint)
    return row.version + changes + sum(1 for h in handovers if h.state == "pending")


def settle(s: Session, post_id: int, status: str | None, version: int | None) -> None:
    """A record reached the shared database: the cached post follows until the next refresh."""
    row = s.get(JournalPrintPost, post_id)
    if row is None or status is None or version is None:
        return
    if version >= row.version:
        row.version = version
        row.remote_status = status


def audit_post(
    s: Session,
    row: JournalPrintPost,
    action: str,
    who: str,
    workstation: str,
    now: datetime,
    detail: dict[str, Any],
) -> None:
    """The audit event of a print or hand-over record of the post in ``row``."""
    add_audit(
        s,
        action=action,
        staff_username=who,
        workstation=workstation,
        now=now,
        facility_id=row.facility_id,
        item_kind="post",
        item_id=row.post_id,
        service_id=PrintablePost.from_json(row.snapshot).service_id,
        detail=detail,
    )
