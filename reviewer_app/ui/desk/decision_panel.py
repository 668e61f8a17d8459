"""The right-hand side of the desk: everything about the selected item, and the two decisions.

The panel only shows an :class:`~reviewer_app.ui.desk.desk_data.ItemDetail` (plain data loaded on a worker)
and asks for decisions through its actions; the main window carries them out. Everything a family
wrote (names, titles, post bodies, file names) is shown as plain text, never as rich text. The
documents themselves are in the document viewer beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from reviewer_app.core.items import ClaimedItem
from reviewer_app.core.reasons import Reason
from reviewer_app.core.rules import Finding, body_length, child_age
from reviewer_app.core.timeutil import last_full_day, local
from reviewer_app.qt import (
    QEvent,
    QFont,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.common.shortcuts import make_action, set_tooltip
from reviewer_app.ui.common.spoken import name_form_values
from reviewer_app.ui.desk.desk_data import ItemDetail
from reviewer_app.ui.desk.notes_box import NotesBox
from reviewer_app.ui.desk.second_look import SecondLook

APPROVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
REJECT_KEYS = ("Ctrl+R",)

BLOCKING_STYLE = "color: #a4000f;"
NOTICE_STYLE = "color: #5a4a00;"
STRIKE_STYLE = "color: #a4000f; font-weight: bold;"
BANNER_STYLES = {
    "held": "background: #fff4ce; border: 1px solid #e0c060; padding: 6px;",
    "decided": "background: #e4f1e4; border: 1px solid #8fbf8f; padding: 6px;",
    "conflict": "background: #fde2e1; border: 1px solid #d08080; padding: 6px;",
}


def _plain(text: str = "", *, wrap: bool = True, selectable: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _clear(layout: QVBoxLayout | QFormLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget() if child is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class DecisionPanel(QWidget):
    """Shows one item: who, what, rule findings, the family's standing and history; approve or reject."""

    approveRequested = Signal()
    rejectRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self._detail: ItemDetail | None = None
        self._busy = False
        #: Why documents of the shown item can never be shown as they are (the viewer says): approving
        #: is saying they were seen and are fine.
        self._document_problems: tuple[str, ...] = ()
        #: The shown item's documents not opened yet, in words: the journal would refuse the approval.
        self._not_seen: tuple[str, ...] = ()
        self._dates = DateStyle()
        self._reasons: dict[str, Reason] = {}
        self.texts = LiveTexts()  # the fixed words; the item's are worded again (retranslate)

        self.approve_action = make_action(
            self, lambda: self.tr("Approve"), APPROVE_KEYS, None, "approveAction", "decide"
        )
        self.approve_action.triggered.connect(self.approveRequested)
        self.reject_action = make_action(
            self,
            lambda: self.tr("Reject…"),
            REJECT_KEYS,
            None,
            "rejectAction",
            "decide",
            lambda: self.tr("Choose the reasons and reject"),
        )
        self.reject_action.triggered.connect(self.rejectRequested)

        self.title = _plain(selectable=False)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setObjectName("itemTitle")

        self.banner = _plain()
        self.banner.setObjectName("statusBanner")
        self.banner.hide()

        self.header_form = QFormLayout()
        self.header_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.content_box = QGroupBox()
        self.texts.bind(self.content_box.setTitle, lambda: self.tr("Content"))
        self.content_form = QFormLayout(self.content_box)
        self.content_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.findings_box = QGroupBox()
        self.texts.bind(self.findings_box.setTitle, lambda: self.tr("Rule check"))
        self.findings_layout = QVBoxLayout(self.findings_box)

        self.standing_box = QGroupBox()
        self.texts.bind(self.standing_box.setTitle, lambda: self.tr("Family standing"))
        self.standing_label = _plain()
        self.standing_label.setObjectName("standing")
        QVBoxLayout(self.standing_box).addWidget(self.standing_label)

        self.history_box = QGroupBox()
        self.texts.bind(self.history_box.setTitle, lambda: self.tr("History"))
        self.history_layout = QVBoxLayout(self.history_box)

        self.notes_box = NotesBox()
        self.addAction(self.notes_box.focus_action)
        self.notes_box.focus_action.triggered.connect(self._scroll_to_notes)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.banner)
        body_layout.addLayout(self.header_form)
        self.second_look = SecondLook()  # issue 21: since the rejection, reused pictures
        boxes = (
            self.content_box,
            self.second_look,
            self.findings_box,
            self.notes_box,
            self.standing_box,
            self.history_box,
        )
        for box in boxes:
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)

        self.placeholder = _plain(selectable=False)
        self.texts.bind(self.placeholder.setText, lambda: self.tr("Choose an item to review from the queue."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.approve_button = QPushButton()
        self.texts.bind(self.approve_button.setText, lambda: self.tr("Approve"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(self.approve_action.trigger)
        self.reject_button = QPushButton()
        self.texts.bind(self.reject_button.setText, lambda: self.tr("Reject…"))
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.clicked.connect(self.reject_action.trigger)
        for button in (self.approve_button, self.reject_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(34)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.approve_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.show_detail(None)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.retranslate()

    def retranslate(self) -> None:
        """The desk's language changed: the fixed words and the item shown, worded again."""
        self.texts.retranslate()
        if self._detail is not None:
            self._fill(self._detail)
        self._update_actions()

    def _scroll_to_notes(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.notes_box)

    # ---- state ---------------------------------------------------------------------------------

    def detail(self) -> ItemDetail | None:
        return self._detail

    def set_document_problems(self, problems: Sequence[str], not_seen: Sequence[str] = ()) -> None:
        self._document_problems = tuple(problems)
        self._not_seen = tuple(not_seen)
        self._update_actions()

    def set_busy(self, busy: bool) -> None:
        """While a decision is being recorded, no second one can be asked for."""
        self._busy = busy
        self._update_actions()

    def set_date_style(self, style: DateStyle) -> None:
        self.second_look.dates = style
        if style != self._dates:
            self._dates = style
            self.notes_box.set_date_style(style)
            if self._detail is not None:
                self._fill(self._detail)

    def set_catalogue(self, reasons: Iterable[Reason]) -> None:
        """The rejection reasons, to name them in the family's history."""
        self._reasons = {r.code: r for r in reasons}

    def show_detail(self, detail: ItemDetail | None) -> None:
        if detail is not None and detail == self._detail:
            self._update_actions()
            return
        self._detail = detail
        self.placeholder.setVisible(detail is None)
        self.scroll_area.setVisible(detail is not None)
        if detail is None:
            self.notes_box.show_notes(None, ())
        else:
            self._fill(detail)
            self.scroll_area.verticalScrollBar().setValue(0)
        self._update_actions()

    def _update_actions(self) -> None:
        d = self._detail
        decidable = d is not None and d.decidable and not self._busy
        blocking = d.blocking if d is not None else ()
        unseen = self._document_problems if d is not None else ()
        not_opened = self._not_seen if d is not None else ()
        self.approve_action.setEnabled(decidable and not blocking and not unseen and not not_opened)
        self.reject_action.setEnabled(decidable)
        self.approve_button.setEnabled(self.approve_action.isEnabled())
        self.reject_button.setEnabled(self.reject_action.isEnabled())

        if d is not None and d.decidable and blocking:
            rule_ids = "、".join(dict.fromkeys(f.rule_id for f in blocking))
            approve_tip = self.tr(
                "Cannot approve: %n rule(s) not met ({rules}); reject, or wait until resolved",
                "",
                len(blocking),
            ).format(rules=rule_ids)
            self.approve_action.setToolTip(approve_tip)
        elif d is not None and d.decidable and unseen:
            approve_tip = self.tr(
                "Cannot approve: a document cannot be shown ({problem}); reject it, saying what the "
                "family should send again"
            ).format(problem=unseen[0])
            self.approve_action.setToolTip(approve_tip)
        elif d is not None and d.decidable and not_opened:
            self.approve_action.setToolTip(not_opened[0])  # the journal's own words for its refusal
        elif d is not None and not d.decidable:
            approve_tip = self.tr("This item has a decision; to change it, undo first (Ctrl+Z)")
            self.approve_action.setToolTip(approve_tip)
        else:
            set_tooltip(self.approve_action, self.tr("Approve"))
        set_tooltip(self.reject_action, self.tr("Choose the reasons and reject"))
        self.approve_button.setToolTip(self.approve_action.toolTip())
        self.reject_button.setToolTip(self.reject_action.toolTip())

    # ---- filling -------------------------------------------------------------------------------

    def _fill(self, d: ItemDetail) -> None:
        snap = d.snapshot
        self.title.setText(self.tr("{kind}  #{id}").format(kind=words.item_kind(d.kind), id=d.item_id))
        self._fill_banner(d)
        self._fill_header(snap)
        if d.kind == "post":
            self._fill_post(snap)
        else:
            self._fill_application(d, snap)
        self._fill_findings(d)
        self.notes_box.show_notes(d.key, d.notes)
        self._fill_standing(d)
        self._fill_history(d)
        for form in (self.header_form, self.content_form):  # a screen reader hears "家屬：黃惠妤…"
            name_form_values(form)

    def _fill_banner(self, d: ItemDetail) -> None:
        text, style = "", ""
        if d.decision is not None and not d.decidable:
            outcome = words.outcome(d.decision.outcome)
            if d.decision.state == "pending":
                text = self.tr(
                    "Decided: {outcome}, waiting to sync to the shared database (Ctrl+Z undoes it)"
                ).format(outcome=outcome)
                style = BANNER_STYLES["decided"]
            elif d.decision.state == "conflict":
                text = self.tr(
                    'This workstation\'s decision "{outcome}" did not take effect: {reason}'
                ).format(outcome=outcome, reason=d.decision.conflict_reason or "")
                style = BANNER_STYLES["conflict"]
            elif d.awaiting_second:
                text = self.tr(
                    "Decided: {outcome}, waiting for a second look (待覆核): it takes effect when a "
                    "colleague confirms it"
                ).format(outcome=outcome)
                style = BANNER_STYLES["decided"]
            else:
                text = self.tr("Decided: {outcome}, synced").format(outcome=outcome)
                style = BANNER_STYLES["decided"]
        elif d.local_status == "held" or any(f.held for f in d.findings):
            why = (d.held_reason and words.family_message(d.held_reason, self._dates)) or "；".join(
                words.finding(f, self._dates) for f in d.findings if f.held
            )
            text = self.tr("On hold: {why}").format(why=why)
            style = BANNER_STYLES["held"]
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.setVisible(bool(text))

    def _fill_header(self, snap: ClaimedItem) -> None:
        _clear(self.header_form)
        applicant = snap.applicant
        inmate = snap.inmate
        rows = [
            (
                self.tr("Family:"),
                self.tr("{name} ({id})").format(name=applicant.name, id=applicant.national_id_masked),
            ),
            (self.tr("Relationship to the inmate:"), words.relationship(snap.relationship)),
            (
                self.tr("Inmate:"),
                self.tr("Call number {call}  {name} ({unit})").format(
                    call=inmate.call_number, name=inmate.name, unit=inmate.housing_unit
                ),
            ),
            (self.tr("Facility:"), snap.facility.name),
            (self.tr("Submitted:"), self._dates.iso_datetime(snap.submitted_at)),
        ]
        for label, value in rows:
            self.header_form.addRow(label, _plain(value))

    def _fill_post(self, snap: ClaimedItem) -> None:
        self.content_box.setTitle(self.tr("Contact-book post content"))
        _clear(self.content_form)
        limit = snap.policy.body_max_chars
        title = _plain(snap.title or self.tr("(no title)"))
        title.setObjectName("postTitle")
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        body = _plain(snap.body or self.tr("(no text)"))
        body.setObjectName("postBody")
        length = body_length(snap.body)  # as P4 counts: what the family sees
        count = _plain(self.tr("{length}/{limit} characters").format(length=length, limit=limit))
        count.setObjectName("bodyLength")
        if length > limit:
            count.setStyleSheet(BLOCKING_STYLE)
        self.content_form.addRow(self.tr("Title:"), title)
        self.content_form.addRow(self.tr("Text:"), body)
        self.content_form.addRow(self.tr("Length:"), count)

    def _fill_application(self, d: ItemDetail, snap: ClaimedItem) -> None:
        self.content_box.setTitle(self.tr("Service application details"))
        _clear(self.content_form)
        inmate = snap.inmate
        entered = snap.call_number_entered or self.tr("(not filled in)")
        confirmed = self.tr("Yes") if snap.surname_confirmed else self.tr("No")
        today = local(d.evaluated_at).date() if d.evaluated_at.tzinfo else date.today()
        ages = [self.tr("%n year(s)", "", child_age(date.fromisoformat(b), today)) for b in inmate.children]
        children = (
            self.tr("%n child(ren) ({ages})", "", len(ages)).format(ages="、".join(ages))
            if ages
            else self.tr("None on record")
        )
        restrictions = []
        for r in inmate.restrictions:
            start = self._dates.iso_date(r.starts_on)
            if r.ends_on:
                span = self.tr("{start} to {end}").format(start=start, end=self._dates.iso_date(r.ends_on))
            else:
                span = self.tr("from {start}, no end date").format(start=start)
            restrictions.append(
                self.tr("{kind}: {span}").format(kind=words.restriction_kind(r.kind), span=span)
            )
        self.content_form.addRow(self.tr("Call number entered:"), _plain(entered))
        self.content_form.addRow(self.tr("Inmate's call number:"), _plain(inmate.call_number))
        self.content_form.addRow(self.tr("Applicant confirmed the inmate:"), _plain(confirmed))
        self.content_form.addRow(self.tr("Inmate's children:"), _plain(children))
        self.content_form.addRow(
            self.tr("Restrictions:"), _plain("\n".join(restrictions) if restrictions else self.tr("None"))
        )
        self.content_form.addRow(
            self.tr("Other services:"),
            _plain(
                self.tr("{approved} approved, {pending} pending").format(
                    approved=snap.other_approved_services, pending=snap.other_pending_applications
                )
            ),
        )

    def _fill_findings(self, d: ItemDetail) -> None:
        _clear(self.findings_layout)
        findings: tuple[Finding, ...] = d.findings
        decided = d.decision is not None and not d.decidable
        if decided:
            # A decided item waits for nothing: a hold found now (the suspension its own rejection
            # started, an earlier post) is about the family's next posts, not this one.
            findings = tuple(f for f in findings if not f.held)
        suspension = d.decision.suspension if decided and d.decision is not None else None
        if suspension is not None:
            label = _plain(
                self.tr(
                    "[This rejection] P7  the family's strike {threshold}/{threshold}: posting is "
                    "suspended through {day}"
                ).format(
                    threshold=d.standing.strike_threshold,
                    day=self._dates.date(last_full_day(suspension.ends_at)),
                )
            )
            label.setProperty("ruleId", "P7")
            label.setStyleSheet(STRIKE_STYLE)
            self.findings_layout.addWidget(label)
        if not findings:
            if suspension is None:
                self.findings_layout.addWidget(_plain(self.tr("Meets every rule")))
            return
        for f in findings:
            if f.held:
                mark = self.tr("On hold")
            elif f.blocks:
                mark = self.tr("Not met")
            else:
                mark = self.tr("Note")
            text = self.tr("[{mark}] {rule}  {message}")
            label = _plain(text.format(mark=mark, rule=f.rule_id, message=words.finding(f, self._dates)))
            label.setProperty("ruleId", f.rule_id)
            label.setProperty("blocks", f.blocks)
            label.setStyleSheet(BLOCKING_STYLE if f.blocks else NOTICE_STYLE)
            self.findings_layout.addWidget(label)

    def _fill_standing(self, d: ItemDetail) -> None:
        s = d.standing
        lines = [
            self.tr("Strikes {strikes}/{threshold}").format(strikes=s.strikes, threshold=s.strike_threshold)
        ]
        if s.suspended_until is not None:
            lines.append(  # its last whole day, as the rule check and the family say it (R9)
                self.tr("Posting suspended through {day}").format(
                    day=self._dates.date(last_full_day(s.suspended_until))
                )
            )
        elif s.strikes % s.strike_threshold == s.strike_threshold - 1:
            lines.append(self.tr("One more strike suspends posting"))
        self.standing_label.setText("　".join(lines))
        self.standing_label.setStyleSheet(
            STRIKE_STYLE
            if s.suspended_until is not None or s.strikes % s.strike_threshold == s.strike_threshold - 1
            else ""
        )

    def _fill_history(self, d: ItemDetail) -> None:
        _clear(self.history_layout)
        entries = [h for h in d.snapshot.history if (h.kind, h.id) != (d.kind, d.item_id)]
        if not entries:
            self.history_layout.addWidget(_plain(self.tr("No other records")))
            return
        for h in entries:
            what = words.item_kind(h.kind)
            if h.title:
                what = self.tr('{kind} "{title}"').format(kind=what, title=h.title)
            line = self.tr("{day}  {what}  {status}").format(
                day=self._dates.iso_date(h.submitted_at), what=what, status=words.item_status(h.status)
            )
            reasons = [self._reason_text(code) for code in h.reasons]
            if reasons and h.status == "rejected":
                line += "\n    " + self.tr("Reasons: {reasons}").format(reasons="；".join(reasons))
            label = _plain(line)
            label.setProperty("historyKey", f"{h.kind}:{h.id}")
            if h.strike:
                label.setText(line + "\n    " + self.tr("Counted as a strike"))
                label.setStyleSheet(BLOCKING_STYLE)
            self.history_layout.addWidget(label)

    def _reason_text(self, code: str) -> str:
        reason = self._reasons.get(code)
        if reason is None:
            return code
        return f"{reason.rule_id} {reason.text}" if reason.rule_id else reason.text
