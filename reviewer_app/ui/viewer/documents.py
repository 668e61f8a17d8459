"""Getting documents ready to show: fetch, decode, thumbnail — all on a worker, ahead of time.

:class:`DocumentService` runs its work as operations on the shared documents executor (one worker,
so the PDF engine is only ever used from one thread) and keeps a small LRU of decoded documents. When
the desk shows an item it asks for that item's documents first and for the next items' documents at a
lower priority, so moving on shows them at once.
Documents that are no longer wanted when their turn comes are skipped.

The bytes are fetched and decoded only by ``reviewer_app.documents`` (the one document loader); this
module turns its results into ``QImage`` objects on the worker and hands them to the GUI thread.
What the loader found in each document (its type and size from the bytes, or why it cannot be shown)
is recorded on the worker, before the document is shown (``record_check``: the journal's, R7).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from reviewer_app.core.checks import DocKey, DocumentCheck, doc_key
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.documents.checks import check_of
from reviewer_app.documents.loader import DocumentLimits, PageError, PdfDocument, Rejected, load_document
from reviewer_app.documents.verdicts import UNAVAILABLE
from reviewer_app.qt import QCoreApplication, QImage, QObject, QSize, Qt, QTimer, Signal
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import DOCUMENTS, changes
from reviewer_app.ui.common.operations import Operation, cancel_owned_by, in_flight
from reviewer_app.ui.viewer.document_qt import to_qimage

log = logging.getLogger(__name__)
T = TypeVar("T")

THUMBNAIL_SIZE = QSize(112, 112)
#: PDF pages are rendered this wide: sharp at 100 % on a workstation screen, about 2 MB a page.
PAGE_WIDTH = 1400
CACHE_BYTES = 400 * 1024 * 1024
#: Priorities on the document worker: what is on screen first, then the next items.
SHOWN, AHEAD = 10, 0
#: The next items' documents are decoded once the shown item is on screen (``start_ahead``, which the
#: desk calls after its repaint), or after this long when nobody says so: decoding them at once would
#: compete with that repaint for the processor.
AHEAD_AFTER_MS = 150

#: Keeps what opening a document found (on the document worker); True when that is news to the rules.
CheckRecorder = Callable[[DocumentCheck], bool]


class DocumentSource(Protocol):
    """Where a document's bytes come from (``reviewer_app.documents.store.DocumentStore``)."""

    def fetch(self, doc: DocumentRef) -> bytes | Rejected: ...


@dataclass
class ShownDocument:
    """One document ready for the screen (or the reason it cannot be shown)."""

    key: DocKey
    doc: DocumentRef
    metadata: Any | None = None  # reviewer_app.documents metadata (type, size, pixels, EXIF…)
    image: QImage | None = None  # the picture, upright; for a PDF its first page
    thumbnail: QImage | None = None
    pages: int = 1
    problem: str | None = None  # why it cannot be shown, in plain zh-TW
    #: The problem will pass (the shared database out of reach): not kept, asked again next time.
    transient: bool = False
    pdf: PdfDocument | None = field(default=None, repr=False)  # only touched on the document worker
    page_images: dict[int, QImage] = field(default_factory=dict)
    page_problems: dict[int, str] = field(default_factory=dict)  # pages that cannot be shown, and why
    #: A picture's own size (upright): the view shows ``image`` at this size, whatever its pixels.
    size: tuple[int, int] | None = None
    #: ``image`` was decoded at the view's size, with fewer pixels than the picture: the whole
    #: picture is decoded when the reviewer zooms past them (DocumentService.request_full).
    preview: bool = False
    full_requested: bool = False
    policy: Policy = field(default_factory=Policy, repr=False)
    #: What the loader (or the store) found, for the journal; None when it says nothing of the upload.
    check: DocumentCheck | None = None

    @property
    def is_pdf(self) -> bool:
        return self.pdf is not None

    def page(self, index: int) -> QImage | None:
        return self.image if index == 0 else self.page_images.get(index)

    def nbytes(self) -> int:
        images = [self.image, self.thumbnail, *self.page_images.values()]
        return sum(int(i.sizeInBytes()) for i in images if i is not None)


def _display_image(pil_image: Any) -> QImage:
    """A QImage in the format the screen paints fastest (converted here, on the worker)."""
    return to_qimage(pil_image).convertToFormat(QImage.Format.Format_RGB32)


