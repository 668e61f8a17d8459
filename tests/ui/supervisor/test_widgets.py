"""The supervisor's widgets, driven like a supervisor would: lift and shorten a suspension, dismiss a
strike (each through its reason dialog), edit the catalogue, browse and filter the audit trail, check
the chain. Database work runs on the shared network workers; the models pass Qt's model tester."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.qt import Qt
from reviewer_app.shared_db.models import AuditEvent, RejectionReason, Suspension
from reviewer_app.supervision.audit_trail import AuditFilter, AuditRow, audit_query
from reviewer_app.supervision.catalogue import reasons
from reviewer_app.supervision.families import families_on_record
from reviewer_app.supervision.strikes import strikes
from reviewer_app.ui.common import executors
from reviewer_app.ui.supervisor import (
    AuditBrowser,
    AuditFilterProxy,
    AuditModel,
    CatalogueEditor,
    CatalogueModel,
    FamiliesPanel,
    SupervisorTools,
)
from reviewer_app.ui.supervisor.common import ROW_ROLE, ReasonDialog
from reviewer_app.ui.supervisor.families_panel import FamilyStrikesModel, FamilySuspensionsModel
from tests import factories
from tests.ui.common.held import held, occupy
from tests.ui.security_world import NOW, World, build

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),  # the offscreen platform says so on every show()
]


@pytest.fixture
def world(sqlite_url: str) -> Iterator[World]:
    w = build(sqlite_url)
    yield w
    w.engine.dispose()


def _clock() -> datetime:
    return NOW


def _show(qtbot: QtBot, widget: FamiliesPanel | CatalogueEditor | AuditBrowser | SupervisorTools) -> None:
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)


def _idle(widget: FamiliesPanel | CatalogueEditor | AuditBrowser) -> bool:
    return not widget.is_busy()


def _answer(qtbot: QtBot, panel: FamiliesPanel, reason: str) -> ReasonDialog:
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # a reason is required
    dialog.reason_edit.setFocus()
    dialog.reason_edit.insert(reason)  # typed (QTest cannot type Chinese: it aborts)
    assert dialog.ok_button.isEnabled()
    return dialog


# ---- models ------------------------------------------------------------------------------------


MODELS = {
    "suspensions": lambda w: (
        FamilySuspensionsModel(),
        list(families_on_record(w.engine, w.supervisor, NOW)[0].suspensions),
    ),
    "strikes": lambda w: (FamilyStrikesModel(), strikes(w.engine, w.supervisor)),
    "catalogue": lambda w: (CatalogueModel(), reasons(w.engine, w.supervisor)),
    "audit": lambda w: (AuditModel(), audit_query(w.engine, w.supervisor, AuditFilter(), NOW)),
}


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_models_pass_the_model_tester(qtmodeltester: ModelTester, world: World, kind: str) -> None:
    model, rows = MODELS[kind](world)
    model.set_rows(rows)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    model.set_rows(rows[:1])
    model.set_rows(rows)


def test_the_filter_proxy_passes_the_model_tester(qtmodeltester: ModelTester, world: World) -> None:
    audit = AuditModel()
    rows = audit_query(world.engine, world.supervisor, AuditFilter(), NOW)
    audit.set_rows(rows)
    proxy = AuditFilterProxy()
    proxy.setSourceModel(audit)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_filter(AuditFilter(staff="rev2"))
    proxy.set_filter(AuditFilter())
    audit.set_rows([])
    audit.set_rows(rows)


def _row(n: int, action: str = "decision", **kw: object) -> AuditRow:
    base = AuditRow(
        n, factories.T0 + timedelta(hours=n), "ttd_rev1", "ws", action, "post", n, None, None, None, None, {}
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_the_filter_proxy_filters_who_what_when_family_inmate(qtmodeltester: ModelTester) -> None:
    model = AuditModel()
    model.set_rows(
        [
            _row(1),
            _row(2, "undo", staff_username="ttd_rev2"),
            _row(3, service_id=7, applicant_name="林美華", inmate_call_number="0042", inmate_name="王大明"),
            _row(4, "suspension_lift", service_id=7, applicant_name="林美華", inmate_call_number="0042"),
        ]
    )
    proxy = AuditFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)

    def shown(flt: AuditFilter) -> list[int]:
        proxy.set_filter(flt)
        return sorted(proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount()))

    assert shown(AuditFilter()) == [1, 2, 3, 4]
    assert shown(AuditFilter(staff="REV2")) == [2]
    assert shown(AuditFilter(action="suspension_lift")) == [4]
    assert shown(
        AuditFilter(since=factories.T0 + timedelta(hours=2), until=factories.T0 + timedelta(hours=4))
    ) == [2, 3]
    assert shown(AuditFilter(family="美華")) == [3, 4]
    assert shown(AuditFilter(family="7")) == [3, 4]
    assert shown(AuditFilter(inmate="0042")) == [3, 4]
    assert shown(AuditFilter(inmate="大明")) == [3]


# ---- suspensions and strikes ---------------------------------------------------------------------


# Lifting and shortening a suspension, and who did it: test_one_families_tab.py; dismissing a strike
# and what it does to a running suspension: test_families_panel.py.


def _family_selected(qtbot: QtBot, world: World) -> FamiliesPanel:
    """The families tab with the facility's one suspended family chosen and its three strikes listed."""
    panel = FamiliesPanel(world.engine, world.supervisor, clock=_clock)
    _show(qtbot, panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.family_model.rowCount() == 1 and _idle(panel))
    panel.family_view.selectRow(0)
    qtbot.waitUntil(lambda: panel.strike_model.rowCount() == 3 and _idle(panel))
    return panel


