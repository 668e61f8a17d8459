"""The message catalogue: every code a rule or a refusal can carry has its words, in each language."""

from __future__ import annotations

import ast
import re
import string
from datetime import date, datetime
from pathlib import Path

import pytest

import reviewer_app
from reviewer_app.core import messages
from reviewer_app.core.messages import ERROR_TEXTS, FINDING_TEXTS, CodedError, family_text, staff_text
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.rules import DocumentFacts, Finding, Value
from reviewer_app.core.rules.applications import rule_e5
from reviewer_app.core.rules.posts import rule_p3, rule_p4, rule_p5, rule_p7
from reviewer_app.core.timeutil import FACILITY_TZ
from reviewer_app.journal import NotUndoable
from reviewer_app.journal.printing import PrintRefused, ReprintNeedsReason

PACKAGE = Path(reviewer_app.__file__).parent
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")

#: A value for every name a template may use, of the kind the rules and refusals pass.
SAMPLE: dict[str, Value] = {
    "limit": 18,
    "youngest": 19,
    "relationship": "other",
    "restriction": "disciplinary",
    "starts_on": date(2025, 3, 1),
    "ends_on": date(2025, 3, 31),
    "count": 1,
    "documents": ("id_document", "applicant_photo"),
    "entered": "1O24",
    "expected": "1024",
    "status": "pending",
    "previous_on": date(2025, 3, 1),
    "days": 3,
    "window": 30,
    "next_on": date(2025, 3, 31),
    "length": 130,
    "photos": 2,
    "number": 2,
    "size_bytes": 12 * MB,
    "limit_bytes": 10 * MB,
    "types": ("image/gif",),
    "allowed": ("application/pdf", "image/jpeg", "image/png"),
    "files": 4,
    "through": date(2025, 4, 15),
    "resumes": date(2025, 4, 16),
    "strikes": 2,
    "threshold": 3,
    "months": 1,
    "reason": "P3_WINDOW",
    "reason_text": "家庭聯絡簿每 30 日限發佈 1 次。",
    "item_kind": "post",
    "posts": (11, 12),
    "username": "ttd_counsellor",
    "post": 12,
    "post_on": date(2025, 2, 20),
    "document": "post_attachment",
    "problem": "truncated",
}


def taipei(*when: int) -> datetime:
    return datetime(*when, tzinfo=FACILITY_TZ)


