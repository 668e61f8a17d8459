"""The queue's table model: shows the rows it is given (:mod:`rows`), in the texts of
:mod:`texts`; never touches the database.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from reviewer_app.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.plain_text import plain_tooltip
from reviewer_app.ui.queue.rows import STATUS_ORDER, Column, ItemKey, QueueRow
from reviewer_app.ui.queue.texts import QueueTexts

AnyIndex = QModelIndex | QPersistentModelIndex

#: Raw value to sort a column by (numbers and times sort as numbers, not as their text).
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1

#: The roles the queue answers; a view asks for others too (font, alignment…): None at once.
_ROLES = frozenset(
    {
        int(Qt.ItemDataRole.DisplayRole),
        SORT_ROLE,
        int(Qt.ItemDataRole.ToolTipRole),
        int(Qt.ItemDataRole.BackgroundRole),
        int(Qt.ItemDataRole.ForegroundRole),
    }
)
OVERDUE_COLOUR = QColor("#f9d9d6")
DECIDED_COLOUR = QColor("#6b6b6b")
EXPIRED_CLAIM_COLOUR = QColor("#a05a00")


class QueueModel(QAbstractTableModel):
    """The claimed items as a flat table, one row per item.

    Besides the cells it keeps, per column, every row's raw sort value and every row's search text,
    each made once when first needed, so the filter sorts and searches a long queue without asking
    for one cell at a time.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._by_key: dict[ItemKey, int] = {}
        self._dates = DateStyle()
        self._texts = QueueTexts(self._dates)
        self._sort_keys: dict[Column, list[str | int | float]] = {}
        self._search: list[str] | None = None
        self._flags: list[tuple[str, ...]] | None = None
        self._joined: str | None = None  # the search texts joined by newlines, for rows_containing
        self._starts: list[int] = []  # where each row's text starts in _joined
        self._joined_of: list[str] | None = None  # the search texts _joined was made of
        self._generation = 0  # changes with the rows or their values: a filter's sorted order is stale

    # ---- contents ------------------------------------------------------------------------------

    def headers(self) -> list[str]:
        return [
            self.tr("Kind"),
            self.tr("Family"),
            self.tr("Inmate"),
            self.tr("Submitted"),
            self.tr("Waiting"),
            self.tr("Rule flags"),
            self.tr("Claim"),
            self.tr("Status"),
        ]

    def status_label(self, status: str) -> str:
        return self._texts.status(status)

    def date_style(self) -> DateStyle:
        return self._dates

    def texts(self) -> QueueTexts:
        """The column texts in the model's date style (for making rows' search texts on a worker)."""
        return QueueTexts(self._dates)

    def set_date_style(self, style: DateStyle) -> None:
        """Show dates in ``style`` (ROC years or not); the views repaint at once."""
        if style != self._dates:
            self._dates = style
            self._texts = QueueTexts(style)
            self._search = None
            if self._rows:
                column = Column.SUBMITTED
                self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def retranslate(self) -> None:
        """The desk's language changed: the labels, waiting times and headers are worded again (the
        search texts come with the next reload, made on its worker in the new language)."""
        self._texts = QueueTexts(self._dates)
        self._sort_keys = {}
        self._generation += 1  # a filter's sorted order may change with the words
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    def set_rows(self, rows: Iterable[QueueRow]) -> None:
        """Show these rows. The same items as before, in the same order (a reload after a decision or
        a sync): only the rows that changed are replaced and repainted; otherwise a reset."""
        rows = list(rows)
        if len(rows) == len(self._rows) and all(
            a.key == b.key for a, b in zip(rows, self._rows, strict=True)
        ):
            self._update_rows(rows)
            return
        self.beginResetModel()
        self._rows = rows
        self._by_key = {r.key: i for i, r in enumerate(self._rows)}
        self._sort_keys = {}
        self._search = None
        self._flags = None
        self._generation += 1
        if self._rows and all(r.search_text for r in self._rows):
            self._search_index()  # the worker's search texts indexed now, not at the first keystroke
        self.endResetModel()

    def _update_rows(self, rows: list[QueueRow]) -> None:
        changed = [i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new]
        for i in changed:
            new = rows[i]
            self._rows[i] = new
            for column, keys in self._sort_keys.items():
                keys[i] = self._sort_value(new, column)
            if self._search is not None:
                fresh = new.search_text and (
                    new.search_style is self._dates or new.search_style == self._dates
                )
                self._search[i] = new.search_text if fresh else self._texts.search(new)
            if self._flags is not None:
                self._flags[i] = new.blocking_rules + new.held_rules
        if not changed:
            return
        self._joined = None
        self._generation += 1
        last = len(Column) - 1
        if len(changed) == changed[-1] - changed[0] + 1:
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))
            return
        for i in changed:
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))

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
        new = replace(self._rows[row], status=status, search_text="", search_style=None)
        self._rows[row] = new
        for column, keys in self._sort_keys.items():
            keys[row] = self._sort_value(new, column)
        if self._search is not None:
            self._search[row] = self._texts.search(new)
            self._joined = None  # the index is made again at the next search
        self._generation += 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def sort_keys(self, column: Column) -> list[str | int | float]:
        """Every row's raw value to sort ``column`` by, in row order (kept until the rows change)."""
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = self._all_sort_values(column)
        return keys

    def row_flags(self) -> list[tuple[str, ...]]:
        """Every row's rule flags (blocking and holding), in row order (a status change keeps them)."""
        if self._flags is None:
            self._flags = [r.blocking_rules + r.held_rules for r in self._rows]
        return self._flags

    def search_texts(self) -> list[str]:
        """Every row's search text, in row order: the worker's where it was made in this date style."""
        if self._search is None:
            texts, dates = self._texts, self._dates
            self._search = [
                r.search_text
                if r.search_text and (r.search_style is dates or r.search_style == dates)
                else texts.search(r)
                for r in self._rows
            ]
        return self._search

    def _search_index(self) -> tuple[str, list[int]]:
        """The search texts joined by newlines, and where each row's starts (and one past the end)."""
        if self._joined is None or self._joined_of is not self._search:
            texts = self.search_texts()
            starts = [0, *itertools.accumulate(len(t) + 1 for t in texts)]
            self._joined, self._starts, self._joined_of = "\n".join(texts), starts, texts
        return self._joined, self._starts

    def rows_containing(self, part: str) -> set[int]:
        """The rows whose search text contains ``part`` (a search_key, no white space).

        One scan of all the rows' texts joined (made once, until the rows change), not a test per
        row: a rare name in a long queue is found in a few milliseconds."""
        joined, starts = self._search_index()
        found: set[int] = set()
        at = joined.find(part)
        while at >= 0:
            row = bisect.bisect_right(starts, at) - 1
            found.add(row)
            at = joined.find(part, starts[row + 1])  # the next row's text (starts has one past the end)
        return found

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
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, source_row: int, column_number: int, role: int) -> Any:
        """``data`` of one cell, without making an index (the filter asks for cells on screen)."""
        if (
            role not in _ROLES
            or not (0 <= source_row < len(self._rows))
            or not (0 <= column_number < len(Column))
        ):
            return None
        row = self._rows[source_row]
        column = Column(column_number)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(row, column))  # findings may quote the family
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.WAITING and row.overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and not row.decidable:
            return QBrush(DECIDED_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.CLAIM and row.claim_expired:
            return QBrush(EXPIRED_CLAIM_COLOUR)
        return None

    def _display(self, row: QueueRow, column: Column) -> str:
        return self._texts.display(row, column)

    def _claim_text(self, row: QueueRow) -> str:
        return self._texts.claim(row)

    def _sort_value(self, row: QueueRow, column: Column) -> str | int | float:
        if column == Column.SUBMITTED:
            return row.submitted_at.timestamp()
        if column == Column.WAITING:
            return row.waited_seconds
        if column == Column.STATUS:
            return STATUS_ORDER.get(row.status, len(STATUS_ORDER))
        if column == Column.INMATE:
            return f"{row.inmate_call_number}\x00{row.inmate_name}"
        if column == Column.CLAIM:
            return row.claim_expires_at.timestamp() if row.claim_expires_at is not None else 0.0
        return self._display(row, column)

    def _all_sort_values(self, column: Column) -> list[str | int | float]:
        """``_sort_value`` for every row, the common columns without a call per row."""
        rows = self._rows
        if column == Column.SUBMITTED:
            return [r.submitted_at.timestamp() for r in rows]
        if column == Column.WAITING:
            return [r.waited_seconds for r in rows]
        if column == Column.STATUS:
            order, last = STATUS_ORDER, len(STATUS_ORDER)
            return [order.get(r.status, last) for r in rows]
        if column == Column.FAMILY:
            return [f"{r.family_name} {r.family_id_masked}" for r in rows]
        if column == Column.INMATE:
            return [f"{r.inmate_call_number}\x00{r.inmate_name}" for r in rows]
        if column == Column.KIND:
            kind = self._texts.kind
            return [kind(r.kind) for r in rows]
        return [self._sort_value(r, column) for r in rows]

    def _tooltip(self, row: QueueRow, column: Column) -> str | None:
        if column == Column.RULES and (row.finding_messages or row.held_reason):
            return "\n".join([*row.finding_messages, *([row.held_reason] if row.held_reason else [])])
        if column == Column.STATUS and row.held_reason:
            return row.held_reason
        if column == Column.WAITING and row.overdue:
            return self.tr("Past the target of %n working day(s)", "", row.target_working_days)
        if column == Column.CLAIM and row.claim_expired:
            return self.tr(
                "The claim's lease has run out: the next sync renews it, unless another workstation "
                "has claimed the item meanwhile."
            )
        return None
