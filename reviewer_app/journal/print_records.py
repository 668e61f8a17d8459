"""What the printing side of the journal gives back (records, never its rows), and the small rules
of the counsellor's list: which statuses print, which hand over, the walking order through the units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from reviewer_app.core.items import InmateInfo, PrintablePost
from reviewer_app.core.rules.delivery import HeldBack, held_back
from reviewer_app.journal.models import JournalHandover, JournalPrintRecord

#: Statuses a post may have in the counsellor's list.
PRINTABLE: Final = "approved"
PRINTED_STATUSES: Final[frozenset[str]] = frozenset({"printed", "delivered", "undeliverable"})
#: A hand-over can be recorded for a printout not yet handed over, or one that could not be (yet).
HANDOVER_FROM: Final[frozenset[str]] = frozenset({"printed", "undeliverable"})
#: A hand-over outcome that sends a post that could not be handed over back to the list to print.
RETURNED: Final = "returned"


def after_handover(status: str, outcome: str) -> str | None:
    """The post's status after a hand-over record of `outcome`, None when it does not apply: delivered
    or undeliverable from a printout (printed, or undeliverable before); returned from undeliverable
    only, back to approved (to print again)."""
    if outcome == RETURNED:
        return PRINTABLE if status == "undeliverable" else None
    return outcome if status in HANDOVER_FROM else None


#: The list's own status (never the shared database's) of an approved or printed post whose inmate
#: may not receive it today (暫緩轉交: an E3 restriction in force, transferred, released).
HELD_BACK: Final = "held_back"
HOLDS: Final[frozenset[str]] = frozenset({PRINTABLE, "printed"})


@dataclass(frozen=True)
class QueuedPost:
    """A post in the counsellor's list: the shared database's view plus this workstation's records."""

    post_id: int
    facility_id: int
    version: int
    remote_status: str
    local_status: str
    snapshot: PrintablePost
    prints: int  # how often it was printed (shared database, plus records here not pushed yet)
    last_printed_at: datetime | None
    last_batch: str | None
    waiting_to_sync: int
    problem: str | None  # the latest conflict or push note about it, for the counsellor
    held_back: HeldBack | None = None  # why it waits under 暫緩轉交 (local_status HELD_BACK)

    @property
    def inmate(self) -> InmateInfo:
        return self.snapshot.inmate

    @property
    def housing_unit(self) -> str:
        return self.inmate.housing_unit

    @property
    def call_number(self) -> str:
        return self.inmate.call_number

    @property
    def title(self) -> str:
        return self.snapshot.title


@dataclass(frozen=True)
class PrintRecordData:
    key: str
    seq: int
    batch_key: str
    facility_id: int
    post_id: int
    expected_version: int | None
    reprint: bool
    reprint_reason: str | None
    copies: int
    printed_by: str
    workstation: str
    printed_at: datetime
    state: str
    note: str | None


@dataclass(frozen=True)
class HandoverData:
    key: str
    seq: int
    facility_id: int
    post_id: int
    expected_version: int
    outcome: str
    reason: str | None
    handed_over_by: str
    handed_over_at: datetime
    recipient: str | None
    note: str | None
    recorded_by: str
    workstation: str
    recorded_at: datetime
    state: str
    conflict_reason: str | None


@dataclass(frozen=True)
class PrintBatch:
    """One print run recorded here: its key and the posts in it (first prints and reprints)."""

    key: str
    printed_at: datetime
    printed_by: str
    records: tuple[PrintRecordData, ...]

    @property
    def post_ids(self) -> list[int]:
        return [r.post_id for r in self.records]


@dataclass(frozen=True)
class BatchSummary:
    key: str
    printed_at: datetime
    printed_by: str
    posts: int
    post_ids: tuple[int, ...]


@dataclass(frozen=True)
class PrintCounts:
    to_print: int
    to_hand_over: int
    waiting_to_sync: int
    conflicts: int


def print_data(r: JournalPrintRecord) -> PrintRecordData:
    return PrintRecordData(
        key=r.key,
        seq=r.seq,
        batch_key=r.batch_key,
        facility_id=r.facility_id,
        post_id=r.post_id,
        expected_version=r.expected_version,
        reprint=r.reprint,
        reprint_reason=r.reprint_reason,
        copies=r.copies,
        printed_by=r.printed_by,
        workstation=r.workstation,
        printed_at=r.printed_at,
        state=r.state,
        note=r.note,
    )


def handover_data(h: JournalHandover) -> HandoverData:
    return HandoverData(
        key=h.key,
        seq=h.seq,
        facility_id=h.facility_id,
        post_id=h.post_id,
        expected_version=h.expected_version,
        outcome=h.outcome,
        reason=h.reason,
        handed_over_by=h.handed_over_by,
        handed_over_at=h.handed_over_at,
        recipient=h.recipient,
        note=h.note,
        recorded_by=h.recorded_by,
        workstation=h.workstation,
        recorded_at=h.recorded_at,
        state=h.state,
        conflict_reason=h.conflict_reason,
    )


def hold(status: str, post: PrintablePost, today: date) -> tuple[str, HeldBack | None]:
    """The status the counsellor works with today: an approved or printed post whose inmate may not
    receive it is held back, with the reason; it comes back by itself when the reason is gone."""
    why = held_back(post.inmate, today) if status in HOLDS else None
    return (HELD_BACK, why) if why is not None else (status, None)


def clean_text(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text[:limit] or None


def unit_of(housing_unit: str) -> str:
    """The housing unit (舍) of a place like "忠舍 3 房": its first word; the place itself otherwise."""
    words = housing_unit.split()
    return words[0] if words else ""


def _room_key(housing_unit: str) -> tuple[str, int, str]:
    words = housing_unit.split()
    number = next((int(w) for w in words[1:] if w.isdigit()), 0)
    return (unit_of(housing_unit), number, housing_unit)


def walking_order(post: QueuedPost) -> tuple[Any, ...]:
    return (
        _room_key(post.housing_unit),
        post.call_number,
        post.snapshot.submitted_at,
        post.post_id,
    )
