"""The default rejection-reason catalogue: what families read, what they should do, what is a strike."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reviewer_app.core.formats import policy_words
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.reasons import (
    DEFAULT_REASONS,
    DEFAULT_TEMPLATES,
    PLACEHOLDER,
    Reason,
    by_code,
    default_reasons,
    reasons_for,
    worded,
)

CATALOGUE = by_code(DEFAULT_REASONS)

# P7: the family's own rule breaches on posts are strikes; nothing else is.
STRIKES = {"P2_CONTENT", "P3_WINDOW", "P4_TOO_LONG", "P5_PHOTO", "P6_ATTACHMENT", "OTHER_FAMILY"}
APPLICATION_ONLY = {
    "E1_NO_MINOR_CHILD",
    "E2_RELATIONSHIP",
    "E4_DUPLICATE",
    "E5_MISSING_DOCS",
    "E5_UNCLEAR_PHOTO",
    "E6_WRONG_CALL_NUMBER",
    "OTHER_APPLICATION",
}
# E1_ENDED (R5), UPLOAD_DAMAGED (R8) and INMATE_RELEASED (the inmate left): not the family's fault,
# never strikes.
POST_ONLY = {*STRIKES, "P1_NO_SERVICE", "P4_EMPTY", "P7_SUSPENDED", "E1_ENDED"}
BOTH = {"E3_RESTRICTED", "OTHER_FACILITY", "UPLOAD_DAMAGED", "INMATE_RELEASED"}


def test_codes_are_unique_and_cover_every_rule() -> None:
    assert len(CATALOGUE) == len(DEFAULT_REASONS)
    assert set(CATALOGUE) == APPLICATION_ONLY | POST_ONLY | BOTH
    rules = {r.rule_id for r in DEFAULT_REASONS if r.rule_id is not None}
    assert rules == {"E1", "E2", "E3", "E4", "E5", "E6", "P1", "P2", "P3", "P4", "P5", "P6", "P7"}


@pytest.mark.parametrize("reason", DEFAULT_REASONS, ids=lambda r: r.code)
def test_each_reason_is_actionable_traditional_chinese(reason: Reason) -> None:
    assert reason.active
    assert reason.text.strip() and reason.suggestion.strip()
    assert reason.text.endswith("。") and reason.suggestion.endswith("。")
    assert not set(reason.text + reason.suggestion) & set("请发张与关证时间档为认这个们说无内")
    if reason.rule_id is not None:
        assert reason.code.startswith(reason.rule_id + "_")


@pytest.mark.parametrize("reason", DEFAULT_REASONS, ids=lambda r: r.code)
def test_only_family_breaches_on_posts_are_strikes(reason: Reason) -> None:
    assert reason.counts_as_strike is (reason.code in STRIKES)
    if reason.counts_as_strike:
        assert reason.applies_to == "post"


@pytest.mark.parametrize(
    ("item_kind", "expected"), [("application", APPLICATION_ONLY | BOTH), ("post", POST_ONLY | BOTH)]
)
def test_reasons_for_item_kind(item_kind: str, expected: set[str]) -> None:
    assert {r.code for r in reasons_for(item_kind, DEFAULT_REASONS)} == expected


def test_reasons_for_leaves_out_inactive_reasons_and_keeps_order() -> None:
    reasons = [replace(r, active=False) if r.code == "P3_WINDOW" else r for r in DEFAULT_REASONS]
    chosen = [r.code for r in reasons_for("post", reasons)]
    assert "P3_WINDOW" not in chosen
    assert chosen == [r.code for r in DEFAULT_REASONS if r.code in (POST_ONLY | BOTH) - {"P3_WINDOW"}]


def test_reasons_for_unknown_item_kind_raises() -> None:
    with pytest.raises(ValueError, match="unknown item kind"):
        reasons_for("letter", DEFAULT_REASONS)


def test_reason_rejects_unknown_applies_to() -> None:
    with pytest.raises(ValueError, match="applies_to"):
        Reason("X", "原因。", "建議。", False, "posts", None)


@pytest.mark.parametrize(
    ("code", "field", "default_text", "juvenile_text"),
    [
        ("P3_WINDOW", "text", "每 30 日限發佈 1 次", "每 7 日限發佈 1 次"),
        ("P4_TOO_LONG", "suggestion", "100 字以內", "150 字以內"),
        ("P5_PHOTO", "text", "不超過 10 MB", "不超過 20 MB"),
        ("P6_ATTACHMENT", "text", "PDF、JPG、JPEG、PNG 格式，至多 3 個檔案，合計不超過 20 MB", "30 MB"),
        ("P7_SUSPENDED", "text", "累計 3 次以上，發佈權限暫停 1 個月", "累計 5 次以上，發佈權限暫停 2 個月"),
    ],
)
def test_reason_wording_follows_the_facility_policy(
    code: str, field: str, default_text: str, juvenile_text: str
) -> None:
    juvenile = Policy(
        post_window_days=7,
        body_max_chars=150,
        photo_max_bytes=20 * MB,
        attachments_max_total_bytes=30 * MB,
        strike_threshold=5,
        suspension_months=2,
    )
    assert default_text in getattr(CATALOGUE[code], field)
    assert juvenile_text in getattr(by_code(default_reasons(juvenile))[code], field)


JUVENILE = Policy(post_window_days=7, photo_max_bytes=20 * MB, suspension_months=2)


def test_the_agreed_new_reasons() -> None:
    """R5 and R8, as the helpers of issue #18 agreed on them (SHARED_18.md)."""
    ended, damaged = CATALOGUE["E1_ENDED"], CATALOGUE["UPLOAD_DAMAGED"]
    assert (ended.applies_to, ended.counts_as_strike, ended.rule_id) == ("post", False, "E1")
    assert (damaged.applies_to, damaged.counts_as_strike, damaged.rule_id) == ("both", False, None)
    assert "18 歲" in ended.text and "重新上傳" in damaged.suggestion


