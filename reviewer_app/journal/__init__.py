"""The workstation's local journal (SQLite): decisions are written here first, then synced."""

from reviewer_app.journal.errors import (
    AlreadyDecided,
    DecisionRefused,
    JournalError,
    NotClaimed,
    NotUndoable,
)
from reviewer_app.journal.journal import Journal
from reviewer_app.journal.records import AuditRecord, DecisionRecord, JournalCounts, LocalItem

__all__ = [
    "AlreadyDecided",
    "AuditRecord",
    "DecisionRecord",
    "DecisionRefused",
    "Journal",
    "JournalCounts",
    "JournalError",
    "LocalItem",
    "NotClaimed",
    "NotUndoable",
]
