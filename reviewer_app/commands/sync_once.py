"""`sync`: push this workstation's decisions and pull its claims once, without the window."""

from __future__ import annotations

import argparse

from reviewer_app import config
from reviewer_app.commands.common import find_staff, open_engine, require_current_schema


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="push this workstation's decisions and pull its claims once")
    sync.add_argument("--batch", type=int, default=30)
    # Also accepted after the subcommand (the README's order); SUPPRESS keeps a --user given before it.
    sync.add_argument("--user", default=argparse.SUPPRESS, help="staff username (default: first reviewer)")
    sync.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reviewer_app.documents.cache import DocumentCache
    from reviewer_app.documents.hygiene import evict_on_sync
    from reviewer_app.documents.store import cache_folder
    from reviewer_app.journal import Journal
    from reviewer_app.sync.service import Sync

    engine = open_engine(args)
    require_current_schema(engine)  # never push into a schema this app does not know
    staff = find_staff(engine, args.user)
    journal = Journal(config.journal_path(str(engine.url), staff.username))
    # decisions that reach the shared database take their documents out of this user's cache
    evict = evict_on_sync(DocumentCache(cache_folder()), journal)
    sync = Sync(engine, journal, staff.username, config.workstation_id(), staff.facility_id, on_synced=evict)
    try:
        pushed, pulled = sync.sync(args.batch)
        counts = journal.counts()
    finally:
        journal.close()
    print(
        f"pushed {pushed.applied} (already applied {pushed.already_applied}, conflicts {pushed.conflicts}); "
        f"claimed {pulled.claimed}; waiting to sync {counts.waiting_to_sync}"
    )
    return 0
