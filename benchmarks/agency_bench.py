"""Agency scale: one PostgreSQL for the whole agency, 50 facilities, 100 workstations, 200 000 items.

The shared database holds ``facilities`` facilities of ``items // facilities`` pending posts each.
``workstations`` desks, spread evenly over the facilities, each with its own connection (threads in
a few processes: a facility's workstations are other machines, and 100 processes would measure mostly
how 100 interpreters share this machine's 2 cores), are open already (connected, the claim prepared).
Each then does ``CLAIMS`` rounds of what a desk does: claim a batch of 30 through the claim function
(timed, one latency per claim), let its reviewer work through it, push the decisions (the items leave
the queue; logged in ``bench_claim_log``), claim again. Afterwards the database is asked how many items
were claimed by more than one workstation (the target is none).

Two loads on the same database, each with its p99 over all the claims of all workstations:

* judged, an agency's busy hour sped up: the desks' first syncs come within ``START_SPREAD`` and each
  reviewer takes a random 0–``REVIEW_SECONDS`` for a batch of 30. The 100 desks then claim as often
  together as the claim scenario's 20 (claim_bench: 0–1 s a batch), and each reviewer is still
  hundreds of times faster than a facility's (a batch of 30 takes a reviewer well over an hour);
* informative, the machine's limit: all desks start at the same instant and take 0–1 s a batch,
  500 claims and pushes a second on 2 cores shared by the server and the client processes.

No baseline: the targets are absolute. PostgreSQL only.
"""

from __future__ import annotations

import multiprocessing
import random
import threading
import time
from datetime import UTC, datetime, timedelta
from multiprocessing.synchronize import Barrier
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from benchmarks.claim_bench import BATCH, LEASE, WARM_CLAIMS, _p99
from benchmarks.common import Result
from benchmarks.data import pending_posts
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.shared_db.models import Staff

CLAIMS = 10  # rounds per workstation
REVIEW_SECONDS = 5.0
START_SPREAD = 1.0
STRESS_REVIEW_SECONDS = 1.0
PROCESSES = 4


def _username(number: int) -> str:
    return f"agency{number:03d}"


def _desk(
    url: str, facility_id: int, number: int, review: float, spread: float, start: threading.Barrier
) -> list[float]:
    """One workstation: its own engine and connection; CLAIMS rounds of claim, review, push."""
    from reviewer_app.sync import claims

    engine = make_engine(url, pool_size=1, max_overflow=0)
    who = claims.Claimant(_username(number), f"agency-ws-{number:03d}", facility_id)
    rng = random.Random(number)
    try:
        for _ in range(WARM_CLAIMS):  # an open desk: connected, its claim prepared
            with Session(engine) as s, s.begin():
                claims.claim(s, who, datetime.now(UTC), BATCH, LEASE)
                s.rollback()
        start.wait()
        time.sleep(rng.uniform(0, spread))  # the desks' syncs come within `spread` of each other
        latencies: list[float] = []
        for _ in range(CLAIMS):
            now = datetime.now(UTC)
            begin = time.perf_counter()
            with Session(engine) as s, s.begin():
                got = claims.claim(s, who, now, BATCH, LEASE)
            latencies.append(time.perf_counter() - begin)
            if not got:
                break
            time.sleep(rng.uniform(0, review))  # the reviewer works through the batch
            with engine.begin() as conn:  # the decisions are pushed: the items leave the queue
                conn.execute(
                    text("INSERT INTO bench_claim_log (kind, item_id, workstation) VALUES (:k, :i, :w)"),
                    [{"k": k, "i": i, "w": who.workstation} for k, i in got],
                )
                conn.execute(
                    text(
                        "UPDATE posts SET status = 'approved', version = version + 1, claimed_by = NULL, "
                        "claim_workstation = NULL, claim_expires_at = NULL WHERE id = ANY(:ids)"
                    ),
                    {"ids": [i for k, i in got if k == "post"]},
                )
        return latencies
    finally:
        engine.dispose()


