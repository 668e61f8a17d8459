"""What the rules read (the ``*Facts`` objects) and what they return (:class:`Finding`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

#: A value a finding or a refusal names: a count, a limit, a size in bytes, a date, a vocabulary code,
#: codes, or item numbers.
Value = int | str | date | tuple[str, ...] | tuple[int, ...] | None


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on an item: a stable message code and its values, never words.

    ``code`` keys :mod:`reviewer_app.core.messages` (the staff's words in zh-TW or English, the
    family's in zh-TW); ``reason_code`` points into :mod:`reviewer_app.core.reasons`, so the decision
    panel can preselect the reason a reviewer would most likely pick.
    """

    rule_id: str
    blocks: bool
    code: str
    values: Mapping[str, Value] = field(default_factory=dict, hash=False)
    reason_code: str | None = None
    held: bool = False


@dataclass(frozen=True)
class RestrictionFacts:
    """An E3 restriction on the inmate's record; ``ends_on`` None means open-ended."""

    kind: str
    starts_on: date
    ends_on: date | None

    def active_on(self, day: date) -> bool:
        """E3: whether the restriction is in force on ``day`` (start and end days included)."""
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class DocumentFacts:
    """An uploaded document: its kind, its MIME type and size — those the loader found in its bytes
    once it opened them, the portal's declaration until then (R7) — and ``problem``, the loader's
    refusal code (``truncated``, ``damaged``…) when it could not show the file."""

    kind: str
    mime_type: str
    size_bytes: int
    problem: str | None = None


@dataclass(frozen=True)
class ApplicationFacts:
    """Everything E1–E6 need to judge a service application (服務項目申請)."""

    today: date
    relationship: str
    children_birth_dates: tuple[date, ...]
    restrictions: tuple[RestrictionFacts, ...]
    other_approved_services: int
    other_pending_applications: int
    documents: tuple[DocumentFacts, ...]
    call_number_entered: str
    inmate_call_number: str
    surname_confirmed: bool
    #: Whether the inmate is still held here ("in_custody", "transferred", "released"; None: not known).
    custody: str | None = None


@dataclass(frozen=True)
class WaitingPost:
    """An earlier post of the same service still waiting for its review (pending or held): R1 holds a
    later post inside its window until it is decided."""

    id: int
    submitted_at: datetime


@dataclass(frozen=True)
class PostFacts:
    """Everything P1–P7, E1 and E3 need to judge a contact-book post (家庭聯絡簿)."""

    now: datetime
    submitted_at: datetime
    service_status: str
    title: str
    body: str
    documents: tuple[DocumentFacts, ...]
    #: P3 (R1): the last earlier post of the service that was approved; rejected ones never count.
    previous_post_at: datetime | None
    strikes: int
    suspended_until: datetime | None
    restrictions: tuple[RestrictionFacts, ...]
    #: P3 (R1): the earlier posts of the service not decided yet.
    waiting_posts: tuple[WaitingPost, ...] = ()
    #: E1 over time (R5): the inmate's children's birth dates; None when not known (E1 not judged).
    children_birth_dates: tuple[date, ...] | None = None
    #: Whether the inmate is still held here ("in_custody", "transferred", "released"; None: not known).
    custody: str | None = None


def child_age(birth: date, on: date) -> int:
    """Age in whole years on ``on`` (a 29 February birthday is reached on 1 March in common years)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
