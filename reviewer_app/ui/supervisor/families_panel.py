"""家屬違規與停權紀錄 (P7, R2, R4): the facility's families on record — suspended ones first, then
families at one or two strikes — with the strikes of the current cycle ("1/3": strikes a suspension
spent no longer count, so never "3/3" after it, nor "4/3"), the date they are suspended to, and for
the chosen family each suspension with the posts whose strikes it spent and the posts approved while
it ran (the supervisor checks those), and its strikes, any of which may be dismissed.

Plugging it in::

    panel = FamiliesPanel(session.engine, session.actor(workstation))
    panel.changed.connect(...)   # after a dismissal was saved
    panel.refresh()
    ...
    panel.shutdown()             # (closeEvent does it) returns at once; a save still running ends

Database work runs on the shared network workers; the models only show rows. A dismissal announces
STRIKES and SUSPENSIONS (it may end a suspension), and every open panel reloads when it hears them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.access.staff import list_staff
from reviewer_app.core.timeutil import FACILITY_TZ, local
from reviewer_app.qt import (
    QBrush,
    QColor,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.supervision import families as family_tools
from reviewer_app.supervision import strikes as strike_tools
from reviewer_app.supervision import suspensions as suspension_tools
from reviewer_app.supervision.families import FamilyOnRecord, SuspensionOnRecord
from reviewer_app.supervision.strikes import StrikeRow
from reviewer_app.supervision.suspensions import SuspensionRow
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import STRIKES, SUSPENSIONS
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change, label, repaint_views
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.supervisor.common import (
    AnyIndex,
    ColumnSpec,
    ReasonDialog,
    RowsModel,
    day,
    failure_message,
    make_table,
    select_current_row,
    when,
)

Clock = Callable[[], datetime]
#: Posts approved while their family was suspended stand out: the supervisor should look at them.
ATTENTION = QColor("#fde2b8")


def last_full_day(end: datetime | None) -> str:
    """The last whole day of a suspension (it ends during the next one, e.g. at 09:00)."""
    return "" if end is None else f"{local(end).date() - timedelta(days=1):%Y/%m/%d}"


def counter(family: FamilyOnRecord) -> str:
    """Strikes of the current cycle over the threshold; the replay never lets them pass it."""
    return f"{min(family.live_strikes, family.threshold)}/{family.threshold}"


def posts(ids: tuple[int, ...]) -> str:
    return " ".join(f"#{i}" for i in ids)


def suspension_name(number: int) -> str:
    return QCoreApplication.translate("FamiliesPanel", "Suspension {number}").format(number=number)


class FamiliesModel(RowsModel[FamilyOnRecord]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamiliesModel", "Family"), lambda f: f.applicant_name
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamiliesModel", "Call number"),
                    lambda f: f.inmate_call_number,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamiliesModel", "Strikes (this cycle)"),
                    counter,
                    lambda f: f.live_strikes,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamiliesModel", "Suspended until"),
                    lambda f: last_full_day(f.suspended_until),
                    lambda f: f.suspended_until,
                ),
            ],
            parent,
        )


APPROVED_INSIDE_COLUMN = 5


class FamilySuspensionsModel(RowsModel[SuspensionOnRecord]):
    def __init__(self, parent: QObject | None = None) -> None:
        #: Suspension number → the display name of the supervisor who lifted it.
        self.lifted_by: dict[int, str] = {}
        #: Suspension numbers whose lift or shortening waits for a second supervisor (four eyes).
        self.waiting: set[int] = set()
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilySuspensionsModel", "Suspension"),
                    lambda c: QCoreApplication.translate("FamilySuspensionsModel", "No. {number}").format(
                        number=c.number
                    ),
                    lambda c: c.number,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilySuspensionsModel", "Starts"),
                    lambda c: day(c.starts_at),
                    lambda c: c.starts_at,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilySuspensionsModel", "Last day"),
                    lambda c: last_full_day(c.ends_at),
                    lambda c: c.ends_at,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilySuspensionsModel", "Lifted"), self._lifted
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilySuspensionsModel", "Strikes it spent (posts)"),
                    lambda c: posts(c.spent_posts),
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate(
                        "FamilySuspensionsModel", "Posts approved while suspended"
                    ),
                    self._approved_inside,
                ),
            ],
            parent,
        )

    def _lifted(self, c: SuspensionOnRecord) -> str:
        if c.lifted_at is not None:
            who = self.lifted_by.get(c.number)
            return " ".join(part for part in (who, f"{when(c.lifted_at)}：{c.lift_reason or ''}") if part)
        if c.running and c.number in self.waiting:
            return QCoreApplication.translate(
                "FamilySuspensionsModel", "Running; the change asked for awaits a second look (待覆核)"
            )
        return QCoreApplication.translate("FamilySuspensionsModel", "Running") if c.running else ""

    def set_lifted_by(self, lifted_by: dict[int, str], waiting: set[int] | None = None) -> None:
        self.lifted_by = dict(lifted_by)
        self.waiting = set(waiting or ())
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    @staticmethod
    def _approved_inside(c: SuspensionOnRecord) -> str:
        if not c.approved_inside:
            return ""
        # R4: decided before the suspension reached the shared database; they stay approved.
        return QCoreApplication.translate("FamilySuspensionsModel", "{posts} (please check)").format(
            posts=posts(c.approved_inside)
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and index.isValid()
            and index.column() == APPROVED_INSIDE_COLUMN
        ):
            row = self.row_at(index.row())
            return QBrush(ATTENTION) if row is not None and row.approved_inside else None
        return super().data(index, role)


class FamilyStrikesModel(RowsModel[StrikeRow]):
    """A family's strikes, each with what it counts for now: the current cycle, a suspension, nothing."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.reason_texts: dict[str, str] = {}
        self.family: FamilyOnRecord | None = None
        #: Account → display name: supervisors know each other by name, not by login.
        self.names: dict[str, str] = {}
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilyStrikesModel", "Date"),
                    lambda r: day(r.created_at),
                    lambda r: r.created_at,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilyStrikesModel", "Post"),
                    lambda r: f"#{r.post_id} {r.post_title}",
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilyStrikesModel", "Reason"),
                    lambda r: self.reason_texts.get(r.reason_code, r.reason_code),
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilyStrikesModel", "Counts for"), self.counts_for
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("FamilyStrikesModel", "Dismissed by"),
                    lambda r: (
                        ""
                        if r.dismissed_at is None
                        else f"{self.names.get(r.dismissed_by or '', r.dismissed_by)} "
                        f"{when(r.dismissed_at)}：{r.dismiss_reason}"
                    ),
                ),
            ],
            parent,
        )

    def counts_for(self, strike: StrikeRow) -> str:
        if strike.dismissed_at is not None:
            return QCoreApplication.translate("FamilyStrikesModel", "Dismissed")
        family = self.family
        if family is None:
            return ""
        if strike.post_id in family.live_posts:
            return QCoreApplication.translate("FamilyStrikesModel", "This cycle")
        spent_by = running_suspension_spending(family, strike) or next(
            (c for c in family.suspensions if strike.post_id in c.spent_posts), None
        )
        if spent_by is None:
            return ""
        return QCoreApplication.translate("FamilyStrikesModel", "Spent by suspension {number}").format(
            number=spent_by.number
        )

    def set_family(
        self,
        family: FamilyOnRecord,
        rows: list[StrikeRow],
        reason_texts: dict[str, str],
        names: dict[str, str] | None = None,
    ) -> None:
        self.family, self.reason_texts = family, dict(reason_texts)
        self.names = dict(names or {})
        self.set_rows(rows)


