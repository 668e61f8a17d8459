"""The review queue: plain rows built off the GUI thread, a table model over them, a filter on top.

:class:`QueueRow` is a frozen snapshot of one claimed item with its findings already evaluated, built
by :func:`queue_row` on a worker (it needs the journal for the family's standing). The models never
touch the database; they only show the rows they are given.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from reviewer_app.core import rules
from reviewer_app.core.vocabulary import ITEM_KINDS
from reviewer_app.journal.records import LocalItem
from reviewer_app.qt import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle

ItemKey = tuple[str, int]
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

#: The item's queue status as this workstation sees it; ``decided`` means waiting to sync.
STATUS_ORDER: dict[str, int] = {"pending": 0, "held": 1, "decided": 2, "synced": 3, "conflict": 4}

OVERDUE_COLOUR = QColor("#f9d9d6")
DECIDED_COLOUR = QColor("#6b6b6b")
EXPIRED_CLAIM_COLOUR = QColor("#a05a00")


class Column(enum.IntEnum):
    KIND = 0
    FAMILY = 1
    INMATE = 2
    SUBMITTED = 3
    WAITING = 4
    RULES = 5
    CLAIM = 6
    STATUS = 7


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
    #: Rule ids that hold the item (E3 restriction, P7 suspension), shown as flags beside the blocking ones.
    held_rules: tuple[str, ...] = ()
    claim_holder: str = ""  # who holds the claim (this reviewer, on this workstation)
    claim_expires_at: datetime | None = None
    claim_expired: bool = False
    #: What the search box matches (every column's text and the title, search_key), made on the worker
    #: by :func:`queue_row` in ``search_style``; when empty or in another style the model makes it.
    search_text: str = field(default="", compare=False, repr=False)
    search_style: DateStyle | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> ItemKey:
        return (self.kind, self.item_id)

    @property
    def decidable(self) -> bool:
        return self.status in ("pending", "held")

    @property
    def overdue(self) -> bool:
        return self.decidable and self.waited_seconds > self.review_target_hours * 3600

    @property
    def flags(self) -> tuple[str, ...]:
        """Rule flags: the blocking rules, then the ones holding the item, each once."""
        return tuple(dict.fromkeys((*self.blocking_rules, *self.held_rules)))


def queue_row(
    item: LocalItem,
    findings: Sequence[rules.Finding],
    now: datetime,
    decision_state: str | None = None,
    claim_holder: str = "",
    texts: QueueTexts | None = None,
) -> QueueRow:
    """One row from a journal item and its findings (on a worker: findings need the journal).

    An item a rule holds (E3 restriction, P7 suspension) shows as 暫緩審核 even while the shared
    database still lists it as pending.

    ``decision_state`` is the state of this workstation's latest decision on the item, if any
    (pending, synced or conflict). ``claim_holder`` names who holds the claim (this reviewer).
    With ``texts`` the row's search text is made here too, off the GUI thread.
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
    target = snap.policy.review_target_hours
    row = QueueRow(
        kind=item.kind,
        item_id=item.item_id,
        family_name=snap.applicant.name,
        family_id_masked=snap.applicant.national_id_masked,
        inmate_call_number=snap.inmate.call_number,
        inmate_name=snap.inmate.name,
        submitted_at=submitted,
        waited_seconds=max(0, int((now - submitted).total_seconds())),
        review_target_hours=int(target),
        blocking_rules=tuple(dict.fromkeys(f.rule_id for f in blocking)),
        finding_messages=tuple(f"{f.rule_id}　{f.message}" for f in blocking),
        status=status,
        held_reason=item.held_reason or ("；".join(held_findings) if held_findings else None),
        title=snap.title,
        held_rules=tuple(dict.fromkeys(f.rule_id for f in findings if f.held)),
        claim_holder=claim_holder,
        claim_expires_at=item.claim_expires_at,
        claim_expired=item.claim_expires_at is not None and _aware(item.claim_expires_at, now) <= now,
    )
    if texts is not None:
        # Set once, before anybody else sees the row (the dataclass is frozen for everyone after).
        object.__setattr__(row, "search_text", texts.search(row))
        object.__setattr__(row, "search_style", texts.dates)
    return row


def _aware(moment: datetime, like: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=like.tzinfo)