def _strings_in(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _sources(*folders: str) -> list[ast.Module]:
    return [ast.parse(p.read_text("utf-8")) for f in folders for p in sorted((PACKAGE / f).rglob("*.py"))]


def emitted_finding_codes() -> set[str]:
    """The message codes the rules can put in a Finding (its third argument, ``code``), read from the
    rules' source, so a new code without words fails here."""
    codes: set[str] = set()
    for tree in _sources("core/rules"):
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Finding":
                code = (
                    call.args[2]
                    if len(call.args) > 2
                    else next(k.value for k in call.keywords if k.arg == "code")
                )
                codes |= _strings_in(code)
    return codes


def _coded_error_names() -> set[str]:
    names, todo = set(), [CodedError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def raised_error_codes() -> set[str]:
    """The codes every ``raise SomeCodedError("CODE", …)`` in the application passes."""
    names, codes = _coded_error_names(), set()
    for tree in _sources("journal", "printing", "ui"):
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and isinstance(node.exc.func, ast.Name)
                and node.exc.func.id in names
            ):
                first = node.exc.args[0]
                assert isinstance(first, ast.Constant), ast.unparse(node)
                codes.add(first.value)
    return codes


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_source_walks_find_the_codes_of_every_rule_and_refusal() -> None:
    rules = {code.split("_")[0] for code in emitted_finding_codes()}
    # E1–E6, P1–P8, and DOC: the uploads opened and shown (R7, R8)
    assert rules == {*(f"E{n}" for n in range(1, 7)), *(f"P{n}" for n in range(1, 9)), "DOC"}
    assert {"UNDO_SYNCED", "PRINT_NO_COPIES", "UNDO_NOTHING"} <= raised_error_codes()


@pytest.mark.parametrize("code", sorted(emitted_finding_codes() | raised_error_codes()))
def test_every_code_has_staff_words_in_zh_tw_and_english(code: str) -> None:
    text = FINDING_TEXTS.get(code) or ERROR_TEXTS.get(code)
    assert text is not None, f"{code} has no words in core/messages.py"
    assert fields(text.zh_tw) | fields(text.en) <= set(SAMPLE)
    zh, en = staff_text(code, SAMPLE, "zh_TW"), staff_text(code, SAMPLE, "en")
    assert CJK.search(zh) and not re.search(r"[{}]", zh)
    assert not CJK.search(en), en
    assert re.search(r"[A-Za-z]{3}", en) and not re.search(r"[{}]", en)


#: What the reviewer did or not, never the family's matter: P8 (the reasons chosen), DOC_NOT_SEEN (R7).
STAFF_ONLY = ("P8_", "DOC_NOT_SEEN")


@pytest.mark.parametrize("code", sorted(c for c in emitted_finding_codes() if not c.startswith(STAFF_ONLY)))
def test_every_item_rule_code_has_family_words_in_zh_tw(code: str) -> None:
    template = FINDING_TEXTS[code].family
    assert template is not None, f"{code} has no words for the family"
    words = family_text(code, SAMPLE, Policy())
    assert CJK.search(words) and words.endswith("。") and not re.search(r"[{}]", words)
    assert not re.search(r"[a-z]+_[a-z]+", words), f"a raw code in the family's words: {words}"


@pytest.mark.parametrize("code", ["P8_NO_REASON", "DOC_NOT_SEEN"])
def test_p8_and_an_unopened_document_speak_to_the_reviewer_only(code: str) -> None:
    with pytest.raises(KeyError):
        family_text(code, {}, Policy())


def test_a_facility_s_own_window_and_photo_limit_reach_the_family() -> None:
    juvenile = Policy(post_window_days=7, photo_max_bytes=20 * MB, suspension_months=2)
    [window] = rule_p3(datetime(2025, 3, 4, 9), datetime(2025, 3, 1, 15), juvenile)
    assert family_text(window.code, window.values, juvenile) == (
        "家庭聯絡簿每 7 日限發佈 1 次，上次發佈為 2025/03/01，2025/03/08 起可再發佈。"
    )
    [photo] = rule_p5([DocumentFacts("post_attachment", "image/jpeg", 25 * MB)], juvenile)
    assert family_text(photo.code, photo.values, juvenile) == "照(圖)片檔案 25 MB，超過每張 20 MB 之限制。"
    [suspended] = rule_p7(taipei(2025, 3, 4), 3, taipei(2025, 5, 4, 9), juvenile)
    said = family_text(suspended.code, suspended.values, juvenile)
    # 05/04 is not a whole day of it
    assert said == "發佈權限暫停至 2025/05/03（含）止，2025/05/04 起可再發佈。"


def test_a_suspension_is_named_by_its_last_whole_day() -> None:
    """A suspension that ends at 00:30 on 04/30 (Taipei) covers 04/29 as its last whole day: staff
    and family read "through 04/29", never "until 04/30"."""
    [suspended] = rule_p7(taipei(2026, 3, 30, 12), 3, taipei(2026, 4, 30, 0, 30), Policy())
    assert staff_text(suspended.code, suspended.values) == (
        "家屬發佈權限暫停至 2026/04/29（含），2026/04/30 起恢復審核"
    )
    assert staff_text(suspended.code, suspended.values, "en") == (
        "The family's posting is suspended through 2026/04/29; review resumes on 2026/04/30"
    )


def test_staff_dates_follow_the_desk_s_style_and_the_family_s_stay_western() -> None:
    [window] = rule_p3(taipei(2026, 3, 4, 9), taipei(2026, 3, 1, 15), Policy())
    roc = staff_text(window.code, window.values, dates=lambda d: f"{d.year - 1911}/{d.month:02d}/{d.day:02d}")
    assert "（115/03/01）" in roc and "115/03/31 起" in roc and "2026" not in roc
    assert "2026/03/31 起可再發佈" in family_text(window.code, window.values, Policy())


def test_the_family_reads_which_documents_are_missing() -> None:
    [missing] = rule_e5([DocumentFacts("id_document", "image/jpeg", MB)])
    assert (
        family_text(missing.code, missing.values, Policy())
        == "申請缺少必要文件：關係證明文件、申請人正面清晰照片。"
    )


def test_english_staff_words_name_the_specifics_without_chinese() -> None:
    [too_long] = rule_p4("標題", "字" * 130, Policy())
    assert (
        staff_text(too_long.code, too_long.values, "en")
        == "The body has 130 characters, over the limit of 100"
    )
    [missing] = rule_e5([])
    english = staff_text(missing.code, missing.values, "en")
    assert english == "Required documents missing: id document, relationship proof, applicant photo"
    english = staff_text("P6_WRONG_TYPES", {"types": ("image/gif",), "allowed": ("image/jpeg",)}, "en")
    assert english == "Attachment types not allowed (GIF); only JPG, JPEG"


def test_english_words_for_codes_come_from_the_caller() -> None:
    class Shouting(messages.CodeWords):
        def _readable(self, code: str) -> str:
            return code.upper()

        relationship = restriction_kind = document_kind = item_status = item_kind = _readable

    finding = Finding("E2", True, "E2_RELATIONSHIP", {"relationship": "other"})
    assert staff_text(finding.code, finding.values, "en", Shouting()).startswith(
        'Relationship to the inmate "OTHER"'
    )


def test_refusals_are_zh_tw_by_default_and_english_on_request() -> None:
    refused = NotUndoable("UNDO_SYNCED")
    assert str(refused) == "此決定已同步到共用資料庫，無法復原"
    assert refused.text("en") == "This decision is already synced to the shared database and cannot be undone"
    assert refused.code == "UNDO_SYNCED" and refused.values == {}


def test_print_refusals_name_the_posts() -> None:
    reprint = ReprintNeedsReason("PRINT_REPRINT_NEEDS_REASON", [3, 1, 4, 5, 9, 2, 6])
    assert reprint.post_ids == [3, 1, 4, 5, 9, 2, 6]
    assert str(reprint) == "聯絡簿 #3、#1、#4、#5、#9 等 7 則 已列印過，重印需填寫原因"
    assert (
        reprint.text("en")
        == "Posts #3, #1, #4, #5, #9 (7 in all) were printed before: a reprint needs a reason"
    )
    assert isinstance(reprint, PrintRefused)
    assert (
        str(PrintRefused("PRINT_NOT_IN_LIST", posts=(8,))) == "聯絡簿 #8 不在本工作站的列印清單中，請重新整理"
    )
