"""The viewer's metadata under the large view: file name, type and pages, size, pixels, when and with
what camera a photo was taken, and a privacy warning when a photo carries GPS data.

Its texts keep the ``DocumentViewer`` translation context they had when the viewer drew this itself
(literal ``QCoreApplication.translate`` calls, which lupdate finds)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reviewer_app.core.items import DocumentRef
from reviewer_app.qt import QCoreApplication, QEvent, QFrame, QGridLayout, QLabel, QSizePolicy, QWidget
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.common.spoken import with_caption
from reviewer_app.ui.viewer.compare_pane import make_label
from reviewer_app.ui.viewer.documents import ShownDocument

GPS_STYLE = "color: #8a3b00; background: #ffe9d6; border: 1px solid #e8a070; padding: 4px;"


class MetadataPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataBox")
        self.dates = DateStyle()
        self.file_label = make_label("metaFile")
        self.type_label = make_label("metaType")
        self.size_label = make_label("metaSize")
        self.pixels_label = make_label("metaPixels")
        self.captured_label = make_label("metaCaptured")
        self.camera_label = make_label("metaCamera")
        self.gps_warning = make_label("gpsWarning")
        self.gps_warning.setWordWrap(True)
        self.gps_warning.setStyleSheet(GPS_STYLE)
        self.gps_warning.hide()
        meta = QGridLayout(self)
        meta.setContentsMargins(0, 0, 0, 0)
        meta.setHorizontalSpacing(12)
        cells = [
            (lambda: QCoreApplication.translate("DocumentViewer", "File:"), self.file_label, 0, 0, 5),
            (lambda: QCoreApplication.translate("DocumentViewer", "Type:"), self.type_label, 1, 0, 1),
            (lambda: QCoreApplication.translate("DocumentViewer", "Size:"), self.size_label, 1, 2, 1),
            (lambda: QCoreApplication.translate("DocumentViewer", "Pixels:"), self.pixels_label, 1, 4, 1),
            (lambda: QCoreApplication.translate("DocumentViewer", "Taken:"), self.captured_label, 2, 0, 1),
            (lambda: QCoreApplication.translate("DocumentViewer", "Camera:"), self.camera_label, 2, 2, 3),
        ]
        self.texts = LiveTexts()  # the captions follow the desk's language
        self._captions: list[tuple[QLabel, QLabel]] = []
        for say, value, row, column, span in cells:
            name = QLabel()
            self.texts.bind(name.setText, say)
            self._captions.append((name, value))
            name.setStyleSheet("color: #555555;")
            meta.addWidget(name, row, column)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            meta.addWidget(value, row, column + 1, 1, span)
        for column in (1, 3, 5):
            meta.setColumnStretch(column, 1)
        meta.addWidget(self.gps_warning, 3, 0, 1, 6)

    def show_document(self, shown: ShownDocument | None, doc: DocumentRef | None = None) -> None:
        """What is known of ``doc`` (``shown``'s when not given); hidden when there is no document."""
        self._show(shown, doc)
        for caption, value in self._captions:  # a screen reader hears "類型：JPEG"
            with_caption(caption.text(), value)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.texts.retranslate()
            for caption, value in self._captions:
                with_caption(caption.text(), value)

    def _show(self, shown: ShownDocument | None, doc: DocumentRef | None) -> None:
        doc = doc or (shown.doc if shown is not None else None)
        meta = shown.metadata if shown is not None else None
        self.setVisible(doc is not None)
        if doc is None:
            return
        self.file_label.setText(doc.filename)
        if meta is None:
            self.type_label.setText(words.file_type(doc.mime_type))  # offline: as declared, in words
            self.size_label.setText(words.file_size(doc.size_bytes))
            for label in (self.pixels_label, self.captured_label, self.camera_label):
                label.setText("—")
            self.gps_warning.hide()
            return
        declared = str(getattr(meta, "mime_type", ""))
        type_text = str(getattr(meta, "format_label", "") or words.file_type(declared))
        pages = getattr(meta, "pages", None) or 1
        if pages > 1:
            type_text = QCoreApplication.translate("DocumentViewer", "{type}, %n page(s)", "", pages).format(
                type=type_text
            )
        self.type_label.setText(type_text)
        self.size_label.setText(words.file_size(int(getattr(meta, "size_bytes", 0) or doc.size_bytes)))
        width, height = getattr(meta, "width", None), getattr(meta, "height", None)
        self.pixels_label.setText(f"{width} × {height}" if width and height else "—")
        not_recorded = QCoreApplication.translate("DocumentViewer", "Not recorded")
        captured = getattr(meta, "captured_at", None)
        self.captured_label.setText(self._captured_text(captured) if captured else not_recorded)
        camera = getattr(meta, "camera", None)
        self.camera_label.setText(str(camera) if camera else not_recorded)
        if getattr(meta, "has_gps", False):
            self.gps_warning.setText(
                QCoreApplication.translate(
                    "DocumentViewer",
                    "Privacy: this photo contains GPS location data (where it was taken). "
                    "Do not pass the original file on.",
                )
            )
            self.gps_warning.show()
        else:
            self.gps_warning.hide()

    def _captured_text(self, captured: Any) -> str:
        if isinstance(captured, datetime):
            return f"{self.dates.date(captured.date())} {captured:%H:%M}"
        return str(captured)
