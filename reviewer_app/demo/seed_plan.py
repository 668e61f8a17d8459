"""What the demo seed is made of: its scenarios and constants, the facilities, the word lists it draws
from, the records it plans before writing them, and small helpers for dates and names.

The public names (`SCENARIOS`, `STAFF_USERNAME`, `SeedSummary`…) are imported from
:mod:`reviewer_app.demo.seed`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from reviewer_app.core.policy import MB
from reviewer_app.core.timeutil import local
from reviewer_app.shared_db.models import Applicant, Inmate, Post, ServiceApplication

#: The family index (within each facility) of each rule problem; all fit in the first 18 families.
#: Families 12–15 stay ordinary: the desk's tests seed 16 families and count on what those hold.
SCENARIOS: Final[dict[int, str]] = {
    0: "P4: pending post whose body is 130 characters",
    1: "P5: pending post with two photos",
    2: "P5: pending post with a 14 MB photo",
    3: "P3: pending post 10 days after an approved post",
    4: "P7: family at two strikes with a pending post",
    5: "E3: pending application, inmate under a disciplinary sanction",
    6: "E1: pending application, the only child turned 19 yesterday",
    7: "E4: approved service plus a second relative's pending application; "
    "the service's pending post has a PDF attachment",
    8: "pending post whose photo is stored sideways (EXIF orientation 6) and GPS-tagged",
    9: "E6: pending application with a wrong call number",
    10: "E5: pending application without relationship proof",
    11: "P7: suspended family (3 strikes) with a held post",
    16: "post sent again after a rejection: text changed, the photo made smaller (與前次退件比較)",
    17: "pending post whose photo another family's rejected post used (a reused picture)",
}
SCENARIO_FAMILIES: Final[int] = max(SCENARIOS) + 1

#: Which facility (in seeding order) is the juvenile one with policy overrides.
JUVENILE_INDEX: Final[int] = 1
JUVENILE_OVERRIDES: Final[dict[str, int]] = {"photo_max_bytes": 20 * MB, "post_window_days": 7}

BIG_PHOTO_BYTES: Final[int] = 14 * MB
WORKSTATION: Final[str] = "seed"


@dataclass(frozen=True)
class DemoStaff:
    """A staff member of a facility being seeded: who the desk can open as before the families are in."""

    username: str
    display_name: str
    role: str
    facility_id: int


@dataclass(frozen=True)
class SeedSummary:
    facilities: int
    families: int
    applications: int
    posts: int
    documents: int
    pending: int  # applications and posts awaiting a decision (pending or held)


@dataclass(frozen=True)
class _FacilitySpec:
    code: str
    name: str
    phone: str | None
    women: bool = False


_FACILITIES: Final[tuple[_FacilitySpec, ...]] = (
    _FacilitySpec("TTD", "法務部矯正署臺東戒治所", "(089) 581-014"),
    _FacilitySpec("TYJ", "法務部矯正署桃園少年輔育院", None),
    _FacilitySpec("TPP", "法務部矯正署臺北監獄", None),
    _FacilitySpec("TCW", "法務部矯正署臺中女子監獄", None, women=True),
    _FacilitySpec("TNP", "法務部矯正署臺南監獄", "(06) 278-1116"),
    _FacilitySpec("KSP", "法務部矯正署高雄監獄", None),
    _FacilitySpec("HLP", "法務部矯正署花蓮監獄", None),
    _FacilitySpec("ILP", "法務部矯正署宜蘭監獄", None),
)
_FIRST_STAFF: Final[tuple[tuple[str, str, str], ...]] = (
    ("reviewer", "李社工師", "reviewer"),
    ("counsellor", "黃輔導員", "counsellor"),
    ("supervisor", "陳科長", "supervisor"),
)
_STAFF_TITLES: Final[dict[str, str]] = {"reviewer": "社工師", "counsellor": "輔導員", "supervisor": "科長"}

# 與收容人關係 of ordinary families, with weights.
_RELATIONSHIP_WEIGHTS: Final[dict[str, int]] = {
    "spouse": 30,
    "mother": 20,
    "father": 7,
    "grandparent": 10,
    "sibling": 13,
    "cohabiting_with_child": 10,
    "parent_in_law": 5,
    "sibling_spouse": 5,
}
_OFF_TOPIC: Final[tuple[str, ...]] = (
    "上次說的那筆錢我已經處理好了，你那邊的事情要跟阿明說一下，他會再跟你聯絡。",
    "幫我問一下隔壁房的阿龍，他朋友欠的錢什麼時候要還，對方一直在找。",
    "你的車我先賣掉了，錢先拿去還貸款，剩下的等你出來再說。",
    "律師費的事情你自己想辦法，我這邊沒辦法再幫你出了。",
)
_PLAIN_REJECTIONS: Final[tuple[str, ...]] = ("P2_CONTENT", "P4_TOO_LONG", "P5_PHOTO", "OTHER_FACILITY")

# ---------------------------------------------------------------------------------------- building


@dataclass
class _Totals:
    facilities: int = 0
    families: int = 0
    applications: int = 0
    posts: int = 0
    documents: int = 0
    pending: int = 0


@dataclass(frozen=True)
class _PlannedDecision:
    key: str
    kind: str
    item: ServiceApplication | Post
    outcome: str
    reasons: tuple[str, ...]
    decided_at: datetime
    strike: bool


@dataclass
class _Family:
    index: int
    rng: random.Random  # names, dates, statuses
    files: random.Random  # document files only, so `full_documents` never changes the people
    inmate: Inmate
    inmate_sex: str
    full: bool  # gets files of its own


@dataclass(frozen=True)
class _Relative:
    applicant: Applicant
    relationship: str
    title: str  # 稱謂 as the relationship proof prints it


@dataclass(frozen=True)
class _Old:
    """An earlier post of a family: when, what became of it, and why if rejected."""

    submitted_at: datetime
    status: str
    reason: str | None = None
    decided_at: datetime | None = None


def _facility_code(number: int) -> str:
    spec = _FACILITIES[number % len(_FACILITIES)]
    cycle = number // len(_FACILITIES)
    return spec.code if cycle == 0 else f"{spec.code}{cycle + 1}"


def _random_day(rng: random.Random, first_year: int, last_year: int) -> date:
    start, end = date(first_year, 1, 1), date(last_year, 12, 31)
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def _photo_name(rng: random.Random, moment: datetime) -> str:
    """A file name as a phone gives it: IMG_20250314_181502.jpg (Android) or IMG_4821.JPG (iPhone)."""
    taken = local(moment) - timedelta(minutes=rng.randint(5, 60 * 24 * 6))
    if rng.random() < 0.3:
        return f"IMG_{rng.randint(1000, 9999)}.JPG"
    return f"IMG_{taken:%Y%m%d_%H%M%S}.jpg"


def _wrong_call_number(right: str) -> str:
    """A believable typo: the last two digits swapped, or the last one off by one."""
    swapped = right[:-2] + right[-1] + right[-2]
    if swapped != right:
        return swapped
    return right[:-1] + str((int(right[-1]) + 1) % 10)


def _relationship(rng: random.Random) -> str:
    return rng.choices(tuple(_RELATIONSHIP_WEIGHTS), tuple(_RELATIONSHIP_WEIGHTS.values()))[0]


def _waiting(rng: random.Random) -> timedelta:
    """How long a queue item has waited: mostly a day or two, about one in five over 72 hours."""
    return timedelta(hours=rng.triangular(1, 120, 20))
