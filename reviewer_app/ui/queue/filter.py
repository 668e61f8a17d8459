"""The queue's filter and sort: a proxy over :class:`~reviewer_app.ui.queue.model.QueueModel`."""

from __future__ import annotations

from itertools import compress
from operator import attrgetter
from typing import Any

from reviewer_app.core.vocabulary import ITEM_KINDS
from reviewer_app.qt import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    Qt,
)
from reviewer_app.ui.queue.model import AnyIndex, QueueModel
from reviewer_app.ui.queue.rows import STATUS_ORDER, Column, ItemKey, QueueRow
from reviewer_app.ui.queue.texts import search_key

#: Flag filter values besides a rule id: items with any flag, items with none.
ANY_FLAG = "*"
NO_FLAG = "-"


def _sortable(values: list[str | int | float]) -> list[Any]:
    """Values that sort as the queue always sorted them: as they are when all of one type, else
    as text (a column's values are all of one type; this only guards the odd mixed one)."""
    if not values:
        return values
    first = type(values[0])
    if all(type(v) is first for v in values):
        return values
    return [str(v) for v in values]


def _where(chosen: list[int], passes: list[bool]) -> list[int]:
    """The rows of ``chosen`` whose entry in ``passes`` (one per source row) is true, in order.

    Whole lists at a time: a test per row through the row objects took 35 ms on 100 000 rows."""
    return list(compress(chosen, map(passes.__getitem__, chosen)))