def test_strikes_show_the_reason_as_the_catalogue_words_it(qtbot: QtBot, world: World) -> None:
    """QA: the 退件原因 column showed internal codes (P4_TOO_LONG); it shows the catalogue's text as
    the family read it, including a supervisor's edit of it, with the facility's numbers filled in."""
    with Session(world.engine) as s:
        reason = s.get(RejectionReason, (world.supervisor.facility_id, "P4_TOO_LONG"))
        assert reason is not None
        reason.text = "內容超過 {body_max_chars} 字上限（主管修改）"
        s.commit()
    panel = _family_selected(qtbot, world)
    assert panel.strike_model.headerData(2, Qt.Orientation.Horizontal) == "退件原因"
    shown = [panel.strike_model.index(row, 2).data() for row in range(3)]
    assert shown == ["內容超過 100 字上限（主管修改）"] * 3


def test_suspensions_and_their_buttons_by_keyboard(qtbot: QtBot, world: World) -> None:
    """QA: Tab went cell by cell round a table (and cleared the selection), so 解除停權…/縮短停權… could
    not be reached without the mouse: from the family, Tab goes table by table, then to the buttons."""
    tools = SupervisorTools(world.engine, world.supervisor, clock=_clock)
    _show(qtbot, tools)
    tools.activateWindow()
    qtbot.waitUntil(tools.isActiveWindow)
    panel = tools.families
    qtbot.waitUntil(lambda: panel.family_model.rowCount() == 1 and _idle(panel))
    panel.family_view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(panel.family_view.hasFocus)
    qtbot.keyClick(panel.family_view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.selected_family() is not None)
    qtbot.waitUntil(lambda: panel.strike_model.rowCount() == 3 and _idle(panel))
    qtbot.waitUntil(lambda: panel.selected_suspension() is not None)
    for table in (panel.family_view, panel.suspension_view):
        qtbot.keyClick(table, Qt.Key.Key_Tab)  # leaves the table, keeping the selection
    qtbot.waitUntil(panel.strike_view.hasFocus)
    assert panel.selected_suspension() is not None
    qtbot.keyClick(panel.strike_view, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.lift_button.hasFocus)
    qtbot.keyClick(panel.lift_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    lift = panel.dialog
    assert lift is not None and lift.date_edit is None
    lift.reject()
    qtbot.waitUntil(lambda: not lift.isVisible())
    panel.lift_button.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(panel.lift_button.hasFocus)
    qtbot.keyClick(panel.lift_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.shorten_button.hasFocus)
    qtbot.keyClick(panel.shorten_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: panel.dialog is not lift and panel.dialog is not None and panel.dialog.isVisible()
    )
    assert panel.dialog is not None and panel.dialog.date_edit is not None  # the shorten dialog
    panel.dialog.reject()


# ---- the catalogue -------------------------------------------------------------------------------


def _save_confirmed(qtbot: QtBot, editor: CatalogueEditor) -> None:
    """Save, and say yes to the summary of what changes."""
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.confirm_dialog is not None and editor.confirm_dialog.isVisible())
    assert editor.confirm_dialog is not None
    editor.confirm_dialog.accept()


