"""The document viewer on real uploads in the shared database, driven by keyboard.

Thumbnails, zoom (keys and wheel), rotate, PDF pages, side-by-side compare, metadata with the GPS
warning, a broken upload that says why, and the next items' documents decoded ahead.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.core.items import DocumentRef
from reviewer_app.core.snapshot import findings_for
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QApplication, QLabel, QPoint, QPointF, QRect, Qt, QWheelEvent
from reviewer_app.shared_db.models import Document, DocumentBlob, Post
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.operations import Operation
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.queue.rows import ItemKey
from reviewer_app.ui.viewer.document_viewer import DocumentViewer
from reviewer_app.ui.viewer.documents import SHOWN, DocumentService, doc_key
from reviewer_app.ui.viewer.thumbnails import ThumbnailModel
from tests.ui.conftest import (
    add_post,
    go_to,
    idle,
    jpeg_bytes,
    make_context,
    open_desk,
    pdf_bytes,
    proxy_rows,
)

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def loaded(viewer: DocumentViewer) -> bool:
    """Every document of the item shown is decoded (or known to be unshowable)."""
    model = viewer.thumbnails
    return model.rowCount() > 0 and all(model.shown_at(r) is not None for r in range(model.rowCount()))


def open_item(qtbot: QtBot, desk: MainWindow, key: ItemKey) -> DocumentViewer:
    go_to(qtbot, desk, key)
    qtbot.waitUntil(lambda: loaded(desk.viewer) and idle(desk))
    return desk.viewer


def application_with_all_documents(desk: MainWindow) -> ItemKey:
    for row in proxy_rows(desk):
        detail = desk.detail_of(row.key)
        kinds = {d.kind for d in detail.snapshot.documents}
        if row.kind == "application" and {"id_document", "relationship_proof", "applicant_photo"} <= kinds:
            return row.key
    raise AssertionError("the seed has an application with all three documents")


@pytest.fixture
def desk_with(
    sync: Sync, shared_engine: Engine, desk_factory: Callable[[Sync | None], MainWindow]
) -> Callable[..., tuple[MainWindow, ItemKey]]:
    """A desk after adding one more post with these uploads to the shared database, and that post's key."""

    def make(*uploads: tuple[str, bytes, str, str]) -> tuple[MainWindow, ItemKey]:
        post_id = add_post(shared_engine, uploads)
        sync.pull()
        return desk_factory(sync), ("post", post_id)

    return make


def test_all_documents_of_an_application_as_thumbnails_and_a_large_view(
    qtbot: QtBot, desk: MainWindow, qtmodeltester: ModelTester
) -> None:
    key = application_with_all_documents(desk)
    viewer = open_item(qtbot, desk, key)
    docs = desk.detail_of(key).snapshot.documents
    assert viewer.thumbnails.rowCount() == len(docs) >= 3
    labels = [viewer.thumbnails.index(r, 0).data() for r in range(viewer.thumbnails.rowCount())]
    assert set(labels) >= {"身分證明文件", "關係證明文件", "申請人正面清晰照片"}
    assert all(
        viewer.thumbnails.index(r, 0).data(Qt.ItemDataRole.DecorationRole) is not None for r in range(3)
    )
    qtmodeltester.check(viewer.thumbnails)

    # The first document in the large view, fitted, with its metadata.
    assert viewer.current_row() == 0
    assert viewer.stack.currentWidget() is viewer.view and viewer.view.has_image()
    assert viewer.view.is_fit()
    assert viewer.meta_file.text() == docs[0].filename
    assert viewer.meta_type.text().split("，")[0] in ("JPEG", "PNG", "PDF")
    assert "×" in viewer.meta_pixels.text() or viewer.meta_pixels.text() == "—"

    # ] and [ page through the documents.
    qtbot.keyClick(desk.table, Qt.Key.Key_BracketRight)
    assert viewer.current_row() == 1
    assert viewer.meta_file.text() == docs[1].filename
    qtbot.keyClick(desk.table, Qt.Key.Key_BracketRight)
    qtbot.keyClick(desk.table, Qt.Key.Key_BracketLeft)
    assert viewer.current_row() == 1
    qtbot.keyClick(desk.table, Qt.Key.Key_BracketLeft)
    assert viewer.current_row() == 0
    # The queue keeps the keyboard: J still moves to the next item.
    assert desk.table.hasFocus()


