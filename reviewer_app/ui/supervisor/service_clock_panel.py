"""逾期未決 (issue #21 item 5): the facility's items past the target to decide, the oldest first, with
the working days each is late and who holds it; above them the facility's target in working days and
its own calendar (days off such as a typhoon day, extra working days) on top of Taiwan's public
holidays and 補班 Saturdays. Reads and saves through reviewer_app/supervision/service_clock.py on the
shared network workers; every save is audited there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.core.timeutil import local
from reviewer_app.qt import (
    QComboBox,
    QCoreApplication,
    QEvent,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QSpinBox,
    QtCore,
    QtWidgets,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.supervision.service_clock import (
    MAX_TARGET_DAYS,
    CalendarEntry,
    ClockSetup,
    OverdueItem,
    clock_setup,
    overdue_items,
    set_day,
    set_target,
)
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.live_texts import LiveTexts, Say, is_language_change, label, repaint_views
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.common.words import item_kind
from reviewer_app.ui.supervisor.common import (
    ColumnSpec,
    RowsModel,
    failure_message,
    make_table,
    pydate,
    select_current_row,
    when,
)

#: What a supervisor's save changes: nobody else listens, the panel reloads itself.
SERVICE_CLOCK = "service_clock"


def _holder(row: OverdueItem) -> str:
    if row.claimed_by is None:
        return QCoreApplication.translate("OverdueModel", "In the queue")
    return row.claimed_by


class OverdueModel(RowsModel[OverdueItem]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("OverdueModel", "Due on"),
                    lambda r: f"{r.due_on:%Y/%m/%d}",
                    lambda r: r.due_on,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("OverdueModel", "Working days late"),
                    lambda r: str(r.working_days_late),
                    lambda r: r.working_days_late,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("OverdueModel", "Item"),
                    lambda r: f"{item_kind(r.kind)} #{r.item_id}",
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("OverdueModel", "Family"), lambda r: r.family_name
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("OverdueModel", "Submitted"),
                    lambda r: when(r.submitted_at),
                    lambda r: r.submitted_at,
                ),
                ColumnSpec(lambda: QCoreApplication.translate("OverdueModel", "Held by"), _holder),
            ],
            parent,
        )


def _entry_kind(entry: CalendarEntry) -> str:
    if entry.working:
        return QCoreApplication.translate("CalendarModel", "Working day")
    return QCoreApplication.translate("CalendarModel", "Day off")


class CalendarModel(RowsModel[CalendarEntry]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("CalendarModel", "Day"),
                    lambda r: f"{r.day:%Y/%m/%d}",
                    lambda r: r.day,
                ),
                ColumnSpec(lambda: QCoreApplication.translate("CalendarModel", "Kind"), _entry_kind),
                ColumnSpec(lambda: QCoreApplication.translate("CalendarModel", "Note"), lambda r: r.note),
                ColumnSpec(lambda: QCoreApplication.translate("CalendarModel", "Set by"), lambda r: r.set_by),
            ],
            parent,
        )


class ServiceClockPanel(BackgroundWidget):
    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        clock: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serviceClockPanel")
        self.engine, self.actor, self.clock = engine, actor, clock
        self.texts = texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self._summary: Say = str  # the summary line, said again at a language change

        self.model = OverdueModel(self)
        self.view = make_table(self.model, "overdueItems")
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: select_current_row(self.view, current)
        )
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("message")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton()
        texts.bind(self.refresh_button.setText, lambda: self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        self.target = QSpinBox()
        self.target.setObjectName("targetWorkingDays")
        self.target.setRange(0, MAX_TARGET_DAYS)
        texts.bind(self.target.setSuffix, lambda: self.tr(" working days"))
        texts.bind(self.target.setAccessibleName, lambda: self.tr("Target to decide, in working days"))
        self.save_target_button = QPushButton()
        texts.bind(self.save_target_button.setText, lambda: self.tr("Save target"))
        self.save_target_button.clicked.connect(self.save_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(self.save_target_button)
        target_row.addStretch(1)

        self.calendar_model = CalendarModel(self)
        self.calendar_view = make_table(self.calendar_model, "facilityCalendar")
        self.calendar_view.horizontalHeader().setStretchLastSection(True)
        self.calendar_view.setMaximumHeight(150)
        today = local(clock()).date()
        self.day = QtWidgets.QDateEdit(QtCore.QDate(today.year, today.month, today.day))
        self.day.setObjectName("calendarDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy/MM/dd")
        texts.bind(self.day.setAccessibleName, lambda: self.tr("Day"))
        self.day_kind = QComboBox()
        self.day_kind.setObjectName("calendarDayKind")
        self.day_kind.addItem("", False)
        self.day_kind.addItem("", True)
        texts.bind(lambda text: self.day_kind.setItemText(0, text), lambda: self.tr("Day off"))
        texts.bind(lambda text: self.day_kind.setItemText(1, text), lambda: self.tr("Working day"))
        texts.bind(self.day_kind.setAccessibleName, lambda: self.tr("Kind of day"))
        self.day_note = QLineEdit()
        self.day_note.setObjectName("calendarDayNote")
        self.day_note.setMaxLength(100)
        texts.bind(self.day_note.setPlaceholderText, lambda: self.tr("For example: typhoon day off"))
        texts.bind(self.day_note.setAccessibleName, lambda: self.tr("Note"))
        self.save_day_button = QPushButton()
        texts.bind(self.save_day_button.setText, lambda: self.tr("Save day"))
        self.save_day_button.clicked.connect(self.save_day)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day)
        day_row.addWidget(self.day_kind)
        day_row.addWidget(self.day_note, 1)
        day_row.addWidget(self.save_day_button)

        settings = QGroupBox()
        texts.bind(settings.setTitle, lambda: self.tr("Service clock"))
        form = QFormLayout(settings)
        target_label = label(texts, lambda: self.tr("&Target to decide:"))
        target_label.setBuddy(self.target)
        form.addRow(target_label, target_row)
        explanation = label(
            texts,
            lambda: self.tr(
                "Counted in working days of Taipei after the day of submission: weekends, Taiwan's public "
                "holidays and the facility's days off below do not count, 補班 Saturdays do. Families see "
                "the expected decision day on the portal."
            ),
        )
        explanation.setWordWrap(True)
        form.addRow(explanation)
        form.addRow(label(texts, lambda: self.tr("Facility's own days:")), self.calendar_view)
        day_label = label(texts, lambda: self.tr("&Add or change a day:"))
        day_label.setBuddy(self.day)
        form.addRow(day_label, day_row)

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(settings)
        overdue_title = label(texts, lambda: self.tr("Items past the target, the oldest first"))
        overdue_title.setBuddy(self.view)
        layout.addWidget(overdue_title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()
            repaint_views(self)  # the tables' headers and cells are worded when asked
            self._say(self._summary)

    def _say(self, summary: Say) -> None:
        self._summary = summary
        self.summary.setText(summary())

    def refresh(self) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        run_work(
            self,
            executors.network(),
            lambda: (clock_setup(engine, actor), overdue_items(engine, actor, now)),
            lambda loaded: self._show(*loaded),
            self._failed,
            "service-clock",
        )

    def _show(self, setup: ClockSetup, rows: list[OverdueItem]) -> None:
        self.target.setValue(setup.target_working_days)
        self.calendar_model.set_rows(list(setup.entries))
        self.model.set_rows(rows)
        count = len(rows)
        self._say(lambda: self.tr("%n item(s) past the target", "", count))

    def save_target(self) -> None:
        engine, actor, days, now = self.engine, self.actor, self.target.value(), self.clock()
        run_work(
            self,
            executors.network(),
            lambda: set_target(engine, actor, days, now),
            lambda _days: self.refresh(),
            self._failed,
            "save-target",
            saves=[SERVICE_CLOCK],
        )

    def save_day(self) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        the_day, working, note = (
            pydate(self.day.date()),
            bool(self.day_kind.currentData()),
            self.day_note.text(),
        )
        run_work(
            self,
            executors.network(),
            lambda: set_day(engine, actor, the_day, working, note, now),
            self._day_saved,
            self._failed,
            "save-day",
            saves=[SERVICE_CLOCK],
        )

    def _day_saved(self, _entry: CalendarEntry) -> None:
        self.day_note.clear()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._say(lambda: failure_message(exc))