def waiting_text(seconds: int) -> str:
    """How long an item has waited, as staff say it: 45 分鐘, 5 小時, 3 天 2 小時."""
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("QueueModel", "{minutes} min").format(minutes=minutes)
    hours = minutes // 60
    if hours < 24:
        return QCoreApplication.translate("QueueModel", "{hours} h").format(hours=hours)
    days, rest = divmod(hours, 24)
    if rest == 0:
        return QCoreApplication.translate("QueueModel", "{days} d").format(days=days)
    return QCoreApplication.translate("QueueModel", "{days} d {hours} h").format(days=days, hours=rest)


class QueueTexts:
    """The queue's column texts in one date style; labels, waiting times and claim texts, which
    repeat from row to row, are worked out once each. Usable on a worker (Qt's translation is)."""

    def __init__(self, dates: DateStyle | None = None) -> None:
        self.dates = dates or DateStyle()
        self._kinds: dict[str, str] = {}
        self._statuses: dict[str, str] = {}
        self._waiting: dict[tuple[str, int], str] = {}
        self._claims: dict[tuple[str, datetime | None, bool, bool], str] = {}

    def kind(self, code: str) -> str:
        label = self._kinds.get(code)
        if label is None:
            label = self._kinds[code] = words.item_kind(code)
        return label

    def status(self, code: str) -> str:
        label = self._statuses.get(code)
        if label is None:
            label = self._statuses[code] = words.queue_status(code)
        return label

    def waiting(self, seconds: int) -> str:
        # The text shows minutes under an hour, else hours: it is the same for the whole minute or hour.
        key = ("m", seconds // 60) if seconds < 3600 else ("h", seconds // 3600)
        text = self._waiting.get(key)
        if text is None:
            text = self._waiting[key] = waiting_text(seconds)
        return text

    def claim(self, row: QueueRow) -> str:
        key = (row.claim_holder, row.claim_expires_at, row.decidable, row.claim_expired)
        text = self._claims.get(key)
        if text is None:
            text = self._claims[key] = self._claim_text(row)
        return text

    def _claim_text(self, row: QueueRow) -> str:
        if not row.claim_holder:
            return ""
        if row.claim_expires_at is None or not row.decidable:
            return row.claim_holder
        if row.claim_expired:
            return QCoreApplication.translate("QueueModel", "{holder} (lease expired)").format(
                holder=row.claim_holder
            )
        return QCoreApplication.translate("QueueModel", "{holder} until {time}").format(
            holder=row.claim_holder, time=self.dates.time(row.claim_expires_at)
        )

    def display(self, row: QueueRow, column: Column) -> str:
        if column == Column.KIND:
            return self.kind(row.kind)
        if column == Column.FAMILY:
            return f"{row.family_name} {row.family_id_masked}"
        if column == Column.INMATE:
            return f"{row.inmate_call_number} {row.inmate_name}"
        if column == Column.SUBMITTED:
            return self.dates.datetime(row.submitted_at)
        if column == Column.WAITING:
            return self.waiting(row.waited_seconds)
        if column == Column.RULES:
            return " ".join(row.flags)
        if column == Column.CLAIM:
            return self.claim(row)
        return self.status(row.status)

    def search(self, row: QueueRow) -> str:
        """Every column's text and the title, folded (search_key): what the search box looks in."""
        return search_key(" ".join([*(self.display(row, c) for c in Column), row.title]))


#: Left out of what is searched and what is typed: characters drawn as nothing, variant selectors.
_NOT_SEARCHED = re.compile(f"[{rules.INVISIBLE_CHARACTERS}\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def search_key(text: str) -> str:
    """`text` as the search compares it: what looks the same matches. Full-width digits and letters
    folded to half-width and accents composed (NFKC), invisible characters and variant selectors left
    out, case folded."""
    return _NOT_SEARCHED.sub("", unicodedata.normalize("NFKC", text)).casefold()


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
            return self._tooltip(row, column)
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
            return self.tr("Past the review target of %n hour(s)", "", row.review_target_hours)
        if column == Column.CLAIM and row.claim_expired:
            return self.tr(
                "The claim's lease has run out: the next sync renews it, unless another workstation "
                "has claimed the item meanwhile."
            )
        return None


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
            kind = self._kind
            chosen = [i for i in chosen if rows[i].kind == kind]
        if self._status is not None:
            status = self._status
            chosen = [i for i in chosen if rows[i].status == status]
        if self._flag is not None:
            flags = model.row_flags()
            if self._flag == ANY_FLAG:
                chosen = [i for i in chosen if flags[i]]
            elif self._flag == NO_FLAG:
                chosen = [i for i in chosen if not flags[i]]
            else:
                flag = self._flag
                chosen = [i for i in chosen if flag in flags[i]]
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