@dataclass(frozen=True)
class FamilyRecords:
    """What the panel reads for the chosen family, on a worker."""

    strikes: list[StrikeRow]
    reason_texts: dict[str, str]
    #: suspension number → its row (the id a lift or a shortening needs)
    suspensions: dict[int, SuspensionRow]
    names: dict[str, str]


def read_family_records(engine: Engine, actor: Actor, service_id: int) -> FamilyRecords:
    rows, reasons = strike_tools.strikes_and_reason_words(engine, actor, service_id)
    suspensions = {
        r.block: r for r in suspension_tools.suspensions(engine, actor) if r.service_id == service_id
    }
    names = {staff.username: staff.display_name for staff in list_staff(engine)}
    return FamilyRecords(rows, reasons, suspensions, names)


def running_suspension_spending(family: FamilyOnRecord, strike: StrikeRow) -> SuspensionOnRecord | None:
    """The suspension running now that spent this strike: dismissing the strike ends it (R2)."""
    if strike.dismissed_at is not None or strike.post_id in family.live_posts:
        return None
    return next((c for c in family.suspensions if c.running and strike.post_id in c.spent_posts), None)


class FamiliesPanel(BackgroundWidget):
    #: A dismissal, a lift or a shortening was saved.
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
        self.texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self.setObjectName("familiesPanel")
        self.engine = engine
        self.actor = actor
        self.clock = clock
        self.dialog: ReasonDialog | None = None
        self._suspension_rows: dict[int, SuspensionRow] = {}  # the chosen family's, by number

        self.family_model = FamiliesModel(self)
        self.suspension_model = FamilySuspensionsModel(self)
        self.strike_model = FamilyStrikesModel(self)
        self.family_view = make_table(self.family_model, "families")
        self.suspension_view = make_table(self.suspension_model, "familySuspensions")
        self.strike_view = make_table(self.strike_model, "familyStrikes")
        # Short cells fit their words (zh-TW headers were cut off); words (a lift's reason, the reason
        # a family read) share the spare width.
        for view, wordy in ((self.family_view, 3), (self.suspension_view, 3), (self.strike_view, 2)):
            header = view.horizontalHeader()
            header.setMinimumSectionSize(90)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(wordy, QHeaderView.ResizeMode.Stretch)
        self.lift_button = QPushButton()
        self.texts.bind(self.lift_button.setText, lambda: self.tr("Lift suspension…"))
        self.lift_button.setObjectName("liftSuspension")
        self.shorten_button = QPushButton()
        self.texts.bind(self.shorten_button.setText, lambda: self.tr("Shorten suspension…"))
        self.shorten_button.setObjectName("shortenSuspension")
        self.dismiss_button = QPushButton()
        self.texts.bind(self.dismiss_button.setText, lambda: self.tr("Dismiss strike…"))
        self.refresh_button = QPushButton()
        self.texts.bind(self.refresh_button.setText, lambda: self.tr("Refresh"))
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.family_label = QLabel()

        self.lift_button.clicked.connect(self.ask_lift)
        self.shorten_button.clicked.connect(self.ask_shorten)
        self.dismiss_button.clicked.connect(self.ask_dismiss)
        self.refresh_button.clicked.connect(self.refresh)
        self.family_view.selectionModel().selectionChanged.connect(self._family_selected)
        for view in (self.family_view, self.suspension_view, self.strike_view):
            view.selectionModel().currentRowChanged.connect(
                lambda current, _previous, v=view: select_current_row(v, current)
            )
        self.strike_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.suspension_view.selectionModel().selectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for button in (self.lift_button, self.shorten_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(self.texts, lambda: self.tr("Families with strikes or suspensions (suspended first)"))
        )
        layout.addWidget(self.family_view, 3)
        layout.addWidget(self.family_label)
        layout.addWidget(label(self.texts, lambda: self.tr("Their suspensions")))
        layout.addWidget(self.suspension_view, 2)
        layout.addWidget(label(self.texts, lambda: self.tr("Their strikes (P7)")))
        layout.addWidget(self.strike_view, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        chain = (
            self.family_view,
            self.suspension_view,
            self.strike_view,
            self.lift_button,
            self.shorten_button,
            self.dismiss_button,
        )
        for first, then in zip(chain, (*chain[1:], self.refresh_button), strict=True):
            QWidget.setTabOrder(first, then)
        self._update_buttons()
        self.listen_to({SUSPENSIONS, STRIKES}, lambda _kinds, _origin: self.refresh())

    # ---- reading -------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.texts.retranslate()
            repaint_views(self)  # the tables' headers and cells are worded when asked
            self.family_label.setText(self._summary(self.selected_family()))

    def selected_family(self) -> FamilyOnRecord | None:
        return self._selected(self.family_view, self.family_model)

    def selected_strike(self) -> StrikeRow | None:
        return self._selected(self.strike_view, self.strike_model)

    def selected_suspension(self) -> SuspensionRow | None:
        """The chosen suspension of the chosen family, as the shared database has it (for its id)."""
        chosen: SuspensionOnRecord | None = self._selected(self.suspension_view, self.suspension_model)
        return self._suspension_rows.get(chosen.number) if chosen is not None else None

    def _running_suspension(self) -> SuspensionRow | None:
        """The chosen suspension when it is still running: only that one can be lifted or shortened."""
        chosen: SuspensionOnRecord | None = self._selected(self.suspension_view, self.suspension_model)
        return self._suspension_rows.get(chosen.number) if chosen is not None and chosen.running else None

    @staticmethod
    def _selected(view: QTableView, model: RowsModel[Any]) -> Any:
        rows = view.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        keep = self.selected_family()
        run_work(
            self,
            executors.network(),
            lambda: family_tools.families_on_record(engine, actor, now),
            lambda rows: self._show_families(rows, keep.service_id if keep else None),
            self._failed,
            "families-on-record",
        )

    def _show_families(self, rows: list[FamilyOnRecord], keep_id: int | None) -> None:
        self.family_model.set_rows(rows)
        for n, row in enumerate(rows):
            if row.service_id == keep_id:
                self.family_view.selectRow(n)
                break
        else:
            self._family_selected()
        self._update_buttons()

    def _family_selected(self) -> None:
        family = self.selected_family()
        self._suspension_rows = {}
        self.suspension_model.set_rows(family.suspensions if family else [])
        self.suspension_model.set_lifted_by({})
        self.strike_model.set_rows([])
        self.family_label.setText(self._summary(family))
        self._update_buttons()
        if family is None:
            return
        engine, actor, service_id = self.engine, self.actor, family.service_id
        run_work(
            self,
            executors.network(),
            lambda: read_family_records(engine, actor, service_id),
            lambda found: self._show_records(family, found),
            self._failed,
            "family-strikes",
        )

    def _summary(self, family: FamilyOnRecord | None) -> str:
        if family is None:
            return ""
        text = self.tr("{family} (call number {call}): strikes this cycle {count}").format(
            family=family.applicant_name, call=family.inmate_call_number, count=counter(family)
        )
        if family.suspended_until is not None:
            text += self.tr(", suspended until {day}").format(day=last_full_day(family.suspended_until))
        return text

    def _show_records(self, family: FamilyOnRecord, found: FamilyRecords) -> None:
        if self.selected_family() != family:
            return  # another family was chosen meanwhile; its own answer follows
        self._suspension_rows = found.suspensions
        names = found.names
        self.suspension_model.set_lifted_by(
            {n: names.get(r.lifted_by, r.lifted_by) for n, r in found.suspensions.items() if r.lifted_by},
            {n for n, r in found.suspensions.items() if r.waiting_look},
        )
        self.strike_model.set_family(family, found.strikes, found.reason_texts, names)
        if self.suspension_model.rowCount() and not self.suspension_view.selectionModel().hasSelection():
            self.suspension_view.selectRow(0)  # the latest one: the one a supervisor acts on
        self._update_buttons()

    def _update_buttons(self) -> None:
        strike = self.selected_strike()
        self.dismiss_button.setEnabled(strike is not None and strike.dismissed_at is None)
        running_now = self._running_suspension()
        # A lift or shortening already asked for waits for a second supervisor: nothing more to ask.
        running = running_now is not None and not running_now.waiting_look
        self.lift_button.setEnabled(running)
        self.shorten_button.setEnabled(running)

    # ---- lifting and shortening a suspension ----------------------------------------------------

    def ask_lift(self) -> None:
        sus = self._running_suspension()
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
        sus = self._running_suspension()
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

    def _open(self, dialog: ReasonDialog, on_ok: Callable[[ReasonDialog], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: on_ok(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def lift(self, suspension_id: int, reason: str) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        self._save(
            lambda: suspension_tools.lift_suspension(engine, actor, suspension_id, reason, now),
            self.tr("Suspension lifted"),
        )

    def shorten(self, suspension_id: int, new_end: datetime, reason: str) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        self._save(
            lambda: suspension_tools.shorten_suspension(engine, actor, suspension_id, new_end, reason, now),
            self.tr("Suspension shortened"),
        )

    def _save(self, work: Callable[[], object], done_text: str) -> None:
        def saved(result: object) -> None:
            if isinstance(result, SuspensionRow) and result.waiting_look:
                self.message_label.setText(
                    self.tr("Sent for a second look: another supervisor confirms it in 待覆核 (Ctrl+Shift+K)")
                )
            else:
                self.message_label.setText(done_text)
            self.changed.emit()  # the reload follows: this panel hears the kind it announced

        run_work(self, executors.network(), work, saved, self._failed, "suspension-save", saves=[SUSPENSIONS])

    # ---- dismissing ----------------------------------------------------------------------------

    def ask_dismiss(self) -> None:
        family, strike = self.selected_family(), self.selected_strike()
        if family is None or strike is None or strike.dismissed_at is not None:
            return
        prompt = self.tr(
            "Dismiss the strike of {day} (post #{post}, {reason}): it will no longer count towards a suspension."  # noqa: E501
        ).format(
            day=day(strike.created_at),
            post=strike.post_id,
            reason=self.strike_model.reason_texts.get(strike.reason_code, strike.reason_code),
        )
        running = running_suspension_spending(family, strike)
        if running is not None:
            prompt += self.tr(
                " {suspension} (last day {day}) spent this strike: it ends with it, and its other strikes count in this cycle again."  # noqa: E501
            ).format(suspension=suspension_name(running.number), day=last_full_day(running.ends_at))
        prompt += self.tr(" Why?")
        dialog = ReasonDialog(self.tr("Dismiss strike"), prompt, parent=self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.dismiss(family, strike.id, dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def dismiss(self, family: FamilyOnRecord, strike_id: int, reason: str) -> None:
        engine, actor, now, service_id = self.engine, self.actor, self.clock(), family.service_id

        def work() -> FamilyOnRecord | None:
            strike_tools.dismiss_strike(engine, actor, strike_id, reason, now)
            return family_tools.family_on_record(engine, actor, service_id, now)

        def saved(after: FamilyOnRecord | None) -> None:
            self.message_label.setText(self.what_happened(family, after))
            self.changed.emit()  # the reload follows: this panel hears the kinds it announced

        run_work(
            self,
            executors.network(),
            work,
            saved,
            self._failed,
            "strike-dismiss",
            saves=[STRIKES, SUSPENSIONS],
        )

    def what_happened(self, before: FamilyOnRecord, after: FamilyOnRecord | None) -> str:
        """The dismissal in words: the suspension it ended, one it started, the count now."""
        text = self.tr("Dismissed")
        if after is None:
            return text
        running_before = {c.number for c in before.suspensions if c.running}
        running_after = {c.number: c for c in after.suspensions if c.running}
        for number in sorted(running_before - running_after.keys()):
            text += self.tr("; {suspension} ended with it").format(suspension=suspension_name(number))
        for number in sorted(running_after.keys() - running_before):
            text += self.tr("; {suspension} started, last day {day}").format(
                suspension=suspension_name(number), day=last_full_day(running_after[number].ends_at)
            )
        return text + self.tr(", strikes now {count}").format(count=counter(after))

    def _failed(self, exc: BaseException) -> None:
        message = failure_message(exc)
        self.message_label.setText(message)
        self.failed.emit(message)