def _process(
    url: str, desks: list[tuple[int, int]], review: float, spread: float, ready: Barrier, out: Any
) -> None:
    """A process holding some of the workstations, each on a thread of its own."""
    results: list[list[float]] = [[] for _ in desks]
    start = threading.Barrier(len(desks) + 1)

    def run(index: int, facility_id: int, number: int) -> None:
        results[index] = _desk(url, facility_id, number, review, spread, start)

    threads = [
        threading.Thread(target=run, args=(index, fid, number), daemon=True)
        for index, (fid, number) in enumerate(desks)
    ]
    for t in threads:
        t.start()
    ready.wait()  # all the processes' desks are about to be open: they start together
    start.wait()
    for t in threads:
        t.join()
    out.put([x for r in results for x in r])


def _load(url: str, desks: list[tuple[int, int]], review: float, spread: float) -> list[float]:
    """One load: the desks in PROCESSES processes, started together; every claim's latency."""
    context = multiprocessing.get_context("spawn")
    processes = min(PROCESSES, len(desks))
    ready = context.Barrier(processes)
    out = context.Queue()
    procs = [
        context.Process(
            target=_process, args=(url, desks[p::processes], review, spread, ready, out), daemon=True
        )
        for p in range(processes)
    ]
    for p in procs:
        p.start()
    try:
        return [t for _ in procs for t in out.get(timeout=1200)]
    finally:
        for p in procs:
            p.join(60)
            if p.is_alive():
                p.terminate()


def bench_agency(
    url: str, facilities: int, workstations: int, items: int, judged: bool, pace: float = 1.0
) -> list[Result]:
    """``pace`` scales the reviewers' times (``--quick`` runs them 20 times faster)."""
    engine = make_engine(url)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        return []
    now = datetime.now(UTC)
    per_facility = items // facilities
    facility_ids = [
        pending_posts(
            engine, per_facility, now - timedelta(minutes=n), code=f"A{n:02d}", username=f"agency_lead{n:02d}"
        ).facility_id
        for n in range(facilities)
    ]
    desks = [(facility_ids[n % facilities], n) for n in range(workstations)]
    with Session(engine) as s, s.begin():  # the claim function acts only for active staff (migration 0007)
        s.add_all(
            Staff(facility_id=fid, username=_username(n), display_name=f"社工{n}", role="reviewer")
            for fid, n in desks
        )
    with engine.begin() as conn:
        conn.execute(
            text("CREATE TABLE bench_claim_log (kind text NOT NULL, item_id int NOT NULL, workstation text)")
        )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))
    busy = _load(url, desks, REVIEW_SECONDS * pace, START_SPREAD)
    stress = _load(url, desks, STRESS_REVIEW_SECONDS * pace, 0.0)
    with engine.connect() as conn:
        doubles = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT kind, item_id FROM bench_claim_log "
                "GROUP BY kind, item_id HAVING count(*) > 1) AS d"
            )
        ).scalar_one()
    engine.dispose()
    p99, stress_p99 = _p99(busy), _p99(stress)
    scenario = f"agency: {facilities} facilities, {workstations} workstations, {items} items, batch {BATCH}"
    return [
        Result(
            f"{scenario}: double claims (both loads)", int(doubles), "items", None, None, "0", doubles == 0
        ),
        Result(
            f"{scenario}: p99 per claim, busy hour sped up (0–{REVIEW_SECONDS:g} s a batch, "
            f"{len(busy)} claims)",
            round(p99 * 1000, 1),
            "ms",
            None,
            None,
            "<= 25 ms" if judged else "(--quick: not judged)",
            p99 <= 0.025 if judged else None,
        ),
        Result(
            f"{scenario}: p99 per claim, the machine's limit (all at once, 0–{STRESS_REVIEW_SECONDS:g} s a "
            f"batch, {len(stress)} claims)",
            round(stress_p99 * 1000, 1),
            "ms",
            None,
            None,
            "(informative)",
            None,
        ),
    ]
