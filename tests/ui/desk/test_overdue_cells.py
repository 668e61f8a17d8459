"""The queue's red waiting cells follow the service clock (issue 21 item 5): an item is past the target
when its due working day has ended in Taipei, as the status bar's count and the 逾期未決 tab say, not
after a number of hours. A post sent on a Wednesday is due on the Monday after (Thursday, Friday,
Monday): on that Monday it has waited 5 days and is not late; one sent the Tuesday before is."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from reviewer_app.ui.desk.desk_data import load_desk
from tests import factories
from tests.desk import Clock, workstation

MONDAY = datetime(2026, 11, 16, 2, 0, tzinfo=UTC)  # 10:00 in Taipei
WEDNESDAY = datetime(2026, 11, 11, 2, 0, tzinfo=UTC)  # due Monday 11-16: not late yet
TUESDAY = datetime(2026, 11, 10, 2, 0, tzinfo=UTC)  # due Friday 11-13: late


@pytest.mark.parametrize("extras_first", [True, False], ids=["whole-sync", "first-screen-then-extras"])
def test_red_cells_are_the_items_past_their_due_working_day(
    shared_url: str, tmp_path: Path, extras_first: bool
) -> None:
    admin = factories.shared_engine(shared_url)
    with Session(admin) as s, s.begin():
        fac = factories.facility(s)
        on_time = factories.post(s, factories.family(s, fac), submitted_at=WEDNESDAY).id
        late = factories.post(s, factories.family(s, fac), submitted_at=TUESDAY).id
        fid = fac.id
    desk = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid, Clock(MONDAY))
    try:
        if extras_first:
            desk.sync.sync(check_documents=False)
        else:
            desk.sync.sync(check_documents=False, extras=False)
            assert not any(r.overdue for r in load_desk(desk.journal, MONDAY).rows)  # not known yet
            desk.sync.pull_extras()
        rows = {r.item_id: r for r in load_desk(desk.journal, MONDAY).rows}
        assert rows[on_time].waited_seconds > 72 * 3600  # more than three days by the hours...
        assert not rows[on_time].overdue  # ...but not past its third working day
        assert rows[late].overdue
        assert rows[late].target_working_days == 3
    finally:
        desk.close()
        admin.dispose()
