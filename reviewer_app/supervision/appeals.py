"""Appeals (申覆): the facility's appeals with everything the member deciding them reads, and deciding
one, upheld or overturned, with a reasoned reply to the family.

Like every supervisor action: the capability is checked, only the actor's facility is touched, the
change is audited in the same transaction; call these off the GUI thread. The member who rejected the
item never decides its appeal (here, in the table's own check and, on PostgreSQL, in the database's
function). An overturn dismisses the rejection's strike through the one path of every dismissal
(supervision/strikes.py ``dismiss_in``): a suspension that spent it ends (R2) and the family's standing
is replayed from the shared database as always (core/strike_cycles.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, require
from reviewer_app.core.appeal_reply import appeal_reply, reasoning_text
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.notes import Note
from reviewer_app.core.strike_cycles import replay
from reviewer_app.shared_db import appeals as shared_appeals
from reviewer_app.shared_db.deciding import Refused
from reviewer_app.shared_db.family_records import family_records
from reviewer_app.shared_db.models import (
    Appeal,
    Applicant,
    Decision,
    Document,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Strike,
)
from reviewer_app.shared_db.models.appeals import APPEAL_OUTCOMES
from reviewer_app.supervision.common import SupervisorError, record_event
from reviewer_app.supervision.strikes import dismiss_in
from reviewer_app.sync.notes import pulled_notes


@dataclass(frozen=True)
class AppealRow:
    """An appeal with the rejected item, its documents, the original decision and the family's words."""

    id: int
    item_kind: str
    item_id: int
    service_id: int
    applicant_name: str
    inmate_call_number: str
    title: str | None  # a post's title; None for an application
    body: str | None  # a post's body; None for an application
    relationship: str | None  # an application's relationship code
    documents: tuple[DocumentRef, ...]
    first_reviewer: str
    rejected_at: datetime
    reason_codes: tuple[str, ...]
    message_to_family: str | None  # what the rejection told the family
    staff_note: str | None  # the first reviewer's note (never shown to the family)
    strike_id: int | None  # the rejection's strike, if it was one
    strike_dismissed: bool
    text: str  # the family's appeal
    submitted_at: datetime
    outcome: str | None
    decided_by: str | None
    decided_at: datetime | None
    reply: str | None
    notes: tuple[Note, ...] = ()  # the rejected item's staff notes, the oldest first (never the family's)

    @property
    def decided(self) -> bool:
        return self.outcome is not None


def appeals(engine: Engine, actor: Actor, *, undecided_only: bool = False) -> list[AppealRow]:
    """The facility's appeals, the oldest undecided first, then the decided ones (latest first)."""
    require(actor, "decide_appeal")
    with Session(engine) as s:
        q = select(Appeal).where(Appeal.facility_id == actor.facility_id)
        if undecided_only:
            q = q.where(Appeal.outcome.is_(None))
        found = list(s.scalars(q))
        rows = [_row(s, a) for a in found]
    undecided = sorted((r for r in rows if not r.decided), key=lambda r: (r.submitted_at, r.id))
    decided = sorted((r for r in rows if r.decided), key=lambda r: (r.decided_at, r.id), reverse=True)
    return undecided + decided


def _row(s: Session, a: Appeal) -> AppealRow:
    decision = s.scalar(select(Decision).where(Decision.idempotency_key == a.decision_key))
    assert decision is not None  # a foreign key
    service = s.get(ServiceApplication, a.service_id)
    assert service is not None
    applicant = s.get(Applicant, service.applicant_id)
    inmate = s.get(Inmate, service.inmate_id)
    post = s.get(Post, a.item_id) if a.item_kind == "post" else None
    owner = Document.post_id if a.item_kind == "post" else Document.application_id
    documents = tuple(
        DocumentRef(d.id, d.kind, d.filename, d.mime_type, d.size_bytes, d.sha256, d.storage, d.url)
        for d in s.scalars(select(Document).where(owner == a.item_id).order_by(Document.id))
    )
    strike = s.scalar(select(Strike).where(Strike.decision_key == a.decision_key)) if post else None
    return AppealRow(
        id=a.id,
        item_kind=a.item_kind,
        item_id=a.item_id,
        service_id=a.service_id,
        applicant_name=applicant.name if applicant else "",
        inmate_call_number=inmate.call_number if inmate else "",
        title=post.title if post else None,
        body=post.body if post else None,
        relationship=None if post else service.relationship_code,
        documents=documents,
        first_reviewer=a.first_reviewer,
        rejected_at=decision.decided_at,
        reason_codes=tuple(decision.reason_codes or ()),
        message_to_family=decision.message_to_family,
        staff_note=decision.note,
        strike_id=strike.id if strike else None,
        strike_dismissed=bool(strike and strike.dismissed_at is not None),
        text=a.text,
        submitted_at=a.submitted_at,
        outcome=a.outcome,
        decided_by=a.decided_by,
        decided_at=a.decided_at,
        reply=a.reply,
        notes=tuple(pulled_notes(s, [(a.item_kind, a.item_id)])),
    )


