"""The counsellor's view (輔導員): approved posts to print, printed ones to hand over.

A tree grouped by housing unit → inmate → post with check boxes; tick many (a unit, an inmate, or one
post), then 預覽列印 (Ctrl+P, a QPrintPreviewDialog), 列印 (to a printer), 輸出 PDF, 重印… (asks a
reason) or 登錄轉交… (delivered by whom and when, or undeliverable: 移監 / 出監 / 其他). A whole print
run can be ticked at once from 選取整批. Printing marks the posts printed in the workstation's journal
and pushes; so does the hand-over (reviewer_app/journal/printing.py, reviewer_app/sync/push_records.py).

Standalone: it takes the journal, the sync (its engine is the shared database) and the document
store it needs. Database work runs on one TaskRunner, decoding and painting on another; the widgets
only show what comes back. Plugging it in for the counsellor role (and supervisors, who may print
too: ``security.can(role, "print")``)::

    view = PrintView(context.journal, context.sync, context.documents, staff_display_name=name)
    ...                     # a tab or the central widget; call view.shutdown() before the journal closes

It never pulls claims (a counsellor reviews nothing): it reads its own list and pushes with
``Sync.push``. Its actions carry the help group ``"print"`` and work while the view has focus.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reviewer_app.core.timeutil import FACILITY_TZ, local
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.journal.printing import (
    HANDOVER_FROM,
    PRINTABLE,
    PRINTED_STATUSES,
    BatchSummary,
    PrintCounts,
    PrintRefused,
    QueuedPost,
    unit_of,
)
from reviewer_app.printing.batch import Fetch, PreparedPost, Quality, prepare_post
from reviewer_app.printing.jobs import PrintDesk, PrintRun
from reviewer_app.printing.render import (
    configure_printer,
    is_preview,
    new_pdf_printer,
    print_font_family,
    render_posts,
)
from reviewer_app.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QAction,
    QBrush,
    QButtonGroup,
    QCloseEvent,
    QColor,
    QComboBox,
    QDateTime,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QProgressBar,
    QRadioButton,
    Qt,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.sync.service import PushResult, SharedDatabaseUnavailable, Sync
from reviewer_app.ui.common import words
from reviewer_app.ui.common.shortcuts import make_action
from reviewer_app.ui.common.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
POST_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1

#: The list's filters: which local statuses each shows (None: everything in the list).
FILTERS: dict[str, frozenset[str] | None] = {
    "to_print": frozenset({PRINTABLE}),
    "to_hand_over": frozenset(HANDOVER_FROM),
    "delivered": frozenset({"delivered"}),
    "all": None,
}


def _date(value: str | datetime | None) -> str:
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return f"{local(moment):%Y/%m/%d}"


# ---- the model ------------------------------------------------------------------------------------


class _Node:
    __slots__ = ("children", "key", "kind", "parent", "post", "row")

    def __init__(self, kind: str, key: object, parent: _Node | None, post: QueuedPost | None = None) -> None:
        self.kind = kind  # root | unit | inmate | post
        self.key = key
        self.parent = parent
        self.post = post
        self.children: list[_Node] = []
        self.row = 0

    def add(self, child: _Node) -> _Node:
        child.row = len(self.children)
        self.children.append(child)
        return child

    def leaves(self) -> Iterable[_Node]:
        if self.kind == "post":
            yield self
        for child in self.children:
            yield from child.leaves()


class PrintQueueModel(QAbstractItemModel):
    """Housing unit → inmate → post, a check box on each row (a parent ticks all below it)."""

    COLUMNS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node("root", None, None)
        self._checked: set[int] = set()
        self._order: list[int] = []

    # -- content

    def set_posts(self, posts: Sequence[QueuedPost]) -> None:
        """Show these posts (in this order, grouped); ticks on posts still shown are kept."""
        self.beginResetModel()
        root = _Node("root", None, None)
        units: dict[str, _Node] = {}
        inmates: dict[tuple[str, object], _Node] = {}
        for post in posts:
            unit = unit_of(post.housing_unit) or post.housing_unit
            unit_node = units.get(unit)
            if unit_node is None:
                unit_node = units[unit] = root.add(_Node("unit", unit, root))
            inmate_key = (unit, post.inmate.id or post.call_number)
            inmate_node = inmates.get(inmate_key)
            if inmate_node is None:
                inmate_node = inmates[inmate_key] = unit_node.add(
                    _Node("inmate", inmate_key, unit_node, post)
                )
            inmate_node.add(_Node("post", post.post_id, inmate_node, post))
        self._root = root
        self._order = [p.post_id for p in posts]
        self._checked &= set(self._order)
        self.endResetModel()

    def posts(self) -> list[QueuedPost]:
        return [n.post for u in self._root.children for i in u.children for n in i.children if n.post]

    def checked_posts(self) -> list[QueuedPost]:
        return [p for p in self.posts() if p.post_id in self._checked]

    def checked_ids(self) -> list[int]:
        return [pid for pid in self._order if pid in self._checked]

    def set_checked(self, post_ids: Iterable[int], checked: bool = True) -> None:
        ids = set(post_ids) & set(self._order)
        if checked:
            self._checked |= ids
        else:
            self._checked -= ids
        self._all_changed()

    def check_all(self, checked: bool = True) -> None:
        self._checked = set(self._order) if checked else set()
        self._all_changed()

    def post_at(self, index: AnyIndex) -> QueuedPost | None:
        node = self._node(index)
        return node.post if node.kind == "post" else None

    def index_of(self, post_id: int) -> QModelIndex:
        for unit in self._root.children:
            for inmate in unit.children:
                for node in inmate.children:
                    if node.key == post_id:
                        return self.createIndex(node.row, 0, node)
        return QModelIndex()

    def _all_changed(self) -> None:
        def walk(node: _Node) -> None:
            for child in node.children:
                index = self.createIndex(child.row, 0, child)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
                walk(child)

        walk(self._root)

    # -- structure

    def _node(self, index: AnyIndex) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.COLUMNS or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return self.headers()[section]

    def headers(self) -> list[str]:
        return [
            self.tr("Housing unit / inmate / post"),
            self.tr("Status"),
            self.tr("Family member"),
            self.tr("Approved"),
            self.tr("Printed"),
            self.tr("Attachments and notes"),
        ]

    def _check_state(self, node: _Node) -> Qt.CheckState:
        if node.kind == "post":
            return Qt.CheckState.Checked if node.key in self._checked else Qt.CheckState.Unchecked
        ids = [n.key for n in node.leaves()]
        ticked = sum(1 for pid in ids if pid in self._checked)
        if ticked == 0:
            return Qt.CheckState.Unchecked
        return Qt.CheckState.Checked if ticked == len(ids) else Qt.CheckState.PartiallyChecked

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole:
            return self._check_state(node) if column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == POST_ID_ROLE:
            return node.key if node.kind == "post" else None
        problem = node.kind == "post" and node.post is not None and bool(node.post.problem)
        if role == Qt.ItemDataRole.ForegroundRole and problem and column in (1, 5):
            return QBrush(QColor(170, 30, 30))
        return None

    def _display(self, node: _Node, column: int) -> str | None:
        if node.kind == "unit":
            if column == 0:
                count = sum(1 for _ in node.leaves())
                return self.tr("{unit} ({count})").format(unit=node.key, count=count)
            return None
        post = node.post
        assert post is not None
        snap = post.snapshot
        if node.kind == "inmate":
            if column != 0:
                return None
            inmate = post.inmate
            text = f"{inmate.call_number}　{inmate.name}　{inmate.housing_unit}"
            custody = inmate.custody
            if custody == "transferred":
                text += self.tr(" (transferred)")
            elif custody == "released":
                text += self.tr(" (released)")
            return text
        if column == 0:
            return post.title or self.tr("(no title)")
        if column == 1:
            status = words.item_status(post.local_status)
            if post.waiting_to_sync:
                status = self.tr("{status}, waiting to sync").format(status=status)
            return status
        if column == 2:
            applicant = snap.applicant.name
            relation = words.relationship(snap.relationship)
            return f"{applicant}（{relation}）" if relation else applicant
        if column == 3:
            return _date(snap.approved_at)
        if column == 4:
            if not post.prints:
                return ""
            return self.tr("{count}× {date}").format(count=post.prints, date=_date(post.last_printed_at))
        if column == 5:
            parts = []
            pdfs = sum(1 for d in snap.documents if d.mime_type.endswith("pdf"))
            if pdfs:
                parts.append(self.tr("{count} PDF").format(count=pdfs))
            if post.problem:
                parts.append(post.problem)
            return "　".join(parts)
        return None

    def _tooltip(self, node: _Node) -> str | None:
        post = node.post
        if post is None or node.kind != "post":
            return None
        tip = f"{post.title}\n{post.snapshot.body}"
        return f"{tip}\n\n{post.problem}" if post.problem else tip

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        node = self._node(index)
        ids = {int(n.key) for n in node.leaves()}  # type: ignore[call-overload]
        if state == Qt.CheckState.Checked:
            self._checked |= ids
        else:
            self._checked -= ids
        self._changed_around(node)
        return True

    def _changed_around(self, node: _Node) -> None:
        roles = [Qt.ItemDataRole.CheckStateRole]

        def down(n: _Node) -> None:
            for child in n.children:
                index = self.createIndex(child.row, 0, child)
                self.dataChanged.emit(index, index, roles)
                down(child)

        down(node)
        up: _Node | None = node
        while up is not None and up is not self._root:
            index = self.createIndex(up.row, 0, up)
            self.dataChanged.emit(index, index, roles)
            up = up.parent


# ---- dialogs --------------------------------------------------------------------------------------


class ReprintDialog(QDialog):
    """Why these posts are printed again (logged with the print record)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprintDialog")
        self.setWindowTitle(self.tr("Reprint"))
        intro = QLabel(
            self.tr("{count} of the ticked posts were printed before. Why print them again?").format(
                count=count
            )
        )
        intro.setWordWrap(True)
        self.reason_combo = QComboBox()
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems(
            [
                self.tr("The printout was damaged"),
                self.tr("The printout was lost"),
                self.tr("The inmate asked for another copy"),
                self.tr("Printing failed (paper jam, faint print)"),
            ]
        )
        self.reason_combo.setCurrentIndex(-1)
        line = self.reason_combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Choose or type the reason"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(self.tr("Reprint"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_combo.currentTextChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason_combo)
        layout.addWidget(self.buttons)
        self._update()

    def reason(self) -> str:
        return " ".join(self.reason_combo.currentText().split())

    def set_reason(self, text: str) -> None:
        self.reason_combo.setEditText(text)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setEnabled(bool(self.reason()))


