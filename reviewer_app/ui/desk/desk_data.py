"""Everything the desk shows, read from the journal in one go on a worker thread.

:func:`load_desk` returns plain frozen objects (queue rows, item details, the catalogue, counts); the
GUI thread only ever reads those, so it never waits on the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reviewer_app.core import rules
from reviewer_app.core.items import ClaimedItem, SharedStanding
from reviewer_app.core.notes import Note
from reviewer_app.core.reasons import Reason
from reviewer_app.core.snapshot import FamilyStanding, family_standing, findings_for, held_in_shared
from reviewer_app.journal import DecisionRecord, Journal, JournalCounts
from reviewer_app.ui.queue.rows import ItemKey, QueueRow, queue_row
from reviewer_app.ui.queue.texts import QueueTexts


@dataclass(frozen=True)
class ItemDetail:
    """One claimed item as the decision panel shows it."""

    kind: str
    item_id: int
    service_id: int
    snapshot: ClaimedItem
    findings: tuple[rules.Finding, ...]
    standing: FamilyStanding
    local_status: str  # pending | held | decided
    held_reason: str | None
    decision: DecisionRecord | None  # this workstation's latest decision on it, if not undone
    #: When the findings were evaluated; not part of equality, so a reload with nothing new is a no-op.
    evaluated_at: datetime = field(compare=False, default=datetime.min)
    #: Staff notes on the item, the oldest first (never shown to the family)
    notes: tuple[Note, ...] = ()
    #: the decision was recorded as a first decision: it waits for a colleague's second look (待覆核)
    awaiting_second: bool = False

    @property
    def key(self) -> ItemKey:
        return (self.kind, self.item_id)

    @property
    def blocking(self) -> tuple[rules.Finding, ...]:
        return tuple(rules.blocking(self.findings))

    @property
    def decidable(self) -> bool:
        return self.local_status != "decided"


@dataclass(frozen=True)
class DeskData:
    rows: tuple[QueueRow, ...]
    details: dict[ItemKey, ItemDetail]
    catalogue: tuple[Reason, ...]
    counts: JournalCounts
    loaded_at: datetime

    @property
    def to_review(self) -> int:
        """What the reviewer can decide now (the held wait for their family's suspension to end)."""
        return sum(1 for r in self.rows if r.status == "pending")

    @property
    def held(self) -> int:
        return sum(1 for r in self.rows if r.status == "held")


def load_desk(
    journal: Journal, now: datetime, claim_holder: str = "", texts: QueueTexts | None = None
) -> DeskData:
    """Read the claimed items, their findings and the family standings (call on a worker).

    ``claim_holder`` is how the queue names who holds the claims (this reviewer on this workstation);
    with ``texts`` (the queue's, in its date style) the rows' search texts are made here too.
    """
    items = journal.items(include_decided=True)
    latest: dict[ItemKey, DecisionRecord] = {}
    keys = [(i.kind, i.item_id) for i in items]
    for d in journal.decisions(("pending", "synced", "conflict"), items=keys):
        latest[(d.kind, d.item_id)] = d  # ordered by seq: the last one wins
    standings: dict[int, FamilyStanding] = journal.standings([i.service_id for i in items], now)
    # What the loader found in the documents opened here: the rules judge those (R7).
    checks = journal.document_checks([d for i in items for d in i.snapshot.documents])
    notes = journal.notes_of(keys)
    awaiting = journal.awaiting_second()
    line = journal.overdue_line()
    rows: list[QueueRow] = []
    details: dict[ItemKey, ItemDetail] = {}
    for item in items:
        standing = standings[item.service_id]
        findings = tuple(findings_for(item.snapshot, standing, now, checks))
        key = (item.kind, item.item_id)
        decision = latest.get(key) if item.local_status == "decided" else None
        state = decision.state if decision else None
        if decision is not None and state == "synced" and decision.key in awaiting:
            state = "awaiting_second"  # the push's answer: in the 待覆核 queue, not in effect yet
        rows.append(queue_row(item, findings, now, state, claim_holder, texts, line))
        details[key] = ItemDetail(
            kind=item.kind,
            item_id=item.item_id,
            service_id=item.service_id,
            snapshot=item.snapshot,  # the item was read for this load alone: nothing else holds it
            findings=findings,
            standing=standing,
            local_status=item.local_status,
            held_reason=item.held_reason,
            decision=decision,
            evaluated_at=now,
            notes=tuple(notes.get(key, ())),
            awaiting_second=state == "awaiting_second",
        )
    return DeskData(
        rows=tuple(rows),
        details=details,
        catalogue=tuple(journal.catalogue().values()),
        counts=journal.counts(),
        loaded_at=now,
    )


def first_to_review(
    snapshots: Sequence[ClaimedItem], families: Sequence[SharedStanding], now: datetime
) -> ClaimedItem | None:
    """The item an empty desk, sorted oldest first, selects first (``QueuePane.ensure_current``: the
    oldest waiting for a decision that no rule holds), from a pull's own snapshots and family
    standings, before the journal has stored them. None when every item is held or already decided.
    """
    standings = {f.service_id: family_standing(f.replayed(now)) for f in families}
    waiting = [
        snap
        for snap in snapshots
        if snap.service_id in standings
        and snap.status in ("pending", "held")
        and not held_in_shared(snap, standings[snap.service_id].suspended_until is not None)
        and not any(f.held for f in findings_for(snap, standings[snap.service_id], now))
    ]
    return min(waiting, key=lambda snap: snap.submitted()) if waiting else None
