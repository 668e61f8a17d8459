"""Suspensions and strikes (P7) of the supervisor's facility: lift or shorten a suspension, dismiss a
strike given by mistake, each with a reason.

Plugging it in::

    panel = SuspensionsPanel(session.engine, session.actor(workstation))
    panel.changed.connect(...)   # after a lift, shortening or dismissal was saved
    panel.refresh()
    ...
    panel.shutdown()             # (closeEvent does it) returns at once; a save still running ends

Database work runs on the shared network workers; the models only show rows. A save
announces SUSPENSIONS or STRIKES, and every open panel (this one too) reloads when it hears them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.core.timeutil import FACILITY_TZ, local
from reviewer_app.qt import (
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.supervision import families as family_tools
from reviewer_app.supervision import strikes as strike_tools
from reviewer_app.supervision import suspensions as suspension_tools
from reviewer_app.supervision.families import FamilyOnRecord
from reviewer_app.supervision.strikes import StrikeRow
from reviewer_app.supervision.suspensions import SuspensionRow
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import STRIKES, SUSPENSIONS
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.supervisor.common import (
    ColumnSpec,
    ReasonDialog,
    RowsModel,
    day,
    failure_message,
    make_table,
    select_current_row,
    when,
)
from reviewer_app.ui.supervisor.families_panel import (
    counter,
    last_full_day,
    running_suspension_spending,
    suspension_name,
)


def state_word(code: str) -> str:
    labels = {
        "active": QCoreApplication.translate("SuspensionsModel", "Suspended"),
        "lifted": QCoreApplication.translate("SuspensionsModel", "Lifted"),
        "ended": QCoreApplication.translate("SuspensionsModel", "Ended"),
        # Four eyes: a lift or a shorter end asked for, until a second supervisor confirms it.
        "waiting": QCoreApplication.translate("SuspensionsModel", "Suspended, change awaits a second look"),
    }
    return labels.get(code, code)


Clock = Callable[[], datetime]


class SuspensionsModel(RowsModel[SuspensionRow]):
    def __init__(self, clock: Clock = utcnow, parent: QObject | None = None) -> None:
        self.clock = clock
        super().__init__(
            [
                ColumnSpec(
                    QCoreApplication.translate("SuspensionsModel", "Family"), lambda r: r.applicant_name
                ),
                ColumnSpec(
                    QCoreApplication.translate("SuspensionsModel", "Call number"),
                    lambda r: r.inmate_call_number,
                ),
                ColumnSpec(QCoreApplication.translate("SuspensionsModel", "Inmate"), lambda r: r.inmate_name),
                ColumnSpec(
                    QCoreApplication.translate("SuspensionsModel", "Block"),
                    lambda r: str(r.block),
                    lambda r: r.block,
                ),
                ColumnSpec(
                    QCoreApplication.translate("SuspensionsModel", "Starts"),
                    lambda r: day(r.starts_at),
                    lambda r: r.starts_at,
                ),
                ColumnSpec(
                    QCoreApplication.translate("SuspensionsModel", "Ends"),
                    lambda r: day(r.ends_at),
                    lambda r: r.ends_at,
                ),
                ColumnSpec(
                    QCoreApplication.translate("SuspensionsModel", "State"),
                    lambda r: state_word("waiting" if r.waiting_look else r.state(self.clock())),
                ),
                ColumnSpec(
                    QCoreApplication.translate("SuspensionsModel", "Lifted by"),
                    lambda r: (
                        "" if r.lifted_at is None else f"{r.lifted_by} {when(r.lifted_at)}：{r.lift_reason}"
                    ),
                ),
            ],
            parent,
        )


class StrikesModel(RowsModel[StrikeRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        #: Reason code → the catalogue's text (what the family read); a code not in it shows as is.
        self.reason_texts: dict[str, str] = {}
        super().__init__(
            [
                ColumnSpec(
                    QCoreApplication.translate("StrikesModel", "Date"),
                    lambda r: day(r.created_at),
                    lambda r: r.created_at,
                ),
                ColumnSpec(
                    QCoreApplication.translate("StrikesModel", "Post"),
                    lambda r: f"#{r.post_id} {r.post_title}",
                ),
                ColumnSpec(
                    QCoreApplication.translate("StrikesModel", "Reason"),
                    lambda r: self.reason_text(r.reason_code),
                ),
                ColumnSpec(
                    QCoreApplication.translate("StrikesModel", "Dismissed by"),
                    lambda r: (
                        ""
                        if r.dismissed_at is None
                        else f"{r.dismissed_by} {when(r.dismissed_at)}：{r.dismiss_reason}"
                    ),
                ),
            ],
            parent,
        )

    def reason_text(self, code: str) -> str:
        # Supervisors know reasons by their words, not by internal codes such as P4_TOO_LONG.
        return self.reason_texts.get(code, code)

    def set_rows_and_reasons(self, rows: list[StrikeRow], reason_texts: dict[str, str]) -> None:
        self.reason_texts = dict(reason_texts)
        self.set_rows(rows)


class SuspensionsPanel(BackgroundWidget):
    #: A lift, shortening or dismissal was saved.
    changed = Signal()
    #: Something failed; the zh-TW message is also shown in the panel.
    failed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        clock: Clock = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("suspensionsPanel")
        self.engine = engine
        self.actor = actor
        self.clock = clock
        self.dialog: ReasonDialog | None = None
        #: The chosen suspension's family with its cycles (which running suspension spent which strike).
        self._family: FamilyOnRecord | None = None

        self.suspension_model = SuspensionsModel(clock, self)
        self.strike_model = StrikesModel(self)
        self.suspension_view = make_table(self.suspension_model, "suspensions")
        self.strike_view = make_table(self.strike_model, "strikes")
        # The reason is a sentence the family read: it shares the spare width with 撤銷.
        self.strike_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.lift_button = QPushButton(self.tr("Lift suspension…"))
        self.shorten_button = QPushButton(self.tr("Shorten suspension…"))
        self.dismiss_button = QPushButton(self.tr("Dismiss strike…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)

        self.lift_button.clicked.connect(self.ask_lift)
        self.shorten_button.clicked.connect(self.ask_shorten)
        self.dismiss_button.clicked.connect(self.ask_dismiss)
        self.refresh_button.clicked.connect(self.refresh)
        self.suspension_view.selectionModel().selectionChanged.connect(self._suspension_selected)
        for view in (self.suspension_view, self.strike_view):
            view.selectionModel().currentRowChanged.connect(
                lambda current, _previous, v=view: select_current_row(v, current)
            )
        self.strike_view.selectionModel().selectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for b in (self.lift_button, self.shorten_button, self.dismiss_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Suspensions at this facility")))
        layout.addWidget(self.suspension_view, 3)
        layout.addWidget(QLabel(self.tr("This family's strikes (P7)")))
        layout.addWidget(self.strike_view, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        self._update_buttons()
        self.listen_to({SUSPENSIONS, STRIKES}, lambda _kinds, _origin: self.refresh())

    # ---- reading -------------------------------------------------------------------------------

    def selected_suspension(self) -> SuspensionRow | None:
        rows = self.suspension_view.selectionModel().selectedRows()
        return self.suspension_model.row_at(rows[0].row()) if rows else None

    def selected_strike(self) -> StrikeRow | None:
        rows = self.strike_view.selectionModel().selectedRows()
        return self.strike_model.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        engine, actor = self.engine, self.actor
        keep = self.selected_suspension()
        run_work(
            self,
            executors.network(),
            lambda: suspension_tools.suspensions(engine, actor),
            lambda rows: self._show_suspensions(rows, keep.id if keep else None),
            self._failed,
            "suspensions",
        )

    def _show_suspensions(self, rows: list[SuspensionRow], keep_id: int | None) -> None:
        self.suspension_model.set_rows(rows)
        for n, row in enumerate(rows):
            if row.id == keep_id:
                self.suspension_view.selectRow(n)
                break
        else:
            self.strike_model.set_rows([])
        self._update_buttons()

    def _suspension_selected(self) -> None:
        self._update_buttons()
        row = self.selected_suspension()
        if row is None:
            self.strike_model.set_rows([])
            return
        engine, actor, service_id, now = self.engine, self.actor, row.service_id, self.clock()

        def work() -> tuple[list[StrikeRow], dict[str, str], FamilyOnRecord | None]:
            found = strike_tools.strikes_and_reason_words(engine, actor, service_id)
            # The family's cycles: which running suspension spent which strike (R2).
            return (*found, family_tools.family_on_record(engine, actor, service_id, now))

        run_work(self, executors.network(), work, self._show_strikes, self._failed, "strikes")

    def _show_strikes(self, found: tuple[list[StrikeRow], dict[str, str], FamilyOnRecord | None]) -> None:
        rows, reason_texts, family = found
        self._family = family
        self.strike_model.set_rows_and_reasons(rows, reason_texts)
        self._update_buttons()

    def _update_buttons(self) -> None:
        sus = self.selected_suspension()
        active = (
            sus is not None and sus.lifted_at is None and sus.ends_at > self.clock() and not sus.waiting_look
        )
        self.lift_button.setEnabled(active)
        self.shorten_button.setEnabled(active)
        strike = self.selected_strike()
        self.dismiss_button.setEnabled(strike is not None and strike.dismissed_at is None)

    # ---- actions -------------------------------------------------------------------------------

    def _open(self, dialog: ReasonDialog, on_ok: Callable[[ReasonDialog], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: on_ok(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_lift(self) -> None:
        sus = self.selected_suspension()
        if sus is None:
            return
        prompt = self.tr(
            "Lift the suspension of {family} (call number {call}): they may post again from now on. Why?"
        ).format(family=sus.applicant_name, call=sus.inmate_call_number)
        self._open(
            ReasonDialog(self.tr("Lift suspension"), prompt, parent=self),
            lambda d: self.lift(sus.id, d.reason()),
        )

    def ask_shorten(self) -> None:
        sus = self.selected_suspension()
        if sus is None:
            return
        end = local(sus.ends_at).date()
        prompt = self.tr(
            "Shorten the suspension of {family} (call number {call}), due to end on {end}. Choose the new end date and say why:"  # noqa: E501
        ).format(family=sus.applicant_name, call=sus.inmate_call_number, end=day(sus.ends_at))
        dialog = ReasonDialog(
            self.tr("Shorten suspension"),
            prompt,
            new_end=max(local(self.clock()).date(), local(sus.starts_at).date()),
            latest_end=end,
            earliest_end=local(sus.starts_at).date(),
            parent=self,
        )

        def ok(d: ReasonDialog) -> None:
            new_day = d.new_end()
            assert new_day is not None
            new_end = datetime.combine(new_day, local(sus.ends_at).timetz()).replace(tzinfo=FACILITY_TZ)
            self.shorten(sus.id, new_end, d.reason())

        self._open(dialog, ok)

    def ask_dismiss(self) -> None:
        strike = self.selected_strike()
        if strike is None:
            return
        prompt = self.tr(
            "Dismiss the strike of {day} (post #{post}, {code}): it will no longer count towards a suspension."  # noqa: E501
        ).format(
            day=day(strike.created_at),
            post=strike.post_id,
            code=self.strike_model.reason_text(strike.reason_code),
        )
        family = (
            self._family
            if self._family is not None and self._family.service_id == strike.service_id
            else None
        )
        running = running_suspension_spending(family, strike) if family is not None else None
        if running is not None:
            prompt += self.tr(
                " {suspension} (last day {day}) spent this strike: it ends with it, and its other strikes count in this cycle again."  # noqa: E501
            ).format(suspension=suspension_name(running.number), day=last_full_day(running.ends_at))
        prompt += self.tr(" Why?")
        self._open(
            ReasonDialog(self.tr("Dismiss strike"), prompt, parent=self),
            lambda d: self.dismiss(strike.id, d.reason(), family),
        )

    def lift(self, suspension_id: int, reason: str) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        self._save(
            lambda: suspension_tools.lift_suspension(engine, actor, suspension_id, reason, now),
            self.tr("Suspension lifted"),
            SUSPENSIONS,
        )

    def shorten(self, suspension_id: int, new_end: datetime, reason: str) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        self._save(
            lambda: suspension_tools.shorten_suspension(engine, actor, suspension_id, new_end, reason, now),
            self.tr("Suspension shortened"),
            SUSPENSIONS,
        )

    def dismiss(self, strike_id: int, reason: str, family: FamilyOnRecord | None = None) -> None:
        """Dismiss a strike; the panel then says what it did to the family's suspensions (R2)."""
        engine, actor, now = self.engine, self.actor, self.clock()
        service_id = family.service_id if family is not None else None

        def work() -> FamilyOnRecord | None:
            strike_tools.dismiss_strike(engine, actor, strike_id, reason, now)
            if service_id is None:
                return None
            return family_tools.family_on_record(engine, actor, service_id, now)

        def saved(after: FamilyOnRecord | None) -> None:
            self.message_label.setText(self._what_happened(family, after))
            self.changed.emit()  # the reload follows: this panel hears the kinds it announced

        run_work(
            self,
            executors.network(),
            work,
            saved,
            self._failed,
            "supervisor-action",
            saves=[STRIKES, SUSPENSIONS],  # a dismissal may end a suspension
        )

    def _what_happened(self, before: FamilyOnRecord | None, after: FamilyOnRecord | None) -> str:
        text = self.tr("Strike dismissed")
        if before is None or after is None:
            return text
        running_after = {c.number for c in after.suspensions if c.running}
        for c in before.suspensions:
            if c.running and c.number not in running_after:
                text += self.tr("; {suspension} ended with it").format(suspension=suspension_name(c.number))
        return text + self.tr(", strikes now {count}").format(count=counter(after))

    def _save(self, fn: Callable[[], object], done_text: str, kind: str) -> None:
        def saved(result: object) -> None:
            if isinstance(result, SuspensionRow) and result.waiting_look:
                self.message_label.setText(
                    self.tr("Sent for a second look: another supervisor confirms it in 待覆核 (Ctrl+Shift+K)")
                )
            else:
                self.message_label.setText(done_text)
            self.changed.emit()  # the reload follows: this panel hears the kind it announced

        run_work(self, executors.network(), fn, saved, self._failed, "supervisor-action", saves=[kind])

    def _failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        self.message_label.setText(message)
        self.failed.emit(message)
