"""Where to save a file: Qt's own dialog (not the platform's), so it speaks the desk's language (Qt's
zh-TW translation, loaded by i18n.apply_language) and shows dates as the desk writes them (2026/12/07
14:05), not in the workstation's system locale ("7 12 2026" on a machine without a zh_TW locale).

It is opened without blocking (``dialog.open()``); ``fileSelected`` gives the chosen path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer_app.qt import (
    QDateTime,
    QFileDialog,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QtCore,
    QtWidgets,
    QWidget,
)

#: QFileSystemModel's columns: name, size, type, date modified.
DATE_COLUMN = 3


class DeskDatesProxy(QtCore.QIdentityProxyModel):
    """The file list as Qt's model gives it, with the modification time written 2026/12/07 14:05."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and index.column() == DATE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            if isinstance(source, QtWidgets.QFileSystemModel):
                moment: QDateTime = source.lastModified(self.mapToSource(index))
                return moment.toString("yyyy/MM/dd HH:mm") if moment.isValid() else ""
        return super().data(index, role)


def save_file_dialog(
    parent: QWidget, title: str, suggested: Path, name_filter: str, suffix: str
) -> QFileDialog:
    """A save dialog of Qt's own (in the desk's language), suggesting ``suggested``; not yet open."""
    dialog = QFileDialog(parent, title, str(suggested.parent), name_filter)
    dialog.setObjectName("saveFileDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.setProxyModel(DeskDatesProxy(dialog))
    dialog.selectFile(suggested.name)
    return dialog
