"""Time to decision against the target, per month (issue #21 item 5): an item decided by the end of its
due day in Taipei counts as within, one a minute later as late; the facility's own target and calendar
count; the month is the Taipei month of the decision. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.core.timeutil import FACILITY_TZ
from reviewer_app.shared_db.models import FacilityDay
from reviewer_app.stats.figures import figure_rows
from reviewer_app.stats.months import Month
from reviewer_app.stats.queries import month_statistics
from tests import factories


def taipei(m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, tzinfo=FACILITY_TZ).astimezone(UTC)


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


def _decided(s: Session, app: factories.ServiceApplication, submitted: datetime, decided: datetime) -> None:
    post = factories.post(s, app, submitted_at=submitted)
    post.status, post.version, post.decided_at = "approved", 2, decided


def test_decisions_within_and_past_the_target_per_month(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        fa = factories.facility(s, "TTD")
        fb = factories.facility(s, "TYJ", review_target_working_days=1)
        a, b = factories.family(s, fa), factories.family(s, fb)
        monday = taipei(11, 2, 9)  # due Thursday 11-05 at TTD (3 working days)
        _decided(s, a, monday, taipei(11, 5, 23, 59))  # within: the due day's last minute
        _decided(s, a, monday, taipei(11, 6, 0, 1))  # late: a minute into Friday
        # Thursday 11-05 with the facility's Friday off: due Tuesday 11-10, not Monday.
        s.add(FacilityDay(facility_id=fa.id, day=date(2026, 11, 6), working=False, note="停電", set_by="x"))
        _decided(s, a, taipei(11, 5, 9), taipei(11, 10, 17))  # within
        _decided(s, a, taipei(10, 26, 9), taipei(10, 29, 9))  # decided in October: not November's
        _decided(s, b, monday, taipei(11, 4, 9))  # TYJ's target is 1 day: late
        fa_id = fa.id

    november = month_statistics(engine, Month(2026, 11), fa_id, as_of=taipei(12, 1, 9))
    target = november.service_target
    assert (target.within, target.late, target.target_days) == (2, 1, 3)
    assert target.rate == pytest.approx(2 / 3)
    rows = {r.key: r for r in figure_rows(november)}
    assert rows["service_target.within"].value == 2
    assert rows["service_target.late"].value == 1
    assert rows["service_target.rate"].value == 66.7
    assert "3 個工作天" in rows["service_target.rate"].section

    everyone = month_statistics(engine, Month(2026, 11), None, as_of=taipei(12, 1, 9)).service_target
    assert (everyone.within, everyone.late, everyone.target_days) == (2, 2, None)
    october = month_statistics(engine, Month(2026, 10), fa_id, as_of=taipei(12, 1, 9)).service_target
    assert (october.within, october.late) == (1, 0)
