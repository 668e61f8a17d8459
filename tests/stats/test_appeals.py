"""Appeals (申覆) in a month's statistics, on SQLite and on PostgreSQL: received in the month (Taipei's
month, its first and last minutes included), and decided in it, upheld or overturned; in the figures
the table and the monthly report show."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Appeal
from reviewer_app.stats.figures import figure_rows
from reviewer_app.stats.queries import month_statistics
from tests import factories
from tests.stats.world import NOVEMBER, decide, tp


def _appeals(engine: Engine) -> tuple[int, int]:
    """(facility, other facility): four appeals around November at TTD, one at TYJ."""
    plan: list[tuple[str, datetime, str | None, datetime | None]] = [
        ("TTD", tp(10, 31, 23, 59), "upheld", tp(11, 2, 10)),  # received in October, decided in November
        ("TTD", tp(11, 1, 0, 0), "overturned", tp(11, 12, 9)),
        ("TTD", tp(11, 20, 15), None, None),  # waiting
        ("TTD", tp(11, 30, 23, 59), "overturned", tp(12, 1, 0, 0)),  # decided in December
        ("TYJ", tp(11, 10, 9), "upheld", tp(11, 11, 9)),
    ]
    with Session(engine) as s, s.begin():
        facilities = {code: factories.facility(s, code) for code in ("TTD", "TYJ")}
        for code, submitted, outcome, decided in plan:
            fac = facilities[code]
            post = factories.post(s, factories.family(s, fac), submitted_at=tp(10, 1))
            s.flush()
            rejection = decide(s, post, "reject", tp(10, 2), "rev", ("P2_CONTENT",))
            s.add(
                Appeal(
                    facility_id=fac.id,
                    service_id=post.service_id,
                    item_kind="post",
                    item_id=post.id,
                    decision_key=rejection.idempotency_key,
                    first_reviewer="rev",
                    text="請再審查",
                    submitted_at=submitted,
                    outcome=outcome,
                    decided_by="sup" if outcome else None,
                    decided_at=decided,
                    reply="回覆" if outcome else None,
                )
            )
        return facilities["TTD"].id, facilities["TYJ"].id


def test_appeals_received_upheld_and_overturned_per_month(engine: Engine) -> None:
    ttd, _tyj = _appeals(engine)
    stats = month_statistics(engine, NOVEMBER, ttd)
    assert (stats.appeals.received, stats.appeals.upheld, stats.appeals.overturned) == (3, 1, 1)
    everyone = month_statistics(engine, NOVEMBER)
    assert (everyone.appeals.received, everyone.appeals.upheld, everyone.appeals.overturned) == (4, 2, 1)
    rows = {r.key: (r.section, r.item, r.value) for r in figure_rows(stats)}
    assert rows["appeals.received"] == ("申覆", "收到申覆", 3)
    assert rows["appeals.upheld"] == ("申覆", "維持原退件決定", 1)
    assert rows["appeals.overturned"] == ("申覆", "撤銷原退件決定", 1)
