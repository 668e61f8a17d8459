"""The message catalogue: every rule finding and every refusal of the journal, in words (Qt-free).

Rules (:mod:`reviewer_app.core.rules`) and the journal's errors carry a stable code and its values; this
module is the one place that words them:

- for staff, in the desk's language: zh-TW (the guide's words) or English, from one table keyed by
  code. A table rather than Qt's translation files, because the journal, the command line and the tests
  word these messages without a QApplication, and the two languages of a rule's text sit side by side
  where a new rule's code is added;
- for the family, always zh-TW, filled with the facility's own numbers (:class:`Policy`, written by
  :func:`~reviewer_app.core.formats.policy_words` as the default rejection reasons write them) and the
  specifics of the finding (R9): what this item did, said after the rejection reason's own text
  (:mod:`reviewer_app.core.family_message`). Codes the family never reads (P8, the journal's
  refusals) have none.

Templates name values in braces. Dates, sizes (``*_bytes``), file types, document kinds, relationships,
restrictions, statuses and item kinds are written for the language; see :func:`_value_words`. Staff
dates follow the desk's style (ROC years or not) when the caller passes it; the family's are written as
the portal writes them (2026/12/02).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Protocol

from reviewer_app.core.formats import (
    ENGLISH,
    ZH_TW,
    date_text,
    list_text,
    over_size_text,
    policy_words,
    size_text,
    types_text,
)
from reviewer_app.core.policy import Policy
from reviewer_app.core.rules.facts import Value
from reviewer_app.core.vocabulary import (
    APPLICATION_STATUSES,
    DOCUMENT_KINDS,
    ITEM_KINDS,
    POST_STATUSES,
    RELATIONSHIPS,
    RESTRICTION_KINDS,
)


@dataclass(frozen=True)
class Text:
    """One code's words: the staff's in zh-TW and English, the family's (zh-TW) if the family reads it."""

    zh_tw: str
    en: str
    family: str | None = None


# The family is never told which restriction the inmate is under (a sanction or an isolation is the
# inmate's record), only that it is not their doing.
_FAMILY_E3 = "收容人目前處於依規定暫停使用本服務之期間，非家屬之因素。"

