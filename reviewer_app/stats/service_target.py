"""Time to decision against the facility's target (issue #21 item 5): of the items decided in a
month, how many were decided by the end of their due day (the target-th working day of Taipei after
the day of submission, core/service_clock.py) and how many after it. Counted per facility with its
own target and calendar; for all facilities, the sum."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection, and_, select, union_all
from sqlalchemy.orm import Session

from reviewer_app.core.service_clock import decided_within_target
from reviewer_app.shared_db import service_clock
from reviewer_app.shared_db.models import Post, ServiceApplication
from reviewer_app.stats.aggregates import facility_is
from reviewer_app.stats.months import Month
from reviewer_app.stats.results import ServiceTarget


def service_target(conn: Connection, month: Month, facility_id: int | None) -> ServiceTarget:
    decided = union_all(
        *(
            select(m.facility_id, m.submitted_at, m.decided_at).where(
                and_(m.decided_at >= month.start, m.decided_at < month.end),
                facility_is(m.facility_id, facility_id),
            )
            for m in (ServiceApplication, Post)
        )
    )
    by_facility: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for fid, submitted_at, decided_at in conn.execute(decided):
        if decided_at is not None:  # always, by the query's condition
            by_facility[fid].append((submitted_at, decided_at))
    within = late = 0
    targets = set()
    with Session(bind=conn) as s:
        for fid, times in by_facility.items():
            calendar = service_clock.working_calendar(s, fid)
            target = service_clock.target_working_days(s, fid)
            targets.add(target)
            for submitted_at, decided_at in times:
                if decided_within_target(submitted_at, decided_at, target, calendar):
                    within += 1
                else:
                    late += 1
        if facility_id is not None and not targets:
            targets.add(service_clock.target_working_days(s, facility_id))
    return ServiceTarget(within, late, targets.pop() if len(targets) == 1 else None)
