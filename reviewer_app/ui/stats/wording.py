"""The statistics' words in the desk's language (context ``StatisticsWords``).

:mod:`reviewer_app.stats` has no Qt: its rows (:func:`~reviewer_app.stats.figures.figure_rows`) carry
zh-TW labels for the agency's report, which stays zh-TW. On screen each row is worded again from its
stable key (``appeals.received``, ``reasons.post.P2_CONTENT``…), so a switch of 設定 > 語言 rewords the
table and the charts at once. A key not known here keeps the report's words.
"""

from __future__ import annotations

from reviewer_app.core.timeutil import local
from reviewer_app.qt import QCoreApplication
from reviewer_app.stats.figures import HOURS, FigureRow, reason_label
from reviewer_app.stats.months import Month
from reviewer_app.stats.results import MonthStatistics
from reviewer_app.ui.common.words import item_kind


def month_short(month: Month) -> str:
    """Under a chart's point: "Nov" (zh-TW 11月)."""
    names = (
        QCoreApplication.translate("StatisticsWords", "Jan"),
        QCoreApplication.translate("StatisticsWords", "Feb"),
        QCoreApplication.translate("StatisticsWords", "Mar"),
        QCoreApplication.translate("StatisticsWords", "Apr"),
        QCoreApplication.translate("StatisticsWords", "May"),
        QCoreApplication.translate("StatisticsWords", "Jun"),
        QCoreApplication.translate("StatisticsWords", "Jul"),
        QCoreApplication.translate("StatisticsWords", "Aug"),
        QCoreApplication.translate("StatisticsWords", "Sep"),
        QCoreApplication.translate("StatisticsWords", "Oct"),
        QCoreApplication.translate("StatisticsWords", "Nov"),
        QCoreApplication.translate("StatisticsWords", "Dec"),
    )
    return names[month.month - 1]


def month_label(month: Month) -> str:
    """ "Nov 2026" (zh-TW 2026 年 11月)."""
    return QCoreApplication.translate("StatisticsWords", "{name} {year}").format(
        name=month_short(month), year=month.year
    )


def all_facilities() -> str:
    return QCoreApplication.translate("StatisticsWords", "All facilities")


def whole_facility() -> str:
    return QCoreApplication.translate("StatisticsWords", "Whole facility")


def whole(stats: MonthStatistics) -> str:
    """What a reviewer is compared with: the facility, or all facilities together."""
    return whole_facility() if stats.facility is not None else all_facilities()


def count(n: int | float) -> str:
    """A count of cases at a bar's end: "3" (zh-TW 3 件)."""
    return QCoreApplication.translate("StatisticsWords", "{n}", "a count of cases").format(n=f"{n:,.0f}")


def unit_after_value(unit: str) -> str:
    """The unit written after a value in the table ("" for counts and percentages)."""
    if unit == HOURS:
        return QCoreApplication.translate("StatisticsWords", "hours")
    return ""


def reason(code: str) -> str:
    """A catalogue reason's short name, short enough for a chart's bar (a supervisor's own reason: its
    code)."""
    names = {
        "E1_NO_MINOR_CHILD": QCoreApplication.translate("StatisticsWords", "No minor child (E1)"),
        "E2_RELATIONSHIP": QCoreApplication.translate("StatisticsWords", "Not eligible (E2)"),
        "E3_RESTRICTED": QCoreApplication.translate("StatisticsWords", "Restriction (E3)"),
        "E4_DUPLICATE": QCoreApplication.translate("StatisticsWords", "Duplicate (E4)"),
        "E5_MISSING_DOCS": QCoreApplication.translate("StatisticsWords", "Missing docs (E5)"),
        "E5_UNCLEAR_PHOTO": QCoreApplication.translate("StatisticsWords", "Photo unclear (E5)"),
        "E6_WRONG_CALL_NUMBER": QCoreApplication.translate("StatisticsWords", "Wrong call no. (E6)"),
        "OTHER_APPLICATION": QCoreApplication.translate("StatisticsWords", "Needs completing"),
        "P1_NO_SERVICE": QCoreApplication.translate("StatisticsWords", "No service (P1)"),
        "P2_CONTENT": QCoreApplication.translate("StatisticsWords", "Off-topic (P2)"),
        "P3_WINDOW": QCoreApplication.translate("StatisticsWords", "Too soon (P3)"),
        "P4_TOO_LONG": QCoreApplication.translate("StatisticsWords", "Text too long (P4)"),
        "P4_EMPTY": QCoreApplication.translate("StatisticsWords", "Empty (P4)"),
        "P5_PHOTO": QCoreApplication.translate("StatisticsWords", "Photos (P5)"),
        "P6_ATTACHMENT": QCoreApplication.translate("StatisticsWords", "Attachment (P6)"),
        "P7_SUSPENDED": QCoreApplication.translate("StatisticsWords", "Suspended (P7)"),
        "E1_ENDED": QCoreApplication.translate("StatisticsWords", "Child over age (E1)"),
        "UPLOAD_DAMAGED": QCoreApplication.translate("StatisticsWords", "Damaged file"),
        "OTHER_FAMILY": QCoreApplication.translate("StatisticsWords", "Rules not followed"),
        "INMATE_RELEASED": QCoreApplication.translate("StatisticsWords", "Inmate released"),
        "OTHER_FACILITY": QCoreApplication.translate("StatisticsWords", "Facility reasons"),
    }
    return names.get(code, reason_label(code))


