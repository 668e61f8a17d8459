"""A large view of one picture: zoom (wheel, +/−, fit, 100 %), pan (drag, arrow keys), rotate.

The picture arrives already decoded (a ``QImage`` made on a worker); the view only turns it into a
pixmap and paints it. A picture opens fitted to the view's width (a household register or an ID card
is read across its width; a tall page scrolls); "whole page" fits all of it. Either stays in force while
the view is resized, until the reviewer zooms.
"""

from __future__ import annotations

from reviewer_app.qt import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QImage,
    QPainter,
    QPixmap,
    QResizeEvent,
    Qt,
    QTransform,
    QWheelEvent,
    QWidget,
    Signal,
)

ZOOM_STEP = 1.25
MIN_ZOOM = 0.02
MAX_ZOOM = 16.0
#: How a picture is fitted: across the view's width (the default), or whole in the view.
FIT_WIDTH = "width"
FIT_PAGE = "page"


class ImageView(QGraphicsView):
    """Shows one image; ``zoomChanged`` reports the scale (1.0 = 100 %) and whether it is "fit"."""

    zoomChanged = Signal(float, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageView")
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self._zoom = 1.0
        self._rotation = 0
        self._fit: str | None = FIT_WIDTH
        self._has_image = False
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # ---- content -------------------------------------------------------------------------------

    def set_image(
        self, image: QImage | None, *, keep_view: bool = False, size: tuple[int, int] | None = None
    ) -> None:
        """Show ``image`` (None clears). Unless ``keep_view``, the rotation resets and the view fits the
        picture's width.

        ``size`` is the picture's own size when ``image`` has fewer pixels (a preview): the view
        works in the picture's pixels all the same (100 % is the picture's), and the whole picture
        can replace the preview later with ``keep_view`` without the view moving."""
        if image is None or image.isNull():
            self._item.setPixmap(QPixmap())
            self._has_image = False
            self._item.setScale(1.0)
        else:
            self._item.setPixmap(QPixmap.fromImage(image))
            self._has_image = True
            width = image.width()
            self._item.setScale(size[0] / width if size and size[0] > 0 and width > 0 else 1.0)
        rect = self._item.boundingRect()
        self._item.setTransformOriginPoint(rect.center())
        if not keep_view:
            self._rotation = 0
            self._fit = FIT_WIDTH
        self._item.setRotation(self._rotation)
        self._scene.setSceneRect(self._item.sceneBoundingRect())
        self._apply()

    def has_image(self) -> bool:
        return self._has_image

    def image_size(self) -> tuple[int, int]:
        pixmap = self._item.pixmap()
        return pixmap.width(), pixmap.height()

    def wants_more_pixels(self) -> bool:
        """The picture is shown larger than the pixels it has (zoomed past a preview's)."""
        pixmap = self._item.pixmap()
        if not self._has_image or pixmap.width() == 0:
            return False
        shown = pixmap.width() * self._item.scale() * self._zoom * self.devicePixelRatioF()
        return shown > pixmap.width() * 1.02

    # ---- zoom, rotate --------------------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def is_fit(self) -> bool:
        """Fitted (to the width or whole), not zoomed by the reviewer."""
        return self._fit is not None

    def fit_mode(self) -> str | None:
        return self._fit

    def rotation(self) -> int:
        return self._rotation

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        self._fit = None
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._apply()

    def fit(self) -> None:
        """Fit the picture's width to the view's."""
        self._fit = FIT_WIDTH
        self._apply()

    def fit_page(self) -> None:
        """Fit the whole picture in the view."""
        self._fit = FIT_PAGE
        self._apply()

    def rotate_by(self, degrees: int) -> None:
        self._rotation = (self._rotation + degrees) % 360
        self._item.setRotation(self._rotation)
        self._scene.setSceneRect(self._item.sceneBoundingRect())
        self._apply()

    def _fit_zoom(self) -> float:
        rect = self._item.sceneBoundingRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return 1.0
        margin = 8
        across = (view.width() - margin) / rect.width()
        down = (view.height() - margin) / rect.height()
        if self._fit == FIT_WIDTH and across > down and not self.verticalScrollBar().isVisible():
            # Taller than the view at its width: the scroll bar that will show takes some of the width.
            across = (view.width() - margin - self.verticalScrollBar().sizeHint().width()) / rect.width()
        zoom = across if self._fit == FIT_WIDTH else min(across, down)
        return max(MIN_ZOOM, min(zoom, MAX_ZOOM))

    def _apply(self) -> None:
        if self._fit is not None:
            self._zoom = self._fit_zoom()
        self.setTransform(QTransform.fromScale(self._zoom, self._zoom))
        if self._fit is not None:
            self.centerOn(self._item)
            if self._fit == FIT_WIDTH:  # a tall page starts at its top, where its heading is
                self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self.zoomChanged.emit(self._zoom, self._fit is not None)

    # ---- events --------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel zooms around the pointer (a picture is panned by dragging or the arrow keys)."""
        delta = event.angleDelta().y()
        if delta == 0 or not self._has_image:
            super().wheelEvent(event)
            return
        self.set_zoom(self._zoom * (ZOOM_STEP ** (delta / 120)))
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit is not None:
            self._apply()
