"""The programme's rules (E1–E6, P1–P8) as pure functions.

No database, no Qt, no I/O and no clock: every fact, including today's date, comes in through the
``*Facts`` objects, and every number comes from the facility's :class:`~reviewer_app.core.policy.Policy`.
Each ``rule_*`` function returns the findings for one rule (an empty list when the rule is satisfied);
:func:`check_application` and :func:`check_post` compose them in rule order.

Messages are for facility staff, in the words of the families' guide. ``Finding.reason_code`` points
into :mod:`reviewer_app.core.reasons`, so the decision panel can preselect the reason a reviewer would
most likely pick.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Final

from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.vocabulary import (
    APPLICATION_STATUSES,
    DOCUMENT_KINDS,
    ELIGIBLE_RELATIONSHIPS,
    ITEM_KINDS,
    RELATIONSHIPS,
    REQUIRED_APPLICATION_DOCUMENTS,
    RESTRICTION_KINDS,
)

if TYPE_CHECKING:
    from reviewer_app.core.reasons import Reason

#: MIME types that count as a photo for P5 (decided from the bytes by the loader).
PHOTO_MIME_TYPES: Final[frozenset[str]] = frozenset({"image/jpeg", "image/png"})

# How staff and the guide name file types ("PDF、JPG、JPEG、PNG").
_MIME_LABELS: Final[dict[str, str]] = {
    "application/pdf": "PDF",
    "image/jpeg": "JPG、JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/heic": "HEIC",
    "image/heif": "HEIF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
    "image/tiff": "TIFF",
    "application/zip": "ZIP",
}


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on an item, for the reviewer."""

    rule_id: str
    blocks: bool
    message: str
    reason_code: str | None = None
    held: bool = False


@dataclass(frozen=True)
class RestrictionFacts:
    """An E3 restriction on the inmate's record; ``ends_on`` None means open-ended."""

    kind: str
    starts_on: date
    ends_on: date | None

    def active_on(self, day: date) -> bool:
        """E3: whether the restriction is in force on ``day`` (start and end days included)."""
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class DocumentFacts:
    """An uploaded document: its kind and the MIME type and size the loader found in its bytes."""

    kind: str
    mime_type: str
    size_bytes: int


@dataclass(frozen=True)
class ApplicationFacts:
    """Everything E1–E6 need to judge a service application (服務項目申請)."""

    today: date
    relationship: str
    children_birth_dates: tuple[date, ...]
    restrictions: tuple[RestrictionFacts, ...]
    other_approved_services: int
    other_pending_applications: int
    documents: tuple[DocumentFacts, ...]
    call_number_entered: str
    inmate_call_number: str
    surname_confirmed: bool


@dataclass(frozen=True)
class PostFacts:
    """Everything P1–P7 and E3 need to judge a contact-book post (家庭聯絡簿)."""

    now: datetime
    submitted_at: datetime
    service_status: str
    title: str
    body: str
    documents: tuple[DocumentFacts, ...]
    previous_post_at: datetime | None
    strikes: int
    suspended_until: datetime | None
    restrictions: tuple[RestrictionFacts, ...]


# --- formatting helpers (also used by the catalogue) -------------------------------------------------


def date_text(day: date) -> str:
    """A date as the portal shows it: 2021/04/29."""
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def size_text(size_bytes: int) -> str:
    """A size in MB as staff write it: "10 MB", "14.5 MB"."""
    if size_bytes % MB == 0:
        return f"{size_bytes // MB} MB"
    return f"{size_bytes / MB:.1f} MB"


def types_text(mime_types: Iterable[str]) -> str:
    """File types as the guide names them: "PDF、JPG、JPEG、PNG"."""
    return "、".join(_MIME_LABELS.get(m, m) for m in mime_types)


def _over_size_text(size_bytes: int, limit_bytes: int) -> str:
    """A size over a limit, exact enough that it visibly exceeds it (bytes when MB would round down)."""
    if round(size_bytes / MB, 1) * MB <= limit_bytes:
        return f"{size_bytes:,} 位元組"
    return size_text(size_bytes)


def _call_number_key(call_number: str) -> str:
    """A call number as compared: full-width digits folded (NFKC), all spaces and invisible characters
    (a zero-width space or byte-order mark pasted with it) removed."""
    return "".join(unicodedata.normalize("NFKC", visible_text(call_number)).split()).upper()


# --- ages ---------------------------------------------------------------------------------------------