class QueueFilter(QAbstractProxyModel):
    """Filters the queue by kind, status, rule flag and free text (any column); sorts by raw values.

    A proxy of its own rather than a ``QSortFilterProxyModel``: that one asks Python for every row it
    filters and for both sides of every comparison it sorts, which takes seconds on a long queue. This
    one sorts the model's raw values with Python's sort and filters whole lists at once; the view
    asks it only for the rows on screen. It sorts and filters again whenever the rows or their data
    change (as a dynamic ``QSortFilterProxyModel`` does), keeping the current row and the selection.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._status: str | None = None
        self._flag: str | None = None
        self._needle = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order: list[int] = []  # proxy row -> source row
        self._position: list[int] = []  # source row -> proxy row, -1 when filtered out
        self._sorted_rows: list[int] = []  # every source row in view order
        self._sorted_key: tuple[int, Qt.SortOrder, int] | None = None  # what _sorted_rows are for
        self._connections: list[tuple[Any, Any]] = []

    # ---- the source ----------------------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self.beginResetModel()
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        super().setSourceModel(model)
        if model is not None:
            self._connections = [
                (model.modelAboutToBeReset, self.beginResetModel),
                (model.modelReset, self._source_reset),
                (model.dataChanged, self._source_data_changed),
                (model.headerDataChanged, self._source_header_changed),
            ]
            for signal in (
                model.layoutAboutToBeChanged,
                model.rowsAboutToBeInserted,
                model.rowsAboutToBeRemoved,
                model.rowsAboutToBeMoved,
                model.columnsAboutToBeInserted,
                model.columnsAboutToBeRemoved,
            ):
                self._connections.append((signal, self._source_structure_changing))
            for signal in (
                model.layoutChanged,
                model.rowsInserted,
                model.rowsRemoved,
                model.rowsMoved,
                model.columnsInserted,
                model.columnsRemoved,
            ):
                self._connections.append((signal, self._source_reset))
            for signal, slot in self._connections:
                signal.connect(slot)
        self._order, self._position = self._compute()
        self.endResetModel()

    def _source_header_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.headerDataChanged.emit(orientation, first, last)

    def _source_structure_changing(self, *_args: Any) -> None:
        self.beginResetModel()

    def _source_reset(self, *_args: Any) -> None:
        self._order, self._position = self._compute()
        self.endResetModel()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()) -> None:
        self._relayout()  # the change may move the row or take it out of (or into) view
        first, last = top_left.row(), bottom_right.row()
        columns = (top_left.column(), bottom_right.column())
        shown = sorted(p for p in (self._position[s] for s in range(first, last + 1)) if p >= 0)
        if not shown:
            return
        if len(shown) == shown[-1] - shown[0] + 1:  # one block: one signal (a column for all rows)
            self.dataChanged.emit(self.index(shown[0], columns[0]), self.index(shown[-1], columns[1]))
            return
        for p in shown:
            self.dataChanged.emit(self.index(p, columns[0]), self.index(p, columns[1]))

    def _model(self) -> QueueModel | None:
        model = self.sourceModel()
        return model if isinstance(model, QueueModel) else None

    # ---- filtering and sorting -----------------------------------------------------------------

    def _compute(self) -> tuple[list[int], list[int]]:
        """The proxy's rows (source rows in view order) and each source row's place among them."""
        model = self._model()
        count = model.rowCount() if model is not None else 0
        rows = self._accepted(model, self._sorted(model)) if model is not None else []
        position = [-1] * count
        for proxy_row, source_row in enumerate(rows):
            position[source_row] = proxy_row
        return rows, position

    def _sorted(self, model: QueueModel) -> list[int]:
        """Every source row in view order (sorted once per sort and rows; filtering keeps the order)."""
        key = (self._sort_column, self._sort_order, model._generation)
        if self._sorted_key != key:
            order = list(range(model.rowCount()))
            if 0 <= self._sort_column < len(Column):
                keys = _sortable(model.sort_keys(Column(self._sort_column)))
                order.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
            self._sorted_rows, self._sorted_key = order, key
        return self._sorted_rows

    def _accepted(self, model: QueueModel, chosen: list[int]) -> list[int]:
        """The rows of ``chosen`` (source rows) passing every filter, in the same order."""
        rows = model._rows
        if self._kind is not None:
            chosen = _where(chosen, [kind == self._kind for kind in map(attrgetter("kind"), rows)])
        if self._status is not None:
            chosen = _where(chosen, [status == self._status for status in map(attrgetter("status"), rows)])
        if self._flag is not None:
            flags = model.row_flags()
            if self._flag == ANY_FLAG:
                chosen = _where(chosen, list(map(bool, flags)))
            elif self._flag == NO_FLAG:
                chosen = _where(chosen, [not f for f in flags])
            else:
                flag = self._flag
                chosen = _where(chosen, [flag in f for f in flags])
        if self._needle:
            for part in self._needle.split(" "):
                found = model.rows_containing(part)
                chosen = [i for i in chosen if i in found]
        return chosen

    def _relayout(self) -> None:
        """Sort and filter again; the view's current row and selection follow their items."""
        order, position = self._compute()
        if order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [
            (self._order[i.row()] if 0 <= i.row() < len(self._order) else -1, i.column()) for i in persistent
        ]
        self._order, self._position = order, position
        moved = [
            self.index(position[s], column) if s >= 0 and position[s] >= 0 else QModelIndex()
            for s, column in sources
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _change(self, attribute: str, value: object) -> None:
        if getattr(self, attribute) != value:
            setattr(self, attribute, value)
            self._relayout()

    def kind(self) -> str | None:
        return self._kind

    def set_kind(self, kind: str | None) -> None:
        """Show only "application" or "post" items; None shows both."""
        if kind is not None and kind not in ITEM_KINDS:
            raise ValueError(kind)
        self._change("_kind", kind)

    def status(self) -> str | None:
        return self._status

    def set_status(self, status: str | None) -> None:
        """Show only items with this queue status (pending, held, decided…); None shows all."""
        if status is not None and status not in STATUS_ORDER:
            raise ValueError(status)
        self._change("_status", status)

    def flag(self) -> str | None:
        return self._flag

    def set_flag(self, flag: str | None) -> None:
        """Show only items flagged with this rule id, with any flag (ANY_FLAG) or none (NO_FLAG)."""
        self._change("_flag", flag)

    def text(self) -> str:
        return self._needle

    def set_text(self, text: str) -> None:
        self._change("_needle", search_key(" ".join(text.split())))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``'s raw values (numbers and times as numbers); -1: the model's order.
        Stable, as QSortFilterProxyModel: equal values keep the model's order, either way."""
        if (column, order) != (self._sort_column, self._sort_order):
            self._sort_column, self._sort_order = column, order
            self._relayout()

    def sortColumn(self) -> int:
        return self._sort_column

    def sortOrder(self) -> Qt.SortOrder:
        return self._sort_order

    # ---- QAbstractProxyModel -------------------------------------------------------------------

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy_index.isValid() or not (0 <= proxy_index.row() < len(self._order)):
            return QModelIndex()
        return model.index(self._order[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid() or not (0 <= source_index.row() < len(self._position)):
            return QModelIndex()
        row = self._position[source_index.row()]
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._order)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: AnyIndex | None = None) -> Any:
        if child is None:
            return super().parent()  # QObject.parent()
        return QModelIndex()

    def sibling(self, row: int, column: int, index: AnyIndex) -> QModelIndex:
        return self.index(row, column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Every cell's flags are the same (QueueModel.flags): no mapping, asked for every cell painted.
        model = self.sourceModel()
        if isinstance(model, QueueModel):
            return model.flags(index)
        return super().flags(index)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._order)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.sourceModel()
        if model is None or not index.isValid() or not (0 <= index.row() < len(self._order)):
            return None
        if isinstance(model, QueueModel):
            return model.cell(self._order[index.row()], index.column(), role)
        return model.data(model.index(self._order[index.row()], index.column()), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        model = self.sourceModel()
        if model is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return model.headerData(section, orientation, role)  # columns are the model's own
        if 0 <= section < len(self._order):
            return model.headerData(self._order[section], orientation, role)
        return None

    # ---- the queue's rows ----------------------------------------------------------------------

    def source_rows(self) -> list[int]:
        """The model's rows in view order (filtered and sorted); do not change the list."""
        return self._order

    def row_for(self, proxy_row: int) -> QueueRow | None:
        model = self._model()
        if model is None or not (0 <= proxy_row < len(self._order)):
            return None
        return model.row_at(self._order[proxy_row])

    def proxy_row_of(self, key: ItemKey) -> int | None:
        model = self._model()
        if model is None:
            return None
        source_row = model.row_of(key)
        if source_row is None or source_row >= len(self._position):
            return None
        row = self._position[source_row]
        return row if row >= 0 else None
