"""The journal keeps the pulled items as JSON and gives back records, never its rows: the item
comes back whole, and an item stored by an earlier version of the app is still read and judged."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from reviewer_app.core.items import SharedStanding
from reviewer_app.journal import Journal, LocalItem
from reviewer_app.journal.models import JournalItem
from tests.core.item_samples import NOW, POST, earlier_version_post

FAMILY = SharedStanding(
    service_id=POST.service_id,
    facility_id=POST.facility.id,
    strike_threshold=3,
    suspension_months=1,
)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


def test_items_come_back_as_records_with_the_pulled_item(journal: Journal) -> None:
    journal.store_pulled([POST], [FAMILY], [], NOW + timedelta(minutes=20), NOW)
    (item,) = journal.items()
    assert isinstance(item, LocalItem) and not isinstance(item, JournalItem)
    assert item.snapshot == POST
    assert (item.kind, item.item_id, item.version, item.service_id) == ("post", 41, 3, 7)
    assert item.submitted_at == POST.submitted()
    assert journal.item("post", 41) == item


def test_an_item_stored_by_an_earlier_version_is_read_and_judged(journal: Journal) -> None:
    with journal.session() as s, s.begin():
        s.add(
            JournalItem(
                kind="post",
                item_id=POST.id,
                version=POST.version,
                facility_id=POST.facility.id,
                service_id=POST.service_id,
                remote_status="pending",
                local_status="pending",
                held_reason=None,
                held_by_key=None,
                submitted_at=POST.submitted(),
                claim_expires_at=NOW + timedelta(minutes=20),
                pulled_at=NOW,
                snapshot=earlier_version_post(),
            )
        )
    (item,) = journal.items()
    assert item.snapshot.earlier_posts is None and item.snapshot.title == POST.title
    # P3 from the shared database's answer alone, as that version judged it: 4 days in a 7-day window.
    assert [f.rule_id for f in journal.findings("post", POST.id, NOW) if f.blocks] == ["P3"]
