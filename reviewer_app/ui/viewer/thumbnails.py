"""The strip of thumbnails: one row per document of the item shown, in upload order."""

from __future__ import annotations

from typing import Any

from reviewer_app.core.items import DocumentRef
from reviewer_app.qt import (
    QAbstractListModel,
    QIcon,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPixmap,
    Qt,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.plain_text import plain_tooltip
from reviewer_app.ui.viewer.documents import DocKey, ShownDocument, doc_key

AnyIndex = QModelIndex | QPersistentModelIndex
DOC_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class ThumbnailModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentRef] = []
        self._shown: dict[DocKey, ShownDocument] = {}
        #: The thumbnails as icons: a view draws an icon at its icon size (a picture at its own size,
        #: which pushed a portrait photo's caption out of its cell).
        self._icons: dict[DocKey, QIcon] = {}

    def set_documents(self, docs: list[DocumentRef], shown: dict[DocKey, ShownDocument]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self._shown = dict(shown)
        self._icons = {key: icon for key, s in self._shown.items() if (icon := _icon(s)) is not None}
        self.endResetModel()

    def documents(self) -> list[DocumentRef]:
        return list(self._docs)

    def doc_at(self, row: int) -> DocumentRef:
        return self._docs[row]

    def shown_at(self, row: int) -> ShownDocument | None:
        return self._shown.get(doc_key(self._docs[row]))

    def row_of(self, key: DocKey) -> int | None:
        return next((i for i, d in enumerate(self._docs) if doc_key(d) == key), None)

    def set_shown(self, shown: ShownDocument) -> None:
        row = self.row_of(shown.key)
        if row is None:
            return
        self._shown[shown.key] = shown
        icon = _icon(shown)
        if icon is not None:
            self._icons[shown.key] = icon
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # ---- QAbstractListModel --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._docs)) or index.column() != 0:
            return None
        doc = self._docs[index.row()]
        shown = self._shown.get(doc_key(doc))
        if role == Qt.ItemDataRole.DisplayRole:
            label = words.document_kind(doc.kind)
            if shown is None:
                return self.tr("{kind}\nLoading…").format(kind=label)
            if shown.problem is not None:
                return self.tr("{kind}\nCannot be shown").format(kind=label)
            if shown.pages > 1:
                return self.tr("{kind}\n%n page(s)", "", shown.pages).format(kind=label)
            return label
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(doc_key(doc))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = doc.filename  # the family's own file name: shown as written, never as HTML
            if shown is not None and shown.problem:
                tip += "\n" + shown.problem
            return plain_tooltip(tip)
        if role == DOC_ID_ROLE:
            return doc.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        return None


def _icon(shown: ShownDocument) -> QIcon | None:
    return QIcon(QPixmap.fromImage(shown.thumbnail)) if shown.thumbnail is not None else None