def _thumbnail(image: QImage) -> QImage:
    return image.scaled(
        THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def prepare(
    source: DocumentSource,
    doc: DocumentRef,
    policy: Policy,
    preview: tuple[int, int] | None = None,
) -> ShownDocument:
    """Fetch and decode one document, make its screen image and thumbnail (on the worker).

    With ``preview`` (the view's size in pixels) a photo is decoded to fit it — a phone photo's JPEG
    at a half, a quarter or an eighth of its pixels, several times faster and smaller — and the whole
    picture only when the reviewer zooms past that (``DocumentService.request_full``)."""
    key = doc_key(doc)
    fetched = source.fetch(doc)
    if isinstance(fetched, Rejected):
        return ShownDocument(
            key,
            doc,
            metadata=fetched.metadata,
            problem=fetched.reason,
            policy=policy,
            transient=fetched.code == UNAVAILABLE,
            check=check_of(doc, fetched),
        )
    limits = DocumentLimits.for_kind(doc.kind, policy)
    loaded = load_document(fetched, limits, target_size=preview)
    check = check_of(doc, loaded)
    if isinstance(loaded, Rejected):
        return ShownDocument(key, doc, metadata=loaded.metadata, problem=loaded.reason, check=check)
    if isinstance(loaded, PdfDocument):
        pages = max(1, int(loaded.metadata.pages or 1))
        try:
            first = _display_image(loaded.render_page(0, PAGE_WIDTH))
        except PageError as exc:
            return ShownDocument(
                key,
                doc,
                metadata=loaded.metadata,
                pages=pages,
                pdf=loaded,
                page_problems={0: exc.reason},
                check=check,
            )
        return ShownDocument(
            key,
            doc,
            metadata=loaded.metadata,
            image=first,
            thumbnail=_thumbnail(first),
            pages=pages,
            pdf=loaded,
            check=check,
        )
    image = _display_image(loaded.image)
    meta = loaded.metadata
    size = (meta.width, meta.height) if meta.width and meta.height else (image.width(), image.height())
    return ShownDocument(
        key,
        doc,
        metadata=meta,
        image=image,
        thumbnail=_thumbnail(image),
        size=size,
        preview=image.width() < size[0] or image.height() < size[1],
        policy=policy,
        check=check,
    )


def decode_full(source: DocumentSource, shown: ShownDocument) -> QImage | None:
    """The whole picture of a document shown as a preview (on the worker); None if it cannot be had."""
    fetched = source.fetch(shown.doc)  # from the store's cache: fetched moments ago
    if isinstance(fetched, Rejected):
        return None
    limits = DocumentLimits.for_kind(shown.doc.kind, shown.policy)
    loaded = load_document(fetched, limits)
    if isinstance(loaded, PdfDocument):
        loaded.close()
        return None
    return None if isinstance(loaded, Rejected) else _display_image(loaded.image)


def _recorded(record: CheckRecorder | None, shown: ShownDocument) -> bool:
    """Keep what opening the document found, before it is shown (on the worker); True when the rules
    judge its item otherwise now. A journal that cannot take it leaves the document not seen (the
    journal would refuse to approve it), and the viewer says so."""
    if record is None or shown.check is None:
        return False
    try:
        return record(shown.check) and shown.check.differs_from(shown.doc)
    except Exception:
        log.exception("recording what document %s holds failed", shown.key[0])
        shown.check = None
        return False


def unexpected_problem() -> str:
    return QCoreApplication.translate(
        "DocumentService", "This document cannot be shown: an unexpected error occurred while opening it."
    )


class DocumentService(QObject):
    """Loads documents in the background and keeps the recent ones decoded."""

    #: A document is ready (or known to be unshowable): the ShownDocument.
    documentReady = Signal(object)
    #: A PDF page is rendered: (document key, page index).
    pageReady = Signal(object, int)

    def __init__(
        self,
        source: DocumentSource | None,
        parent: QObject | None = None,
        cache_bytes: int = CACHE_BYTES,
        ahead_after_ms: int = AHEAD_AFTER_MS,
        record_check: CheckRecorder | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self._record_check = record_check
        self._closed = False
        self._cache: OrderedDict[DocKey, ShownDocument] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._in_flight: set[DocKey] = set()
        self._pages_in_flight: set[tuple[DocKey, int]] = set()
        self._pinned: frozenset[DocKey] = frozenset()
        #: Read by the worker when a task starts: documents nobody wants any more are skipped.
        self._wanted: frozenset[DocKey] = frozenset()
        self.loads_started = 0  # how many documents were actually fetched and decoded (tests, benchmarks)
        #: Decoded documents of items gone from the queue, dropped once nothing shows them.
        self._forgotten: set[DocKey] = set()
        #: The size in pixels photos are decoded for (the viewer sets it to its view's); None: whole.
        self.preview_size: tuple[int, int] | None = None
        #: The next items' documents, waiting for the shown item to be painted (``start_ahead``).
        self._ahead: list[tuple[DocumentRef, Policy]] = []
        self._ahead_timer = QTimer(self)
        self._ahead_timer.setSingleShot(True)
        self._ahead_timer.setInterval(ahead_after_ms)
        self._ahead_timer.timeout.connect(self.start_ahead)

    # ---- asking --------------------------------------------------------------------------------

    def show(
        self,
        current: Sequence[DocumentRef],
        policy: Policy,
        ahead: Sequence[tuple[Sequence[DocumentRef], Policy]] = (),
    ) -> None:
        """Load ``current`` now and the documents of the items ``ahead`` after them."""
        pinned = frozenset(doc_key(d) for d in current)
        wanted = set(pinned)
        for docs, _policy in ahead:
            wanted.update(doc_key(d) for d in docs)
        self._pinned = pinned
        self._wanted = frozenset(wanted)
        if self._forgotten:
            self._drop_forgotten()
        for doc in current:
            self._request(doc, policy, SHOWN)
        self._ahead = [(doc, item_policy) for docs, item_policy in ahead for doc in docs]
        if self._ahead:
            self._ahead_timer.start()

    def load_early(self, docs: Sequence[DocumentRef], policy: Policy) -> None:
        """Start loading ``docs`` before their item is shown (the first claim, while it is still being
        stored): wanted until the next :meth:`show`, which keeps them when they are its own."""
        self._wanted = self._wanted | {doc_key(d) for d in docs}
        for doc in docs:
            self._request(doc, policy, SHOWN)

    def has_ahead_waiting(self) -> bool:
        return bool(self._ahead)

    def start_ahead(self) -> None:
        """Decode the next items' documents now (the shown item is on screen)."""
        self._ahead_timer.stop()
        waiting, self._ahead = self._ahead, []
        for doc, policy in waiting:
            if doc_key(doc) in self._wanted:
                self._request(doc, policy, AHEAD)

    def cached(self, doc: DocumentRef) -> ShownDocument | None:
        shown = self._cache.get(doc_key(doc))
        if shown is not None:
            self._cache.move_to_end(shown.key)
        return shown

    def is_loading(self, doc: DocumentRef) -> bool:
        return doc_key(doc) in self._in_flight

    def request_page(self, shown: ShownDocument, index: int) -> None:
        """Render page ``index`` of a PDF in the background; ``pageReady`` follows."""
        if (
            shown.pdf is None
            or not (0 <= index < shown.pages)
            or shown.page(index) is not None
            or index in shown.page_problems
        ):
            return
        token = (shown.key, index)
        if token in self._pages_in_flight:
            return
        self._pages_in_flight.add(token)
        pdf = shown.pdf

        def work() -> QImage:
            return _display_image(pdf.render_page(index, PAGE_WIDTH))

        def done(image: QImage) -> None:
            self._pages_in_flight.discard(token)
            shown.page_images[index] = image
            self._trim()
            self.pageReady.emit(shown.key, index)

        def failed(exc: BaseException) -> None:
            self._pages_in_flight.discard(token)
            if isinstance(exc, PageError):
                shown.page_problems[index] = exc.reason
            else:
                log.error("rendering page %d of document %s failed", index + 1, shown.key[0], exc_info=exc)
                shown.page_problems[index] = unexpected_problem()
            self.pageReady.emit(shown.key, index)

        self._run(work, done, failed, "render page", SHOWN + 1)

    def request_full(self, shown: ShownDocument) -> None:
        """Decode the whole picture of a preview in the background; ``documentReady`` follows with
        the same document, its ``image`` now the whole picture. Asked once per document."""
        if not shown.preview or shown.full_requested or self.source is None or self._closed:
            return
        shown.full_requested = True
        source = self.source

        def work() -> QImage | None:
            if shown.key not in self._wanted and shown.key not in self._cache:
                return None  # the reviewer moved on
            return decode_full(source, shown)

        def done(image: QImage | None) -> None:
            if image is None:
                return
            shown.image, shown.preview = image, False
            self._trim()
            self.documentReady.emit(shown)

        def failed(exc: BaseException) -> None:
            log.error("decoding document %s whole failed", shown.key[0], exc_info=exc)

        self._run(work, done, failed, "whole picture", SHOWN + 1)

    # ---- the store's cache hygiene (on the worker: it touches files) ----------------------------

    def _on_store(self, method: str, *args: Any) -> bool:
        call = getattr(self.source, method, None)
        if not callable(call) or self._closed:
            return False
        Operation(lambda: call(*args), owner=self, name=method).run_in_background(
            executors.documents(), AHEAD - 1
        )
        return True

    def start_session(self) -> None:
        """Remove cached files left behind by an earlier session that did not end cleanly."""
        self._on_store("purge_stale")

    def forget(self, doc_ids: Sequence[int]) -> None:
        """The items of these documents are done (left the queue): their decoded pictures leave the
        memory now, not when the cache is full (a day's work would fill it), and their cached files
        may go."""
        if not doc_ids:
            return
        gone = set(doc_ids)
        self._forgotten.update(k for k in self._cache if k[0] in gone)
        self._drop_forgotten()
        self._on_store("evict_item", list(doc_ids))

    def _drop_forgotten(self) -> None:
        """Drop the decoded documents of items gone from the queue, except any still on screen (or
        next): those go as soon as the reviewer has moved on."""
        for key in [k for k in self._forgotten if k not in self._wanted and k not in self._pinned]:
            self._forgotten.discard(key)
            shown = self._cache.pop(key, None)
            if shown is not None:
                self._close(shown)

    def is_closed(self) -> bool:
        return self._closed

    def is_busy(self) -> bool:
        """Work asked for whose answer has not come back yet."""
        return in_flight(self) > 0

    def shutdown(self) -> None:
        """Stop loading, without waiting: the loads still queued are cancelled; after the one running,
        the store forgets every cached document (sign-out) and the open PDFs are closed, on the
        worker, with the window already gone."""
        self._wanted = frozenset()
        self._ahead_timer.stop()
        self._ahead = []
        cancel_owned_by(self)
        self._closed = True
        pdfs = [shown.pdf for shown in self._cache.values() if shown.pdf is not None]
        for shown in self._cache.values():
            shown.pdf = None
        self._cache.clear()
        clear = getattr(self.source, "clear", None)

        def last_job() -> None:
            if callable(clear):
                clear()
            for pdf in pdfs:
                close = getattr(pdf, "close", None)
                if callable(close):
                    close()

        Operation(last_job, name="close the documents").must_finish().run_in_background(
            executors.documents(), AHEAD - 10
        )

    # ---- loading -------------------------------------------------------------------------------

    def _request(self, doc: DocumentRef, policy: Policy, priority: int) -> None:
        key = doc_key(doc)
        if key in self._cache or key in self._in_flight or self.source is None:
            return
        self._in_flight.add(key)
        source, preview, record = self.source, self.preview_size, self._record_check

        def work() -> tuple[ShownDocument, bool] | None:
            if key not in self._wanted:
                return None  # the reviewer moved on before its turn came
            self.loads_started += 1
            shown = prepare(source, doc, policy, preview)
            return shown, _recorded(record, shown)

        def done(result: tuple[ShownDocument, bool] | None) -> None:
            self._in_flight.discard(key)
            if result is None:
                # Skipped as unwanted; the reviewer may have come back to it since, while it was still
                # in flight (so that show() asked for nothing): ask again.
                if key in self._wanted and not self._closed:
                    self._request(doc, policy, SHOWN if key in self._pinned else AHEAD)
                return
            shown, news = result
            if not shown.transient:
                self._cache[key] = shown
                self._trim()
            self.documentReady.emit(shown)
            if news:  # the item's rules judge it otherwise now: the desk reloads its findings
                changes().notify({DOCUMENTS}, self)

        def failed(exc: BaseException) -> None:
            self._in_flight.discard(key)
            log.error("loading document %s failed", key[0], exc_info=exc)
            shown = ShownDocument(key, doc, problem=unexpected_problem())
            self._cache[key] = shown
            self.documentReady.emit(shown)

        self._run(work, done, failed, f"document {key[0]}", priority)

    def _trim(self) -> None:
        total = sum(s.nbytes() for s in self._cache.values())
        for key in list(self._cache):
            if total <= self._cache_bytes:
                break
            if key in self._wanted or key in self._pinned:
                continue
            evicted = self._cache.pop(key)
            total -= evicted.nbytes()
            self._close(evicted)

    def _close(self, shown: ShownDocument) -> None:
        pdf, shown.pdf = shown.pdf, None
        if pdf is not None and not self._closed:
            close = getattr(pdf, "close", None)
            if callable(close):
                Operation(close, owner=self, name="close pdf").must_finish().run_in_background(
                    executors.documents(), AHEAD - 1
                )

    def _run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        name: str,
        priority: int,
    ) -> None:
        Operation(work, owner=self, name=name).success(done).failure(failed).run_in_background(
            executors.documents(), priority
        )
