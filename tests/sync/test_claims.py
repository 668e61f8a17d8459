"""Several workstations, each with its own engine and journal, claim and decide from one PostgreSQL
queue at the same time: no item is decided twice, none is lost."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Decision, Post, Strike, Suspension
from tests import factories
from tests.desk import workstation

WORKSTATIONS = 6
POSTS = 90


@pytest.mark.postgres
def test_workstations_share_one_queue_without_double_decisions(pg_url: str, tmp_path: Path) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        fid = fac.id
        # Three posts per family, some families at two strikes already, so strikes, suspensions and
        # holds race on the same families too.
        for n in range(POSTS // 3):
            app = factories.family(s, fac, strikes=2 if n % 3 == 0 else 0)
            for hour in range(3):
                factories.post(s, app, submitted_at=factories.T0.replace(hour=hour))
    desks = [workstation(pg_url, tmp_path, f"ws-{n}", f"ttd_rev{n + 1}", fid) for n in range(WORKSTATIONS)]
    start = threading.Barrier(WORKSTATIONS)
    claimed: dict[str, list[int]] = {d.name: [] for d in desks}
    errors: list[BaseException] = []

    def work(desk_index: int) -> None:
        desk = desks[desk_index]
        try:
            start.wait()
            while True:
                desk.sync.pull(batch=5)
                items = desk.journal.items()
                if not items:
                    return
                for item in items:
                    claimed[desk.name].append(item.item_id)
                    blocking = [
                        f for f in desk.journal.findings("post", item.item_id, desk.clock()) if f.blocks
                    ]
                    if blocking:  # e.g. P3 (a second post inside the window) or P7 (held)
                        desk.decide("post", item.item_id, "reject", blocking[0].reason_code or "OTHER_FAMILY")
                    elif item.item_id % 2:
                        desk.decide("post", item.item_id, "reject", "P2_CONTENT")
                    else:
                        desk.decide("post", item.item_id, "approve")
                desk.sync.push()
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(WORKSTATIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    assert all(not t.is_alive() for t in threads)

    with Session(engine) as s:
        decided = list(s.scalars(select(Decision.item_id)))
        statuses = dict(s.execute(select(Post.status, func.count()).group_by(Post.status)).all())
        strikes_per_post = s.execute(select(Strike.post_id, func.count()).group_by(Strike.post_id)).all()
        suspensions = s.execute(
            select(Suspension.service_id, Suspension.block, func.count()).group_by(
                Suspension.service_id, Suspension.block
            )
        ).all()
    assert len(decided) == len(set(decided)) == POSTS  # none twice, none lost
    assert statuses.get("pending", 0) == 0 and statuses.get("held", 0) == 0
    assert all(n == 1 for _, n in strikes_per_post)
    assert suspensions and all(n == 1 for *_, n in suspensions)
    # Every item was in one workstation's hands at a time: a conflict would show as a missing push.
    conflicts = sum(d.journal.counts().conflicts for d in desks)
    assert len(decided) + conflicts == sum(len(v) for v in claimed.values())
    for d in desks:
        d.close()
    engine.dispose()
