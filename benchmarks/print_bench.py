"""Printing benchmark: the morning batch, 100 approved posts each with a phone photo, to one PDF.

Measured: ``PrintDesk.print_pdf`` as ``reviewer-app print --approved`` runs it: each photo fetched from
the shared database (SQLite file, SHA-256 checked), decoded by the loader (upright, fitted to the
photo box at 150 dpi), laid out, painted onto a 1200 dpi QPrinter writing the PDF (font embedded,
photos re-encoded by Qt), and the run recorded in the journal. The baseline is the part no printing
can avoid: fetching and decoding the same photos at the same size. The PDF's size is in the scenario.
``--quick`` prints 10 posts with smaller photos.
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run on its own, too

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from benchmarks.common import Result
from reviewer_app.demo.documents import family_photo
from reviewer_app.shared_db.catalogue import ensure_catalogue
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import (
    Applicant,
    Child,
    Document,
    DocumentBlob,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Staff,
)

T0 = datetime(2026, 11, 30, 0, 30, tzinfo=UTC)
UNITS = ("忠舍", "孝舍", "仁舍", "愛舍", "信舍")


def approved_posts(engine: Engine, n: int, photo: bytes) -> int:
    """A facility with n inmates, each with one approved post carrying the photo (its own document)."""
    upgrade(engine)
    digest = hashlib.sha256(photo).hexdigest()
    with Session(engine) as s, s.begin():
        ensure_catalogue(s)
        fac = Facility(code="BEN", name="法務部矯正署效能測試監獄")
        s.add(fac)
        s.flush()
        s.add(Staff(facility_id=fac.id, username="bench", display_name="黃輔導員", role="counsellor"))
        for i in range(n):
            inmate = Inmate(
                facility_id=fac.id,
                call_number=f"{1000 + i}",
                name="王大明",
                housing_unit=f"{UNITS[i % len(UNITS)]} {i % 30 + 1} 房",
            )
            inmate.children.append(Child(name="王小明", birth_date=date(2016, 1, 1)))
            app = ServiceApplication(
                facility_id=fac.id,
                inmate=inmate,
                relationship_code="mother",
                call_number_entered=inmate.call_number,
                applicant=Applicant(email=f"b{i}@example.tw", name="林美華", national_id="A223456781"),
                status="approved",
                version=2,
                submitted_at=T0 - timedelta(days=60),
            )
            s.add(app)
            s.flush()
            post = Post(
                facility_id=fac.id,
                service_id=app.id,
                title="孩子的近況",
                body="孩子這學期很努力，老師說他上課很專心。週末我們去了外婆家，大家都很想你，要保重身體。",
                status="approved",
                version=2,
                submitted_at=T0 - timedelta(days=2),
                decided_at=T0 - timedelta(days=1),
            )
            post.documents.append(
                Document(
                    facility_id=fac.id,
                    kind="post_attachment",
                    filename=f"IMG_{i:04d}.jpg",
                    mime_type="image/jpeg",
                    size_bytes=len(photo),
                    sha256=digest,
                    blob=DocumentBlob(data=photo),
                )
            )
            s.add(post)
        return fac.id


def bench_print(quick: bool = False) -> Result:
    from reviewer_app.commands.print_cmd import ensure_gui_application

    ensure_gui_application()
    from reviewer_app.documents.limits import DocumentLimits
    from reviewer_app.documents.loader import ImageDocument, load_document
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal import Journal
    from reviewer_app.printing.jobs import PrintDesk
    from reviewer_app.printing.layout import PHOTO_BOX_MM, PHOTO_DPI, image_pixels
    from reviewer_app.printing.render import print_font_family
    from reviewer_app.sync.service import Sync

    n = 10 if quick else 100
    rng = random.Random(7)
    photo = family_photo(rng, 1600, 1200) if quick else family_photo(rng, 4000, 3000)  # a phone's 12 MP
    print_font_family()  # loaded once per process, as in the app: not part of a print run
    with tempfile.TemporaryDirectory(prefix="bench-print-") as tmp:
        folder = Path(tmp)
        engine = make_engine(f"sqlite:///{folder / 'shared.sqlite3'}")
        facility_id = approved_posts(engine, n, photo)
        journal = Journal(folder / "journal.sqlite3")
        sync = Sync(engine, journal, "bench", "bench-ws", facility_id, clock=lambda: T0)
        store = DocumentStore(engine, folder / "cache", None)
        desk = PrintDesk(sync, store.fetch_to_print, "黃輔導員")
        desk.refresh()
        posts = desk.to_print()
        assert len(posts) == n

        # Baseline: fetch and decode the same photos at the same size (fresh cache: same work).
        baseline_store = DocumentStore(engine, folder / "cache-baseline", None)
        box = image_pixels(PHOTO_BOX_MM, PHOTO_DPI)
        start = time.perf_counter()
        for post in posts:
            (doc,) = post.snapshot.documents
            data = baseline_store.fetch_to_print(doc)
            assert isinstance(data, bytes)
            limits = DocumentLimits.for_kind(doc.kind, post.snapshot.policy)
            assert isinstance(load_document(data, limits, target_size=box), ImageDocument)
        baseline = time.perf_counter() - start

        out = folder / "batch.pdf"
        start = time.perf_counter()
        run = desk.print_pdf(posts, out)
        elapsed = time.perf_counter() - start
        assert run.summary.posts == n and run.summary.pages == n
        size_mb = out.stat().st_size / 1_000_000
        baseline_store.close()
        store.close()
        journal.close()
        engine.dispose()
    ratio = elapsed / baseline if baseline > 0 else None
    return Result(
        f"print {n} posts with photos to PDF ({size_mb:.1f} MB)",
        round(elapsed * 1000, 1),
        "ms",
        round(baseline * 1000, 1),
        round(ratio, 2) if ratio is not None else None,
        "(--quick: not judged)" if quick else "<= 5 s",
        None if quick else elapsed <= 5.0,
    )


if __name__ == "__main__":
    print(bench_print(quick="--quick" in sys.argv))