#: What the rules find (``Finding.code``), E1–E6 and P1–P8.
FINDING_TEXTS: Final[dict[str, Text]] = {
    "E1_NO_BIRTH_DATES": Text(
        "未登錄收容人子女出生日期，無法確認有 {limit} 歲(含)以下之子女",
        "No birth dates of the inmate's children are recorded: cannot confirm a child aged {limit} or under",
        "收容人子女資料未登錄出生日期，無法確認收容人有 {limit} 歲(含)以下之子女。",
    ),
    "E1_BIRTH_DATES_LATER": Text(
        "子女出生日期晚於今日，無法確認有 {limit} 歲(含)以下之子女，請確認子女資料",
        "A child's birth date is later than today: cannot confirm a child aged {limit} or under; "
        "check the children's records",
        "收容人子女出生日期資料有誤，無法確認收容人有 {limit} 歲(含)以下之子女。",
    ),
    "E1_NO_MINOR_CHILD": Text(
        "收容人子女皆已逾 {limit} 歲（最年幼者 {youngest} 歲），不符申請對象",
        "Every child of the inmate is over {limit} (the youngest is {youngest}): not eligible",
        "經查收容人子女皆已逾 {limit} 歲，不符本方案申請對象。",
    ),
    # R5: E1 on a post's review date. Not the family's doing: the reason is not a strike.
    "E1_ENDED": Text(
        "收容人子女皆已逾 {limit} 歲（最年幼者 {youngest} 歲），服務已不符資格，"
        "本則不能審核通過（不計退件次數）",
        "Every child of the inmate is now over {limit} (the youngest is {youngest}): the service is no "
        "longer eligible and the post cannot be approved (not a strike)",
        "收容人子女皆已逾 {limit} 歲，已不符本方案服務對象，本則家庭聯絡簿無法審核通過；"
        "此非家屬違規，不列入退件次數。",
    ),
    "E2_RELATIONSHIP": Text(
        "與收容人關係「{relationship}」不符申請對象（配偶、二親等內之親屬或與收容人子女共居之家屬）",
        'Relationship to the inmate "{relationship}" is not eligible (spouse, relative within the second '
        "degree, or a family member living with the inmate's child)",
        "申請填寫之與收容人關係「{relationship}」不符本方案申請對象"
        "（配偶、二親等內之親屬或與收容人子女共居之家屬）。",
    ),
    "E3_RESTRICTED": Text(
        "收容人{restriction}，{starts_on} 起至 {ends_on} 止，暫緩審核",
        "The inmate is under a restriction ({restriction}) from {starts_on} to {ends_on}: on hold",
        _FAMILY_E3,
    ),
    "E3_RESTRICTED_UNTIL_NOTICE": Text(
        "收容人{restriction}，{starts_on} 起至另有通知，暫緩審核",
        "The inmate is under a restriction ({restriction}) from {starts_on} until further notice: on hold",
        _FAMILY_E3,
    ),
    # Not held here any more (core/rules/custody.py): not the family's doing, never a strike.
    "E3_RELEASED": Text(
        "收容人已出監，本案無法審核通過，請以「收容人已出監」退件（不計退件次數）",
        'The inmate has been released: this cannot be approved; reject it as "inmate released" '
        "(not a strike)",
        "收容人已出監，本案無法審核通過，非家屬之因素，不列入退件次數。",
    ),
    "E3_TRANSFERRED": Text(
        "收容人已移監，本案將隨服務移至新收容機關審核，請勿在此決定",
        "The inmate has been transferred: this moves with the service to the new facility, which "
        "reviews it; do not decide it here",
        "收容人已移監，本案將由新收容機關審核，非家屬之因素。",
    ),
    "E4_DUPLICATE": Text(
        "收容人已有 {count} 個審核通過之家庭聯絡簿服務，收容人1人(戶)限申請1個服務",
        "The inmate already has {count} approved contact-book service(s): one service per inmate",
        "該收容人已有審核通過之「電子家庭聯絡簿」服務，收容人1人(戶)限申請1個服務。",
    ),
    "E4_PENDING_ELSEWHERE": Text(
        "收容人另有 {count} 件審核中之服務項目申請，請確認是否重複申請",
        "The inmate has {count} other service application(s) pending review: check for a duplicate",
        "該收容人另有審核中之服務項目申請，收容人1人(戶)限申請1個服務。",
    ),
    "E5_MISSING_DOCS": Text(
        "缺少必要文件：{documents}",
        "Required documents missing: {documents}",
        "申請缺少必要文件：{documents}。",
    ),
    "E6_NO_CALL_NUMBER": Text(
        "申請未填寫收容人呼號",
        "The application gives no inmate call number",
        "申請未填寫收容人呼號。",
    ),
    "E6_WRONG_CALL_NUMBER": Text(
        "申請填寫之收容人呼號「{entered}」與收容人資料「{expected}」不符",
        'The call number entered, "{entered}", does not match the inmate\'s record "{expected}"',
        "申請填寫之收容人呼號「{entered}」與收容人資料不符。",
    ),
    "E6_NOT_CONFIRMED": Text(
        "申請人未確認申請對象（呼號及姓氏）",
        "The applicant did not confirm the inmate (call number and surname)",
        "申請人未確認申請對象（呼號及姓氏）。",
    ),
    "P1_NO_SERVICE": Text(
        "家庭聯絡簿服務未審核通過（目前：{status}），不得發佈",
        "The contact-book service is not approved (now: {status}): no posts",
        "「電子家庭聯絡簿」服務尚未審核通過，無法發佈家庭聯絡簿。",
    ),
    "P2_CONTENT": Text(
        "請確認內容與子女關懷問候或家庭支持有關",
        "Check that the content is greetings or care about the children, or support of the family",
        "家庭聯絡簿內容須與收容人子女關懷問候或家庭支持有關。",
    ),
    "P3_WINDOW": Text(
        "距上次發佈（{previous_on}）僅 {days} 日，每 {window} 日限發佈 1 次；{next_on} 起可再發佈",
        "Only {days} days since the last post ({previous_on}); one post every {window} days; "
        "the next from {next_on}",
        "家庭聯絡簿每 {window} 日限發佈 1 次，上次發佈為 {previous_on}，{next_on} 起可再發佈。",
    ),
    # R1: inside the window of an earlier post still waiting for its review: held, never a strike.
    "P3_WAIT": Text(
        "距聯絡簿 #{post}（{post_on}）未滿 {window} 日，該則尚待審核；待其審核後再審本則",
        "Within {window} days of post #{post} ({post_on}), which still waits for its review: "
        "this post waits until that one is decided",
        "本則與 {post_on} 發佈之家庭聯絡簿相隔未滿 {window} 日，該則尚在審核中；"
        "待該則審核完成後，本則即繼續審核，非家屬之因素。",
    ),
    "P4_EMPTY": Text(
        "標題及內文皆未填寫",
        "Neither the title nor the body is filled in",
        "家庭聯絡簿未填寫標題及內文。",
    ),
    "P4_TOO_LONG": Text(
        "內文 {length} 字，超過 {limit} 字上限",
        "The body has {length} characters, over the limit of {limit}",
        "本則內文 {length} 字，超過 {limit} 字之限制。",
    ),
    "P5_TOO_MANY_PHOTOS": Text(
        "照片 {photos} 張，超過 {limit} 張上限",
        "{photos} photos, over the limit of {limit}",
        "本則照(圖)片 {photos} 張，超過 {limit} 張之限制。",
    ),
    "P5_PHOTO_TOO_LARGE": Text(
        "照片 {size_bytes}，超過 {limit_bytes} 上限",
        "The photo is {size_bytes}, over the {limit_bytes} limit",
        "照(圖)片檔案 {size_bytes}，超過每張 {limit_bytes} 之限制。",
    ),
    "P5_NTH_PHOTO_TOO_LARGE": Text(
        "第 {number} 張照片 {size_bytes}，超過 {limit_bytes} 上限",
        "Photo {number} is {size_bytes}, over the {limit_bytes} limit",
        "第 {number} 張照(圖)片檔案 {size_bytes}，超過每張 {limit_bytes} 之限制。",
    ),
    "P6_WRONG_TYPES": Text(
        "附件格式不符（{types}），僅限 {allowed}",
        "Attachment types not allowed ({types}); only {allowed}",
        "附件格式不符（{types}），僅限 {allowed} 格式。",
    ),
    "P6_TOO_MANY_FILES": Text(
        "附件 {files} 個檔案，超過 {limit} 個上限",
        "{files} attachments, over the limit of {limit}",
        "附件 {files} 個檔案，超過 {limit} 個之限制。",
    ),
    "P6_TOO_LARGE": Text(
        "附件合計 {size_bytes}，超過合計 {limit_bytes} 上限",
        "Attachments total {size_bytes}, over the {limit_bytes} total limit",
        "附件合計 {size_bytes}，超過合計 {limit_bytes} 之限制。",
    ),
    # R7, R8: every upload opened on this workstation and shown (rule E5 for applications, P6 for posts).
    "DOC_NOT_SEEN": Text(
        "第 {number} 個文件（{document}）尚未開啟檢視，不能審核通過",
        "Document {number} ({document}) has not been opened yet: it cannot be approved",
    ),
    "DOC_UNREADABLE": Text(
        "第 {number} 個文件（{document}）無法開啟（{problem}）",
        "Document {number} ({document}) cannot be opened ({problem})",
        "上傳之{document}檔案無法開啟（{problem}），請重新上傳完整之檔案。",
    ),
    # ``through`` is the suspension's last whole day (R9); it ends during ``resumes``.
    "P7_SUSPENDED": Text(
        "家屬發佈權限暫停至 {through}（含），{resumes} 起恢復審核",
        "The family's posting is suspended through {through}; review resumes on {resumes}",
        "發佈權限暫停至 {through}（含）止，{resumes} 起可再發佈。",
    ),
    "P7_STRIKES": Text(
        "已累計退件 {strikes}/{threshold} 次",
        "Rejected {strikes}/{threshold} times so far",
        "家庭聯絡簿已累計退件 {strikes}/{threshold} 次。",
    ),
    "P7_LAST_STRIKE": Text(
        "已累計退件 {strikes}/{threshold} 次，本則若再以違規退件，將暫停發佈權限 {months} 個月",
        "Rejected {strikes}/{threshold} times so far; rejecting this post for a breach suspends "
        "posting for {months} month(s)",
        "家庭聯絡簿已累計退件 {strikes}/{threshold} 次；"
        "累計 {threshold} 次以上，發佈權限將暫停 {months} 個月。",
    ),
    # P8 judges the reviewer's choice of reasons: the family never reads these.
    "P8_NO_REASON": Text("退件須至少選擇 1 項審核未通過原因", "A rejection needs at least one reason"),
    "P8_UNKNOWN_REASON": Text("審核未通過原因「{reason}」不存在", "There is no rejection reason {reason}"),
    "P8_REASON_INACTIVE": Text(
        "審核未通過原因「{reason_text}」已停用", "The rejection reason {reason} is no longer in use"
    ),
    "P8_REASON_WRONG_KIND": Text(
        "審核未通過原因「{reason_text}」不適用於{item_kind}",
        "The rejection reason {reason} does not apply to this kind of item ({item_kind})",
    ),
    "P8_REASON_NO_SUGGESTION": Text(
        "審核未通過原因「{reason_text}」缺少修正建議",
        "The rejection reason {reason} has no suggestion for the family",
    ),
}

