"""The review queue: plain rows built off the GUI thread, a table model over them, a filter on top.

:class:`QueueRow` is a frozen snapshot of one claimed item with its findings already evaluated, built
by :func:`queue_row` on a worker (it needs the journal for the family's standing). The models never
touch the database; they only show the rows they are given.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reviewer_app import rules
from reviewer_app.journal.models import JournalItem
from reviewer_app.policy import Policy
from reviewer_app.timeutil import local
from reviewer_app.ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from reviewer_app.vocabulary import ITEM_KINDS

ItemKey = tuple[str, int]
AnyIndex = QModelIndex | QPersistentModelIndex

#: Raw value to sort a column by (numbers and times sort as numbers, not as their text).
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1

#: The item's queue status as this workstation sees it; ``decided`` means waiting to sync.
STATUS_ORDER: dict[str, int] = {"pending": 0, "held": 1, "decided": 2, "synced": 3, "conflict": 4}

OVERDUE_COLOUR = QColor("#f9d9d6")
DECIDED_COLOUR = QColor("#6b6b6b")


class Column(enum.IntEnum):
    KIND = 0
    FAMILY = 1
    INMATE = 2
    SUBMITTED = 3
    WAITING = 4
    RULES = 5
    STATUS = 6


@dataclass(frozen=True)
class QueueRow:
    kind: str  # "application" | "post"
    item_id: int
    family_name: str
    family_id_masked: str
    inmate_call_number: str
    inmate_name: str
    submitted_at: datetime  # aware
    waited_seconds: int
    review_target_hours: int
    blocking_rules: tuple[str, ...]
    finding_messages: tuple[str, ...]
    status: str  # a key of STATUS_ORDER
    held_reason: str | None = None
    title: str = ""

    @property
    def key(self) -> ItemKey:
        return (self.kind, self.item_id)

    @property
    def decidable(self) -> bool:
        return self.status in ("pending", "held")

    @property
    def overdue(self) -> bool:
        return self.decidable and self.waited_seconds > self.review_target_hours * 3600


def queue_row(
    item: JournalItem, findings: Sequence[rules.Finding], now: datetime, decision_state: str | None = None
) -> QueueRow:
    """One row from a journal item and its findings (on a worker: findings need the journal).

    An item a rule holds (E3 restriction, P7 suspension) shows as 暫緩審核 even while the shared
    database still lists it as pending.

    ``decision_state`` is the state of this workstation's latest decision on the item, if any
    (pending, synced or conflict).
    """
    snap = item.snapshot
    held_findings = [f.message for f in findings if f.held]
    if item.local_status == "decided":
        status = {"pending": "decided", "synced": "synced", "conflict": "conflict"}.get(
            decision_state or "pending", "decided"
        )
    else:
        # Held by the shared database or this workstation (a suspension), or by a rule (E3, P7) now.
        status = "held" if item.local_status == "held" or held_findings else "pending"
    submitted = item.submitted_at
    blocking = rules.blocking(findings)
    target = snap.get("policy", {}).get("review_target_hours", Policy().review_target_hours)
    return QueueRow(
        kind=item.kind,
        item_id=item.item_id,
        family_name=snap["applicant"]["name"],
        family_id_masked=snap["applicant"]["national_id_masked"],
        inmate_call_number=snap["inmate"]["call_number"],
        inmate_name=snap["inmate"]["name"],
        submitted_at=submitted,
        waited_seconds=max(0, int((now - submitted).total_seconds())),
        review_target_hours=int(target),
        blocking_rules=tuple(dict.fromkeys(f.rule_id for f in blocking)),
        finding_messages=tuple(f"{f.rule_id}　{f.message}" for f in blocking),
        status=status,
        held_reason=item.held_reason or ("；".join(held_findings) if held_findings else None),
        title=snap.get("title", "") or "",
    )


def waiting_text(seconds: int) -> str:
    """How long an item has waited, as staff say it: 45 分鐘, 5 小時, 3 天 2 小時."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("QueueModel", text)

    minutes = seconds // 60
    if minutes < 60:
        return tr("{minutes} 分鐘").format(minutes=minutes)
    hours = minutes // 60
    if hours < 24:
        return tr("{hours} 小時").format(hours=hours)
    days, rest = divmod(hours, 24)
    if rest == 0:
        return tr("{days} 天").format(days=days)
    return tr("{days} 天 {hours} 小時").format(days=days, hours=rest)


