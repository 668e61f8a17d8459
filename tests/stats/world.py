"""A hand-built November 2026 whose every figure is known, built through the models.

Facility TTD is the one measured; TPP is another facility whose items must never leak into TTD's
figures (and are added in when all facilities are counted). Times are Taipei wall-clock times: the
month runs from 1 Nov 00:00 to 30 Nov 23:59:59 Taipei (31 Oct 16:00 UTC to 30 Nov 16:00 UTC), and
several items sit exactly on its edges.

What each item contributes is written beside it; the expected figures are in test_queries.py.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.core.timeutil import FACILITY_TZ
from reviewer_app.shared_db.models import Decision, Facility, Post, ServiceApplication, Strike, Suspension
from reviewer_app.stats.months import Month
from tests import factories

NOVEMBER = Month(2026, 11)
#: "Today" for the backlog: 1 December 2026, 12:00 in Taipei.
AS_OF = datetime(2026, 12, 1, 12, 0, tzinfo=FACILITY_TZ).astimezone(UTC)

_keys = itertools.count(1)


def tp(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, year: int = 2026) -> datetime:
    """A Taipei wall-clock time as an aware UTC datetime."""
    return datetime(year, month, day, hour, minute, second, tzinfo=FACILITY_TZ).astimezone(UTC)


def decide(
    s: Session,
    item: ServiceApplication | Post,
    outcome: str,
    at: datetime,
    staff: str,
    reasons: tuple[str, ...] = (),
    status: str | None = None,
) -> Decision:
    """A decision as sync applies it: the item's new status and version, and the decision row."""
    kind = "application" if isinstance(item, ServiceApplication) else "post"
    item.status = status or ("approved" if outcome == "approve" else "rejected")
    item.version += 1
    item.decided_at = at
    decision = Decision(
        idempotency_key=f"world-{next(_keys)}-{item.id}-{kind}",
        facility_id=item.facility_id,
        item_kind=kind,
        item_id=item.id,
        item_version=item.version - 1,
        outcome=outcome,
        reason_codes=list(reasons),
        staff_username=staff,
        workstation="ws-world",
        decided_at=at,
    )
    s.add(decision)
    s.flush()
    return decision


def strike(s: Session, post: Post, decision: Decision, dismissed_at: datetime | None = None) -> Strike:
    row = Strike(
        facility_id=post.facility_id,
        service_id=post.service_id,
        post_id=post.id,
        decision_key=decision.idempotency_key,
        reason_code=decision.reason_codes[0],
        created_at=decision.decided_at,
        dismissed_at=dismissed_at,
        dismissed_by="ttd_supervisor" if dismissed_at else None,
        dismiss_reason="誤判" if dismissed_at else None,
    )
    s.add(row)
    s.flush()
    return row


def suspension(
    s: Session, service: ServiceApplication, starts: datetime, ends: datetime, lifted: datetime | None = None
) -> None:
    s.add(
        Suspension(
            facility_id=service.facility_id,
            service_id=service.id,
            block=1,
            starts_at=starts,
            ends_at=ends,
            origin_key=f"origin-{service.id}",
            lifted_at=lifted,
            lifted_by="ttd_supervisor" if lifted else None,
        )
    )
    s.flush()


@dataclass(frozen=True)
class World:
    ttd: int  # facility ids
    tpp: int


def pending_application(s: Session, fac: Facility, submitted: datetime) -> ServiceApplication:
    return factories.family(s, fac, approved=False, submitted_at=submitted)


def build_world(engine: Engine) -> World:
    with Session(engine) as s, s.begin():
        ttd = factories.facility(s, "TTD")
        tpp = factories.facility(s, "TPP")
        _ttd(s, ttd)
        _tpp(s, tpp)
        return World(ttd.id, tpp.id)


