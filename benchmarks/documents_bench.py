"""Document benchmarks: request to pixels for a phone photo, and the next item with decoding ahead.

* request to pixels: an 11 MB, 24-megapixel JPEG fetched from a file store on 127.0.0.1 (HTTP,
  streamed, SHA-256 checked, cached), decoded by the loader at the viewer's size (1500×1000, so
  libjpeg decodes at 1/4 scale). The floor is ``djpeg -scale 1/4`` on the same file: the same entropy
  decoding with nothing else around it.
* open photo (the issue's scenario): the loader on bytes already in memory, to pixels at the viewer's
  size, beside the same floor.
* perceptual hash (issue 21): hashing a 12-megapixel phone photo (documents/perceptual.py: JPEG
  draft-decoded at 1/8 scale, never the whole 12 MP) beside decoding the same photo at the viewer's
  size, which the desk does anyway. Target: at most half of it.
* next item: how long a reviewer waits for the next item's photo when the desk's single document
  worker fetched and decoded it while they read the current one, beside the wait without decoding
  ahead. The reviewer reads each item for a moment (``READ_SECONDS``): a human takes longer.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import Result
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.demo.documents import family_photo
from reviewer_app.documents import DocumentLimits, ImageDocument, load_document
from reviewer_app.documents.fetch import HttpSettings
from reviewer_app.documents.loader import Verdict
from reviewer_app.documents.perceptual import perceptual_hash
from reviewer_app.documents.pipeline import open_document
from reviewer_app.documents.store import DocumentStore

VIEWER_SIZE = (1500, 1000)
READ_SECONDS = 0.5
#: Identity documents' limits (25 MB): an 11 MB photo is over P5's 10 MB for a post.
KIND = "id_document"


def make_photo(quick: bool) -> bytes:
    """The 24 MP phone photo (quality 96 comes to about 11 MB); a 1.5 MP one for --quick."""
    if quick:
        return family_photo(random.Random(11), 1500, 1000, quality=90)
    return family_photo(random.Random(11), 6000, 4000, quality=96)


@contextmanager
def file_store(folder: Path) -> Iterator[str]:
    """A plain HTTP file server for `folder` on 127.0.0.1, in its own process (as the portal's file
    store is on its own machine: no sharing of this process's GIL). Yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)]
    command += ["--directory", str(folder)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the benchmark file server did not start") from None
                time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(10)


def _doc(base: str, folder: Path, name: str, data: bytes, doc_id: int) -> DocumentRef:
    (folder / name).write_bytes(data)
    return DocumentRef(
        id=doc_id,
        kind=KIND,
        filename="IMG_0001.jpg",
        mime_type="image/jpeg",
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage="url",
        url=f"{base}/{name}",
    )


def _shown(verdict: Verdict) -> ImageDocument:
    if not isinstance(verdict, ImageDocument):
        raise RuntimeError(f"benchmark photo not shown: {verdict}")
    return verdict


def _djpeg(path: Path) -> Callable[[], float] | None:
    djpeg = shutil.which("djpeg")
    if djpeg is None:
        return None

    def run() -> float:
        start = time.perf_counter()
        subprocess.run([djpeg, "-scale", "1/4", "-outfile", "/dev/null", str(path)], check=True)
        return time.perf_counter() - start

    return run


def _result(scenario: str, value: float, floor: float | None, limit: float, judged: bool) -> Result:
    ratio = value / floor if floor else None
    return Result(
        scenario,
        round(value * 1000, 1),
        "ms",
        round(floor * 1000, 1) if floor else None,
        round(ratio, 2) if ratio else None,
        f"ratio <= {limit}" if judged else "(--quick: not judged)",
        None if ratio is None or not judged else ratio <= limit,
    )


def bench_request_to_pixels(data: bytes, folder: Path, runs: int) -> list[Result]:
    served = folder / "files"
    served.mkdir()
    photo = served / "photo.jpg"
    ids = iter(range(1, 1_000_000))
    with file_store(served) as base:

        def request_to_pixels() -> float:
            doc = _doc(base, served, "photo.jpg", data, next(ids))
            store = DocumentStore(None, Path(tempfile.mkdtemp(dir=folder)), None, http=HttpSettings())
            try:
                start = time.perf_counter()
                shown = _shown(open_document(store, doc, Policy(), VIEWER_SIZE))
                elapsed = time.perf_counter() - start
            finally:
                store.clear()
                store.close()
            assert shown.image.size[0] <= VIEWER_SIZE[0]
            return elapsed

        limits = DocumentLimits.for_kind(KIND, Policy())

        def decode_only() -> float:
            start = time.perf_counter()
            _shown(load_document(data, limits, target_size=VIEWER_SIZE))
            return time.perf_counter() - start

        floor_fn = _djpeg(photo)
        request_to_pixels()  # warm up: imports, connection set-up, the file in the page cache
        # Interleaved, so that whatever else the machine does weighs on all three alike.
        times: dict[str, list[float]] = {"ours": [], "decode": [], "floor": []}
        for _ in range(runs):
            times["ours"].append(request_to_pixels())
            times["decode"].append(decode_only())
            if floor_fn is not None:
                times["floor"].append(floor_fn())
        ours, decode = statistics.median(times["ours"]), statistics.median(times["decode"])
        floor = statistics.median(times["floor"]) if times["floor"] else None
    size = f"{len(data) / 1e6:.1f} MB"
    return [
        _result(f"photo request to pixels ({size}) vs djpeg 1/4", ours, floor, 1.5, judged=runs > 1),
        _result(
            f"open photo: {size} JPEG, bytes to pixels at viewer size vs djpeg 1/4",
            decode,
            floor,
            1.15,
            judged=runs > 1,
        ),
    ]


def bench_next_item(
    data: bytes, folder: Path, items: int, read_seconds: float, judged: bool = True
) -> Result:
    served = folder / "items"
    served.mkdir()
    with file_store(served) as base:
        docs = [_doc(base, served, f"{n}.jpg", data, 1000 + n) for n in range(items)]

        def store() -> DocumentStore:
            return DocumentStore(None, Path(tempfile.mkdtemp(dir=folder)), None, http=HttpSettings())

        # Without decoding ahead: each item's photo is fetched and decoded when the reviewer gets there.
        cold = store()
        waits_cold = []
        for doc in docs:
            start = time.perf_counter()
            _shown(open_document(cold, doc, Policy(), VIEWER_SIZE))
            waits_cold.append(time.perf_counter() - start)
        cold.clear()
        cold.close()

        # With decoding ahead: one document worker starts on the next item as soon as one is shown.
        ahead = store()
        waits_ahead = []
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="documents") as worker:
            pending: Future[Verdict] = worker.submit(open_document, ahead, docs[0], Policy(), VIEWER_SIZE)
            for index in range(items):
                start = time.perf_counter()
                _shown(pending.result())
                waits_ahead.append(time.perf_counter() - start)
                if index + 1 < items:
                    pending = worker.submit(open_document, ahead, docs[index + 1], Policy(), VIEWER_SIZE)
                time.sleep(read_seconds)  # the reviewer looks at this item
        ahead.clear()
        ahead.close()
    # The first item cannot have been decoded ahead: compare the items after it.
    with_ahead = sorted(waits_ahead[1:])[len(waits_ahead[1:]) // 2]
    without = sorted(waits_cold[1:])[len(waits_cold[1:]) // 2]
    ratio = with_ahead / without
    return Result(
        f"next item, decoded ahead ({items} items, {read_seconds} s reading) vs cold open",
        round(with_ahead * 1000, 1),
        "ms",
        round(without * 1000, 1),
        round(ratio, 3),
        "ratio <= 0.25" if judged else "(--quick: not judged)",
        ratio <= 0.25 if judged else None,
    )


def bench_perceptual_hash(quick: bool, runs: int) -> Result:
    """The perceptual hash of a 12 MP photo (4000×3000) against its decode at the viewer's size."""
    data = family_photo(random.Random(12), *((1500, 1000) if quick else (4000, 3000)), quality=92)
    limits = DocumentLimits.for_kind(KIND, Policy())

    def hashed() -> float:
        start = time.perf_counter()
        if perceptual_hash(data) is None:
            raise RuntimeError("benchmark photo not hashed")
        return time.perf_counter() - start

    def decoded() -> float:
        start = time.perf_counter()
        _shown(load_document(data, limits, target_size=VIEWER_SIZE))
        return time.perf_counter() - start

    hashed(), decoded()  # warm up
    times: dict[str, list[float]] = {"hash": [], "decode": []}
    for _ in range(runs):  # interleaved: whatever else the machine does weighs on both alike
        times["hash"].append(hashed())
        times["decode"].append(decoded())
    hash_s, decode_s = statistics.median(times["hash"]), statistics.median(times["decode"])
    megapixels = "1.5 MP" if quick else "12 MP"
    return _result(
        f"perceptual hash of a {megapixels} photo vs decoding it at viewer size",
        hash_s,
        decode_s,
        0.5,
        runs > 1,
    )


def run_all(quick: bool) -> list[Result]:
    results_hash = bench_perceptual_hash(quick, runs=1 if quick else 7)
    data = make_photo(quick)
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as tmp:
        folder = Path(tmp)
        results = bench_request_to_pixels(data, folder, runs=1 if quick else 7)
        items, reading = (3, 0.1) if quick else (6, READ_SECONDS)
        results.append(bench_next_item(data, folder, items=items, read_seconds=reading, judged=not quick))
    results.append(results_hash)
    return results
