"""The month's figures as a table: the same rows (:func:`reviewer_app.stats.figures.figure_rows`) the
report writes, so the screen and the agency's return can never disagree.

Each section (服務項目申請, 處理時間…) starts with a title row; the view spans it across the columns.
The rows keep the report's zh-TW words; what the table shows is worded by ``words`` (the view's, in the
desk's language: :func:`reviewer_app.ui.stats.wording.row_words`), again at each :meth:`set_rows`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reviewer_app.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from reviewer_app.stats.figures import HOURS, PERCENT, FigureRow, format_value

AnyIndex = QModelIndex | QPersistentModelIndex

#: The row's stable key (``posts.rejected``…; None on a section title) and its raw value.
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
VALUE_ROLE = int(Qt.ItemDataRole.UserRole) + 2

SECTION_BACKGROUND = QColor("#e8eef5")
# A row's section title and name as shown.
Words = Callable[[FigureRow], tuple[str, str]]


class Column(enum.IntEnum):
    ITEM = 0
    VALUE = 1
    FACILITY = 2


def headers() -> tuple[str, str, str]:
    return (
        QCoreApplication.translate("FiguresModel", "Item"),
        QCoreApplication.translate("FiguresModel", "Value"),
        QCoreApplication.translate("FiguresModel", "Whole facility"),
    )


def _report_words(row: FigureRow) -> tuple[str, str]:
    return row.section, row.item


def _hours() -> str:
    """Units shown in the value column beside the number (counts and percentages speak for themselves)."""
    return QCoreApplication.translate("FiguresModel", "hours")


@dataclass(frozen=True)
class _Section:
    title: str


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[_Section | FigureRow] = []
        self._by_key: dict[str, int] = {}
        self._items: dict[int, str] = {}  # a row's name as shown
        #: What a reviewer's figure is compared with: the whole facility, or all facilities.
        self.comparison_label = QCoreApplication.translate("FiguresModel", "Whole facility")

    def set_rows(self, rows: Iterable[FigureRow], words: Words = _report_words) -> None:
        entries: list[_Section | FigureRow] = []
        items: dict[int, str] = {}
        section_shown: str | None = None
        for row in rows:
            section, item = words(row)
            if section != section_shown:
                entries.append(_Section(section))
                section_shown = section
            items[len(entries)] = item
            entries.append(row)
        self.beginResetModel()
        self._entries = entries
        self._items = items
        self._by_key = {e.key: n for n, e in enumerate(entries) if isinstance(e, FigureRow)}
        self.endResetModel()

    def rows(self) -> list[FigureRow]:
        """The figures, without the section titles."""
        return [e for e in self._entries if isinstance(e, FigureRow)]

    def section_rows(self) -> list[int]:
        return [n for n, e in enumerate(self._entries) if isinstance(e, _Section)]

    def row_of(self, key: str) -> int | None:
        return self._by_key.get(key)

    def text(self, key: str, column: Column = Column.VALUE) -> str:
        """What the table shows for a figure (tests and accessibility)."""
        return str(self.data(self.index(self._by_key[key], column)))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

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
                return headers()[section]
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if isinstance(entry, _Section):
            return self._section_data(entry, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.ITEM:
                item = self._items.get(index.row(), entry.item)
                if entry.facility_value is None:
                    return item
                whole = format_value(entry.facility_value, entry.unit)
                return QCoreApplication.translate("FiguresModel", "{item} ({whole} {value})").format(
                    item=item, whole=self.comparison_label, value=whole
                )
            if column == Column.VALUE:
                text = format_value(entry.value, entry.unit)
                return f"{text} {_hours()}" if entry.value is not None and entry.unit == HOURS else text
            return "" if entry.facility_value is None else format_value(entry.facility_value, entry.unit)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.ITEM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.VALUE and entry.value is None:
                if entry.key.startswith("time.handover"):
                    return QCoreApplication.translate(
                        "FiguresModel", "No hand-over times recorded yet: nothing to measure"
                    )
                return QCoreApplication.translate("FiguresModel", "No cases to measure this month")
            if column == Column.FACILITY and entry.facility_value is not None and entry.unit == PERCENT:
                return QCoreApplication.translate(
                    "FiguresModel", "The whole facility's rejection rate, same month"
                )
            return None
        if role == KEY_ROLE:
            return entry.key
        if role == VALUE_ROLE:
            return (
                entry.value
                if column == Column.VALUE
                else entry.facility_value
                if column == Column.FACILITY
                else None
            )
        return None

    def _section_data(self, entry: _Section, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title if column == Column.ITEM else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(SECTION_BACKGROUND)
        return None
