"""預覽列印 (Ctrl+P): the ticked posts in Qt's print preview, painted from pictures decoded beforehand.

The pictures were prepared on a worker at preview quality, so painting here is quick. The dialog's own
Print button prints nothing itself: it only notes the wish (:attr:`PostsPreviewDialog.print_requested`),
and the view then prints for real on its worker, at full resolution, once the dialog has closed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime

from reviewer_app.printing.batch import PreparedPost
from reviewer_app.printing.render import is_preview, render_posts
from reviewer_app.qt import QCoreApplication, QPrinter, QPrintPreviewDialog, QWidget


class PostsPreviewDialog(QPrintPreviewDialog):
    def __init__(
        self,
        printer: QPrinter,
        prepared: Sequence[PreparedPost],
        *,
        printed_by: str,
        clock: Callable[[], datetime],
        reprints: Collection[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(printer, parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(
            QCoreApplication.translate("PrintView", "Print preview: {count} posts").format(
                count=len(prepared)
            )
        )
        self.resize(1000, 900)
        self.print_requested = False
        self._prepared = list(prepared)
        self._printed_by = printed_by
        self._clock = clock
        self._reprints = set(reprints)
        self.paintRequested.connect(self._paint)
        self.finished.connect(self._forget_pictures)

    def _paint(self, printer: QPrinter) -> None:
        if not is_preview(printer):
            self.print_requested = True  # the dialog's own Print button: the view prints after closing
            return
        render_posts(
            printer,
            self._prepared,
            printed_by=self._printed_by,
            printed_at=self._clock(),
            reprints=self._reprints,
        )

    def _forget_pictures(self) -> None:
        self._prepared = []  # the decoded pictures are large; the closed dialog needs them no more
