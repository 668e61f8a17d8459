"""The programme's rules E1–E6 and P1–P8, at their boundaries and with facility overrides."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from reviewer_app.core.messages import family_text, staff_text
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.reasons import DEFAULT_REASONS, Reason, by_code
from reviewer_app.core.rules import (
    INVISIBLE_CHARACTERS,
    ApplicationFacts,
    DocumentFacts,
    Finding,
    PostFacts,
    RestrictionFacts,
    WaitingPost,
    blocking,
    check_application,
    check_post,
    check_rejection,
    child_age,
    is_strike,
)
from reviewer_app.core.rules.applications import rule_e1, rule_e2, rule_e3, rule_e4, rule_e5, rule_e6
from reviewer_app.core.rules.posts import rule_p1, rule_p2, rule_p3, rule_p4, rule_p5, rule_p6, rule_p7
from reviewer_app.core.vocabulary import ELIGIBLE_RELATIONSHIPS, RELATIONSHIPS, RESTRICTION_KINDS

TODAY = date(2025, 3, 15)
NOW = datetime(2025, 3, 15, 10, 30)
DEFAULT = Policy()
CATALOGUE = by_code(DEFAULT_REASONS)


def said(finding: Finding) -> str:
    """What a zh-TW reviewer reads for a finding (the catalogue's words for its code and values)."""
    return staff_text(finding.code, finding.values)


def years_ago(years: int, on: date = TODAY) -> date:
    return on.replace(year=on.year - years)


def doc(kind: str, mime: str = "image/jpeg", size: int = 1 * MB) -> DocumentFacts:
    return DocumentFacts(kind, mime, size)


def photo(size: int = 1 * MB, mime: str = "image/jpeg") -> DocumentFacts:
    return DocumentFacts("post_attachment", mime, size)


def pdf(size: int = 1 * MB) -> DocumentFacts:
    return DocumentFacts("post_attachment", "application/pdf", size)


GOOD_APPLICATION = ApplicationFacts(
    today=TODAY,
    relationship="mother",
    children_birth_dates=(years_ago(10),),
    restrictions=(),
    other_approved_services=0,
    other_pending_applications=0,
    documents=(
        doc("id_document"),
        doc("relationship_proof", "application/pdf"),
        doc("applicant_photo"),
    ),
    call_number_entered="1234",
    inmate_call_number="1234",
    surname_confirmed=True,
)

GOOD_POST = PostFacts(
    now=NOW,
    submitted_at=NOW - timedelta(hours=2),
    service_status="approved",
    title="小明的近況",
    body="小明這學期考試進步了，很想念爸爸。",
    documents=(photo(),),
    previous_post_at=None,
    strikes=0,
    suspended_until=None,
    restrictions=(),
)


def ids(findings: list[Finding]) -> list[str]:
    return [f.rule_id for f in findings]


# --- ages and E1 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2007, 3, 15), date(2025, 3, 15), 18),  # birthday today
        (date(2007, 3, 16), date(2025, 3, 15), 17),  # birthday tomorrow
        (date(2007, 3, 14), date(2025, 3, 15), 18),  # birthday yesterday
        (date(2008, 2, 29), date(2026, 2, 28), 17),  # leap-day child, common year: not yet
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2025, 3, 15), date(2025, 3, 15), 0),  # born today
    ],
)
def test_child_age_counts_whole_years(birth: date, on: date, age: int) -> None:
    assert child_age(birth, on) == age


@pytest.mark.parametrize(
    ("births", "policy", "blocks", "in_message"),
    [
        ((years_ago(18),), DEFAULT, False, ""),  # 18 today: still eligible (18 歲含以下)
        ((years_ago(19) + timedelta(days=1),), DEFAULT, False, ""),  # turns 19 tomorrow: still 18
        ((years_ago(19),), DEFAULT, True, "19 歲"),  # turns 19 today
        ((years_ago(19) - timedelta(days=1),), DEFAULT, True, "19 歲"),
        ((years_ago(25), years_ago(19), years_ago(7)), DEFAULT, False, ""),  # one minor child is enough
        ((years_ago(25), years_ago(19)), DEFAULT, True, "最年幼者 19 歲"),
        ((), DEFAULT, True, "未登錄"),  # no children recorded
        ((TODAY + timedelta(days=30),), DEFAULT, True, "晚於今日"),  # birth date in the future
        ((years_ago(19),), Policy(child_max_age=20), False, ""),  # facility override
        ((years_ago(21),), Policy(child_max_age=20), True, "20 歲"),
    ],
)
def test_e1_minor_child(births: tuple[date, ...], policy: Policy, blocks: bool, in_message: str) -> None:
    findings = rule_e1(births, TODAY, policy)
    assert bool(findings) is blocks
    if blocks:
        (f,) = findings
        assert (f.rule_id, f.blocks, f.held, f.reason_code) == ("E1", True, False, "E1_NO_MINOR_CHILD")
        assert in_message in said(f)
        assert f"{policy.child_max_age} 歲" in said(f)


