"""A claimed item (core/items.py, kept in the journal) turned into rule facts and findings.

The snapshot is everything a reviewer needs offline; rules run on it with the family's standing
as this workstation knows it (remote strikes plus strikes decided here and not yet synced), and with
what the workstation's loader found in the documents it opened (R7: checks, by document).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reviewer_app.core import rules
from reviewer_app.core.checks import Checks, DocumentCheck, doc_key
from reviewer_app.core.formats import canonical_mime_type
from reviewer_app.core.items import APPROVED_POST_STATUSES, ClaimedItem, DocumentRef
from reviewer_app.core.strike_cycles import Cycle, Standing, StrikeFact, with_strike
from reviewer_app.core.timeutil import local


@dataclass(frozen=True)
class FamilyStanding:
    """What the rules and the desk read of a family's standing (core/strike_cycles.py computes it)."""

    #: the live strikes of the current cycle (R2: "1/3", never "4/3")
    strikes: int
    strike_threshold: int
    suspended_until: datetime | None
    #: The family's posts rejected on this workstation and not synced yet: P3 no longer counts them.
    rejected_here: frozenset[int] = frozenset()
    #: The family's posts approved on this workstation and not synced yet: P3 counts them (R1).
    approved_here: frozenset[int] = frozenset()

    #: the whole replay (every suspension and the strikes it spent), when known
    record: Standing | None = field(default=None, compare=False, repr=False)

    def suspends_if_struck(self, key: str, post_id: int, at: datetime) -> Cycle | None:
        """The suspension that one more strike at ``at`` would start, if it would (the reject dialog's
        warning and the journal's hold read the same answer)."""
        if self.record is None:
            return None
        after = with_strike(self.record, StrikeFact(key, post_id, at))
        cycle = after.cycle_of(key)
        return cycle if cycle is not None and cycle.spent[-1] == key and cycle.running(at) else None


def family_standing(
    record: Standing,
    rejected_here: frozenset[int] = frozenset(),
    approved_here: frozenset[int] = frozenset(),
) -> FamilyStanding:
    """The rules' view of a replayed family record at its time."""
    return FamilyStanding(
        strikes=record.live_count,
        strike_threshold=record.threshold,
        suspended_until=record.suspended_until,
        rejected_here=rejected_here,
        approved_here=approved_here,
        record=record,
    )


def held_in_shared(item: ClaimedItem, family_suspended: bool) -> bool:
    """Whether the shared database holds the item. A post is held for its family's suspension, and
    the shared database leaves it "held" after the suspension is lifted or has ended: only while
    the family is suspended does it count as held."""
    return item.status == "held" and (item.kind != "post" or family_suspended)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    return local(datetime.fromisoformat(value)) if value else None


def _restrictions(item: ClaimedItem) -> tuple[rules.RestrictionFacts, ...]:
    out = []
    for r in item.inmate.restrictions:
        starts = _date(r.starts_on)
        assert starts is not None
        out.append(rules.RestrictionFacts(kind=r.kind, starts_on=starts, ends_on=_date(r.ends_on)))
    return tuple(out)


def document_facts(doc: DocumentRef, check: DocumentCheck | None) -> rules.DocumentFacts:
    """A document as the rules judge it: the type and size the loader found once it opened the file,
    the portal's declaration (under the type's one name) until then (R7)."""
    declared = canonical_mime_type(doc.mime_type)
    if check is None:
        return rules.DocumentFacts(kind=doc.kind, mime_type=declared, size_bytes=doc.size_bytes)
    return rules.DocumentFacts(
        kind=doc.kind,
        mime_type=check.mime_type or declared,
        size_bytes=doc.size_bytes if check.size_bytes is None else check.size_bytes,
        problem=check.problem,
    )


def _documents(item: ClaimedItem, checks: Checks) -> tuple[rules.DocumentFacts, ...]:
    return tuple(document_facts(d, checks.get(doc_key(d))) for d in item.documents)


def application_facts(item: ClaimedItem, today: date, checks: Checks | None = None) -> rules.ApplicationFacts:
    return rules.ApplicationFacts(
        today=today,
        relationship=item.relationship,
        children_birth_dates=_birth_dates(item),
        restrictions=_restrictions(item),
        other_approved_services=item.other_approved_services,
        other_pending_applications=item.other_pending_applications,
        documents=_documents(item, checks or {}),
        call_number_entered=item.call_number_entered,
        inmate_call_number=item.inmate.call_number,
        surname_confirmed=item.surname_confirmed,
        custody=item.inmate.custody,
    )


def _earlier_posts(
    item: ClaimedItem, family: FamilyStanding
) -> tuple[datetime | None, tuple[rules.WaitingPost, ...]]:
    """P3 after R1: the service's last earlier approved post, and the earlier posts still waiting for
    their review. Decisions here not synced yet count already: a rejection frees the window, an
    approval uses it."""
    if item.earlier_posts is None:  # pulled by a version that sent only the shared database's answer
        return _datetime(item.previous_post_at), ()
    approved: list[datetime] = []
    waiting: list[rules.WaitingPost] = []
    for p in item.earlier_posts:
        if p.id in family.rejected_here:
            continue
        at = local(datetime.fromisoformat(p.submitted_at))
        if p.id in family.approved_here or p.status in APPROVED_POST_STATUSES:
            approved.append(at)
        else:
            waiting.append(rules.WaitingPost(p.id, at))
    return max(approved, default=None), tuple(waiting)


def _birth_dates(item: ClaimedItem) -> tuple[date, ...]:
    return tuple(d for d in (_date(v) for v in item.inmate.children) if d is not None)


def post_facts(
    item: ClaimedItem, family: FamilyStanding, now: datetime, checks: Checks | None = None
) -> rules.PostFacts:
    submitted = _datetime(item.submitted_at)
    assert submitted is not None
    previous, waiting = _earlier_posts(item, family)
    return rules.PostFacts(
        now=local(now),
        submitted_at=submitted,
        service_status=item.service_status,
        title=item.title,
        body=item.body,
        documents=_documents(item, checks or {}),
        previous_post_at=previous,
        strikes=family.strikes,
        # In Taipei time like every other date here: the finding names the day the suspension ends.
        suspended_until=local(family.suspended_until) if family.suspended_until is not None else None,
        restrictions=_restrictions(item),
        waiting_posts=waiting,
        children_birth_dates=_birth_dates(item),  # E1 on the review date (R5)
        custody=item.inmate.custody,  # released: cannot be approved; transferred: reviewed there
    )


def findings_for(
    item: ClaimedItem, family: FamilyStanding, now: datetime, checks: Checks | None = None
) -> list[rules.Finding]:
    """The rules' findings on ``item``; ``checks``: what the loader found in its documents (R7)."""
    if item.kind == "application":
        return rules.check_application(application_facts(item, local(now).date(), checks), item.policy)
    return rules.check_post(post_facts(item, family, now, checks), item.policy)


def not_seen(item: ClaimedItem, checks: Checks) -> list[rules.Finding]:
    """R7: the documents of ``item`` the loader has not opened on this workstation (an approval's)."""
    return rules.rule_seen([(d.kind, doc_key(d) in checks) for d in item.documents], item.kind)
