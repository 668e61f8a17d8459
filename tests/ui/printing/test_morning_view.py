"""The counsellor's morning (今日工作): what to print, what to hand over by housing unit in walking
order, what is held back and why; and the hand-over sheets, one page per unit, from there."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reviewer_app.journal.print_records import unit_of
from reviewer_app.qt import QTreeWidget, QTreeWidgetItem
from reviewer_app.ui.printing.print_view import PrintView
from tests.printing import pdfread
from tests.ui.printing.checks import settle
from tests.ui.printing.test_page_code import print_pdf


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]  # type: ignore[misc]


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [item.child(i) for i in range(item.childCount())]  # type: ignore[misc]


def row_text(item: QTreeWidgetItem) -> str:
    return " ".join(item.text(c) for c in range(item.columnCount()))


def test_the_morning_view_shows_the_day_by_unit_in_walking_order(
    qtbot: QtBot, view: PrintView, tmp_path: Path
) -> None:
    posts = view.desk.to_print()
    printed, waiting = posts[:-2], posts[-2:]
    print_pdf(qtbot, view, printed, tmp_path / "今天.pdf")
    sick = printed[0]
    desk = view.desk
    desk.book.record_handover(
        [sick.post_id],
        outcome="undeliverable",
        reason="other",
        note="住院中",
        handed_over_by="黃輔導員",
        handed_over_at=desk.clock(),
        recorded_by=desk.username,
        workstation=desk.workstation,
        now=desk.clock(),
    )
    view.refresh()
    settle(qtbot, view)

    view.morning_action.trigger()
    morning = view.morning_dialog
    assert morning is not None and morning.isVisible()

    # To print: by unit, each unit's posts counted.
    units = top_items(morning.to_print_tree)
    assert [u.data(0, 256) for u in units] == list(dict.fromkeys(unit_of(p.housing_unit) for p in waiting))
    assert sum(len(children(u)) for u in units) == len({p.inmate.id for p in waiting})

    # To hand over: by unit in walking order, an inmate a row, the sick one not among them.
    to_hand = [p for p in printed if p.inmate.id != sick.inmate.id]
    units = top_items(morning.hand_over_tree)
    assert [u.data(0, 256) for u in units] == list(dict.fromkeys(unit_of(p.housing_unit) for p in to_hand))
    rows = [row_text(r) for u in units for r in children(u)]
    expected = list(dict.fromkeys(f"{p.inmate.call_number} {p.inmate.name}" for p in to_hand))
    assert [next(i for i, r in enumerate(rows) if e in r) for e in expected] == list(range(len(expected)))

    # Held back, and why.
    held = [row_text(i) for i in top_items(morning.held_tree)]
    assert len(held) == 1 and sick.inmate.call_number in held[0] and "住院中" in held[0]

    # The hand-over sheets of the units, one page each.
    out = tmp_path / "簽收單.pdf"
    with qtbot.waitSignal(view.exported, timeout=60_000):
        morning.write_sheets(out)
    assert pdfread.pages(out) == len(units)
    if shots := __import__("os").environ.get("REVIEWER_SHOTS"):
        morning.grab().save(str(Path(shots) / "morning_view.png"))