# R5: a post is judged against E1 on its review date; a lapse is not the family's doing (no strike).
@pytest.mark.parametrize(
    ("births", "code", "held"),
    [
        ((years_ago(19) + timedelta(days=1),), None, False),  # 18 until tomorrow
        ((years_ago(19),), "E1_ENDED", False),  # the youngest turns 19 on the review date
        ((years_ago(25), years_ago(20)), "E1_ENDED", False),
        ((years_ago(25), years_ago(7)), None, False),
        ((), "E1_NO_BIRTH_DATES", True),  # the facility's records to fix: the post waits
    ],
)
def test_e1_over_time_for_posts(births: tuple[date, ...], code: str | None, held: bool) -> None:
    findings = [f for f in check_post(replace(GOOD_POST, children_birth_dates=births), DEFAULT) if f.blocks]
    assert [(f.rule_id, f.code, f.held) for f in findings] == ([("E1", code, held)] if code else [])
    if code == "E1_ENDED":
        (f,) = findings
        assert f.reason_code == "E1_ENDED"  # a reason that is not a strike (the catalogue's E1_ENDED)
        youngest = min(child_age(b, TODAY) for b in births)
        assert "逾 18 歲" in said(f) and f"最年幼者 {youngest} 歲" in said(f)
        assert "不列入退件次數" in family_text(f.code, f.values, DEFAULT)
    elif code:
        assert findings[0].reason_code is None


def test_e1_over_time_follows_the_facility_s_age_limit() -> None:
    facts = replace(GOOD_POST, children_birth_dates=(years_ago(19),))
    assert [f for f in check_post(facts, Policy(child_max_age=20)) if f.blocks] == []


# --- E2 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("relationship", sorted(ELIGIBLE_RELATIONSHIPS))
def test_e2_eligible_relationships_pass(relationship: str) -> None:
    assert rule_e2(relationship) == []


#: R6: the in-laws within the second degree (Civil Code art. 969–970), as the ruling words them.
R6_IN_LAWS = (
    "配偶之子女",
    "父母之配偶",
    "配偶之父母",
    "配偶之祖父母",
    "配偶之孫子女",
    "祖父母之配偶",
    "兄弟姊妹之配偶",
    "配偶之兄弟姊妹",
    "配偶之兄弟姊妹之配偶",
    "孫子女之配偶",
    "子女之配偶",
)


@pytest.mark.parametrize("words", R6_IN_LAWS)
def test_e2_each_in_law_of_r6_has_its_own_code_and_passes(words: str) -> None:
    """R6: every in-law the ruling names is a relationship of its own (its words are exactly the
    ruling's), and E2 lets it through."""
    (code,) = [c for c, w in RELATIONSHIPS.items() if w == words]
    assert rule_e2(code) == []


def test_e2_the_old_combined_sibling_in_law_code_still_passes() -> None:
    """Applications stored before R6 with sibling_in_law (either of two eligible relations) stay eligible."""
    assert rule_e2("sibling_in_law") == []


@pytest.mark.parametrize(("relationship", "words"), [("other", "其他"), ("neighbour", "neighbour")])
def test_e2_other_relationship_blocks(relationship: str, words: str) -> None:
    (f,) = rule_e2(relationship)
    assert (f.rule_id, f.blocks, f.reason_code) == ("E2", True, "E2_RELATIONSHIP")
    assert f"「{words}」" in said(f)


# --- E3 -----------------------------------------------------------------------------------------------

START, END = date(2025, 3, 1), date(2025, 3, 31)


@pytest.mark.parametrize(
    ("day", "active"),
    [
        (START - timedelta(days=1), False),
        (START, True),  # start day included
        (END, True),  # end day included
        (END + timedelta(days=1), False),  # the day after the end
    ],
)
def test_e3_restriction_active_from_start_day_to_end_day(day: date, active: bool) -> None:
    findings = rule_e3((RestrictionFacts("disciplinary", START, END),), day)
    assert bool(findings) is active
    if active:
        (f,) = findings
        assert (f.rule_id, f.blocks, f.held, f.reason_code) == ("E3", True, True, "E3_RESTRICTED")
        assert RESTRICTION_KINDS["disciplinary"] in said(f)
        assert "2025/03/31" in said(f)


@pytest.mark.parametrize("day", [START, date(2030, 1, 1)])
def test_e3_open_ended_restriction_stays_active(day: date) -> None:
    (f,) = rule_e3((RestrictionFacts("court_order", START, None),), day)
    assert (f.blocks, f.held) == (True, True)
    assert RESTRICTION_KINDS["court_order"] in said(f)
    assert "至另有通知" in said(f)


