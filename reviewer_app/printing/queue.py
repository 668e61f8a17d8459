"""The counsellor's list, read from the shared database: approved posts to print, printed ones to hand
over, and those handed over lately (a lost copy may need a reprint).

Each post comes back as a :class:`~reviewer_app.core.items.PrintablePost` with everything the printout
shows (facility, inmate's call number, name and housing unit, family member and relationship, title,
body, the approval and who gave it), its documents (for the loader), the facility's policy (for the
loader's limits) and its printing and hand-over history. It is what the workstation keeps in its journal
(``print_queue``), so the list and the hand-over work on while the shared database is unreachable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from reviewer_app.core.items import (
    ApplicantInfo,
    Approval,
    HandoverInfo,
    InmateInfo,
    PrintablePost,
    PrintHistory,
    Restriction,
)
from reviewer_app.core.timeutil import local
from reviewer_app.shared_db.models import (
    Applicant,
    Decision,
    Facility,
    Handover,
    Inmate,
    Post,
    PostTransfer,
    PrintRecord,
    ServiceApplication,
    Staff,
)
from reviewer_app.shared_db.models import (
    Restriction as RestrictionRow,
)
from reviewer_app.sync.pull import documents_of, facility_of

#: Handed-over posts stay in the list this long (a reprint for a lost or damaged copy).
RECENT_DAYS: Final = 14
#: What a printout shows of a post's documents. An identity document or relationship proof is never
#: printed nor kept for printing, even if filed on a post (on PostgreSQL a counsellor cannot read it
#: at all: migration 0009).
PRINTED_DOCUMENT_KINDS: Final = ("post_attachment",)
_CHUNK: Final = 500


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def printable_posts(
    s: Session, facility_id: int, now: datetime, *, recent_days: int = RECENT_DAYS
) -> list[PrintablePost]:
    """The facility's approved and printed posts, and those handed over lately."""
    since = now - timedelta(days=recent_days)
    recent = select(Handover.post_id).where(
        Handover.facility_id == facility_id, Handover.handed_over_at >= since
    )
    rows = s.execute(
        # Of the family member only what the printout shows: a counsellor may not read the national
        # ID, birth date or contact details (need-to-know, PDPA; on PostgreSQL column privileges of
        # migration 0009 refuse the whole row), and on SQLite this list reads none of it either.
        select(Post, ServiceApplication, Inmate, Applicant.id, Applicant.name)
        .join(ServiceApplication, ServiceApplication.id == Post.service_id)
        .join(Inmate, Inmate.id == ServiceApplication.inmate_id)
        .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
        .where(
            Post.facility_id == facility_id,
            or_(
                Post.status.in_(("approved", "printed")),
                and_(Post.status.in_(("delivered", "undeliverable")), Post.id.in_(recent)),
            ),
        )
        .options(selectinload(Post.documents))
        .order_by(Post.id)
    ).all()
    if not rows:
        return []
    facility = s.get(Facility, facility_id)
    assert facility is not None
    ids = [post.id for post, *_ in rows]
    approvals: dict[int, tuple[str, datetime]] = {}
    printing: dict[int, PrintHistory] = {}
    handovers: dict[int, Handover] = {}
    came_from: dict[int, str] = {}
    # E3 restrictions not over by today (Taipei): the list holds a post back while one is in force
    # (core/rules/delivery.py) and lets it come back by itself the day after it ends.
    today = local(now).date()
    inmate_ids = sorted({inmate.id for _post, _app, inmate, *_ in rows})
    restrictions: dict[int, list[Restriction]] = {}
    for r in s.scalars(
        select(RestrictionRow)
        .where(
            RestrictionRow.inmate_id.in_(inmate_ids),
            or_(RestrictionRow.ends_on.is_(None), RestrictionRow.ends_on >= today),
        )
        .order_by(RestrictionRow.starts_on)
    ):
        restrictions.setdefault(r.inmate_id, []).append(
            Restriction(r.kind, r.starts_on.isoformat(), r.ends_on.isoformat() if r.ends_on else None)
        )
    for chunk in _chunks(ids):
        for post_id, name in s.execute(
            select(PostTransfer.post_id, PostTransfer.from_facility_name)
            .where(PostTransfer.post_id.in_(chunk), PostTransfer.to_facility_id == facility_id)
            .order_by(PostTransfer.id)
        ):
            came_from[post_id] = name
        for item_id, who, at in s.execute(
            select(Decision.item_id, Decision.staff_username, Decision.decided_at)
            .where(Decision.item_kind == "post", Decision.outcome == "approve", Decision.item_id.in_(chunk))
            .order_by(Decision.decided_at, Decision.id)
        ):
            approvals[item_id] = (who, at)
        for post_id, count, last in s.execute(
            select(PrintRecord.post_id, func.count(), func.max(PrintRecord.printed_at))
            .where(PrintRecord.post_id.in_(chunk))
            .group_by(PrintRecord.post_id)
        ):
            printing[post_id] = PrintHistory(int(count), last.isoformat() if last else None)
        keys: dict[int, list[str]] = {}
        for post_id, key in s.execute(
            select(PrintRecord.post_id, PrintRecord.idempotency_key)
            .where(PrintRecord.post_id.in_(chunk))
            .order_by(PrintRecord.printed_at, PrintRecord.id)
        ):
            keys.setdefault(post_id, []).append(key)
        for post_id, post_keys in keys.items():
            printing[post_id] = replace(printing[post_id], keys=tuple(post_keys))
        for h in s.scalars(select(Handover).where(Handover.post_id.in_(chunk)).order_by(Handover.id)):
            handovers[h.post_id] = h
    usernames = {who for who, _ in approvals.values()}
    names = dict(
        s.execute(select(Staff.username, Staff.display_name).where(Staff.username.in_(usernames))).all()
        if usernames
        else []
    )
    out = []
    for post, app, inmate, applicant_id, applicant_name in rows:
        approval = approvals.get(post.id)
        handover = handovers.get(post.id)
        out.append(
            PrintablePost(
                id=post.id,
                version=post.version,
                status=post.status,
                facility=facility_of(facility),
                policy=facility.policy(),
                service_id=app.id,
                relationship=app.relationship_code,
                applicant=ApplicantInfo(id=applicant_id, name=applicant_name),
                inmate=InmateInfo(
                    id=inmate.id,
                    call_number=inmate.call_number,
                    name=inmate.name,
                    housing_unit=inmate.housing_unit,
                    restrictions=tuple(restrictions.get(inmate.id, ())),
                    custody=inmate.custody,
                ),
                title=post.title,
                body=post.body,
                submitted_at=post.submitted_at.isoformat(),
                approved_at=(approval[1] if approval else post.decided_at or post.submitted_at).isoformat(),
                approved_by=Approval(approval[0], names.get(approval[0], approval[0])) if approval else None,
                documents=documents_of(d for d in post.documents if d.kind in PRINTED_DOCUMENT_KINDS),
                printing=printing.get(post.id, PrintHistory()),
                handover=None
                if handover is None
                else HandoverInfo(
                    outcome=handover.outcome,
                    reason=handover.reason,
                    by=handover.handed_over_by,
                    at=handover.handed_over_at.isoformat(),
                    note=handover.note,
                ),
                transferred_from=came_from.get(post.id),
            )
        )
    return out


@dataclass(frozen=True)
class TransferredAway:
    """A post of this facility that followed its inmate elsewhere: what this facility still knows."""

    post_id: int
    call_number: str
    title: str
    to_facility: str
    transferred_at: datetime


def transferred_away(
    s: Session, facility_id: int, now: datetime, *, recent_days: int = RECENT_DAYS
) -> list[TransferredAway]:
    """Posts that left this facility with their inmate lately (the rows of post_transfers; the post
    itself and what the new facility does with it are no longer this facility's to read)."""
    since = now - timedelta(days=recent_days)
    return [
        TransferredAway(t.post_id, t.from_call_number, t.title, t.to_facility_name, t.transferred_at)
        for t in s.scalars(
            select(PostTransfer)
            .where(
                PostTransfer.from_facility_id == facility_id,
                PostTransfer.transferred_at >= since,
                # what the counsellor had in the list; pending posts followed to be reviewed there
                PostTransfer.status_before.in_(("approved", "printed", "undeliverable")),
            )
            .order_by(PostTransfer.from_call_number, PostTransfer.id)
        )
    ]
