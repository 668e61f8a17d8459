"""Through the real commands: documents fetched on this workstation leave its cache when
`reviewer-app sync` has pushed the item's decision."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reviewer_app import config
from reviewer_app.cli import main
from reviewer_app.documents.hygiene import item_document_ids
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import Journal
from reviewer_app.shared_db.engine import make_engine


def test_sync_command_evicts_the_documents_of_pushed_decisions(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", sqlite_url, "seed", "--families", "4"]) == 0
    assert main(["--database-url", sqlite_url, "--user", "reviewer", "sync", "--batch", "4"]) == 0
    capsys.readouterr()
    journal = Journal(config.journal_path(sqlite_url, "reviewer"))
    engine = make_engine(sqlite_url)
    store = DocumentStore.for_staff(engine, "reviewer")
    try:
        items = [i for i in journal.items() if i.snapshot.documents][:2]
        assert len(items) == 2
        for item in items:
            for doc in item.snapshot.documents:
                assert isinstance(store.fetch(doc), bytes)
        decided, kept = items
        reason = next(
            r.code for r in journal.catalogue().values()
            if r.active and r.applies_to in (decided.kind, "both") and r.suggestion.strip()
        )  # fmt: skip
        journal.decide(
            kind=decided.kind,
            item_id=decided.item_id,
            outcome="reject",
            reason_codes=[reason],
            message_to_family="請補上關係證明文件",
            staff_username="reviewer",
            workstation=config.workstation_id(),
            now=datetime.now(UTC),
        )
        before = {int(p.name.split("-")[0]) for p in store.cache.files()}
        gone = set(item_document_ids(journal, decided.kind, decided.item_id))
        assert gone <= before

        assert main(["--database-url", sqlite_url, "--user", "reviewer", "sync", "--batch", "4"]) == 0
        assert "pushed 1" in capsys.readouterr().out

        after = {int(p.name.split("-")[0]) for p in store.cache.files()}
        # The pulls cached every claimed item's documents (R7); only the decided item's left.
        assert after == before - gone
        assert set(item_document_ids(journal, kept.kind, kept.item_id)) <= after
    finally:
        store.clear()
        store.close()
        journal.close()
        engine.dispose()
