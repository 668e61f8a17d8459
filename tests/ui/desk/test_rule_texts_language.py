"""The English desk words rule findings in English: no Chinese rule text, the family's message labelled."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.core.reasons import DEFAULT_REASONS
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QApplication, QLabel, Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.desk.decision_panel import DecisionPanel
from reviewer_app.ui.desk.desk_data import DeskData, ItemDetail
from reviewer_app.ui.desk.reject_dialog import RejectDialog
from reviewer_app.ui.queue.model import QueueModel
from reviewer_app.ui.queue.rows import Column
from tests.ui.conftest import desk_data

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert apply_language(qapp, "en")
    try:
        yield
    finally:
        assert apply_language(qapp, "zh_TW")


@pytest.fixture
def data(english: None, sync: Sync, journal: Journal) -> DeskData:
    """The desk's data as an English desk loads it (the queue's rows are worded while loading)."""
    sync.pull()
    return desk_data(journal)


def too_long_post(data: DeskData) -> ItemDetail:
    return next(d for d in data.details.values() if "P4" in [f.rule_id for f in d.blocking])


def test_the_decision_panel_words_findings_in_english(qtbot: QtBot, data: DeskData) -> None:
    panel = DecisionPanel()
    qtbot.addWidget(panel)
    detail = too_long_post(data)
    panel.show_detail(detail)
    findings = [label.text() for label in panel.findChildren(QLabel) if label.property("ruleId")]
    assert len(findings) == len(detail.findings) >= 2
    [p4] = [t for t in findings if " P4 " in t]
    assert re.fullmatch(r"\[Not met\] P4  The body has \d+ characters, over the limit of 100", p4), p4
    assert not [t for t in findings if CJK.search(t)]


def test_the_queue_flag_tooltip_is_english(data: DeskData) -> None:
    model = QueueModel()
    model.set_rows(list(data.rows))
    row = next(r for r, q in enumerate(data.rows) if "P4" in q.blocking_rules and not q.held_reason)
    tooltip = model.index(row, Column.RULES).data(Qt.ItemDataRole.ToolTipRole)
    assert "P4　The body has" in tooltip
    assert not CJK.search(tooltip.replace("　", " ")), tooltip


def test_a_family_s_held_message_is_labelled_on_the_english_desk(qtbot: QtBot, data: DeskData) -> None:
    held = [d for d in data.details.values() if d.held_reason]
    assert held, "the demo seed holds items with a stored reason (a suspended family's posts)"
    panel = DecisionPanel()
    qtbot.addWidget(panel)
    panel.show_detail(held[0])
    assert panel.banner.text().startswith("On hold: Message to the family (zh-TW): ")
    assert held[0].held_reason in panel.banner.text()


def test_the_reject_dialog_labels_the_family_s_message_as_zh_tw(qtbot: QtBot, english: None) -> None:
    dialog = RejectDialog("post", 7, DEFAULT_REASONS, suggested_codes=["P4_TOO_LONG"])
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Message to the family (zh-TW), as the [Not approved] dialog on the portal shows it:" in labels
    # The reasons are listed in the family's words (the facility's catalogue, zh-TW): said so in English.
    assert any(label.startswith("Tick the reasons") and "(zh-TW)" in label for label in labels), labels
    dialog.reason_model.item(0).setCheckState(Qt.CheckState.Checked)
    assert CJK.search(dialog.preview.text()), dialog.preview.text()  # the family's words stay Chinese
