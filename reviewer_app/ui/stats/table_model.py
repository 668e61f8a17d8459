"""The month's figures as a table: the same rows (:func:`reviewer_app.stats.figures.figure_rows`) the
report writes, so the screen and the agency's return can never disagree.

Each section (服務項目申請, 處理時間…) starts with a title row; the view spans it across the columns.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reviewer_app.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from reviewer_app.stats.figures import PERCENT, FigureRow, format_value

AnyIndex = QModelIndex | QPersistentModelIndex

#: The row's stable key (``posts.rejected``…; None on a section title) and its raw value.
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
VALUE_ROLE = int(Qt.ItemDataRole.UserRole) + 2

SECTION_BACKGROUND = QColor("#e8eef5")
#: Units shown in the value column beside the number (counts and percentages speak for themselves).
_SPELLED_UNITS = ("小時",)


class Column(enum.IntEnum):
    ITEM = 0
    VALUE = 1
    FACILITY = 2


HEADERS = ("項目", "數值", "機關整體")


@dataclass(frozen=True)
class _Section:
    title: str


class FiguresModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[_Section | FigureRow] = []
        self._by_key: dict[str, int] = {}
        #: What a reviewer's figure is compared with: 機關整體, or 全部機關 for all facilities.
        self.comparison_label = "機關整體"

    def set_rows(self, rows: Iterable[FigureRow]) -> None:
        entries: list[_Section | FigureRow] = []
        for row in rows:
            if not entries or self._section_of(len(entries) - 1, entries) != row.section:
                entries.append(_Section(row.section))
            entries.append(row)
        self.beginResetModel()
        self._entries = entries
        self._by_key = {e.key: n for n, e in enumerate(entries) if isinstance(e, FigureRow)}
        self.endResetModel()

    @staticmethod
    def _section_of(number: int, entries: list[_Section | FigureRow]) -> str:
        entry = entries[number]
        return entry.title if isinstance(entry, _Section) else entry.section

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
                return HEADERS[section]
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
                if entry.facility_value is None:
                    return entry.item
                whole = format_value(entry.facility_value, entry.unit)
                return f"{entry.item}（{self.comparison_label} {whole}）"
            if column == Column.VALUE:
                text = format_value(entry.value, entry.unit)
                return (
                    f"{text} {entry.unit}"
                    if entry.value is not None and entry.unit in _SPELLED_UNITS
                    else text
                )
            return "" if entry.facility_value is None else format_value(entry.facility_value, entry.unit)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.ITEM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.VALUE and entry.value is None:
                if entry.key.startswith("time.handover"):
                    return "尚無轉交時間紀錄，無法計算"
                return "本月沒有可計算的案件"
            if column == Column.FACILITY and entry.facility_value is not None and entry.unit == PERCENT:
                return "同期機關整體退件率"
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
