"""What the print view lists: read on a worker (:func:`load_print_list`: the shared database's list
stored in the journal, or the journal's last copy when the shared database is unreachable), narrowed
by the filter chosen (:data:`FILTERS`), and said in the view's words (translated in the ``PrintView``
context, as in commands.py)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer_app.core.timeutil import local
from reviewer_app.journal.printing import HANDOVER_FROM, PRINTABLE, BatchSummary, PrintCounts, QueuedPost
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.qt import QCoreApplication
from reviewer_app.sync.service import SharedDatabaseUnavailable

#: The list's filters: which local statuses each shows (None: everything in the list).
FILTERS: dict[str, frozenset[str] | None] = {
    "to_print": frozenset({PRINTABLE}),
    "to_hand_over": frozenset(HANDOVER_FROM),
    "delivered": frozenset({"delivered"}),
    "all": None,
}


@dataclass(frozen=True)
class PrintList:
    posts: list[QueuedPost]
    counts: PrintCounts
    batches: list[BatchSummary]
    offline: bool

    def filtered(self, key: str) -> list[QueuedPost]:
        wanted = FILTERS.get(key)
        return [p for p in self.posts if wanted is None or p.local_status in wanted]


def load_print_list(desk: PrintDesk) -> PrintList:
    """On a worker: refresh from the shared database, then read the journal's list."""
    offline = False
    try:
        desk.refresh()
    except SharedDatabaseUnavailable:
        offline = True
    return PrintList(desk.queue(), desk.book.counts(), desk.book.batches(), offline)


# Literal QCoreApplication.translate calls: lupdate finds the texts only so.


def batch_label(batch: BatchSummary) -> str:
    return QCoreApplication.translate("PrintView", "{when} · {count} posts").format(
        when=f"{local(batch.printed_at):%m/%d %H:%M}", count=batch.posts
    )


def status_text(loaded: PrintList) -> str:
    c = loaded.counts
    status = QCoreApplication.translate(
        "PrintView", "To print {a} · to hand over {b} · waiting to sync {c} · conflicts {d}"
    ).format(a=c.to_print, b=c.to_hand_over, c=c.waiting_to_sync, d=c.conflicts)
    if loaded.offline:
        status += QCoreApplication.translate(
            "PrintView", " — shared database unreachable: showing the last list"
        )
    return status
