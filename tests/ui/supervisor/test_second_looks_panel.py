"""The 待覆核 queue on screen (four eyes, issue 21): the first decision with who made it and the
documents; its author cannot confirm it; a colleague confirms by keyboard; of two confirmers the later
one is told who settled it first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.documents.store import DocumentStore
from reviewer_app.qt import QKeySequence, Qt
from reviewer_app.shared_db import second_looks
from reviewer_app.shared_db.models import ItemNote, ServiceApplication
from reviewer_app.supervision import second_looks as tools
from reviewer_app.ui.supervisor.second_looks_panel import SecondLooksPanel
from tests import factories

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]
NOW = factories.T0 + timedelta(hours=2)


@dataclass
class World:
    engine: Engine
    facility_id: int
    application_id: int

    def actor(self, username: str) -> Actor:
        return Actor(username, "reviewer", self.facility_id, f"ws-{username}")

    def status(self) -> str:
        with Session(self.engine) as s:
            app = s.get(ServiceApplication, self.application_id)
            assert app is not None
            return app.status


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, four_eyes=True)
        app = factories.family(s, fac, approved=False)
        second_looks.first_look(
            s,
            second_looks.FirstLook(
                key=str(uuid.uuid4()),
                facility_id=fac.id,
                subject="application",
                subject_id=app.id,
                staff_username="ttd_reviewer",
                workstation="ws-a",
                at=factories.T0,
                item_version=1,
                note="身分證與戶口名簿相符",
            ),
        )
        ids = fac.id, app.id
    yield World(engine, *ids)
    engine.dispose()


def _panel(
    qtbot: QtBot, world: World, username: str, documents: DocumentStore | None = None
) -> SecondLooksPanel:
    panel = SecondLooksPanel(world.engine, world.actor(username), documents=documents, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.is_busy())
    return panel


def test_the_author_sees_their_decision_but_cannot_confirm_it(
    qtbot: QtBot, world: World, tmp_path: Path
) -> None:
    store = DocumentStore(world.engine, tmp_path / "cache", None)
    panel = _panel(qtbot, world, "ttd_reviewer", store)
    # The three uploads, decoded off the GUI thread, shown under the first decision.
    qtbot.waitUntil(
        lambda: (
            not panel.is_busy()
            and len(panel.strip_labels) == 3
            and all(label.pixmap().width() > 0 for label in panel.strip_labels)
        )
    )
    detail = panel.detail.text()
    assert "ttd_reviewer" in detail and "ws-a" in detail and "身分證與戶口名簿相符" in detail
    assert (
        "id_document.jpg" in detail and "relationship_proof.jpg" in detail and "applicant_photo.jpg" in detail
    )
    assert not panel.confirm_button.isEnabled() and not panel.confirm_action.isEnabled()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.is_busy())
    assert world.status() == "pending"
    panel.shutdown()
    store.close()


def test_a_colleague_confirms_by_keyboard(qtbot: QtBot, world: World) -> None:
    panel = _panel(qtbot, world, "ttd_rev1")
    assert panel.confirm_action.shortcuts()[0] == QKeySequence("Ctrl+Return")
    panel.view.setFocus()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.keyClick(panel.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.is_busy() and panel.model.rowCount() == 0)
    assert world.status() == "approved"


def test_two_confirmers_the_later_is_told_who_settled_it(qtbot: QtBot, world: World) -> None:
    late = _panel(qtbot, world, "ttd_rev2")
    # Meanwhile a colleague at another workstation confirms it (this desk hears nothing of it).
    (look,) = tools.waiting(world.engine, world.actor("ttd_rev1"))
    tools.confirm(world.engine, world.actor("ttd_rev1"), look.id, NOW)

    late.view.setFocus()
    qtbot.keyClick(late.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # send back…
    dialog = late.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reason_edit.insert("關係證明文件模糊")
    with qtbot.waitSignal(late.failed, timeout=10_000) as told:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert told.args is not None and told.args[0].startswith("已由 ttd_rev1 於 ")
    qtbot.waitUntil(lambda: not late.is_busy() and late.model.rowCount() == 0)
    assert "已由 ttd_rev1" in late.message_label.text()
    assert world.status() == "approved"


def test_the_second_pair_of_eyes_reads_the_items_staff_notes(qtbot: QtBot, world: World) -> None:
    with Session(world.engine) as s, s.begin():
        s.add(
            ItemNote(
                idempotency_key=str(uuid.uuid4()),
                facility_id=world.facility_id,
                item_kind="application",
                item_id=world.application_id,
                body="家屬來電：<戶口名簿>正在換發",
                staff_username="ttd_reviewer",
                workstation="ws-a",
                written_at=factories.T0 - timedelta(minutes=10),
            )
        )
    panel = _panel(qtbot, world, "ttd_rev1")
    detail = panel.detail.text()
    assert "Staff notes" in detail or "工作人員備註" in detail
    assert "ttd_reviewer" in detail and "家屬來電：&lt;戶口名簿&gt;正在換發" in detail  # as written, escaped
    panel.shutdown()