def test_zoom_fit_actual_size_and_rotate_by_keyboard_and_wheel(qtbot: QtBot, desk: MainWindow) -> None:
    viewer = open_item(qtbot, desk, application_with_all_documents(desk))
    view = viewer.view
    fitted = view.zoom()
    qtbot.keyClick(desk.table, Qt.Key.Key_Plus)
    assert view.zoom() == pytest.approx(fitted * 1.25) and not view.is_fit()
    qtbot.keyClick(desk.table, Qt.Key.Key_Equal)  # + without Shift on most keyboards
    assert view.zoom() == pytest.approx(fitted * 1.25 * 1.25)
    qtbot.keyClick(desk.table, Qt.Key.Key_Minus)
    assert view.zoom() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(desk.table, Qt.Key.Key_1)
    assert view.zoom() == 1.0 and viewer.zoom_label.text() == "100%"
    qtbot.keyClick(desk.table, Qt.Key.Key_0)
    assert view.is_fit() and view.zoom() == pytest.approx(fitted)

    # The wheel zooms too (over the picture).
    center = QPointF(view.viewport().rect().center())
    for delta in (120, 120):
        wheel = QWheelEvent(
            center,
            QPointF(view.viewport().mapToGlobal(center.toPoint())),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(fitted * 1.25 * 1.25)

    # Rotate clockwise with R, back with Shift+R; a rotated picture is fitted anew.
    qtbot.keyClick(desk.table, Qt.Key.Key_0)
    qtbot.keyClick(desk.table, Qt.Key.Key_R)
    assert view.rotation() == 90
    qtbot.keyClick(desk.table, Qt.Key.Key_R, SHIFT)
    qtbot.keyClick(desk.table, Qt.Key.Key_R, SHIFT)
    assert view.rotation() == 270

    # V gives the picture the keyboard (arrows pan); Esc gives it back to the queue.
    qtbot.keyClick(desk.table, Qt.Key.Key_1)
    qtbot.keyClick(desk.table, Qt.Key.Key_V)
    assert view.hasFocus()
    before = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) != before
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert desk.table.hasFocus()


def test_compare_the_applicants_photo_with_the_id_document(qtbot: QtBot, desk: MainWindow) -> None:
    viewer = open_item(qtbot, desk, application_with_all_documents(desk))
    assert viewer.compare_action.isEnabled()
    assert "(C)" in viewer.compare_action.toolTip() or "（C）" in viewer.compare_action.toolTip()
    qtbot.keyClick(desk.table, Qt.Key.Key_C)
    assert viewer.is_comparing() and viewer.stack.currentWidget() is viewer.compare
    views = viewer.compare.views
    assert views["applicant_photo"].has_image() and views["id_document"].has_image()
    assert viewer.compare.captions["applicant_photo"].text() == "申請人正面清晰照片"
    assert viewer.compare.captions["id_document"].text() == "身分證明文件"
    assert not viewer.meta_box.isVisible()
    qtbot.keyClick(desk.table, Qt.Key.Key_Plus)  # zoom acts on both sides
    assert not views["applicant_photo"].is_fit() and not views["id_document"].is_fit()
    qtbot.keyClick(desk.table, Qt.Key.Key_C)
    assert not viewer.is_comparing() and viewer.stack.currentWidget() is viewer.view
    assert viewer.meta_box.isVisible()

    # A post has neither document: compare is off, and its tooltip says why.
    post = next(
        r.key for r in proxy_rows(desk) if r.kind == "post" and desk.detail_of(r.key).snapshot.documents
    )
    go_to(qtbot, desk, post)
    assert not viewer.compare_action.isEnabled()
    assert "沒有申請人照片或身分證明文件" in viewer.compare_action.toolTip()
    qtbot.keyClick(desk.table, Qt.Key.Key_C)
    assert not viewer.is_comparing()


