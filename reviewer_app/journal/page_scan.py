"""A printed page's code scanned at the hand-over: find its print record, check the page against the
inmate in front of the counsellor, and record the hand-over through the ordinary path (record_handover:
the journal first, pushed exactly once like any other), all in one step.

The code names a print record (printing/page_code.py). Its post is found in this workstation's list:
by the journal's own print records, or by the keys the shared database gave with the list (a page
printed at another workstation). A page whose post was printed again since is *replaced*: the new
page is the one to hand over, the old one records nothing. No Qt here: the view words the outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import select

from reviewer_app.journal.models import JournalPrintRecord
from reviewer_app.journal.print_records import HANDOVER_FROM, QueuedPost
from reviewer_app.journal.printing import PrintJournal

HANDED_OVER: Final = "handed_over"
WRONG_INMATE: Final = "wrong_inmate"
REPLACED: Final = "replaced"
UNKNOWN: Final = "unknown"
NOT_WAITING: Final = "not_waiting"  # handed over already (or not printed): nothing to record


@dataclass(frozen=True)
class ScanOutcome:
    result: str
    post: QueuedPost | None = None


def find_page(book: PrintJournal, key: str) -> tuple[QueuedPost | None, bool]:
    """The post of the print record `key` in the list, and whether `key` is its latest printing."""
    with book.journal.session() as s:
        mine = list(s.scalars(select(JournalPrintRecord).order_by(JournalPrintRecord.seq)))
    local = next((r for r in mine if r.key == key), None)
    posts = book.queue()
    if local is not None:
        post = next((p for p in posts if p.post_id == local.post_id), None)
    else:
        post = next((p for p in posts if key in p.snapshot.printing.keys), None)
    if post is None:
        return None, False
    # The shared database's records, then this workstation's not pushed yet (newer than all of them).
    keys = list(post.snapshot.printing.keys)
    keys += [r.key for r in mine if r.post_id == post.post_id and r.state != "conflict" and r.key not in keys]
    return post, bool(keys) and keys[-1] == key


def hand_over_scanned(
    book: PrintJournal,
    key: str,
    *,
    inmate_id: int,
    handed_over_by: str,
    recorded_by: str,
    workstation: str,
    now: datetime,
) -> ScanOutcome:
    """Record the hand-over of the page `key` to the inmate `inmate_id`, or say why not (nothing
    recorded then)."""
    post, latest = find_page(book, key)
    if post is None:
        return ScanOutcome(UNKNOWN)
    if not latest:
        return ScanOutcome(REPLACED, post)
    if post.inmate.id != inmate_id:
        return ScanOutcome(WRONG_INMATE, post)
    if post.local_status not in HANDOVER_FROM:
        return ScanOutcome(NOT_WAITING, post)
    book.record_handover(
        [post.post_id],
        outcome="delivered",
        handed_over_by=handed_over_by,
        handed_over_at=now,
        recorded_by=recorded_by,
        workstation=workstation,
        now=now,
    )
    return ScanOutcome(HANDED_OVER, post)