class QueueModel(QAbstractTableModel):
    """The claimed items as a flat table, one row per item."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._by_key: dict[ItemKey, int] = {}

    # ---- contents ------------------------------------------------------------------------------

    def headers(self) -> list[str]:
        return [
            self.tr("類別"),
            self.tr("家屬"),
            self.tr("收容人"),
            self.tr("送件時間"),
            self.tr("等候"),
            self.tr("規則提示"),
            self.tr("狀態"),
        ]

    def status_label(self, status: str) -> str:
        labels = {
            "pending": self.tr("審核中"),
            "held": self.tr("暫緩審核"),
            "decided": self.tr("已決定待同步"),
            "synced": self.tr("已同步"),
            "conflict": self.tr("已由他人決定"),
        }
        return labels.get(status, status)

    def set_rows(self, rows: Iterable[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._by_key = {r.key: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, key: ItemKey) -> int | None:
        return self._by_key.get(key)

    def set_status(self, key: ItemKey, status: str) -> None:
        """Show a new local status at once (the next reload brings the full row)."""
        row = self._by_key.get(key)
        if row is None or self._rows[row].status == status:
            return
        old = self._rows[row]
        self._rows[row] = QueueRow(**{**old.__dict__, "status": status})
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    # ---- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[section]
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.WAITING and row.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and not row.decidable:
            return QBrush(DECIDED_COLOUR)
        return None

    def _display(self, row: QueueRow, column: Column) -> str:
        if column == Column.KIND:
            return ITEM_KINDS.get(row.kind, row.kind)
        if column == Column.FAMILY:
            return f"{row.family_name} {row.family_id_masked}"
        if column == Column.INMATE:
            return f"{row.inmate_call_number} {row.inmate_name}"
        if column == Column.SUBMITTED:
            return f"{local(row.submitted_at):%Y/%m/%d %H:%M}"
        if column == Column.WAITING:
            return waiting_text(row.waited_seconds)
        if column == Column.RULES:
            return " ".join(row.blocking_rules)
        return self.status_label(row.status)

    def _sort_value(self, row: QueueRow, column: Column) -> str | int | float:
        if column == Column.SUBMITTED:
            return row.submitted_at.timestamp()
        if column == Column.WAITING:
            return row.waited_seconds
        if column == Column.STATUS:
            return STATUS_ORDER.get(row.status, len(STATUS_ORDER))
        if column == Column.INMATE:
            return f"{row.inmate_call_number}\x00{row.inmate_name}"
        return self._display(row, column)

    def _tooltip(self, row: QueueRow, column: Column) -> str | None:
        if column == Column.RULES and row.finding_messages:
            return "\n".join(row.finding_messages)
        if column == Column.STATUS and row.held_reason:
            return row.held_reason
        if column == Column.WAITING and row.overdue:
            return self.tr("已超過 %n 小時審核目標", "", row.review_target_hours)
        return None


class QueueFilter(QSortFilterProxyModel):
    """Filters the queue by item kind and free text (any column), sorts by raw values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def kind(self) -> str | None:
        return self._kind

    def set_kind(self, kind: str | None) -> None:
        """Show only "application" or "post" items; None shows both."""
        if kind is not None and kind not in ITEM_KINDS:
            raise ValueError(kind)
        if kind != self._kind:
            self.beginFilterChange()
            self._kind = kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def text(self) -> str:
        return self._needle

    def set_text(self, text: str) -> None:
        needle = " ".join(text.split()).casefold()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, QueueModel) or source_parent.isValid():
            return False
        row = model.row_at(source_row)
        if self._kind is not None and row.kind != self._kind:
            return False
        if not self._needle:
            return True
        texts = [model.data(model.index(source_row, c)) or "" for c in range(model.columnCount())]
        haystack = " ".join([*texts, row.title]).casefold()
        return all(part in haystack for part in self._needle.split(" "))

    def lessThan(self, source_left: AnyIndex, source_right: AnyIndex) -> bool:
        left = source_left.data(SORT_ROLE)
        right = source_right.data(SORT_ROLE)
        if left is None or right is None or type(left) is not type(right):
            return str(left) < str(right)
        return bool(left < right)

    def row_for(self, proxy_row: int) -> QueueRow | None:
        model = self.sourceModel()
        if not isinstance(model, QueueModel) or not (0 <= proxy_row < self.rowCount()):
            return None
        return model.row_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def proxy_row_of(self, key: ItemKey) -> int | None:
        model = self.sourceModel()
        if not isinstance(model, QueueModel):
            return None
        source_row = model.row_of(key)
        if source_row is None:
            return None
        index = self.mapFromSource(model.index(source_row, 0))
        return index.row() if index.isValid() else None