#: Why the journal will not record a decision, an undo, a print or a hand-over (staff only).
ERROR_TEXTS: Final[dict[str, Text]] = {
    "NOT_CLAIMED": Text("此案件不在本工作站的審核清單中", "This item is not in this workstation's queue"),
    "NOT_CLAIMED_REFRESH": Text(
        "此案件不在本工作站的審核清單中，請重新整理",
        "This item is not in this workstation's queue; refresh the queue",
    ),
    "ALREADY_DECIDED": Text(
        "此案件已有決定；如需更改，請先復原（Ctrl+Z）",
        "This item is already decided; to change it, undo first (Ctrl+Z)",
    ),
    "APPROVAL_BLOCKED": Text(
        "仍有未符合的規定，不能審核通過", "Some rules are not met: the item cannot be approved"
    ),
    "REJECTION_INCOMPLETE": Text("退件原因不完整", "The rejection's reasons are incomplete"),
    "DECIDE_NOT_PERMITTED": Text(
        "{username} 沒有審核權限（僅限本機關在職之社工師與業務主管），決定未記錄",
        "{username} may not decide (only active reviewers and supervisors of this facility); "
        "the decision was not recorded",
    ),
    "REJECTION_WINDOW_UNUSED": Text(
        "本則未違反發佈間隔規定（較早之聯絡簿尚待審核或未審核通過，未用掉發佈間隔），不能以發佈間隔為由退件",
        "This post does not break the posting interval (the earlier post still waits for its review or "
        "was not approved, so the interval is not used up): it cannot be rejected for it",
    ),
    "UNDO_NOTHING": Text(
        "沒有可復原的決定（已同步到共用資料庫的決定無法復原）",
        "There is no decision to undo (decisions already synced to the shared database cannot be undone)",
    ),
    "UNDO_SYNCED": Text(
        "此決定已同步到共用資料庫，無法復原",
        "This decision is already synced to the shared database and cannot be undone",
    ),
    "UNDO_SYNCING": Text(
        "此決定正在同步到共用資料庫，暫時無法復原；請待同步完成後再試",
        "This decision is being synced to the shared database and cannot be undone now; "
        "try again when the sync is done",
    ),
    "UNDO_MAYBE_SYNCED": Text(
        "上次同步時連線中斷，此決定可能已寫入共用資料庫，暫時無法復原；請先同步，確認結果後如需更改請洽業務主管",
        "The connection broke during the last sync: this decision may already be in the shared database "
        "and cannot be undone now; sync first, and ask the supervisor if it must change",
    ),
    "PRINT_NO_COPIES": Text("份數至少 1 份", "Print at least 1 copy"),
    "PRINT_NOTHING_TICKED": Text("沒有選取要列印的聯絡簿", "No posts are ticked for printing"),
    "PRINT_NOT_PRINTABLE": Text(
        "聯絡簿 {posts} 不是審核通過待列印的狀態，不能列印",
        "Posts {posts} are not approved and waiting to print: they cannot be printed",
    ),
    "PRINT_REPRINT_NEEDS_REASON": Text(
        "聯絡簿 {posts} 已列印過，重印需填寫原因",
        "Posts {posts} were printed before: a reprint needs a reason",
    ),
    "PRINT_NOT_IN_LIST": Text(
        "聯絡簿 {posts} 不在本工作站的列印清單中，請重新整理",
        "Posts {posts} are not in this workstation's print list; refresh the list",
    ),
    "HANDOVER_NEEDS_REASON": Text(
        "無法轉交需選擇原因：移監、出監或其他",
        "Undeliverable needs a reason: transferred, released or other",
    ),
    "HANDOVER_OTHER_NEEDS_NOTE": Text(
        "原因為「其他」時，請在備註說明", 'With the reason "other", explain in the note'
    ),
    "HANDOVER_NEEDS_GIVER": Text("請填寫轉交人", "Fill in who handed the posts over"),
    "HANDOVER_NOTHING_TICKED": Text(
        "沒有選取要登錄轉交的聯絡簿", "No posts are ticked for recording a hand-over"
    ),
    "PRINT_HELD_BACK": Text(
        "聯絡簿 {posts} 暫緩轉交（收容人受限制、移監或出監），今日不能列印",
        "Posts {posts} are held back (the inmate is restricted, transferred or released): not printed today",
    ),
    "HANDOVER_HELD_BACK": Text(
        "聯絡簿 {posts} 暫緩轉交（收容人受限制、移監或出監），不能登錄為已轉交",
        "Posts {posts} are held back (the inmate is restricted, transferred or released): "
        "not recorded as delivered",
    ),
    "HANDOVER_RETURN_NOT_ALLOWED": Text(
        "聯絡簿 {posts} 不是無法轉交的狀態，不能放回待列印",
        "Posts {posts} are not undeliverable: they cannot go back to the list to print",
    ),
    "HANDOVER_NOT_ALLOWED": Text(
        "聯絡簿 {posts} 尚未列印或已登錄轉交，不能登錄轉交",
        "Posts {posts} are not printed yet or their hand-over is already recorded",
    ),
}

