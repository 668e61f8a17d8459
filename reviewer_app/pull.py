"""What a workstation takes home with a claim: item snapshots, family standings, the catalogue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from reviewer_app.models import (
    Document,
    Facility,
    Inmate,
    Post,
    RejectionReason,
    ServiceApplication,
    Strike,
    Suspension,
)
from reviewer_app.privacy import mask_national_id
from reviewer_app.snapshot import policy_to_json


@dataclass(frozen=True)
class FamilyRow:
    service_id: int
    facility_id: int
    strikes: int
    max_block: int
    suspended_until: datetime | None
    strike_threshold: int
    suspension_months: int


def _documents(docs: Iterable[Document]) -> list[dict[str, Any]]:
    return [
        {
            "id": d.id,
            "kind": d.kind,
            "filename": d.filename,
            "mime_type": d.mime_type,
            "size_bytes": d.size_bytes,
            "sha256": d.sha256,
            "storage": d.storage,
            "url": d.url,
        }
        for d in docs
    ]


def _inmate(inmate: Inmate) -> dict[str, Any]:
    return {
        "id": inmate.id,
        "call_number": inmate.call_number,
        "name": inmate.name,
        "housing_unit": inmate.housing_unit,
        "children": [c.birth_date.isoformat() for c in inmate.children],
        "restrictions": [
            {
                "kind": r.kind,
                "starts_on": r.starts_on.isoformat(),
                "ends_on": r.ends_on.isoformat() if r.ends_on else None,
            }
            for r in inmate.restrictions
        ],
    }


def _common(app: ServiceApplication, facility: Facility) -> dict[str, Any]:
    return {
        "facility": {"id": facility.id, "code": facility.code, "name": facility.name},
        "policy": policy_to_json(facility.policy()),
        "applicant": {
            "id": app.applicant.id,
            "name": app.applicant.name,
            "national_id_masked": mask_national_id(app.applicant.national_id),
            "email": app.applicant.email,
            "phone": app.applicant.phone,
        },
        "relationship": app.relationship_code,
        "inmate": _inmate(app.inmate),
        "service_id": app.id,
    }


def _history(s: Session, app: ServiceApplication) -> list[dict[str, Any]]:
    """The family's earlier applications and posts, newest first, for the decision panel."""
    apps = s.execute(
        select(ServiceApplication.id, ServiceApplication.status, ServiceApplication.submitted_at).where(
            ServiceApplication.applicant_id == app.applicant_id
        )
    ).all()
    posts = s.execute(
        select(Post.id, Post.status, Post.submitted_at, Post.title)
        .join(ServiceApplication, ServiceApplication.id == Post.service_id)
        .where(ServiceApplication.applicant_id == app.applicant_id)
    ).all()
    rows = [
        {"kind": "application", "id": i, "status": st, "submitted_at": at.isoformat(), "title": ""}
        for i, st, at in apps
    ] + [
        {"kind": "post", "id": i, "status": st, "submitted_at": at.isoformat(), "title": t}
        for i, st, at, t in posts
    ]
    return sorted(rows, key=lambda r: r["submitted_at"], reverse=True)


def snapshots(s: Session, keys: Sequence[tuple[str, int]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
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
    for app in s.scalars(
        select(ServiceApplication)
        .where(ServiceApplication.id.in_(app_ids))
        .options(*app_load, selectinload(ServiceApplication.documents))
    ):
        others = s.execute(
            select(ServiceApplication.status, func.count())
            .where(ServiceApplication.inmate_id == app.inmate_id, ServiceApplication.id != app.id)
            .group_by(ServiceApplication.status)
        ).all()
        by_status = dict(others)
        out.append(
            {
                **_common(app, facility(app.facility_id)),
                "kind": "application",
                "id": app.id,
                "version": app.version,
                "status": app.status,
                "submitted_at": app.submitted_at.isoformat(),
                "call_number_entered": app.call_number_entered,
                "surname_confirmed": app.surname_confirmed,
                "other_approved_services": by_status.get("approved", 0),
                "other_pending_applications": by_status.get("pending", 0) + by_status.get("held", 0),
                "documents": _documents(app.documents),
                "history": _history(s, app),
                "held_reason": None,
            }
        )
    for post in s.scalars(
        select(Post)
        .where(Post.id.in_(post_ids))
        .options(
            selectinload(Post.documents),
            selectinload(Post.service).options(*app_load),
        )
    ):
        app = post.service
        previous = s.scalar(
            select(func.max(Post.submitted_at)).where(
                Post.service_id == post.service_id,
                Post.id != post.id,
                Post.submitted_at < post.submitted_at,
                Post.status.notin_(("rejected",)),
            )
        )
        out.append(
            {
                **_common(app, facility(post.facility_id)),
                "kind": "post",
                "id": post.id,
                "version": post.version,
                "status": post.status,
                "submitted_at": post.submitted_at.isoformat(),
                "title": post.title,
                "body": post.body,
                "service_status": app.status,
                "previous_post_at": previous.isoformat() if previous else None,
                "documents": _documents(post.documents),
                "history": _history(s, app),
                "held_reason": post.held_reason,
            }
        )
    return out


def families(s: Session, service_ids: Iterable[int], now: datetime) -> list[FamilyRow]:
    rows: list[FamilyRow] = []
    for service_id in sorted(set(service_ids)):
        app = s.get(ServiceApplication, service_id)
        if app is None:
            continue
        fac = s.get(Facility, app.facility_id)
        assert fac is not None
        strikes = s.scalar(
            select(func.count()).where(Strike.service_id == service_id, Strike.dismissed_at.is_(None))
        )
        max_block = s.scalar(select(func.max(Suspension.block)).where(Suspension.service_id == service_id))
        until = s.scalar(
            select(func.max(Suspension.ends_at)).where(
                Suspension.service_id == service_id, Suspension.lifted_at.is_(None), Suspension.ends_at > now
            )
        )
        rows.append(
            FamilyRow(
                service_id=service_id,
                facility_id=app.facility_id,
                strikes=strikes or 0,
                max_block=max_block or 0,
                suspended_until=until,
                strike_threshold=fac.strike_threshold,
                suspension_months=fac.suspension_months,
            )
        )
    return rows


def catalogue(s: Session) -> list[RejectionReason]:
    return list(s.scalars(select(RejectionReason).order_by(RejectionReason.sort_order, RejectionReason.code)))