def test_e3_each_active_restriction_is_named() -> None:
    restrictions = (
        RestrictionFacts("medical_isolation", START, END),
        RestrictionFacts("protection_room", START, date(2025, 3, 10)),  # ended before today
        RestrictionFacts("investigation_isolation", TODAY, TODAY),
    )
    first, second = rule_e3(restrictions, TODAY)
    assert RESTRICTION_KINDS["medical_isolation"] in said(first)
    assert RESTRICTION_KINDS["investigation_isolation"] in said(second)
    assert first.held and second.held


# --- E4 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("approved", "pending", "expected"),
    [
        (0, 0, []),
        (1, 0, [(True, "1 個審核通過")]),
        (0, 2, [(False, "2 件審核中")]),  # a duplicate to look at, not a block
        (1, 1, [(True, "1 個審核通過"), (False, "1 件審核中")]),
    ],
)
def test_e4_one_service_per_inmate(approved: int, pending: int, expected: list[tuple[bool, str]]) -> None:
    findings = rule_e4(approved, pending)
    assert [f.blocks for f in findings] == [blocks for blocks, _ in expected]
    for f, (_, text) in zip(findings, expected, strict=True):
        assert (f.rule_id, f.reason_code) == ("E4", "E4_DUPLICATE")
        assert text in said(f)


# --- E5 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kinds", "missing"),
    [
        (("id_document", "relationship_proof", "applicant_photo"), []),
        (("relationship_proof", "applicant_photo"), ["身分證明文件"]),
        (("id_document", "applicant_photo"), ["關係證明文件"]),
        (("id_document", "relationship_proof"), ["申請人正面清晰照片"]),
        ((), ["身分證明文件", "關係證明文件", "申請人正面清晰照片"]),
        (("id_document", "id_document", "post_attachment"), ["關係證明文件", "申請人正面清晰照片"]),
    ],
)
def test_e5_required_documents(kinds: tuple[str, ...], missing: list[str]) -> None:
    findings = rule_e5(tuple(doc(k) for k in kinds))
    if not missing:
        assert findings == []
        return
    (f,) = findings
    assert (f.rule_id, f.blocks, f.reason_code) == ("E5", True, "E5_MISSING_DOCS")
    assert all(name in said(f) for name in missing)
    present = {"身分證明文件", "關係證明文件", "申請人正面清晰照片"} - set(missing)
    assert not any(name in said(f) for name in present)


# --- E6 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entered", "confirmed", "messages"),
    [
        ("1234", True, []),
        (" 12 34 ", True, []),  # spaces are stripped
        ("１２３４", True, []),  # full-width digits typed with a Chinese input method
        ("1243", True, ["「1243」與收容人資料「1234」不符"]),
        ("1234\u200b", True, []),  # pasted with a zero-width space: the same number
        ("\ufeff1234", True, []),
        ("", True, ["未填寫收容人呼號"]),
        ("1234", False, ["未確認申請對象"]),
        ("9999", False, ["「9999」", "未確認申請對象"]),
    ],
)
def test_e6_call_number_and_surname(entered: str, confirmed: bool, messages: list[str]) -> None:
    findings = rule_e6(entered, "1234", confirmed)
    assert len(findings) == len(messages)
    for f, text in zip(findings, messages, strict=True):
        assert (f.rule_id, f.blocks, f.reason_code) == ("E6", True, "E6_WRONG_CALL_NUMBER")
        assert text in said(f)


# --- check_application --------------------------------------------------------------------------------


def test_good_application_has_no_findings() -> None:
    assert check_application(GOOD_APPLICATION, DEFAULT) == []


def test_application_findings_come_in_rule_order() -> None:
    facts = replace(
        GOOD_APPLICATION,
        relationship="other",
        children_birth_dates=(),
        restrictions=(RestrictionFacts("protective_isolation", START, None),),
        other_approved_services=1,
        documents=(),
        call_number_entered="0000",
    )
    findings = check_application(facts, DEFAULT)
    assert ids(findings) == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert ids(blocking(findings)) == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert [f.rule_id for f in findings if f.held] == ["E3"]


def test_application_policy_override_reaches_e1() -> None:
    facts = replace(GOOD_APPLICATION, children_birth_dates=(years_ago(19),))
    assert ids(check_application(facts, DEFAULT)) == ["E1"]
    assert check_application(facts, Policy(child_max_age=19)) == []


# --- P1, P2 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "words"),
    [("pending", "審核中"), ("held", "暫緩審核"), ("rejected", "審核未通過"), ("withdrawn", "已撤回")],
)
def test_p1_only_under_an_approved_service(status: str, words: str) -> None:
    assert rule_p1("approved") == []
    (f,) = rule_p1(status)
    assert (f.rule_id, f.blocks, f.reason_code) == ("P1", True, "P1_NO_SERVICE")
    assert words in said(f)


