"""What the journal refuses to record, with a message for the staff member (zh-TW)."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer_app.core import rules


class JournalError(Exception):
    """A decision the journal will not record; the message is for the reviewer (zh-TW)."""


class NotClaimed(JournalError):
    pass


class AlreadyDecided(JournalError):
    pass


class NotUndoable(JournalError):
    pass


class DecisionRefused(JournalError):
    def __init__(self, message: str, findings: Sequence[rules.Finding]) -> None:
        super().__init__(message)
        self.findings = list(findings)


class PrintRefused(Exception):
    """A print or hand-over the journal will not record; the message is for the counsellor (zh-TW)."""


class ReprintNeedsReason(PrintRefused):
    """Some of the posts were printed before: printing them again is a reprint, which needs a reason."""

    def __init__(self, message: str, post_ids: Sequence[int]) -> None:
        super().__init__(message)
        self.post_ids = list(post_ids)