def test_pdf_pages(qtbot: QtBot, desk_with: Callable[..., tuple[MainWindow, ItemKey]]) -> None:
    desk, key = desk_with(("post_attachment", pdf_bytes(3), "application/pdf", "成績單.pdf"))
    viewer = open_item(qtbot, desk, key)
    shown = viewer.current_shown()
    assert shown is not None and shown.problem is None and shown.pages == 3
    assert viewer.page_label.text() == "第 1/3 頁"
    assert viewer.meta_type.text() == "PDF，共 3 頁"
    assert "共 3 頁" in viewer.thumbnails.index(0, 0).data()
    assert not viewer.previous_page_action.isEnabled() and viewer.next_page_action.isEnabled()
    first = viewer.view.image_size()

    qtbot.keyClick(desk.table, Qt.Key.Key_PageDown)
    assert viewer.page() == 1
    qtbot.waitUntil(lambda: viewer.view.has_image() and viewer.page_label.text() == "第 2/3 頁")
    qtbot.keyClick(desk.table, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: viewer.view.has_image() and viewer.page() == 2)
    assert not viewer.next_page_action.isEnabled()
    qtbot.keyClick(desk.table, Qt.Key.Key_PageDown)  # past the last page: stays
    assert viewer.page() == 2
    qtbot.keyClick(desk.table, Qt.Key.Key_PageUp)
    assert viewer.page() == 1 and viewer.view.has_image()  # rendered before: shown at once
    assert viewer.view.image_size() == first
    # PgDown/PgUp turned the PDF's pages, not the queue's rows.
    assert desk.selected_key() == key


def test_metadata_and_the_gps_privacy_warning(qtbot: QtBot, desk: MainWindow) -> None:
    # The seed's sideways, GPS-tagged phone photo (scenario 8).
    for row in proxy_rows(desk):
        if row.kind != "post" or not desk.detail_of(row.key).snapshot.documents:
            continue
        viewer = open_item(qtbot, desk, row.key)
        if viewer.gps_warning.isVisible():
            break
    else:
        raise AssertionError("the seed has a GPS-tagged photo")
    assert "GPS" in viewer.gps_warning.text() and "隱私" in viewer.gps_warning.text()
    shown = viewer.current_shown()
    assert shown is not None and shown.metadata is not None
    assert shown.metadata.orientation == 6
    width, height = viewer.view.image_size()
    assert height > width, "stored sideways, shown upright"
    assert viewer.meta_pixels.text() == f"{shown.metadata.width} × {shown.metadata.height}"
    assert viewer.meta_camera.text() not in ("", "未記錄")
    captured = shown.metadata.captured_at
    assert captured is not None and viewer.meta_captured.text().startswith(f"{captured:%Y/%m/%d}")