def test_p2_reminds_the_reviewer_without_blocking() -> None:
    (f,) = rule_p2()
    assert (f.rule_id, f.blocks, f.held, f.reason_code) == ("P2", False, False, "P2_CONTENT")
    assert "子女關懷問候或家庭支持" in said(f)


# --- P3 -----------------------------------------------------------------------------------------------

PREVIOUS = datetime(2025, 1, 1, 23, 59)


@pytest.mark.parametrize(
    ("days_after", "policy", "blocks", "next_day"),
    [
        (29, DEFAULT, True, "2025/01/31"),
        (30, DEFAULT, False, None),
        (0, DEFAULT, True, "2025/01/31"),  # same day
        (6, Policy(post_window_days=7), True, "2025/01/08"),
        (7, Policy(post_window_days=7), False, None),
    ],
)
def test_p3_one_post_per_window(days_after: int, policy: Policy, blocks: bool, next_day: str | None) -> None:
    # Calendar days count, not hours: previous at 23:59, this one at 00:01.
    submitted = datetime(2025, 1, 2, 0, 1) + timedelta(days=days_after - 1)
    findings = rule_p3(submitted, PREVIOUS, policy)
    assert bool(findings) is blocks
    if blocks:
        (f,) = findings
        assert (f.rule_id, f.blocks, f.reason_code) == ("P3", True, "P3_WINDOW")
        assert f"僅 {days_after} 日" in said(f)
        assert f"每 {policy.post_window_days} 日" in said(f)
        assert f"{next_day} 起可再發佈" in said(f)


def test_p3_first_post_is_never_blocked() -> None:
    assert rule_p3(NOW, None, DEFAULT) == []


# R1: the window counts from the last approved post; a later post inside the window of an earlier post
# still waiting for its review waits too (held, not a strike), and is judged once that one is decided.
WAITING = WaitingPost(12, datetime(2025, 1, 1, 8, 0))


@pytest.mark.parametrize(
    ("days_after", "policy", "held"),
    [
        (0, DEFAULT, True),
        (29, DEFAULT, True),
        (30, DEFAULT, False),  # outside the waiting post's window: judged at once
        (6, Policy(post_window_days=7), True),
        (7, Policy(post_window_days=7), False),
    ],
)
def test_p3_a_post_inside_the_window_of_a_waiting_post_waits(
    days_after: int, policy: Policy, held: bool
) -> None:
    submitted = datetime(2025, 1, 1, 9, 0) + timedelta(days=days_after)
    findings = rule_p3(submitted, None, policy, (WAITING,))
    assert bool(findings) is held
    if held:
        (f,) = findings
        assert (f.rule_id, f.blocks, f.held, f.code) == ("P3", True, True, "P3_WAIT")
        assert f.reason_code is None  # nothing to reject it for: not the family's doing
        assert "#12" in said(f) and "2025/01/01" in said(f)
        assert "非家屬之因素" in family_text(f.code, f.values, policy)


def test_p3_an_approved_post_inside_the_window_is_a_breach_whatever_waits() -> None:
    approved = datetime(2024, 12, 20, 9, 0)
    (f,) = rule_p3(datetime(2025, 1, 5, 9, 0), approved, DEFAULT, (WAITING,))
    assert (f.code, f.held, f.reason_code) == ("P3_WINDOW", False, "P3_WINDOW")
    assert "2024/12/20" in said(f)


def test_p3_an_approved_post_outside_and_a_waiting_one_inside_waits() -> None:
    approved = datetime(2024, 11, 1, 9, 0)
    (f,) = rule_p3(datetime(2025, 1, 5, 9, 0), approved, DEFAULT, (WAITING,))
    assert (f.code, f.held) == ("P3_WAIT", True)


def test_p3_names_the_latest_waiting_post_and_ignores_those_far_back() -> None:
    waiting = (
        WaitingPost(3, datetime(2024, 10, 1, 9, 0)),
        WAITING,
        WaitingPost(7, datetime(2024, 12, 28, 9, 0)),
    )
    (f,) = rule_p3(datetime(2025, 1, 5, 9, 0), None, DEFAULT, waiting)
    assert f.values["post"] == 12 and "#12" in said(f)
    assert rule_p3(datetime(2025, 3, 1, 9, 0), None, DEFAULT, waiting) == []


def test_check_post_holds_a_post_that_waits_for_an_earlier_one() -> None:
    facts = replace(GOOD_POST, waiting_posts=(WaitingPost(12, NOW - timedelta(days=3)),))
    findings = check_post(facts, DEFAULT)
    assert [(f.code, f.held) for f in blocking(findings)] == [("P3_WAIT", True)]


