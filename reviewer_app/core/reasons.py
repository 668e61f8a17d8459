"""The default catalogue of rejection reasons (審核未通過原因).

``text`` is what the family reads after clicking [審核未通過]; ``suggestion`` is what the dialog tells
them to do (依據對話框建議…修正). Each facility has its own copy of the catalogue (R11), which its
supervisor may edit; :data:`DEFAULT_TEMPLATES` is the national default that every copy starts from.

Its texts are templates: ``{window_days}``, ``{photo_max}``, ``{suspension_months}``… name the numbers
of :func:`~reviewer_app.core.formats.policy_words`, and :func:`worded` fills them from the facility's
:class:`~reviewer_app.core.policy.Policy` before a family reads them (R9), so an override (a 7-day
window, a 20 MB photo) is what the family reads. The pull words each facility's reasons before they
reach the workstation: the journal, the desk and the reject dialog only ever see final words.

``counts_as_strike`` (P7) is True only for the family's own rule breaches on posts; a reason that is not
the family's fault (an E3 restriction, a suspension, the facility's own reasons) and every application
reason is never a strike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Final

from reviewer_app.core.formats import policy_words
from reviewer_app.core.policy import Policy
from reviewer_app.core.vocabulary import ITEM_KINDS

APPLIES_TO: Final[frozenset[str]] = frozenset({*ITEM_KINDS, "both"})

_CONTACT = "如有疑問，請洽本機關聯繫窗口（社工師）。"


@dataclass(frozen=True)
class Reason:
    """One rejection reason: what the family reads, what they should do, and whether it is a strike."""

    code: str
    text: str
    suggestion: str
    counts_as_strike: bool
    applies_to: str
    rule_id: str | None
    active: bool = True

    def __post_init__(self) -> None:
        if self.applies_to not in APPLIES_TO:
            raise ValueError(f"applies_to must be one of {sorted(APPLIES_TO)}, not {self.applies_to!r}")

    @classmethod
    def from_row(cls, row: object) -> Reason:
        """The reason of a catalogue row (shared database or journal): the one copy from a table."""
        return cls(**{name: getattr(row, name) for name in REASON_FIELDS})

    def as_row_values(self) -> dict[str, Any]:
        """The reason's columns, for a catalogue row: the one copy into a table."""
        return {name: getattr(self, name) for name in REASON_FIELDS}


#: A reason's columns, as every catalogue table (shared database, journal) names them.
REASON_FIELDS: Final[tuple[str, ...]] = tuple(f.name for f in fields(Reason))


#: A placeholder in a reason's text: ``{window_days}``. Only names of policy_words are filled.
PLACEHOLDER: Final = re.compile(r"\{(\w+)\}")


def fill(text: str, words: Mapping[str, str]) -> str:
    """``text`` with each ``{name}`` of ``words`` filled in; anything else (a supervisor's own braces,
    an unknown name) stays as written."""
    return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)


def worded(reason: Reason, policy: Policy) -> Reason:
    """The reason as the family of a facility with ``policy`` reads it."""
    words = policy_words(policy)
    return replace(reason, text=fill(reason.text, words), suggestion=fill(reason.suggestion, words))


