"""What the print view lists: read on a worker (:func:`load_print_list`: the shared database's list
stored in the journal, or the journal's last copy when the shared database is unreachable), narrowed
by the filter chosen (:data:`FILTERS`), and said in the view's words (translated in the ``PrintView``
context, as in commands.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer_app.core.timeutil import local
from reviewer_app.journal.printing import HANDOVER_FROM, PRINTABLE, BatchSummary, PrintCounts, QueuedPost
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.qt import QCoreApplication
from reviewer_app.sync.service import SharedDatabaseUnavailable

UNDELIVERABLE = "undeliverable"

# The list's filters: which local statuses each shows (None: everything in the list). A post that
# could not be handed over (the inmate in hospital, transferred) waits in its own group with its note,
# not among the printed ones still to hand over; it can be handed over from there later.
FILTERS: dict[str, frozenset[str] | None] = {
    "to_print": frozenset({PRINTABLE}),
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
    return PrintList(posts, desk.book.counts(), desk.book.batches(), offline, _undeliverable(desk, posts))


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
    if loaded.offline:
        status += QCoreApplication.translate(
            "PrintView", " — shared database unreachable: showing the last list"
        )
    return status