# --- P4 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "policy", "blocks"),
    [
        (100, DEFAULT, False),
        (101, DEFAULT, True),
        (150, Policy(body_max_chars=150), False),
        (151, Policy(body_max_chars=150), True),
        (101, Policy(body_max_chars=150), False),
    ],
)
def test_p4_body_length(length: int, policy: Policy, blocks: bool) -> None:
    findings = rule_p4("標題", "字" * length, policy)
    assert bool(findings) is blocks
    if blocks:
        (f,) = findings
        assert (f.rule_id, f.blocks, f.reason_code) == ("P4", True, "P4_TOO_LONG")
        assert f"內文 {length} 字" in said(f)
        assert f"超過 {policy.body_max_chars} 字上限" in said(f)


@pytest.mark.parametrize(
    ("what", "body", "seen"),
    [
        ("a line break as the web form sends it (CRLF)", "想" * 50 + "\r\n" + "念" * 49, 100),
        ("a line break as an old Mac sends it (CR)", "想" * 50 + "\r" + "念" * 49, 100),
        ("a thumbs-up with a skin tone", "想" * 99 + "👍🏻", 100),
        ("a family emoji (three people joined)", "想" * 99 + "👨‍👩‍👧", 100),
        ("a flag (two regional letters)", "想" * 99 + "🇹🇼", 100),
        ("two flags side by side", "想" * 98 + "🇹🇼🇯🇵", 100),
        ("a heart with its emoji presentation selector", "想" * 99 + "❤️", 100),
        ("an accented letter sent decomposed (NFD)", "想" * 99 + "e\u0301", 100),
        ("one more character than the limit", "想" * 99 + "念念", 101),
        # Pasted from a chat app or a word processor: characters nobody can see are not counted.
        ("zero-width spaces", "想" * 50 + "\u200b" * 5 + "念" * 50, 100),
        ("a byte-order mark and word joiners", "\ufeff" + "想" * 50 + "\u2060\u200c" + "念" * 50, 100),
        ("direction marks", "\u200e" + "想" * 100 + "\u200f\u202a", 100),
        ("a line break and spaces after the text", "想" * 100 + " \n\r\n  ", 100),
        ("spaces before the text", "\u3000 " + "想" * 100, 100),
        ("a zero-width joiner between two characters (not an emoji)", "想" * 100 + "\u200d念", 101),
        ("spaces inside the text count: the family sees them", "想" * 50 + "  " + "念" * 49, 101),
    ],
)
def test_p4_counts_characters_as_the_family_sees_them(what: str, body: str, seen: int) -> None:
    """The 100 characters are what the family typed and sees, not the code points the form sent."""
    findings = rule_p4("標題", body, DEFAULT)
    if seen <= DEFAULT.body_max_chars:
        assert findings == [], what
    else:
        (f,) = findings
        assert f"內文 {seen} 字" in said(f), what


@pytest.mark.parametrize(
    ("title", "body", "blocks"),
    [
        ("", "", True),
        ("  ", "\n", True),
        ("生日快樂", "", False),
        ("", "想念你", False),
        ("", "\u200b", True),  # nothing anybody can see: the post would print as a blank page
        ("\ufeff", "\u00a0\u200d", True),
        ("\u3164", "\u2800", True),  # the Hangul filler and the blank Braille pattern, used as "blank"
    ],
)
def test_p4_empty_post_blocks(title: str, body: str, blocks: bool) -> None:
    findings = rule_p4(title, body, DEFAULT)
    assert [(f.rule_id, f.blocks, f.reason_code) for f in findings] == (
        [("P4", True, "P4_EMPTY")] if blocks else []
    )


# --- P5 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "policy", "blocks", "in_message"),
    [
        (10 * MB, DEFAULT, False, ""),
        (10 * MB + 1, DEFAULT, True, "10,485,761 位元組，超過 10 MB 上限"),
        (14 * MB, DEFAULT, True, "14 MB，超過 10 MB 上限"),
        (14 * MB, Policy(photo_max_bytes=20 * MB), False, ""),
        (20 * MB + 1, Policy(photo_max_bytes=20 * MB), True, "超過 20 MB 上限"),
    ],
)
def test_p5_photo_size(size: int, policy: Policy, blocks: bool, in_message: str) -> None:
    findings = rule_p5((photo(size),), policy)
    assert bool(findings) is blocks
    if blocks:
        (f,) = findings
        assert (f.rule_id, f.blocks, f.reason_code) == ("P5", True, "P5_PHOTO")
        assert in_message in said(f)


@pytest.mark.parametrize(
    ("documents", "policy", "photos_over"),
    [
        ((photo(),), DEFAULT, None),
        ((photo(), photo(mime="image/png")), DEFAULT, "照片 2 張，超過 1 張上限"),
        ((photo(), pdf(), pdf()), DEFAULT, None),  # a PDF is not a photo
        ((photo(), photo()), Policy(max_photos=2), None),
        ((photo(), photo(), photo()), Policy(max_photos=2), "照片 3 張，超過 2 張上限"),
    ],
)
def test_p5_photo_count(
    documents: tuple[DocumentFacts, ...], policy: Policy, photos_over: str | None
) -> None:
    findings = rule_p5(documents, policy)
    assert [said(f) for f in findings] == ([photos_over] if photos_over else [])
    assert all(f.blocks and f.reason_code == "P5_PHOTO" for f in findings)


