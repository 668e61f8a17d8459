"""The service clock on the desk (issue #21 item 5): the status bar counts the facility's undecided
items past the target to decide, as of the last sync, so nobody misses that families wait too long."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.journal.journal import Journal
from reviewer_app.shared_db import service_clock
from reviewer_app.sync.service import Sync
from tests.ui.conftest import add_post, idle, jpeg_bytes, make_context, open_desk

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_the_status_bar_counts_items_past_the_target(
    qtbot: QtBot, tmp_path: Path, journal: Journal, sync: Sync, shared_engine: Engine
) -> None:
    # A post sent three weeks ago is past any target of three working days.
    add_post(shared_engine, [("post_attachment", jpeg_bytes(), "image/jpeg", "a.jpg")], hours_ago=21 * 24)
    window = open_desk(qtbot, make_context(journal, sync, tmp_path))
    qtbot.waitUntil(lambda: idle(window) and window.last_sync_label.text().startswith("上次同步"))
    with Session(shared_engine) as s:
        late = len(service_clock.overdue(s, sync.who.facility_id, datetime.now(UTC)))
    assert late >= 1
    label = window.sync_controller.overdue_label
    assert label.isVisible()
    assert str(late) in label.text()
    assert label.toolTip() != ""
