"""Tooltips show what a family wrote exactly as written (#19 item 7).

Qt shows a tooltip as HTML when it looks like rich text: a file name `<b>bold</b>.jpg` would come out
bold as "bold.jpg", and `<img src=x>` as an empty picture. Each check reads what Qt would put on the
screen for the tooltip a model gives, and one shows the real tooltip window and looks at its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.core.items import DocumentRef
from reviewer_app.qt import QApplication, QLabel, QPoint, QtGui, QtWidgets
from reviewer_app.ui.common.plain_text import plain_tooltip
from reviewer_app.ui.queue.model import Column, QueueModel
from reviewer_app.ui.viewer.documents import ShownDocument, doc_key
from reviewer_app.ui.viewer.thumbnails import ThumbnailModel
from tests.ui.queue.test_model import make_row

HOSTILE = ["<b>bold</b>.jpg", "<img src=x>.png", "a & b  <i>c</i>\n第二行\u3000<u>x</u>"]


def what_qt_shows(tip: object) -> str:
    """The text a tooltip puts on the screen: Qt renders it as HTML when it might be rich text
    (QToolTip → QLabel with Qt::AutoText)."""
    assert isinstance(tip, str)
    if not QtGui.Qt.mightBeRichText(tip):
        return tip
    document = QtGui.QTextDocument()
    document.setHtml(tip)
    return document.toPlainText().replace("\u2029", "\n").replace("\u2028", "\n").replace("\xa0", " ")


@pytest.mark.parametrize("text", HOSTILE)
def test_the_helper_keeps_the_text_literal(qapp: QApplication, text: str) -> None:
    assert what_qt_shows(plain_tooltip(text)) == text


def test_a_thumbnails_tooltip_shows_the_familys_file_name_literally(qapp: QApplication) -> None:
    model = ThumbnailModel()
    docs = [
        DocumentRef(i, "post_attachment", name, "image/jpeg", size_bytes=1, sha256=f"{i:064x}")
        for i, name in enumerate(HOSTILE, start=1)
    ]
    problem = ShownDocument(doc_key(docs[0]), docs[0], problem="檔案已損毀，無法顯示")
    model.set_documents(docs, {problem.key: problem})
    tooltip = QtGui.Qt.ItemDataRole.ToolTipRole
    tips = [what_qt_shows(model.data(model.index(row, 0), tooltip)) for row in range(3)]
    assert tips == [f"{HOSTILE[0]}\n檔案已損毀，無法顯示", HOSTILE[1], HOSTILE[2]]


def test_a_queue_tooltip_shows_what_the_family_wrote_literally(qapp: QApplication) -> None:
    row = make_row(7, rules=("E6",))
    row = type(row)(**{**row.__dict__, "finding_messages": ("E6　呼號與姓氏不符：<b>王</b>",)})
    model = QueueModel()
    model.set_rows([row])
    tip = model.data(model.index(0, int(Column.RULES)), QtGui.Qt.ItemDataRole.ToolTipRole)
    assert what_qt_shows(tip) == "E6　呼號與姓氏不符：<b>王</b>"


def test_the_real_tooltip_window_shows_the_name_as_written(qtbot: QtBot, tmp_path: Path) -> None:
    owner = QLabel("縮圖")
    qtbot.addWidget(owner)
    owner.show()
    QtWidgets.QToolTip.showText(owner.mapToGlobal(QPoint(5, 5)), plain_tooltip(HOSTILE[0]), owner)
    qtbot.waitUntil(QtWidgets.QToolTip.isVisible)
    (label,) = [w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel") and w.isVisible()]
    assert isinstance(label, QLabel)
    assert what_qt_shows(label.text()) == HOSTILE[0]
    label.grab().save(str(tmp_path / "tooltip.png"))
    QtWidgets.QToolTip.hideText()


def test_a_supervisor_tables_tooltip_shows_a_name_as_written(qapp: QApplication) -> None:
    from reviewer_app.ui.supervisor.common import ColumnSpec, RowsModel

    model: RowsModel[str] = RowsModel([ColumnSpec("家屬", lambda name: name)])
    model.set_rows(["<b>王</b>美玲"])
    index = model.index(0, 0)
    assert model.data(index) == "<b>王</b>美玲"  # the cell itself is plain text already
    assert what_qt_shows(model.data(index, QtGui.Qt.ItemDataRole.ToolTipRole)) == "<b>王</b>美玲"
