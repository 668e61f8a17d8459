"""Benchmarks: `python benchmarks/run.py [--quick] [--json FILE] [--database-url URL]`.

Each scenario runs several times on data it generates itself and is reported as the median beside a
baseline measured in the same run. Nothing here asserts timing; CI runs `--quick` only to prove the
benchmarks still work. Without --database-url a throwaway PostgreSQL cluster is started when the
server binaries exist (as the tests do), else an SQLite file is used.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, insert, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from reviewer_app.catalogue_db import ensure_catalogue  # noqa: E402
from reviewer_app.db import make_engine, upgrade  # noqa: E402
from reviewer_app.journal import Journal  # noqa: E402
from reviewer_app.models import (  # noqa: E402
    Applicant,
    Child,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Staff,
)
from reviewer_app.sync import Sync  # noqa: E402

T0 = datetime(2026, 11, 2, 1, 0, tzinfo=UTC)


@dataclass
class Result:
    scenario: str
    value: float
    unit: str
    baseline: float | None
    ratio: float | None
    target: str
    ok: bool | None


def median_seconds(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


@contextmanager
def shared_database(url: str | None) -> Iterator[Callable[[], str]]:
    """Yields a factory of fresh, empty databases (one per run)."""
    if url:
        yield lambda: url
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


def bench_sync_push(new_url: Callable[[], str], n: int, runs: int) -> Result:
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
        from reviewer_app.models import Decision

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
        "ratio <= 3",
        ratio <= 3,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small and fast: proves the benchmarks run")
    parser.add_argument("--json", type=Path, help="write the results as a JSON list")
    parser.add_argument("--database-url", help="an empty PostgreSQL database to use instead of a cluster")
    args = parser.parse_args()
    n, runs = (100, 1) if args.quick else (1000, 3)
    results: list[Result] = []
    with shared_database(args.database_url) as new_url:
        kind = new_url().split(":", 1)[0]
        results.append(bench_sync_push(new_url, n, runs))
    print(f"shared database: {kind}")
    print(f"{'scenario':40} {'median':>10} {'baseline':>10} {'ratio':>7}  target")
    for r in results:
        print(
            f"{r.scenario:40} {r.value:>8} {r.unit} {r.baseline!s:>8} {r.unit} {r.ratio!s:>7}  {r.target}"
            f"{'' if r.ok else '  (missed)'}"
        )
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
