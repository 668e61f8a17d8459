"""Eligibility again at print and hand-over time (issue 22): is the inmate still someone this facility
may hand a post to today? Judged from the inmate's record as the counsellor's list last read it.

An E3 restriction in force holds the post back (暫緩轉交) until it ends: the post comes back to the
list by itself, nothing is recorded. A transferred or released inmate holds it back too; the shared
database moves a transferred inmate's posts to the new facility and closes a released inmate's as
undeliverable (shared_db/movements.py), so here that is only the short time before the list is read
again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from reviewer_app.core.items import InmateInfo
from reviewer_app.core.rules.facts import RestrictionFacts
from reviewer_app.core.vocabulary import RESTRICTION_KINDS

#: Why a post is held back when the inmate is no longer held here.
CUSTODY_HOLDS: Final[dict[str, str]] = {"transferred": "移監", "released": "出監"}
#: What the family reads on a post closed because the inmate was released (the portal's words).
RELEASED_FOR_FAMILY: Final = "收容人已出監，本則家庭聯絡簿無法轉交，已結案。"
#: Why a post closed by a release cannot go back to the list to print (a stale list's 放回待列印).
NO_RETURN_AFTER_RELEASE: Final = "收容人已出監，此聯絡簿已結案，不能放回待列印；轉交紀錄未套用"


@dataclass(frozen=True)
class HeldBack:
    """Why a post may not be printed or handed over today: a restriction's kind and its last day
    (None: until further notice), or the inmate's custody (transferred, released)."""

    code: str  # a RESTRICTION_KINDS key, or "transferred" / "released"
    until: date | None = None


def held_back(inmate: InmateInfo, today: date) -> HeldBack | None:
    if inmate.custody in CUSTODY_HOLDS:
        return HeldBack(str(inmate.custody))
    for r in inmate.restrictions:
        facts = RestrictionFacts(
            r.kind, date.fromisoformat(r.starts_on), date.fromisoformat(r.ends_on) if r.ends_on else None
        )
        if facts.active_on(today):
            return HeldBack(r.kind, facts.ends_on)
    return None


def held_back_words(why: HeldBack) -> str:
    """The reason in the facility's words (zh-TW, for the command line): 移監, 因疾病隔離中（至 12/09）."""
    if why.code in CUSTODY_HOLDS:
        return CUSTODY_HOLDS[why.code]
    kind = RESTRICTION_KINDS.get(why.code, why.code)
    return f"{kind}（至 {why.until:%m/%d}）" if why.until else f"{kind}（至另行通知）"
