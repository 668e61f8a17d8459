"""The claimed items kept on the workstation: replaced by each pull, the family standings and the
reason catalogue with them; the pulled item is stored as JSON (its one storage boundary)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from reviewer_app.core.items import ClaimedItem, SharedStanding, StaffMember
from reviewer_app.core.reasons import Reason
from reviewer_app.core.snapshot import held_in_shared
from reviewer_app.journal.models import (
    JournalAwaitingSecond,
    JournalDecision,
    JournalFamily,
    JournalFamilyRecord,
    JournalItem,
    JournalReason,
    JournalStaff,
)


def store_pulled(
    s: Session,
    items: Sequence[ClaimedItem],
    families: Sequence[SharedStanding],
    reasons: Sequence[Reason],
    claim_expires_at: datetime,
    now: datetime,
) -> None:
    """Replace the undecided claimed items with what the shared database says now.

    Items decided here and not yet synced are kept as they are; undecided items this workstation
    no longer holds (lease lost, decided elsewhere) leave the list.
    """
    pulled = {i.key: i for i in items}
    kept: dict[tuple[str, int], JournalItem] = {}
    for row in s.scalars(select(JournalItem)):
        decided = row.local_status == "decided"
        lost = (row.kind, row.item_id) not in pulled and not decided
        if lost or (decided and _settled(s, row)):
            s.delete(row)
        else:
            kept[(row.kind, row.item_id)] = row
    s.flush()
    suspended = {f.service_id for f in families if f.replayed(now).suspended_until is not None}
    holding = set(  # local suspensions not synced yet still hold what they held
        s.scalars(select(JournalDecision.key).where(JournalDecision.state == "pending"))
    )
    for key, item in pulled.items():
        existing = kept.get(key)  # every item is loaded above: no query per item
        if existing is not None and existing.local_status == "decided":
            continue
        if existing is None:
            existing = JournalItem(kind=key[0], item_id=key[1], local_status="pending")
            s.add(existing)
        row = existing
        row.version = item.version
        row.facility_id = item.facility.id
        row.service_id = item.service_id
        row.remote_status = item.status
        row.submitted_at = item.submitted()
        row.claim_expires_at = claim_expires_at
        row.pulled_at = now
        row.snapshot = item.to_json()
        if row.held_by_key not in holding:
            held = held_in_shared(item, item.service_id in suspended)
            row.held_by_key = None
            row.local_status = "held" if held else "pending"
            row.held_reason = item.held_reason if held else None
    _store_families(s, families)
    if reasons:
        s.execute(delete(JournalReason))
        for order, r in enumerate(reasons):
            s.add(JournalReason(**r.as_row_values(), sort_order=order))


def _store_families(s: Session, families: Sequence[SharedStanding]) -> None:
    ids = [f.service_id for f in families]
    known = {
        f.service_id: f for f in s.scalars(select(JournalFamily).where(JournalFamily.service_id.in_(ids)))
    }
    # Read in one query, not merged one by one: a merge looks each record up (30 lookups a pull).
    records = {
        r.service_id: r
        for r in s.scalars(select(JournalFamilyRecord).where(JournalFamilyRecord.service_id.in_(ids)))
    }
    for fam in families:
        frow = known.get(fam.service_id)
        if frow is None:  # new here: added, not merged (a merge would look each one up)
            frow = JournalFamily(service_id=fam.service_id)
            s.add(frow)
        frow.facility_id = fam.facility_id
        frow.strike_threshold = fam.strike_threshold
        frow.suspension_months = fam.suspension_months
        # The record itself, replayed by journal/standing.py (the count columns of earlier versions
        # stay unused).
        record = records.get(fam.service_id)
        if record is None:
            record = records[fam.service_id] = JournalFamilyRecord(service_id=fam.service_id)
            s.add(record)
        record.record = fam.to_json()


def store_staff(s: Session, staff: Sequence[StaffMember]) -> None:
    """The facility's staff as the shared database lists them now (who may decide here, R10)."""
    if not staff:
        return
    s.execute(delete(JournalStaff))
    s.add_all(
        JournalStaff(username=m.username, facility_id=m.facility_id, role=m.role, active=m.active)
        for m in staff
    )


def _settled(s: Session, row: JournalItem) -> bool:
    """A decided item whose decision reached the shared database (or lost to another) is done."""
    states = set(
        s.scalars(
            select(JournalDecision.state).where(
                JournalDecision.kind == row.kind, JournalDecision.item_id == row.item_id
            )
        )
    )
    waiting = s.scalar(  # recorded to wait for a second look (four eyes): not done yet
        select(JournalAwaitingSecond.decision_key)
        .join(JournalDecision, JournalDecision.key == JournalAwaitingSecond.decision_key)
        .where(JournalDecision.kind == row.kind, JournalDecision.item_id == row.item_id)
    )
    return waiting is None and "pending" not in states and bool(states & {"synced", "conflict"})
