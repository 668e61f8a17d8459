"""Render the 待覆核 queue (four eyes, issue 21) offscreen into docs/screenshots/second-looks.png.

    .venv/bin/python scripts/screenshot_second_looks.py [--out docs/screenshots]

(scripts/screenshots.py, which renders the desk's other screenshots, calls shoot_second_looks too.)

Seeds a fresh SQLite database with the demo seed; the reviewer (李社工師) approves the pending service
applications whose documents all open, as the desk would, and the push records them as first
decisions; the supervisor (陳科長) asks to lift a running suspension. The window is then shot at 1366×768
as the supervisor sees it: the reviewer's approvals to confirm or send back, their own request greyed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
LAPTOP = (1366, 768)


def shoot_second_looks(out: Path, folder: Path) -> Path:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from reviewer_app.access.roles import Actor
    from reviewer_app.demo.seed import seed
    from reviewer_app.documents.checks import check_document
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal import DecisionRefused, Journal
    from reviewer_app.qt import QApplication
    from reviewer_app.shared_db.engine import make_engine, upgrade
    from reviewer_app.shared_db.models import Suspension, utcnow
    from reviewer_app.supervision import suspensions
    from reviewer_app.sync.service import Sync, facility_of
    from reviewer_app.ui.common import executors
    from reviewer_app.ui.supervisor.second_looks_panel import SecondLooksWindow

    app = QApplication.instance()
    assert app is not None, "make the application first"
    out.mkdir(parents=True, exist_ok=True)
    print("seeding the four-eyes demo database…", flush=True)
    engine = make_engine(f"sqlite:///{folder / 'second-looks.sqlite3'}")
    upgrade(engine)
    seed(engine, families=16, full_documents=12)
    facility_id = facility_of(engine, "reviewer")

    journal = Journal(folder / "four-eyes-journal.sqlite3")
    reviewer = Sync(engine, journal, "reviewer", "TTD-WS-03", facility_id)
    reviewer.pull(batch=100)
    seen = DocumentStore(engine, folder / "four-eyes-cache", None)
    approved = 0
    for item in journal.items():
        if item.kind != "application" or approved == 3:
            continue
        for doc in item.snapshot.documents:  # opened, as the desk's viewer does (R7)
            check = check_document(seen, doc, item.snapshot.policy)
            if check is not None:
                journal.record_document_check(check, reviewer.clock())
        if approved == 0:  # a staff note on the first one: the second pair of eyes reads it (item 6)
            journal.add_note(
                "application",
                item.item_id,
                "家屬來電：戶籍謄本為新換發，與舊身分證地址不同屬正常",
                "reviewer",
                "TTD-WS-03",
                reviewer.clock(),
            )
        try:
            journal.decide(
                kind="application",
                item_id=item.item_id,
                outcome="approve",
                note="身分證、戶籍謄本與申請人照片相符",
                staff_username="reviewer",
                workstation="TTD-WS-03",
                now=reviewer.clock(),
            )
            approved += 1
        except DecisionRefused:
            continue
    reviewer.push()
    seen.close()
    journal.close()

    supervisor = Actor("supervisor", "supervisor", facility_id, "TTD-WS-01")
    with Session(engine) as s:
        running = s.scalars(
            select(Suspension.id).where(Suspension.facility_id == facility_id, Suspension.lifted_at.is_(None))
        ).first()
    if running is not None:
        suspensions.lift_suspension(engine, supervisor, running, "家屬來電說明，經查退件係誤判", utcnow())

    store = DocumentStore(engine, folder / "second-look-cache", None)
    window = SecondLooksWindow(engine, supervisor, documents=store)
    window.resize(*LAPTOP)
    window.show()

    def wait(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    panel = window.panel
    panel.refresh()
    wait(lambda: not panel.is_busy() and panel.model.rowCount() > 0, "the 待覆核 queue")
    panel.view.selectRow(0)
    panel.view.setFocus()
    wait(lambda: not panel.is_busy() and panel.strip_labels[0].pixmap().width() > 0, "the documents")
    shot = out / "second-looks.png"
    window.grab().save(str(shot))
    print(f"wrote {shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot}", flush=True)
    window.close()
    executors.finish_all()  # the window's last work ends before what it uses closes
    store.close()
    engine.dispose()
    app.processEvents()
    return shot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import application  # the offscreen application in zh-TW, nothing of the user's

    with tempfile.TemporaryDirectory(prefix="reviewer-screens-") as folder:
        application(Path(folder), "zh_TW")
        shoot_second_looks(args.out, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
