"""What the print view lists: read on a worker (:func:`load_print_list`: the shared database's list
stored in the journal, or the journal's last copy when the shared database is unreachable), narrowed
by the filter chosen (:data:`FILTERS`), and said in the view's words (translated in the ``PrintView``
context, as in commands.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer_app.core.rules.delivery import HeldBack
from reviewer_app.core.timeutil import local
from reviewer_app.core.vocabulary import RESTRICTION_KINDS
from reviewer_app.journal.printing import (
    HANDOVER_FROM,
    HELD_BACK,
    PRINTABLE,
    BatchSummary,
    PrintCounts,
    QueuedPost,
)
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.printing.queue import TransferredAway
from reviewer_app.qt import QCoreApplication
from reviewer_app.sync.service import SharedDatabaseUnavailable

UNDELIVERABLE = "undeliverable"

# The list's filters: which local statuses each shows (None: everything in the list). A post that
# could not be handed over (the inmate in hospital, transferred) waits in its own group with its note,
# not among the printed ones still to hand over; it can be handed over from there later. A post whose
# inmate may not receive it today (暫緩轉交) waits in its own group with the reason, and goes back to
# To print or To hand over by itself when the reason is gone.
FILTERS: dict[str, frozenset[str] | None] = {
    "to_print": frozenset({PRINTABLE}),
    "held_back": frozenset({HELD_BACK}),
    "to_hand_over": frozenset(HANDOVER_FROM - {UNDELIVERABLE}),
    "undeliverable": frozenset({UNDELIVERABLE}),
    "delivered": frozenset({"delivered"}),
    "all": None,
}


@dataclass(frozen=True)
class UndeliverableNote:
    """Why a post could not be handed over: the reason's code (移監 / 出監 / 其他) and the note."""

    reason: str | None
    note: str | None


@dataclass(frozen=True)
class PrintList:
    posts: list[QueuedPost]
    counts: PrintCounts
    batches: list[BatchSummary]
    offline: bool
    # post id → why it could not be handed over (its latest hand-over, here or in the shared database)
    undeliverable: dict[int, UndeliverableNote] = field(default_factory=dict)
    # this facility's posts that followed their inmate to another facility lately
    transferred: list[TransferredAway] = field(default_factory=list)

    def filtered(self, key: str) -> list[QueuedPost]:
        wanted = FILTERS.get(key)
        return [p for p in self.posts if wanted is None or p.local_status in wanted]

    def count(self, key: str) -> int:
        return len(self.filtered(key))


def load_print_list(desk: PrintDesk) -> PrintList:
    """On a worker: refresh from the shared database, then read the journal's list."""
    offline = False
    try:
        desk.refresh()
    except SharedDatabaseUnavailable:
        offline = True
    posts = desk.queue()
    transferred = [] if offline else desk.transferred_away()
    return PrintList(
        posts,
        desk.book.counts(desk.today()),
        desk.book.batches(),
        offline,
        _undeliverable(desk, posts),
        transferred,
    )


def _undeliverable(desk: PrintDesk, posts: list[QueuedPost]) -> dict[int, UndeliverableNote]:
    """Each undeliverable post's reason and note: this workstation's latest hand-over not pushed yet,
    else the shared database's (in the post's snapshot)."""
    local = {h.post_id: h for h in desk.book.handovers(("pending",))}  # in journal order: the last wins
    out = {}
    for post in posts:
        if post.local_status != UNDELIVERABLE:
            continue
        mine = local.get(post.post_id)
        if mine is not None:
            out[post.post_id] = UndeliverableNote(mine.reason, mine.note)
        elif post.snapshot.handover is not None:
            out[post.post_id] = UndeliverableNote(post.snapshot.handover.reason, post.snapshot.handover.note)
    return out


def undeliverable_reason(code: str | None) -> str:
    labels = {
        "transferred": QCoreApplication.translate("PrintView", "Transferred"),
        "released": QCoreApplication.translate("PrintView", "Released"),
        "other": QCoreApplication.translate("PrintView", "Other"),
    }
    return labels.get(code or "", code or "")


def undeliverable_text(note: UndeliverableNote) -> str:
    """移監, or 其他：收容人住院中."""
    reason = undeliverable_reason(note.reason)
    if note.note:
        return QCoreApplication.translate("PrintView", "{reason}: {note}").format(
            reason=reason, note=note.note
        )
    return reason


def held_back_text(why: HeldBack) -> str:
    """違規處分執行中（至 12/09）, 移監, 出監: why the post waits under 暫緩轉交."""
    if why.code == "transferred":
        return QCoreApplication.translate("PrintView", "Held back: transferred")
    if why.code == "released":
        return QCoreApplication.translate("PrintView", "Held back: released")
    kind = RESTRICTION_KINDS.get(why.code, why.code)  # the facility's own words for the restriction
    if why.until is None:
        return QCoreApplication.translate(
            "PrintView", "Held back: {restriction} (until further notice)"
        ).format(restriction=kind)
    return QCoreApplication.translate("PrintView", "Held back: {restriction} (until {day})").format(
        restriction=kind, day=f"{why.until:%m/%d}"
    )


def post_notes(loaded: PrintList) -> dict[int, str]:
    """What the list says beside each post: why it waits, and where it was approved if it followed
    its inmate here."""
    notes = {pid: undeliverable_text(note) for pid, note in loaded.undeliverable.items()}
    for post in loaded.posts:
        parts = [notes[post.post_id]] if post.post_id in notes else []
        if post.held_back is not None:
            parts.append(held_back_text(post.held_back))
        if post.snapshot.transferred_from:
            parts.append(
                QCoreApplication.translate("PrintView", "Approved at {facility} (transferred here)").format(
                    facility=post.snapshot.transferred_from
                )
            )
        if parts:
            notes[post.post_id] = "　".join(parts)
    return notes


def transferred_text(loaded: PrintList, shown: int = 4) -> str:
    """The posts that left with their inmate: call number, title, where to and when."""
    if not loaded.transferred:
        return ""
    lines = [
        QCoreApplication.translate("PrintView", "{call_number} “{title}” → {facility} ({day})").format(
            call_number=t.call_number,
            title=t.title,
            facility=t.to_facility,
            day=f"{local(t.transferred_at):%m/%d}",
        )
        for t in loaded.transferred[:shown]
    ]
    more = len(loaded.transferred) - shown
    if more > 0:
        lines.append(QCoreApplication.translate("PrintView", "and {count} more").format(count=more))
    head = QCoreApplication.translate("PrintView", "Transferred with the inmate to another facility:")
    return head + " " + "；".join(lines)


# Literal QCoreApplication.translate calls: lupdate finds the texts only so.


def batch_label(batch: BatchSummary) -> str:
    return QCoreApplication.translate("PrintView", "{when} · {count} posts").format(
        when=f"{local(batch.printed_at):%m/%d %H:%M}", count=batch.posts
    )


def status_text(loaded: PrintList) -> str:
    c = loaded.counts
    status = QCoreApplication.translate(
        "PrintView",
        "To print {a} · to hand over {b} · undeliverable {e} · waiting to sync {c} · conflicts {d}",
    ).format(
        a=loaded.count("to_print"),
        b=loaded.count("to_hand_over"),
        e=loaded.count("undeliverable"),
        c=c.waiting_to_sync,
        d=c.conflicts,
    )
    held = loaded.count("held_back")
    if held:
        status += QCoreApplication.translate("PrintView", " · held back {count}").format(count=held)
    if loaded.offline:
        status += QCoreApplication.translate(
            "PrintView", " — shared database unreachable: showing the last list"
        )
    return status