def _ttd(s: Session, fac: Facility) -> None:
    r1, r2, r3 = "ttd_rev1", "ttd_rev2", "ttd_rev3"
    june = tp(6, 1, 9)
    # Approved services the posts belong to: received in June, no decisions (not November).
    services = [factories.family(s, fac, approved=True, submitted_at=june) for _ in range(4)]
    a, b, c, d = services

    # --- applications -------------------------------------------------------------------------
    a1 = pending_application(s, fac, tp(11, 3, 9))  # received Nov
    decide(s, a1, "approve", tp(11, 4, 9), r1)  # 24 h
    a2 = pending_application(s, fac, tp(11, 5, 9))  # received Nov
    decide(s, a2, "reject", tp(11, 7, 9), r2, ("E5_MISSING_DOCS",))  # 48 h
    a3 = pending_application(s, fac, tp(10, 28, 9))  # received Oct
    decide(s, a3, "approve", tp(11, 2, 9), r1)  # 120 h, decided Nov
    pending_application(s, fac, tp(11, 29, 12))  # A4 received Nov; backlog 48 h  -> 1-3 days
    pending_application(s, fac, tp(11, 20, 9))  # A6 received Nov; backlog 11 days -> 7 days+
    pending_application(s, fac, tp(11, 28, 12))  # A7 received Nov; backlog exactly 72 h -> 3-7 days

    # --- posts --------------------------------------------------------------------------------
    p1 = factories.post(s, a, submitted_at=tp(11, 1, 0, 0, 0))  # first instant of Nov: received
    decide(s, p1, "approve", tp(11, 1, 6), r1, status="delivered")  # 6 h; printed, handed over
    p2 = factories.post(s, a, submitted_at=tp(11, 2, 8))
    decide(s, p2, "approve", tp(11, 2, 18), r1, status="printed")  # 10 h; printed
    p3 = factories.post(s, b, submitted_at=tp(11, 3, 8))
    decide(s, p3, "approve", tp(11, 4, 4), r2)  # 20 h; approved, not printed yet
    p4 = factories.post(s, b, submitted_at=tp(11, 4, 8))
    strike(s, p4, decide(s, p4, "reject", tp(11, 5, 14), r2, ("P2_CONTENT",)))  # 30 h; strike
    p5 = factories.post(s, c, submitted_at=tp(11, 6, 8))
    d5 = decide(s, p5, "reject", tp(11, 8, 0), r2, ("P4_TOO_LONG", "P5_PHOTO"))  # 40 h
    strike(s, p5, d5, dismissed_at=tp(11, 20, 10))  # strike in Nov, dismissed in Nov
    suspension(s, c, tp(11, 8, 0), tp(12, 8, 0))  # suspension in Nov
    p6 = factories.post(s, d, submitted_at=tp(11, 30, 21, 59, 59))
    decide(s, p6, "reject", tp(11, 30, 23, 59, 59), r1, ("E3_RESTRICTED",))  # 2 h; last second of Nov
    p7 = factories.post(s, d, submitted_at=tp(10, 31, 23, 59, 59))  # last second of Oct: not received
    decide(s, p7, "approve", tp(11, 1, 1, 59, 59), r3, status="delivered")  # 2 h; printed, handed over
    p8 = factories.post(s, a, submitted_at=tp(11, 30, 23))  # received Nov
    decide(s, p8, "approve", tp(12, 1, 0, 0, 0), r1, status="delivered")  # decided Dec: not counted
    p9 = factories.post(s, d, submitted_at=tp(10, 20, 9))  # received Oct
    d9 = decide(s, p9, "reject", tp(10, 31, 23, 59, 59), r3, ("P2_CONTENT",))  # decided Oct
    strike(s, p9, d9)  # strike in Oct
    suspension(s, d, tp(10, 10), tp(11, 10), lifted=tp(11, 3, 15))  # started Oct, lifted Nov
    p13 = factories.post(s, b, submitted_at=tp(10, 14, 9))  # Oct
    decide(s, p13, "approve", tp(10, 15, 9), r1, status="delivered")  # approved Oct: not Nov's hand-over
    p14 = factories.post(s, c, submitted_at=tp(11, 10, 9))  # received Nov
    decide(s, p14, "approve", tp(11, 11, 9), r3, status="undeliverable")  # 24 h; not printed
    factories.post(s, a, submitted_at=tp(11, 30, 20))  # P10 received Nov; backlog 16 h -> under a day
    p11 = factories.post(s, b, submitted_at=tp(11, 27, 12))  # received Nov
    p11.status = "held"  # backlog 96 h -> 3-7 days
    factories.post(s, c, submitted_at=tp(11, 30, 12))  # P12 received Nov; backlog exactly 24 h -> 1-3 days
    factories.post(s, d, submitted_at=tp(12, 1, 0, 0, 0))  # P15 first instant of Dec; backlog 12 h
    factories.post(s, a, submitted_at=tp(11, 24, 12))  # P16 received Nov; backlog exactly 7 days
    s.flush()


def _tpp(s: Session, fac: Facility) -> None:
    """Another facility: none of this is TTD's."""
    service = factories.family(s, fac, approved=True, submitted_at=tp(6, 1, 9))
    oa1 = pending_application(s, fac, tp(11, 10, 9))
    decide(s, oa1, "reject", tp(11, 11, 9), "tpp_rev1", ("E2_RELATIONSHIP",))  # 24 h
    op1 = factories.post(s, service, submitted_at=tp(11, 12, 9))
    strike(s, op1, decide(s, op1, "reject", tp(11, 12, 21), "tpp_rev1", ("P2_CONTENT",)))  # 12 h
    op2 = factories.post(s, service, submitted_at=tp(11, 13, 9))
    decide(s, op2, "approve", tp(11, 13, 15), "tpp_rev2", status="delivered")  # 6 h
    factories.post(s, service, submitted_at=tp(11, 30, 14))  # backlog 22 h -> under a day
    s.flush()


def build_only_rejections(engine: Engine) -> int:
    """A facility whose November has nothing but rejections (and nothing else anywhere)."""
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, "HLP")
        service = factories.family(s, fac, approved=True, submitted_at=tp(6, 1, 9))
        app = pending_application(s, fac, tp(11, 2, 9))
        decide(s, app, "reject", tp(11, 3, 9), "hlp_rev1", ("E6_WRONG_CALL_NUMBER",))  # 24 h
        first = factories.post(s, service, submitted_at=tp(11, 5, 9))
        strike(s, first, decide(s, first, "reject", tp(11, 5, 13), "hlp_rev1", ("P4_TOO_LONG",)))  # 4 h
        second = factories.post(s, service, submitted_at=tp(11, 9, 9))
        strike(s, second, decide(s, second, "reject", tp(11, 9, 17), "hlp_rev2", ("P6_ATTACHMENT",)))  # 8 h
        return fac.id
