"""The decision panel's second look at an item (issue 21 items 3 and 4): a warning when another
family used the same picture, and for an item sent again after a rejection the comparison with the
rejected one (與前次退件比較: the reasons given, the text changes marked, each picture the same,
similar or different, each document replaced or not).

Both are asked of the shared database on the network worker (sync/resubmission.py,
sync/image_hashes.py), never on the GUI thread; an answer for an item no longer shown is dropped.
The question waits until the window has painted the item (``painted``, or ``ASK_AFTER_MS`` when
nobody says so): its queries hold the interpreter on the worker while the next item is drawn, which
made the next item after a decision come up later by half again on PostgreSQL.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.exc import DBAPIError, OperationalError

from reviewer_app.qt import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.sync.image_hashes import Reuse, reused_images
from reviewer_app.sync.resubmission import Comparison, DocumentChange, Segment, compare
from reviewer_app.sync.service import Sync
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.operations import Operation
from reviewer_app.ui.desk.desk_data import ItemDetail

log = logging.getLogger(__name__)

#: When nobody says the item is painted (``painted``), the question goes ahead after this long.
ASK_AFTER_MS = 150

_KIND = {"application": "服務項目申請", "post": "家庭聯絡簿"}
_STATUS = {"pending": "審核中", "held": "審核中", "approved": "審核通過", "rejected": "審核未通過"}


class SecondLook(QGroupBox):
    """Hidden unless there is something to say about the shown item."""

    def __init__(self, parent: QWidget | None = None, ask_after_ms: int = ASK_AFTER_MS) -> None:
        super().__init__(parent)
        self.setObjectName("secondLook")
        #: The question about the shown item, waiting for the window to paint it.
        self._waiting: Callable[[], None] | None = None
        self._ask_timer = QTimer(self)
        self._ask_timer.setSingleShot(True)
        self._ask_timer.setInterval(ask_after_ms)
        self._ask_timer.timeout.connect(self.painted)
        self.setTitle(self.tr("Since the rejection, and reused pictures"))
        self._sync: Sync | None = None
        self._key: tuple[str, int] | None = None
        self._asking = False  # a question about the shown item is on its way
        self._comparison: Comparison | None = None
        #: the desk's date style (ROC years or not), set by the decision panel
        self.dates = DateStyle()
        self.reuse_label = QLabel()
        self.reuse_label.setObjectName("reusedImageWarning")
        self.reuse_label.setWordWrap(True)
        self.reuse_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reuse_label.setStyleSheet("color: #9a3412;")
        self.summary = QLabel()
        self.summary.setObjectName("resubmissionSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.compare_button = QPushButton(self.tr("Compare with the rejected one…"))
        self.compare_button.setObjectName("compareWithRejected")
        self.compare_button.setAutoDefault(False)
        self.compare_button.clicked.connect(self.open_comparison)
        layout = QVBoxLayout(self)
        for widget in (self.reuse_label, self.summary, self.compare_button):
            layout.addWidget(widget)
        self._clear()

    def set_sync(self, sync: Sync | None) -> None:
        self._sync = sync

    def _clear(self) -> None:
        self._comparison = None
        self.reuse_label.hide()
        self.summary.hide()
        self.compare_button.hide()
        self.hide()

    def show_item(self, detail: ItemDetail | None) -> None:
        """Ask about the item shown; the same item shown again (the desk reloads after each pull's
        document checks, which hash its pictures) is asked again unless a question is on its way."""
        key = (detail.kind, detail.item_id) if detail is not None else None
        if key == self._key and (self._asking or key is None):
            return
        if key != self._key:
            self._key, self._asking = key, False  # an answer about the item before is dropped
            self._waiting = None
            self._clear()
        sync = self._sync
        if detail is None or sync is None:
            return
        doc_ids = [doc.id for doc in detail.snapshot.documents]
        kind, item_id = key or ("", 0)
        facility = sync.who.facility_id

        def work() -> tuple[Comparison | None, dict[int, Reuse]]:
            return (
                compare(sync.engine, sync.documents, kind, item_id),
                reused_images(sync.engine, facility, doc_ids),
            )

        def ask() -> None:
            Operation(work, owner=self, name="second look").success(
                lambda found: self._show(key, *found)
            ).failure(lambda exc: self._failed(key, exc)).run_in_background(executors.network())

        self._asking = True
        self._waiting = ask
        self._ask_timer.start()

    def waiting_for_paint(self) -> bool:
        """A question about the shown item waits for the window to paint it."""
        return self._waiting is not None

    def painted(self) -> None:
        """The window shows the item: its question goes to the shared database now."""
        self._ask_timer.stop()
        ask, self._waiting = self._waiting, None
        if ask is not None:
            ask()

    def _failed(self, key: tuple[str, int] | None, exc: BaseException) -> None:
        if key == self._key:
            self._asking = False
        # Offline the desk works from the journal: the second look waits for the shared database.
        level = logging.INFO if isinstance(exc, (OperationalError, DBAPIError)) else logging.WARNING
        log.log(level, "the second look at %s failed: %s", key, type(exc).__name__)

    def _show(
        self, key: tuple[str, int] | None, comparison: Comparison | None, reuse: dict[int, Reuse]
    ) -> None:
        if key != self._key:  # the reviewer has moved on
            return
        self._asking = False
        self._comparison = comparison
        lines = [self._reuse_words(r) for r in reuse.values()]
        self.reuse_label.setText("⚠ " + "\n⚠ ".join(lines) if lines else "")
        self.reuse_label.setVisible(bool(lines))
        if comparison is not None:
            self.summary.setText(self.summary_words(comparison))
        self.summary.setVisible(comparison is not None)
        self.compare_button.setVisible(comparison is not None)
        self.setVisible(bool(lines) or comparison is not None)

    def _reuse_words(self, reuse: Reuse) -> str:
        named = "、".join(
            f"{_KIND.get(o.kind, o.kind)} #{o.item_id}（{_STATUS.get(o.status, o.status)}）"
            for o in reuse.named
        )
        if named and reuse.elsewhere:
            return (
                self.tr(
                    "Same or nearly the same picture used by another family: %1; and %2 time(s) elsewhere"
                )
                .replace("%1", named)
                .replace("%2", str(reuse.elsewhere))
            )
        if named:
            return self.tr("Same or nearly the same picture used by another family: %1").replace("%1", named)
        return self.tr("Same or nearly the same picture used at other facilities: %1 time(s)").replace(
            "%1", str(reuse.elsewhere)
        )

    def summary_words(self, c: Comparison) -> str:
        changed = sum(1 for d in c.documents if d.status != "unchanged")
        earlier = f"{_KIND.get(c.kind, c.kind)} #{c.earlier_id}"
        words = [self.tr("Sent again after the rejection of %1.").replace("%1", earlier)]
        if c.kind == "post":
            words.append(self.tr("Text changed.") if c.text_changed else self.tr("Text not changed."))
        replaced = self.tr("Documents replaced or added: %1 of %2.")
        words.append(replaced.replace("%1", str(changed)).replace("%2", str(len(c.documents))))
        return " ".join(words)

    def open_comparison(self) -> None:
        if self._comparison is not None:
            ComparisonDialog(self._comparison, self.dates, self).open()


def _marked(segments: tuple[Segment, ...]) -> str:
    removed = "background-color:#fde2e1;color:#9b1c1c;text-decoration:line-through"
    added = "background-color:#dcfce7;color:#14532d;text-decoration:underline"
    out = []
    for seg in segments:
        text = html.escape(seg.text)
        if seg.change == "removed":
            out.append(f'<span style="{removed}">{text}</span>')
        elif seg.change == "added":
            out.append(f'<span style="{added}">{text}</span>')
        else:
            out.append(text)
    return "".join(out)


def _aware(moment: datetime) -> datetime:
    """SQLite hands the stored UTC times back without their zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class ComparisonDialog(QDialog):
    """與前次退件比較: the earlier reasons, the text diff, the documents."""

    def __init__(self, comparison: Comparison, dates: DateStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonDialog")
        self._dates = dates
        self.setWindowTitle(self.tr("Compare with the rejected one"))
        self.text = QLabel(self._html(comparison))
        self.text.setObjectName("comparisonText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def _html(self, c: Comparison) -> str:
        e = html.escape
        earlier = self.tr("Rejected earlier: %1").replace(
            "%1", f"{_KIND.get(c.kind, c.kind)} #{c.earlier_id}"
        )
        if c.earlier_decided_at is not None:
            sent, rejected = (
                self._dates.date(_aware(t)) for t in (c.earlier_submitted_at, c.earlier_decided_at)
            )
            when = self.tr("sent %1, rejected %2").replace("%1", sent).replace("%2", rejected)
            earlier += f"（{when}）"
        reasons, read, note = self.tr("Reasons given"), self.tr("What the family read"), self.tr("Staff note")
        parts = [
            f"<h3>{e(earlier)}</h3>",
            f"<p><b>{e(reasons)}</b></p><ul>",
            *(f"<li>{e(reason)}</li>" for reason in c.reasons),
            "</ul>",
        ]
        if c.message_to_family:
            parts.append(f"<p><b>{e(read)}</b><br>{e(c.message_to_family)}</p>")
        if c.note:
            parts.append(f"<p><b>{e(note)}</b><br>{e(c.note)}</p>")
        if c.kind == "post":
            text, legend = self.tr("Text"), self.tr("struck out: removed, underlined: new")
            title, body = self.tr("Title"), self.tr("Body")
            parts.append(f"<p><b>{e(text)}</b>（{e(legend)}）</p>")
            parts.append(f"<p>{e(title)}：{_marked(c.title)}</p><p>{e(body)}：{_marked(c.body)}</p>")
        documents = self.tr("Documents")
        parts.append(f"<p><b>{e(documents)}</b></p><ul>")
        parts.extend(f"<li>{e(self._document_words(d))}</li>" for d in c.documents)
        parts.append("</ul>")
        return "".join(parts)

    def _document_words(self, d: DocumentChange) -> str:
        status = {
            "unchanged": self.tr("not replaced (the same file)"),
            "replaced": self.tr("replaced"),
            "added": self.tr("added"),
            "removed": self.tr("removed"),
        }[d.status]
        picture = {
            "same": self.tr("same picture"),
            "similar": self.tr("similar picture"),
            "different": self.tr("different picture"),
        }.get(d.picture or "", "")
        text = f"{d.kind_words}「{d.filename}」：{status}"
        if d.status == "replaced" and picture:
            earlier = self.tr("earlier")
            text += f"，{picture}（{earlier}「{d.earlier_filename}」）"
        return text