def test_edit_a_reason_and_add_one(qtbot: QtBot, world: World) -> None:
    editor = CatalogueEditor(world.engine, world.supervisor, clock=_clock)
    _show(qtbot, editor)
    editor.refresh()
    qtbot.waitUntil(lambda: editor.model.rowCount() >= 10 and _idle(editor))
    assert not editor.save_button.isEnabled()
    row = next(n for n, r in enumerate(editor.model.rows()) if r.code == "P4_TOO_LONG")
    editor.view.selectRow(row)
    assert editor.code_edit.text() == "P4_TOO_LONG" and not editor.code_edit.isEnabled()
    editor.suggestion_edit.setPlainText("請將內文刪減至 100 字以內後重新發佈。")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        _save_confirmed(qtbot, editor)
    qtbot.waitUntil(lambda: _idle(editor) and editor.code_edit.text() == "P4_TOO_LONG")

    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.code_edit.isEnabled() and editor.code_edit.text() == ""
    qtbot.keyClicks(editor.code_edit, "P2_ADS")
    editor.text_edit.setPlainText("內容含商業廣告。")
    editor.suggestion_edit.setPlainText("請刪除廣告內容後重新發佈。")
    editor.strike_box.setChecked(True)
    editor.applies_combo.setCurrentIndex(editor.applies_combo.findData("application"))
    with qtbot.waitSignal(editor.failed, timeout=10_000):  # an application reason is never a strike
        _save_confirmed(qtbot, editor)
    assert "P7" in editor.message_label.text()
    editor.applies_combo.setCurrentIndex(editor.applies_combo.findData("post"))
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        _save_confirmed(qtbot, editor)
    qtbot.waitUntil(lambda: _idle(editor) and editor.code_edit.text() == "P2_ADS")

    with Session(world.engine) as s:
        p4 = s.get(RejectionReason, (world.supervisor.facility_id, "P4_TOO_LONG"))
        ads = s.get(RejectionReason, (world.supervisor.facility_id, "P2_ADS"))
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.action.like("reason_%"))))
    assert p4 is not None and p4.suggestion.startswith("請將內文刪減")
    assert ads is not None and ads.counts_as_strike and ads.applies_to == "post"
    assert sorted(actions) == ["reason_create", "reason_update"]


def test_the_editor_edits_the_template_and_shows_what_the_facilitys_families_read(
    qtbot: QtBot, world: World
) -> None:
    """R9/R11: a facility with a 7-day window. The list and the preview show the reason as its families
    read it (每 7 日); the form edits the template ({window_days}), and a hint says what each
    placeholder stands for."""
    with world.engine.begin() as conn:
        conn.execute(
            text("UPDATE facilities SET post_window_days = 7 WHERE id = :f"), {"f": world.facility_id}
        )
    editor = CatalogueEditor(world.engine, world.supervisor, clock=_clock)
    _show(qtbot, editor)
    editor.refresh()
    qtbot.waitUntil(lambda: editor.model.rowCount() >= 10 and _idle(editor))
    row = next(n for n, r in enumerate(editor.model.rows()) if r.code == "P3_WINDOW")
    shown = editor.model.index(row, 6).data()
    assert editor.model.headerData(6, Qt.Orientation.Horizontal) == "家屬看到的原因"
    assert "每 7 日限發佈 1 次" in shown and "{" not in shown

    editor.view.selectRow(row)
    assert "{window_days}" in editor.text_edit.toPlainText()  # the template is what is edited
    assert "每 7 日限發佈 1 次" in editor.family_reads.text()
    assert "{window_days}" in editor.placeholder_hint.text() and "7" in editor.placeholder_hint.text()
    editor.text_edit.setPlainText("本所規定每 {window_days} 日發佈一次，{不是數字}。")
    assert "本所規定每 7 日發佈一次，{不是數字}。" in editor.family_reads.text()


# ---- the audit trail -----------------------------------------------------------------------------


