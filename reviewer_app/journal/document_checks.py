"""What the loader found in the documents opened on this workstation (R7, R8), kept in the journal.

The desk's viewer opens each document on the document worker and records here what the loader found:
the type and size in the bytes, and whether it could be shown. The rules judge P5/P6 on these facts,
and an approval needs one for every document of the item (:func:`approval_problems`, called by
``deciding.decide``). A table of its own (created in existing journals by ``create_all``), keyed by
document id and SHA-256: a replaced upload is another document and is opened anew.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import String, select, tuple_
from sqlalchemy.orm import Mapped, Session, mapped_column

from reviewer_app.core import rules
from reviewer_app.core.checks import Checks, DocKey, DocumentCheck, doc_key
from reviewer_app.core.items import ClaimedItem
from reviewer_app.core.snapshot import FamilyStanding, findings_for, not_seen
from reviewer_app.journal.models import JournalBase

#: SQLite takes at most 999 parameters in older builds: keys are read in chunks of this many.
_CHUNK = 400


class JournalDocumentCheck(JournalBase):
    """One document as the loader found it on this workstation (its latest opening)."""

    __tablename__ = "document_checks"

    document_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime_type: Mapped[str | None] = mapped_column(String(100))  # from the bytes; None: no bytes
    size_bytes: Mapped[int | None]
    problem: Mapped[str | None] = mapped_column(String(40))  # the loader's refusal code; None: shown
    checked_at: Mapped[datetime]

    def check(self) -> DocumentCheck:
        return DocumentCheck(self.document_id, self.sha256, self.mime_type, self.size_bytes, self.problem)


def record(s: Session, check: DocumentCheck, now: datetime) -> bool:
    """Keep ``check`` (the latest opening wins); True when it says something new about the document."""
    row = s.get(JournalDocumentCheck, check.key)
    if row is None:
        s.add(
            JournalDocumentCheck(
                document_id=check.document_id,
                sha256=check.sha256,
                mime_type=check.mime_type,
                size_bytes=check.size_bytes,
                problem=check.problem,
                checked_at=now,
            )
        )
        return True
    changed = row.check() != check
    row.mime_type, row.size_bytes, row.problem, row.checked_at = (
        check.mime_type,
        check.size_bytes,
        check.problem,
        now,
    )
    return changed


def checks_of(s: Session, keys: Iterable[DocKey]) -> dict[DocKey, DocumentCheck]:
    """The checks kept for these documents (those never opened are absent)."""
    wanted = sorted(set(keys))
    found: dict[DocKey, DocumentCheck] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = s.scalars(
            select(JournalDocumentCheck).where(
                tuple_(JournalDocumentCheck.document_id, JournalDocumentCheck.sha256).in_(chunk)
            )
        )
        found.update((check.key, check) for check in (row.check() for row in rows))
    return found


def item_checks(s: Session, item: ClaimedItem) -> Checks:
    return checks_of(s, (doc_key(d) for d in item.documents))


def approval_problems(
    s: Session, item: ClaimedItem, family: FamilyStanding, now: datetime
) -> list[rules.Finding]:
    """Why the engine refuses to approve ``item``: documents never opened here (R7), and the rules'
    blocking findings judged on what the loader found — P5/P6 on the real types and sizes (R7), the
    files it could not show (R8)."""
    checks = item_checks(s, item)
    return [*not_seen(item, checks), *rules.blocking(findings_for(item, family, now, checks))]