#: Why the document loader could not show a file (its refusal codes), for DOC_UNREADABLE.
PROBLEM_TEXTS: Final[dict[str, Text]] = {
    "truncated": Text("檔案不完整，可能上傳中斷", "the file is incomplete: the upload was cut short"),
    "damaged": Text("檔案已損毀", "the file is damaged"),
    "empty": Text("檔案是空的", "the file is empty"),
    "encrypted": Text("PDF 設有開啟密碼", "the PDF is password-protected"),
    "too_many_pixels": Text("圖片像素過多", "the picture has too many pixels"),
    "too_many_pages": Text("PDF 頁數過多", "the PDF has too many pages"),
    "unsupported": Text("本系統無法顯示此類檔案", "a kind of file the desk cannot show"),
    "not_allowed": Text("檔案格式不符", "the file is not of an allowed type"),
    "too_large": Text("檔案過大", "the file is too large"),
    "missing": Text("檔案內容已不存在", "the file's content is missing"),
    "size_mismatch": Text("檔案內容與上傳紀錄不符", "the file is not the one uploaded"),
    "hash_mismatch": Text("檔案內容與上傳紀錄不符", "the file is not the one uploaded"),
}

_TEXTS: Final[dict[str, Text]] = {**FINDING_TEXTS, **ERROR_TEXTS}


