"""Getting posts ready to print, off the GUI thread: each document fetched and decoded through the one
loader, the photo upright and sized for print, every page of a PDF attachment rendered.

A document that cannot be had or shown never stops the batch: the printed page then says which
attachment is missing and why (in the loader's words), so the printout is complete or says it is not.

Run :func:`prepare_post` / :func:`prepare_posts` on a worker (the print view's) or in the command line.
For the preview the pictures are made small and kept as JPEG (``compact``), so a preview of a whole
morning's batch stays light; for paper and PDF photos are about 150 dpi and attachment pages about
280 dpi at their largest drawn size, made a few posts ahead of the renderer on two workers.
"""

from __future__ import annotations

import io
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Final

from PIL import Image

from reviewer_app.core.items import DocumentRef, PrintablePost
from reviewer_app.core.vocabulary import RELATIONSHIPS
from reviewer_app.documents.limits import DocumentLimits
from reviewer_app.documents.loader import ImageDocument, PageError, PdfDocument, Rejected, load_document
from reviewer_app.printing.layout import (
    ATTACHMENT_BOX_MM,
    IMAGE_DPI,
    PHOTO_BOX_MM,
    PHOTO_DPI,
    AttachmentInfo,
    PostText,
    image_pixels,
)

log = logging.getLogger(__name__)

Fetch = Callable[[DocumentRef], "bytes | Rejected"]

#: The preview's pictures: sharp enough on screen, light enough for a hundred posts.
PREVIEW_DPI = 110


class Quality(Enum):
    PRINT = IMAGE_DPI
    PREVIEW = PREVIEW_DPI


@dataclass(frozen=True, eq=False)
class PreparedImage:
    """A picture ready to draw: pixels (paper, PDF) or JPEG bytes (kept for the preview).

    Pixels are kept as 32-bit ``BGRX`` rows, which is Qt's ``Format_RGB32`` byte for byte: the
    renderer wraps them without converting, and Qt's PDF engine, given an opaque format, skips its
    own conversion and its scan for transparency (the work is done here, on a worker)."""

    width: int
    height: int
    bgrx: bytes | None = None
    jpeg: bytes | None = None

    @property
    def size(self) -> tuple[int, int]:
        return (self.width, self.height)

    def rgb(self) -> Image.Image:
        if self.bgrx is not None:
            return Image.frombytes("RGB", self.size, self.bgrx, "raw", "BGRX")
        assert self.jpeg is not None
        with Image.open(io.BytesIO(self.jpeg)) as opened:
            return opened.convert("RGB")


@dataclass(frozen=True, eq=False)
class PreparedAttachment:
    info: AttachmentInfo
    image: PreparedImage


@dataclass(frozen=True, eq=False)
class PreparedPost:
    snapshot: PrintablePost
    photo: PreparedImage | None
    attachments: tuple[PreparedAttachment, ...]
    notes: tuple[str, ...]  # documents that could not be printed, in zh-TW

    @property
    def post_id(self) -> int:
        return self.snapshot.id


def post_text(post: PrintablePost, printed_by: str, printed_at: datetime, reprint: bool = False) -> PostText:
    inmate, approved_by = post.inmate, post.approved_by
    return PostText(
        post_id=post.id,
        facility_name=post.facility.name,
        call_number=inmate.call_number,
        inmate_name=inmate.name,
        housing_unit=inmate.housing_unit,
        family_name=post.applicant.name,
        relationship=RELATIONSHIPS.get(post.relationship, post.relationship),
        title=post.title,
        body=post.body,
        approved_at=datetime.fromisoformat(post.approved_at) if post.approved_at else None,
        approved_by=(approved_by.name or approved_by.username) if approved_by else None,
        printed_at=printed_at,
        printed_by=printed_by,
        reprint=reprint,
    )


def _fit(image: Image.Image, box: tuple[int, int]) -> Image.Image:
    if image.width <= box[0] and image.height <= box[1]:
        return image
    scale = min(box[0] / image.width, box[1] / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)


def _prepared(image: Image.Image, compact: bool) -> PreparedImage:
    if image.mode != "RGB":
        image = image.convert("RGB")
    if not compact:
        return PreparedImage(image.width, image.height, bgrx=image.tobytes("raw", "BGRX"))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return PreparedImage(image.width, image.height, jpeg=out.getvalue())


def _label(doc: DocumentRef) -> str:
    return doc.filename or f"文件 {doc.id}"