def backlog_age(key: str) -> str:
    names = {
        "under_1d": QCoreApplication.translate("StatisticsWords", "Under 1 day"),
        "1d_to_3d": QCoreApplication.translate("StatisticsWords", "1–3 days"),
        "3d_to_7d": QCoreApplication.translate("StatisticsWords", "3–7 days"),
        "over_7d": QCoreApplication.translate("StatisticsWords", "7 days or more"),
    }
    return names.get(key, key)


def _counts_item(what: str) -> str | None:
    return {
        "received": QCoreApplication.translate("StatisticsWords", "Received"),
        "approved": QCoreApplication.translate("StatisticsWords", "Approved"),
        "rejected": QCoreApplication.translate("StatisticsWords", "Not approved"),
        "printed": QCoreApplication.translate("StatisticsWords", "Printed"),
        "handed_over": QCoreApplication.translate("StatisticsWords", "Handed over"),
    }.get(what)


def _timing(key: str, measure: str) -> str | None:
    what = {
        "application_decision": QCoreApplication.translate(
            "StatisticsWords", "Service application: submitted to decided"
        ),
        "post_decision": QCoreApplication.translate(
            "StatisticsWords", "Contact-book post: submitted to decided"
        ),
        "handover": QCoreApplication.translate(
            "StatisticsWords", "Contact-book post: approved to handed over"
        ),
    }.get(key)
    how = {
        "count": QCoreApplication.translate("StatisticsWords", "{what} (cases)"),
        "median": QCoreApplication.translate("StatisticsWords", "{what} (median)"),
        "p90": QCoreApplication.translate("StatisticsWords", "{what} (90th percentile)"),
    }.get(measure)
    return None if what is None or how is None else how.format(what=what)


def _reviewer_name(stats: MonthStatistics, username: str) -> str:
    for reviewer in stats.reviewers:
        if reviewer.username == username:
            if reviewer.display_name != username:
                return QCoreApplication.translate("StatisticsWords", "{name} ({username})").format(
                    name=reviewer.display_name, username=username
                )
            return username
    return username


def row_words(row: FigureRow, stats: MonthStatistics) -> tuple[str, str]:
    """A figure's section title and name in the desk's language (the report's words if unknown)."""
    words = _row_words(row.key, stats)
    return words if words is not None else (row.section, row.item)


def _row_words(key: str, stats: MonthStatistics) -> tuple[str, str] | None:
    head, _, rest = key.partition(".")
    if head in ("applications", "posts"):
        item = _counts_item(rest)
        return None if item is None else (item_kind(head[:-1]), item)
    if head == "reasons":
        kind, _, code = rest.partition(".")
        section = QCoreApplication.translate("StatisticsWords", "{kind}: reasons for not approving")
        return section.format(kind=item_kind(kind)), reason(code)
    if head in ("strikes", "suspensions"):
        section = QCoreApplication.translate("StatisticsWords", "Strikes and suspensions")
        item = {
            "strikes": QCoreApplication.translate("StatisticsWords", "Strikes (P7)"),
            "strikes.dismissed": QCoreApplication.translate("StatisticsWords", "Strikes dismissed"),
            "suspensions": QCoreApplication.translate("StatisticsWords", "Posting suspended"),
            "suspensions.lifted": QCoreApplication.translate("StatisticsWords", "Suspensions lifted early"),
        }.get(key)
        return None if item is None else (section, item)
    if head == "appeals":
        item = {
            "received": QCoreApplication.translate("StatisticsWords", "Appeals received"),
            "upheld": QCoreApplication.translate("StatisticsWords", "Rejection upheld"),
            "overturned": QCoreApplication.translate("StatisticsWords", "Rejection overturned"),
        }.get(rest)
        return None if item is None else (QCoreApplication.translate("StatisticsWords", "Appeals"), item)
    if head == "time":
        what, _, measure = rest.partition(".")
        item = _timing(what, measure)
        section = QCoreApplication.translate("StatisticsWords", "Handling time")
        return None if item is None else (section, item)
    if head == "service_target":
        days = stats.service_target.target_days
        section = (
            QCoreApplication.translate("StatisticsWords", "Service target (submitted to decided)")
            if days is None
            else QCoreApplication.translate(
                "StatisticsWords", "Service target (submitted to decided: {days} working days)"
            ).format(days=days)
        )
        item = {
            "within": QCoreApplication.translate("StatisticsWords", "Decided in time"),
            "late": QCoreApplication.translate("StatisticsWords", "Decided late"),
            "rate": QCoreApplication.translate("StatisticsWords", "Share decided in time"),
        }.get(rest)
        return None if item is None else (section, item)
    if head == "backlog":
        bucket, _, kind = rest.partition(".")
        section = QCoreApplication.translate("StatisticsWords", "Waiting for review (as of {time})").format(
            time=f"{local(stats.as_of):%Y/%m/%d %H:%M}"
        )
        item = QCoreApplication.translate("StatisticsWords", "{kind}: {age}")
        return section, item.format(kind=item_kind(kind[:-1]), age=backlog_age(bucket))
    if head in ("facility", "reviewer"):
        section = QCoreApplication.translate("StatisticsWords", "Reviewers")
        who, _, measure = rest.rpartition(".") if head == "reviewer" else ("", "", rest)
        name = whole(stats) if head == "facility" else _reviewer_name(stats, who)
        how = {
            "decisions": QCoreApplication.translate("StatisticsWords", "{name}: decisions"),
            "rejection_rate": QCoreApplication.translate("StatisticsWords", "{name}: rejection rate"),
        }.get(measure)
        return None if how is None else (section, how.format(name=name))
    return None
