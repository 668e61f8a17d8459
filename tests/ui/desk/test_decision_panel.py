"""DecisionPanel on real pulled items: header, content, documents, findings, standing, history."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.core.vocabulary import RELATIONSHIPS
from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QLabel, Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.desk.decision_panel import DecisionPanel
from reviewer_app.ui.desk.desk_data import DeskData, ItemDetail
from tests.ui.conftest import desk_data

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def data(sync: Sync, journal: Journal) -> DeskData:
    sync.pull()
    return desk_data(journal)


@pytest.fixture
def panel(qtbot: QtBot) -> DecisionPanel:
    p = DecisionPanel()
    qtbot.addWidget(p)
    p.resize(620, 900)
    return p


def texts(panel: DecisionPanel) -> list[str]:
    return [label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)]


def first(data: DeskData, kind: str, blocked: bool | None = None, held: bool = False) -> ItemDetail:
    return next(
        d
        for d in sorted(data.details.values(), key=lambda d: d.key)
        if d.kind == kind
        and (d.local_status == "held") == held
        and (blocked is None or bool(d.blocking) == blocked)
    )


def test_nothing_selected(panel: DecisionPanel) -> None:
    panel.show_detail(None)
    assert not panel.approve_button.isEnabled()
    assert not panel.reject_button.isEnabled()
    assert "請從審核清單選擇要審核的案件。" in texts(panel)


def test_post_with_a_blocking_finding(panel: DecisionPanel, data: DeskData) -> None:
    detail = next(d for d in data.details.values() if [f.rule_id for f in d.blocking] == ["P4"])
    panel.show_detail(detail)
    shown = texts(panel)
    snap = detail.snapshot
    assert f"家庭聯絡簿　#{detail.item_id}" in shown
    assert f"{snap.applicant.name}（{snap.applicant.national_id_masked}）" in shown
    assert RELATIONSHIPS[snap.relationship] in shown
    inmate = snap.inmate
    assert f"呼號 {inmate.call_number}　{inmate.name}（{inmate.housing_unit}）" in shown
    assert snap.body in shown
    assert f"{len(snap.body)}/100 字" in shown
    blocking = [t for t in shown if t.startswith("【未符合】P4")]
    assert len(blocking) == 1
    assert any(t.startswith("【提醒】P2") for t in shown)
    assert not panel.approve_button.isEnabled()
    assert "P4" in panel.approve_button.toolTip()
    assert panel.reject_button.isEnabled()
    assert "Ctrl+R" in panel.reject_button.toolTip()
    assert any(t.startswith("退件累計 ") for t in shown)


def test_family_text_is_never_rich_text(panel: DecisionPanel, data: DeskData) -> None:
    detail = first(data, "post", blocked=False)
    snapshot = replace(detail.snapshot, title="<b>粗體</b>", body="<img src=x>孩子很好")
    panel.show_detail(replace(detail, snapshot=snapshot))
    title = panel.findChild(QLabel, "postTitle")
    body = panel.findChild(QLabel, "postBody")
    assert title is not None and body is not None
    assert title.textFormat() == body.textFormat() == Qt.TextFormat.PlainText
    assert body.text() == "<img src=x>孩子很好"


def test_the_count_shown_is_the_one_the_rule_uses(panel: DecisionPanel, data: DeskData) -> None:
    """A body of 100 characters with a line break sent as CRLF and an emoji of two code points: the
    panel says 100/100, not over the limit, as P4 judges it."""
    detail = first(data, "post", blocked=False)
    body = "想" * 49 + "\r\n" + "念" * 49 + "👍🏻"
    panel.show_detail(replace(detail, snapshot=replace(detail.snapshot, body=body)))
    count = panel.findChild(QLabel, "bodyLength")
    assert count is not None and count.text() == "100/100 字"
    assert count.styleSheet() == ""  # not drawn as a blocking finding


def test_application_content(panel: DecisionPanel, data: DeskData) -> None:
    detail = first(data, "application")
    panel.show_detail(detail)
    shown = texts(panel)
    assert "申請填寫呼號：" in shown
    assert detail.snapshot.call_number_entered in shown
    assert panel.content_box.title() == "服務項目申請內容"
    assert any(t.endswith("歲）") for t in shown), "children's ages"


def test_history_shows_decisions_reasons_and_strikes(panel: DecisionPanel, data: DeskData) -> None:
    """The family at two strikes: earlier posts, their decisions and reasons, which were strikes, "2/3"."""
    panel.set_catalogue(data.catalogue)
    detail = next(d for d in data.details.values() if d.kind == "post" and d.standing.strikes == 2)
    panel.show_detail(detail)
    assert panel.standing_label.text().startswith("退件累計 2/3")
    assert "再以違規退件 1 次將暫停發佈權限" in panel.standing_label.text()
    history = [label for label in panel.history_box.findChildren(QLabel) if label.property("historyKey")]
    entries = [h for h in detail.snapshot.history if (h.kind, h.id) != detail.key]
    assert len(history) == len(entries) > 0
    struck = [label.text() for label in history if "計入退件次數" in label.text()]
    assert len(struck) == 2
    assert all("審核未通過" in text and "原因：P" in text for text in struck)
    assert any("審核通過" in label.text() or "已轉交" in label.text() for label in history)


def test_held_post_says_why_and_shows_the_suspension(panel: DecisionPanel, data: DeskData) -> None:
    detail = first(data, "post", held=True)
    panel.show_detail(detail)
    assert panel.banner.isVisibleTo(panel)
    assert panel.banner.text() == f"暫緩審核：{detail.held_reason}"
    assert panel.standing_label.text().startswith(
        f"退件累計 {detail.standing.strikes}/{detail.standing.strike_threshold}"
    )
    assert "發佈權限暫停至" in panel.standing_label.text()
    history = [t for t in texts(panel) if "審核未通過" in t]
    assert history, "the family's earlier rejected posts are listed"


WESTERN = re.compile(r"(?<!\d)20\d\d/\d\d/\d\d")
ROC = re.compile(r"(?<!\d)1[01]\d/\d\d/\d\d")


def test_roc_years_reach_the_findings_and_the_hold_reason(panel: DecisionPanel, data: DeskData) -> None:
    """With the ROC-year preference on, the rule check's dates and the hold reason are 民國 dates like
    the rest of the panel (never 115/12/01 beside 2026/12/01)."""
    detail = first(data, "post", held=True)  # the suspended family's post: P7 names the days
    panel.set_date_style(DateStyle(roc=True))
    panel.show_detail(detail)
    [p7] = [label.text() for label in panel.findChildren(QLabel) if label.property("ruleId") == "P7"]
    assert ROC.search(p7) and not WESTERN.search(p7), p7
    assert detail.held_reason is not None and WESTERN.search(detail.held_reason)  # the family's words
    assert ROC.search(panel.banner.text()) and not WESTERN.search(panel.banner.text()), panel.banner.text()
    assert ROC.search(panel.standing_label.text()) and not WESTERN.search(panel.standing_label.text())

    panel.set_date_style(DateStyle())
    assert panel.banner.text() == f"暫緩審核：{detail.held_reason}"


def test_the_standing_names_the_suspension_s_last_whole_day(panel: DecisionPanel, data: DeskData) -> None:
    detail = first(data, "post", held=True)
    panel.show_detail(detail)
    [p7] = [f for f in detail.findings if f.code == "P7_SUSPENDED"]
    through = p7.values["through"]
    assert f"發佈權限暫停至 {through:%Y/%m/%d}（含）" in panel.standing_label.text()


def test_busy_disables_both_decisions(panel: DecisionPanel, data: DeskData) -> None:
    panel.show_detail(first(data, "post", blocked=False))
    assert panel.approve_button.isEnabled() and panel.reject_button.isEnabled()
    panel.set_busy(True)
    assert not panel.approve_action.isEnabled() and not panel.reject_action.isEnabled()
    panel.set_busy(False)
    assert panel.approve_action.isEnabled()
