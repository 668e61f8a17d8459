"""The queue pane: search box, filters (kind, status, rule flag) and the table of claimed items.

It owns the queue model and its filter proxy and knows how to move through the rows; what happens when
the current row changes is the main window's business (it listens to ``currentChanged``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from reviewer_app.core.vocabulary import ITEM_KINDS
from reviewer_app.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QGridLayout,
    QHeaderView,
    QItemSelectionModel,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QResizeEvent,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.queue.filter import ANY_FLAG, NO_FLAG, QueueFilter
from reviewer_app.ui.queue.model import QueueModel
from reviewer_app.ui.queue.rows import STATUS_ORDER, Column, ItemKey, QueueRow

#: The columns of the folded (narrow) queue, and the width under which it folds.
NARROW_COLUMNS = (Column.KIND, Column.FAMILY, Column.WAITING, Column.STATUS)
NARROWEST_COLUMNS = (Column.FAMILY, Column.WAITING, Column.STATUS)
FOLD_BELOW = 620
FOLD_MORE_BELOW = 340


class QueuePane(QWidget):
    #: The current row changed (by the reviewer or by code); not emitted while rows are replaced.
    currentChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePane")
        self.model = QueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self._replacing = False

        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.texts = LiveTexts()  # the fixed words, said again when the language changes
        self.texts.bind(
            self.search.setPlaceholderText,
            lambda: self.tr("Search family, inmate, call number, title… (Ctrl+F)"),
        )
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)

        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in ITEM_KINDS:
            self.kind_filter.addItem(words.item_kind(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self._filters_changed)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUS_ORDER:
            self.status_filter.addItem(words.queue_status(status), status)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)

        self.flag_filter = QComboBox()
        self.flag_filter.setObjectName("flagFilter")
        self._set_flag_choices(())
        self.flag_filter.currentIndexChanged.connect(self._filters_changed)
        for combo in (self.kind_filter, self.status_filter, self.flag_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        self.table.sortByColumn(Column.SUBMITTED, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        # An empty table under a search or a filter says why, instead of looking like an empty queue.
        self.no_match = QLabel()
        self.texts.bind(
            self.no_match.setText,
            lambda: self.tr("No item matches the search or the filters.\nEsc in the search box clears it."),
        )
        self.no_match.setObjectName("noMatch")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.no_match.hide()
        # An empty queue while colleagues hold items says so: the queue is taken, not empty (#20).
        self._taken_by_others = 0
        self.taken_note = QLabel()
        self.taken_note.setObjectName("takenByOthers")
        self.taken_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.taken_note.setWordWrap(True)
        self.taken_note.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.taken_note.hide()
        overlay = QVBoxLayout(self.table.viewport())
        overlay.addWidget(self.no_match)
        overlay.addWidget(self.taken_note)
        proxy = self.proxy
        for changed in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            changed.connect(self._show_no_match)

        # The queue is a narrow list beside the documents: the search on its own line, the filters
        # whole on the next, or on two when the pane is narrower than the three side by side (a
        # small screen): never cut.
        self.filters = QGridLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.filters.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        self._folded: tuple[Column, ...] | None = None
        self._wrapped: bool | None = None
        self._arrange_filters()

    # ---- language ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.retranslate()

    def retranslate(self) -> None:
        """The desk's language changed: the search's hint, the filters' choices (the chosen ones kept)
        and the column headers in it. The rows are worded again by the desk's reload."""
        self.texts.retranslate()
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        for i, kind in enumerate(ITEM_KINDS, start=1):
            self.kind_filter.setItemText(i, words.item_kind(kind))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for i, status in enumerate(STATUS_ORDER, start=1):
            self.status_filter.setItemText(i, words.queue_status(status))
        flags = [self.flag_filter.itemData(i) for i in range(3, self.flag_filter.count())]
        self._set_flag_choices(str(f) for f in flags)
        self.set_taken_by_others(self._taken_by_others)
        self.model.retranslate()
        self._arrange_filters()

    # ---- rows ----------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[QueueRow]) -> None:
        """Replace the rows, keeping the filters; the caller chooses the current row afterwards."""
        rows = list(rows)
        self._replacing = True
        try:
            self.model.set_rows(rows)
            flags = {f for r in rows for f in r.blocking_rules}
            flags.update(f for r in rows for f in r.held_rules)
            self._set_flag_choices(sorted(flags))
        finally:
            self._replacing = False
        self._arrange_filters()  # the flag filter's choices may have made it wider

    def _set_flag_choices(self, flags: Iterable[str]) -> None:
        current = self.flag_filter.currentData() if self.flag_filter.count() else None
        choices: list[tuple[str, str | None]] = [
            (self.tr("All rule flags"), None),
            (self.tr("Any rule flag"), ANY_FLAG),
            (self.tr("No rule flag"), NO_FLAG),
        ]
        choices += [(self.tr("Flag {rule}").format(rule=f), f) for f in flags]
        if current not in (None, ANY_FLAG, NO_FLAG) and current not in {c[1] for c in choices}:
            choices.append(
                (self.tr("Flag {rule}").format(rule=current), current)
            )  # keep the reviewer's choice
        if [
            (self.flag_filter.itemText(i), self.flag_filter.itemData(i))
            for i in range(self.flag_filter.count())
        ] == choices:
            return
        self.flag_filter.blockSignals(True)
        try:
            self.flag_filter.clear()
            for text, data in choices:
                self.flag_filter.addItem(text, data)
            self.flag_filter.setCurrentIndex(max(0, self.flag_filter.findData(current)))
        finally:
            self.flag_filter.blockSignals(False)

    def rows_in_view(self) -> list[QueueRow]:
        """The rows as the reviewer sees them: filtered and sorted."""
        return list(self._rows_from(0))

    def _rows_from(self, proxy_row: int) -> Iterator[QueueRow]:
        """The rows in view order from ``proxy_row`` on, one at a time (a long queue is not copied)."""
        source = self.proxy.source_rows()
        for index in range(max(0, proxy_row), len(source)):
            yield self.model.row_at(source[index])

    # ---- selection -----------------------------------------------------------------------------

    def selected_key(self) -> ItemKey | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.row_for(index.row())
        return row.key if row is not None else None

    def select_key(self, key: ItemKey) -> bool:
        row = self.proxy.proxy_row_of(key)
        if row is None:
            return False
        self.select_row(row)
        return True

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, self._first_shown_column())
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        current = self.table.currentIndex()
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        if current == index:  # no currentRowChanged, but the item may have changed underneath
            self.currentChanged.emit()

    def oldest_first(self) -> bool:
        """Sorted as it starts: by submission time, the oldest first (the order claims come in)."""
        header = self.table.horizontalHeader()
        return (
            header.sortIndicatorSection() == Column.SUBMITTED
            and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        )

    def ensure_current(self) -> None:
        """Make sure something is selected: the first item waiting for a decision, if any."""
        if self.table.currentIndex().isValid() or self.proxy.rowCount() == 0:
            self.currentChanged.emit()
            return
        # The first item waiting for a decision; held ones (suspension, E3) only when nothing else is left.
        first = next((i for i, q in enumerate(self._rows_from(0)) if q.status == "pending"), None)
        if first is None:
            first = next((i for i, q in enumerate(self._rows_from(0)) if q.decidable), 0)
        self.select_row(first)

    def step(self, step: int) -> None:
        count = self.proxy.rowCount()
        if count == 0:
            return
        current = self.table.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.select_row(max(0, min(count - 1, row)))

    def keys_after(self, key: ItemKey | None, count: int) -> list[ItemKey]:
        """The next ``count`` items after ``key`` in view order that still wait for a decision."""
        start = self.proxy.proxy_row_of(key) if key is not None else None
        following = (r.key for r in self._rows_from(0 if start is None else start + 1) if r.decidable)
        return list(itertools.islice(following, count))

    def next_decidable_after(self, key: ItemKey) -> ItemKey | None:
        """The item to open after deciding ``key``: the next pending one (wrapping), else a held one."""
        start = self.proxy.proxy_row_of(key)
        if start is None:
            return None
        source, model = self.proxy.source_rows(), self.model
        # After it to the end, then from the top (wrapping); the nearest pending one, else a held one.
        around = itertools.chain(range(start + 1, len(source)), range(start))
        held: ItemKey | None = None
        for index in around:
            queue_row = model.row_at(source[index])
            if queue_row.key == key:
                continue
            if queue_row.status == "pending":
                return queue_row.key
            if held is None and queue_row.status == "held":
                held = queue_row.key
        return held

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- events --------------------------------------------------------------------------------

    def set_taken_by_others(self, count: int) -> None:
        """How many undecided items of the facility colleagues are working on (from the last pull)."""
        self._taken_by_others = count
        self.taken_note.setText(
            self.tr(
                "No items to review here now: %n item(s) are being worked on by colleagues.\n"
                "They come back to the queue when a colleague closes the desk or their claim runs out.",
                "",
                count,
            )
        )
        self._show_no_match()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_filters()
        self._fold_columns()

    def _arrange_filters(self) -> None:
        """The three filters on one line when they fit it, else kind and status, then the flag under
        them; the pane is never narrower than the two-line arrangement needs."""
        combos = (self.kind_filter, self.status_filter, self.flag_filter)
        spacing = max(0, self.filters.horizontalSpacing())
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        sides = margins.left() + margins.right() if margins is not None else 0
        one_line = sum(c.sizeHint().width() for c in combos) + 2 * spacing + sides
        kind, status, flag = (c.sizeHint().width() for c in combos)
        two_lines = max(kind + spacing + status, flag)
        self.setMinimumWidth(two_lines + sides)
        wrapped = self.width() < one_line
        if wrapped == self._wrapped:
            return
        self._wrapped = wrapped
        for combo in combos:
            self.filters.removeWidget(combo)
        self.filters.addWidget(self.kind_filter, 0, 0)
        self.filters.addWidget(self.status_filter, 0, 1)
        if wrapped:
            self.filters.addWidget(self.flag_filter, 1, 0, 1, 2)
        else:
            self.filters.addWidget(self.flag_filter, 0, 2)

    def _fold_columns(self) -> None:
        """Narrow, the queue folds to the columns a reviewer picks an item by (kind, family, waiting,
        status; narrower still, without the kind, which the item's title says); widened, every column
        is back. The search still finds by what is folded away."""
        width = self.width()
        shown = tuple(Column) if width >= FOLD_BELOW else NARROW_COLUMNS
        if width < FOLD_MORE_BELOW:
            shown = NARROWEST_COLUMNS
        if shown == self._folded:
            return
        self._folded = shown
        for column in Column:
            self.table.setColumnHidden(column, column not in shown)
        current = self.table.currentIndex()
        if current.isValid() and current.column() not in shown:  # the arrow keys move from a shown cell
            self.table.selectionModel().setCurrentIndex(
                current.siblingAtColumn(self._first_shown_column()),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )

    def _first_shown_column(self) -> int:
        return next((c for c in Column if not self.table.isColumnHidden(c)), 0)

    def fit_columns(self) -> None:
        """Every column as wide as its words, those folded away too (for when the queue is widened)."""
        header = self.table.horizontalHeader()
        for column in Column:
            width = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, width)  # a hidden section keeps it for when it shows

    def is_folded(self) -> bool:
        return self._folded is not None and len(self._folded) < len(Column)

    def _show_no_match(self) -> None:
        self.no_match.setVisible(self.proxy.rowCount() == 0 and self.model.rowCount() > 0)
        self.taken_note.setVisible(self.model.rowCount() == 0 and self._taken_by_others > 0)

    def _current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._replacing:
            self.currentChanged.emit()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.ensure_current()

    def _filters_changed(self, _index: int) -> None:
        self.proxy.set_kind(self.kind_filter.currentData())
        self.proxy.set_status(self.status_filter.currentData())
        self.proxy.set_flag(self.flag_filter.currentData())
        self.ensure_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box: Up/Down move through the queue, Enter/Escape go back to it."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.step(+1)
                return True
            if key == Qt.Key.Key_Up:
                self.step(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.table.setFocus()
                return True
            if key == Qt.Key.Key_Escape:
                self.search.clear()
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)
