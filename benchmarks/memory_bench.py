"""A reviewer's day: the desk's resident memory, open files and threads after reviewing 2 000 items
with photos, against after 200.

The real desk window (offscreen), on a shared database whose facility has a queue of posts, each with
a 12-megapixel phone photo on the portal's file store (HTTP on 127.0.0.1, as in a deployment). The
reviewer works as at a facility: waits until the item's photo is shown, approves it (the desk's own
approve action, recorded in the journal, the next item selected), and when the claimed batch is done
syncs (pushes the decisions, claims the next 30). Resident memory, the open file descriptors and the
process's threads are read with the desk idle after the 200th and after the 2 000th decision; the
target is growth of at most 10 % in memory and none in files or threads.

The same run times the next item in the real desk: from the approve to the next item shown with its
photo painted, the photo decoded ahead by the desk; every ``COLD_EVERY``-th time the next item's photo
is dropped from the desk's memory first (fetched and decoded after the decision: the cold open).

Run in its own process (``python benchmarks/memory_bench.py --database-url URL --items N
--checkpoint K``), which prints one JSON object; :func:`bench_memory` prepares the data and the file
store and turns that into a result.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import Result  # noqa: E402

PHOTOS = 6  # distinct photo files; every post has its own document (id) for one of them
#: Every so many decisions the next item's photo is dropped from memory first: a cold open.
COLD_EVERY = 5


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def handles_and_threads() -> tuple[int, int]:
    """(open file descriptors, threads) of this process, as the system counts them (Qt's included);
    (-1, -1) where /proc is not there."""
    try:
        fds = len(os.listdir("/proc/self/fd"))
        status = Path("/proc/self/status").read_text().splitlines()
    except OSError:
        return -1, -1
    threads = next((int(line.split()[1]) for line in status if line.startswith("Threads:")), -1)
    return fds, threads


def review(url: str, items: int, checkpoint: int, folder: Path) -> dict[str, Any]:
    from benchmarks.data import DISPLAY_NAME, USERNAME
    from reviewer_app.documents.fetch import HttpSettings
    from reviewer_app.documents.hygiene import evict_on_sync
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal import Journal
    from reviewer_app.qt import QApplication, QTimer
    from reviewer_app.shared_db.engine import make_engine
    from reviewer_app.sync.service import Sync, facility_of
    from reviewer_app.ui.common.app import make_application
    from reviewer_app.ui.common.gui_gc import GuiThreadCollector
    from reviewer_app.ui.desk.main_window import DeskContext, MainWindow
    from reviewer_app.ui.viewer.documents import doc_key

    app = make_application(sys.argv[:1], folder / "desk.ini")
    GuiThreadCollector(app)  # as run_desk does: garbage holding a widget is never freed on a worker
    engine = make_engine(url)
    journal = Journal(folder / "journal.sqlite3")
    store = DocumentStore(engine, folder / "cache", None, http=HttpSettings())
    sync = Sync(
        engine,
        journal,
        USERNAME,
        "bench-ws",
        facility_of(engine, USERNAME),
        on_synced=evict_on_sync(store, journal),
    )
    context = DeskContext(
        journal=journal,
        sync=sync,
        staff_username=USERNAME,
        staff_display_name=DISPLAY_NAME,
        workstation="bench-ws",
        settings_path=folder / "desk.ini",
        documents=store,
        sync_interval_ms=3_600_000,  # the reviewer syncs when the batch is done (F5), as below
    )
    window = MainWindow(context)
    window.show()

    def idle() -> bool:
        return not window.is_busy() and not window.is_syncing()

    def wait(condition: Callable[[], bool], timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the desk did not get there in time")
            QApplication.processEvents()
            time.sleep(0.001)

    def photo_shown() -> bool:
        detail = window.panel.detail()
        if detail is None or not detail.snapshot.documents:
            return True
        return window.viewer.current_shown() is not None

    def next_shown(previous: Any) -> bool:
        detail = window.panel.detail()
        return detail is not None and detail.key != previous and photo_shown()

    wait(lambda: idle() and window.model.rowCount() > 0)
    decided = 0
    samples: dict[str, float] = {}
    handles: dict[str, tuple[int, int]] = {}
    ahead: list[float] = []  # decision to the next item shown, its photo decoded ahead
    cold: list[float] = []  # the same, the next item's photo dropped from memory first
    start = time.perf_counter()
    while decided < items:
        wait(lambda: idle() and photo_shown())
        detail = window.panel.detail()
        if detail is not None and detail.decidable and not detail.blocking:
            following = window.queue.next_decidable_after(detail.key)
            dropped = following is not None and decided % COLD_EVERY == COLD_EVERY - 1
            if dropped and following is not None:
                for doc in window.detail_of(following).snapshot.documents:  # type: ignore[union-attr]
                    window.documents._cache.pop(doc_key(doc), None)
            begin = time.perf_counter()
            # From the event loop, as the reviewer's Ctrl+Return comes (Qt deletes the widgets the
            # desk replaces once control is back in the loop; called from outside it, they would stay).
            QTimer.singleShot(0, window.approve_current)
            wait(lambda: window.is_deciding() or not idle())  # the approve has run
            if following is not None:
                previous = detail.key
                wait(lambda: next_shown(previous))  # noqa: B023 (waited for here, in this iteration)
                QApplication.processEvents()  # painted
                (cold if dropped else ahead).append(time.perf_counter() - begin)
            wait(lambda: not window.is_deciding() and idle())
            decided += 1
            if decided in (checkpoint, items):
                wait(lambda: idle() and photo_shown())
                samples[str(decided)] = resident_mb()
                handles[str(decided)] = handles_and_threads()
        else:
            before = journal.counts().waiting_to_sync
            window.sync_now()
            wait(lambda: idle())
            if before == 0 and not any(r.decidable for r in window.model.rows()):
                raise RuntimeError(f"the queue ran out after {decided} decisions")
    elapsed = time.perf_counter() - start
    window.close()
    store.close()
    journal.close()
    engine.dispose()
    del app
    return {
        "items": items,
        "checkpoint": checkpoint,
        "rss_mb": samples,
        "handles": handles,
        "seconds": elapsed,
        "next_ahead_s": statistics.median(ahead) if ahead else None,
        "next_cold_s": statistics.median(cold) if cold else None,
        "next_counts": [len(ahead), len(cold)],
    }


def bench_memory(url: str, items: int, checkpoint: int, judged: bool) -> list[Result]:
    from benchmarks.data import pending_posts
    from benchmarks.documents_bench import file_store
    from reviewer_app.demo.documents import family_photo
    from reviewer_app.shared_db.engine import make_engine

    rng = random.Random(21)
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        folder = Path(tmp)
        served = folder / "files"
        served.mkdir()
        names = []
        photos = []
        for n in range(PHOTOS):
            data = family_photo(rng, 4000, 3000)  # a phone's 12 MP
            (served / f"IMG_{n:04d}.jpg").write_bytes(data)
            names.append(f"IMG_{n:04d}.jpg")
            photos.append(data)
        with file_store(served) as base:
            engine = make_engine(url)
            queue_size = items + 40  # the last batch is claimed in full
            pending_posts(
                engine,
                queue_size,
                datetime.now(UTC),
                photos=photos,
                photo_posts=queue_size,
                photo_base_url=base,
                photo_names=names,
            )
            engine.dispose()
            desk_folder = folder / "desk"
            desk_folder.mkdir()
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_CACHE_DIR=str(folder / "appcache"))
            out = subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--database-url",
                    url,
                    "--items",
                    str(items),
                    "--checkpoint",
                    str(checkpoint),
                    "--folder",
                    str(desk_folder),
                ],
                env=env,
                capture_output=True,
                text=True,
                timeout=1800,
                check=False,
            )
    if out.returncode != 0:
        raise RuntimeError(f"memory benchmark failed: {out.stderr[-3000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    early, late = data["rss_mb"][str(checkpoint)], data["rss_mb"][str(items)]
    growth = late / early - 1
    (fds_early, threads_early), (fds_late, threads_late) = (
        data["handles"][str(checkpoint)],
        data["handles"][str(items)],
    )
    grew = fds_late > fds_early or threads_late > threads_early
    results = [
        Result(
            f"a reviewer's day: resident memory after {items} items reviewed with photos, against after "
            f"{checkpoint}",
            round(late, 1),
            "MB",
            round(early, 1),
            round(late / early, 3),
            "growth <= 10 %" if judged else "(--quick: not judged)",
            growth <= 0.10 if judged else None,
        ),
        Result(
            f"a reviewer's day: open files / threads after {items} items, against after {checkpoint}",
            f"{fds_late} / {threads_late}",  # two counts, shown as they are
            "",
            f"{fds_early} / {threads_early}",
            None,
            "no growth" if judged else "(--quick: not judged)",
            not grew if judged else None,
        ),
    ]
    ahead, cold = data["next_ahead_s"], data["next_cold_s"]
    if ahead is not None and cold:
        warm_count, cold_count = data["next_counts"]
        results.append(
            Result(
                f"next item in the desk: decision to the next item shown, photo decoded ahead "
                f"({warm_count}) vs dropped first ({cold_count})",
                round(ahead * 1000, 1),
                "ms",
                round(cold * 1000, 1),
                round(ahead / cold, 3),
                "ratio <= 0.25" if judged else "(--quick: not judged)",
                ahead / cold <= 0.25 if judged else None,
            )
        )
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--checkpoint", type=int, default=200)
    parser.add_argument("--folder", type=Path, required=True)
    args = parser.parse_args()
    print(json.dumps(review(args.database_url, args.items, args.checkpoint, args.folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