#: The national default catalogue, as each facility's copy starts: texts with placeholders (R11).
DEFAULT_TEMPLATES: Final[tuple[Reason, ...]] = (
    # Service applications (服務項目申請): never strikes.
    Reason(
        "E1_NO_MINOR_CHILD",
        "經查收容人無 {child_max_age} 歲(含)以下之子女，不符本方案申請對象。",
        "本方案限收容人有 {child_max_age} 歲(含)以下子女者申請；如資料有誤，"
        "請檢附子女之戶籍謄本或出生證明重新申請。",
        False,
        "application",
        "E1",
    ),
    Reason(
        "E2_RELATIONSHIP",
        "申請人與收容人關係不符本方案申請對象（配偶、二親等內之親屬或與收容人子女共居之家屬）。",
        "請確認[與收容人關係]選項是否正確；如為與收容人子女共居之家屬，請檢附共居證明文件後重新申請。",
        False,
        "application",
        "E2",
    ),
    Reason(
        "E3_RESTRICTED",
        "收容人目前處於依規定暫停使用本服務之期間，非家屬之因素。",
        "待收容人限制期間結束後，請重新申請或重新發佈家庭聯絡簿。" + _CONTACT,
        False,
        "both",
        "E3",
    ),
    Reason(
        "E4_DUPLICATE",
        "收容人1人(戶)限申請1個「電子家庭聯絡簿」服務，該收容人已有審核中或審核通過之服務。",
        "請與家人確認由何人使用本服務；服務已審核通過者，可直接[發佈家庭聯絡簿]，無須重複申請。",
        False,
        "application",
        "E4",
    ),
    Reason(
        "E5_MISSING_DOCS",
        "申請檢附之證明文件不完整或無法辨識。",
        "請於[服務項目申請]重新上傳完整清晰之[身分證明文件]、[關係證明文件]及申請人[正面清晰照片]"
        "後再提出申請。",
        False,
        "application",
        "E5",
    ),
    Reason(
        "E5_UNCLEAR_PHOTO",
        "申請人照片非正面清晰照片，無法確認申請人身分。",
        "請重新上傳申請人本人近期、正面、五官清晰且未遮蔽之照片後再提出申請。",
        False,
        "application",
        "E5",
    ),
    Reason(
        "E6_WRONG_CALL_NUMBER",
        "申請填寫之收容人呼號或申請對象有誤，無法確認收容人。",
        "請確認收容人所在[矯正機關]及[收容人呼號]，點選[查詢]後確認顯示之申請對象(呼號及姓氏)無誤，"
        "再重新申請。",
        False,
        "application",
        "E6",
    ),
    Reason(
        "OTHER_APPLICATION",
        "申請資料尚有需補正之處。",
        "請洽本機關聯繫窗口（社工師）確認需補正之資料後，重新提出申請。",
        False,
        "application",
        None,
    ),
    # Contact-book posts (家庭聯絡簿).
    Reason(
        "P1_NO_SERVICE",
        "「電子家庭聯絡簿」服務尚未審核通過，無法發佈家庭聯絡簿。",
        "請至[帳號與服務]>[服務項目狀態查詢]確認服務項目狀態，待審核通過後再發佈家庭聯絡簿。",
        False,
        "post",
        "P1",
    ),
    Reason(
        "P2_CONTENT",
        "家庭聯絡簿內容須與收容人子女關懷問候或家庭支持有關，本則內容不符。",
        "請修改內文及照片，以子女近況、關懷問候或家庭支持為主，再重新發佈家庭聯絡簿。",
        True,
        "post",
        "P2",
    ),
    Reason(
        "P3_WINDOW",
        "家庭聯絡簿每 {window_days} 日限發佈 1 次，距上次發佈未滿 {window_days} 日。",
        "請於上次發佈日起滿 {window_days} 日後，再重新發佈家庭聯絡簿。",
        True,
        "post",
        "P3",
    ),
    Reason(
        "P4_TOO_LONG",
        "內文超過 {body_max_chars} 字之限制。",
        "請將內文精簡至 {body_max_chars} 字以內（含標點符號）後，重新發佈家庭聯絡簿。",
        True,
        "post",
        "P4",
    ),
    Reason(
        "P4_EMPTY",
        "家庭聯絡簿未填寫標題及內文。",
        "請填入[標題]及[內文]後，重新發佈家庭聯絡簿。",
        False,
        "post",
        "P4",
    ),
    Reason(
        "P5_PHOTO",
        "照(圖)片檔限 {max_photos} 張，每張檔案不超過 {photo_max}。",
        "請保留至多 {max_photos} 張照片，並將照片縮小至 {photo_max} 以內後，重新發佈家庭聯絡簿。",
        True,
        "post",
        "P5",
    ),
    Reason(
        "P6_ATTACHMENT",
        "附件檔案限 {allowed_types} 格式，至多 {max_attachments} 個檔案，"
        "合計不超過 {attachments_max_total}。",
        "請將附件轉存為 {allowed_types} 格式，並減少檔案數量或大小後，重新發佈家庭聯絡簿。",
        True,
        "post",
        "P6",
    ),
    Reason(
        "P7_SUSPENDED",
        "家庭聯絡簿經審查退件累計 {strike_threshold} 次以上，發佈權限暫停 {suspension_months} 個月。",
        "請於暫停期間結束後，再重新發佈家庭聯絡簿。" + _CONTACT,
        False,
        "post",
        "P7",
    ),
    # R5: on a post's review date the inmate has no child young enough any more; not a strike.
    Reason(
        "E1_ENDED",
        "經查收容人已無 {child_max_age} 歲(含)以下之子女，本則家庭聯絡簿無法審核通過，非家屬之因素。",
        "本方案限收容人有 {child_max_age} 歲(含)以下子女者使用；如資料有誤，"
        "請檢附子女之戶籍謄本或出生證明，洽本機關聯繫窗口（社工師）。",
        False,
        "post",
        "E1",
    ),
    Reason(
        "OTHER_FAMILY",
        "家庭聯絡簿內容未依本方案規定。",
        "請依「家屬可申請上傳之內容」規定修正後，重新發佈家庭聯絡簿。" + _CONTACT,
        True,
        "post",
        None,
    ),
    # Either kind, not the family's fault.
    # R8: a truncated or unreadable upload; the family uploads it again.
    Reason(
        "UPLOAD_DAMAGED",
        "上傳之檔案不完整或無法開啟，無法審核，非家屬之違規。",
        "請確認檔案可正常開啟後重新上傳，再重新提出申請或重新發佈家庭聯絡簿。",
        False,
        "both",
        None,
    ),
    # The inmate was released before the item was decided (core/rules/custody.py): nothing can be
    # handed over any more; not the family's doing, not a strike.
    Reason(
        "INMATE_RELEASED",
        "收容人已出監，本案無法審核通過，非家屬之因素，不列入退件次數。",
        "收容人出監後無須再透過本機關傳送家庭聯絡簿；如有疑問，請洽本機關聯繫窗口（社工師）。",
        False,
        "both",
        None,
    ),
    Reason(
        "OTHER_FACILITY",
        "因本機關作業因素，本次暫無法審核通過，非家屬之因素。",
        "請稍後重新提出。" + _CONTACT,
        False,
        "both",
        None,
    ),
)


def default_reasons(policy: Policy | None = None) -> tuple[Reason, ...]:
    """The default catalogue worded with the numbers of ``policy`` (the guide's defaults if None)."""
    p = policy if policy is not None else Policy()
    return tuple(worded(r, p) for r in DEFAULT_TEMPLATES)


#: The default catalogue in the guide's numbers: final words, as a facility with no override reads them.
DEFAULT_REASONS: Final[tuple[Reason, ...]] = default_reasons()


def reasons_for(item_kind: str, reasons: Iterable[Reason]) -> list[Reason]:
    """The active reasons a reviewer may choose for an item kind ("application" or "post")."""
    if item_kind not in ITEM_KINDS:
        raise ValueError(f"unknown item kind {item_kind!r}")
    return [r for r in reasons if r.active and r.applies_to in (item_kind, "both")]


def by_code(reasons: Iterable[Reason]) -> dict[str, Reason]:
    """The catalogue as a mapping from code to reason, as check_rejection and is_strike take it."""
    return {r.code: r for r in reasons}
