"""Benchmarks: `python benchmarks/run.py [--quick] [--json FILE] [--database-url URL]`.

Each scenario runs several times on data it generates itself and is reported as the median beside a
baseline measured in the same run. Nothing here asserts timing; CI runs `--quick` only to prove the
benchmarks still work. Without --database-url a throwaway PostgreSQL cluster is started when the
server binaries exist (as the tests do), else SQLite files are used (and the claim scenario, which
needs PostgreSQL, is left out). With --database-url (a PostgreSQL server and a role that may create
databases) each scenario gets a fresh database there, dropped at the end.

The scenarios: sync push (here), claim (claim_bench), claim and pull under row-level security
(walls_bench), the agency's scale (agency_bench), start and the first demo (start_bench), queue
(queue_bench), a reviewer's day (memory_bench), open photo, next item and perceptual hash
(documents_bench), print (print_bench).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, insert, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from benchmarks import (  # noqa: E402
    agency_bench,
    claim_bench,
    documents_bench,
    memory_bench,
    print_bench,
    queue_bench,
    start_bench,
    walls_bench,
)
from benchmarks.common import Result, median_seconds  # noqa: E402
from reviewer_app.journal import Journal  # noqa: E402
from reviewer_app.shared_db.catalogue import ensure_catalogue  # noqa: E402
from reviewer_app.shared_db.engine import make_engine, upgrade  # noqa: E402
from reviewer_app.shared_db.models import (  # noqa: E402
    Applicant,
    Child,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Staff,
)
from reviewer_app.sync.service import Sync  # noqa: E402

T0 = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


@contextmanager
def shared_database(url: str | None) -> Iterator[Callable[[], str]]:
    """Yields a factory of fresh, empty databases (one per run)."""
    if url:
        with _databases_on(url) as fresh_on_server:
            yield fresh_on_server
        return
    try:
        from tests.pgcluster import PgCluster

        cluster = PgCluster()
        cluster.init()
        cluster.start()
    except (RuntimeError, OSError):
        folder = Path(tempfile.mkdtemp(prefix="bench-"))
        counter = iter(range(1_000_000))
        yield lambda: f"sqlite:///{folder}/shared-{next(counter)}.sqlite3"
        return
    admin = make_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    counter = iter(range(1_000_000))

    def fresh() -> str:
        name = f"bench_{next(counter)}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return cluster.url(name)

    try:
        yield fresh
    finally:
        admin.dispose()
        cluster.destroy()


@contextmanager
def _databases_on(url: str) -> Iterator[Callable[[], str]]:
    """Fresh databases on the PostgreSQL server of `url` (its role creates them), dropped afterwards."""
    from sqlalchemy.engine import make_url

    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    prefix = f"bench_{uuid.uuid4().hex[:8]}"
    created: list[str] = []

    def fresh() -> str:
        name = f"{prefix}_{len(created)}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        created.append(name)
        return make_url(url).set(database=name).render_as_string(hide_password=False)

    try:
        yield fresh
    finally:
        with admin.connect() as conn:
            for name in created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def queue_of_posts(engine: Engine, n: int) -> int:
    """A facility with n families, each with one approved service and one pending post."""
    upgrade(engine)
    with Session(engine) as s, s.begin():
        ensure_catalogue(s)
        fac = Facility(code="BEN", name="效能測試機關")
        s.add(fac)
        s.flush()
        s.add(Staff(facility_id=fac.id, username="bench", display_name="bench", role="reviewer"))
        for i in range(n):
            inmate = Inmate(facility_id=fac.id, call_number=f"{i:05d}", name="王大明", housing_unit="忠舍")
            inmate.children.append(Child(name="王小明", birth_date=date(2016, 1, 1)))
            app = ServiceApplication(
                facility_id=fac.id,
                inmate=inmate,
                relationship_code="mother",
                call_number_entered=f"{i:05d}",
                applicant=Applicant(email=f"b{i}@example.tw", name="林美華", national_id="A223456781"),
                status="approved",
                version=2,
                submitted_at=T0 - timedelta(days=60),
            )
            s.add(app)
            s.flush()
            s.add(
                Post(facility_id=fac.id, service_id=app.id, title="近況", body="孩子都好。", submitted_at=T0)
            )
        return fac.id


def bench_sync_push(new_url: Callable[[], str], n: int, runs: int, judged: bool = True) -> Result:
    """n journalled decisions pushed through Sync, against executemany of the same rows."""

    def ours() -> float:
        url = new_url()
        engine = make_engine(url)
        fid = queue_of_posts(engine, n)
        with tempfile.TemporaryDirectory() as folder:
            journal = Journal(Path(folder) / "journal.sqlite3")
            sync = Sync(engine, journal, "bench", "bench-ws", fid, clock=lambda: T0)
            sync.pull(batch=n)
            for item in journal.items():
                journal.decide(
                    kind="post",
                    item_id=item.item_id,
                    outcome="approve",
                    staff_username="bench",
                    workstation="bench-ws",
                    now=T0,
                )
            gc.collect()  # both start with the setup's garbage collected (as timeit does, almost)
            start = time.perf_counter()
            sync.push()
            elapsed = time.perf_counter() - start
            journal.close()
        engine.dispose()
        return elapsed

    def baseline() -> float:
        url = new_url()
        engine = make_engine(url)
        fid = queue_of_posts(engine, n)
        with Session(engine) as s:
            ids = list(s.scalars(select(Post.id)))
        from reviewer_app.shared_db.models import Decision

        rows = [
            {
                "idempotency_key": str(uuid.uuid4()),
                "facility_id": fid,
                "item_kind": "post",
                "item_id": i,
                "item_version": 1,
                "outcome": "approve",
                "reason_codes": [],
                "staff_username": "bench",
                "workstation": "bench-ws",
                "decided_at": T0,
                "applied_at": T0,
            }
            for i in ids
        ]
        gc.collect()
        start = time.perf_counter()
        with engine.begin() as conn:
            conn.execute(insert(Decision), rows)
            conn.execute(
                text("UPDATE posts SET status = 'approved', version = version + 1 WHERE id = :id"),
                [{"id": i} for i in ids],
            )
        elapsed = time.perf_counter() - start
        engine.dispose()
        return elapsed

    value = median_seconds(ours, runs)
    base = median_seconds(baseline, runs)
    ratio = value / base
    return Result(
        f"sync push ({n} decisions)",
        round(value * 1000, 1),
        "ms",
        round(base * 1000, 1),
        round(ratio, 2),
        "ratio <= 3" if judged else "(--quick: not judged)",
        ratio <= 3 if judged else None,
    )


def machine() -> str:
    """The machine the figures are from: cores and processor."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores{', ' + model if model else ''}, Python {sys.version.split()[0]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small and fast: proves the benchmarks run")
    parser.add_argument("--json", type=Path, help="write the results as a JSON list")
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL server (a role that may create databases and roles) instead of a cluster",
    )
    args = parser.parse_args()
    quick = args.quick
    judged = not quick
    n, runs = (100, 1) if quick else (1000, 3)
    started = time.perf_counter()
    results: list[Result] = []
    with shared_database(args.database_url) as new_url:
        kind = new_url().split(":", 1)[0]
        results.append(bench_sync_push(new_url, n, runs, judged))
        claim_url = new_url()
        if claim_url.startswith("postgresql"):
            items, workstations, review = (
                (300, 5, 0.05) if quick else (10_000, 20, claim_bench.REVIEW_SECONDS)
            )
            results.extend(claim_bench.bench_claim(claim_url, items, workstations, runs, review, judged))
            results.extend(
                walls_bench.bench_walls(new_url(), 400 if quick else 3_000, 3 if quick else 15, judged)
            )
            facilities, workstations, items = (5, 10, 2_000) if quick else (50, 100, 200_000)
            results.extend(
                agency_bench.bench_agency(
                    new_url(), facilities, workstations, items, judged, pace=0.05 if quick else 1.0
                )
            )
        results.extend(start_bench.bench_start(new_url, 500 if quick else 10_000, 1 if quick else 5, judged))
        results.append(start_bench.bench_demo(1 if quick else 3, judged))
        items, checkpoint = (30, 10) if quick else (2_000, 200)
        results.extend(memory_bench.bench_memory(new_url(), items, checkpoint, judged))
    results.extend(queue_bench.bench_queue(5_000 if quick else 100_000, 1 if quick else 3, judged))
    results.extend(documents_bench.run_all(quick=quick))
    results.append(print_bench.bench_print(quick=quick))
    print(f"machine: {machine()}")
    print(
        f"shared database: {kind}; {'quick' if quick else 'full'} run, {time.perf_counter() - started:.0f} s"
    )
    width = max(len(r.scenario) for r in results)
    print(f"{'scenario':{width}} {'median':>12} {'baseline':>12} {'ratio':>7}  target")
    for r in results:
        baseline = f"{r.baseline} {r.unit}" if r.baseline is not None else "—"
        print(
            f"{r.scenario:{width}} {f'{r.value} {r.unit}':>12} {baseline:>12} {r.ratio!s:>7}  {r.target}"
            f"{'  (missed)' if r.ok is False else ''}{f'  [{r.spread}]' if r.spread else ''}"
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
