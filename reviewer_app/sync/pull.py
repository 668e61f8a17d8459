"""What a workstation takes home with a claim: item snapshots, family standings, the catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from reviewer_app.core.items import (
    ApplicantInfo,
    ClaimedItem,
    DocumentRef,
    EarlierPost,
    FacilityRef,
    HistoryEntry,
    InmateInfo,
    Restriction,
    SharedStanding,
    StaffMember,
)
from reviewer_app.core.policy import Policy
from reviewer_app.core.privacy import mask_national_id
from reviewer_app.core.reasons import Reason, worded
from reviewer_app.shared_db.family_records import family_records
from reviewer_app.shared_db.models import (
    Decision,
    Document,
    Facility,
    Inmate,
    Post,
    RejectionReason,
    ServiceApplication,
    Staff,
    Strike,
)


def documents_of(docs: Iterable[Document]) -> tuple[DocumentRef, ...]:
    return tuple(
        DocumentRef(
            id=d.id,
            kind=d.kind,
            filename=d.filename,
            mime_type=d.mime_type,
            size_bytes=d.size_bytes,
            sha256=d.sha256,
            storage=d.storage,
            url=d.url,
        )
        for d in docs
    )


def facility_of(facility: Facility) -> FacilityRef:
    return FacilityRef(id=facility.id, code=facility.code, name=facility.name)


def _inmate(inmate: Inmate) -> InmateInfo:
    return InmateInfo(
        id=inmate.id,
        call_number=inmate.call_number,
        name=inmate.name,
        housing_unit=inmate.housing_unit,
        children=tuple(c.birth_date.isoformat() for c in inmate.children),
        restrictions=tuple(
            Restriction(
                kind=r.kind,
                starts_on=r.starts_on.isoformat(),
                ends_on=r.ends_on.isoformat() if r.ends_on else None,
            )
            for r in inmate.restrictions
        ),
        custody=inmate.custody,
    )


class _ServiceFields(TypedDict):
    """The fields an application and a post share (the service's family and inmate)."""

    facility: FacilityRef
    policy: Policy
    applicant: ApplicantInfo
    relationship: str
    inmate: InmateInfo
    service_id: int


def _common(app: ServiceApplication, facility: Facility) -> _ServiceFields:
    return {
        "facility": facility_of(facility),
        "policy": facility.policy(),
        "applicant": ApplicantInfo(
            id=app.applicant.id,
            name=app.applicant.name,
            national_id_masked=mask_national_id(app.applicant.national_id),
            email=app.applicant.email,
            phone=app.applicant.phone,
        ),
        "relationship": app.relationship_code,
        "inmate": _inmate(app.inmate),
        "service_id": app.id,
    }


@dataclass
class _Families:
    """What the snapshots of one pull need about the families concerned, read in a few queries for all
    of them (not a few per item: a pull claims a batch)."""

    #: applicant id -> their applications (id, inmate, status, submitted) and posts (id, service,
    #: status, submitted, title)
    applications: dict[int, list[tuple[int, int, str, datetime]]]
    posts: dict[int, list[tuple[int, int, str, datetime, str]]]
    #: (kind, id) -> the latest decision's reasons and time
    latest: dict[tuple[str, int], tuple[list[str], datetime]]
    struck: set[int]  # posts whose rejection counted as a strike (not dismissed)
    #: inmate id -> (application id, status) of every application for the inmate
    by_inmate: dict[int, list[tuple[int, str]]]


def _families_of(s: Session, applicant_ids: set[int], inmate_ids: set[int]) -> _Families:
    applications: dict[int, list[tuple[int, int, str, datetime]]] = {a: [] for a in applicant_ids}
    posts: dict[int, list[tuple[int, int, str, datetime, str]]] = {a: [] for a in applicant_ids}
    if applicant_ids:
        for app_id, applicant, inmate, status, submitted in s.execute(
            select(
                ServiceApplication.id,
                ServiceApplication.applicant_id,
                ServiceApplication.inmate_id,
                ServiceApplication.status,
                ServiceApplication.submitted_at,
            )
            .where(ServiceApplication.applicant_id.in_(applicant_ids))
            .order_by(ServiceApplication.id)
        ):
            applications[applicant].append((app_id, inmate, status, submitted))
        for post_id, applicant, service, status, submitted, title in s.execute(
            select(
                Post.id,
                ServiceApplication.applicant_id,
                Post.service_id,
                Post.status,
                Post.submitted_at,
                Post.title,
            )
            .join(ServiceApplication, ServiceApplication.id == Post.service_id)
            .where(ServiceApplication.applicant_id.in_(applicant_ids))
            .order_by(Post.id)
        ):
            posts[applicant].append((post_id, service, status, submitted, title))
    # The latest decision on each (its reasons, when) and which rejected posts counted as strikes.
    latest: dict[tuple[str, int], tuple[list[str], datetime]] = {}
    ids = {
        "application": [a[0] for rows in applications.values() for a in rows],
        "post": [p[0] for rows in posts.values() for p in rows],
    }
    for kind, item_ids in ids.items():
        if not item_ids:
            continue
        for item_id, codes, decided_at in s.execute(
            select(Decision.item_id, Decision.reason_codes, Decision.decided_at)
            .where(Decision.item_kind == kind, Decision.item_id.in_(item_ids))
            .order_by(Decision.decided_at, Decision.id)
        ):
            latest[(kind, item_id)] = (list(codes or []), decided_at)
    struck: set[int] = set()
    if ids["post"]:
        live = select(Strike.post_id).where(Strike.post_id.in_(ids["post"]), Strike.dismissed_at.is_(None))
        struck = set(s.scalars(live))
    by_inmate: dict[int, list[tuple[int, str]]] = {i: [] for i in inmate_ids}
    if inmate_ids:
        for app_id, inmate, status in s.execute(
            select(ServiceApplication.id, ServiceApplication.inmate_id, ServiceApplication.status).where(
                ServiceApplication.inmate_id.in_(inmate_ids)
            )
        ):
            by_inmate[inmate].append((app_id, status))
    return _Families(applications, posts, latest, struck, by_inmate)


def _history(families: _Families, applicant_id: int) -> tuple[HistoryEntry, ...]:
    """The family's earlier applications and posts, newest first, for the decision panel."""
    rows = [
        ("application", i, st, at, "") for i, _inmate, st, at in families.applications.get(applicant_id, [])
    ]
    rows += [("post", i, st, at, t) for i, _service, st, at, t in families.posts.get(applicant_id, [])]
    entries = []
    for kind, item_id, status, submitted, title in sorted(rows, key=lambda r: r[3].isoformat(), reverse=True):
        decision = families.latest.get((kind, item_id))
        entries.append(
            HistoryEntry(
                kind=kind,
                id=item_id,
                status=status,
                submitted_at=submitted.isoformat(),
                title=title,
                reasons=tuple(decision[0]) if decision else (),
                decided_at=decision[1].isoformat() if decision else None,
                strike=kind == "post" and item_id in families.struck,
            )
        )
    return tuple(entries)


def _earlier_posts(families: _Families, applicant_id: int, post: Post) -> list[tuple[int, datetime, str]]:
    """The service's earlier posts that were not rejected, with their status: P3's 30 days count from
    the last approved one, and a post inside the window of one still undecided waits for it (R1)."""
    return [
        (post_id, submitted, status)
        for post_id, service, status, submitted, _title in families.posts.get(applicant_id, [])
        if service == post.service_id
        and post_id != post.id
        and submitted < post.submitted_at
        and status != "rejected"
    ]


def snapshots(s: Session, keys: Sequence[tuple[str, int]]) -> list[ClaimedItem]:
    out: list[ClaimedItem] = []
    facilities: dict[int, Facility] = {}

    def facility(fid: int) -> Facility:
        if fid not in facilities:
            f = s.get(Facility, fid)
            assert f is not None
            facilities[fid] = f
        return facilities[fid]

    app_ids = [i for k, i in keys if k == "application"]
    post_ids = [i for k, i in keys if k == "post"]
    app_load = (
        selectinload(ServiceApplication.applicant),
        selectinload(ServiceApplication.inmate).selectinload(Inmate.children),
        selectinload(ServiceApplication.inmate).selectinload(Inmate.restrictions),
    )
    apps = (
        list(
            s.scalars(
                select(ServiceApplication)
                .where(ServiceApplication.id.in_(app_ids))
                .options(*app_load, selectinload(ServiceApplication.documents))
            )
        )
        if app_ids
        else []
    )
    posts = (
        list(
            s.scalars(
                select(Post)
                .where(Post.id.in_(post_ids))
                .options(selectinload(Post.documents), selectinload(Post.service).options(*app_load))
            )
        )
        if post_ids
        else []
    )
    families = _families_of(
        s,
        {a.applicant_id for a in apps} | {p.service.applicant_id for p in posts},
        {a.inmate_id for a in apps},
    )
    for app in apps:
        by_status: dict[str, int] = {}
        for other_id, status in families.by_inmate.get(app.inmate_id, []):
            if other_id != app.id:
                by_status[status] = by_status.get(status, 0) + 1
        out.append(
            ClaimedItem(
                **_common(app, facility(app.facility_id)),
                kind="application",
                id=app.id,
                version=app.version,
                status=app.status,
                submitted_at=app.submitted_at.isoformat(),
                call_number_entered=app.call_number_entered,
                surname_confirmed=app.surname_confirmed,
                other_approved_services=by_status.get("approved", 0),
                other_pending_applications=by_status.get("pending", 0) + by_status.get("held", 0),
                documents=documents_of(app.documents),
                history=_history(families, app.applicant_id),
                held_reason=None,
            )
        )
    for post in posts:
        app = post.service
        earlier = _earlier_posts(families, app.applicant_id, post)
        previous = max((submitted for _id, submitted, _status in earlier), default=None)
        out.append(
            ClaimedItem(
                **_common(app, facility(post.facility_id)),
                kind="post",
                id=post.id,
                version=post.version,
                status=post.status,
                submitted_at=post.submitted_at.isoformat(),
                title=post.title,
                body=post.body,
                service_status=app.status,
                previous_post_at=previous.isoformat() if previous else None,
                # Each of them, so that a decision on the workstation counts before it syncs.
                earlier_posts=tuple(EarlierPost(i, at.isoformat(), status) for i, at, status in earlier),
                documents=documents_of(post.documents),
                history=_history(families, app.applicant_id),
                held_reason=post.held_reason,
            )
        )
    return out


def families(s: Session, service_ids: Iterable[int], now: datetime) -> list[SharedStanding]:
    """Each family's record in the shared database (strikes, supervisors' actions on suspensions): a
    few queries for all of them. ``now`` is kept for the callers; the record itself is timeless."""
    ids = sorted(set(service_ids))
    if not ids:
        return []
    rows = s.execute(
        select(ServiceApplication.id, Facility.strike_threshold, Facility.suspension_months, Facility.id)
        .join(Facility, Facility.id == ServiceApplication.facility_id)
        .where(ServiceApplication.id.in_(ids))
    ).all()
    records = family_records(s, ids)
    return [
        SharedStanding(
            service_id=service_id,
            facility_id=facility_id,
            strike_threshold=threshold,
            suspension_months=months,
            strikes=records[service_id][0],
            suspensions=records[service_id][1],
        )
        for service_id, threshold, months, facility_id in rows
    ]


def staff(s: Session, facility_id: int) -> list[StaffMember]:
    """The facility's staff: who may decide on its workstations (R10)."""
    return [
        StaffMember(username, facility_id, role, active)
        for username, role, active in s.execute(
            select(Staff.username, Staff.role, Staff.active).where(Staff.facility_id == facility_id)
        )
    ]


def catalogue(s: Session, facility_id: int) -> list[Reason]:
    """The facility's own reasons (R11), worded with its policy (R9): what its families read. A
    workstation serves one facility, so the journal keeps one catalogue, in final words."""
    facility = s.get(Facility, facility_id)
    if facility is None:
        return []
    policy = facility.policy()
    rows = s.scalars(
        select(RejectionReason)
        .where(RejectionReason.facility_id == facility_id)
        .order_by(RejectionReason.sort_order, RejectionReason.code)
    )
    return [worded(Reason.from_row(r), policy) for r in rows]
