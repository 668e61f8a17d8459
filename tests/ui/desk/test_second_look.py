"""The desk's second look (issue 21 items 3 and 4) on the seeded demo: the post sent again after a
rejection shows 與前次退件比較 with the earlier reasons, the text changes and the photo "similar";
the post whose photo another family's rejected post used carries the reused-picture warning naming
that post. The pictures are hashed and the answers read on the workers, never on the GUI thread."""

from __future__ import annotations

import threading
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.demo.seed import SCENARIO_FAMILIES, seed
from reviewer_app.documents import perceptual
from reviewer_app.qt import QEvent, QObject, QWidget
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import Decision, Document, Facility, Post
from reviewer_app.sync import image_hashes
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk import second_look
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.desk.second_look import ComparisonDialog
from tests import factories
from tests.ui.conftest import go_to, idle

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with its families 16 and 17 (the post sent again, the reused photo)."""
    path = tmp_path_factory.mktemp("seed-second-look") / "shared.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    seed(engine, families=SCENARIO_FAMILIES, full_documents=0)
    engine.dispose()
    return path


def _seeded(engine: Engine, facility_id: int) -> tuple[int, int, int]:
    """The demo's post sent again, the rejected one before it, and the post reusing its photo."""
    with Session(engine) as s:
        again = s.scalars(
            select(Post).where(Post.facility_id == facility_id, Post.body.contains("他說很想念爸爸"))
        ).one()
        rejected = s.scalars(
            select(Post)
            .where(Post.service_id == again.service_id, Post.status == "rejected")
            .order_by(Post.submitted_at.desc())
        ).first()
        assert rejected is not None
        photo = rejected.documents[0].sha256
        reusing = s.scalars(
            select(Post)
            .join(Document, Document.post_id == Post.id)
            .where(Document.sha256 == photo, Post.status == "pending", Post.facility_id == facility_id)
        ).one()
        return again.id, rejected.id, reusing.id


@pytest.fixture
def gui_thread_hashes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads that hashed a picture (the real hash, only watched)."""
    threads: list[int] = []
    real = perceptual.perceptual_hash

    def watched(data: bytes) -> perceptual.PerceptualHash | None:
        threads.append(threading.get_ident())
        return real(data)

    monkeypatch.setattr(image_hashes, "perceptual_hash", watched)
    return threads


def test_the_post_sent_again_is_compared_with_the_rejected_one(
    qtbot: QtBot, desk: MainWindow, sync: Sync, gui_thread_hashes: list[int]
) -> None:
    again, rejected, _ = _seeded(sync.engine, sync.who.facility_id)
    go_to(qtbot, desk, ("post", again))
    look = desk.panel.second_look
    qtbot.waitUntil(lambda: look.compare_button.isVisible() and idle(desk))
    assert f"#{rejected}" in look.summary.text()
    # (in the desk's language: zh-TW 文字已修改 once the package's .qm has this words)
    assert look.tr("Text changed.") in look.summary.text()

    look.compare_button.click()
    dialog = desk.findChild(ComparisonDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.text()
    assert dialog.windowTitle() == dialog.tr("Compare with the rejected one")  # 與前次退件比較
    with Session(sync.engine) as s:
        told = s.scalars(select(Decision.message_to_family).where(Decision.item_id == rejected)).one()
        decided_at = s.scalars(select(Post.decided_at).where(Post.id == rejected)).one()
    assert told and told in text  # what the family was told, reasons and all
    assert decided_at is not None
    assert look.dates.date(decided_at.replace(tzinfo=UTC)) in text  # when, in the desk's date style
    assert "另外你那台車我先賣掉了" in text and "line-through" in text  # removed, struck out
    assert "他說很想念爸爸" in text and "underline" in text  # added
    assert dialog.tr("similar picture") in text  # the photo, made smaller by the phone
    dialog.close()
    assert threading.get_ident() not in gui_thread_hashes


def test_a_photo_another_family_used_is_flagged(
    qtbot: QtBot, desk: MainWindow, sync: Sync, gui_thread_hashes: list[int]
) -> None:
    _, rejected, reusing = _seeded(sync.engine, sync.who.facility_id)
    go_to(qtbot, desk, ("post", reusing))
    look = desk.panel.second_look
    qtbot.waitUntil(lambda: look.reuse_label.isVisible() and idle(desk))
    assert f"#{rejected}" in look.reuse_label.text() and "審核未通過" in look.reuse_label.text()
    assert not look.compare_button.isVisible()  # not sent again after a rejection of its own
    assert threading.get_ident() not in gui_thread_hashes


class _Paints(QObject):
    """Counts the paints of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_second_look_asks_once_the_item_is_painted(
    qtbot: QtBot, desk: MainWindow, sync: Sync, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its queries hold the interpreter on the worker: the item is drawn first (the next item after a
    decision came up half again later on PostgreSQL), then the question goes, and its answer shows."""
    _, rejected, reusing = _seeded(sync.engine, sync.who.facility_id)
    look = desk.panel.second_look
    paints = _Paints(desk.panel)
    paints_when_asked: list[int] = []
    real = second_look.reused_images

    def watched(*args: Any) -> Any:  # the real question, only watched
        paints_when_asked.append(paints.count)
        return real(*args)

    monkeypatch.setattr(second_look, "reused_images", watched)
    go_to(qtbot, desk, ("post", reusing))
    painted_before = paints.count
    assert look.waiting_for_paint() and not paints_when_asked
    qtbot.waitUntil(lambda: look.reuse_label.isVisible() and idle(desk))
    assert len(paints_when_asked) == 1 and paints_when_asked[0] > painted_before
    assert f"#{rejected}" in look.reuse_label.text()


def test_the_item_on_screen_is_asked_again_after_the_pull_hashed_new_pictures(
    qtbot: QtBot, desk: MainWindow, sync: Sync
) -> None:
    """A third family sends the same photo while the reviewer looks at the second: after the next
    sync has claimed and hashed it, the warning on screen names it too, without the reviewer moving."""
    _, rejected, reusing = _seeded(sync.engine, sync.who.facility_id)
    go_to(qtbot, desk, ("post", reusing))
    look = desk.panel.second_look
    qtbot.waitUntil(lambda: look.reuse_label.isVisible() and idle(desk))
    assert f"#{rejected}" in look.reuse_label.text()
    with Session(sync.engine) as s, s.begin():
        photo = s.scalars(select(Document).where(Document.post_id == rejected)).first()
        assert photo is not None and photo.blob is not None
        facility = s.get(Facility, sync.who.facility_id)
        assert facility is not None
        third = factories.post(
            s, factories.family(s, facility), uploads=[(photo.blob.data, "image/jpeg", "x.jpg")]
        )
        third_id = third.id
    desk.sync_now()  # F5: the sync claims it, the document checks hash it, the desk reloads
    qtbot.waitUntil(lambda: f"#{third_id}" in look.reuse_label.text() and idle(desk), timeout=20_000)
    assert f"#{rejected}" in look.reuse_label.text()
