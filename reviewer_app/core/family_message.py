"""What the family reads, composed in one place (R9; Qt-free): a rejection and why a post waits.

Always zh-TW, with dates as the portal writes them (2026/12/02), whatever the desk's language or date
style. A rejection is the text stored as the decision's ``message_to_family`` and shown on the portal
behind [審核未通過]; the reject dialog previews exactly this string.

A suspension is named by its last whole day (``timeutil.last_full_day``): one that ends at 00:30 on
04/30 lasts "through 04/29", and review resumes on 04/30.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Final

from reviewer_app.core.formats import date_text
from reviewer_app.core.messages import FINDING_TEXTS, family_text
from reviewer_app.core.policy import Policy
from reviewer_app.core.reasons import Reason
from reviewer_app.core.rules import Finding
from reviewer_app.core.timeutil import last_full_day, local

#: The longest remark a reviewer may add for the family (characters, after trimming).
REMARK_MAX_CHARS: Final = 100


def family_remark(text: str | None) -> str | None:
    """The reviewer's remark as the family reads it: on one line, trimmed; None when empty.

    ValueError when longer than :data:`REMARK_MAX_CHARS` (the dialog never lets it get that long).
    """
    remark = " ".join((text or "").split())
    if len(remark) > REMARK_MAX_CHARS:
        raise ValueError(f"a remark for the family has at most {REMARK_MAX_CHARS} characters: {len(remark)}")
    return remark or None


def _suspension_span(ends_at: datetime) -> tuple[str, str]:
    """How a suspension's end is said: its last whole day and the day review resumes."""
    return date_text(last_full_day(ends_at)), date_text(local(ends_at).date())


def suspension_hold_reason(ends_at: datetime, strike_threshold: int) -> str:
    """Why a post waits while its family's posting is suspended (a post's ``held_reason``, ≤ 200)."""
    through, resumes = _suspension_span(ends_at)
    return (
        f"家庭聯絡簿經審查退件累計達 {strike_threshold} 次，發佈權限暫停至 {through}（含）止；"
        f"本則暫緩審核，暫停期滿後（{resumes} 起）依序審核。"
    )


def _suspension_notice(ends_at: datetime, policy: Policy) -> str:
    """What a rejection that suspends the family's posting adds (P7)."""
    through, resumes = _suspension_span(ends_at)
    return (
        f"本次退件後，家庭聯絡簿經審查退件累計達 {policy.strike_threshold} 次，"
        f"發佈權限暫停 {policy.suspension_months} 個月，至 {through}（含）止；"
        f"暫停期間發佈之家庭聯絡簿暫緩審核，暫停期滿後（{resumes} 起）依序審核。"
    )


def _specifics(reason: Reason, findings: Sequence[Finding], policy: Policy) -> str:
    """What this item did, by the rules' findings behind the reason (which document, how many…).

    Only findings that block approval name specifics (P2's reminder is the reviewer's to judge); words
    the reason's own text already says are not repeated.
    """
    said: list[str] = []
    for f in findings:
        text = FINDING_TEXTS.get(f.code)
        if not f.blocks or f.reason_code != reason.code or text is None or text.family is None:
            continue
        words = family_text(f.code, f.values, policy)
        if words not in reason.text and words not in said:
            said.append(words)
    return "".join(said)


def rejection_message(
    reasons: Sequence[Reason],
    findings: Iterable[Finding],
    policy: Policy,
    *,
    suspended_until: datetime | None = None,
    remark: str | None = None,
) -> str:
    """The family's message for a rejection with ``reasons`` (in the order given).

    Each reason: its text, what this item did (說明, from the item's findings of that reason, with the
    facility's numbers), what to do (建議); numbered when there are several. Then, for a rejection that
    suspends the family's posting (``suspended_until``: when that suspension ends), the suspension and
    its last whole day; last, the reviewer's remark (:func:`family_remark`).
    """
    found = list(findings)
    numbered = len(reasons) > 1
    parts = []
    for number, reason in enumerate(reasons, start=1):
        lines = [f"{number}. {reason.text}" if numbered else reason.text]
        specifics = _specifics(reason, found, policy)
        if specifics:
            lines.append(f"說明：{specifics}")
        lines.append(f"建議：{reason.suggestion}")
        parts.append("\n".join(lines))
    if suspended_until is not None:
        parts.append(_suspension_notice(suspended_until, policy))
    cleaned = family_remark(remark)
    if cleaned is not None:
        parts.append(f"審核人員說明：{cleaned}")
    return "\n\n".join(parts)