class Vocabulary(Protocol):
    """Words for the codes a message names; :mod:`reviewer_app.ui.common.words` is one (Qt-translated)."""

    def relationship(self, code: str) -> str: ...
    def restriction_kind(self, code: str) -> str: ...
    def document_kind(self, code: str) -> str: ...
    def item_status(self, code: str) -> str: ...
    def item_kind(self, code: str) -> str: ...


class GuideWords:
    """The guide's zh-TW words (:mod:`reviewer_app.core.vocabulary`): the family's and zh-TW staff's."""

    def relationship(self, code: str) -> str:
        return RELATIONSHIPS.get(code, code)

    def restriction_kind(self, code: str) -> str:
        return RESTRICTION_KINDS.get(code, code)

    def document_kind(self, code: str) -> str:
        return DOCUMENT_KINDS.get(code, code)

    def item_status(self, code: str) -> str:
        return APPLICATION_STATUSES.get(code) or POST_STATUSES.get(code, code)

    def item_kind(self, code: str) -> str:
        return ITEM_KINDS.get(code, code)


class CodeWords:
    """English without a desk (command line, tests): the codes themselves, readable ("id document")."""

    def _readable(self, code: str) -> str:
        return code.replace("_", " ")

    relationship = restriction_kind = document_kind = item_status = item_kind = _readable


