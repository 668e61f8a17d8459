"""An inmate's transfer or release, as the facility's records bring it (the agency's side, not staff):
what happens to the family's items.

* Transfer: the family's service, its pending and held posts and its approved posts not handed over
  yet follow the inmate to the new facility (and their documents, so the new facility can review and
  print them); a printout made at the old facility is no use there, so a printed post goes back to
  approved. Each post that moved leaves a ``post_transfers`` row both facilities read. Claims are
  dropped and versions bumped: a workstation of the old facility holding one gets a visible conflict.
  The family's strikes and suspensions follow with the service (P7): a family with 2 strikes, or
  suspended, at the old facility is so at the new one, and the old facility no longer reads them.
* Release: approved and printed posts not handed over are closed as undeliverable (出監), with the
  words the family reads (core/rules/delivery.py); so is one undeliverable for another reason (the
  family read "will be handed over later": now the release's words).
  The family's pending and held posts and applications can never be delivered any more: the release
  rejects them at once with INMATE_RELEASED (a decision by 機關紀錄; not the family's fault, no
  strike; the family reads the reason as for any rejection), so no reviewer spends time on them.
  Versions are bumped and claims dropped: a workstation holding one, decided or not, gets a visible
  conflict at its push (decided by 機關紀錄), never a lost or silently applied decision.
* Afterwards: a post approved for a released inmate anyway (a decision pushed later, an appeal, a
  post handed back to the list) is closed at once as undeliverable by a trigger on ``posts``
  (migration 0015, both databases): nothing stays in 暫緩轉交 (出監) for ever.

On PostgreSQL the movements run as SECURITY DEFINER functions (migrations 0014, 0015), which only IT and
the agency's feed (reviewdesk_admin) may execute: staff cannot move or close anything this way. On
SQLite (one user) the same steps run here in Python, in the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from reviewer_app.core.rules.custody import INMATE_RELEASED
from reviewer_app.core.rules.delivery import RELEASED_FOR_FAMILY
from reviewer_app.shared_db import deciding
from reviewer_app.shared_db.models import (
    Decision,
    Document,
    Facility,
    Handover,
    Inmate,
    Post,
    PostTransfer,
    ServiceApplication,
    Strike,
    Suspension,
)

#: Statuses of a service that follows the inmate (a rejected one stays where it was decided).
SERVICE_FOLLOWS: Final = ("pending", "held", "approved")
#: Post statuses that follow the inmate: not decided yet, or approved and not handed over.
POST_FOLLOWS: Final = ("pending", "held", "approved", "printed", "undeliverable")
#: Statuses a release rejects (never deliverable now), posts and applications alike.
REJECTED_BY_RELEASE: Final = ("pending", "held")
#: Post statuses closed by a release (an undeliverable one gets the release's words for the family).
CLOSED_BY_RELEASE: Final = ("approved", "printed", "undeliverable")
#: Who the hand-over row names when the facility's records closed the post.
FROM_RECORDS: Final = "機關紀錄"


def record_transfer(s: Session, from_inmate: int, to_inmate: int, now: datetime) -> list[int]:
    """The inmate moved: the posts that followed them (their ids)."""
    if deciding.on_postgresql(s):
        rows = s.execute(
            text("SELECT reviewdesk_record_transfer(:a, :b)"), {"a": from_inmate, "b": to_inmate}
        ).scalar_one()
        return sorted(rows or [])
    old, new = s.get(Inmate, from_inmate), s.get(Inmate, to_inmate)
    if old is None or new is None or old.facility_id == new.facility_id:
        raise ValueError("a transfer names two inmate records of two facilities")
    old_facility, new_facility = s.get(Facility, old.facility_id), s.get(Facility, new.facility_id)
    assert old_facility is not None and new_facility is not None
    old.custody = "transferred"
    services = list(
        s.scalars(
            select(ServiceApplication).where(
                ServiceApplication.inmate_id == from_inmate, ServiceApplication.status.in_(SERVICE_FOLLOWS)
            )
        )
    )
    moved: list[int] = []
    for service in services:
        service.facility_id, service.inmate_id = new.facility_id, new.id
        service.version += 1
        service.claimed_by = service.claim_workstation = service.claim_expires_at = None
        s.execute(
            update(Document).where(Document.application_id == service.id).values(facility_id=new.facility_id)
        )
        for record in (Strike, Suspension):  # the family's standing follows (P7)
            followed = update(record).where(record.service_id == service.id)
            s.execute(followed.values(facility_id=new.facility_id))
        for post in s.scalars(
            select(Post).where(Post.service_id == service.id, Post.status.in_(POST_FOLLOWS))
        ):
            s.add(
                PostTransfer(
                    post_id=post.id,
                    from_facility_id=old.facility_id,
                    to_facility_id=new.facility_id,
                    from_facility_name=old_facility.name,
                    to_facility_name=new_facility.name,
                    from_call_number=old.call_number,
                    title=post.title,
                    status_before=post.status,
                    transferred_at=now,
                )
            )
            post.facility_id = new.facility_id
            if post.status in ("printed", "undeliverable"):
                post.status = "approved"
            post.version += 1
            post.claimed_by = post.claim_workstation = post.claim_expires_at = None
            s.execute(update(Document).where(Document.post_id == post.id).values(facility_id=new.facility_id))
            moved.append(post.id)
    s.flush()
    return sorted(moved)


def record_release(s: Session, inmate_id: int, now: datetime) -> list[int]:
    """The inmate was released: the posts closed as undeliverable (their ids)."""
    if deciding.on_postgresql(s):
        rows = s.execute(text("SELECT reviewdesk_record_release(:a)"), {"a": inmate_id}).scalar_one()
        return sorted(rows or [])
    inmate = s.get(Inmate, inmate_id)
    if inmate is None:
        raise ValueError("no such inmate")
    inmate.custody = "released"
    s.flush()  # the custody first: the approval trigger reads it
    _reject_undecided(s, inmate_id, now)
    closed = []
    for post in s.scalars(
        select(Post)
        .join(ServiceApplication, ServiceApplication.id == Post.service_id)
        .where(ServiceApplication.inmate_id == inmate_id, Post.status.in_(CLOSED_BY_RELEASE))
    ):
        if post.status == "undeliverable" and _closed_for_release(s, post.id):
            continue
        post.status, post.version = "undeliverable", post.version + 1
        post.claimed_by = post.claim_workstation = post.claim_expires_at = None
        s.add(
            Handover(
                idempotency_key=f"release-{post.id}-{post.version}",
                facility_id=post.facility_id,
                post_id=post.id,
                outcome="undeliverable",
                reason="released",
                handed_over_by=FROM_RECORDS,
                handed_over_at=now,
                note=RELEASED_FOR_FAMILY,
                recorded_by=FROM_RECORDS,
                workstation=FROM_RECORDS,
                recorded_at=now,
            )
        )
        closed.append(post.id)
    s.flush()
    return sorted(closed)


def _reject_undecided(s: Session, inmate_id: int, now: datetime) -> None:
    """The family's pending and held posts and applications, rejected for the release (no strike)."""
    posts = select(Post).join(ServiceApplication, ServiceApplication.id == Post.service_id)
    items: list[tuple[str, Post | ServiceApplication]] = [
        ("post", p)
        for p in s.scalars(
            posts.where(ServiceApplication.inmate_id == inmate_id, Post.status.in_(REJECTED_BY_RELEASE))
        )
    ]
    items += [
        ("application", a)
        for a in s.scalars(
            select(ServiceApplication).where(
                ServiceApplication.inmate_id == inmate_id, ServiceApplication.status.in_(REJECTED_BY_RELEASE)
            )
        )
    ]
    for kind, item in items:
        s.add(
            Decision(
                idempotency_key=f"release-{kind}-{item.id}-{item.version}",
                facility_id=item.facility_id,
                item_kind=kind,
                item_id=item.id,
                item_version=item.version,
                outcome="reject",
                reason_codes=[INMATE_RELEASED],
                message_to_family=None,
                note="收容人出監",
                staff_username=FROM_RECORDS,
                workstation=FROM_RECORDS,
                decided_at=now,
                applied_at=now,
            )
        )
        item.status, item.version, item.decided_at = "rejected", item.version + 1, now
        item.claimed_by = item.claim_workstation = item.claim_expires_at = None
    s.flush()


def _closed_for_release(s: Session, post_id: int) -> bool:
    """Whether the post's last hand-over row is a release's (a second release changes nothing)."""
    last = select(Handover.reason).where(Handover.post_id == post_id).order_by(Handover.id.desc()).limit(1)
    return s.scalar(last) == "released"
