"""A claimed post judged with the family's standing on this workstation: P3 after R1 (the window counts
from the last approved post, a post inside the window of one still waiting waits) and E1 after R5."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from reviewer_app.core.items import ClaimedItem, EarlierPost
from reviewer_app.core.messages import staff_text
from reviewer_app.core.rules import Finding
from reviewer_app.core.snapshot import FamilyStanding, findings_for
from tests.core.item_samples import FAMILY, NOW, POST, stored

# POST was submitted 2025-03-19 under a 7-day window; post #35 of the same service on 2025-03-15.
EARLIER_AT = "2025-03-15T08:00:00+08:00"


def with_earlier(status: str) -> ClaimedItem:
    return replace(POST, earlier_posts=(EarlierPost(35, EARLIER_AT, status),))


def blocking(item: ClaimedItem, family: FamilyStanding = FAMILY) -> list[Finding]:
    return [f for f in findings_for(item, family, NOW) if f.blocks]


@pytest.mark.parametrize("status", ["pending", "held"])
def test_a_post_inside_the_window_of_one_still_waiting_is_held(status: str) -> None:
    (f,) = blocking(with_earlier(status))
    assert (f.rule_id, f.code, f.held, f.reason_code) == ("P3", "P3_WAIT", True, None)
    assert "#35" in staff_text(f.code, f.values) and "2025/03/15" in staff_text(f.code, f.values)


@pytest.mark.parametrize("status", ["approved", "printed", "delivered", "undeliverable"])
def test_a_post_inside_the_window_of_an_approved_one_breaks_p3(status: str) -> None:
    (f,) = blocking(with_earlier(status))
    assert (f.code, f.held, f.reason_code) == ("P3_WINDOW", False, "P3_WINDOW")


def test_a_post_outside_the_window_of_one_still_waiting_is_judged_at_once() -> None:
    far = replace(POST, earlier_posts=(EarlierPost(35, "2025-03-01T08:00:00+08:00", "pending"),))
    assert blocking(far) == []


def test_an_approval_here_not_synced_yet_uses_up_the_window() -> None:
    approved_here = FamilyStanding(0, 3, None, approved_here=frozenset({35}))
    (f,) = blocking(with_earlier("pending"), approved_here)
    assert f.code == "P3_WINDOW"


def test_a_rejection_here_not_synced_yet_frees_the_window() -> None:
    rejected_here = FamilyStanding(0, 3, None, rejected_here=frozenset({35}))
    assert blocking(with_earlier("pending"), rejected_here) == []


def test_the_status_of_an_earlier_post_comes_back_from_the_journal() -> None:
    item = with_earlier("held")
    assert ClaimedItem.from_json(stored(item.to_json())) == item


def test_an_earlier_post_stored_without_its_status_waits_for_the_next_pull() -> None:
    """A snapshot of the version that kept no status: whether #35 was approved is unknown until the
    next pull; the post waits rather than risk a strike for a window never used."""
    data = stored(with_earlier("approved").to_json())
    for earlier in data["earlier_posts"]:
        del earlier["status"]
    (f,) = blocking(ClaimedItem.from_json(data))
    assert (f.code, f.held) == ("P3_WAIT", True)


@pytest.mark.parametrize(
    ("birth", "code"),
    [
        ("2006-03-21", None),  # 18 until tomorrow
        ("2006-03-20", "E1_ENDED"),  # turns 19 on the review date, 2025-03-20 in Taipei
    ],
)
def test_a_post_is_judged_against_e1_on_its_review_date(birth: str, code: str | None) -> None:
    item = replace(POST, earlier_posts=(), inmate=replace(POST.inmate, children=(birth,)))
    assert [f.code for f in blocking(item)] == ([code] if code else [])


def test_the_review_date_is_the_taipei_date() -> None:
    """23:30 UTC on 19 March is 20 March in Taipei: the child is 19 there."""
    item = replace(POST, earlier_posts=(), inmate=replace(POST.inmate, children=("2006-03-20",)))
    early = datetime(2025, 3, 19, 23, 30, tzinfo=UTC)
    assert [f.code for f in findings_for(item, FAMILY, early) if f.blocks] == ["E1_ENDED"]
