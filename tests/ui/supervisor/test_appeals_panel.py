"""The 申覆 tab: the supervisor sees the family's appeal beside the rejected post, its photo (drawn off
the GUI thread), the original reasons and whether it was a strike; writes the reasons for the family
and overturns by keyboard (Alt+O, Enter), and the family's suspension ends with the strike (R2). An
appeal of an item the supervisor rejected themselves cannot be decided there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.items import DocumentRef
from reviewer_app.qt import Qt
from reviewer_app.shared_db import appeals as shared_appeals
from reviewer_app.shared_db.models import Decision, DocumentBlob, ItemNote, Post, Strike, Suspension
from reviewer_app.ui.supervisor.appeals_panel import AppealsPanel
from tests import factories
from tests.ui.security_world import NOW, World, build

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

FAMILY_WORDS = "照片是孩子的獎狀，並非違規內容，請再審查。"


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    w = build(sqlite_url)
    with Session(w.engine) as s, s.begin():
        for number, (strike_id, by) in enumerate(
            zip(w.strike_ids[:2], ("lin_reviewer", "chen_supervisor"), strict=True)
        ):
            strike = s.get_one(Strike, strike_id)
            post = s.get_one(Post, strike.post_id)
            post.documents.append(
                factories._doc(
                    post.facility_id, "post_attachment", factories.jpeg(), "image/jpeg", "獎狀.jpg"
                )
            )
            s.add(
                Decision(
                    idempotency_key=strike.decision_key,
                    facility_id=post.facility_id,
                    item_kind="post",
                    item_id=post.id,
                    item_version=1,
                    outcome="reject",
                    reason_codes=["P2_CONTENT"],
                    message_to_family="內容與子女近況無關。",
                    note="內部：照片看起來像文件",
                    staff_username=by,
                    workstation="ws-1",
                    decided_at=strike.created_at,
                )
            )
            s.add(
                ItemNote(
                    idempotency_key=f"note-{number}",
                    facility_id=post.facility_id,
                    item_kind="post",
                    item_id=post.id,
                    body="家屬來電說明：照片是學校頒獎",
                    staff_username="wang_reviewer",
                    workstation="ws-2",
                    written_at=strike.created_at,
                )
            )
            s.flush()
            shared_appeals.submit(
                s, post.service.applicant_id, "post", post.id, FAMILY_WORDS, NOW - timedelta(hours=2 - number)
            )
    yield w
    w.engine.dispose()


def _clock() -> datetime:
    return NOW


def test_overturning_an_appeal_by_keyboard_ends_the_suspension(qtbot: QtBot, world: World) -> None:
    engine = world.engine

    def fetch(doc: DocumentRef) -> bytes:  # the shared database's bytes, as the document store reads them
        with Session(engine) as s:
            return bytes(s.get_one(DocumentBlob, doc.id).data)

    panel = AppealsPanel(engine, world.supervisor, fetch=fetch, clock=_clock)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and not panel.is_busy())
    row = panel.selected()
    assert row is not None and row.first_reviewer == "lin_reviewer"  # the oldest first, selected
    shown = panel.details.toPlainText()
    assert FAMILY_WORDS in shown and "內容與子女近況無關。" in shown and "內部：照片看起來像文件" in shown
    assert "wang_reviewer" in shown and "家屬來電說明：照片是學校頒獎" in shown  # the item's staff notes
    qtbot.waitUntil(lambda: not panel.documents.item(0).icon().isNull())  # the photo, drawn
    assert not panel.overturn_button.isEnabled()  # reasons first

    panel.reasoning.setFocus()
    panel.reasoning.insertPlainText("獎狀照片符合規定")  # typed through the input method
    assert panel.overturn_button.isEnabled()
    qtbot.keyClick(panel.reasoning, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.question is not None and panel.question.isVisible())
    question = panel.question
    assert question is not None and "R2" in question.text()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.is_busy() and (r := panel.model.rows()[-1]).decided and r.id == row.id)

    with Session(engine) as s:
        assert s.get_one(Strike, world.strike_ids[0]).dismissed_at == NOW
        assert s.get_one(Suspension, world.suspension_id).lifted_at == NOW
    panel.view.selectRow(panel.model.rowCount() - 1)
    assert "撤銷原退件決定" in panel.details.toPlainText() and "發佈權限已恢復" in panel.details.toPlainText()


def test_the_first_reviewer_cannot_decide_their_own_rejections_appeal(qtbot: QtBot, world: World) -> None:
    panel = AppealsPanel(world.engine, world.supervisor, clock=_clock)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and not panel.is_busy())
    own = next(i for i, r in enumerate(panel.model.rows()) if r.first_reviewer == "chen_supervisor")
    panel.view.selectRow(own)
    assert panel.reasoning.isReadOnly() and panel.hint.text()
    panel.reasoning.insertPlainText("我看錯了")
    assert not panel.uphold_button.isEnabled() and not panel.overturn_button.isEnabled()
    with Session(world.engine) as s:
        assert s.scalar(select(Strike.dismissed_at).where(Strike.id == world.strike_ids[1])) is None
