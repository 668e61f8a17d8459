"""Render the statistics view offscreen into docs/screenshots/statistics.png.

    .venv/bin/python scripts/screenshot_stats.py [--out docs/screenshots]

(scripts/screenshots.py, which renders the desk's other screenshots, calls shoot_statistics too.)

Seeds a fresh SQLite database with the demo seed (reviewer_app.demo.seed) as of a fixed day, then
gives its first facility a busier year: the demo seed records every decision under one reviewer and
rejects few posts, so the reviewers' and reasons' charts would say little. The extra history goes
through the models like any decision (a rejected post, its decision, its strike), and the existing
decisions are shared out among four reviewers, one of whom rejects noticeably more often.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from reviewer_app.core.reasons import DEFAULT_REASONS, by_code
from reviewer_app.core.timeutil import FACILITY_TZ
from reviewer_app.demo.seed import seed
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import Decision, Post, ServiceApplication, Staff, Strike
from reviewer_app.stats.months import Month

ROOT = Path(__file__).resolve().parent.parent
#: "Today" in the picture: 20 November 2026, 12:00 in Taipei; the view shows October.
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=FACILITY_TZ).astimezone(UTC)
SHOWN_MONTH = Month(2026, 10)
SIZE = (1600, 1000)

REVIEWERS = (
    ("reviewer", "李社工師", 0.06),
    ("reviewer2", "王社工師", 0.08),
    ("reviewer3", "張社工師", 0.10),
    ("reviewer4", "吳社工師", 0.40),  # the inconsistent one
)
POST_REASONS = {
    "P2_CONTENT": 30,
    "P4_TOO_LONG": 22,
    "P5_PHOTO": 16,
    "P3_WINDOW": 10,
    "P6_ATTACHMENT": 7,
    "E3_RESTRICTED": 6,
    "OTHER_FACILITY": 4,
    "OTHER_FAMILY": 5,
}


def seed_demo(engine: Engine) -> int:
    upgrade(engine)
    seed(engine, facilities=2, families=220, full_documents=0, now=NOW)
    with Session(engine) as s:
        facility_id = s.scalar(select(Staff.facility_id).where(Staff.username == "reviewer"))
    assert facility_id is not None
    busier_year(engine, facility_id)
    return facility_id


def busier_year(engine: Engine, facility_id: int) -> None:
    rng = random.Random(2026)
    catalogue = by_code(DEFAULT_REASONS)
    with Session(engine) as s, s.begin():
        for username, name, _ in REVIEWERS[1:]:
            s.add(Staff(facility_id=facility_id, username=username, display_name=name, role="reviewer"))
        # share the seed's decisions out among the reviewers
        ids = s.scalars(
            select(Decision.id).where(Decision.facility_id == facility_id).order_by(Decision.id)
        ).all()
        for number, decision_id in enumerate(ids):
            s.execute(
                update(Decision)
                .where(Decision.id == decision_id)
                .values(staff_username=REVIEWERS[number % 4][0])
            )
        services = s.scalars(
            select(ServiceApplication).where(
                ServiceApplication.facility_id == facility_id, ServiceApplication.status == "approved"
            )
        ).all()
        # a year of extra posts: each reviewer rejects at their own rate; approvals were printed, handed over
        for back in range(12, 0, -1):
            month = SHOWN_MONTH.shift(1 - back)
            volume = int(8 + (12 - back) * 5 + rng.randint(0, 6))
            for _ in range(volume):
                submitted = month.start + timedelta(
                    seconds=rng.uniform(0, (month.end - month.start).total_seconds())
                )
                decided = submitted + timedelta(hours=rng.triangular(2, 90, 18))
                if decided >= NOW:
                    continue
                username, _, rate = rng.choice(REVIEWERS)
                rejected = rng.random() < rate
                service = rng.choice(services)
                post = Post(
                    facility_id=facility_id,
                    service_id=service.id,
                    title="近況分享",
                    body="孩子最近很好，學校老師也稱讚他，我們都很想你。",
                    submitted_at=submitted,
                    status="rejected" if rejected else rng.choice(("delivered", "delivered", "printed")),
                    version=2,
                    decided_at=decided,
                )
                s.add(post)
                s.flush()
                reasons = (
                    [rng.choices(tuple(POST_REASONS), tuple(POST_REASONS.values()))[0]] if rejected else []
                )
                key = str(uuid.UUID(int=rng.getrandbits(128)))
                s.add(
                    Decision(
                        idempotency_key=key,
                        facility_id=facility_id,
                        item_kind="post",
                        item_id=post.id,
                        item_version=1,
                        outcome="reject" if rejected else "approve",
                        reason_codes=reasons,
                        staff_username=username,
                        workstation="seed",
                        decided_at=decided,
                        applied_at=decided,
                    )
                )
                if rejected and catalogue[reasons[0]].counts_as_strike:
                    s.add(
                        Strike(
                            facility_id=facility_id,
                            service_id=service.id,
                            post_id=post.id,
                            decision_key=key,
                            reason_code=reasons[0],
                            created_at=decided,
                        )
                    )


def render(engine: Engine, facility_id: int, output: Path) -> None:
    """Show the view on `engine` as of NOW and save it; uses the running QApplication if there is one
    (scripts/screenshots.py makes it, with the desk's language and font)."""
    from reviewer_app.qt import QApplication, QFont
    from reviewer_app.ui.common import executors
    from reviewer_app.ui.stats import StatisticsView
    from reviewer_app.ui.stats.charts import CHART_FONT_FAMILIES

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    if existing is None:
        font = QFont(app.font())
        font.setFamilies(CHART_FONT_FAMILIES)
        font.setPointSizeF(10)
        app.setFont(font)
    view = StatisticsView(engine, facility_id, month=SHOWN_MONTH, now=lambda: NOW)
    view.resize(*SIZE)
    view.show()
    try:
        while view.data() is None:  # the facility list, then the figures
            if not executors.network().wait(120_000):  # a script: it may wait where a window may not
                raise SystemExit("statistics did not load within two minutes")
            app.processEvents()
            message = view.status_label.text()
            if message.startswith("無法"):
                raise SystemExit(message)
        app.processEvents()
        output.parent.mkdir(parents=True, exist_ok=True)
        if not view.grab().save(str(output)):
            raise SystemExit(f"could not write {output}")
    finally:
        view.close()
    print(f"wrote {output}", flush=True)


def shoot_statistics(out: Path, folder: Path) -> Path:
    """Seed a demo database in `folder`, render the statistics view, save `out`/statistics.png."""
    engine = make_engine(f"sqlite:///{folder / 'statistics.sqlite3'}")
    try:
        facility_id = seed_demo(engine)
        render(engine, facility_id, out / "statistics.png")
    finally:
        engine.dispose()
    return out / "statistics.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNG")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reviewer-stats-") as folder:
        shoot_statistics(args.out, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
