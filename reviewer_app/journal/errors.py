"""What the journal refuses to record: a code of :mod:`reviewer_app.core.messages` and its values,
worded for the staff member in the desk's language."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer_app.core import rules
from reviewer_app.core.messages import CodedError


class JournalError(CodedError):
    """A decision the journal will not record: a code of :mod:`reviewer_app.core.messages` and its
    values, worded for the reviewer in the desk's language."""


class NotClaimed(JournalError):
    pass


class AlreadyDecided(JournalError):
    pass


class NotUndoable(JournalError):
    pass


class NotPermitted(JournalError):
    """The member is not (or no longer) an active reviewer or supervisor of the item's facility (R10)."""


class DecisionRefused(JournalError):
    def __init__(self, code: str, findings: Sequence[rules.Finding]) -> None:
        super().__init__(code)
        self.findings = list(findings)


class PrintRefused(CodedError):
    """A print or hand-over the journal will not record: a code of :mod:`reviewer_app.core.messages`
    and its values, worded for the counsellor in the desk's language."""


class ReprintNeedsReason(PrintRefused):
    """Some of the posts were printed before: printing them again is a reprint, which needs a reason."""

    def __init__(self, code: str, post_ids: Sequence[int]) -> None:
        super().__init__(code, posts=tuple(post_ids))
        self.post_ids = list(post_ids)
