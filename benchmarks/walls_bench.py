"""Walls: the desk's pull as a staff login under row-level security, against the table owner's.

The same database, three facilities of ``items`` pending posts each. A member of the first facility
with their own PostgreSQL login (``add_staff``, signed in as the desk signs in: SCRAM, every query
under the facilities' row-level security policies) pulls a batch of 30 with the desk's own
``Sync.pull``: the claim through the database function (migration 0007), the snapshots, the families'
standings, the catalogue and the staff list, stored in a fresh journal. The baseline is the same pull,
the same statements, through the owner's connection, to which row-level security does not apply.
They take turns, each from a fresh journal and workstation (so each claims 30 new items); the ratio is
of the medians. Documents are not fetched (``check_documents=False``): the walls are the database's.

PostgreSQL only (SQLite has no logins and no row-level security).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from benchmarks.common import Result
from benchmarks.data import USERNAME, pending_posts
from reviewer_app.access import signin
from reviewer_app.access.staff import add_staff
from reviewer_app.journal import Journal
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.sync.service import Sync

MEMBER, MEMBER_PASSWORD = "walls_member", "Walls-Member-2026"
BATCH = 30
WARM_UP = 3


def _pull(engine: Engine, username: str, facility_id: int, workstation: str) -> float:
    """One pull of a batch from a fresh journal, timed (the journal's set-up is not)."""
    with tempfile.TemporaryDirectory(prefix="bench-walls-") as folder:
        journal = Journal(Path(folder) / "journal.sqlite3")
        sync = Sync(engine, journal, username, workstation, facility_id)
        begin = time.perf_counter()
        result = sync.pull(BATCH, check_documents=False)
        elapsed = time.perf_counter() - begin
        journal.close()
    if result.claimed != BATCH:
        raise RuntimeError(f"walls benchmark: {result.claimed} items pulled, not {BATCH}")
    return elapsed


def bench_walls(url: str, items: int, rounds: int, judged: bool) -> list[Result]:
    if items < (WARM_UP + rounds) * 2 * BATCH:
        raise ValueError(f"{rounds} rounds take {(WARM_UP + rounds) * 2 * BATCH} items, not {items}")
    engine = make_engine(url)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        return []
    now = datetime.now(UTC)
    queue = pending_posts(engine, items, now)
    for n in (2, 3):  # other facilities' rows, for the policies to keep out
        pending_posts(engine, items, now, code=f"BE{n}", username=f"{USERNAME}{n}")
    add_staff(
        engine,
        username=MEMBER,
        display_name="牆內社工師",
        role="reviewer",
        password=MEMBER_PASSWORD,
        facility_code="BEN",
        workstation="bench",
    )
    plain = make_url(url).set(username=None, password=None).render_as_string(hide_password=False)
    member = signin.sign_in(plain, MEMBER, MEMBER_PASSWORD)
    walled: list[float] = []
    owner: list[float] = []
    try:
        for n in range(WARM_UP + rounds):  # taking turns: the machine's moods fall on both
            w = _pull(member.engine, MEMBER, member.facility_id, f"walls-{n}")
            o = _pull(engine, USERNAME, queue.facility_id, f"owner-{n}")
            if n >= WARM_UP:
                walled.append(w)
                owner.append(o)
    finally:
        member.close()
        engine.dispose()
    value, base = statistics.median(walled), statistics.median(owner)
    ratio = value / base
    return [
        Result(
            f"claim and pull ({BATCH} of {items}) as a staff login under row-level security, "
            "vs the same as the table owner",
            round(value * 1000, 1),
            "ms",
            round(base * 1000, 1),
            round(ratio, 2),
            "ratio <= 1.3" if judged else "(--quick: not judged)",
            ratio <= 1.3 if judged else None,
        )
    ]
