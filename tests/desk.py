"""A workstation for engine tests: its own engine, its own journal file, a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from reviewer_app.documents.checks import check_document
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import DecisionRecord, Journal
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.sync.service import Sync
from tests.factories import T0


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class Workstation:
    name: str
    username: str
    engine: Engine
    journal: Journal
    sync: Sync
    documents: DocumentStore
    clock: Clock = field(default_factory=Clock)

    def view(self, kind: str, item_id: int, only: int | None = None) -> None:
        """Open the item's documents (the first ``only`` of them) as the desk's viewer does: fetched
        (from the workstation's cache when opened before), through the real loader, and what it found
        recorded in the journal (R7). One out of reach stays unopened, as on the desk."""
        item = self.journal.item(kind, item_id)
        assert item is not None, f"{kind} #{item_id} is not claimed here"
        for doc in item.snapshot.documents[:only]:
            check = check_document(self.documents, doc, item.snapshot.policy)
            if check is not None:
                self.journal.record_document_check(check, self.clock())

    def decide(self, kind: str, item_id: int, outcome: str, *reasons: str) -> DecisionRecord:
        """Decide as a reviewer does: an approval after looking at the item's documents."""
        if outcome == "approve" and self.journal.item(kind, item_id) is not None:
            self.view(kind, item_id)
        return self.journal.decide(
            kind=kind,
            item_id=item_id,
            outcome=outcome,
            reason_codes=reasons,
            message_to_family="請依建議修正後重新發佈" if reasons else None,
            staff_username=self.username,
            workstation=self.name,
            now=self.clock(),
        )

    def close(self) -> None:
        self.documents.close()
        self.journal.close()
        self.engine.dispose()


def workstation(
    url: str, folder: Path, name: str, username: str, facility_id: int, clock: Clock | None = None
) -> Workstation:
    clock = clock or Clock()
    engine = make_engine(url)
    journal = Journal(folder / f"{name}-journal.sqlite3")
    documents = DocumentStore(engine, folder / f"{name}-documents", None)
    sync = Sync(engine, journal, username, name, facility_id, clock=clock, documents=documents)
    return Workstation(name, username, engine, journal, sync, documents, clock)
