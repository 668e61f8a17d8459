"""One row of the review queue: :class:`QueueRow`, a frozen snapshot of one claimed item with its
findings already evaluated, built by :func:`queue_row` on a worker (it needs the journal for the
family's standing). Qt models only show the rows they are given.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from reviewer_app.core import rules
from reviewer_app.core.service_clock import OverdueLine
from reviewer_app.journal.records import LocalItem
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle

if TYPE_CHECKING:
    from reviewer_app.ui.queue.texts import QueueTexts

ItemKey = tuple[str, int]

#: The item's queue status as this workstation sees it; ``decided`` means waiting to sync.
#: ``awaiting_second``: synced as a first decision, waiting in the 待覆核 queue (four eyes).
STATUS_ORDER: dict[str, int] = {
    "pending": 0,
    "held": 1,
    "decided": 2,
    "awaiting_second": 3,
    "synced": 4,
    "conflict": 5,
}


class Column(enum.IntEnum):
    KIND = 0
    FAMILY = 1
    INMATE = 2
    SUBMITTED = 3
    WAITING = 4
    RULES = 5
    CLAIM = 6
    STATUS = 7


@dataclass(frozen=True)
class QueueRow:
    kind: str  # "application" | "post"
    item_id: int
    family_name: str
    family_id_masked: str
    inmate_call_number: str
    inmate_name: str
    submitted_at: datetime  # aware
    waited_seconds: int
    #: the facility's service clock as last pulled: items submitted before ``late_before`` are past
    #: the target of ``target_working_days`` (None: not read yet, nothing shows as late)
    late_before: datetime | None
    target_working_days: int
    blocking_rules: tuple[str, ...]
    finding_messages: tuple[str, ...]
    status: str  # a key of STATUS_ORDER
    held_reason: str | None = None
    title: str = ""
    #: Rule ids that hold the item (E3 restriction, P7 suspension), shown as flags beside the blocking ones.
    held_rules: tuple[str, ...] = ()
    claim_holder: str = ""  # who holds the claim (this reviewer, on this workstation)
    claim_expires_at: datetime | None = None
    claim_expired: bool = False
    #: What the search box matches (every column's text and the title, search_key), made on the worker
    #: by :func:`queue_row` in ``search_style``; when empty or in another style the model makes it.
    search_text: str = field(default="", compare=False, repr=False)
    search_style: DateStyle | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> ItemKey:
        return (self.kind, self.item_id)

    @property
    def decidable(self) -> bool:
        return self.status in ("pending", "held")

    @property
    def overdue(self) -> bool:
        return self.decidable and self.late_before is not None and self.submitted_at < self.late_before

    @property
    def flags(self) -> tuple[str, ...]:
        """Rule flags: the blocking rules, then the ones holding the item, each once."""
        return tuple(dict.fromkeys((*self.blocking_rules, *self.held_rules)))


def queue_row(
    item: LocalItem,
    findings: Sequence[rules.Finding],
    now: datetime,
    decision_state: str | None = None,
    claim_holder: str = "",
    texts: QueueTexts | None = None,
    line: OverdueLine | None = None,
) -> QueueRow:
    """One row from a journal item and its findings (on a worker: findings need the journal).

    An item a rule holds (E3 restriction, P7 suspension) shows as 暫緩審核 even while the shared
    database still lists it as pending.

    ``decision_state`` is the state of this workstation's latest decision on the item, if any
    (pending, synced or conflict). ``claim_holder`` names who holds the claim (this reviewer).
    With ``texts`` the row's search text is made here too, off the GUI thread. ``line`` is the
    facility's service clock (core/service_clock.py), which marks the row late.
    """
    snap = item.snapshot
    dates = texts.dates if texts is not None else None  # the queue's date style (ROC years or not)
    held_findings = [words.finding(f, dates) for f in findings if f.held]
    if item.local_status == "decided":
        status = {
            "pending": "decided",
            "synced": "synced",
            "awaiting_second": "awaiting_second",
            "conflict": "conflict",
        }.get(decision_state or "pending", "decided")
    else:
        # Held by the shared database or this workstation (a suspension), or by a rule (E3, P7) now.
        status = "held" if item.local_status == "held" or held_findings else "pending"
    submitted = item.submitted_at
    blocking = rules.blocking(findings)
    row = QueueRow(
        kind=item.kind,
        item_id=item.item_id,
        family_name=snap.applicant.name,
        family_id_masked=snap.applicant.national_id_masked,
        inmate_call_number=snap.inmate.call_number,
        inmate_name=snap.inmate.name,
        submitted_at=submitted,
        waited_seconds=max(0, int((now - submitted).total_seconds())),
        late_before=line.late_before if line is not None else None,
        target_working_days=line.target_working_days if line is not None else 0,
        blocking_rules=tuple(dict.fromkeys(f.rule_id for f in blocking)),
        finding_messages=tuple(f"{f.rule_id}　{words.finding(f, dates)}" for f in blocking),
        status=status,
        held_reason=(item.held_reason and words.family_message(item.held_reason, dates))
        or ("；".join(held_findings) if held_findings else None),
        title=snap.title,
        held_rules=tuple(dict.fromkeys(f.rule_id for f in findings if f.held)),
        claim_holder=claim_holder,
        claim_expires_at=item.claim_expires_at,
        claim_expired=item.claim_expires_at is not None and _aware(item.claim_expires_at, now) <= now,
    )
    if texts is not None:
        # Set once, before anybody else sees the row (the dataclass is frozen for everyone after).
        object.__setattr__(row, "search_text", texts.search(row))
        object.__setattr__(row, "search_style", texts.dates)
    return row


def _aware(moment: datetime, like: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=like.tzinfo)