def test_a_broken_upload_says_why_in_its_place(
    qtbot: QtBot, desk_with: Callable[..., tuple[MainWindow, ItemKey]]
) -> None:
    whole = jpeg_bytes(800, 600)
    desk, key = desk_with(
        ("post_attachment", whole[: len(whole) // 2], "image/jpeg", "IMG_0042.jpg"),
        ("post_attachment", b"PK\x03\x04 not a picture at all", "image/jpeg", "IMG_0043.jpg"),
    )
    viewer = open_item(qtbot, desk, key)
    assert viewer.stack.currentIndex() == 1 and viewer.message.isVisible()
    assert "不完整" in viewer.message.text()
    assert "無法顯示" in viewer.thumbnails.index(0, 0).data()
    assert viewer.current_shown() is not None and viewer.current_shown().problem == viewer.message.text()  # type: ignore[union-attr]
    qtbot.keyClick(desk.table, Qt.Key.Key_BracketRight)
    assert viewer.message.text() and viewer.message.text() != viewer.thumbnails.shown_at(0).problem  # type: ignore[union-attr]
    # The desk goes on: the item can still be rejected by keyboard.
    assert desk.panel.reject_button.isEnabled()


def test_the_next_items_documents_are_decoded_ahead(qtbot: QtBot, desk: MainWindow) -> None:
    with_documents = [
        r.key for r in proxy_rows(desk) if r.decidable and desk.detail_of(r.key).snapshot.documents
    ]
    start = with_documents[0]
    open_item(qtbot, desk, start)
    following = desk.queue.keys_after(start, 2)
    assert len(following) == 2
    ahead = [d for k in following for d in desk.detail_of(k).snapshot.documents]
    assert ahead
    qtbot.waitUntil(lambda: all(desk.documents.cached(d) is not None for d in ahead) and idle(desk))
    loads = desk.documents.loads_started

    qtbot.keyClick(desk.table, Qt.Key.Key_J)
    # Shown at once, in the same event: nothing left to fetch or decode.
    assert desk.selected_key() == following[0]
    viewer = desk.viewer
    if desk.detail_of(following[0]).snapshot.documents:
        assert viewer.current_shown() is not None
        if viewer.stack.currentIndex() == 0:
            assert viewer.view.has_image()
        else:  # why it cannot be shown, never "loading"
            assert viewer.message.text() not in ("文件載入中…", "")
    assert desk.documents.loads_started == loads
    assert {doc_key(d) for d in ahead} <= set(desk.documents._cache)


def test_thumbnail_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ThumbnailModel()
    docs = [
        DocumentRef(1, "id_document", "a.jpg", "x", size_bytes=1, sha256="a"),
        DocumentRef(2, "applicant_photo", "b.jpg", "x", size_bytes=1, sha256="b"),
    ]
    model.set_documents(docs, {})
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)
    model.set_documents(docs[:1], {})
    model.set_documents([], {})


def test_a_large_photo_is_decoded_for_the_view_and_whole_when_zoomed_in(
    qtbot: QtBot, desk_with: Callable[..., tuple[MainWindow, ItemKey]]
) -> None:
    # A phone photo has several times the pixels of the view: it is decoded at about the view's size
    # (fast, small), shown at the picture's own size; 100 % brings the whole picture in its place.
    desk, key = desk_with(("post_attachment", jpeg_bytes(4000, 3000), "image/jpeg", "IMG_2001.jpg"))
    viewer = open_item(qtbot, desk, key)
    view, shown = viewer.view, viewer.current_shown()
    assert shown is not None and shown.preview and shown.size == (4000, 3000)
    width, height = view.image_size()
    assert width < 4000 and height < 3000 and abs(width / height - 4 / 3) < 0.01
    assert viewer.meta_pixels.text() == "4000 × 3000"
    fitted = view.zoom()
    assert view.is_fit() and fitted < 1 and not view.wants_more_pixels()

    qtbot.keyClick(desk.table, Qt.Key.Key_1)  # 100 %
    assert view.zoom() == 1.0 and viewer.zoom_label.text() == "100%"
    qtbot.waitUntil(lambda: view.image_size() == (4000, 3000))
    assert not shown.preview and view.zoom() == 1.0 and not view.is_fit()  # the view did not move
    qtbot.keyClick(desk.table, Qt.Key.Key_0)  # fit again: as the preview fitted, once the scroll bars go
    assert view.is_fit()
    qtbot.waitUntil(lambda: view.zoom() == pytest.approx(fitted))


@pytest.mark.parametrize("told", [True, False], ids=["told it is painted", "not told"])
def test_the_next_items_wait_until_the_shown_one_is_on_screen(
    qtbot: QtBot, desk: MainWindow, told: bool
) -> None:
    """Decoding the next items' documents would compete with painting the shown one: they start once
    the desk says it has painted, or shortly after when nobody says so."""
    rows = [r.key for r in proxy_rows(desk) if desk.detail_of(r.key).snapshot.documents]
    shown, *following = (desk.detail_of(k).snapshot for k in rows[:3])
    assert following
    # Told: nothing would start the next items before the test says the shown one is painted.
    service = DocumentService(desk.ctx.documents, ahead_after_ms=3_600_000 if told else 150)
    try:
        service.show(shown.documents, shown.policy, [(s.documents, s.policy) for s in following])
        ahead = [d for s in following for d in s.documents]
        qtbot.waitUntil(lambda: all(service.cached(d) is not None for d in shown.documents))
        if told:
            assert service.has_ahead_waiting()
            assert not any(service.cached(d) is not None or service.is_loading(d) for d in ahead)
            service.start_ahead()
        qtbot.waitUntil(lambda: all(service.cached(d) is not None for d in ahead))
        assert not service.has_ahead_waiting()
    finally:
        service.shutdown()


def test_a_document_left_before_its_turn_loads_when_the_reviewer_comes_back(
    qtbot: QtBot, desk: MainWindow
) -> None:
    """The reviewer moves on before an item's document has had its turn on the worker (so the worker
    skips it) and comes back before that answer has reached the window: the document still loads.
    It stayed "loading" for good, and approve off (R7), before."""
    rows = [r.key for r in proxy_rows(desk) if desk.detail_of(r.key).snapshot.documents]
    first, second = (desk.detail_of(k).snapshot for k in rows[:2])
    qtbot.waitUntil(lambda: idle(desk))
    service = DocumentService(desk.ctx.documents, ahead_after_ms=3_600_000)
    worker = executors.documents()
    started, go_on = threading.Event(), threading.Event()

    def busy() -> None:  # another document on the one worker, taking its time
        started.set()
        go_on.wait(30)

    Operation(busy, name="another document").run_in_background(worker, SHOWN + 1)
    try:
        assert started.wait(10)
        service.show(first.documents, first.policy)  # queued behind it
        service.show(second.documents, second.policy)  # moved on: the first item's are not wanted
        go_on.set()
        assert worker.wait(30_000)  # skipped on the worker; the answer waits for the event loop
        service.show(first.documents, first.policy)  # back before the window heard it
        qtbot.waitUntil(lambda: all(service.cached(d) is not None for d in first.documents))
    finally:
        go_on.set()
        service.shutdown()


def test_the_first_items_thumbnails_are_drawn_whole_at_start(qtbot: QtBot, desk: MainWindow) -> None:
    """QA: right after start the first item's thumbnail was a 54×36 slice without its label, until J, K.
    The strip laid it out before its picture was decoded and kept that size."""
    viewer = desk.viewer
    qtbot.waitUntil(lambda: loaded(viewer) and idle(desk))
    model, strip = viewer.thumbnails, viewer.strip
    shown = [model.shown_at(r) for r in range(model.rowCount())]
    pictured = [r for r, doc in enumerate(shown) if doc is not None and doc.thumbnail is not None]
    assert pictured, "the first item has a photo"
    label_height = strip.fontMetrics().height()
    # A whole icon (a 4:3 photo is 64×48 at the strip's 64-pixel icons) and its label, not a slice.
    icon = strip.iconSize()
    whole = icon.height() * 0.7 + label_height
    for row in pictured:
        index = model.index(row, 0)
        qtbot.waitUntil(lambda index=index: strip.visualRect(index).height() >= whole)
        rect = strip.visualRect(index).translated(strip.horizontalScrollBar().value(), 0)
        grid = strip.gridSize()
        assert rect.width() >= icon.width()
        assert QRect(row * grid.width(), 0, grid.width(), grid.height()).contains(rect)  # in its own cell


# ---- R7, R8: what the viewer's loader finds is what the rules judge ------------------------------------


def approvable_post_now_with(
    qtbot: QtBot, desk: MainWindow, shared_engine: Engine, *uploads: tuple[bytes, str, str]
) -> ItemKey:
    """A post no rule blocks, whose family replaced its files with ``uploads`` (bytes, declared MIME
    type, name) before the desk's next sync brought them."""
    key = next(
        r.key for r in proxy_rows(desk) if r.kind == "post" and r.status == "pending" and not r.blocking_rules
    )
    with Session(shared_engine) as s, s.begin():
        post = s.get(Post, key[1])
        assert post is not None
        post.documents.clear()
        for data, mime, name in uploads:
            post.documents.append(
                Document(
                    facility_id=post.facility_id,
                    kind="post_attachment",
                    filename=name,
                    mime_type=mime,
                    size_bytes=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                    blob=DocumentBlob(data=data),
                )
            )
    qtbot.keyClick(desk.table, Qt.Key.Key_F5)

    def names() -> list[str]:
        detail = desk.detail_of(key)
        return [d.filename for d in detail.snapshot.documents] if detail else []

    qtbot.waitUntil(lambda: idle(desk) and names() == [name for _, _, name in uploads])
    return key


def test_what_the_loader_finds_is_recorded_and_the_rules_judge_it(
    qtbot: QtBot, desk: MainWindow, shared_engine: Engine
) -> None:
    """A JPEG and a PDF that the portal declared image/png: two photos by the declaration (P5), one
    photo and a PDF by their bytes. Once the viewer opened them, the desk and the journal say so."""
    photo, pdf = jpeg_bytes(), pdf_bytes(1)
    key = approvable_post_now_with(
        qtbot, desk, shared_engine, (photo, "image/png", "IMG_0100.png"), (pdf, "image/png", "獎狀.png")
    )
    journal = desk.ctx.journal
    detail = desk.detail_of(key)
    declared = findings_for(detail.snapshot, detail.standing, datetime.now(UTC))  # nothing opened
    assert [f.code for f in declared if f.blocks] == ["P5_TOO_MANY_PHOTOS"]

    open_item(qtbot, desk, key)

    docs = desk.detail_of(key).snapshot.documents
    checks = journal.document_checks(docs)
    assert [(checks[doc_key(d)].mime_type, checks[doc_key(d)].size_bytes) for d in docs] == [
        ("image/jpeg", len(photo)),
        ("application/pdf", len(pdf)),
    ]
    qtbot.waitUntil(lambda: idle(desk) and not desk.detail_of(key).blocking)
    assert desk.panel.approve_action.isEnabled()
    qtbot.keyClick(desk.table, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: [(d.item_id, d.outcome) for d in journal.decisions()] == [(key[1], "approve")])


def test_a_truncated_upload_is_recorded_and_its_rejection_asks_for_a_new_one(
    qtbot: QtBot, desk: MainWindow, shared_engine: Engine
) -> None:
    whole = jpeg_bytes(800, 600)
    cut_short = whole[: len(whole) // 2]
    key = approvable_post_now_with(qtbot, desk, shared_engine, (cut_short, "image/jpeg", "IMG_0101.jpg"))
    open_item(qtbot, desk, key)

    (doc,) = desk.detail_of(key).snapshot.documents
    check = desk.ctx.journal.document_checks([doc])[doc_key(doc)]
    assert (check.mime_type, check.problem, check.shown) == ("image/jpeg", "truncated", False)
    qtbot.waitUntil(lambda: idle(desk) and bool(desk.detail_of(key).blocking))
    (finding,) = desk.detail_of(key).blocking
    assert (finding.code, finding.reason_code) == ("DOC_UNREADABLE", "UPLOAD_DAMAGED")
    shown = [label.text() for label in desk.panel.findings_box.findChildren(QLabel)]
    assert any("第 1 個文件（附件）無法開啟（檔案不完整" in text for text in shown)
    assert not desk.panel.approve_action.isEnabled()


def test_documents_not_opened_yet_leave_approve_off_and_say_why(
    qtbot: QtBot, journal: Journal, sync: Sync, tmp_path: Path
) -> None:
    """The shared database's documents are out of reach (offline): nothing could be looked at, so
    nothing can be approved — the button says so, and the engine would refuse it too."""
    sync.pull()
    desk = open_desk(qtbot, make_context(journal, sync, tmp_path, DocumentStore(None, tmp_path / "c", None)))
    try:
        target = next(
            r.key
            for r in proxy_rows(desk)
            if r.status == "pending" and not r.blocking_rules and desk.detail_of(r.key).snapshot.documents
        )
        go_to(qtbot, desk, target)
        qtbot.waitUntil(lambda: loaded(desk.viewer) and idle(desk))
        assert not desk.panel.approve_action.isEnabled()
        assert "尚未開啟檢視" in desk.panel.approve_action.toolTip()
        assert desk.panel.reject_action.isEnabled()
    finally:
        desk.close()