def test_p5_names_which_photo_is_too_large() -> None:
    findings = rule_p5((photo(), photo(12 * MB)), DEFAULT)
    assert [said(f) for f in findings] == ["照片 2 張，超過 1 張上限", "第 2 張照片 12 MB，超過 10 MB 上限"]


# --- P6 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("documents", "policy", "in_messages"),
    [
        ((pdf(), pdf(), pdf()), DEFAULT, []),  # 3 attachments
        ((pdf(), pdf(), pdf(), pdf()), DEFAULT, ["附件 4 個檔案，超過 3 個上限"]),
        ((pdf(10 * MB), pdf(10 * MB)), DEFAULT, []),  # exactly 20 MB in total
        ((pdf(10 * MB), pdf(10 * MB + 1)), DEFAULT, ["附件合計 20,971,521 位元組，超過合計 20 MB 上限"]),
        ((pdf(12 * MB), pdf(12 * MB)), DEFAULT, ["附件合計 24 MB，超過合計 20 MB 上限"]),
        ((pdf(12 * MB), pdf(12 * MB)), Policy(attachments_max_total_bytes=30 * MB), []),
        ((pdf(), pdf(), pdf(), pdf()), Policy(max_attachments=4), []),
        ((photo(), pdf(), photo(mime="image/png")), DEFAULT, []),  # PDF, JPG, PNG are allowed
        ((photo(mime="image/heic"),), DEFAULT, ["附件格式不符（HEIC），僅限 PDF、JPG、JPEG、PNG"]),
        (
            (DocumentFacts("post_attachment", "application/zip", MB), photo(mime="image/heic")),
            DEFAULT,
            ["附件格式不符（ZIP、HEIC）"],
        ),
        ((pdf(),), Policy(allowed_mime_types=("image/jpeg", "image/png")), ["僅限 JPG、JPEG、PNG"]),
    ],
)
def test_p6_attachments(documents: tuple[DocumentFacts, ...], policy: Policy, in_messages: list[str]) -> None:
    findings = rule_p6(documents, policy)
    assert len(findings) == len(in_messages)
    for f, text in zip(findings, in_messages, strict=True):
        assert (f.rule_id, f.blocks, f.reason_code) == ("P6", True, "P6_ATTACHMENT")
        assert text in said(f)


# --- R7: the portal's way of naming a type is not the family's fault ------------------------------------

ALIASES = ("image/jpg", "image/pjpeg", "image/x-png", "IMAGE/JPEG", "application/x-pdf")


@pytest.mark.parametrize("declared", ALIASES)
def test_p6_takes_a_types_other_names_for_the_type_itself(declared: str) -> None:
    assert rule_p6((DocumentFacts("post_attachment", declared, MB),), DEFAULT) == []


@pytest.mark.parametrize("declared", ["image/jpg", "image/pjpeg", "image/x-png", "Image/PNG; charset=binary"])
def test_p5_counts_a_photo_by_any_of_its_names(declared: str) -> None:
    findings = rule_p5((photo(), DocumentFacts("post_attachment", declared, MB)), DEFAULT)
    assert [said(f) for f in findings] == ["照片 2 張，超過 1 張上限"]


def test_a_policy_naming_a_type_otherwise_allows_the_type() -> None:
    policy = Policy(allowed_mime_types=("image/JPG", "application/x-pdf"))
    assert rule_p6((photo(), pdf()), policy) == []


# --- R8: a file the loader could not show ------------------------------------------------------------

UPLOAD = "UPLOAD_DAMAGED"  # asks for a new upload, never a strike (SHARED_18.md)


def test_a_file_that_cannot_be_shown_blocks_and_suggests_a_new_upload() -> None:
    damaged = DocumentFacts("post_attachment", "image/jpeg", MB, problem="truncated")
    findings = blocking(check_post(replace(GOOD_POST, documents=(pdf(), damaged)), DEFAULT))
    assert [(f.rule_id, f.code, f.reason_code) for f in findings] == [("P6", "DOC_UNREADABLE", UPLOAD)]
    assert said(findings[0]) == "第 2 個文件（附件）無法開啟（檔案不完整，可能上傳中斷）"


def test_a_photo_too_large_is_p5_s_alone() -> None:
    big = DocumentFacts("post_attachment", "image/jpeg", 16 * MB, problem="too_large")
    findings = blocking(check_post(replace(GOOD_POST, documents=(big,)), DEFAULT))
    assert [f.code for f in findings] == ["P5_PHOTO_TOO_LARGE"]


