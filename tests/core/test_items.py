"""The typed item data: what the journal stores comes back the same, and snapshots written by an
earlier version (fewer fields) still load and are judged the way they were."""

from __future__ import annotations

from reviewer_app.core.items import (
    ApplicantInfo,
    Approval,
    ClaimedItem,
    HandoverInfo,
    InmateInfo,
    PrintablePost,
    PrintHistory,
)
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.snapshot import FamilyStanding, findings_for
from tests.core.item_samples import FAMILY, NOW, POST, earlier_version_post, stored


def test_a_claimed_item_comes_back_from_the_journal_as_it_went_in() -> None:
    assert ClaimedItem.from_json(stored(POST.to_json())) == POST


def test_a_post_in_the_print_list_comes_back_as_it_went_in() -> None:
    post = PrintablePost(
        id=41,
        version=4,
        status="printed",
        submitted_at=POST.submitted_at,
        service_id=7,
        facility=POST.facility,
        policy=Policy(),
        applicant=ApplicantInfo(5, "林美玲"),
        relationship="spouse",
        inmate=InmateInfo(9, "1234", "陳志明", "忠舍 3 房", custody="transferred"),
        title=POST.title,
        body=POST.body,
        approved_at="2025-03-20T10:00:00+08:00",
        approved_by=Approval("sw_lin", "林社工師"),
        documents=POST.documents,
        printing=PrintHistory(2, "2025-03-21T08:00:00+08:00"),
        handover=HandoverInfo("undeliverable", "transferred", "王輔導員", "2025-03-21T09:00:00+08:00", None),
    )
    assert PrintablePost.from_json(stored(post.to_json())) == post


def test_a_snapshot_of_an_earlier_version_still_loads() -> None:
    item = ClaimedItem.from_json(earlier_version_post())
    assert item.earlier_posts is None
    assert item.history == ()
    assert item.held_reason is None
    assert item.policy == Policy(post_window_days=7, photo_max_bytes=20 * MB)  # the guide's file types


def test_an_earlier_versions_snapshot_is_judged_from_its_previous_post() -> None:
    """Without ``earlier_posts`` P3 counts from ``previous_post_at``, as before: 4 days since the
    last post in a 7-day window."""
    old = ClaimedItem.from_json(earlier_version_post())
    assert [f.rule_id for f in findings_for(old, FAMILY, NOW) if f.blocks] == ["P3"]
    # A post rejected here frees the window for today's snapshots, which list each earlier post.
    freed = FamilyStanding(0, 3, None, rejected_here=frozenset({35}))
    assert [f.rule_id for f in findings_for(POST, freed, NOW) if f.blocks] == []
