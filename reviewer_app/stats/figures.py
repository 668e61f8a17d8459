"""A month's statistics as labelled rows: the one list the statistics table and the report both show.

Labels are zh-TW, in the words of the guide; each row also has a stable key (``posts.rejected``,
``reasons.post.P2_CONTENT``…) for whoever processes the agency's monthly return by machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from reviewer_app.core.timeutil import local
from reviewer_app.core.vocabulary import ITEM_KINDS
from reviewer_app.stats.queries import Durations, MonthStatistics

#: Short names of the catalogue's reasons for charts and tables (the catalogue's own text is what the
#: family reads, a sentence or two). A supervisor's own reason shows its code.
REASON_LABELS: Final[dict[str, str]] = {
    "E1_NO_MINOR_CHILD": "無 18 歲以下子女（E1）",
    "E2_RELATIONSHIP": "關係不符（E2）",
    "E3_RESTRICTED": "收容人限制期間（E3）",
    "E4_DUPLICATE": "重複申請（E4）",
    "E5_MISSING_DOCS": "文件不完整（E5）",
    "E5_UNCLEAR_PHOTO": "照片不清晰（E5）",
    "E6_WRONG_CALL_NUMBER": "呼號有誤（E6）",
    "OTHER_APPLICATION": "其他需補正",
    "P1_NO_SERVICE": "服務未通過（P1）",
    "P2_CONTENT": "內容不符（P2）",
    "P3_WINDOW": "未滿發佈間隔（P3）",
    "P4_TOO_LONG": "內文超過字數（P4）",
    "P4_EMPTY": "未填標題內文（P4）",
    "P5_PHOTO": "照片張數或大小（P5）",
    "P6_ATTACHMENT": "附件格式或大小（P6）",
    "P7_SUSPENDED": "發佈權限暫停中（P7）",
    "E1_ENDED": "子女已逾年齡（E1）",
    "UPLOAD_DAMAGED": "檔案損壞需重傳",
    "OTHER_FAMILY": "其他未依規定",
    "INMATE_RELEASED": "收容人已出監",
    "OTHER_FACILITY": "機關作業因素",
}

#: The backlog's age buckets (keys of queries.BACKLOG_BOUNDS).
BACKLOG_LABELS: Final[dict[str, str]] = {
    "under_1d": "未滿 1 天",
    "1d_to_3d": "1–3 天",
    "3d_to_7d": "3–7 天",
    "over_7d": "7 天以上",
}

ALL_FACILITIES_CODE: Final[str] = "ALL"
ALL_FACILITIES_NAME: Final[str] = "全部機關"

COUNT: Final[str] = "件"
TIMES: Final[str] = "次"
HOURS: Final[str] = "小時"
PERCENT: Final[str] = "%"


def reason_label(code: str) -> str:
    return REASON_LABELS.get(code, code)


@dataclass(frozen=True)
class FigureRow:
    key: str
    section: str
    item: str
    value: int | float | None  # None: nothing to measure (shown as —)
    unit: str
    #: beside a reviewer's figure: the facility's (for all facilities: the programme's)
    facility_value: int | float | None = None


def hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 1)


def percent(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100, 1)


def format_value(value: int | float | None, unit: str) -> str:
    """As the table shows it: 12, 15.0 小時 → "15.0", 36.4 % → "36.4%", nothing → "—"."""
    if value is None:
        return "—"
    if unit == PERCENT:
        return f"{value:.1f}%"
    if isinstance(value, float):
        return f"{value:.1f}"
    return f"{value:,}"


def facility_name(stats: MonthStatistics) -> str:
    return stats.facility.name if stats.facility is not None else ALL_FACILITIES_NAME


def figure_rows(stats: MonthStatistics) -> tuple[FigureRow, ...]:
    rows: list[FigureRow] = []

    def add(
        key: str,
        section: str,
        item: str,
        value: int | float | None,
        unit: str = COUNT,
        facility_value: int | float | None = None,
    ) -> None:
        rows.append(FigureRow(key, section, item, value, unit, facility_value))

    for kind, counts in (("application", stats.applications), ("post", stats.posts)):
        section = ITEM_KINDS[kind]
        prefix = "applications" if kind == "application" else "posts"
        add(f"{prefix}.received", section, "收件", counts.received)
        add(f"{prefix}.approved", section, "審核通過", counts.approved)
        add(f"{prefix}.rejected", section, "審核未通過", counts.rejected)
    add("posts.printed", ITEM_KINDS["post"], "已列印", stats.posts_printed)
    add("posts.handed_over", ITEM_KINDS["post"], "已轉交", stats.posts_handed_over)

    for kind in ("post", "application"):
        section = f"{ITEM_KINDS[kind]}未通過原因"
        for reason in stats.reasons(kind):
            add(f"reasons.{kind}.{reason.code}", section, reason_label(reason.code), reason.count)

    section = "違規與停權"
    add("strikes", section, "違規計次（P7）", stats.strikes, TIMES)
    add("strikes.dismissed", section, "違規計次撤銷", stats.strikes_dismissed, TIMES)
    add("suspensions", section, "暫停發佈權限", stats.suspensions, TIMES)
    add("suspensions.lifted", section, "提前解除暫停", stats.suspensions_lifted, TIMES)

    section = "申覆"
    add("appeals.received", section, "收到申覆", stats.appeals.received)
    add("appeals.upheld", section, "維持原退件決定", stats.appeals.upheld)
    add("appeals.overturned", section, "撤銷原退件決定", stats.appeals.overturned)

    section = "處理時間"
    timings: tuple[tuple[str, str, Durations], ...] = (
        ("application_decision", "服務項目申請：送件至決定", stats.application_decision_time),
        ("post_decision", "家庭聯絡簿：送件至決定", stats.post_decision_time),
        ("handover", "家庭聯絡簿：審核通過至轉交", stats.handover_time),
    )
    for key, label, durations in timings:
        add(f"time.{key}.count", section, f"{label}（件數）", durations.count)
        add(f"time.{key}.median", section, f"{label}（中位數）", hours(durations.median), HOURS)
        add(f"time.{key}.p90", section, f"{label}（第 90 百分位）", hours(durations.p90), HOURS)

    target = stats.service_target
    days = "" if target.target_days is None else f"：{target.target_days} 個工作天"
    section = f"服務時限（送件至決定{days}）"
    add("service_target.within", section, "期限內決定", target.within)
    add("service_target.late", section, "逾期決定", target.late)
    add("service_target.rate", section, "期限內決定比率", percent(target.rate), PERCENT)

    section = f"待審積案（截至 {local(stats.as_of):%Y/%m/%d %H:%M}）"
    for bucket in stats.backlog:
        age = BACKLOG_LABELS.get(bucket.key, bucket.key)
        add(
            f"backlog.{bucket.key}.applications",
            section,
            f"{ITEM_KINDS['application']}：{age}",
            bucket.applications,
        )
        add(f"backlog.{bucket.key}.posts", section, f"{ITEM_KINDS['post']}：{age}", bucket.posts)

    section = "審核人員"
    overall = percent(stats.rejection_rate)
    whole = "機關整體" if stats.facility is not None else ALL_FACILITIES_NAME
    add("facility.decisions", section, f"{whole}：決定件數", stats.decisions)
    add("facility.rejection_rate", section, f"{whole}：退件率", overall, PERCENT)
    for reviewer in stats.reviewers:
        name = reviewer.display_name
        if name != reviewer.username:
            name = f"{name}（{reviewer.username}）"
        add(
            f"reviewer.{reviewer.username}.decisions",
            section,
            f"{name}：決定件數",
            reviewer.decisions,
            COUNT,
            stats.decisions,  # beside it the whole facility's, as beside the rate
        )
        add(
            f"reviewer.{reviewer.username}.rejection_rate",
            section,
            f"{name}：退件率",
            percent(reviewer.rejection_rate),
            PERCENT,
            overall,
        )
    return tuple(rows)
