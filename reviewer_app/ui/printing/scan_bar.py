"""掃描轉交: the hand-over of a printed page by its code, in one step, for a counsellor with a stack.

A barcode scanner types like a keyboard and presses Enter. The scan field (F6 puts the cursor in it)
takes two kinds of text: an inmate's call number (their card, or typed) chooses the recipient; a page
code (printing/page_code.py) is checked against that recipient and its hand-over recorded (the view
does the recording, on the journal's worker). The recipient can also be chosen in the list next to
it. A refusal is loud: red words, the system's beep and an urgent announcement for a screen reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewer_app.core.items import InmateInfo
from reviewer_app.journal import page_scan
from reviewer_app.journal.print_records import unit_of
from reviewer_app.printing.page_code import key_of
from reviewer_app.qt import (
    QApplication,
    QComboBox,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
    Signal,
)
from reviewer_app.ui.common.announcer import Announcer
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change, label

REFUSED_STYLE = "QLabel { color: #b00020; font-weight: bold; }"
DONE_STYLE = "QLabel { color: #1b5e20; }"


class ScanBar(QWidget):
    # a page code was scanned (its text, as scanned) for the recipient chosen (inmate id, or None)
    pageScanned = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanBar")
        self.announcer = Announcer(self)
        self.refused = False
        self._inmates: dict[int, InmateInfo] = {}
        self.texts = texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self.recipient_combo = QComboBox()
        self.recipient_combo.setObjectName("scanRecipient")
        self.recipient_combo.setMinimumContentsLength(16)
        texts.bind(self.recipient_combo.setAccessibleName, lambda: self.tr("Recipient"))
        self.edit = QLineEdit()
        self.edit.setObjectName("scanField")
        texts.bind(self._set_placeholder, lambda: self.tr("Scan the inmate's card, then the page (F6)"))
        texts.bind(self.edit.setAccessibleName, lambda: self.tr("Scan field"))
        self.edit.returnPressed.connect(self._entered)
        self.result = QLabel()
        self.result.setObjectName("scanResult")
        self.result.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(texts, lambda: self.tr("Hand over by scanning")))
        layout.addWidget(self.recipient_combo)
        layout.addWidget(self.edit)
        layout.addWidget(self.result, 1)
        self.set_inmates(())

    def _set_placeholder(self, text: str) -> None:
        self.edit.setPlaceholderText(text)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance(text) + 24)  # never cut

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()
            self.recipient_combo.setItemText(0, self._no_recipient())

    def _no_recipient(self) -> str:
        return self.tr("(scan or choose the recipient)")

    def set_inmates(self, inmates: Iterable[InmateInfo]) -> None:
        """The recipients to choose from (the list's inmates, in walking order); the choice is kept."""
        chosen = self.recipient()
        self._inmates = {i.id: i for i in inmates}
        combo = self.recipient_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self._no_recipient(), None)
        for inmate in self._inmates.values():
            combo.addItem(f"{unit_of(inmate.housing_unit)}　{inmate.call_number} {inmate.name}", inmate.id)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)

    def recipient(self) -> int | None:
        data = self.recipient_combo.currentData()
        return int(data) if data is not None else None

    def inmate(self, inmate_id: int | None) -> InmateInfo | None:
        return self._inmates.get(inmate_id) if inmate_id is not None else None

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def _entered(self) -> None:
        text = self.edit.text().strip()
        self.edit.clear()
        if not text:
            return
        if key_of(text) is not None:
            self.pageScanned.emit(text, self.recipient())
            return
        wanted = "".join(text.split())
        found = next((i for i in self._inmates.values() if i.call_number == wanted), None)
        if found is None:
            self.refuse(self.tr("No inmate with call number {text} in this list.").format(text=text))
            return
        self.recipient_combo.setCurrentIndex(self.recipient_combo.findData(found.id))
        said = self.tr("Recipient: {call} {name}. Now scan the page.")
        self.done(said.format(call=found.call_number, name=found.name))

    def done(self, text: str) -> None:
        self.refused = False
        self.result.setStyleSheet(DONE_STYLE)
        self.result.setText(text)
        self.announcer.announce(text)

    def refuse(self, text: str) -> None:
        """Loudly: the counsellor is looking at the inmate, not the screen."""
        self.refused = True
        self.result.setStyleSheet(REFUSED_STYLE)
        self.result.setText(text)
        QApplication.beep()
        self.announcer.announce(text, urgent=True)


def scan_outcome_text(outcome: page_scan.ScanOutcome, chosen: InmateInfo | None) -> tuple[str, bool]:
    """What the counsellor is told after a page's scan, and whether its hand-over was recorded."""
    post = outcome.post
    if outcome.result == page_scan.UNKNOWN or post is None:
        return QCoreApplication.translate(
            "ScanBar", "This code is no page waiting in this list; nothing recorded."
        ), False
    page = {"call": post.inmate.call_number, "name": post.inmate.name, "post": post.post_id}
    if outcome.result == page_scan.HANDED_OVER:
        return QCoreApplication.translate("ScanBar", "Handed over: {call} {name}, post #{post}.").format(
            **page
        ), True
    if outcome.result == page_scan.REPLACED:
        said = QCoreApplication.translate(
            "ScanBar", "This page was reprinted: use the new page (post #{post}). Nothing recorded."
        )
        return said.format(**page), False
    if outcome.result == page_scan.WRONG_INMATE:
        said = QCoreApplication.translate(
            "ScanBar",
            "WRONG INMATE: this page is for {call} {name}, not {other_call} {other_name}. Nothing recorded.",
        )
        other = (chosen.call_number, chosen.name) if chosen else ("?", "")
        return said.format(**page, other_call=other[0], other_name=other[1]), False
    said = QCoreApplication.translate(
        "ScanBar",
        "Post #{post} ({call} {name}) is not waiting for its hand-over (already recorded?); nothing recorded.",  # noqa: E501
    )
    return said.format(**page), False
