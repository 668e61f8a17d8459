"""The demo seeds a few appeals (申覆) per facility: undecided ones for the supervisor's queue, the
suspended family's third strike among them, and one upheld with its reply for the statistics; the
supervisor overturns the suspended family's appeal and the suspension ends (R2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor
from reviewer_app.demo.seed import seed
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import Appeal, Strike, Suspension
from reviewer_app.supervision import appeals as supervisor
from reviewer_app.sync import pull

NOW = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


def test_the_demo_has_appeals_to_decide(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
    upgrade(engine)
    seed(engine, families=40, now=NOW, full_documents=0)  # as the demo seeds
    with Session(engine) as s:
        appeals = list(s.scalars(select(Appeal)))
        suspended = s.scalar(select(Suspension.service_id))
    assert sum(a.outcome is None for a in appeals) == 3
    (upheld,) = [a for a in appeals if a.outcome is not None]
    assert (
        upheld.outcome == "upheld"
        and upheld.decided_by == "supervisor"
        and "維持原退件決定" in (upheld.reply or "")
    )
    assert all(a.submitted_at < NOW and a.first_reviewer == "reviewer" for a in appeals)

    actor = Actor("supervisor", "supervisor", appeals[0].facility_id, "demo")
    queue = supervisor.appeals(engine, actor, undecided_only=True)
    # the appeal of the third strike, the one that reached the threshold
    theirs = max((r for r in queue if r.service_id == suspended), key=lambda r: r.rejected_at)
    assert theirs.strike_id is not None and theirs.documents  # the rejected post's photo, to look at
    later = NOW + timedelta(minutes=5)
    supervisor.decide_appeal(engine, actor, theirs.id, "overturned", "照片內容並無不當", later)
    with Session(engine) as s:
        (family,) = pull.families(s, [suspended], later)
        assert s.get_one(Strike, theirs.strike_id).dismissed_at == later
    assert family.replayed(later).suspended_until is None
    engine.dispose()
