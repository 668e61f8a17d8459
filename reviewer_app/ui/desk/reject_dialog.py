"""Choosing why an item is rejected (審核未通過原因), seeing what the family will read.

The reasons are the catalogue entries that fit the item kind (``catalogue.reasons_for``), shown as a
keyboard-navigable checklist (arrows to move, space to check, Enter to reject); the rule check's
reasons come ticked. For the checked ones the dialog previews the message exactly as the family will
read it after clicking [審核未通過] (:func:`~reviewer_app.core.family_message.rejection_message`: the
reasons made specific by the item's findings, a suspension this rejection starts, the reviewer's
remark), and whether the rejection counts as a strike (P7).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from reviewer_app.core import reasons as catalogue
from reviewer_app.core.family_message import REMARK_MAX_CHARS, family_remark, rejection_message
from reviewer_app.core.policy import Policy
from reviewer_app.core.reasons import Reason
from reviewer_app.core.rules import Finding
from reviewer_app.core.timeutil import last_full_day
from reviewer_app.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFrame,
    QGuiApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStandardItem,
    QStandardItemModel,
    QStyle,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.ui.common import words
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change

CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SUGGESTED_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # ticked by the rule check (its words say so)

STRIKE_STYLE = "color: #a4000f;"
# A rejection that suspends the family's posting must not be missed.
SUSPENSION_STYLE = "color: #a4000f; font-weight: bold; font-size: 11pt;"
SUSPENSION_BOX_STYLE = "#strikeBox { background: #fde2e1; border: 2px solid #c0392b; border-radius: 4px; }"


class RejectDialog(QDialog):
    def __init__(
        self,
        kind: str,
        item_id: int,
        reasons: Iterable[Reason],
        *,
        suggested_codes: Iterable[str] = (),
        findings: Iterable[Finding] = (),
        policy: Policy | None = None,
        strikes: int = 0,
        strike_threshold: int = 3,
        suspension_months: int = 1,
        suspends_until: datetime | None = None,
        dates: DateStyle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``findings`` and ``policy`` (the item's) make the family's message specific;
        ``suspends_until``: when the suspension that a strike now would start ends (None when one
        more strike does not suspend the family's posting)."""
        super().__init__(parent)
        self.kind = kind
        self.item_id = item_id
        self._reasons = catalogue.reasons_for(kind, reasons)
        self._findings = tuple(findings)
        self._policy = policy or Policy()
        self._strikes = strikes
        self._threshold = strike_threshold
        self._months = suspension_months
        self._suspends_until = suspends_until
        self._dates = dates or DateStyle()
        # The rule check's reasons come ticked: what stops the approval; when nothing does, what its
        # notes point at (P2: the content, the reviewer's own judgement). Never a held finding's (R1:
        # a post waiting for an earlier one breaks no window).
        suggested = set(suggested_codes) or {
            f.reason_code for f in self._findings if f.reason_code and not f.blocks and not f.held
        }

        # The fixed words follow the desk's language (retranslate); the reasons are the family's (zh-TW).
        self.texts = texts = LiveTexts()
        texts.bind(
            self.setWindowTitle,
            lambda: self.tr("Reject: {kind} #{id}").format(kind=words.item_kind(kind), id=item_id),
        )
        self.setObjectName("rejectDialog")

        intro = QLabel()
        texts.bind(
            intro.setText,
            lambda: self.tr(
                "Tick the reasons it is not approved, listed in the family's words (zh-TW) "
                "(one or more; ↑↓ move, Space ticks, Enter rejects):"
            ),
        )
        intro.setWordWrap(True)

        self.reason_model = QStandardItemModel(self)
        for reason in self._reasons:
            item = QStandardItem(self._reason_line(reason, reason.code in suggested))
            item.setData(reason.code, CODE_ROLE)
            item.setData(reason.code in suggested, SUGGESTED_ROLE)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemNeverHasChildren
            )
            # The rule check's reason comes ticked: most rejections are for what it found.
            item.setCheckState(Qt.CheckState.Checked if reason.code in suggested else Qt.CheckState.Unchecked)
            item.setToolTip(reason.suggestion)
            self.reason_model.appendRow(item)
        self.reason_list = QListView()
        self.reason_list.setObjectName("reasonList")
        self.reason_list.setModel(self.reason_model)
        self.reason_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reason_list.setWordWrap(True)
        self.reason_list.setUniformItemSizes(False)
        self.reason_list.setMinimumHeight(220)
        # What a screen reader says (the list, the fields: their placeholders are no names).
        texts.bind(self.reason_list.setAccessibleName, lambda: self.tr("Reasons for the rejection"))
        texts.bind(
            self.reason_list.setAccessibleDescription, lambda: self.tr("Space ticks a reason; Enter rejects")
        )
        if self.reason_model.rowCount():
            self.reason_list.setCurrentIndex(self.reason_model.index(0, 0))

        preview_title = QLabel()
        texts.bind(
            preview_title.setText,
            lambda: self.tr(
                "Message to the family (zh-TW), as the [Not approved] dialog on the portal shows it:"
            ),
        )
        self.preview = QLabel()
        self.preview.setObjectName("familyPreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet("background: #ffffff; border: 1px solid #b8b8b8; padding: 8px;")
        self.preview.setMinimumHeight(90)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.remark_edit = QLineEdit()
        self.remark_edit.setObjectName("familyRemark")
        self.remark_edit.setMaxLength(REMARK_MAX_CHARS)
        texts.bind(
            self.remark_edit.setPlaceholderText,
            lambda: self.tr("A short remark for the family (optional, in the message above)"),
        )
        texts.bind(self.remark_edit.setAccessibleName, lambda: self.tr("Remark for the family"))
        texts.bind(self.remark_edit.setAccessibleDescription, self.remark_edit.placeholderText)
        self.remark_count = QLabel()
        self.remark_count.setObjectName("remarkCount")

        self.strike_label = QLabel()
        self.strike_label.setObjectName("strikeLabel")
        self.strike_label.setWordWrap(True)
        # Whether this rejection is a strike, right under the reasons; when it suspends the family's
        # posting, a warning box with the platform's warning sign, before the reviewer presses Enter.
        self.suspension_icon = QLabel()
        self.suspension_icon.setObjectName("suspensionIcon")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.suspension_icon.setPixmap(warning.pixmap(size, size))
        self.suspension_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.suspension_icon.hide()
        self.strike_box = QFrame()
        self.strike_box.setObjectName("strikeBox")
        self._strike_layout = QHBoxLayout(self.strike_box)
        self._strike_layout.setContentsMargins(0, 0, 0, 0)
        self._strike_layout.addWidget(self.suspension_icon)
        self._strike_layout.addWidget(self.strike_label, 1)

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("staffNote")
        texts.bind(
            self.note_edit.setPlaceholderText,
            lambda: self.tr("Staff note (optional, the family does not see it)"),
        )
        texts.bind(self.note_edit.setAccessibleName, lambda: self.tr("Staff note"))
        texts.bind(self.note_edit.setAccessibleDescription, self.note_edit.placeholderText)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        texts.bind(self.ok_button.setText, lambda: self.tr("Reject"))
        texts.bind(cancel.setText, lambda: self.tr("Cancel"))
        texts.bind(self.ok_button.setToolTip, lambda: self.tr("Reject with the ticked reasons (Enter)"))
        texts.bind(cancel.setToolTip, lambda: self.tr("Close without a decision (Esc)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason_list, 2)
        layout.addWidget(self.strike_box)
        layout.addWidget(preview_title)
        layout.addWidget(self.preview, 1)
        remark_title = QLabel()
        texts.bind(remark_title.setText, lambda: self.tr("Remark for the family:"))
        layout.addWidget(remark_title)
        remark_row = QHBoxLayout()
        remark_row.addWidget(self.remark_edit, 1)
        remark_row.addWidget(self.remark_count)
        layout.addLayout(remark_row)
        note_title = QLabel()
        texts.bind(note_title.setText, lambda: self.tr("Note:"))
        layout.addWidget(note_title)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.buttons)
        # Only now, with the button box inside the dialog: setDefault() registers the dialog's main
        # default button, which it falls back to when an autoDefault button loses focus. Called
        # earlier, Tab to 退件 and Shift+Tab back left the dialog with no default, so Enter did nothing.
        self.ok_button.setDefault(True)
        self._fit_screen(640, 620)

        self.reason_model.itemChanged.connect(self._update)
        self.remark_edit.textChanged.connect(self._update)
        self.reason_list.setFocus()
        self._update()

    def _fit_screen(self, width: int, height: int) -> None:
        """Its size, or the screen's available area when smaller (1366×768 at 150 %)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width() - 16), min(height, available.height() - 48)
        self.resize(width, height)

    # ---- results -------------------------------------------------------------------------------

    def chosen(self) -> list[Reason]:
        by_code = {r.code: r for r in self._reasons}
        chosen = []
        for row in range(self.reason_model.rowCount()):
            item = self.reason_model.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                chosen.append(by_code[item.data(CODE_ROLE)])
        return chosen

    def chosen_codes(self) -> list[str]:
        return [r.code for r in self.chosen()]

    def message_to_family(self) -> str:
        """What the family will read, exactly as previewed (and stored with the decision)."""
        return self._message(self.chosen())

    def remark(self) -> str | None:
        """The reviewer's remark for the family (trimmed; None when empty), part of the message."""
        return family_remark(self.remark_edit.text())

    def note(self) -> str | None:
        return self.note_edit.text().strip() or None

    def suspends(self, chosen: list[Reason]) -> bool:
        """Whether rejecting with ``chosen`` starts a suspension (a strike when one more suspends)."""
        strike = self.kind == "post" and any(r.counts_as_strike for r in chosen)
        return strike and self._suspends_until is not None

    def _message(self, chosen: list[Reason]) -> str:
        suspended_until = self._suspends_until if self.suspends(chosen) else None
        return rejection_message(
            chosen, self._findings, self._policy, suspended_until=suspended_until, remark=self.remark()
        )

    def set_checked(self, code: str, checked: bool = True) -> None:
        for row in range(self.reason_model.rowCount()):
            item = self.reason_model.item(row)
            if item is not None and item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(code)

    # ---- updating ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            # After the button box has given its buttons Qt's own words (it hears the event after
            # the dialog): then ours again. What the reviewer typed and ticked stays as it is.
            QTimer.singleShot(0, self, self.retranslate)

    def _reason_line(self, reason: Reason, suggested: bool) -> str:
        # A reason of no rule shows no mark: a dash in front of Chinese reads as 一.
        text = f"{reason.rule_id}　{reason.text}" if reason.rule_id else reason.text
        return text + self.tr(" (suggested by the rule check)") if suggested else text

    def retranslate(self) -> None:
        self.texts.retranslate()
        by_code = {r.code: r for r in self._reasons}
        for row in range(self.reason_model.rowCount()):
            item = self.reason_model.item(row)
            reason = by_code.get(str(item.data(CODE_ROLE)))
            if reason is not None:  # the ticks stay; only the words change
                item.setText(self._reason_line(reason, bool(item.data(SUGGESTED_ROLE))))
        self._update()

    def accept(self) -> None:
        if self.chosen():  # Enter with nothing checked does nothing
            super().accept()

    def _update(self) -> None:
        chosen = self.chosen()
        self.remark_count.setText(f"{len(self.remark_edit.text())}/{REMARK_MAX_CHARS}")
        self.ok_button.setEnabled(bool(chosen))
        suspends = self.suspends(chosen)
        self.suspension_icon.setVisible(suspends)
        self.strike_box.setStyleSheet(SUSPENSION_BOX_STYLE if suspends else "")
        self._strike_layout.setContentsMargins(*((8, 8, 8, 8) if suspends else (0, 0, 0, 0)))
        if not chosen:
            self.preview.setText(self.tr("(no reason chosen yet)"))
            self.strike_label.setText("")
            self.strike_label.setStyleSheet("")
            return
        self.preview.setText(self._message(chosen))
        strike = self.kind == "post" and any(r.counts_as_strike for r in chosen)
        style = ""
        if self.kind != "post":
            text = self.tr("Rejecting a service application is not a strike.")
        elif not strike:
            text = self.tr("Not a strike (the reasons are not the family's fault).")
        else:
            text = self.tr("Counts as a strike: the family will have {total}/{threshold}.").format(
                total=self._strikes + 1, threshold=self._threshold
            )
            style = STRIKE_STYLE
            if self._suspends_until is not None:
                text += self.tr(
                    " Posting will be suspended for %n month(s), through {day}; the family's other "
                    "pending posts go on hold.",
                    "",
                    self._months,
                ).format(day=self._dates.date(last_full_day(self._suspends_until)))
                style = SUSPENSION_STYLE
        self.strike_label.setText(text)
        self.strike_label.setStyleSheet(style)
