"""The compare pane: the applicant's photo and the ID document side by side, and the viewer's small
widgets it shares (a plain-text label, an image view that hands Escape back to the desk)."""

from __future__ import annotations

from reviewer_app.core.items import DocumentRef
from reviewer_app.qt import (
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QPainter,
    QPaintEvent,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.viewer.documents import ShownDocument
from reviewer_app.ui.viewer.image_view import ImageView

CAPTION_STYLE = "font-weight: bold;"
#: The two documents compared side by side: the applicant's photo and the ID document.
COMPARE_KINDS = ("applicant_photo", "id_document")


def make_label(name: str, *, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ElidedLabel(QLabel):
    """One line of plain text that gives up its middle ("附件 · IMG_…_0668.JPG") when the room is short,
    instead of being clipped; ``text()`` is the whole text, and so is the tooltip."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, _event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, rect.width())
        painter = QPainter(self)
        painter.drawText(rect, int(self.alignment()), shown)


class EscapeView(ImageView):
    """An image view that hands Escape back to the desk (arrow keys pan while it has focus)."""

    escapePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ComparePane(QWidget):
    """The applicant's photo and the ID document side by side, each fitted, zoomed together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePane")
        self.views: dict[str, EscapeView] = {}
        self.captions: dict[str, QLabel] = {}
        self.shown: dict[str, ShownDocument | None] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for kind in COMPARE_KINDS:
            column = QVBoxLayout()
            caption = make_label(f"compareCaption_{kind}", selectable=False)
            caption.setStyleSheet(CAPTION_STYLE)
            caption.setWordWrap(True)
            view = EscapeView()
            view.setObjectName(f"compareView_{kind}")
            column.addWidget(caption)
            column.addWidget(view, 1)
            layout.addLayout(column, 1)
            self.views[kind] = view
            self.captions[kind] = caption

    def show_documents(self, docs: dict[str, tuple[DocumentRef | None, ShownDocument | None]]) -> None:
        for kind in COMPARE_KINDS:
            doc, shown = docs.get(kind, (None, None))
            caption, view = self.captions[kind], self.views[kind]
            label = words.document_kind(kind)
            if doc is None:
                caption.setText(self.tr("{kind}: not uploaded").format(kind=label))
                view.set_image(None)
            elif shown is None:
                caption.setText(self.tr("{kind}: loading…").format(kind=label))
                view.set_image(None)
            elif shown.problem is not None:
                caption.setText(self.tr("{kind}: {problem}").format(kind=label, problem=shown.problem))
                view.set_image(None)
            else:
                caption.setText(label)
                if view.property("docKey") != list(shown.key):
                    view.set_image(shown.image, size=shown.size)
                elif shown.image is not None and view.image_size()[0] != shown.image.width():
                    view.set_image(shown.image, keep_view=True, size=shown.size)  # the whole picture came
            self.shown[kind] = shown if shown is not None and shown.problem is None else None
            view.setProperty(
                "docKey", list(shown.key) if shown is not None and shown.problem is None else None
            )
