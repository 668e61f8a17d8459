"""The workstation's local journal (SQLite): decisions are written here first, then synced."""

from reviewer_app.journal.journal import (
    AlreadyDecided,
    DecisionRecord,
    DecisionRefused,
    Journal,
    NotClaimed,
    NotUndoable,
)

__all__ = ["AlreadyDecided", "DecisionRecord", "DecisionRefused", "Journal", "NotClaimed", "NotUndoable"]
