"""Three inmates of the demo's first facility whose posts the counsellor may not hand over today, as
the facility's records leave them: one under a disciplinary sanction for the coming days (暫緩轉交,
back in the list by itself when it ends), one whose transfer the records just noted (移監, held back
until the new facility's record takes the posts over), and one released (出監: the posts closed as
undeliverable, with the words the family reads)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.timeutil import local
from reviewer_app.shared_db.models import Inmate, Post, Restriction, ServiceApplication
from reviewer_app.shared_db.movements import record_release

#: Only a seed this large has ordinary families beyond the scenarios and the tests' fixtures.
MIN_FAMILIES: Final = 20


def add_delivery_cases(s: Session, facility_id: int, now: datetime) -> None:
    """The last three inmates (ordinary families) with a post to print or hand over."""
    inmates = list(
        dict.fromkeys(
            s.scalars(
                select(ServiceApplication.inmate_id)
                .join(Post, Post.service_id == ServiceApplication.id)
                .where(Post.facility_id == facility_id, Post.status.in_(("approved", "printed")))
                .order_by(ServiceApplication.inmate_id.desc())
            )
        )
    )[:3]
    if len(inmates) < 3:
        return
    restricted, transferred, released = inmates
    today = local(now).date()
    s.add(
        Restriction(
            inmate_id=restricted,
            kind="disciplinary",
            starts_on=today - timedelta(days=2),
            ends_on=today + timedelta(days=5),
            note="違規處分（停止接受物品）",
        )
    )
    inmate = s.get(Inmate, transferred)
    assert inmate is not None
    inmate.custody = "transferred"
    record_release(s, released, now)
    s.flush()
