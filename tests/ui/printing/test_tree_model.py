"""The counsellor's tree: housing unit → inmate → post with check boxes; it passes Qt's model tester."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from sqlalchemy import Engine

from reviewer_app.qt import Qt
from reviewer_app.ui.printing.print_view import PrintView
from reviewer_app.ui.printing.tree_model import PrintQueueModel
from tests.ui.printing.checks import approved_ids


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester, view: PrintView) -> None:
    model = PrintQueueModel()
    model.set_posts(view.desk.queue())
    qtmodeltester.check(model)
    model.check_all(True)
    qtmodeltester.check(model, force_py=True)


def test_posts_are_grouped_by_housing_unit_and_inmate(view: PrintView, shared_engine: Engine) -> None:
    model = view.model
    ids = approved_ids(shared_engine)
    assert sorted(model.checked_ids() + [p.post_id for p in model.posts()]) == sorted(ids)
    units = [model.index(r, 0) for r in range(model.rowCount())]
    assert all(str(model.data(u)).endswith("則）") for u in units)  # 忠舍（1 則）
    for unit in units:
        for r in range(model.rowCount(unit)):
            inmate = model.index(r, 0, unit)
            post = model.index(0, 0, inmate)
            assert model.post_at(post) is not None
            assert str(model.data(inmate)).startswith(model.post_at(post).call_number)  # type: ignore[union-attr]
            assert model.data(post.siblingAtColumn(1)) == "審核通過"
    # Ticking a unit ticks everything below it; unticking one post leaves the unit partly ticked.
    unit = units[0]
    assert model.setData(unit, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    below = [model.post_at(model.index(0, 0, model.index(r, 0, unit))) for r in range(model.rowCount(unit))]
    assert sorted(model.checked_ids()) == sorted(p.post_id for p in below if p)
    inmate = model.index(0, 0, unit)
    model.setData(model.index(0, 0, inmate), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    expected = Qt.CheckState.PartiallyChecked if len(below) > 1 else Qt.CheckState.Unchecked
    assert model.data(unit, Qt.ItemDataRole.CheckStateRole) == expected


def test_a_posts_tooltip_shows_the_familys_title_and_message_as_written(view: PrintView) -> None:
    """#19: a title or message written like HTML is shown as written, not rendered."""
    from dataclasses import replace

    from tests.ui.common.test_plain_tooltips import what_qt_shows

    post = view.desk.queue()[0]
    written = replace(post.snapshot, title="<b>得獎</b>", body='<img src="x"> 爸爸加油')
    hostile = replace(post, snapshot=written)
    model = PrintQueueModel()
    model.set_posts([hostile])
    unit = model.index(0, 0)
    item = model.index(0, 0, model.index(0, 0, unit))
    tip = what_qt_shows(model.data(item, Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith('<b>得獎</b>\n<img src="x"> 爸爸加油')
