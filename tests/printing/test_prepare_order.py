"""Preparing a batch for print: posts come out in order, a few prepared ahead on workers, and a post
with attachments (a PDF's pages at print resolution, some 24 MB each) is prepared on its own, so a
batch with many PDFs never holds several of them in memory at once."""

from __future__ import annotations

import threading
from dataclasses import replace

from reviewer_app.core.items import ApplicantInfo, DocumentRef, FacilityRef, InmateInfo, PrintablePost
from reviewer_app.core.policy import Policy
from reviewer_app.printing.batch import prepare_posts
from tests.printing import world

_ANY_POST = PrintablePost(
    id=0,
    version=1,
    status="approved",
    submitted_at="2025-03-10T09:00:00+08:00",
    service_id=1,
    facility=FacilityRef(1, "TPE", "臺北監獄"),
    policy=Policy(),
    applicant=ApplicantInfo(1, "王小明"),
    relationship="spouse",
    inmate=InmateInfo(1, "A123", "王大明", "忠舍 3 房"),
    title="",
    body="",
    approved_at=None,
    approved_by=None,
)


def _post(post_id: int, *docs: tuple[str, str]) -> PrintablePost:
    return replace(
        _ANY_POST,
        id=post_id,
        documents=tuple(
            DocumentRef(post_id * 10 + n, "post_attachment", name, mime, size_bytes=0, sha256="")
            for n, (name, mime) in enumerate(docs)
        ),
    )


def test_a_post_with_a_pdf_is_prepared_alone_and_the_order_is_kept() -> None:
    photo, pdf = world.jpeg(800, 600), world.pdf(2)
    light = [_post(i, (f"p{i}.jpg", "image/jpeg")) for i in (1, 2, 3)]
    heavy = _post(4, ("p4.jpg", "image/jpeg"), ("proof.pdf", "application/pdf"))
    after = [_post(i, (f"p{i}.jpg", "image/jpeg")) for i in (5, 6, 7)]
    events: list[tuple[str, int]] = []  # ("fetch", post) from the workers, ("out", post) as printed
    lock = threading.Lock()

    def fetch(doc: DocumentRef) -> bytes:
        with lock:
            events.append(("fetch", doc.id // 10))
        return pdf if doc.mime_type == "application/pdf" else photo

    printed = []
    for prepared in prepare_posts([*light, heavy, *after], fetch):
        with lock:
            events.append(("out", prepared.snapshot.id))
        printed.append(prepared)

    assert [p.snapshot.id for p in printed] == [1, 2, 3, 4, 5, 6, 7]
    assert printed[3].photo is not None and len(printed[3].attachments) == 2  # the PDF's two pages
    first_heavy = events.index(("fetch", 4))
    heavy_out = events.index(("out", 4))
    # Nothing else in memory beside it: every earlier post printed before it starts, no later post
    # fetched until it is printed.
    assert {("out", 1), ("out", 2), ("out", 3)} <= set(events[:first_heavy])
    assert [e for e in events[first_heavy:heavy_out] if e[0] == "fetch" and e[1] != 4] == []
