"""The rejection-reason catalogue (審核未通過原因), edited by a supervisor: what the family reads, the
suggestion, whether it counts as a strike (P7), what it applies to, whether it is still offered.

It is the supervisor's own facility's copy (R11). Its texts are templates: ``{window_days}`` and the
like take the facility's numbers (R9). The form edits the template; the list and the line under the
form show what the facility's families read, and a hint says what each placeholder stands for.

Plugging it in::

    editor = CatalogueEditor(session.engine, session.actor(workstation))
    editor.saved.connect(...)   # a reason was added or changed (workstations get it at their next pull)
    editor.refresh()
    ...
    editor.shutdown()           # (closeEvent does it) returns at once; a save still running ends

A save announces CATALOGUE; every open editor (this one too) reloads when it hears it.

Reasons are never deleted (decisions refer to them by code): one that should no longer be offered is
saved with 啟用 unchecked. Every save is an audit event (supervision/catalogue.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.core.formats import policy_words
from reviewer_app.core.policy import Policy
from reviewer_app.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.stats.figures import REASON_LABELS, reason_label
from reviewer_app.supervision.catalogue import (
    ReasonRow,
    as_family_reads,
    facility_policy,
    reasons,
    save_reason,
)
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import CATALOGUE
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change, label, repaint_views
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.supervisor.common import ColumnSpec, RowsModel, failure_message, make_table

APPLIES_CODES = ("post", "application", "both")

ORDER_COLUMN, NAME_COLUMN, CODE_COLUMN, FAMILY_TEXT_COLUMN, SUGGESTION_COLUMN = 0, 1, 2, 6, 7


def applies_word(code: str) -> str:
    labels = {
        "post": QCoreApplication.translate("CatalogueModel", "Posts"),
        "application": QCoreApplication.translate("CatalogueModel", "Applications"),
        "both": QCoreApplication.translate("CatalogueModel", "Both"),
    }
    return labels.get(code, code)


def _yes(flag: bool) -> str:
    return (
        QCoreApplication.translate("CatalogueModel", "Yes")
        if flag
        else QCoreApplication.translate("CatalogueModel", "No")
    )


def placeholder_meaning(name: str) -> str:
    """What a placeholder of the reasons' texts stands for (core.formats.policy_words' names)."""
    labels = {
        "window_days": QCoreApplication.translate("CatalogueEditor", "days from one post to the next"),
        "body_max_chars": QCoreApplication.translate("CatalogueEditor", "characters of a post's text"),
        "max_photos": QCoreApplication.translate("CatalogueEditor", "photos in a post"),
        "photo_max": QCoreApplication.translate("CatalogueEditor", "size of a photo"),
        "max_attachments": QCoreApplication.translate("CatalogueEditor", "attachments of a post"),
        "attachments_max_total": QCoreApplication.translate("CatalogueEditor", "size of all attachments"),
        "allowed_types": QCoreApplication.translate("CatalogueEditor", "file types allowed"),
        "strike_threshold": QCoreApplication.translate("CatalogueEditor", "rejections before a suspension"),
        "suspension_months": QCoreApplication.translate("CatalogueEditor", "months of a suspension"),
        "child_max_age": QCoreApplication.translate("CatalogueEditor", "oldest age of the inmate's child"),
    }
    return labels.get(name, name)


def reason_name(row: ReasonRow, policy: Policy) -> str:
    """A reason as supervisors know it: its short name (重複申請（E4）); a facility's own reason by the
    start of what the family reads."""
    if row.code in REASON_LABELS:
        return reason_label(row.code)
    text = as_family_reads(row, policy).text.strip()
    return text if len(text) <= 16 else text[:15] + "…"


class CatalogueModel(RowsModel[ReasonRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        #: The facility's numbers: the list shows each reason as its families read it.
        self.policy = Policy()
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("CatalogueModel", "Order"),
                    lambda r: str(r.sort_order),
                    lambda r: r.sort_order,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("CatalogueModel", "Reason"),
                    lambda r: reason_name(r, self.policy),
                ),
                ColumnSpec(lambda: QCoreApplication.translate("CatalogueModel", "Code"), lambda r: r.code),
                ColumnSpec(
                    lambda: QCoreApplication.translate("CatalogueModel", "Applies to"),
                    lambda r: applies_word(r.applies_to),
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("CatalogueModel", "Strike"),
                    lambda r: _yes(r.counts_as_strike),
                    lambda r: r.counts_as_strike,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("CatalogueModel", "Active"),
                    lambda r: _yes(r.active),
                    lambda r: r.active,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("CatalogueModel", "Reason the family reads"),
                    lambda r: as_family_reads(r, self.policy).text,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("CatalogueModel", "Suggestion"),
                    lambda r: as_family_reads(r, self.policy).suggestion,
                ),
            ],
            parent,
        )


class CatalogueEditor(BackgroundWidget):
    #: A reason was added or changed: the saved ReasonRow.
    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        clock: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self.setObjectName("catalogueEditor")
        self.engine = engine
        self.actor = actor
        self.clock = clock
        self._new = False
        #: The reason just saved here, selected when the list comes back.
        self._select_after_reload: str | None = None

        self.model = CatalogueModel(self)
        self.view = make_table(self.model, "reasons")
        # What the family reads, whole: the two texts share the spare width and wrap in their cells.
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        for column in (FAMILY_TEXT_COLUMN, SUGGESTION_COLUMN):
            self.view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.model.modelReset.connect(self._fit_columns)
        #: The question before a save: what changes (None when not asking).
        self.confirm_dialog: ConfirmSaveDialog | None = None
        #: The chosen reason as it is stored: the save says what differs from it.
        self._original: ReasonRow | None = None
        self.name_label = QLabel()
        self.name_label.setObjectName("reasonName")
        name_font = self.name_label.font()
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setMaxLength(40)
        self.rule_edit = QLineEdit()
        self.rule_edit.setObjectName("rule")
        self.rule_edit.setMaxLength(4)
        self.applies_combo = QComboBox()
        self.applies_combo.setObjectName("appliesTo")
        for code in APPLIES_CODES:
            self.applies_combo.addItem(applies_word(code), code)
        self.strike_box = QtWidgets.QCheckBox()
        self.texts.bind(self.strike_box.setText, lambda: self.tr("Counts as a strike (P7, posts only)"))
        self.strike_box.setObjectName("countsAsStrike")
        self.active_box = QtWidgets.QCheckBox()
        self.texts.bind(self.active_box.setText, lambda: self.tr("Active (offered to reviewers)"))
        self.active_box.setObjectName("active")
        self.sort_spin = QtWidgets.QSpinBox()
        self.sort_spin.setObjectName("sortOrder")
        self.sort_spin.setRange(0, 9999)
        self.text_edit = QtWidgets.QPlainTextEdit()
        self.text_edit.setObjectName("text")
        self.suggestion_edit = QtWidgets.QPlainTextEdit()
        self.suggestion_edit.setObjectName("suggestion")
        for edit in (
            self.text_edit,
            self.suggestion_edit,
        ):  # 300 characters: a few lines, the list keeps the room
            edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        #: What each {placeholder} stands for, with the facility's value.
        self.placeholder_hint = QLabel()
        self.placeholder_hint.setObjectName("placeholderHint")
        self.placeholder_hint.setWordWrap(True)
        #: The reason and suggestion of the form as the facility's families read them.
        self.family_reads = QLabel()
        self.family_reads.setObjectName("familyReads")
        self.family_reads.setWordWrap(True)
        self.family_reads.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton()
        self.texts.bind(self.new_button.setText, lambda: self.tr("New reason"))
        self.save_button = QPushButton()
        self.texts.bind(self.save_button.setText, lambda: self.tr("Save"))
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(label(self.texts, lambda: self.tr("Reason")), self.name_label)
        form.addRow(label(self.texts, lambda: self.tr("Code")), self.code_edit)
        form.addRow(label(self.texts, lambda: self.tr("Rule")), self.rule_edit)
        form.addRow(label(self.texts, lambda: self.tr("Applies to")), self.applies_combo)
        form.addRow("", self.strike_box)
        form.addRow("", self.active_box)
        form.addRow(label(self.texts, lambda: self.tr("Order")), self.sort_spin)
        form.addRow(label(self.texts, lambda: self.tr("Reason the family reads")), self.text_edit)
        form.addRow(label(self.texts, lambda: self.tr("Suggestion")), self.suggestion_edit)
        form.addRow("", self.placeholder_hint)
        form.addRow(label(self.texts, lambda: self.tr("The family reads")), self.family_reads)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        # The list and the form share the height as the supervisor drags it; on a small screen the
        # form scrolls rather than squeezing the list to a few rows.
        form_area = QWidget()
        form_area.setLayout(form)
        form_scroll = QScrollArea()
        form_scroll.setObjectName("reasonForm")
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        form_scroll.setWidget(form_area)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("reasonSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(form_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)

        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.text_edit.textChanged.connect(self._show_family_reads)
        self.suggestion_edit.textChanged.connect(self._show_family_reads)
        self._set_form(None)
        self.listen_to({CATALOGUE}, lambda _kinds, _origin: self.refresh())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.texts.retranslate()
            repaint_views(self)  # the tables' headers and cells are worded when asked
            for index, code in enumerate(APPLIES_CODES):  # the choice made stays
                self.applies_combo.setItemText(index, applies_word(code))

    def refresh(self, select_code: str | None = None) -> None:
        engine, actor = self.engine, self.actor
        select_code = select_code or self._select_after_reload
        self._select_after_reload = None
        run_work(
            self,
            executors.network(),
            lambda: (reasons(engine, actor), facility_policy(engine, actor)),
            lambda loaded: self._show(*loaded, select_code),
            self._failed,
            "reasons",
        )

    def _show(self, rows: list[ReasonRow], policy: Policy, select_code: str | None) -> None:
        self.model.policy = policy
        self._show_placeholders(policy)
        self.model.set_rows(rows)
        for n, row in enumerate(rows):
            if row.code == select_code:
                self.view.selectRow(n)
                return
        self._set_form(None)

    def selected(self) -> ReasonRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self) -> None:
        self._set_form(self.selected())

    def start_new(self) -> None:
        self.view.clearSelection()
        self._set_form(None)
        self._new = True
        self.code_edit.setEnabled(True)
        self.active_box.setChecked(True)
        self.save_button.setEnabled(True)
        self.code_edit.setFocus()

    def _fit_columns(self) -> None:
        for column in range(ORDER_COLUMN, FAMILY_TEXT_COLUMN):
            self.view.resizeColumnToContents(column)

    def _set_form(self, row: ReasonRow | None) -> None:
        self._new = False
        self._original = row
        self.name_label.setText(reason_name(row, self.model.policy) if row else "")
        self.code_edit.setText(row.code if row else "")
        self.code_edit.setEnabled(False)
        self.rule_edit.setText((row.rule_id or "") if row else "")
        self.applies_combo.setCurrentIndex(
            max(0, self.applies_combo.findData(row.applies_to if row else "post"))
        )
        self.strike_box.setChecked(row.counts_as_strike if row else False)
        self.active_box.setChecked(row.active if row else True)
        self.sort_spin.setValue(row.sort_order if row else 0)
        self.text_edit.setPlainText(row.text if row else "")
        self.suggestion_edit.setPlainText(row.suggestion if row else "")
        self.save_button.setEnabled(row is not None)

    def _show_placeholders(self, policy: Policy) -> None:
        entries = (
            self.tr("{placeholder} = {value} ({meaning})").format(
                placeholder="{" + name + "}", value=value, meaning=placeholder_meaning(name)
            )
            for name, value in policy_words(policy).items()
        )
        self.placeholder_hint.setText(
            self.tr("Numbers in braces take your facility's values: {entries}").format(
                entries=self.tr("; ").join(entries)
            )
        )
        self._show_family_reads()

    def _show_family_reads(self) -> None:
        row = self.form_row()
        if not (row.text.strip() or row.suggestion.strip()):
            self.family_reads.clear()
            return
        reads = as_family_reads(row, self.model.policy)
        self.family_reads.setText(f"{reads.text}\n{reads.suggestion}".strip())

    def form_row(self) -> ReasonRow:
        return ReasonRow(
            code=self.code_edit.text().strip(),
            text=self.text_edit.toPlainText(),
            suggestion=self.suggestion_edit.toPlainText(),
            counts_as_strike=self.strike_box.isChecked(),
            applies_to=str(self.applies_combo.currentData()),
            rule_id=self.rule_edit.text().strip() or None,
            active=self.active_box.isChecked(),
            sort_order=self.sort_spin.value(),
        )

    def save(self) -> None:
        """Say what the save changes and save once the supervisor agrees (nothing changed: nothing asked)."""
        row = self.form_row()
        if self._new and any(r.code == row.code for r in self.model.rows()):
            self.message_label.setText(
                self.tr("Code {code} exists already: select that reason to change it").format(code=row.code)
            )
            return
        before = None if self._new else self._original
        if before is not None and _stored_as(before) == _stored_as(row):
            self.message_label.setText(self.tr("Nothing changed: nothing to save"))
            return
        dialog = ConfirmSaveDialog(
            change_summary(before, row, self.model.policy), new=before is None, parent=self
        )
        self.confirm_dialog = dialog

        def finished(result: int) -> None:
            self.confirm_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                self._save(row)

        dialog.finished.connect(finished)
        dialog.open()

    def _save(self, row: ReasonRow) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()

        def done(saved: ReasonRow) -> None:
            self.message_label.setText(self.tr("Saved {code}").format(code=saved.code))
            self._select_after_reload = saved.code  # the reload follows: CATALOGUE is heard here too
            self.saved.emit(saved)

        run_work(
            self,
            executors.network(),
            lambda: save_reason(engine, actor, row, now),
            done,
            self._failed,
            "save",
            saves=[CATALOGUE],
        )

    def _failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        self.message_label.setText(message)
        self.failed.emit(message)


def _stored_as(row: ReasonRow) -> ReasonRow:
    """The row as the save would store it (texts trimmed, an empty rule none)."""
    return replace(
        row, text=row.text.strip(), suggestion=row.suggestion.strip(), rule_id=(row.rule_id or None)
    )


def _field_label(field: str) -> str:
    labels = {
        "text": QCoreApplication.translate("CatalogueEditor", "Reason the family reads"),
        "suggestion": QCoreApplication.translate("CatalogueEditor", "Suggestion"),
        "counts_as_strike": QCoreApplication.translate("CatalogueEditor", "Counts as a strike"),
        "applies_to": QCoreApplication.translate("CatalogueEditor", "Applies to"),
        "rule_id": QCoreApplication.translate("CatalogueEditor", "Rule"),
        "active": QCoreApplication.translate("CatalogueEditor", "Active"),
        "sort_order": QCoreApplication.translate("CatalogueEditor", "Order"),
    }
    return labels.get(field, field)


def _field_value(field: str, value: object) -> str:
    if isinstance(value, bool):
        return _yes(value)
    if field == "applies_to":
        return applies_word(str(value))
    if value is None or value == "":
        return QCoreApplication.translate("CatalogueEditor", "(none)")
    return str(value)


#: The fields a supervisor edits, in the form's order.
_FIELDS = ("applies_to", "counts_as_strike", "active", "rule_id", "sort_order", "text", "suggestion")
_TEXTS = frozenset({"text", "suggestion"})


def change_summary(before: ReasonRow | None, after: ReasonRow, policy: Policy) -> str:
    """What a save does, in words: every field of a new reason, or each changed field as before → after,
    and what a change of the strike flag or of 啟用 means for families and reviewers."""
    after = _stored_as(after)
    name = reason_name(after, policy)
    lines: list[str] = []
    if before is None:
        lines.append(
            QCoreApplication.translate("CatalogueEditor", "Add the reason {name} ({code}):").format(
                name=name, code=after.code
            )
        )
        for field in _FIELDS:
            lines.append(f"{_field_label(field)}：{_field_value(field, getattr(after, field))}")
    else:
        before = _stored_as(before)
        lines.append(
            QCoreApplication.translate("CatalogueEditor", "Change the reason {name} ({code}):").format(
                name=name, code=after.code
            )
        )
        for field in _FIELDS:
            old, new = getattr(before, field), getattr(after, field)
            if old == new:
                continue
            if field in _TEXTS:
                lines.append(f"{_field_label(field)}：")
                lines.append(
                    QCoreApplication.translate("CatalogueEditor", "  before: {text}").format(text=old)
                )
                lines.append(
                    QCoreApplication.translate("CatalogueEditor", "  after: {text}").format(text=new)
                )
            else:
                lines.append(
                    f"{_field_label(field)}：{_field_value(field, old)} → {_field_value(field, new)}"
                )
    was_strike = before.counts_as_strike if before is not None else False
    if after.counts_as_strike and not was_strike:
        lines.append(
            QCoreApplication.translate(
                "CatalogueEditor",
                "From now on a rejection for this reason counts as a strike: {threshold} in total suspend the family's posting for {months} month(s).",  # noqa: E501
            ).format(threshold=policy.strike_threshold, months=policy.suspension_months)
        )
    elif was_strike and not after.counts_as_strike:
        lines.append(
            QCoreApplication.translate(
                "CatalogueEditor",
                "From now on a rejection for this reason no longer counts as a strike (strikes already given stay).",  # noqa: E501
            )
        )
    if before is not None and before.active and not after.active:
        lines.append(
            QCoreApplication.translate("CatalogueEditor", "Reviewers will no longer be offered this reason.")
        )
    lines.append(
        QCoreApplication.translate("CatalogueEditor", "Workstations use the change after their next sync.")
    )
    return "\n".join(lines)


class ConfirmSaveDialog(QDialog):
    """儲存前確認: what the save changes; 儲存 or 取消 (which keeps the form as edited)."""

    def __init__(self, summary: str, *, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmReasonSave")
        self.setWindowTitle(
            self.tr("Add this reason?") if new else self.tr("Save the changes to this reason?")
        )
        self.text = QLabel(summary)
        self.text.setObjectName("changeSummary")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(520)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def summary(self) -> str:
        return self.text.text()
