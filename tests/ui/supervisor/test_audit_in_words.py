"""The audit trail as a supervisor reads it (#20 item 9): details as labelled lines in the desk's words,
times in Taipei (ROC years if preferred), the time column wide enough, staff by their display names,
and the chain's count matching the list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.shared_db.models import Staff
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.supervisor import AuditBrowser
from reviewer_app.ui.supervisor.audit_browser import DETAIL_COLUMN, STAFF_COLUMN, TIME_COLUMN
from tests import factories
from tests.ui.security_world import NOW, World, build

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

# 2026-11-02 16:30 UTC is 2026-11-03 00:30 in Taipei: a UTC date would read a day early.
SUSPENDED_AT = factories.T0 + timedelta(hours=15, minutes=30)


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    w = build(sqlite_url)
    with Session(w.engine) as s, s.begin():
        reviewer = s.scalars(select(Staff).where(Staff.username == "ttd_rev1")).one()
        reviewer.display_name = "林社工師"
        audit_chain.append(
            s,
            [
                audit_chain.new_event(
                    action="decision",
                    staff_username="ttd_rev1",
                    workstation="ws-1",
                    facility_id=w.facility_id,
                    occurred_at=SUSPENDED_AT,
                    item_kind="post",
                    item_id=200,
                    service_id=w.service_id,
                    detail={"decision_key": "9f1c2d3e-aaaa", "outcome": "reject", "reasons": ["P4_TOO_LONG"]},
                ),
                audit_chain.new_event(
                    action="suspension",
                    staff_username="ttd_rev1",
                    workstation="ws-1",
                    facility_id=w.facility_id,
                    occurred_at=SUSPENDED_AT,
                    service_id=w.service_id,
                    detail={
                        "number": 1,
                        "starts_at": SUSPENDED_AT.isoformat(),
                        "ends_at": (SUSPENDED_AT + timedelta(days=30)).isoformat(),
                        "strikes": [101, 102, 103],
                    },
                ),
            ],
        )
    yield w
    w.engine.dispose()


def _clock() -> datetime:
    return NOW


def _browser(qtbot: QtBot, world: World, dates: DateStyle | None = None) -> AuditBrowser:
    browser = AuditBrowser(world.engine, world.supervisor, clock=_clock, dates=dates or DateStyle())
    qtbot.addWidget(browser)
    browser.resize(1366, 700)
    browser.show()
    qtbot.waitExposed(browser)
    with qtbot.waitSignal(browser.loaded, timeout=10_000):
        browser.refresh()
    return browser


def _row_of(browser: AuditBrowser, action: str) -> int:
    model = browser.proxy
    for row in range(model.rowCount()):
        if model.index(row, 3).data() == action:
            return row
    raise AssertionError(f"no {action} row")


def test_details_read_as_labelled_lines_in_taipei_time(qtbot: QtBot, world: World) -> None:
    browser = _browser(qtbot, world)
    proxy = browser.proxy
    suspension = _row_of(browser, "停權")
    detail = proxy.index(suspension, DETAIL_COLUMN).data()
    assert "{" not in detail and "starts_at" not in detail and "T16:30" not in detail
    assert "開始：2026/11/03 00:30" in detail  # Taipei, not UTC's 11/02 16:30
    assert "違規貼文：#101、#102、#103" in detail
    decision = _row_of(browser, "審核決定")
    decision_detail = proxy.index(decision, DETAIL_COLUMN).data()
    assert "結果：審核未通過" in decision_detail and "原因：內文超過字數（P4）" in decision_detail
    assert "outcome" not in decision_detail and "P4_TOO_LONG" not in decision_detail

    # The chosen event's lines in full below the list.
    browser.view.selectRow(suspension)
    lines = browser.detail_text.toPlainText().splitlines()
    assert "第幾次停權：1" in lines and "開始：2026/11/03 00:30" in lines


def test_staff_by_display_name_and_a_time_column_wide_enough(qtbot: QtBot, world: World) -> None:
    browser = _browser(qtbot, world)
    proxy = browser.proxy
    decision = _row_of(browser, "審核決定")
    assert proxy.index(decision, STAFF_COLUMN).data() == "林社工師"
    assert "ttd_rev1" in proxy.index(decision, STAFF_COLUMN).data(3)  # the account in the tooltip (role 3)
    shown = proxy.index(decision, TIME_COLUMN).data()
    metrics = browser.view.fontMetrics()
    assert browser.view.columnWidth(TIME_COLUMN) >= metrics.horizontalAdvance(shown) + 8
    # The staff filter finds the display name too.
    browser.staff_edit.insert("林社工")
    assert proxy.rowCount() >= 2


def test_roc_years_when_preferred(qtbot: QtBot, world: World) -> None:
    browser = _browser(qtbot, world, DateStyle(roc=True))
    suspension = _row_of(browser, "停權")
    assert browser.proxy.index(suspension, TIME_COLUMN).data() == "115/11/03 00:30"
    assert "開始：115/11/03 00:30" in browser.proxy.index(suspension, DETAIL_COLUMN).data()


def test_the_chain_count_matches_the_list(qtbot: QtBot, world: World) -> None:
    browser = _browser(qtbot, world)
    loaded = browser.model.rowCount()
    with qtbot.waitSignal(browser.verified, timeout=10_000):
        browser.verify()
    assert f"{loaded} 筆事件" in browser.status_label.text()
    assert any(browser.model.index(r, 3).data() == "查閱稽核紀錄" for r in range(loaded))  # this viewing too


def test_the_service_clock_changes_read_in_words(qtbot: QtBot, world: World) -> None:
    """A supervisor's change of the target or of a calendar day is named, not shown as its code."""
    from datetime import date

    from reviewer_app.supervision import service_clock

    service_clock.set_target(world.engine, world.supervisor, 5, NOW)
    service_clock.set_day(world.engine, world.supervisor, date(2026, 12, 24), False, "年終盤點", NOW)
    browser = _browser(qtbot, world)
    actions = {browser.proxy.index(row, 3).data() for row in range(browser.proxy.rowCount())}
    assert not actions & {"service_target", "calendar_day"}
    assert {"決定期限變更", "機關行事曆變更"} <= actions