def prepare_post(
    post: PrintablePost, fetch: Fetch, quality: Quality = Quality.PRINT, *, compact: bool = False
) -> PreparedPost:
    """One post's pictures: the first image is the photo, every PDF page (and any further image)
    an attachment page. Never raises for a bad document: it becomes a note on the page."""
    policy = post.policy
    photo_box = image_pixels(PHOTO_BOX_MM, min(quality.value, PHOTO_DPI))
    page_box = image_pixels(ATTACHMENT_BOX_MM, quality.value)
    photo: PreparedImage | None = None
    pages: list[tuple[str, int, int, PreparedImage]] = []
    notes: list[str] = []
    for doc in post.documents:
        name = _label(doc)
        try:
            data = fetch(doc)
            if isinstance(data, Rejected):
                notes.append(f"附件「{name}」無法列印：{data.reason}")
                continue
            limits = DocumentLimits.for_kind(doc.kind, policy)
            verdict = load_document(data, limits, target_size=photo_box if photo is None else page_box)
            if isinstance(verdict, Rejected):
                notes.append(f"附件「{name}」無法列印：{verdict.reason}")
            elif isinstance(verdict, ImageDocument):
                if photo is None:
                    photo = _prepared(_fit(verdict.image, photo_box), compact)
                else:
                    pages.append((name, 1, 1, _prepared(_fit(verdict.image, page_box), compact)))
            else:
                pages.extend(_pdf_pages(verdict, name, page_box, compact, notes))
        except Exception:  # a decoder bug must not lose the other posts of the batch
            log.exception("document %s of post %s could not be prepared", doc.id, post.id)
            notes.append(f"附件「{name}」無法列印（處理時發生錯誤）")
    attachments = tuple(
        PreparedAttachment(AttachmentInfo(name, page, count, image.size), image)
        for name, page, count, image in pages
    )
    return PreparedPost(post, photo, attachments, tuple(notes))


def _pdf_pages(
    pdf: PdfDocument, name: str, box: tuple[int, int], compact: bool, notes: list[str]
) -> Iterator[tuple[str, int, int, PreparedImage]]:
    try:
        count = pdf.page_count
        for index in range(count):
            try:
                picture = pdf.render_page(index, box[0])
            except PageError as exc:
                notes.append(f"附件「{name}」第 {index + 1} 頁無法列印：{exc.reason}")
                continue
            yield name, index + 1, count, _prepared(_fit(picture, box), compact)
    finally:
        pdf.close()


#: Posts prepared at once ahead of the renderer: two workers decode two photos on two cores (the
#: decoders release the GIL) while the renderer paints; a few posts' pictures in memory at most.
PREPARE_WORKERS: Final = 2
PREPARE_AHEAD: Final = 3


def _heavy(post: PrintablePost) -> bool:
    """A post with more than its one photo (a PDF's pages at print resolution are some 24 MB each):
    prepared on its own, nothing else ahead of it in memory."""
    documents = post.documents
    return len(documents) > 1 or any(not d.mime_type.startswith("image/") for d in documents)


def prepare_posts(
    posts: Iterable[PrintablePost],
    fetch: Fetch,
    quality: Quality = Quality.PRINT,
    *,
    compact: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[PreparedPost]:
    """The posts in order, as the renderer asks for them, each prepared a few posts ahead on worker
    threads (`fetch` must be safe to call from several threads, as ``DocumentStore.fetch`` is)."""
    pending: deque[Future[PreparedPost]] = deque()
    source = iter(posts)
    held: PrintablePost | None = None  # the next post, waiting for room ahead of the renderer
    heavy_pending = False  # a heavy post is among the pending: nothing is prepared beside it
    with ThreadPoolExecutor(PREPARE_WORKERS, thread_name_prefix="print-prepare") as pool:
        try:
            done = 0
            while True:
                while len(pending) < PREPARE_AHEAD and not (cancelled is not None and cancelled()):
                    if held is None:
                        held = next(source, None)
                    if held is None or (pending and (heavy_pending or _heavy(held))):
                        break
                    heavy_pending = _heavy(held)
                    pending.append(pool.submit(prepare_post, held, fetch, quality, compact=compact))
                    held = None
                if not pending or (cancelled is not None and cancelled()):
                    return
                yield pending.popleft().result()
                if not pending:
                    heavy_pending = False
                done += 1
                if progress is not None:
                    progress(done)
        finally:
            for future in pending:  # cancelled, or the renderer stopped early: nothing more is made
                future.cancel()