@pytest.mark.parametrize("template", DEFAULT_TEMPLATES, ids=lambda r: r.code)
def test_the_default_texts_are_templates_of_the_policy_words(template: Reason) -> None:
    """R9/R11: a facility's copy holds placeholders, never the guide's numbers, so that each facility's
    family reads that facility's own numbers."""
    names = set(PLACEHOLDER.findall(template.text + template.suggestion))
    assert names <= set(policy_words(Policy()))
    numbers = {"30", "100", "10 MB", "20 MB", "1 個月"}
    assert not any(n in template.text + template.suggestion for n in numbers)
    assert worded(template, Policy()) == CATALOGUE[template.code]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("P3_WINDOW", "每 7 日限發佈 1 次，距上次發佈未滿 7 日"),
        ("P5_PHOTO", "每張檔案不超過 20 MB"),
        ("P7_SUSPENDED", "發佈權限暫停 2 個月"),
    ],
)
def test_worded_fills_the_template_with_the_facility_policy(code: str, words: str) -> None:
    reason = worded(by_code(DEFAULT_TEMPLATES)[code], JUVENILE)
    assert words in reason.text
    assert "{" not in reason.text + reason.suggestion
    assert (reason.code, reason.counts_as_strike, reason.applies_to) == (code, *_kind(code))


def _kind(code: str) -> tuple[bool, str]:
    template = by_code(DEFAULT_TEMPLATES)[code]
    return template.counts_as_strike, template.applies_to


@pytest.mark.parametrize(
    "text",
    [
        "內容含商業廣告。",  # no placeholder at all
        "請勿使用 {表情符號} 或 { 與 } 符號。",  # braces of the supervisor's own
        "{unknown} 不是政策的數字。",
        "{window_days",
        "}{",
        "{}",
    ],
)
def test_worded_leaves_a_supervisors_own_braces_as_written(text: str) -> None:
    reason = Reason("P2_ADS", text, text, True, "post", "P2")
    assert worded(reason, JUVENILE) == reason


def test_worded_fills_known_placeholders_beside_stray_braces() -> None:
    reason = Reason("P3_MINE", "每 {window_days} 日 {x} {", "{photo_max}}", True, "post", "P3")
    filled = worded(reason, JUVENILE)
    assert (filled.text, filled.suggestion) == ("每 7 日 {x} {", "20 MB}")


def test_a_reason_round_trips_through_both_catalogue_tables(tmp_path: Path) -> None:
    """Every column of a reason reaches the shared catalogue and the journal's copy and comes back:
    a field added to :class:`Reason` and forgotten by a table would fail here."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from reviewer_app.journal.models import JournalBase, JournalReason
    from reviewer_app.shared_db.models import Base, RejectionReason

    reason = Reason("X_TEST", "原因", "建議", True, "post", "P4", active=False)
    shared = create_engine(f"sqlite:///{tmp_path / 'shared.db'}")
    journal = create_engine(f"sqlite:///{tmp_path / 'journal.db'}")
    Base.metadata.create_all(shared)
    JournalBase.metadata.create_all(journal)
    # The shared catalogue's rows belong to a facility (R11); the journal keeps its own facility's.
    for engine, table, key in ((shared, RejectionReason, {"facility_id": 1}), (journal, JournalReason, {})):
        with Session(engine) as s, s.begin():
            s.add(table(**reason.as_row_values(), sort_order=1, **key))
        with Session(engine) as s:
            assert Reason.from_row(s.scalars(select(table)).one()) == reason