def child_age(birth: date, on: date) -> int:
    """Age in whole years on ``on`` (a 29 February birthday is reached on 1 March in common years)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# --- service applications: E1–E6 ----------------------------------------------------------------------


def rule_e1(children_birth_dates: Sequence[date], today: date, policy: Policy) -> list[Finding]:
    """E1: the inmate has at least one child aged policy.child_max_age or under."""
    limit = policy.child_max_age
    if not children_birth_dates:
        return [
            Finding(
                "E1",
                True,
                f"未登錄收容人子女出生日期，無法確認有 {limit} 歲(含)以下之子女",
                "E1_NO_MINOR_CHILD",
            )
        ]
    ages = [child_age(b, today) for b in children_birth_dates if b <= today]
    if not ages:
        return [
            Finding(
                "E1",
                True,
                f"子女出生日期晚於今日，無法確認有 {limit} 歲(含)以下之子女，請確認子女資料",
                "E1_NO_MINOR_CHILD",
            )
        ]
    youngest = min(ages)
    if youngest <= limit:
        return []
    return [
        Finding(
            "E1",
            True,
            f"收容人子女皆已逾 {limit} 歲（最年幼者 {youngest} 歲），不符申請對象",
            "E1_NO_MINOR_CHILD",
        )
    ]


def rule_e2(relationship: str) -> list[Finding]:
    """E2: the applicant is a spouse, a relative within the second degree, or lives with the child."""
    if relationship in ELIGIBLE_RELATIONSHIPS:
        return []
    words = RELATIONSHIPS.get(relationship, relationship)
    return [
        Finding(
            "E2",
            True,
            f"與收容人關係「{words}」不符申請對象（配偶、二親等內之親屬或與收容人子女共居之家屬）",
            "E2_RELATIONSHIP",
        )
    ]


def rule_e3(restrictions: Sequence[RestrictionFacts], today: date) -> list[Finding]:
    """E3: no decision while the inmate is under a restriction (held, not the family's fault)."""
    findings = []
    for r in restrictions:
        if not r.active_on(today):
            continue
        kind = RESTRICTION_KINDS.get(r.kind, r.kind)
        until = f" {date_text(r.ends_on)} 止" if r.ends_on is not None else "另有通知"
        findings.append(
            Finding(
                "E3",
                True,
                f"收容人{kind}，{date_text(r.starts_on)} 起至{until}，暫緩審核",
                "E3_RESTRICTED",
                held=True,
            )
        )
    return findings


def rule_e4(other_approved_services: int, other_pending_applications: int) -> list[Finding]:
    """E4: one contact-book service per inmate (收容人1人(戶)限申請1個服務)."""
    findings = []
    if other_approved_services > 0:
        findings.append(
            Finding(
                "E4",
                True,
                f"收容人已有 {other_approved_services} 個審核通過之家庭聯絡簿服務，"
                "收容人1人(戶)限申請1個服務",
                "E4_DUPLICATE",
            )
        )
    if other_pending_applications > 0:
        findings.append(
            Finding(
                "E4",
                False,
                f"收容人另有 {other_pending_applications} 件審核中之服務項目申請，請確認是否重複申請",
                "E4_DUPLICATE",
            )
        )
    return findings


def rule_e5(documents: Sequence[DocumentFacts]) -> list[Finding]:
    """E5: identity document, relationship proof and a front photo of the applicant are uploaded."""
    present = {d.kind for d in documents}
    missing = [DOCUMENT_KINDS[k] for k in REQUIRED_APPLICATION_DOCUMENTS if k not in present]
    if not missing:
        return []
    return [Finding("E5", True, f"缺少必要文件：{'、'.join(missing)}", "E5_MISSING_DOCS")]


def rule_e6(call_number_entered: str, inmate_call_number: str, surname_confirmed: bool) -> list[Finding]:
    """E6: the call number (呼號) matches the inmate and the applicant confirmed call number and surname."""
    findings = []
    entered = _call_number_key(call_number_entered)
    if not entered:
        findings.append(Finding("E6", True, "申請未填寫收容人呼號", "E6_WRONG_CALL_NUMBER"))
    elif entered != _call_number_key(inmate_call_number):
        findings.append(
            Finding(
                "E6",
                True,
                f"申請填寫之收容人呼號「{call_number_entered.strip()}」"
                f"與收容人資料「{inmate_call_number.strip()}」不符",
                "E6_WRONG_CALL_NUMBER",
            )
        )
    if not surname_confirmed:
        findings.append(Finding("E6", True, "申請人未確認申請對象（呼號及姓氏）", "E6_WRONG_CALL_NUMBER"))
    return findings


def check_application(facts: ApplicationFacts, policy: Policy) -> list[Finding]:
    """E1–E6: all findings on a service application, in rule order."""
    return [
        *rule_e1(facts.children_birth_dates, facts.today, policy),
        *rule_e2(facts.relationship),
        *rule_e3(facts.restrictions, facts.today),
        *rule_e4(facts.other_approved_services, facts.other_pending_applications),
        *rule_e5(facts.documents),
        *rule_e6(facts.call_number_entered, facts.inmate_call_number, facts.surname_confirmed),
    ]


# --- posts: P1–P7 -------------------------------------------------------------------------------------


def rule_p1(service_status: str) -> list[Finding]:
    """P1: a post only under an approved service."""
    if service_status == "approved":
        return []
    status = APPLICATION_STATUSES.get(service_status, service_status)
    return [Finding("P1", True, f"家庭聯絡簿服務未審核通過（目前：{status}），不得發佈", "P1_NO_SERVICE")]


def rule_p2() -> list[Finding]:
    """P2: the reviewer judges the content (a reminder, never blocking by itself)."""
    return [Finding("P2", False, "請確認內容與子女關懷問候或家庭支持有關", "P2_CONTENT")]


def rule_p3(submitted_at: datetime, previous_post_at: datetime | None, policy: Policy) -> list[Finding]:
    """P3: at most one post every policy.post_window_days days (rejected posts do not count)."""
    if previous_post_at is None:
        return []
    window = policy.post_window_days
    days = (submitted_at.date() - previous_post_at.date()).days
    if days >= window:
        return []
    next_day = previous_post_at.date() + timedelta(days=window)
    return [
        Finding(
            "P3",
            True,
            f"距上次發佈（{date_text(previous_post_at.date())}）僅 {days} 日，每 {window} 日限發佈 1 次；"
            f"{date_text(next_day)} 起可再發佈",
            "P3_WINDOW",
        )
    ]


_ZERO_WIDTH_JOINER = "\u200d"
#: Characters drawn as nothing, as a regular-expression class: Unicode's format characters (category
#: Cf: zero-width space, joiners, direction marks, byte-order mark, soft hyphen…), then letters typed or
#: pasted to look blank (Hangul fillers, the blank Braille pattern).
INVISIBLE_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u115f\u1160\u3164\uffa0\u2800"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")


