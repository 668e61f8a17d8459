"""What the family reads when their appeal is decided (zh-TW, Qt-free): the outcome named, the reasons
given by the member who looked again, and what follows for the family (a strike gone, a suspension
ended, how to send the item again)."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from reviewer_app.core.formats import date_text
from reviewer_app.core.timeutil import local

#: The outcomes as the family reads them.
OUTCOME_WORDS: Final[dict[str, str]] = {"upheld": "維持原退件決定", "overturned": "撤銷原退件決定"}
#: The longest reasoning a member may write for the family (characters, after trimming).
REASONING_MAX_CHARS: Final = 300


def reasoning_text(text: str) -> str:
    """The member's reasoning on one line, trimmed. ValueError when empty or too long."""
    reasoning = " ".join(text.split())
    if len(reasoning) < 2:
        raise ValueError("請填寫申覆結果的理由（至少 2 個字）")
    if len(reasoning) > REASONING_MAX_CHARS:
        raise ValueError(f"申覆結果的理由請在 {REASONING_MAX_CHARS} 字以內")
    return reasoning


def item_words(item_kind: str, title: str | None) -> str:
    return f"家庭聯絡簿「{title}」" if item_kind == "post" else "服務項目申請"


def appeal_reply(
    outcome: str,
    item_kind: str,
    title: str | None,
    appealed_at: datetime,
    reasoning: str,
    *,
    strike_removed: bool = False,
    suspension_ended: bool = False,
) -> str:
    """The reply stored with the appeal and shown on the portal."""
    reason = reasoning_text(reasoning)
    if not reason.endswith(("。", "！", "？")):
        reason += "。"
    parts = [
        f"您於 {date_text(local(appealed_at).date())} 對{item_words(item_kind, title)}退件提出之申覆，"
        f"經本機關另一位人員重新審查，結果：{OUTCOME_WORDS[outcome]}。",
        f"理由：{reason}",
    ]
    if outcome == "overturned":
        if strike_removed:
            parts.append("此次退件不再計入違規次數。")
        if suspension_ended:
            parts.append("因此暫停之家庭聯絡簿發佈權限已恢復。")
        if item_kind == "post":
            parts.append("您可隨時重新發佈此則家庭聯絡簿。")
        else:
            parts.append("您可隨時重新提出服務項目申請。")
    else:
        parts.append("每次退件僅能申覆一次。")
    return "".join(parts)