def test_an_application_document_that_cannot_be_shown_is_an_e5_matter() -> None:
    photo = DocumentFacts("applicant_photo", "image/jpeg", MB, problem="damaged")
    documents = (*GOOD_APPLICATION.documents[:2], photo)
    findings = blocking(check_application(replace(GOOD_APPLICATION, documents=documents), DEFAULT))
    assert [(f.rule_id, f.code, f.reason_code) for f in findings] == [("E5", "DOC_UNREADABLE", UPLOAD)]
    assert said(findings[0]) == "第 3 個文件（申請人正面清晰照片）無法開啟（檔案已損毀）"


# --- P7 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suspended_until", "strikes", "policy", "expected"),
    [
        (NOW + timedelta(days=3), 3, DEFAULT, (True, True, "暫停至 2025/03/17（含），2025/03/18 起")),
        (NOW + timedelta(minutes=1), 3, DEFAULT, (True, True, "暫停至 2025/03/14（含），2025/03/15 起")),
        (NOW, 3, DEFAULT, (False, False, "已累計退件 3/3 次")),  # expired at this very moment
        (NOW - timedelta(days=1), 0, DEFAULT, None),  # expired, strikes reset
        (None, 0, DEFAULT, None),
        (None, 1, DEFAULT, (False, False, "已累計退件 1/3 次")),
        (None, 2, DEFAULT, (False, False, "已累計退件 2/3 次，本則若再以違規退件，將暫停發佈權限 1 個月")),
        (None, 2, Policy(strike_threshold=5), (False, False, "已累計退件 2/5 次")),
    ],
)
def test_p7_three_strikes(
    suspended_until: datetime | None, strikes: int, policy: Policy, expected: tuple[bool, bool, str] | None
) -> None:
    findings = rule_p7(NOW, strikes, suspended_until, policy)
    if expected is None:
        assert findings == []
        return
    (f,) = findings
    blocks, held, text = expected
    assert (f.rule_id, f.blocks, f.held) == ("P7", blocks, held)
    assert f.reason_code == ("P7_SUSPENDED" if blocks else None)
    assert text in said(f)


def test_p7_last_warning_only_one_strike_before_threshold() -> None:
    (f,) = rule_p7(NOW, 1, None, DEFAULT)
    assert "暫停" not in said(f)


# --- check_post ---------------------------------------------------------------------------------------


def test_good_post_only_has_the_content_reminder() -> None:
    findings = check_post(GOOD_POST, DEFAULT)
    assert ids(findings) == ["P2"]
    assert blocking(findings) == []


def test_post_findings_come_in_rule_order_with_e3_last() -> None:
    facts = replace(
        GOOD_POST,
        service_status="pending",
        title="",
        body="字" * 101,
        documents=(photo(11 * MB), photo(), pdf(), DocumentFacts("post_attachment", "application/zip", MB)),
        previous_post_at=NOW - timedelta(days=10),
        strikes=3,
        suspended_until=NOW + timedelta(days=20),
        restrictions=(RestrictionFacts("medical_isolation", TODAY, TODAY),),
    )
    findings = check_post(facts, DEFAULT)
    assert ids(findings) == ["P1", "P2", "P3", "P4", "P5", "P5", "P6", "P6", "P7", "E3"]
    assert ids(blocking(findings)) == ["P1", "P3", "P4", "P5", "P5", "P6", "P6", "P7", "E3"]
    assert [f.rule_id for f in findings if f.held] == ["P7", "E3"]


@pytest.mark.parametrize(("ends_on", "held"), [(TODAY, True), (TODAY - timedelta(days=1), False)])
def test_e3_holds_posts_too(ends_on: date, held: bool) -> None:
    facts = replace(GOOD_POST, restrictions=(RestrictionFacts("disciplinary", START, ends_on),))
    assert [f.rule_id for f in check_post(facts, DEFAULT) if f.held] == (["E3"] if held else [])


def test_post_policy_overrides_reach_the_rules() -> None:
    juvenile = Policy(post_window_days=7, photo_max_bytes=20 * MB, body_max_chars=150)
    facts = replace(
        GOOD_POST,
        body="字" * 150,
        documents=(photo(14 * MB),),
        previous_post_at=GOOD_POST.submitted_at - timedelta(days=7),
    )
    assert ids(blocking(check_post(facts, DEFAULT))) == ["P3", "P4", "P5"]
    assert blocking(check_post(facts, juvenile)) == []


