"""The desk's smaller troubles from the office walkthrough (#20 item 11, the desk and viewer's part):
the rule check's suggestion ticked, no "—" that reads as 一, the suspension warning a box one cannot
miss, the post whose rejection suspended the family shown as rejected (not as held by it), "loading"
until the first pull has answered, file types in words offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.core.items import DocumentRef
from reviewer_app.core.reasons import DEFAULT_REASONS, reasons_for
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QLabel, Qt, QTimer
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import words
from reviewer_app.ui.desk.main_window import MainWindow
from reviewer_app.ui.desk.reject_dialog import RejectDialog
from reviewer_app.ui.viewer.metadata_panel import MetadataPanel
from tests.ui.conftest import go_to, idle, make_context, proxy_rows

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]
CTRL = Qt.KeyboardModifier.ControlModifier


def open_reject_dialog(qtbot: QtBot, desk: MainWindow) -> RejectDialog:
    qtbot.keyClick(desk.table, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: desk.reject_dialog is not None and desk.reject_dialog.isVisible())
    dialog = desk.reject_dialog
    assert isinstance(dialog, RejectDialog)
    return dialog


def shown_texts(widget: QLabel | MainWindow) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def test_a_post_that_meets_every_rule_opens_the_reject_dialog_with_the_content_reason_ticked(
    qtbot: QtBot, desk: MainWindow
) -> None:
    """Its rule check says only 【提醒】P2 (content is the reviewer's judgement): that is the reason."""
    target = next(r for r in proxy_rows(desk) if r.kind == "post" and r.status == "pending" and not r.flags)
    go_to(qtbot, desk, target.key)
    dialog = open_reject_dialog(qtbot, desk)
    assert dialog.chosen_codes() == ["P2_CONTENT"]
    assert dialog.ok_button.isEnabled()
    dialog.reject()


def test_a_post_inside_a_waiting_posts_window_gets_no_p3_ticked(qtbot: QtBot) -> None:
    """R1: P3 for a window never used is refused by the journal; a held P3 finding suggests nothing."""
    from reviewer_app.core.rules import Finding

    waiting = Finding("P3", True, "P3_WAIT", {}, held=True)
    dialog = RejectDialog("post", 1, DEFAULT_REASONS, findings=[waiting])
    qtbot.addWidget(dialog)
    assert "P3_WINDOW" not in dialog.chosen_codes()


def test_reasons_without_a_rule_are_not_marked_with_a_dash(qtbot: QtBot) -> None:
    dialog = RejectDialog("post", 1, DEFAULT_REASONS)
    qtbot.addWidget(dialog)
    uncoded = [r for r in reasons_for("post", DEFAULT_REASONS) if not r.rule_id]
    assert uncoded, "the catalogue has reasons without a rule"
    texts = [dialog.reason_model.item(row).text() for row in range(dialog.reason_model.rowCount())]
    assert not [t for t in texts if t.startswith(("—", "一", "-"))]
    assert any(t.startswith(uncoded[0].text) for t in texts)


def test_the_suspension_warning_is_a_box_above_the_family_s_message(qtbot: QtBot, desk: MainWindow) -> None:
    """A family at 2 of 3 strikes: the warning that this rejection suspends its posting is a box with a
    warning sign, before the family's message, not a line of text under the remark."""
    target = next(
        r.key
        for r in proxy_rows(desk)
        if r.status == "pending"
        and any(f.code == "P7_LAST_STRIKE" for f in desk.detail_of(r.key).findings)  # type: ignore[union-attr]
    )
    go_to(qtbot, desk, target)
    dialog = open_reject_dialog(qtbot, desk)
    assert dialog.suspends([r for r in DEFAULT_REASONS if r.code in dialog.chosen_codes()])
    box, icon = dialog.strike_box, dialog.suspension_icon
    assert icon.isVisible() and not icon.pixmap().isNull()
    assert "background" in box.styleSheet() and box.isAncestorOf(dialog.strike_label)
    assert "暫停 1 個月" in dialog.strike_label.text()
    top = box.mapTo(dialog, box.rect().topLeft()).y()
    assert top < dialog.preview.mapTo(dialog, dialog.preview.rect().topLeft()).y()
    dialog.set_checked(dialog.chosen_codes()[0], False)
    dialog.set_checked("E3_RESTRICTED")  # not the family's fault: no strike, no suspension
    assert not icon.isVisible() and "background" not in box.styleSheet()
    dialog.reject()


def test_the_post_whose_rejection_suspended_the_family_is_shown_as_rejected(
    qtbot: QtBot, desk: MainWindow, journal: Journal
) -> None:
    target = next(
        r.key
        for r in proxy_rows(desk)
        if r.status == "pending"
        and any(f.code == "P7_LAST_STRIKE" for f in desk.detail_of(r.key).findings)  # type: ignore[union-attr]
    )
    go_to(qtbot, desk, target)
    dialog = open_reject_dialog(qtbot, desk)
    qtbot.keyClick(dialog.reason_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.item_id == target[1] for d in journal.decisions(("pending",))))
    qtbot.waitUntil(lambda: idle(desk))
    desk.select_key(target)
    qtbot.waitUntil(lambda: (d := desk.panel.detail()) is not None and d.key == target and not d.decidable)
    qtbot.waitUntil(lambda: any(t.startswith("【本則退件】P7") for t in shown_texts(desk.panel)))
    shown = shown_texts(desk.panel)
    assert not [t for t in shown if t.startswith("【暫緩審核】")], shown
    assert any(t.startswith("【本則退件】P7") and "暫停至" in t for t in shown), shown


def test_the_status_bar_says_loading_until_the_first_pull_has_answered(
    qtbot: QtBot, journal: Journal, sync: Sync, tmp_path: Path
) -> None:
    """A desk on an empty journal: never "已認領 0 件" while its first sync is still claiming items."""
    window = MainWindow(make_context(journal, sync, tmp_path))
    qtbot.addWidget(window)
    seen: list[str] = []
    watch = QTimer()
    watch.setInterval(0)  # every turn of the event loop: whatever could have been painted
    watch.timeout.connect(lambda: seen.append(window.claimed_label.text()))
    watch.start()
    seen.append(window.claimed_label.text())
    window.show()
    qtbot.waitUntil(lambda: idle(window) and window.model.rowCount() > 0)
    watch.stop()
    window.close()
    assert seen[0] == "載入中…"
    assert not [t for t in seen if t.startswith("已認領 0 件")], sorted(set(seen))
    assert seen[-1].startswith("已認領 16 件")


def test_an_offline_document_s_type_is_named_in_words(qtbot: QtBot) -> None:
    panel = MetadataPanel()
    qtbot.addWidget(panel)
    for declared, named in (("image/jpeg", "JPEG"), ("image/pjpeg", "JPEG"), ("IMAGE/PNG", "PNG"),
                            ("application/pdf", "PDF"), ("application/x-unknown", "application/x-unknown")):
        doc = DocumentRef(1, "post_photo", "a.jpg", declared, 2048, "0" * 64)
        panel.show_document(None, doc)
        assert panel.type_label.text() == named
        assert words.file_type(declared) == named
