"""Appeals in the shared database, whichever database: written by the portal, decided by a supervisor.

On PostgreSQL both writes are functions of migration 0011 (the portal's ``reviewdesk_portal_appeal``, the
supervisor's ``reviewdesk_decide_appeal``), which check who asks and refuse with the SQLSTATEs of
shared_db/deciding.py; staff cannot write the table by hand. On SQLite (one user, no roles) the same
checks run here, in the caller's transaction. Either way the table itself refuses a second appeal of
one rejection and a decision by the member who rejected the item.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.shared_db.deciding import ITEM_MODELS, Refused, _call, _payload, on_postgresql
from reviewer_app.shared_db.models import Appeal, Decision, Post, ServiceApplication
from reviewer_app.shared_db.models.appeals import APPEAL_OUTCOMES, APPEAL_TEXT_MAX


class AppealRefused(ValueError):
    """The portal's appeal cannot be written (not the family's rejected item, appealed already, text)."""


def submit(s: Session, applicant_id: int, item_kind: str, item_id: int, words: str, now: datetime) -> int:
    """The family's appeal of their rejected item (once per rejection); its id."""
    if on_postgresql(s):
        return int(
            s.execute(
                text("SELECT public.reviewdesk_portal_appeal(:a, :k, :i, :t)"),
                {"a": applicant_id, "k": item_kind, "i": item_id, "t": words},
            ).scalar_one()
        )
    model = ITEM_MODELS.get(item_kind)
    found = None
    if model is ServiceApplication:
        found = s.execute(
            select(ServiceApplication.facility_id, ServiceApplication.id).where(
                ServiceApplication.id == item_id,
                ServiceApplication.applicant_id == applicant_id,
                ServiceApplication.status == "rejected",
            )
        ).first()
    elif model is Post:
        found = s.execute(
            select(Post.facility_id, Post.service_id)
            .join(ServiceApplication, ServiceApplication.id == Post.service_id)
            .where(
                Post.id == item_id, ServiceApplication.applicant_id == applicant_id, Post.status == "rejected"
            )
        ).first()
    rejection = s.scalars(
        select(Decision)
        .where(Decision.item_kind == item_kind, Decision.item_id == item_id)
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
        .limit(1)
    ).first()
    if found is None or rejection is None or rejection.outcome != "reject":
        raise AppealRefused("not a rejected item of this family")
    if s.scalar(select(Appeal.id).where(Appeal.decision_key == rejection.idempotency_key)) is not None:
        raise AppealRefused("this rejection has been appealed already (once per rejection)")
    words = words.strip()
    if not 2 <= len(words) <= APPEAL_TEXT_MAX:
        raise AppealRefused(f"an appeal needs a short text (2 to {APPEAL_TEXT_MAX} characters)")
    appeal = Appeal(
        facility_id=found[0],
        service_id=found[1],
        item_kind=item_kind,
        item_id=item_id,
        decision_key=rejection.idempotency_key,
        first_reviewer=rejection.staff_username,
        text=words,
        submitted_at=now,
    )
    s.add(appeal)
    s.flush()
    return appeal.id


def decide(
    s: Session,
    *,
    appeal_id: int,
    facility_id: int,
    staff_username: str,
    outcome: str,
    reply: str,
    decided_at: datetime,
) -> None:
    """Record the outcome and the reply. Raises Refused: RD404 (no such appeal here), RD409 (decided
    already), RD403 (the member rejected the item themselves), RD422 (outcome, reply; on PostgreSQL a
    time ahead of the server's)."""
    if on_postgresql(s):
        payload = {
            "appeal_id": appeal_id,
            "staff_username": staff_username,
            "outcome": outcome,
            "reply": reply,
            "decided_at": decided_at,
        }
        _call(s, "SELECT public.reviewdesk_decide_appeal(CAST(:p AS jsonb))", p=_payload(payload))
        return
    appeal = s.scalar(
        select(Appeal).where(Appeal.id == appeal_id, Appeal.facility_id == facility_id).with_for_update()
    )
    if appeal is None:
        raise Refused("RD404", "找不到這件申覆（或不屬於本機關）")
    if appeal.outcome is not None:
        raise Refused("RD409", f"這件申覆已由 {appeal.decided_by} 決定")
    if appeal.first_reviewer == staff_username:
        raise Refused("RD403", "原審核人員不能決定同一案件的申覆，請由另一位業務主管決定")
    if outcome not in APPEAL_OUTCOMES:
        raise Refused("RD422", "申覆結果只能是維持或撤銷原決定")
    if len(reply.strip()) < 2:
        raise Refused("RD422", "請填寫給家屬的回覆")
    appeal.outcome, appeal.decided_by, appeal.decided_at, appeal.reply = (
        outcome,
        staff_username,
        decided_at,
        reply.strip(),
    )
    s.flush()
