"""The queue: open, sort and filter 100 000 pending items in the desk's queue pane.

Run in its own process (``python benchmarks/queue_bench.py --rows N --runs K``, offscreen), so that its
resident memory is the queue's and nothing else's; it prints one JSON object that :func:`bench_queue`
turns into results.

* rows: ``queue_row`` for each item from a journal item and its findings, with its search text, as
  ``load_desk`` makes them on the journal worker (not on the GUI thread: reported, not judged).
* open: the worker's rows handed to the queue pane (model, filter, table as in the desk, shown,
  sorted by submission time), the first pending item selected and the table painted.
* sort: a click on a column header (family name, then waiting time descending), painted; the slower.
* filter: a family's name typed in the search box, the status, kind and rule-flag filters chosen, each
  on its own and then undone, each painted; the slowest of these eight.
* resident: the process's resident memory with the 100 000 rows open (Qt and Python included).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import Result  # noqa: E402

SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = ("美華", "淑芬", "雅婷", "怡君", "志明", "俊傑", "家豪", "宗翰", "佩珊", "冠宇")


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_rows(n: int, now: datetime) -> list[Any]:
    """n queue rows as the journal worker makes them: journal items, their findings, queue_row."""
    from reviewer_app.core import rules
    from reviewer_app.core.items import ApplicantInfo, ClaimedItem, FacilityRef, InmateInfo
    from reviewer_app.core.policy import Policy
    from reviewer_app.journal import LocalItem
    from reviewer_app.ui.queue.rows import queue_row
    from reviewer_app.ui.queue.texts import QueueTexts

    texts = QueueTexts()  # as load_desk gets them from the desk: the queue's date style

    held = rules.Finding(
        "E3",
        blocks=False,
        code="E3_RESTRICTED",
        values={"restriction": "discipline", "starts_on": "2026-12-01", "ends_on": "2026-12-31"},
        held=True,
    )
    long_body = rules.Finding(
        "P4", blocks=True, code="P4_TOO_LONG", values={"length": 130, "limit": 100}, reason_code="P4_TOO_LONG"
    )
    rows = []
    for i in range(n):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i // len(SURNAMES) % len(GIVEN)]
        kind = "application" if i % 10 == 0 else "post"
        submitted = now - timedelta(minutes=(i * 7919) % 100_000)
        snapshot = ClaimedItem(
            kind=kind,
            id=i + 1,
            version=1,
            status="pending",
            submitted_at=submitted.isoformat(),
            service_id=i + 1,
            facility=FacilityRef(1, "BENCH", "效能測試監獄"),
            policy=Policy(review_target_hours=72),
            applicant=ApplicantInfo(i + 1, name, national_id_masked="A2****6781"),
            relationship="spouse",
            inmate=InmateInfo(i + 1, f"{10000 + i}", "王大明", ""),
            title="孩子的近況" if kind == "post" else "",
        )
        item = LocalItem(
            kind=kind,
            item_id=i + 1,
            version=1,
            facility_id=1,
            service_id=i + 1,
            remote_status="pending",
            local_status="pending",
            held_reason=None,
            submitted_at=submitted,
            claim_expires_at=now + timedelta(minutes=20),
            pulled_at=now,
            snapshot=snapshot,
        )
        findings = [held] if i % 50 == 7 else [long_body] if i % 40 == 3 else []
        rows.append(queue_row(item, findings, now, None, "效能測試社工師", texts))
    return rows


def measure(n: int, runs: int) -> dict[str, Any]:
    from reviewer_app.qt import QApplication, Qt
    from reviewer_app.ui.common.app import make_application
    from reviewer_app.ui.queue.filter import ANY_FLAG
    from reviewer_app.ui.queue.queue_pane import QueuePane
    from reviewer_app.ui.queue.rows import Column

    app = make_application(sys.argv[:1])
    pane = QueuePane()
    pane.resize(1400, 400)
    pane.show()
    QApplication.processEvents()
    before = resident_mb()
    now = datetime.now(UTC)
    start = time.perf_counter()
    rows = make_rows(n, now)
    built = time.perf_counter() - start

    def timed(action: Any) -> float:
        begin = time.perf_counter()
        action()
        QApplication.processEvents()  # painted
        return time.perf_counter() - begin

    name = SURNAMES[3] + GIVEN[4]

    def choose(combo: Any, data: str | None) -> None:
        combo.setCurrentIndex(combo.findData(data))

    opens, sorts, filters = [], [], []
    for _ in range(runs):
        pane.search.clear()
        pane.table.sortByColumn(Column.SUBMITTED, Qt.SortOrder.AscendingOrder)
        pane.set_rows([])
        QApplication.processEvents()

        def open_queue() -> None:
            pane.set_rows(rows)
            pane.ensure_current()

        opens.append(timed(open_queue))
        sorts.append(
            max(
                timed(lambda: pane.table.sortByColumn(Column.FAMILY, Qt.SortOrder.AscendingOrder)),
                timed(lambda: pane.table.sortByColumn(Column.WAITING, Qt.SortOrder.DescendingOrder)),
            )
        )
        shown = {}
        times = []
        # Each filter on its own, then back to everything: a search, then each drop-down.
        steps: list[tuple[str, Any, Any]] = [
            ("search", lambda: pane.search.setText(name), pane.search.clear),
            ("status", lambda: choose(pane.status_filter, "held"), lambda: choose(pane.status_filter, None)),
            ("kind", lambda: choose(pane.kind_filter, "application"), lambda: choose(pane.kind_filter, None)),
            ("flag", lambda: choose(pane.flag_filter, ANY_FLAG), lambda: choose(pane.flag_filter, None)),
        ]
        for step, apply, undo in steps:
            times.append(timed(apply))
            shown[step] = pane.proxy.rowCount()
            times.append(timed(undo))
            shown["all"] = pane.proxy.rowCount()
        filters.append(max(times))
    after = resident_mb()
    if not shown["search"] or shown["all"] != n:
        raise RuntimeError(f"the filters did not work: {shown}")
    pane.close()
    del app
    return {
        "rows": n,
        "built_s": built,
        "open_s": statistics.median(opens),
        "sort_s": statistics.median(sorts),
        "filter_s": statistics.median(filters),
        "rss_before_mb": before,
        "rss_mb": after,
        "shown": shown,
    }


def bench_queue(rows: int, runs: int, judged: bool) -> list[Result]:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--rows", str(rows), "--runs", str(runs)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"queue benchmark failed: {out.stderr[-3000:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])

    def ms(seconds: float) -> float:
        return round(seconds * 1000, 1)

    def result(what: str, value: float, unit: str, limit: float | None) -> Result:
        target = f"<= {limit:g} {unit}" if limit is not None else "(worker thread: not judged)"
        if not judged and limit is not None:
            target = "(--quick: not judged)"
        return Result(
            f"queue of {rows} items: {what}",
            value,
            unit,
            None,
            None,
            target,
            value <= limit if judged and limit is not None else None,
        )

    return [
        result("rows built (journal worker)", ms(data["built_s"]), "ms", None),
        result("open, sorted, painted", ms(data["open_s"]), "ms", 300),
        result("sort by a column", ms(data["sort_s"]), "ms", 300),
        result(
            "filter (slowest of search, status, kind, flag, each set and undone)",
            ms(data["filter_s"]),
            "ms",
            50,
        ),
        result("resident memory", round(data["rss_mb"], 1), "MB", 300),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(measure(args.rows, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