@dataclass(frozen=True)
class HandoverInput:
    outcome: str
    handed_over_by: str
    handed_over_at: datetime
    recipient: str | None
    reason: str | None
    note: str | None


class HandoverDialog(QDialog):
    """登錄轉交 for one post or a batch: delivered (by whom, when), or undeliverable and why."""

    def __init__(self, count: int, default_by: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Record hand-over"))
        intro = QLabel(self.tr("Hand-over of {count} printed post(s):").format(count=count))
        self.delivered = QRadioButton(self.tr("Delivered to the inmate"))
        self.undeliverable = QRadioButton(self.tr("Could not be delivered"))
        self.delivered.setChecked(True)
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.delivered)
        self.outcome_group.addButton(self.undeliverable)
        self.by_edit = QLineEdit(default_by)
        self.at_edit = QDateTimeEdit()
        self.at_edit.setDisplayFormat("yyyy/MM/dd HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDateTime(QDateTime.fromString(f"{local(now):%Y-%m-%d %H:%M}", "yyyy-MM-dd HH:mm"))
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setPlaceholderText(self.tr("Only if not the inmate in person"))
        self.reason_combo = QComboBox()
        for code, label in (
            ("transferred", self.tr("Transferred (移監)")),
            ("released", self.tr("Released (出監)")),
            ("other", self.tr("Other")),
        ):
            self.reason_combo.addItem(label, code)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Required for Other"))
        form = QFormLayout()
        form.addRow(self.tr("Handed over by"), self.by_edit)
        form.addRow(self.tr("When"), self.at_edit)
        form.addRow(self.tr("Recipient"), self.recipient_edit)
        form.addRow(self.tr("Reason"), self.reason_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(self.tr("Record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(self.delivered)
        row.addWidget(self.undeliverable)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for signal in (
            self.delivered.toggled,
            self.by_edit.textChanged,
            self.note_edit.textChanged,
            self.reason_combo.currentIndexChanged,
        ):
            signal.connect(self._update)
        self._update()

    def set_undeliverable(self, reason: str, note: str = "") -> None:
        self.undeliverable.setChecked(True)
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(reason)))
        self.note_edit.setText(note)

    def values(self) -> HandoverInput:
        delivered = self.delivered.isChecked()
        at = datetime.strptime(self.at_edit.dateTime().toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M")
        return HandoverInput(
            outcome="delivered" if delivered else "undeliverable",
            handed_over_by=" ".join(self.by_edit.text().split()),
            handed_over_at=at.replace(tzinfo=FACILITY_TZ).astimezone(UTC),
            recipient=(self.recipient_edit.text().strip() or None) if delivered else None,
            reason=None if delivered else str(self.reason_combo.currentData()),
            note=self.note_edit.text().strip() or None,
        )

    def _update(self) -> None:
        delivered = self.delivered.isChecked()
        self.recipient_edit.setEnabled(delivered)
        self.reason_combo.setEnabled(not delivered)
        v = self.values()
        ok = bool(v.handed_over_by) and (delivered or v.reason != "other" or bool(v.note))
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        button.setEnabled(ok)


# ---- the view -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Loaded:
    posts: list[QueuedPost]
    counts: PrintCounts
    batches: list[BatchSummary]
    offline: bool


class PrintView(QWidget):
    #: the list on screen is the newest
    refreshed = Signal()
    #: posts were printed (paper or PDF) and recorded: how many
    printed = Signal(int)
    #: hand-overs were recorded: how many
    handedOver = Signal(int)
    #: a line for the counsellor (also shown in the view)
    message = Signal(str)

    def __init__(
        self,
        journal: Journal,
        sync: Sync,
        documents: DocumentStore | Fetch,
        *,
        staff_display_name: str,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printView")
        if sync.journal is not journal:
            raise ValueError("the sync must push this journal")
        self.journal = journal
        fetch = documents.fetch_to_print if isinstance(documents, DocumentStore) else documents
        self.desk = PrintDesk(sync, fetch, staff_display_name, clock)
        self.db_tasks = TaskRunner("print-db", self)
        self.work = TaskRunner("print-work", self)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(self.printer)
        self._loaded: _Loaded | None = None
        self._preview_posts: list[PreparedPost] = []
        self._print_from_preview = False
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.reprint_dialog: ReprintDialog | None = None
        self.handover_dialog: HandoverDialog | None = None
        self._closed = False

        self.model = PrintQueueModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("printTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 360)
        for column, width in ((1, 140), (2, 200), (3, 110), (4, 150)):
            header.resizeSection(column, width)

        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("printFilter")
        for key, label in (
            ("to_print", self.tr("To print")),
            ("to_hand_over", self.tr("To hand over")),
            ("delivered", self.tr("Delivered lately")),
            ("all", self.tr("All")),
        ):
            self.filter_combo.addItem(label, key)
        self.filter_combo.currentIndexChanged.connect(self._show)
        self.batch_combo = QComboBox()
        self.batch_combo.setObjectName("printBatches")
        self.batch_combo.setMinimumContentsLength(18)
        self.batch_combo.activated.connect(self._batch_chosen)

        self.refresh_action = make_action(
            self, self.tr("Refresh"), ["F5"], self.refresh, "printRefresh", "print"
        )
        self.preview_action = make_action(
            self,
            self.tr("Print preview"),
            [QKeySequence.StandardKey.Print],
            self.preview_checked,
            "printPreview",
            "print",
        )
        self.print_action = make_action(
            self, self.tr("Print…"), ["Ctrl+Shift+P"], self.print_checked, "printPrint", "print"
        )
        self.pdf_action = make_action(
            self, self.tr("Export PDF…"), ["Ctrl+Shift+E"], self.export_checked, "printPdf", "print"
        )
        self.reprint_action = make_action(
            self, self.tr("Reprint…"), ["Ctrl+Shift+R"], self.reprint_checked, "printReprint", "print"
        )
        self.handover_action = make_action(
            self,
            self.tr("Record hand-over…"),
            ["Ctrl+Shift+H"],
            self.handover_checked,
            "printHandover",
            "print",
        )
        self.check_all_action = make_action(
            self, self.tr("Tick all"), ["Ctrl+A"], lambda: self.model.check_all(True), "printTickAll", "print"
        )
        self.check_none_action = make_action(
            self,
            self.tr("Tick none"),
            ["Ctrl+Shift+A"],
            lambda: self.model.check_all(False),
            "printTickNone",
            "print",
        )
        self._actions: list[QAction] = [
            self.refresh_action, self.preview_action, self.print_action, self.pdf_action,
            self.reprint_action, self.handover_action, self.check_all_action, self.check_none_action,
        ]  # fmt: skip
        for action in self._actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.filter_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Tick a print run")))
        bar.addWidget(self.batch_combo)
        bar.addStretch(1)
        for action in (self.refresh_action, self.check_all_action, self.check_none_action):
            bar.addWidget(self._button(action))
        buttons = QHBoxLayout()
        for action in (
            self.preview_action,
            self.print_action,
            self.pdf_action,
            self.reprint_action,
            self.handover_action,
        ):
            buttons.addWidget(self._button(action))
        buttons.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("printProgress")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        buttons.addWidget(self.progress)
        self.status_label = QLabel()
        self.status_label.setObjectName("printStatus")
        self.status_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("printMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.message_label)

        self.db_tasks.busyChanged.connect(self._update_actions)
        self.work.busyChanged.connect(self._update_actions)
        self.model.dataChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()
        self.refresh()

    def _run(
        self,
        runner: TaskRunner,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        name: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Start `fn` on a worker. Garbage is collected here first, on the GUI thread: a collection
        that the worker's allocations would otherwise trigger could free a widget off the GUI thread."""
        gc.collect()
        runner.run(fn, done, failed or self._failed, name=name)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # ---- state -----------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self.db_tasks.is_busy() or self.work.is_busy()

    def checked_posts(self) -> list[QueuedPost]:
        return self.model.checked_posts()

    def set_filter(self, key: str) -> None:
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(key)))

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message.emit(text)

    def _update_actions(self, *_: object) -> None:
        busy = self.is_busy()
        ticked = self.model.checked_posts()
        printable = any(p.local_status in PRINTED_STATUSES | {PRINTABLE} for p in ticked)
        for action in (self.preview_action, self.print_action, self.pdf_action):
            action.setEnabled(not busy and printable)
        self.reprint_action.setEnabled(not busy and any(p.local_status in PRINTED_STATUSES for p in ticked))
        self.handover_action.setEnabled(not busy and any(p.local_status in HANDOVER_FROM for p in ticked))
        self.refresh_action.setEnabled(not self.db_tasks.is_busy())

    # ---- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list from the shared database (on a worker); offline, the journal's last copy."""
        if self._closed:
            return
        desk = self.desk

        def load() -> _Loaded:
            offline = False
            try:
                desk.refresh()
            except SharedDatabaseUnavailable:
                offline = True
            return _Loaded(desk.queue(), desk.book.counts(), desk.book.batches(), offline)

        self._run(self.db_tasks, load, self._loaded_list, "print-refresh")

    def _loaded_list(self, loaded: _Loaded) -> None:
        self._loaded = loaded
        self._show()
        self.batch_combo.clear()
        self.batch_combo.addItem(self.tr("(choose)"), None)
        for batch in loaded.batches:
            label = self.tr("{when} · {count} posts").format(
                when=f"{local(batch.printed_at):%m/%d %H:%M}", count=batch.posts
            )
            self.batch_combo.addItem(label, batch.key)
        c = loaded.counts
        status = self.tr("To print {a} · to hand over {b} · waiting to sync {c} · conflicts {d}").format(
            a=c.to_print, b=c.to_hand_over, c=c.waiting_to_sync, d=c.conflicts
        )
        if loaded.offline:
            status += self.tr(" — shared database unreachable: showing the last list")
        self.status_label.setText(status)
        self.refreshed.emit()

    def _show(self, *_: object) -> None:
        if self._loaded is None:
            return
        wanted = FILTERS.get(str(self.filter_combo.currentData()))
        posts = [p for p in self._loaded.posts if wanted is None or p.local_status in wanted]
        self.model.set_posts(posts)
        self.tree.expandAll()

    def _batch_chosen(self, row: int) -> None:
        key = self.batch_combo.itemData(row)
        if not key or self._loaded is None:
            return
        batch = next((b for b in self._loaded.batches if b.key == key), None)
        if batch is None:
            return
        self.select_batch(batch.post_ids)

    def select_batch(self, post_ids: Sequence[int]) -> None:
        """Tick a whole print run's posts that still wait for their hand-over."""
        self.set_filter("to_hand_over")
        self.model.check_all(False)
        self.model.set_checked(post_ids)
        self._say(
            self.tr("{count} posts of the print run ticked").format(count=len(self.model.checked_ids()))
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PrintRefused):
            self._say(str(error))
        elif isinstance(error, SharedDatabaseUnavailable):
            self._say(self.tr("The shared database is unreachable; the records wait on this workstation."))
        else:
            self._say(self.tr("Something went wrong: {error}").format(error=error))
        self.progress.hide()

    # ---- printing --------------------------------------------------------------------------------

    def _printable_checked(self) -> list[QueuedPost]:
        return [p for p in self.model.checked_posts() if p.local_status in PRINTED_STATUSES | {PRINTABLE}]

    def _with_reason(self, posts: list[QueuedPost], then: Callable[[str | None], None]) -> None:
        """Ask why, when some of the posts were printed before (a reprint); then go on."""
        again = [p for p in posts if p.local_status in PRINTED_STATUSES]
        if not again:
            then(None)
            return
        dialog = ReprintDialog(len(again), self)
        self.reprint_dialog = dialog

        def done(result: int) -> None:
            self.reprint_dialog = None
            if result == QDialog.DialogCode.Accepted and dialog.reason():
                then(dialog.reason())
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def preview_checked(self) -> None:
        """Ctrl+P: the ticked posts in a print preview (decoded on a worker, then shown)."""
        posts = self._printable_checked()
        if not posts:
            self._say(self.tr("Tick the posts to print first."))
            return
        self._with_reason(posts, lambda reason: self._prepare_preview(posts, reason))

    def _prepare_preview(self, posts: list[QueuedPost], reason: str | None) -> None:
        fetch = self.desk.fetch
        snapshots = [p.snapshot for p in posts]

        def prepare() -> list[PreparedPost]:
            print_font_family()  # made once (about half a second): here, not on the GUI thread
            return [prepare_post(s, fetch, Quality.PREVIEW, compact=True) for s in snapshots]

        self._progress(self.tr("Preparing the preview…"))
        self._run(self.work, prepare, lambda prepared: self._open_preview(posts, prepared, reason), "preview")

    def _open_preview(
        self, posts: list[QueuedPost], prepared: list[PreparedPost], reason: str | None
    ) -> None:
        self.progress.hide()
        if self._closed:
            return
        self._preview_posts = prepared
        self._print_from_preview = False
        reprints = {p.post_id for p in posts if p.local_status in PRINTED_STATUSES}
        dialog = QPrintPreviewDialog(self.printer, self)
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(self.tr("Print preview: {count} posts").format(count=len(posts)))
        dialog.resize(1000, 900)
        self.preview_dialog = dialog

        def paint(printer: QPrinter) -> None:
            if not is_preview(printer):
                # The dialog's own Print button: print for real on the worker, at full resolution,
                # once the dialog has closed.
                self._print_from_preview = True
                return
            render_posts(
                printer,
                self._preview_posts,
                printed_by=self.desk.display_name,
                printed_at=self.desk.clock(),
                reprints=reprints,
            )

        def finished(result: int) -> None:
            self.preview_dialog = None
            self._preview_posts = []
            if result == QDialog.DialogCode.Accepted and self._print_from_preview:
                self._start_print(self.printer, posts, reason)
            dialog.deleteLater()

        dialog.paintRequested.connect(paint)
        dialog.finished.connect(finished)
        dialog.open()

    def print_checked(self) -> None:
        """The ticked posts to a printer (Qt's print dialog chooses it)."""
        posts = self._printable_checked()
        if not posts:
            self._say(self.tr("Tick the posts to print first."))
            return
        self._with_reason(posts, lambda reason: self._ask_printer(posts, reason))

    def reprint_checked(self) -> None:
        """Print again the ticked posts that were printed before (asks the reason)."""
        posts = [p for p in self.model.checked_posts() if p.local_status in PRINTED_STATUSES]
        if not posts:
            self._say(self.tr("Tick printed posts to reprint."))
            return
        self._with_reason(posts, lambda reason: self._ask_printer(posts, reason))

    def _ask_printer(self, posts: list[QueuedPost], reason: str | None) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("printDialog")
        self.print_dialog = dialog

        def done(result: int) -> None:
            self.print_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self._start_print(self.printer, posts, reason)
            dialog.deleteLater()

        dialog.finished.connect(done)
        QDialog.open(dialog)  # the plain modal open (QPrintDialog overloads open with a receiver)

    def export_checked(self) -> None:
        """The ticked posts to a PDF file (asks where)."""
        posts = self._printable_checked()
        if not posts:
            self._say(self.tr("Tick the posts to print first."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export PDF"),
            f"家庭聯絡簿-{local(self.desk.clock()):%Y%m%d-%H%M}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """The ticked posts to `path` (a reprint reason is asked for posts printed before)."""
        posts = self._printable_checked()
        if not posts:
            self._say(self.tr("Tick the posts to print first."))
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self._with_reason(posts, lambda reason: self._start_print(new_pdf_printer(path), posts, reason))

    def _progress(self, text: str, maximum: int = 0) -> None:
        self.progress.setRange(0, maximum)
        self.progress.setValue(0)
        self.progress.show()
        self._say(text)

    def _start_print(self, printer: QPrinter, posts: list[QueuedPost], reason: str | None) -> None:
        if self._closed:
            return
        desk = self.desk
        copies = max(1, printer.copyCount())

        def work() -> PrintRun:
            return desk.print_to(printer, posts, copies=copies, reprint_reason=reason)

        self._progress(self.tr("Printing {count} posts…").format(count=len(posts)))
        self._run(self.work, work, lambda run: self._printed(run, printer), "print-run")

    def _printed(self, run: PrintRun, printer: QPrinter) -> None:
        self.progress.hide()
        self.model.check_all(False)
        where = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
        text = self.tr("Printed {posts} posts, {pages} pages.").format(
            posts=run.summary.posts, pages=run.summary.pages
        )
        if where:
            text += " " + self.tr("PDF: {path}").format(path=where)
        if run.summary.notes:
            text += "\n" + "\n".join(run.summary.notes)
        self._say(text)
        self.printed.emit(run.summary.posts)
        self._push()

    # ---- hand-over -------------------------------------------------------------------------------

    def handover_checked(self) -> None:
        """登錄轉交 for the ticked printed posts (one, a few, or a whole print run)."""
        posts = [p for p in self.model.checked_posts() if p.local_status in HANDOVER_FROM]
        if not posts:
            self._say(self.tr("Tick printed posts to record their hand-over."))
            return
        dialog = HandoverDialog(len(posts), self.desk.display_name, self.desk.clock(), self)
        self.handover_dialog = dialog

        def done(result: int) -> None:
            self.handover_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self._record_handover(posts, dialog.values())
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()

    def _record_handover(self, posts: list[QueuedPost], values: HandoverInput) -> None:
        desk = self.desk
        ids = [p.post_id for p in posts]

        def record() -> int:
            records = desk.book.record_handover(
                ids,
                outcome=values.outcome,
                handed_over_by=values.handed_over_by,
                handed_over_at=values.handed_over_at,
                recipient=values.recipient,
                note=values.note,
                reason=values.reason,
                recorded_by=desk.username,
                workstation=desk.workstation,
                now=desk.clock(),
            )
            return len(records)

        def done(count: int) -> None:
            self.model.check_all(False)
            self._say(self.tr("Hand-over recorded for {count} posts.").format(count=count))
            self.handedOver.emit(count)
            self._push()

        self._run(self.db_tasks, record, done, "print-handover")

    # ---- sync ------------------------------------------------------------------------------------

    def _push(self) -> None:
        def pushed(result: PushResult) -> None:
            notes = result.records.notes
            if notes:
                self._say(self.message_label.text() + "\n" + "\n".join(notes))
            self.refresh()

        def failed(error: BaseException) -> None:
            self._failed(error)
            self.refresh()

        self._run(self.db_tasks, self.desk.push, pushed, "print-push", failed)

    # ---- closing ---------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the workers (waits for a print run in progress). Called by closeEvent too."""
        if self._closed:
            return
        self._closed = True
        self.work.shutdown()
        self.db_tasks.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
