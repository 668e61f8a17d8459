"""The queue's words: column texts in one date style (:class:`QueueTexts`), waiting times, and the
normalised text the search box matches (:func:`search_key`). Usable on a worker: Qt's translation is.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from reviewer_app.core import rules
from reviewer_app.qt import (
    QCoreApplication,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.queue.rows import Column, QueueRow


def waiting_text(seconds: int) -> str:
    """How long an item has waited, as staff say it: 45 分鐘, 5 小時, 3 天 2 小時."""
    minutes = seconds // 60
    if minutes < 60:
        return QCoreApplication.translate("QueueModel", "{minutes} min").format(minutes=minutes)
    hours = minutes // 60
    if hours < 24:
        return QCoreApplication.translate("QueueModel", "{hours} h").format(hours=hours)
    days, rest = divmod(hours, 24)
    if rest == 0:
        return QCoreApplication.translate("QueueModel", "{days} d").format(days=days)
    return QCoreApplication.translate("QueueModel", "{days} d {hours} h").format(days=days, hours=rest)


class QueueTexts:
    """The queue's column texts in one date style; labels, waiting times and claim texts, which
    repeat from row to row, are worked out once each. Usable on a worker (Qt's translation is)."""

    def __init__(self, dates: DateStyle | None = None) -> None:
        self.dates = dates or DateStyle()
        self._kinds: dict[str, str] = {}
        self._statuses: dict[str, str] = {}
        self._waiting: dict[tuple[str, int], str] = {}
        self._claims: dict[tuple[str, datetime | None, bool, bool], str] = {}

    def kind(self, code: str) -> str:
        label = self._kinds.get(code)
        if label is None:
            label = self._kinds[code] = words.item_kind(code)
        return label

    def status(self, code: str) -> str:
        label = self._statuses.get(code)
        if label is None:
            label = self._statuses[code] = words.queue_status(code)
        return label

    def waiting(self, seconds: int) -> str:
        # The text shows minutes under an hour, else hours: it is the same for the whole minute or hour.
        key = ("m", seconds // 60) if seconds < 3600 else ("h", seconds // 3600)
        text = self._waiting.get(key)
        if text is None:
            text = self._waiting[key] = waiting_text(seconds)
        return text

    def claim(self, row: QueueRow) -> str:
        key = (row.claim_holder, row.claim_expires_at, row.decidable, row.claim_expired)
        text = self._claims.get(key)
        if text is None:
            text = self._claims[key] = self._claim_text(row)
        return text

    def _claim_text(self, row: QueueRow) -> str:
        if not row.claim_holder:
            return ""
        if row.claim_expires_at is None or not row.decidable:
            return row.claim_holder
        if row.claim_expired:
            return QCoreApplication.translate("QueueModel", "{holder} (lease expired)").format(
                holder=row.claim_holder
            )
        return QCoreApplication.translate("QueueModel", "{holder} until {time}").format(
            holder=row.claim_holder, time=self.dates.time(row.claim_expires_at)
        )

    def display(self, row: QueueRow, column: Column) -> str:
        if column == Column.KIND:
            return self.kind(row.kind)
        if column == Column.FAMILY:
            return f"{row.family_name} {row.family_id_masked}"
        if column == Column.INMATE:
            return f"{row.inmate_call_number} {row.inmate_name}"
        if column == Column.SUBMITTED:
            return self.dates.datetime(row.submitted_at)
        if column == Column.WAITING:
            return self.waiting(row.waited_seconds)
        if column == Column.RULES:
            return " ".join(row.flags)
        if column == Column.CLAIM:
            return self.claim(row)
        return self.status(row.status)

    def search(self, row: QueueRow) -> str:
        """Every column's text and the title, folded (search_key): what the search box looks in."""
        return search_key(" ".join([*(self.display(row, c) for c in Column), row.title]))


#: Left out of what is searched and what is typed: characters drawn as nothing, variant selectors.
_NOT_SEARCHED = re.compile(f"[{rules.INVISIBLE_CHARACTERS}\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def search_key(text: str) -> str:
    """`text` as the search compares it: what looks the same matches. Full-width digits and letters
    folded to half-width and accents composed (NFKC), invisible characters and variant selectors left
    out, case folded."""
    return _NOT_SEARCHED.sub("", unicodedata.normalize("NFKC", text)).casefold()
