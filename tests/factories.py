"""Small, explicit shared-database fixtures for engine tests (the demo seed is tested on its own)."""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from PIL import Image
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.shared_db.catalogue import ensure_catalogue
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import (
    Applicant,
    Child,
    Document,
    DocumentBlob,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Staff,
    Strike,
)

T0 = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)  # 09:00 in Taipei
_numbers = itertools.count(1)


def shared_engine(url: str) -> Engine:
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as s, s.begin():
        ensure_catalogue(s)
    return engine


@functools.cache
def jpeg(colour: tuple[int, int, int] = (70, 120, 180)) -> bytes:
    """A small real JPEG: the loader opens it, as it opens a family's photo (R7: an approval needs
    every document opened)."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, "JPEG", quality=85)
    return out.getvalue()


def _doc(facility_id: int, kind: str, data: bytes, mime: str, name: str) -> Document:
    return Document(
        facility_id=facility_id,
        kind=kind,
        filename=name,
        mime_type=mime,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        blob=DocumentBlob(data=data),
    )


@dataclass
class World:
    facility_id: int
    other_facility_id: int


def facility(s: Session, code: str = "TTD", **policy: int) -> Facility:
    # Four eyes (on by default for a real facility) only where a test asks for it: the others
    # approve an application in one step, as before issue 21.
    policy.setdefault("four_eyes", False)
    f = Facility(code=code, name=f"{code} 矯正機關", **policy)
    s.add(f)
    s.flush()
    for role in ("reviewer", "counsellor", "supervisor"):
        s.add(Staff(facility_id=f.id, username=f"{code.lower()}_{role}", display_name=role, role=role))
    for n in range(1, 7):
        s.add(
            Staff(
                facility_id=f.id, username=f"{code.lower()}_rev{n}", display_name=f"社工{n}", role="reviewer"
            )
        )
    s.flush()
    return f


def family(
    s: Session,
    fac: Facility,
    *,
    approved: bool = True,
    strikes: int = 0,
    submitted_at: datetime = T0,
) -> ServiceApplication:
    """An applicant, an inmate with a 10-year-old child, and a service application with documents."""
    n = next(_numbers)
    inmate = Inmate(facility_id=fac.id, call_number=f"{n:04d}", name=f"王{n}明", housing_unit="忠舍 3 房")
    inmate.children.append(Child(name="王小寶", birth_date=date(2016, 5, 1)))
    applicant = Applicant(email=f"family{n}@example.tw", name=f"林{n}華", national_id="A223456781")
    app = ServiceApplication(
        facility_id=fac.id,
        applicant=applicant,
        inmate=inmate,
        relationship_code="mother",
        call_number_entered=inmate.call_number,
        status="approved" if approved else "pending",
        version=2 if approved else 1,
        submitted_at=submitted_at,
    )
    for kind in ("id_document", "relationship_proof", "applicant_photo"):
        app.documents.append(_doc(fac.id, kind, jpeg(), "image/jpeg", f"{kind}.jpg"))
    s.add(app)
    s.flush()
    for k in range(strikes):
        old = Post(
            facility_id=fac.id,
            service_id=app.id,
            title="舊文",
            body="太長" * 60,
            status="rejected",
            version=2,
            submitted_at=submitted_at - timedelta(days=90 - 31 * k),
        )
        s.add(old)
        s.flush()
        s.add(
            Strike(
                facility_id=fac.id,
                service_id=app.id,
                post_id=old.id,
                decision_key=f"seed-{old.id}",
                reason_code="P4_TOO_LONG",
                created_at=old.submitted_at,
            )
        )
    s.flush()
    return app


def post(
    s: Session,
    app: ServiceApplication,
    *,
    body: str = "孩子這次考試進步了，我們都很想你。",
    submitted_at: datetime = T0,
    uploads: Sequence[tuple[bytes, str, str]] | None = None,
) -> Post:
    """A pending post; ``uploads``: its files as (bytes, declared MIME type, name), a photo if not given."""
    p = Post(
        facility_id=app.facility_id, service_id=app.id, title="近況", body=body, submitted_at=submitted_at
    )
    for data, mime, name in uploads if uploads is not None else [(jpeg(), "image/jpeg", "IMG_0001.jpg")]:
        p.documents.append(_doc(app.facility_id, "post_attachment", data, mime, name))
    s.add(p)
    s.flush()
    return p
