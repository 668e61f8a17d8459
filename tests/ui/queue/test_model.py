"""QueueModel and QueueFilter: model-tester clean, raw-value sorting, kind and text filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reviewer_app.journal.journal import Journal
from reviewer_app.qt import QBrush, Qt
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.desk.desk_data import load_desk
from reviewer_app.ui.queue.filter import ANY_FLAG, NO_FLAG, QueueFilter
from reviewer_app.ui.queue.model import OVERDUE_COLOUR, SORT_ROLE, QueueModel
from reviewer_app.ui.queue.rows import Column, QueueRow
from reviewer_app.ui.queue.texts import waiting_text
from tests.ui.conftest import desk_data

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

NOW = datetime(2025, 3, 10, 4, 0, tzinfo=UTC)  # 12:00 in Taipei


def make_row(
    item_id: int,
    kind: str = "post",
    hours: float = 1,
    rules: tuple[str, ...] = (),
    status: str = "pending",
    name: str = "陳雅婷",
    call_number: str = "0317",
    title: str = "",
) -> QueueRow:
    waited = int(hours * 3600)
    return QueueRow(
        kind=kind,
        item_id=item_id,
        family_name=name,
        family_id_masked="A22****789",
        inmate_call_number=call_number,
        inmate_name="林建宏",
        submitted_at=NOW - timedelta(seconds=waited),
        waited_seconds=waited,
        late_before=NOW - timedelta(hours=72),  # the service clock's line, as a pull would store it
        target_working_days=3,
        blocking_rules=rules,
        finding_messages=tuple(f"{r}　問題" for r in rules),
        status=status,
        held_reason="家屬發佈權限暫停至 2025/04/01（P7）" if status == "held" else None,
        title=title,
    )


ROWS = [
    make_row(1, "application", hours=100, rules=("E5",), name="黃淑芬", call_number="1024"),
    make_row(2, "post", hours=9, rules=("P4", "P5"), title="孩子的作文得獎了"),
    make_row(3, "post", hours=10, status="held", name="王美玲", call_number="2048"),
    make_row(4, "application", hours=0.5, status="decided", name="張志豪", call_number="0099"),
    make_row(5, "post", hours=30, name="李佳蓉", call_number="3001"),
]


@pytest.fixture
def model() -> QueueModel:
    m = QueueModel()
    m.set_rows(ROWS)
    return m


def proxy_column(proxy: QueueFilter, column: Column) -> list[str]:
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, model: QueueModel) -> None:
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    model.set_rows(ROWS[:2])
    model.set_status(("post", 2), "decided")
    model.set_rows([])
    model.set_rows(ROWS)


def test_proxy_passes_the_model_tester(qtmodeltester: ModelTester, model: QueueModel) -> None:
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.WAITING, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_kind("post")
    proxy.set_text("王美玲")
    proxy.set_text("")
    proxy.set_kind(None)
    model.set_rows(ROWS[1:])
    model.set_status(("post", 5), "decided")


def test_display_values(model: QueueModel) -> None:
    row = 0  # the application, waited 100 h
    cells = [model.index(row, c).data() for c in Column]
    assert cells == [
        "服務項目申請",
        "黃淑芬 A22****789",
        "1024 林建宏",
        "2025/03/06 08:00",  # Asia/Taipei
        "4 天 4 小時",
        "E5",
        "",  # no claim holder given
        "審核中",
    ]
    assert model.index(1, Column.RULES).data() == "P4 P5"
    assert model.index(2, Column.STATUS).data() == "暫緩審核"
    assert model.index(3, Column.STATUS).data() == "已決定待同步"
    assert model.index(2, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole) == ROWS[2].held_reason
    assert "P4　問題" in model.index(1, Column.RULES).data(Qt.ItemDataRole.ToolTipRole)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "類別",
        "家屬",
        "收容人",
        "送件時間",
        "等候",
        "規則提示",
        "認領",
        "狀態",
    ]


def test_overdue_items_are_coloured(model: QueueModel) -> None:
    overdue = model.index(0, Column.WAITING).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(overdue, QBrush) and overdue.color() == OVERDUE_COLOUR
    assert model.index(0, Column.FAMILY).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(4, Column.WAITING).data(Qt.ItemDataRole.BackgroundRole) is None  # 30 h < 72 h


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 分鐘"),
        (45 * 60, "45 分鐘"),
        (5 * 3600, "5 小時"),
        (48 * 3600, "2 天"),
        (74 * 3600, "3 天 2 小時"),
    ],
)
def test_waiting_text(seconds: int, text: str) -> None:
    assert waiting_text(seconds) == text


def test_sorting_uses_raw_values(model: QueueModel) -> None:
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.WAITING, Qt.SortOrder.AscendingOrder)
    # As text "10 小時" < "30 小時" < "4 天…" < "9 小時"; as hours 0.5 < 9 < 10 < 30 < 100.
    assert proxy_column(proxy, Column.WAITING) == [
        "30 分鐘",
        "9 小時",
        "10 小時",
        "1 天 6 小時",
        "4 天 4 小時",
    ]
    proxy.sort(Column.SUBMITTED, Qt.SortOrder.AscendingOrder)
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [1, 5, 3, 2, 4]  # type: ignore[union-attr]
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert proxy_column(proxy, Column.STATUS)[-1] == "已決定待同步"
    assert model.index(0, Column.SUBMITTED).data(SORT_ROLE) == ROWS[0].submitted_at.timestamp()


def test_filter_by_kind_and_text(model: QueueModel) -> None:
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.set_kind("application")
    assert {proxy.row_for(r).kind for r in range(proxy.rowCount())} == {"application"}  # type: ignore[union-attr]
    proxy.set_kind(None)
    proxy.set_text("王美玲")
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [3]  # type: ignore[union-attr]
    proxy.set_text("p5")  # rule ids, case-insensitive
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [2]  # type: ignore[union-attr]
    proxy.set_text("作文")  # the post title is searchable too
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [2]  # type: ignore[union-attr]
    proxy.set_text("暫緩審核 2048")  # every word must match, in any column
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [3]  # type: ignore[union-attr]
    proxy.set_kind("application")
    assert proxy.rowCount() == 0
    assert proxy.proxy_row_of(("post", 3)) is None
    with pytest.raises(ValueError):
        proxy.set_kind("letter")


@pytest.mark.parametrize(
    ("stored_name", "stored_call_number", "typed"),
    [
        ("陳雅婷", "５８８２", "5882"),  # the portal kept the full-width digits the family typed
        ("陳雅婷", "9464", "９４６４"),  # the reviewer's input method is in full-width mode
        ("黃\u200b小明", "0317", "黃小明"),  # a zero-width space pasted into the name
        ("葛\U000e0100洪", "0317", "葛洪"),  # a name's character with its variant selector (IVS)
        ("林\ufe00美玲", "0317", "林美玲"),
        ("Nguye\u0302\u0303n Thi", "0317", "Nguyễn"),  # decomposed accents, typed composed
        ("\ufeff王美華", "0317", "王美華"),
    ],
)
def test_search_finds_a_name_or_number_however_it_was_encoded(
    stored_name: str, stored_call_number: str, typed: str
) -> None:
    """What looks the same to the reviewer matches: full-width and half-width digits and letters, names
    with invisible characters or variant selectors, accents composed or not."""
    model = QueueModel()
    model.set_rows([*ROWS, make_row(9, name=stored_name, call_number=stored_call_number)])
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.set_text(typed)
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [9]  # type: ignore[union-attr]


def test_rows_from_real_journal_items(qtbot: QtBot, sync: Sync, journal: Journal) -> None:
    sync.pull()
    data = desk_data(journal)
    model = QueueModel()
    model.set_rows(data.rows)
    assert model.rowCount() == len(journal.items()) == 16
    for r in range(model.rowCount()):
        row = model.row_at(r)
        detail = data.details[row.key]
        assert row.blocking_rules == tuple(dict.fromkeys(f.rule_id for f in detail.blocking))
        assert model.index(r, Column.FAMILY).data() == (
            f"{detail.snapshot.applicant.name} {detail.snapshot.applicant.national_id_masked}"
        )
        assert "*" in row.family_id_masked
    statuses = {model.index(r, Column.STATUS).data() for r in range(model.rowCount())}
    assert statuses == {"審核中", "暫緩審核"}
    assert any(r.blocking_rules == ("P4",) for r in data.rows)


def test_filter_proxy_passes_the_model_tester(qtmodeltester: ModelTester, model: QueueModel) -> None:
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.WAITING, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_status("pending")
    proxy.set_flag(ANY_FLAG)
    proxy.set_text("p")
    model.set_rows(ROWS[1:])
    proxy.set_status(None)
    proxy.set_flag(None)
    proxy.set_text("")


def test_filter_by_status_and_rule_flag(model: QueueModel) -> None:
    proxy = QueueFilter()
    proxy.setSourceModel(model)

    def ids() -> list[int]:
        return sorted(proxy.row_for(r).item_id for r in range(proxy.rowCount()))  # type: ignore[union-attr]

    proxy.set_status("held")
    assert ids() == [3]
    proxy.set_status("pending")
    assert ids() == [1, 2, 5]
    proxy.set_status(None)
    proxy.set_flag("P5")
    assert ids() == [2]
    proxy.set_flag(ANY_FLAG)
    assert ids() == [1, 2]
    proxy.set_flag(NO_FLAG)
    assert ids() == [3, 4, 5]
    proxy.set_status("pending")  # both at once
    assert ids() == [5]
    with pytest.raises(ValueError):
        proxy.set_status("lost")


def test_claim_column_and_rule_flags_of_held_items(model: QueueModel) -> None:
    until = NOW + timedelta(minutes=20)
    held = QueueRow(
        **{**ROWS[2].__dict__, "held_rules": ("P7",), "claim_holder": "李社工師", "claim_expires_at": until}
    )
    lapsed = QueueRow(
        **{
            **ROWS[4].__dict__,
            "claim_holder": "李社工師",
            "claim_expires_at": NOW - timedelta(minutes=1),
            "claim_expired": True,
        }
    )
    model.set_rows([held, lapsed])
    assert model.index(0, Column.RULES).data() == "P7"
    assert model.index(0, Column.CLAIM).data() == "李社工師，至 12:20"
    assert model.index(1, Column.CLAIM).data() == "李社工師（認領已逾期）"
    assert model.index(1, Column.CLAIM).data(Qt.ItemDataRole.ToolTipRole).startswith("認領期限已過")
    assert model.index(1, Column.CLAIM).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, Column.CLAIM).data(SORT_ROLE) == until.timestamp()


def test_date_style_changes_the_submitted_column(qtbot: QtBot, model: QueueModel) -> None:
    assert model.index(0, Column.SUBMITTED).data() == "2025/03/06 08:00"
    with qtbot.waitSignal(model.dataChanged):
        model.set_date_style(DateStyle(roc=True))
    assert model.index(0, Column.SUBMITTED).data() == "114/03/06 08:00"


def test_real_rows_name_the_claim_holder(qtbot: QtBot, sync: Sync, journal: Journal) -> None:
    sync.pull()
    data = load_desk(journal, datetime.now(UTC), "李社工師")
    model = QueueModel()
    model.set_rows(data.rows)
    claims = {model.index(r, Column.CLAIM).data() for r in range(model.rowCount())}
    assert claims and all(c.startswith("李社工師，至 ") for c in claims)
    held = [r for r in data.rows if r.status == "held"]
    assert held and all(r.held_rules for r in held)


def test_the_filter_follows_status_changes_and_keeps_the_current_row(qtbot: QtBot, model: QueueModel) -> None:
    from reviewer_app.qt import QItemSelectionModel, QTableView

    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.SUBMITTED, Qt.SortOrder.AscendingOrder)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)

    # Searching by the status shown: a status changed since the rows came is found by its new name.
    proxy.set_text("已決定待同步")
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [4]  # type: ignore[union-attr]
    view.selectionModel().setCurrentIndex(proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    model.set_status(("post", 2), "decided")
    assert [proxy.row_for(r).item_id for r in range(proxy.rowCount())] == [2, 4]  # type: ignore[union-attr]
    # The current row is still item 4, though another came before it.
    current = proxy.row_for(view.currentIndex().row())
    assert current is not None and current.item_id == 4 and view.currentIndex().row() == 1
    proxy.set_kind("post")  # item 4 leaves the view: no current row any more
    assert not view.currentIndex().isValid()
    proxy.set_kind(None)
    proxy.set_text("")
    assert proxy.rowCount() == len(ROWS)


def test_a_long_queue_sorts_as_the_raw_values_stably(model: QueueModel) -> None:
    rows = [make_row(i, hours=(i * 37) % 50, name=f"陳{i % 7}") for i in range(1, 2001)]
    model.set_rows(rows)
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.sort(Column.WAITING, Qt.SortOrder.DescendingOrder)
    shown = [proxy.row_for(r) for r in range(proxy.rowCount())]
    # Python's sort is stable with reverse too: equal waits keep the model's order, as Qt's sort did.
    assert shown == sorted(rows, key=lambda r: r.waited_seconds, reverse=True)
    proxy.set_text("陳3")
    assert {r.family_name for r in (proxy.row_for(i) for i in range(proxy.rowCount())) if r} == {"陳3"}
    assert proxy.rowCount() == sum(1 for r in rows if r.family_name == "陳3")