def _posts_text(post_ids: Sequence[int | str], language: str) -> str:
    """Post numbers as a refusal names them: the first five, then how many in all."""
    ids = [f"#{i}" for i in post_ids]
    more = {ZH_TW: f" 等 {len(ids)} 則", ENGLISH: f" ({len(ids)} in all)"}[language]
    return list_text(ids[:5], language) + (more if len(ids) > 5 else "")


def _problem_words(code: str, language: str) -> str:
    text = PROBLEM_TEXTS.get(code)
    if text is None:
        return code
    return text.zh_tw if language == ZH_TW else text.en


def _value_words(
    values: Mapping[str, Value],
    language: str,
    vocabulary: Vocabulary,
    dates: Callable[[date], str] = date_text,
) -> dict[str, str]:
    """Each value written for the language, by its kind (a date, a size) or its name (a code)."""
    labellers: dict[str, Callable[[str], str]] = {
        "document": vocabulary.document_kind,
        "problem": lambda code: _problem_words(code, language),
        "relationship": vocabulary.relationship,
        "restriction": vocabulary.restriction_kind,
        "status": vocabulary.item_status,
        "item_kind": vocabulary.item_kind,
    }
    words: dict[str, str] = {}
    for key, value in values.items():
        if value is None:
            words[key] = ""
        elif isinstance(value, date):
            words[key] = dates(value)
        elif isinstance(value, tuple):
            if key in ("types", "allowed"):
                words[key] = types_text((str(v) for v in value), language)
            elif key == "documents":
                words[key] = list_text((vocabulary.document_kind(str(v)) for v in value), language)
            else:
                words[key] = _posts_text(value, language)
        elif isinstance(value, int):
            limit = values.get("limit_bytes")
            if key == "size_bytes" and isinstance(limit, int):
                words[key] = over_size_text(value, limit, language)
            elif key.endswith("_bytes"):
                words[key] = size_text(value)
            else:
                words[key] = str(value)
        else:
            words[key] = labellers[key](value) if key in labellers else value
    return words


def staff_text(
    code: str,
    values: Mapping[str, Value] | None = None,
    language: str = ZH_TW,
    english_words: Vocabulary | None = None,
    dates: Callable[[date], str] | None = None,
) -> str:
    """The staff's words for a code in ``language`` ("zh_TW" or "en").

    ``english_words`` names codes in English (the desk passes its Qt-translated words; without it the
    codes are shown as they are); zh-TW always uses the guide's words. ``dates`` writes a date as the
    desk shows dates (its ROC-year preference); without it, as the portal does (2026/12/02).
    """
    text = _TEXTS[code]
    vocabulary: Vocabulary = GuideWords() if language == ZH_TW else english_words or CodeWords()
    template = text.zh_tw if language == ZH_TW else text.en
    return template.format(**_value_words(values or {}, language, vocabulary, dates or date_text))


def family_text(code: str, values: Mapping[str, Value], policy: Policy) -> str:
    """The family's words for a finding (always zh-TW), with the facility's numbers and the specifics.

    KeyError for a code the family never reads (P8, the journal's refusals).
    """
    template = FINDING_TEXTS[code].family
    if template is None:
        raise KeyError(code)
    # The finding's own values (the limit the rule applied) win over the policy's names.
    return template.format_map({**policy_words(policy), **_value_words(values, ZH_TW, GuideWords())})


class CodedError(Exception):
    """A refusal worded by the catalogue: ``code`` and ``values``; ``str()`` is the zh-TW staff text
    (logs, the command line), :meth:`text` the staff's words in another language."""

    def __init__(self, code: str, **values: Value) -> None:
        super().__init__(code)
        self.code = code
        self.values: dict[str, Value] = values

    def text(self, language: str = ZH_TW, english_words: Vocabulary | None = None) -> str:
        return staff_text(self.code, self.values, language, english_words)

    def __str__(self) -> str:
        return self.text()
