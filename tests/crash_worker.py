"""Run in a child process by tests/test_faults.py, which then finds it killed (SIGKILL) mid-work.

decide-then-die   URL JOURNAL USER FACILITY   open and decide every claimed item, then die before any push
die-after-commit  URL JOURNAL USER FACILITY N B  push in batches of B, die right after the Nth
                                                  shared-database commit
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from reviewer_app.documents.checks import check_document
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import Journal
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.sync.service import Sync


def main() -> None:
    mode, url, journal_path, user, facility = sys.argv[1:6]
    journal = Journal(journal_path)
    engine = make_engine(url)
    sync = Sync(engine, journal, user, "ws-crash", int(facility))
    if mode == "decide-then-die":
        store = DocumentStore(engine, Path(journal_path).parent / "crash-documents", None)
        for item in journal.items():
            for doc in item.snapshot.documents:  # the reviewer looks before approving (R7)
                check = check_document(store, doc, item.snapshot.policy)
                assert check is not None
                journal.record_document_check(check, datetime.now(UTC))
            journal.decide(
                kind=item.kind,
                item_id=item.item_id,
                outcome="approve",
                staff_username=user,
                workstation="ws-crash",
                now=datetime.now(UTC),
            )
        os.kill(os.getpid(), signal.SIGKILL)
    elif mode == "die-after-commit":
        limit, batch = int(sys.argv[6]), int(sys.argv[7])
        commits = 0

        def after_commit(session: Session) -> None:
            nonlocal commits
            # Only the shared database's outermost commits count (not the journal's, not savepoints).
            if session.bind is not engine or session.in_nested_transaction():
                return
            commits += 1
            if commits == limit:
                os.kill(os.getpid(), signal.SIGKILL)

        event.listen(Session, "after_commit", after_commit)
        sync.push(batch_size=batch)
    raise SystemExit("the worker should have been killed")


if __name__ == "__main__":
    main()
