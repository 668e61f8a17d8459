"""The counsellor's list as a tree: housing unit → inmate → post, a check box on each row.

Ticking a unit or an inmate ticks every post below it; a parent shows partly ticked when only some are.
The view (print_view.py) sets the posts and reads back the ticked ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from reviewer_app.core.timeutil import local
from reviewer_app.journal.printing import QueuedPost, unit_of
from reviewer_app.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QBrush,
    QColor,
    QHeaderView,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTreeView,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.plain_text import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
POST_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _date(value: str | datetime | None) -> str:
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return f"{local(moment):%Y/%m/%d}"


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
        self._notes: dict[int, str] = {}

    # -- content

    def set_posts(self, posts: Sequence[QueuedPost], notes: Mapping[int, str] | None = None) -> None:
        """Show these posts (in this order, grouped); ticks on posts still shown are kept. `notes`:
        post id → a line the counsellor must see (why it could not be handed over)."""
        self.beginResetModel()
        self._notes = dict(notes or {})
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
            note = self._notes.get(post.post_id)
            if note:
                parts.append(note)
            if post.problem:
                parts.append(post.problem)
            return "　".join(parts)
        return None

    def _tooltip(self, node: _Node) -> str | None:
        post = node.post
        if post is None or node.kind != "post":
            return None
        tip = f"{post.title}\n{post.snapshot.body}"  # the family's words: shown as written, never as HTML
        if post.post_id in self._notes:
            tip += f"\n\n{self._notes[post.post_id]}"
        return plain_tooltip(f"{tip}\n\n{post.problem}" if post.problem else tip)

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


def print_tree(model: PrintQueueModel) -> QTreeView:
    """The tree showing `model`: rows of one height, wide first column, many rows selectable."""
    tree = QTreeView()
    tree.setObjectName("printTree")
    tree.setModel(model)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    header = tree.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(0, 360)
    for column, width in ((1, 140), (2, 200), (3, 110), (4, 150)):
        header.resizeSection(column, width)
    return tree