def test_browse_filter_and_verify_the_audit_trail(qtbot: QtBot, world: World) -> None:
    browser = AuditBrowser(world.engine, world.supervisor, clock=_clock)
    _show(qtbot, browser)
    with qtbot.waitSignal(browser.loaded, timeout=10_000) as loaded:
        browser.refresh()
    assert loaded.args[0] >= 4
    qtbot.keyClicks(browser.staff_edit, "rev2")
    assert browser.proxy.rowCount() == 2
    browser.staff_edit.clear()
    browser.action_combo.setCurrentIndex(browser.action_combo.findData("claim_release"))
    assert browser.proxy.rowCount() == 2
    browser.action_combo.setCurrentIndex(0)
    qtbot.keyClicks(browser.inmate_edit, world.call_number)
    assert browser.proxy.rowCount() == 1
    assert browser.proxy.index(0, 5).data() == world.applicant_name
    browser.inmate_edit.clear()
    browser.family_edit.insert(world.applicant_name)
    with qtbot.waitSignal(browser.loaded, timeout=10_000) as filtered:  # the same filter, on the server
        qtbot.keyClick(browser.family_edit, Qt.Key.Key_Return)
    assert filtered.args[0] == 1
    assert "顯示 1 / 已載入 1 筆" in browser.status_label.text()

    with qtbot.waitSignal(browser.verified, timeout=10_000) as verified:
        qtbot.mouseClick(browser.verify_button, Qt.MouseButton.LeftButton)
    assert verified.args[0].ok and "稽核鏈完整" in browser.status_label.text()

    with world.engine.begin() as conn:  # someone with the file edits an event behind the app's back
        conn.execute(text("DROP TRIGGER audit_events_no_update"))
        conn.execute(text("UPDATE audit_events SET staff_username = 'nobody' WHERE action = 'claim_release'"))
    with qtbot.waitSignal(browser.verified, timeout=10_000) as verified:
        qtbot.mouseClick(browser.verify_button, Qt.MouseButton.LeftButton)
    assert not verified.args[0].ok and "稽核鏈斷裂" in browser.status_label.text()
    with Session(world.engine) as s:
        views = s.scalars(select(AuditEvent).where(AuditEvent.action == "audit_view")).all()
    assert len(views) == 2 and views[-1].detail["filter"] == {"family": world.applicant_name}


def test_the_tools_in_tabs_load_each_tab_when_shown(qtbot: QtBot, world: World) -> None:
    tools = SupervisorTools(world.engine, world.supervisor, clock=_clock)
    _show(qtbot, tools)
    qtbot.waitUntil(lambda: tools.families.family_model.rowCount() == 1 and not tools.is_busy())
    assert tools.catalogue.model.rowCount() == 0  # not loaded until its tab is shown
    tools.setCurrentWidget(tools.catalogue)
    qtbot.waitUntil(lambda: tools.catalogue.model.rowCount() >= 10 and not tools.is_busy())
    tools.setCurrentWidget(tools.audit)
    qtbot.waitUntil(lambda: tools.audit.model.rowCount() >= 4 and not tools.is_busy())


# ---- closing and hearing each other's saves ------------------------------------------------------


def test_closing_the_tools_returns_at_once_and_a_lift_still_running_is_saved(
    qtbot: QtBot, world: World
) -> None:
    """The supervisor lifts a suspension and closes the window while the shared database is slow (a
    read held half-way, the other worker busy too): the window goes at once, and the lift, still
    waiting for a worker, is saved in the background all the same."""
    tools = SupervisorTools(world.engine, world.supervisor, clock=_clock)
    _show(qtbot, tools)
    panel = tools.families
    qtbot.waitUntil(lambda: panel.family_model.rowCount() == 1 and not tools.is_busy())
    release = occupy(executors.network())  # one of its two workers
    with held(world.engine, r"FROM suspensions") as gate:
        panel.refresh()
        assert gate.reached.wait(10)
        panel.lift(world.suspension_id, "家屬來電說明")  # waits for a worker
        started = time.monotonic()
        tools.close()
        closed_in = time.monotonic() - started
        release.set()
    assert executors.network().wait(10_000)  # what run_desk does at process exit
    assert closed_in < 1.0
    with Session(world.engine) as s:
        sus = s.get(Suspension, world.suspension_id)
        assert sus is not None and sus.lift_reason == "家屬來電說明"


def test_a_strike_dismissed_in_one_panel_shows_in_another_open_one(qtbot: QtBot, world: World) -> None:
    first = _family_selected(qtbot, world)
    second = _family_selected(qtbot, world)
    strike = second.strike_model.rows()[1]
    family = first.selected_family()
    assert family is not None
    with qtbot.waitSignal(first.changed, timeout=10_000):
        first.dismiss(family, strike.id, "內容其實符合規定")
    qtbot.waitUntil(
        lambda: _idle(second) and any(r.dismissed_at for r in second.strike_model.rows()), timeout=10_000
    )
    assert [r.id for r in second.strike_model.rows() if r.dismissed_at] == [strike.id]