def _invisible(char: str) -> bool:
    return _INVISIBLE.match(char) is not None


def visible_text(text: str) -> str:
    """`text` without the characters that draw nothing (a zero-width joiner inside an emoji stays: it
    makes one picture of several)."""
    return "".join(
        char
        for i, char in enumerate(text)
        if not _invisible(char)
        or (char == _ZERO_WIDTH_JOINER and 0 < i < len(text) - 1 and _emoji_joined(text[i - 1], text[i + 1]))
    )


def _emoji_joined(before: str, after: str) -> bool:
    """Whether a zero-width joiner between these two makes one emoji (👨‍👩‍👧, ❤️‍🔥): pictographs on both sides
    (the one before may carry its presentation selector or skin tone)."""
    return unicodedata.category(after) == "So" and (
        unicodedata.category(before) == "So" or _extends_previous(before)
    )


def _extends_previous(char: str) -> bool:
    """Code points drawn as part of the character before them: combining marks, variation selectors
    (❤️), emoji skin tones (👍🏻) and emoji tag characters (regional flags such as 🏴 of Scotland)."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def body_length(text: str) -> int:
    """P4's character count: characters as the family typed and sees them. A line break is one however
    the web form sent it (CRLF); an emoji built of several code points (a skin tone, a family joined by
    zero-width joiners, a flag of two regional letters) is one; decomposed accents are composed first.
    (An approximation of Unicode's grapheme clusters that covers what families type.)"""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Nobody sees characters that draw nothing, nor spaces and line breaks before or after the text.
    text = visible_text(text).strip()
    count = 0
    joined = half_flag = False
    for char in text:
        if char == _ZERO_WIDTH_JOINER:
            joined = True
            continue
        if joined or _extends_previous(char):
            joined = False
            continue
        if 0x1F1E6 <= ord(char) <= 0x1F1FF:  # regional indicator letters: two make one flag
            half_flag = not half_flag
            if not half_flag:
                continue
        else:
            half_flag = False
        count += 1
    return count


def rule_p4(title: str, body: str, policy: Policy) -> list[Finding]:
    """P4: body text at most policy.body_max_chars characters (body_length), and not an empty post
    (nothing visible in either: a zero-width space alone would print a blank page)."""
    length, limit = body_length(body), policy.body_max_chars
    if length == 0 and not visible_text(title).strip():
        return [Finding("P4", True, "標題及內文皆未填寫", "P4_EMPTY")]
    if length <= limit:
        return []
    return [Finding("P4", True, f"內文 {length} 字，超過 {limit} 字上限", "P4_TOO_LONG")]


def rule_p5(documents: Sequence[DocumentFacts], policy: Policy) -> list[Finding]:
    """P5: at most policy.max_photos photos, each at most policy.photo_max_bytes."""
    photos = [d for d in documents if d.mime_type in PHOTO_MIME_TYPES]
    findings = []
    if len(photos) > policy.max_photos:
        findings.append(
            Finding("P5", True, f"照片 {len(photos)} 張，超過 {policy.max_photos} 張上限", "P5_PHOTO")
        )
    limit = policy.photo_max_bytes
    for number, photo in enumerate(photos, start=1):
        if photo.size_bytes > limit:
            label = "照片" if len(photos) == 1 else f"第 {number} 張照片"
            findings.append(
                Finding(
                    "P5",
                    True,
                    f"{label} {_over_size_text(photo.size_bytes, limit)}，超過 {size_text(limit)} 上限",
                    "P5_PHOTO",
                )
            )
    return findings


def rule_p6(documents: Sequence[DocumentFacts], policy: Policy) -> list[Finding]:
    """P6: attachments only of the allowed types, at most policy.max_attachments, limited in total size."""
    findings = []
    allowed = policy.allowed_mime_types
    bad = list(dict.fromkeys(d.mime_type for d in documents if d.mime_type not in allowed))
    if bad:
        findings.append(
            Finding(
                "P6", True, f"附件格式不符（{types_text(bad)}），僅限 {types_text(allowed)}", "P6_ATTACHMENT"
            )
        )
    if len(documents) > policy.max_attachments:
        findings.append(
            Finding(
                "P6",
                True,
                f"附件 {len(documents)} 個檔案，超過 {policy.max_attachments} 個上限",
                "P6_ATTACHMENT",
            )
        )
    total, limit = sum(d.size_bytes for d in documents), policy.attachments_max_total_bytes
    if total > limit:
        findings.append(
            Finding(
                "P6",
                True,
                f"附件合計 {_over_size_text(total, limit)}，超過合計 {size_text(limit)} 上限",
                "P6_ATTACHMENT",
            )
        )
    return findings


def rule_p7(now: datetime, strikes: int, suspended_until: datetime | None, policy: Policy) -> list[Finding]:
    """P7: three strikes suspend the family's right to post (held while suspended)."""
    if suspended_until is not None and suspended_until > now:
        return [
            Finding(
                "P7",
                True,
                f"家屬發佈權限暫停至 {date_text(suspended_until.date())}",
                "P7_SUSPENDED",
                held=True,
            )
        ]
    if strikes <= 0:
        return []
    threshold = policy.strike_threshold
    message = f"已累計退件 {strikes}/{threshold} 次"
    if strikes == threshold - 1:
        message += f"，本則若再以違規退件，將暫停發佈權限 {policy.suspension_months} 個月"
    return [Finding("P7", False, message)]


def check_post(facts: PostFacts, policy: Policy) -> list[Finding]:
    """P1–P7 and E3: all findings on a contact-book post, in rule order."""
    return [
        *rule_p1(facts.service_status),
        *rule_p2(),
        *rule_p3(facts.submitted_at, facts.previous_post_at, policy),
        *rule_p4(facts.title, facts.body, policy),
        *rule_p5(facts.documents, policy),
        *rule_p6(facts.documents, policy),
        *rule_p7(facts.now, facts.strikes, facts.suspended_until, policy),
        *rule_e3(facts.restrictions, facts.now.date()),
    ]


# --- decisions: P8 and the strike count ---------------------------------------------------------------


def check_rejection(
    reason_codes: Sequence[str], item_kind: str, catalogue: Mapping[str, Reason]
) -> list[Finding]:
    """P8: a rejection needs at least one existing, active, fitting reason, each with a suggestion."""
    if item_kind not in ITEM_KINDS:
        raise ValueError(f"unknown item kind {item_kind!r}")
    if not reason_codes:
        return [Finding("P8", True, "退件須至少選擇 1 項審核未通過原因")]
    findings = []
    for code in dict.fromkeys(reason_codes):
        reason = catalogue.get(code)
        if reason is None:
            findings.append(Finding("P8", True, f"審核未通過原因「{code}」不存在"))
        elif not reason.active:
            findings.append(Finding("P8", True, f"審核未通過原因「{reason.text}」已停用", code))
        elif reason.applies_to not in (item_kind, "both"):
            findings.append(
                Finding("P8", True, f"審核未通過原因「{reason.text}」不適用於{ITEM_KINDS[item_kind]}", code)
            )
        elif not reason.suggestion.strip():
            findings.append(Finding("P8", True, f"審核未通過原因「{reason.text}」缺少修正建議", code))
    return findings


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that stop an approval."""
    return [f for f in findings if f.blocks]


def is_strike(reason_codes: Sequence[str], catalogue: Mapping[str, Reason]) -> bool:
    """P7: a rejection is a strike when any chosen reason counts as one (unknown codes never do)."""
    return any(catalogue[c].counts_as_strike for c in reason_codes if c in catalogue)