def decide_appeal(
    engine: Engine, actor: Actor, appeal_id: int, outcome: str, reasoning: str, now: datetime
) -> AppealRow:
    """Uphold or overturn the rejection appealed. An overturn dismisses its strike (R2: the suspension
    that spent it ends). The family's reply names the outcome, the reasons and what follows."""
    require(actor, "decide_appeal")
    if outcome not in APPEAL_OUTCOMES:
        raise SupervisorError("申覆結果只能是維持或撤銷原決定")
    try:
        reasoning = reasoning_text(reasoning)
    except ValueError as exc:
        raise SupervisorError(str(exc)) from None
    with Session(engine) as s, s.begin():
        appeal = s.scalar(
            select(Appeal).where(Appeal.id == appeal_id, Appeal.facility_id == actor.facility_id)
        )
        if appeal is None:
            raise SupervisorError("找不到這件申覆（或不屬於本機關）")
        if appeal.outcome is not None:
            raise SupervisorError(f"這件申覆已由 {appeal.decided_by} 決定")
        if appeal.first_reviewer == actor.username:
            raise SupervisorError("原審核人員不能決定同一案件的申覆，請由另一位業務主管決定")
        title = (
            s.scalar(select(Post.title).where(Post.id == appeal.item_id))
            if appeal.item_kind == "post"
            else None
        )
        strike = s.scalar(select(Strike).where(Strike.decision_key == appeal.decision_key))
        strike_removed = outcome == "overturned" and strike is not None and strike.dismissed_at is None
        suspension_ended = strike_removed and _ends_a_suspension(
            s, actor, appeal.service_id, appeal.decision_key, now
        )
        reply = appeal_reply(
            outcome,
            appeal.item_kind,
            title,
            appeal.submitted_at,
            reasoning,
            strike_removed=strike_removed,
            suspension_ended=suspension_ended,
        )
        try:
            shared_appeals.decide(
                s,
                appeal_id=appeal.id,
                facility_id=actor.facility_id,
                staff_username=actor.username,
                outcome=outcome,
                reply=reply,
                decided_at=now,
            )
        except Refused as exc:
            raise SupervisorError(exc.message) from None
        # Decided first (the database locks the appeal: a colleague deciding it at the same moment is
        # refused), then the strike dismissed by the one path of every dismissal (R2), in one transaction.
        if strike_removed:
            assert strike is not None
            dismiss_in(s, actor, strike, f"申覆撤銷原退件：{reasoning}"[:300], now, appeal_id=appeal.id)
        record_event(
            s,
            actor,
            f"appeal_{outcome}",
            now,
            item_kind=appeal.item_kind,
            item_id=appeal.item_id,
            service_id=appeal.service_id,
            detail={
                "appeal_id": appeal.id,
                "outcome": outcome,
                "reasoning": reasoning,
                "first_reviewer": appeal.first_reviewer,
                "strike_dismissed": strike_removed,
                "suspension_ended": suspension_ended,
            },
        )
    (row,) = (r for r in appeals(engine, actor) if r.id == appeal_id)
    return row


def _ends_a_suspension(s: Session, actor: Actor, service_id: int, strike_key: str, now: datetime) -> bool:
    """Whether dismissing the strike now ends the family's running suspension (R2), as the replay of
    the family's record with that strike dismissed says (a new one may start at once: then not)."""
    facility = s.get(Facility, actor.facility_id)
    assert facility is not None
    facts, recorded = family_records(s, [service_id])[service_id]
    before = replay(facts, facility.strike_threshold, facility.suspension_months, now, recorded)
    dismissed = [replace(f, dismissed_at=now) if f.key == strike_key else f for f in facts]
    after = replay(dismissed, facility.strike_threshold, facility.suspension_months, now, recorded)
    return before.suspended_until is not None and after.suspended_until is None
