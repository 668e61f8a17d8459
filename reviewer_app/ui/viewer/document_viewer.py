"""The document viewer: a strip of thumbnails, a large view, the file's metadata, and side-by-side compare.

It shows the documents of the item the desk has selected (ID document, relationship proof, applicant
photo, post photos and PDF attachments). Everything it paints was decoded on the document worker
(:mod:`~reviewer_app.ui.viewer.documents`); a document that cannot be shown says why in its place.
"""

from __future__ import annotations

from typing import Any

from reviewer_app.core import rules
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.qt import (
    QAbstractItemView,
    QAction,
    QEvent,
    QHBoxLayout,
    QListView,
    QModelIndex,
    QSize,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.live_texts import is_language_change
from reviewer_app.ui.common.shortcuts import set_tooltip
from reviewer_app.ui.desk.desk_data import ItemDetail
from reviewer_app.ui.viewer import viewer_actions
from reviewer_app.ui.viewer.compare_pane import (
    COMPARE_KINDS,
    ComparePane,
    ElidedLabel,
    EscapeView,
    make_label,
)
from reviewer_app.ui.viewer.documents import DocKey, DocumentService, ShownDocument, doc_key
from reviewer_app.ui.viewer.image_view import ImageView
from reviewer_app.ui.viewer.metadata_panel import MetadataPanel
from reviewer_app.ui.viewer.thumbnails import ThumbnailModel

MESSAGE_STYLE = "color: #5a4a00; background: #fff8e0; border: 1px solid #e0c060; padding: 16px;"
#: The thumbnails' size: small, the document itself is what the reviewer reads.
THUMBNAIL = 64
#: Photos are decoded for the large view's size, but never for less than this (pixels).
PREVIEW_MIN = (800, 600)


class DocumentViewer(QWidget):
    """All documents of one item: thumbnails, a large view with zoom/pan/rotate/pages, metadata."""

    #: The reviewer pressed Escape in the large view: the desk gives the focus back to the queue.
    escapePressed = Signal()
    #: What is known of the shown item's documents changed: ``problems()`` may say something new.
    documentsChecked = Signal()

    # Set by viewer_actions.build_actions.
    next_document_action: QAction
    previous_document_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    fit_action: QAction
    fit_page_action: QAction
    actual_size_action: QAction
    rotate_right_action: QAction
    rotate_left_action: QAction
    next_page_action: QAction
    previous_page_action: QAction
    compare_action: QAction
    focus_view_action: QAction

    def __init__(self, service: DocumentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self.service = service
        self._detail: ItemDetail | None = None
        self._page = 0
        self._comparing = False
        service.documentReady.connect(self._document_ready)
        service.pageReady.connect(self._page_ready)

        viewer_actions.build_actions(self)

        self.thumbnails = ThumbnailModel(self)
        self.strip = QListView()
        self.strip.setObjectName("thumbnailStrip")
        self.strip.setModel(self.thumbnails)
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setResizeMode(QListView.ResizeMode.Adjust)
        self.strip.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.strip.setGridSize(QSize(150, THUMBNAIL + 2 * self.fontMetrics().height() + 14))
        self.strip.setUniformItemSizes(True)
        self.strip.setWordWrap(True)
        self.strip.setSpacing(2)
        self.strip.setFixedHeight(self.strip.gridSize().height() + 14)
        self.strip.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.strip.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.strip.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.strip.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.strip.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.strip.selectionModel().currentChanged.connect(self._strip_changed)

        self.doc_title = ElidedLabel("documentTitle")
        # One line, shortened in the middle when the tools need the room.
        self.doc_title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.doc_title.setMinimumWidth(40)
        self.page_label = make_label("pageLabel", selectable=False)
        self.zoom_label = make_label("zoomLabel", selectable=False)
        self.zoom_label.setMinimumWidth(56)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # A tool bar, not a row of buttons: on a narrow screen (1366 at 150 %) the tools that do not
        # fit go behind its » button instead of making the window wider than the screen.
        self.tools = QToolBar()
        self.tools.setObjectName("viewerTools")
        self.tools.setFloatable(False)
        self.tools.setMovable(False)
        self.tools.setStyleSheet("QToolBar { border: 0px; }")
        self._page_tools = [
            self.tools.addWidget(self._button(self.previous_page_action)),
            self.tools.addWidget(self.page_label),
            self.tools.addWidget(self._button(self.next_page_action)),
        ]
        self.tools.addSeparator()
        for action in (
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_action,
            self.fit_page_action,
            self.actual_size_action,
        ):
            self.tools.addWidget(self._button(action))
        self.tools.addWidget(self.zoom_label)
        self.tools.addSeparator()
        for action in (self.rotate_left_action, self.rotate_right_action, self.compare_action):
            self.tools.addWidget(self._button(action))
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.doc_title, 1)
        tools.addWidget(self.tools)

        self.view = EscapeView()
        self.view.escapePressed.connect(self.escapePressed)
        self.view.zoomChanged.connect(self._zoom_changed)
        self.message = make_label("documentMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        message_page = QWidget()
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message)
        message_layout.addStretch(1)
        self.compare = ComparePane()
        for kind, view in self.compare.views.items():
            view.escapePressed.connect(self.escapePressed)
            view.zoomChanged.connect(lambda *_zoom, kind=kind: self._compare_zoomed(kind))
        self.stack = QStackedWidget()
        self.stack.setObjectName("viewerStack")
        self.stack.addWidget(self.view)
        self.stack.addWidget(message_page)
        self.stack.addWidget(self.compare)

        self.meta_box = MetadataPanel()
        # The panel's labels, under the names the desk's tests and screenshots know.
        m = self.meta_box
        self.meta_file, self.meta_type, self.meta_size = m.file_label, m.type_label, m.size_label
        self.meta_pixels, self.meta_captured, self.meta_camera = (
            m.pixels_label,
            m.captured_label,
            m.camera_label,
        )
        self.gps_warning = m.gps_warning

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.strip)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.meta_box)
        self.show_item(None)

    def add_tool(self, action: QAction) -> QToolButton:
        """A button for one of the desk's own actions at the end of the viewer's tools (focus mode)."""
        button = self._button(action)
        self.tools.addSeparator()
        self.tools.addWidget(button)
        return button

    def _button(self, action: Any) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # ---- what is shown -------------------------------------------------------------------------

    def set_date_style(self, style: DateStyle) -> None:
        if style != self.meta_box.dates:
            self.meta_box.dates = style
            self._show_metadata(self.current_shown())

    def detail(self) -> ItemDetail | None:
        return self._detail

    def load_early(self, docs: list[DocumentRef], policy: Policy) -> None:
        """Start loading an item's documents for this view before the item is shown."""
        self.service.preview_size = self._preview_size()
        self.service.load_early(docs, policy)

    def show_item(self, detail: ItemDetail | None, ahead: list[ItemDetail] | None = None) -> None:
        """Show ``detail``'s documents (loading them if needed) and decode ``ahead``'s in the background."""
        docs = list(detail.snapshot.documents) if detail is not None else []
        policy = detail.snapshot.policy if detail is not None else Policy()
        same_item = (
            detail is not None
            and self._detail is not None
            and detail.key == self._detail.key
            and [doc_key(d) for d in docs] == [doc_key(d) for d in self.thumbnails.documents()]
        )
        self._detail = detail
        upcoming = [(list(d.snapshot.documents), d.snapshot.policy) for d in ahead or []]
        self.service.preview_size = self._preview_size()
        self.service.show(docs, policy, upcoming)
        if same_item:
            return
        shown: dict[DocKey, ShownDocument] = {}
        for doc in docs:
            cached = self.service.cached(doc)
            if cached is not None:
                shown[cached.key] = cached
        self.thumbnails.set_documents(docs, shown)
        self.documentsChecked.emit()
        has_compare = any(d.kind in COMPARE_KINDS for d in docs)
        self.compare_action.setEnabled(has_compare)
        if not has_compare and self._comparing:
            self._comparing = False
            self.compare_action.setChecked(False)
        set_tooltip(
            self.compare_action,
            self.tr("Compare the applicant's photo with the ID document")
            if has_compare
            else self.tr("This item has no applicant photo or ID document to compare"),
        )
        self.strip.setVisible(bool(docs))
        if docs:
            self.select_document(0)
        else:
            self._page = 0
            self._show_current()

    def _preview_size(self) -> tuple[int, int]:
        """The pixels photos are decoded for: the large view's, at least a common laptop screen's
        share (a view not laid out yet is small); more only when the reviewer zooms or enlarges."""
        ratio = self.view.devicePixelRatioF()
        viewport = self.view.viewport().size()
        return (
            max(PREVIEW_MIN[0], round(viewport.width() * ratio)),
            max(PREVIEW_MIN[1], round(viewport.height() * ratio)),
        )

    def current_row(self) -> int:
        index = self.strip.currentIndex()
        return index.row() if index.isValid() else -1

    def current_doc(self) -> DocumentRef | None:
        row = self.current_row()
        return self.thumbnails.doc_at(row) if row >= 0 else None

    def current_shown(self) -> ShownDocument | None:
        row = self.current_row()
        return self.thumbnails.shown_at(row) if row >= 0 else None

    def page(self) -> int:
        return self._page

    def is_comparing(self) -> bool:
        return self._comparing

    def select_document(self, row: int) -> None:
        if not (0 <= row < self.thumbnails.rowCount()):
            return
        index = self.thumbnails.index(row, 0)
        if self.strip.currentIndex() == index:
            self._page = 0
            self._show_current()
        else:
            self.strip.setCurrentIndex(index)  # _strip_changed shows it
        self.strip.scrollTo(index)

    # ---- commands ------------------------------------------------------------------------------

    def next_document(self) -> None:
        self._leave_compare()
        self.select_document(min(self.current_row() + 1, self.thumbnails.rowCount() - 1))

    def previous_document(self) -> None:
        self._leave_compare()
        self.select_document(max(self.current_row() - 1, 0))

    def _views(self) -> list[ImageView]:
        return list(self.compare.views.values()) if self._comparing else [self.view]

    def zoom_in(self) -> None:
        for view in self._views():
            view.zoom_in()

    def zoom_out(self) -> None:
        for view in self._views():
            view.zoom_out()

    def fit(self) -> None:
        for view in self._views():
            view.fit()

    def fit_page(self) -> None:
        for view in self._views():
            view.fit_page()

    def actual_size(self) -> None:
        for view in self._views():
            view.actual_size()

    def rotate(self, degrees: int) -> None:
        for view in self._views():
            view.rotate_by(degrees)

    def next_page(self) -> None:
        self._go_to_page(self._page + 1)

    def previous_page(self) -> None:
        self._go_to_page(self._page - 1)

    def focus_view(self) -> None:
        target = self.compare.views[COMPARE_KINDS[0]] if self._comparing else self.view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle_compare(self) -> None:
        if not self.compare_action.isEnabled():
            return
        self._comparing = not self._comparing
        self.compare_action.setChecked(self._comparing)
        self._show_current()

    def _leave_compare(self) -> None:
        if self._comparing:
            self._comparing = False
            self.compare_action.setChecked(False)

    def _go_to_page(self, page: int) -> None:
        shown = self.current_shown()
        if shown is None or shown.problem is not None or not (0 <= page < shown.pages) or page == self._page:
            return
        self._page = page
        image = shown.page(page)
        if image is None:
            self.service.request_page(shown, page)
        self._show_current(keep_view=True)

    # ---- updates -------------------------------------------------------------------------------

    def _strip_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._page = 0
        self._show_current()

    def problems(self) -> list[str]:
        """Why documents of the shown item can never be shown as they are (broken, refused, not what
        they claim), of those loaded so far; not those out of reach for now (offline)."""
        found = (self.thumbnails.shown_at(row) for row in range(len(self.thumbnails.documents())))
        return [s.problem for s in found if s is not None and s.problem and not s.transient]

    def not_seen(self) -> list[str]:
        """The shown item's documents not opened yet (loading, or out of reach for now), in the desk's
        words: the journal refuses to approve before every one was (R7)."""
        if self._detail is None:
            return []
        seen = []
        for row, doc in enumerate(self.thumbnails.documents()):
            shown = self.thumbnails.shown_at(row)
            seen.append((doc.kind, shown is not None and shown.check is not None))
        return [words.finding(f) for f in rules.rule_seen(seen, self._detail.kind)]

    def _document_ready(self, shown: ShownDocument) -> None:
        self.thumbnails.set_shown(shown)
        if self.thumbnails.row_of(shown.key) is not None:
            self.documentsChecked.emit()
            # Lay the strip out again: with uniform item sizes Qt keeps the size (and place) an item had
            # before its picture was decoded, a label-less sliver for the first item at start.
            self.strip.doItemsLayout()
        current = self.current_doc()
        if (self._comparing and any(doc_key(d) == shown.key for d in self.thumbnails.documents())) or (
            current is not None and doc_key(current) == shown.key
        ):
            self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            # The document shown, its details and the thumbnails' captions worded again; the
            # picture, its zoom and its rotation stay.
            self.thumbnails.layoutChanged.emit()
            self._show_current(keep_view=True)

    def _page_ready(self, key: DocKey, index: int) -> None:
        current = self.current_doc()
        if current is not None and doc_key(current) == key and index == self._page:
            self._show_current(keep_view=True)

    def _show_current(self, keep_view: bool = False) -> None:
        if self._comparing:
            self._show_compare()
            return
        doc, shown = self.current_doc(), self.current_shown()
        self._update_page_actions(shown)
        if doc is None:
            self._show_message(self.tr("This item has no documents.") if self._detail else "")
            self.doc_title.setText("")
            self._show_metadata(None)
            return
        self.doc_title.setText(
            self.tr("{kind} · {file}").format(kind=words.document_kind(doc.kind), file=doc.filename)
        )
        self._show_metadata(shown, doc)
        if shown is None:
            self._show_message(self.tr("Loading the document…"))
            return
        if shown.problem is not None:
            self._show_message(shown.problem)
            return
        image = shown.page(self._page)
        if self._page in shown.page_problems:
            self._show_message(shown.page_problems[self._page])
            return
        if image is None:
            self._show_message(self.tr("Rendering page {page}…").format(page=self._page + 1))
            return
        size = shown.size if self._page == 0 and shown.pdf is None else None
        same = self.view.property("shownKey") == [*shown.key, self._page]
        if not same:
            self.view.set_image(image, keep_view=keep_view, size=size)
            self.view.setProperty("shownKey", [*shown.key, self._page])
        elif self.view.image_size()[0] != image.width():  # the whole picture came for the preview
            self.view.set_image(image, keep_view=True, size=size)
        self.stack.setCurrentIndex(0)
        self._enable_view_tools(True)
        self._zoom_changed(self.view.zoom(), self.view.is_fit())

    def _enable_view_tools(self, on: bool) -> None:
        """Zoom, fit and rotate act on a picture: off while there is none (a message, no item)."""
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.fit_page_action,
            self.actual_size_action,
            self.rotate_left_action,
            self.rotate_right_action,
        ):
            action.setEnabled(on)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.view.set_image(None)
        self.view.setProperty("shownKey", None)
        self.stack.setCurrentIndex(1)
        self._enable_view_tools(False)
        self.zoom_label.setText("")

    def _show_compare(self) -> None:
        docs: dict[str, tuple[DocumentRef | None, ShownDocument | None]] = {}
        for row in range(self.thumbnails.rowCount()):
            doc = self.thumbnails.doc_at(row)
            if doc.kind in COMPARE_KINDS and doc.kind not in docs:
                docs[doc.kind] = (doc, self.thumbnails.shown_at(row))
        self.compare.show_documents(docs)
        self.meta_box.hide()  # two documents side by side: each one's details are one key (C) away
        self.doc_title.setText(self.tr("Applicant's photo and ID document side by side"))
        self._update_page_actions(None)
        self.stack.setCurrentIndex(2)
        self._enable_view_tools(any(v.has_image() for v in self.compare.views.values()))
        self.zoom_label.setText("")

    def _update_page_actions(self, shown: ShownDocument | None) -> None:
        pages = shown.pages if shown is not None and shown.problem is None else 1
        self.previous_page_action.setEnabled(pages > 1 and self._page > 0)
        self.next_page_action.setEnabled(pages > 1 and self._page < pages - 1)
        self.page_label.setText(
            self.tr("Page {page}/{pages}").format(page=self._page + 1, pages=pages) if pages > 1 else ""
        )
        for tool in self._page_tools:  # the tool bar's own actions for the widgets: PgUp/PgDn stay
            tool.setVisible(pages > 1)

    def _zoom_changed(self, zoom: float, fit: bool) -> None:
        if self.stack.currentIndex() == 0 and self.view.has_image():
            self.zoom_label.setText(f"{zoom * 100:.0f}%")
            shown = self.current_shown()
            if shown is not None and shown.preview and self._page == 0 and self.view.wants_more_pixels():
                self.service.request_full(shown)

    def _compare_zoomed(self, kind: str) -> None:
        shown = self.compare.shown.get(kind)
        if (
            self._comparing
            and shown is not None
            and shown.preview
            and self.compare.views[kind].wants_more_pixels()
        ):
            self.service.request_full(shown)

    def _show_metadata(self, shown: ShownDocument | None, doc: DocumentRef | None = None) -> None:
        self.meta_box.show_document(shown, doc)
