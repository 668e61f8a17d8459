"""Render the supervisor's 申覆 (appeals) tab offscreen into docs/screenshots/appeal.png.

(scripts/screenshots.py, which makes the application in the desk's language with its font, calls
shoot_appeal; ``python scripts/screenshots.py --only appeal`` makes this one alone.)

Seeds a demo database of its own (its appeals come with the seed: reviewer_app/demo/seed_appeals.py),
selects the suspended family's appeal of the rejection that suspended them, with its photo drawn, and
the supervisor's reasons for the family written, at 1366×768.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from reviewer_app.core.timeutil import FACILITY_TZ

#: "Today" in the picture.
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=FACILITY_TZ).astimezone(UTC)
SIZE = (1366, 768)


def shoot_appeal(out: Path, folder: Path) -> Path:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from reviewer_app.access.roles import Actor
    from reviewer_app.demo.seed import SCENARIO_FAMILIES, seed
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.qt import QApplication
    from reviewer_app.shared_db.engine import make_engine, upgrade
    from reviewer_app.shared_db.models import Staff
    from reviewer_app.ui.common import executors
    from reviewer_app.ui.supervisor.appeals_panel import AppealsPanel

    app = QApplication.instance()
    assert app is not None, "scripts/screenshots.py makes the application"
    engine = make_engine(f"sqlite:///{folder / 'appeals.sqlite3'}")
    upgrade(engine)
    seed(engine, families=40, full_documents=SCENARIO_FAMILIES, now=NOW)  # as the demo seeds
    with Session(engine) as s:
        facility_id = s.scalar(select(Staff.facility_id).where(Staff.username == "supervisor"))
    assert facility_id is not None
    store = DocumentStore(engine, folder / "appeal-cache", None)
    actor = Actor("supervisor", "supervisor", facility_id, "TTD-WS-01")
    panel = AppealsPanel(engine, actor, fetch=store.fetch, clock=lambda: NOW)
    panel.resize(*SIZE)
    panel.show()

    def wait(condition: object, what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    try:
        panel.refresh()
        wait(lambda: panel.model.rowCount() > 0 and not panel.is_busy(), "the appeals")
        rows = panel.model.rows()
        # the appeal of a strike not yet dismissed, with a photo: the latest rejection among them
        wanted = max(
            (i for i, r in enumerate(rows) if not r.decided and r.strike_id is not None and r.documents),
            key=lambda i: rows[i].rejected_at,
        )
        panel.view.selectRow(wanted)
        wait(lambda: not panel.is_busy() and not panel.documents.item(0).icon().isNull(), "the photo")
        panel.reasoning.setPlainText("照片為孩子與獎狀的合照，並無不當內容；原退件理由不成立。")
        panel.reasoning.setFocus()
        wait(lambda: True, "the text")
        output = out / "appeal.png"
        output.parent.mkdir(parents=True, exist_ok=True)
        if not panel.grab().save(str(output)):
            raise SystemExit(f"could not write {output}")
        print(f"wrote {output}", flush=True)
        return output
    finally:
        panel.close()
        executors.finish_all()
        store.close()
        engine.dispose()
