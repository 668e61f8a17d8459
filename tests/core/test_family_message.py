"""What the family reads (R9): a rejection made specific by the rules' findings, a held post's reason."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reviewer_app.core.family_message import (
    REMARK_MAX_CHARS,
    family_remark,
    rejection_message,
    suspension_hold_reason,
)
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.reasons import by_code, default_reasons
from reviewer_app.core.rules import DocumentFacts
from reviewer_app.core.rules.applications import rule_e5
from reviewer_app.core.rules.posts import rule_p3, rule_p4, rule_p5, rule_p7
from reviewer_app.core.timeutil import FACILITY_TZ

GUIDE = Policy()
#: A juvenile facility's own numbers: a 7-day window, 20 MB photos, 2 months' suspension.
JUVENILE = Policy(post_window_days=7, photo_max_bytes=20 * MB, suspension_months=2)


def taipei(*when: int) -> datetime:
    return datetime(*when, tzinfo=FACILITY_TZ)


def reasons(policy: Policy, *codes: str) -> list:
    catalogue = by_code(default_reasons(policy))
    return [catalogue[c] for c in codes]


def test_e5_names_the_missing_documents() -> None:
    findings = rule_e5([DocumentFacts("id_document", "image/jpeg", MB)])
    said = rejection_message(reasons(GUIDE, "E5_MISSING_DOCS"), findings, GUIDE)
    assert "缺少必要文件：關係證明文件、申請人正面清晰照片" in said
    assert "身分證明文件、" not in said.split("建議：")[0]  # the uploaded one is not named as missing


def test_p3_names_the_first_day_they_may_post_again() -> None:
    findings = rule_p3(taipei(2026, 3, 4, 9), taipei(2026, 3, 1, 15), JUVENILE)
    said = rejection_message(reasons(JUVENILE, "P3_WINDOW"), findings, JUVENILE)
    assert "每 7 日限發佈 1 次" in said
    assert "2026/03/08 起可再發佈" in said


def test_p4_names_the_count_and_the_limit() -> None:
    findings = rule_p4("標題", "字" * 130, GUIDE)
    said = rejection_message(reasons(GUIDE, "P4_TOO_LONG"), findings, GUIDE)
    assert "內文 130 字，超過 100 字之限制" in said


def test_p5_names_the_count_and_the_size() -> None:
    photos = [
        DocumentFacts("post_attachment", "image/jpeg", 2 * MB),
        DocumentFacts("post_attachment", "image/png", 25 * MB),
    ]
    findings = rule_p5(photos, JUVENILE)
    said = rejection_message(reasons(JUVENILE, "P5_PHOTO"), findings, JUVENILE)
    assert "照(圖)片 2 張，超過 1 張之限制" in said
    assert "第 2 張照(圖)片檔案 25 MB，超過每張 20 MB 之限制" in said


def test_the_layout_reason_specifics_suggestion() -> None:
    """Each reason: its catalogue text, what this item did (說明), what to do (建議); numbered when many."""
    p2, p4 = reasons(GUIDE, "P2_CONTENT", "P4_TOO_LONG")
    findings = [*rule_p4("標題", "字" * 130, GUIDE)]
    said = rejection_message([p2, p4], findings, GUIDE)
    assert said == (
        f"1. {p2.text}\n建議：{p2.suggestion}\n\n"
        f"2. {p4.text}\n說明：本則內文 130 字，超過 100 字之限制。\n建議：{p4.suggestion}"
    )


def test_a_finding_of_another_reason_is_not_told() -> None:
    findings = [*rule_p4("標題", "字" * 130, GUIDE)]
    said = rejection_message(reasons(GUIDE, "P2_CONTENT"), findings, GUIDE)
    assert "130" not in said and "說明" not in said


def test_a_third_strike_says_the_service_is_suspended_and_through_which_day() -> None:
    """Decided at 00:30 in Taipei on 2026-02-28, two months' suspension: it ends at 00:30 on
    2026-04-28, so the last whole day suspended is 2026/04/27 and review resumes on 2026/04/28."""
    ends = taipei(2026, 4, 28, 0, 30)
    said = rejection_message(
        reasons(JUVENILE, "P4_TOO_LONG"), rule_p4("", "字" * 130, JUVENILE), JUVENILE, suspended_until=ends
    )
    assert "發佈權限暫停 2 個月，至 2026/04/27（含）止" in said
    assert "2026/04/28 起" in said
    assert "2026/04/28（含）" not in said
    assert said.index("建議：") < said.index("暫停 2 個月")  # after the reasons


def test_a_rejection_that_does_not_suspend_says_nothing_of_it() -> None:
    said = rejection_message(reasons(GUIDE, "P4_TOO_LONG"), rule_p4("", "字" * 130, GUIDE), GUIDE)
    assert "暫停" not in said


def test_a_rejection_of_a_suspended_family_s_post_says_through_which_day() -> None:
    [suspended] = rule_p7(taipei(2026, 3, 4), 3, taipei(2026, 5, 4, 9), JUVENILE)
    said = rejection_message(reasons(JUVENILE, "P7_SUSPENDED"), [suspended], JUVENILE)
    assert "說明：發佈權限暫停至 2026/05/03（含）止，2026/05/04 起可再發佈。" in said


def test_the_reviewer_s_remark_comes_last_trimmed() -> None:
    said = rejection_message(
        reasons(GUIDE, "P2_CONTENT"), [], GUIDE, remark="  請改寫孩子近況，勿提及案情。 \n"
    )
    assert said.endswith("\n\n審核人員說明：請改寫孩子近況，勿提及案情。")
    ends = taipei(2026, 4, 28, 0, 30)
    with_suspension = rejection_message(
        reasons(GUIDE, "P2_CONTENT"), [], GUIDE, suspended_until=ends, remark="請見諒"
    )
    assert with_suspension.endswith("審核人員說明：請見諒")
    assert rejection_message(reasons(GUIDE, "P2_CONTENT"), [], GUIDE, remark="   ") == rejection_message(
        reasons(GUIDE, "P2_CONTENT"), [], GUIDE
    )


def test_a_remark_is_at_most_100_characters() -> None:
    assert REMARK_MAX_CHARS == 100
    assert family_remark("字" * 100) == "字" * 100
    assert family_remark(" " + "字" * 100 + " ") == "字" * 100
    assert family_remark("  ") is None and family_remark(None) is None
    assert family_remark("第一行\n第二行") == "第一行 第二行"
    with pytest.raises(ValueError):
        family_remark("字" * 101)
    with pytest.raises(ValueError):
        rejection_message(reasons(GUIDE, "P2_CONTENT"), [], GUIDE, remark="字" * 101)


def test_a_held_post_tells_the_family_why_and_until_when() -> None:
    ends = datetime(2026, 4, 29, 16, 30, tzinfo=UTC)  # 2026-04-30 00:30 in Taipei
    said = suspension_hold_reason(ends, strike_threshold=3)
    assert said == (
        "家庭聯絡簿經審查退件累計達 3 次，發佈權限暫停至 2026/04/29（含）止；"
        "本則暫緩審核，暫停期滿後（2026/04/30 起）依序審核。"
    )
    assert len(said) <= 200  # the shared database's held_reason column


def test_the_last_full_day_of_a_suspension_ending_at_midnight() -> None:
    said = suspension_hold_reason(taipei(2026, 5, 1), strike_threshold=5)
    assert "累計達 5 次" in said and "至 2026/04/30（含）止" in said and "2026/05/01 起" in said
    assert date(2026, 5, 1).isoformat() not in said