def test_every_reason_code_a_rule_gives_is_in_the_catalogue() -> None:
    findings = [
        *check_application(
            replace(
                GOOD_APPLICATION,
                relationship="other",
                children_birth_dates=(),
                documents=(),
                restrictions=(RestrictionFacts("disciplinary", START, None),),
                other_approved_services=1,
                other_pending_applications=1,
                surname_confirmed=False,
            ),
            DEFAULT,
        ),
        *check_post(
            replace(
                GOOD_POST,
                service_status="pending",
                body="字" * 101,
                documents=(photo(11 * MB), photo(), pdf(), pdf(11 * MB)),
                previous_post_at=NOW,
                suspended_until=NOW + timedelta(days=1),
                restrictions=(RestrictionFacts("disciplinary", START, None),),
            ),
            DEFAULT,
        ),
        *rule_p4("", "", DEFAULT),
    ]
    codes = {f.reason_code for f in findings if f.reason_code is not None}
    assert codes <= set(CATALOGUE)
    assert {f.rule_id for f in findings} == {
        "E1",
        "E2",
        "E3",
        "E4",
        "E5",
        "E6",
        "P1",
        "P2",
        "P3",
        "P4",
        "P5",
        "P6",
        "P7",
    }


def test_findings_are_traditional_chinese() -> None:
    simplified = set("请发张与关证时间档为认这个们说无内")
    findings = [
        *check_application(
            replace(
                GOOD_APPLICATION,
                relationship="other",
                children_birth_dates=(),
                documents=(),
                surname_confirmed=False,
                other_pending_applications=1,
            ),
            DEFAULT,
        ),
        *check_post(
            replace(
                GOOD_POST,
                body="字" * 101,
                previous_post_at=NOW,
                strikes=2,
                documents=(photo(11 * MB), photo(mime="image/heic")),
            ),
            DEFAULT,
        ),
        *check_rejection([], "post", CATALOGUE),
    ]
    assert not {ch for f in findings for ch in said(f)} & simplified


# --- P8: rejections -----------------------------------------------------------------------------------

INACTIVE = Reason("OLD_REASON", "舊原因", "請重新發佈。", True, "post", None, active=False)
NO_SUGGESTION = Reason("NO_HINT", "無建議之原因", " ", True, "post", None)
TEST_CATALOGUE = {**CATALOGUE, INACTIVE.code: INACTIVE, NO_SUGGESTION.code: NO_SUGGESTION}


@pytest.mark.parametrize(
    ("codes", "item_kind", "in_messages"),
    [
        ([], "post", ["至少選擇 1 項"]),
        (["P4_TOO_LONG"], "post", []),
        (["P4_TOO_LONG", "P5_PHOTO"], "post", []),
        (["E3_RESTRICTED"], "application", []),  # "both" fits either kind
        (["E3_RESTRICTED"], "post", []),
        (["NOPE"], "post", ["「NOPE」不存在"]),
        (["E5_MISSING_DOCS"], "post", ["不適用於家庭聯絡簿"]),
        (["P4_TOO_LONG"], "application", ["不適用於服務項目申請"]),
        (["OLD_REASON"], "post", ["已停用"]),
        (["NO_HINT"], "post", ["缺少修正建議"]),
        (["P4_TOO_LONG", "NOPE"], "post", ["「NOPE」不存在"]),  # one bad reason still blocks
    ],
)
def test_p8_rejection_needs_valid_reasons(codes: list[str], item_kind: str, in_messages: list[str]) -> None:
    findings = check_rejection(codes, item_kind, TEST_CATALOGUE)
    assert len(findings) == len(in_messages)
    for f, text in zip(findings, in_messages, strict=True):
        assert (f.rule_id, f.blocks) == ("P8", True)
        assert text in said(f)


def test_p8_unknown_item_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown item kind"):
        check_rejection(["P4_TOO_LONG"], "letter", CATALOGUE)


@pytest.mark.parametrize(
    ("codes", "strike"),
    [
        (["P4_TOO_LONG"], True),
        (["P2_CONTENT", "P5_PHOTO"], True),
        (["OTHER_FAMILY"], True),
        (["E3_RESTRICTED"], False),  # not the family's fault
        (["P7_SUSPENDED"], False),
        (["OTHER_FACILITY"], False),
        (["E3_RESTRICTED", "P3_WINDOW"], True),  # any strike reason makes it a strike
        ([], False),
        (["NOPE"], False),
    ],
)
def test_is_strike(codes: list[str], strike: bool) -> None:
    assert is_strike(codes, CATALOGUE) is strike


def test_blocking_keeps_only_blocking_findings() -> None:
    findings = [Finding("P2", False, "a"), Finding("P4", True, "b"), Finding("E3", True, "c", held=True)]
    assert ids(blocking(findings)) == ["P4", "E3"]
    assert ids(blocking(iter(findings))) == ["P4", "E3"]


def test_every_format_character_counts_as_invisible() -> None:
    """INVISIBLE_CHARACTERS lists Unicode's format characters by hand (a regular expression is fast
    enough for the queue's search); this is where a newer Unicode would show one missing."""
    pattern = re.compile(f"[{INVISIBLE_CHARACTERS}]")
    missing = [
        f"U+{code:04X}"
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf" and not pattern.match(chr(code))
    ]
    assert missing == []
