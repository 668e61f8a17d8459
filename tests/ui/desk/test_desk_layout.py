"""The desk's layout for reading documents (#20 item 5): the document gets the window's height,
opens at its width, focus mode (F11) hides the queue and is remembered, zoom and rotate are off when
there is nothing to zoom."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QIcon, QRect, Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.desk.main_window import MainWindow
from tests.ui.conftest import add_post, go_to, idle, make_context, open_desk, pdf_bytes, proxy_rows

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def test_f11_gives_the_document_the_queue_s_room_and_is_remembered(
    qtbot: QtBot, sync: Sync, journal: Journal, tmp_path: Path
) -> None:
    sync.pull()
    desk = open_desk(qtbot, make_context(journal, sync, tmp_path))
    viewer_width = desk.viewer.width()
    first = desk.selected_key()
    qtbot.keyClick(desk.table, Qt.Key.Key_F11)
    assert not desk.queue.isVisible()
    qtbot.waitUntil(lambda: desk.viewer.width() > viewer_width + 100)
    assert desk.focus_mode_action.isChecked()
    # J still moves to the next item with the queue hidden.
    qtbot.keyClick(desk.viewer.view, Qt.Key.Key_J)
    assert desk.selected_key() != first
    desk.close()

    again = open_desk(qtbot, make_context(journal, sync, tmp_path))
    try:
        assert not again.queue.isVisible() and again.focus_mode_action.isChecked()
        # Ctrl+F searches the queue: it shows again, the search box takes the keys.
        again.activateWindow()
        again.viewer.view.setFocus()
        qtbot.keyClick(again.viewer.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert again.queue.isVisible() and again.search.hasFocus()
        assert not again.focus_mode_action.isChecked()
        again.focus_mode_action.trigger()  # the viewer's tool button, or F11 again
        assert again.queue.isHidden()
    finally:
        again.close()


def test_a_two_page_pdf_opens_at_its_width_from_its_top(
    qtbot: QtBot, sync: Sync, shared_engine: Engine, desk_factory: Callable[[Sync | None], MainWindow]
) -> None:
    post_id = add_post(shared_engine, [("post_attachment", pdf_bytes(2), "application/pdf", "戶口名簿.pdf")])
    sync.pull()
    desk = desk_factory(sync)
    go_to(qtbot, desk, ("post", post_id))
    view = desk.viewer.view
    qtbot.waitUntil(lambda: view.has_image() and idle(desk))
    page_width = view.image_size()[0] * view.transform().m11()
    assert page_width >= view.viewport().width() - 12  # across the whole view, not a thumbnail in it
    assert view.verticalScrollBar().value() == view.verticalScrollBar().minimum()  # its heading shows
    assert desk.viewer.zoom_label.text() == f"{view.zoom() * 100:.0f}%"


def test_zoom_and_rotate_are_off_without_a_picture(qtbot: QtBot, desk: MainWindow) -> None:
    viewer = desk.viewer
    qtbot.waitUntil(lambda: viewer.view.has_image() or not viewer.thumbnails.rowCount())
    viewer.show_item(None)
    tools = (viewer.zoom_in_action, viewer.zoom_out_action, viewer.fit_action, viewer.rotate_right_action)
    assert not any(action.isEnabled() for action in tools)
    desk.show_selected()
    qtbot.waitUntil(lambda: viewer.view.has_image())
    assert all(action.isEnabled() for action in tools)


def test_thumbnail_captions_fit_their_cells(qtbot: QtBot, desk: MainWindow) -> None:
    """A portrait photo's thumbnail was drawn at its own 84×112 pixels over a 64-pixel icon, pushing
    its caption (申請人正面清晰照片) out of the strip; every caption fits its cell whole."""
    key = next(
        r.key
        for r in proxy_rows(desk)
        if r.kind == "application" and len(desk.detail_of(r.key).snapshot.documents) == 3  # type: ignore[union-attr]
    )
    go_to(qtbot, desk, key)
    viewer, strip = desk.viewer, desk.viewer.strip
    model = viewer.thumbnails
    qtbot.waitUntil(lambda: all(model.shown_at(r) is not None for r in range(model.rowCount())))
    qtbot.waitUntil(lambda: idle(desk))
    grid, icon = strip.gridSize(), strip.iconSize()
    metrics = strip.fontMetrics()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        drawn = decoration.actualSize(icon) if isinstance(decoration, QIcon) else decoration.size()
        assert drawn.height() <= icon.height() and drawn.width() <= icon.width(), (row, drawn)
        caption = metrics.boundingRect(
            QRect(0, 0, grid.width() - 8, 1000), int(Qt.TextFlag.TextWordWrap), index.data()
        )
        assert icon.height() + caption.height() + 6 <= grid.height(), (row, index.data())
