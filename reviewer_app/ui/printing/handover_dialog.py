"""登錄轉交…: the hand-over of one printed post or a whole print run, delivered (by whom, when, to
whom) or undeliverable and why (移監 / 出監 / 其他, which needs a note)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from reviewer_app.core.timeutil import FACILITY_TZ, local
from reviewer_app.qt import (
    QButtonGroup,
    QComboBox,
    QDateTime,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class HandoverInput:
    outcome: str
    handed_over_by: str
    handed_over_at: datetime
    recipient: str | None
    reason: str | None
    note: str | None


class HandoverDialog(QDialog):
    """登錄轉交 for one post or a batch: delivered (by whom, when), or undeliverable and why."""

    def __init__(self, count: int, default_by: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Record hand-over"))
        intro = QLabel(self.tr("Hand-over of {count} printed post(s):").format(count=count))
        self.delivered = QRadioButton(self.tr("Delivered to the inmate"))
        self.undeliverable = QRadioButton(self.tr("Could not be delivered"))
        self.delivered.setChecked(True)
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.addButton(self.delivered)
        self.outcome_group.addButton(self.undeliverable)
        self.by_edit = QLineEdit(default_by)
        self.at_edit = QDateTimeEdit()
        self.at_edit.setDisplayFormat("yyyy/MM/dd HH:mm")
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDateTime(QDateTime.fromString(f"{local(now):%Y-%m-%d %H:%M}", "yyyy-MM-dd HH:mm"))
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setPlaceholderText(self.tr("Only if not the inmate in person"))
        self.reason_combo = QComboBox()
        for code, label in (
            ("transferred", self.tr("Transferred (移監)")),
            ("released", self.tr("Released (出監)")),
            ("other", self.tr("Other")),
        ):
            self.reason_combo.addItem(label, code)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Required for Other"))
        for edit in (self.recipient_edit, self.note_edit):
            # The hint is what to write: shown whole, not cut off by a form that keeps its edits narrow.
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 32)
        form = QFormLayout()
        form.addRow(self.tr("Handed over by"), self.by_edit)
        form.addRow(self.tr("When"), self.at_edit)
        form.addRow(self.tr("Recipient"), self.recipient_edit)
        form.addRow(self.tr("Reason"), self.reason_combo)
        form.addRow(self.tr("Note"), self.note_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(self.tr("Record"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(self.delivered)
        row.addWidget(self.undeliverable)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for signal in (
            self.delivered.toggled,
            self.by_edit.textChanged,
            self.note_edit.textChanged,
            self.reason_combo.currentIndexChanged,
        ):
            signal.connect(self._update)
        self._update()

    def set_undeliverable(self, reason: str, note: str = "") -> None:
        self.undeliverable.setChecked(True)
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(reason)))
        self.note_edit.setText(note)

    def values(self) -> HandoverInput:
        delivered = self.delivered.isChecked()
        at = datetime.strptime(self.at_edit.dateTime().toString("yyyy-MM-dd HH:mm"), "%Y-%m-%d %H:%M")
        return HandoverInput(
            outcome="delivered" if delivered else "undeliverable",
            handed_over_by=" ".join(self.by_edit.text().split()),
            handed_over_at=at.replace(tzinfo=FACILITY_TZ).astimezone(UTC),
            recipient=(self.recipient_edit.text().strip() or None) if delivered else None,
            reason=None if delivered else str(self.reason_combo.currentData()),
            note=self.note_edit.text().strip() or None,
        )

    def _update(self) -> None:
        delivered = self.delivered.isChecked()
        self.recipient_edit.setEnabled(delivered)
        self.reason_combo.setEnabled(not delivered)
        v = self.values()
        ok = bool(v.handed_over_by) and (delivered or v.reason != "other" or bool(v.note))
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        button.setEnabled(ok)
