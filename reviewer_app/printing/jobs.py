"""A counsellor's printing at one workstation, without any window: refresh the list, print a run,
record it in the journal, push.

Used by ``reviewer-app print`` (the morning batch), by the counsellor's view on its workers, and by
the benchmark. Every method may run on a worker thread; painting goes onto the QPrinter it is given
(a QGuiApplication must exist).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from reviewer_app.core.timeutil import local
from reviewer_app.journal.printing import (
    PRINTABLE,
    PRINTED_STATUSES,
    PrintBatch,
    PrintJournal,
    QueuedPost,
    ReprintNeedsReason,
    unit_of,
)
from reviewer_app.printing.batch import Fetch, Quality, prepare_posts
from reviewer_app.printing.queue import TransferredAway, printable_posts, transferred_away
from reviewer_app.printing.render import RenderSummary, new_pdf_printer, render_posts
from reviewer_app.printing.whole_pdf import written_whole
from reviewer_app.qt import QPagedPaintDevice
from reviewer_app.sync.service import PushResult, SharedDatabaseUnavailable, Sync


def matches_unit(housing_unit: str, unit: str) -> bool:
    """`unit` names a housing unit (忠舍: all its rooms) or one place exactly (忠舍 3 房)."""
    wanted = " ".join(unit.split())
    return " ".join(housing_unit.split()) == wanted or unit_of(housing_unit) == wanted


@dataclass(frozen=True)
class PrintRun:
    summary: RenderSummary
    batch: PrintBatch


def _connection_error(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)
    )


class PrintDesk:
    def __init__(
        self,
        sync: Sync,
        fetch: Fetch,
        staff_display_name: str,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.sync = sync
        self.book = PrintJournal(sync.journal)
        self.fetch = fetch
        self.display_name = staff_display_name
        self.clock = clock or sync.clock

    @property
    def username(self) -> str:
        return self.sync.who.staff_username

    @property
    def workstation(self) -> str:
        return self.sync.who.workstation

    @property
    def facility_id(self) -> int:
        return self.sync.who.facility_id

    def today(self) -> date:
        """Taipei's date by this desk's clock: the day eligibility is judged on (core/rules/delivery.py)."""
        return local(self.clock()).date()

    def transferred_away(self) -> list[TransferredAway]:
        """This facility's posts that followed their inmate elsewhere lately (read, never stored)."""
        try:
            with Session(self.sync.engine) as s:
                return transferred_away(s, self.facility_id, self.clock())
        except (OperationalError, DBAPIError) as exc:
            if _connection_error(exc):
                raise SharedDatabaseUnavailable(str(exc.orig or exc)) from exc
            raise

    def refresh(self) -> int:
        """Read the list from the shared database into the journal; the number of posts in it."""
        now = self.clock()
        try:
            with Session(self.sync.engine) as s:
                posts = printable_posts(s, self.facility_id, now)
        except (OperationalError, DBAPIError) as exc:
            if _connection_error(exc):
                raise SharedDatabaseUnavailable(str(exc.orig or exc)) from exc
            raise
        self.book.store_queue(posts, self.facility_id, now)
        return len(posts)

    def queue(self, statuses: Sequence[str] | None = None, unit: str | None = None) -> list[QueuedPost]:
        posts = self.book.queue(statuses, self.today())
        return [p for p in posts if unit is None or matches_unit(p.housing_unit, unit)]

    def to_print(self, unit: str | None = None) -> list[QueuedPost]:
        """Approved posts not printed yet (here or, as of the last refresh, anywhere), in walking order."""
        return self.queue((PRINTABLE,), unit)

    def print_to(
        self,
        device: QPagedPaintDevice,
        posts: Sequence[QueuedPost],
        *,
        copies: int = 1,
        reprint_reason: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> PrintRun:
        """Paint the posts onto `device`, then record the run (one batch) in the journal.

        Posts printed before are reprints: without `reprint_reason` nothing is printed
        (:class:`ReprintNeedsReason`). Nothing is recorded if painting fails, nor if a PDF file
        could not be written whole (whole_pdf).
        """
        reprints = {p.post_id for p in posts if p.local_status in PRINTED_STATUSES}
        if reprints and not (reprint_reason or "").strip():
            raise ReprintNeedsReason("PRINT_REPRINT_NEEDS_REASON", sorted(reprints))
        now = self.clock()
        # The print records' keys are drawn before painting: each page carries its record's code.
        keys = {p.post_id: str(uuid.uuid4()) for p in posts}
        summary = self.paint_copy(device, posts, progress=progress, now=now, print_keys=keys)
        batch = self.book.record_print(
            [p.post_id for p in posts],
            printed_by=self.username,
            workstation=self.workstation,
            now=now,
            copies=copies,
            reprint_reason=reprint_reason,
            keys=keys,
        )
        return PrintRun(summary, batch)

    def paint_copy(
        self,
        device: QPagedPaintDevice,
        posts: Sequence[QueuedPost],
        *,
        progress: Callable[[int], None] | None = None,
        now: datetime | None = None,
        print_keys: Mapping[int, str] | None = None,
    ) -> RenderSummary:
        """Paint the posts onto `device` and record nothing: a PDF kept or checked is not a print run
        until the counsellor says the pages went out (print_to records it). Its pages carry no code
        unless `print_keys` names the records print_to is about to write."""
        with written_whole(device):
            return render_posts(
                device,
                prepare_posts([p.snapshot for p in posts], self.fetch, Quality.PRINT),
                printed_by=self.display_name,
                printed_at=now or self.clock(),
                reprints={p.post_id for p in posts if p.local_status in PRINTED_STATUSES},
                print_keys=print_keys,
                progress=progress,
            )

    def print_pdf(
        self,
        posts: Sequence[QueuedPost],
        path: Path,
        *,
        reprint_reason: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> PrintRun:
        printer = new_pdf_printer(path, f"家庭聯絡簿 {self.clock():%Y-%m-%d}")
        return self.print_to(printer, posts, reprint_reason=reprint_reason, progress=progress)

    def push(self) -> PushResult:
        """Push this workstation's records (and any decisions and audit events) to the shared database."""
        return self.sync.push()
