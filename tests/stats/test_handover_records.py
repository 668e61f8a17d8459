"""Printing and hand-over figures come from the print and hand-over records when they exist."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Facility, Handover, PrintRecord
from reviewer_app.stats.months import Month
from reviewer_app.stats.queries import month_statistics
from tests import factories

APPROVED = datetime(2026, 10, 28, 2, 0, tzinfo=UTC)  # approved in October (Taipei)


def _printed_and_delivered(s: Session, fac: Facility, hours_to_hand_over: float) -> None:
    app = factories.family(s, fac)
    post = factories.post(s, app, submitted_at=APPROVED - timedelta(days=1))
    post.status, post.version, post.decided_at = "delivered", 4, APPROVED
    printed = APPROVED + timedelta(days=4)  # printed in November
    for reprint in (False, True):
        s.add(
            PrintRecord(
                idempotency_key=str(uuid.uuid4()),
                facility_id=fac.id,
                post_id=post.id,
                printed_by="ttd_counsellor",
                workstation="ws",
                printed_at=printed + timedelta(hours=2 if reprint else 0),
                copies=1,
                reprint=reprint,
                reprint_reason="卡紙" if reprint else None,
            )
        )
    s.add(
        Handover(
            idempotency_key=str(uuid.uuid4()),
            facility_id=fac.id,
            post_id=post.id,
            outcome="delivered",
            handed_over_by="黃輔導員",
            handed_over_at=APPROVED + timedelta(hours=hours_to_hand_over),
            recorded_by="ttd_counsellor",
            workstation="ws",
            recorded_at=APPROVED + timedelta(hours=hours_to_hand_over),
        )
    )


def test_approval_to_hand_over_times_come_from_the_records(shared_url: str) -> None:
    engine: Engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        for hours in (100.0, 120.0, 200.0):  # all handed over in November
            _printed_and_delivered(s, fac, hours)
        fid = fac.id
    november = month_statistics(engine, Month.parse("2026-11"), fid)
    october = month_statistics(engine, Month.parse("2026-10"), fid)
    engine.dispose()

    # Printed (first print, not the reprint) and handed over in November, though approved in October.
    assert (november.posts_printed, october.posts_printed) == (3, 0)
    assert november.handover_time.count == 3
    assert november.handover_time.median == 120 * 3600
    assert november.handover_time.p90 is not None and 120 * 3600 < november.handover_time.p90 <= 200 * 3600
