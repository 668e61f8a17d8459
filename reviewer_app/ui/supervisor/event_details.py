"""An audit event's details in words: one ``label：value`` line per entry, in the desk's language (zh-TW,
English as the second), times in Taipei in the desk's date style, codes as their names.

The events' details are JSON written by many parts of the engine (decisions, suspensions, prints,
the supervisor's own actions); this is the one place that words them for people. A key not known
here is shown as it is stored, so nothing recorded is ever hidden.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from reviewer_app.core.vocabulary import STAFF_ROLES
from reviewer_app.qt import QCoreApplication
from reviewer_app.stats.figures import reason_label
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.supervisor.common import action_word

#: An ISO time as the engine stores it: 2026-11-02T16:30:00+00:00.
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")

#: Keys whose value is a code of the catalogue's reasons (one or a list).
_REASON_KEYS = frozenset({"reasons", "reason_code", "code"})
#: Keys that hold a record's identity (a UUID): shown short, the full one stays in the database.
_KEY_KEYS = frozenset({"decision_key", "print_key", "handover_key"})


# Literal QCoreApplication.translate calls: lupdate finds the texts only so.
def label(key: str) -> str:
    """A detail's name in the desk's language; an unknown key as stored."""
    labels = {
        "outcome": QCoreApplication.translate("AuditDetails", "Outcome"),
        "reasons": QCoreApplication.translate("AuditDetails", "Reasons"),
        "reason": QCoreApplication.translate("AuditDetails", "Reason"),
        "reason_code": QCoreApplication.translate("AuditDetails", "Rejection reason"),
        "family_remark": QCoreApplication.translate("AuditDetails", "Remark to the family"),
        "decision_key": QCoreApplication.translate("AuditDetails", "Decision record"),
        "number": QCoreApplication.translate("AuditDetails", "Suspension number"),
        "starts_at": QCoreApplication.translate("AuditDetails", "Starts"),
        "ends_at": QCoreApplication.translate("AuditDetails", "Ends"),
        "ends_at_before": QCoreApplication.translate("AuditDetails", "Ended before"),
        "ends_at_after": QCoreApplication.translate("AuditDetails", "Ends now"),
        "strikes": QCoreApplication.translate("AuditDetails", "Posts with strikes"),
        "suspension_id": QCoreApplication.translate("AuditDetails", "Suspension"),
        "strike_id": QCoreApplication.translate("AuditDetails", "Strike"),
        "dismissed_strike_id": QCoreApplication.translate("AuditDetails", "Dismissed strike"),
        # An appeal's decision (appeal_upheld / appeal_overturned).
        "appeal_id": QCoreApplication.translate("AuditDetails", "Appeal"),
        "reasoning": QCoreApplication.translate("AuditDetails", "Reasons for the family"),
        "first_reviewer": QCoreApplication.translate("AuditDetails", "First reviewer"),
        "strike_dismissed": QCoreApplication.translate("AuditDetails", "Strike dismissed"),
        "suspension_ended": QCoreApplication.translate("AuditDetails", "Suspension ended"),
        "code": QCoreApplication.translate("AuditDetails", "Reason code"),
        "after": QCoreApplication.translate("AuditDetails", "Saved as"),
        "changed": QCoreApplication.translate("AuditDetails", "Changed"),
        "filter": QCoreApplication.translate("AuditDetails", "Search"),
        "rows": QCoreApplication.translate("AuditDetails", "Events found"),
        "print_key": QCoreApplication.translate("AuditDetails", "Print record"),
        "handover_key": QCoreApplication.translate("AuditDetails", "Hand-over record"),
        "batch": QCoreApplication.translate("AuditDetails", "Print run"),
        "copies": QCoreApplication.translate("AuditDetails", "Copies"),
        "by": QCoreApplication.translate("AuditDetails", "Handed over by"),
        "at": QCoreApplication.translate("AuditDetails", "Handed over at"),
        "note": QCoreApplication.translate("AuditDetails", "Note"),
        "username": QCoreApplication.translate("AuditDetails", "Account"),
        "display_name": QCoreApplication.translate("AuditDetails", "Name"),
        "role": QCoreApplication.translate("AuditDetails", "Role"),
        # A reason's fields (reason_create / reason_update).
        "text": QCoreApplication.translate("AuditDetails", "Reason the family reads"),
        "suggestion": QCoreApplication.translate("AuditDetails", "Suggestion"),
        "counts_as_strike": QCoreApplication.translate("AuditDetails", "Counts as a strike"),
        "applies_to": QCoreApplication.translate("AuditDetails", "Applies to"),
        "rule_id": QCoreApplication.translate("AuditDetails", "Rule"),
        "active": QCoreApplication.translate("AuditDetails", "Active"),
        "sort_order": QCoreApplication.translate("AuditDetails", "Order"),
        # The audit trail's own search (audit_view).
        "staff": QCoreApplication.translate("AuditDetails", "Staff"),
        "action": QCoreApplication.translate("AuditDetails", "Action"),
        "since": QCoreApplication.translate("AuditDetails", "From"),
        "until": QCoreApplication.translate("AuditDetails", "Until"),
        "family": QCoreApplication.translate("AuditDetails", "Family"),
        "inmate": QCoreApplication.translate("AuditDetails", "Inmate"),
    }
    return labels.get(key, key)


def _outcome(code: str) -> str:
    labels = {
        "approve": words.outcome("approve"),
        "reject": words.outcome("reject"),
        "delivered": QCoreApplication.translate("AuditDetails", "Delivered"),
        "undeliverable": QCoreApplication.translate("AuditDetails", "Could not be delivered"),
    }
    return labels.get(code, code)


def _scalar(key: str, value: Any, dates: DateStyle) -> str:
    if value is None:
        return QCoreApplication.translate("AuditDetails", "(none)")  # not "—": it reads as 一
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditDetails", "Yes")
            if value
            else QCoreApplication.translate("AuditDetails", "No")
        )
    if isinstance(value, str):
        if _ISO_TIME.match(value):
            try:
                return dates.datetime(datetime.fromisoformat(value.replace("Z", "+00:00")))
            except ValueError:
                return value
        if key == "outcome":
            return _outcome(value)
        if key in _REASON_KEYS:
            return reason_label(value)
        if key == "role":
            return STAFF_ROLES.get(value, value)
        if key == "action":
            return action_word(value)
        if key in _KEY_KEYS:
            return value[:8]
        return value
    return str(value)


def value_text(key: str, value: Any, dates: DateStyle) -> str:
    """A detail's value in words: times local, codes named, lists joined, a change as before → after."""
    if isinstance(value, Mapping):
        if not value:
            return QCoreApplication.translate("AuditDetails", "(all)")  # an empty search: everything
        if key == "changed":
            return QCoreApplication.translate("AuditDetails", "; ").join(
                f"{label(k)}：{_scalar(k, v[0], dates)} → {_scalar(k, v[1], dates)}"
                if isinstance(v, list | tuple) and len(v) == 2
                else f"{label(k)}：{value_text(k, v, dates)}"
                for k, v in value.items()
            )
        return QCoreApplication.translate("AuditDetails", "; ").join(
            f"{label(k)}：{value_text(k, v, dates)}" for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        if key == "strikes":
            return "、".join(f"#{v}" for v in value)
        return "、".join(_scalar(key, v, dates) for v in value)
    if key in {"suspension_id", "strike_id", "dismissed_strike_id"}:
        return f"#{value}"
    return _scalar(key, value, dates)


def detail_lines(detail: Mapping[str, Any], dates: DateStyle) -> list[str]:
    """Each entry of an event's details as ``label：value``."""
    return [f"{label(key)}：{value_text(key, value, dates)}" for key, value in detail.items()]


def detail_summary(detail: Mapping[str, Any], dates: DateStyle) -> str:
    """The lines on one row of the list."""
    return QCoreApplication.translate("AuditDetails", "; ").join(detail_lines(detail, dates))
