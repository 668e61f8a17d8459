"""The supervisor's service clock (issue #21 item 5): the facility's items past the target, the target
in working days and the facility's own calendar, on SQLite and as the supervisor's own PostgreSQL login."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import NotAllowed
from reviewer_app.core.timeutil import FACILITY_TZ
from reviewer_app.shared_db.models import AuditEvent, Facility
from reviewer_app.supervision.common import SupervisorError
from reviewer_app.supervision.service_clock import clock_setup, overdue_items, set_day, set_target
from tests import factories
from tests.supervision.world import Desk


def taipei(m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, tzinfo=FACILITY_TZ).astimezone(UTC)


def _items(desk: Desk) -> tuple[int, int]:
    """A post sent Monday 11-02 09:00 (due Thursday 11-05) and one sent Thursday 11-05 (due Tuesday
    11-10) in the supervisor's facility; an overdue post in the other facility."""
    with Session(desk.admin) as s, s.begin():
        a = s.scalars(select(Facility).where(Facility.code == "TTD")).one()
        b = s.scalars(select(Facility).where(Facility.code == "TYJ")).one()
        service = factories.family(s, a)
        old = factories.post(s, service, submitted_at=taipei(11, 2, 9))
        new = factories.post(s, service, submitted_at=taipei(11, 5, 9))
        factories.post(s, factories.family(s, b), submitted_at=taipei(11, 2, 9))
        return old.id, new.id


def test_items_past_the_target_from_the_first_minute_after_the_due_day(desk: Desk) -> None:
    old, _new = _items(desk)
    assert overdue_items(desk.engine, desk.actor, taipei(11, 5, 23, 59)) == []
    late = overdue_items(desk.engine, desk.actor, taipei(11, 6, 0, 1))
    assert [(r.kind, r.item_id, r.due_on, r.working_days_late) for r in late] == [
        ("post", old, date(2026, 11, 5), 1)
    ]
    assert late[0].family_name.startswith("林")
    # Monday 11-09: Friday and Monday late; the weekend does not count; the Thursday post is not due yet.
    late = overdue_items(desk.engine, desk.actor, taipei(11, 9, 10))
    assert [(r.item_id, r.working_days_late) for r in late] == [(old, 2)]


def test_the_supervisor_sets_the_target_and_it_is_audited(desk: Desk) -> None:
    old, _new = _items(desk)
    set_target(desk.engine, desk.actor, 5, taipei(11, 6, 9))  # due Monday 11-09
    assert clock_setup(desk.engine, desk.actor).target_working_days == 5
    assert overdue_items(desk.engine, desk.actor, taipei(11, 9, 23, 59)) == []
    assert [r.item_id for r in overdue_items(desk.engine, desk.actor, taipei(11, 10, 0, 1))] == [old]
    with pytest.raises(SupervisorError, match="0 到 30"):
        set_target(desk.engine, desk.actor, 31, taipei(11, 6, 9))
    with Session(desk.admin) as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "service_target")).one()
        assert event.detail == {"from": 3, "to": 5}
        assert event.staff_username == desk.actor.username


def test_a_day_off_of_the_facility_moves_the_due_day(desk: Desk) -> None:
    old, _new = _items(desk)
    set_day(desk.engine, desk.actor, date(2026, 11, 4), False, "颱風停班", taipei(11, 4, 7))
    assert overdue_items(desk.engine, desk.actor, taipei(11, 6, 12)) == []  # due Friday now
    assert [r.item_id for r in overdue_items(desk.engine, desk.actor, taipei(11, 7, 0, 1))] == [old]
    # Changed again (an entry is never deleted): the Wednesday was worked after all.
    set_day(desk.engine, desk.actor, date(2026, 11, 4), True, "颱風假取消", taipei(11, 4, 8))
    setup = clock_setup(desk.engine, desk.actor)
    assert [(e.day, e.working, e.note) for e in setup.entries] == [(date(2026, 11, 4), True, "颱風假取消")]
    with pytest.raises(SupervisorError, match="說明"):
        set_day(desk.engine, desk.actor, date(2026, 11, 4), False, " ", taipei(11, 4, 8))


def test_a_reviewer_may_not(desk: Desk) -> None:
    with pytest.raises(NotAllowed):
        overdue_items(desk.engine, desk.reviewer, taipei(11, 6))
    with pytest.raises(NotAllowed):
        set_target(desk.engine, desk.reviewer, 1, taipei(11, 6))
