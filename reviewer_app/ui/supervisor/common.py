"""What the supervisor widgets share: a read-only table model over plain rows, the reason dialog,
times shown in the facility's time zone, the audit actions in words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Generic, TypeVar

from reviewer_app.access.roles import NotAllowed
from reviewer_app.core.timeutil import FACILITY_TZ, local
from reviewer_app.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtCore,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.supervision.common import SupervisorError
from reviewer_app.ui.common.plain_text import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
#: Raw value of a cell, for sorting (times as times, numbers as numbers).
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
#: The whole row object.
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2

ACTION_CODES: tuple[str, ...] = (
    "decision",
    "undo",
    "conflict",
    "claim_release",
    "suspension",
    "suspension_lift",
    "suspension_shorten",
    "strike_dismiss",
    "appeal_upheld",
    "appeal_overturned",
    "reason_create",
    "reason_update",
    "audit_view",
    "staff_add",
    "staff_disable",
    "print",
    "reprint",
    "print_conflict",
    "handover",
    "handover_conflict",
    "four_eyes_confirm",
    "four_eyes_send_back",
    "suspension_lift_asked",
    "suspension_shorten_asked",
    "staff_role",
    "service_target",
    "calendar_day",
)


def action_word(code: str) -> str:
    """An audit action in the desk's language."""
    labels = {
        "decision": QCoreApplication.translate("AuditActions", "Decision"),
        "undo": QCoreApplication.translate("AuditActions", "Decision undone"),
        "conflict": QCoreApplication.translate("AuditActions", "Decision in conflict"),
        "claim_release": QCoreApplication.translate("AuditActions", "Item released"),
        "suspension": QCoreApplication.translate("AuditActions", "Suspension"),
        "suspension_lift": QCoreApplication.translate("AuditActions", "Suspension lifted"),
        "suspension_shorten": QCoreApplication.translate("AuditActions", "Suspension shortened"),
        "strike_dismiss": QCoreApplication.translate("AuditActions", "Strike dismissed"),
        "appeal_upheld": QCoreApplication.translate("AuditActions", "Appeal: rejection upheld"),
        "appeal_overturned": QCoreApplication.translate("AuditActions", "Appeal: rejection overturned"),
        "reason_create": QCoreApplication.translate("AuditActions", "Reason added"),
        "reason_update": QCoreApplication.translate("AuditActions", "Reason changed"),
        "audit_view": QCoreApplication.translate("AuditActions", "Audit trail viewed"),
        "staff_add": QCoreApplication.translate("AuditActions", "Account added"),
        "staff_disable": QCoreApplication.translate("AuditActions", "Account disabled"),
        "print": QCoreApplication.translate("AuditActions", "Printed"),
        "reprint": QCoreApplication.translate("AuditActions", "Reprinted"),
        "print_conflict": QCoreApplication.translate("AuditActions", "Print record in conflict"),
        "handover": QCoreApplication.translate("AuditActions", "Hand-over recorded"),
        "handover_conflict": QCoreApplication.translate("AuditActions", "Hand-over record in conflict"),
        "four_eyes_confirm": QCoreApplication.translate("AuditActions", "Second look: confirmed"),
        "four_eyes_send_back": QCoreApplication.translate("AuditActions", "Second look: sent back"),
        "suspension_lift_asked": QCoreApplication.translate("AuditActions", "Suspension lift asked (待覆核)"),
        "suspension_shorten_asked": QCoreApplication.translate(
            "AuditActions", "Suspension shortening asked (待覆核)"
        ),
        "staff_role": QCoreApplication.translate("AuditActions", "Account role changed"),
        "service_target": QCoreApplication.translate("AuditActions", "Target to decide changed"),
        "calendar_day": QCoreApplication.translate("AuditActions", "Facility calendar changed"),
    }
    return labels.get(code, code)


def when(moment: datetime | None) -> str:
    return "" if moment is None else f"{local(moment):%Y/%m/%d %H:%M}"


def day(moment: datetime | None) -> str:
    return "" if moment is None else f"{local(moment):%Y/%m/%d}"


def pydate(d: QtCore.QDate) -> date:
    return date(d.year(), d.month(), d.day())


def start_of_local_day(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), tzinfo=FACILITY_TZ)


Row = TypeVar("Row")


@dataclass(frozen=True)
class ColumnSpec(Generic[Row]):
    #: The column's title, said when asked: it follows the desk's language (a LanguageChange repaints)
    header: Callable[[], str]
    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None
    #: What the cell's tooltip says (None: the cell's text)
    tooltip: Callable[[Row], str] | None = None


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Read-only rows built off the GUI thread; the model never touches the database."""

    def __init__(self, columns: Sequence[ColumnSpec[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return plain_tooltip(column.tooltip(row))
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:  # names and notes families wrote: never as HTML
            return plain_tooltip(column.text(row))
        if role == SORT_ROLE:
            key = column.sort(row) if column.sort is not None else column.text(row)
            return _sortable(key)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _sortable(value: Any) -> Any:
    """Qt compares variants: times as their epoch seconds, None first."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, bool):
        return int(value)
    return value


def make_table(model: QtCore.QAbstractItemModel, name: str) -> QtWidgets.QTableView:
    view = QtWidgets.QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table for the buttons beside it (read-only rows: nothing to do cell by cell).
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


def select_current_row(view: QtWidgets.QTableView, current: QModelIndex) -> None:
    """The keyboard's current row is the selected one. Focus on the table makes the first row current
    without selecting it; with one row ↓/↑ then cannot move, and nothing could be selected by keyboard."""
    if current.isValid() and not view.selectionModel().isRowSelected(current.row()):
        view.selectRow(current.row())


class ReasonDialog(QDialog):
    """Asks why (required, at least 2 characters); optionally a new end date as well."""

    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        new_end: date | None = None,
        latest_end: date | None = None,
        earliest_end: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        intro = QLabel(prompt)
        intro.setWordWrap(True)
        self.intro = intro
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setMaxLength(300)
        self.date_edit: QtWidgets.QDateEdit | None = None
        form = QFormLayout()
        if new_end is not None:
            self.date_edit = QtWidgets.QDateEdit(QtCore.QDate(new_end.year, new_end.month, new_end.day))
            self.date_edit.setObjectName("newEnd")
            self.date_edit.setCalendarPopup(True)
            self.date_edit.setDisplayFormat("yyyy/MM/dd")
            if latest_end is not None:
                self.date_edit.setMaximumDate(QtCore.QDate(latest_end.year, latest_end.month, latest_end.day))
            if earliest_end is not None:
                self.date_edit.setMinimumDate(
                    QtCore.QDate(earliest_end.year, earliest_end.month, earliest_end.day)
                )
            form.addRow(self.tr("New end date"), self.date_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(len(self.reason_edit.text().strip()) >= 2)

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def prompt_text(self) -> str:
        return self.intro.text()

    def new_end(self) -> date | None:
        if self.date_edit is None:
            return None
        return pydate(self.date_edit.date())


def failure_message(exc: BaseException) -> str:
    """What a supervisor tool says when its work failed: a refusal in its own words (zh-TW), anything
    else as the first line of the database's or the system's message."""
    if isinstance(exc, SupervisorError | NotAllowed):
        return str(exc)
    error = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return QCoreApplication.translate("SupervisorTools", "Could not be done: {error}").format(error=error)
