"""The audit trail of the supervisor's facility, with filters: who, what, when, family, inmate; and a
check of the hash chain.

Plugging it in::

    browser = AuditBrowser(session.engine, session.actor(workstation))
    browser.refresh()           # loads the trail (reading it is itself an audit event)
    ...
    browser.shutdown()          # (closeEvent does it) returns at once, the reads are dropped

[查詢] loads from the shared database with every filter (dates included, at most `limit` events,
newest first); while typing, the who/what/family/inmate filters narrow the loaded rows at once through
:class:`AuditFilterProxy`. [驗證稽核鏈] walks the chain and shows the first broken link, if any.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Engine

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor
from reviewer_app.core.timeutil import FACILITY_TZ, local
from reviewer_app.qt import (
    QComboBox,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QSortFilterProxyModel,
    QtCore,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.supervision.audit_trail import (
    AuditFilter,
    AuditRow,
    audit_query,
    facility_events,
    verify_chain,
)
from reviewer_app.ui.common import executors, words
from reviewer_app.ui.common.changes import CATALOGUE, STRIKES, SUSPENSIONS
from reviewer_app.ui.common.date_edit import DateEdit
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change, repaint_views
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.supervisor.common import (
    ACTION_CODES,
    ROW_ROLE,
    SORT_ROLE,
    ColumnSpec,
    RowsModel,
    action_word,
    failure_message,
    make_table,
    start_of_local_day,
)
from reviewer_app.ui.supervisor.event_details import detail_lines, detail_summary

TIME_COLUMN, STAFF_COLUMN, DETAIL_COLUMN = 0, 1, 7


def _item(r: AuditRow) -> str:
    if r.item_kind is None:
        return (
            ""
            if r.service_id is None
            else QCoreApplication.translate("AuditModel", "Service #{id}").format(id=r.service_id)
        )
    return f"{words.item_kind(r.item_kind)} #{r.item_id}"  # in the desk's language


def staff_name(r: AuditRow) -> str:
    """The staff member as colleagues know them; the account name when not on the staff list."""
    return r.staff_display_name or r.staff_username


class AuditModel(RowsModel[AuditRow]):
    def __init__(self, parent: QObject | None = None, dates: DateStyle | None = None) -> None:
        self.dates = dates or DateStyle()
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("AuditModel", "Time"),
                    lambda r: self.dates.datetime(r.occurred_at),
                    lambda r: r.occurred_at,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AuditModel", "Staff"),
                    staff_name,
                    tooltip=lambda r: f"{staff_name(r)}（{r.staff_username}）",
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AuditModel", "Workstation"), lambda r: r.workstation
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AuditModel", "Action"),
                    lambda r: action_word(r.action),
                ),
                ColumnSpec(lambda: QCoreApplication.translate("AuditModel", "Item"), _item),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AuditModel", "Family"),
                    lambda r: r.applicant_name or "",
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AuditModel", "Inmate"),
                    lambda r: (
                        ""
                        if r.inmate_call_number is None
                        else f"{r.inmate_call_number} {r.inmate_name or ''}"
                    ),
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AuditModel", "Detail"),
                    lambda r: detail_summary(r.detail, self.dates),
                    tooltip=lambda r: "\n".join(detail_lines(r.detail, self.dates)),
                ),
            ],
            parent,
        )


class AuditFilterProxy(QSortFilterProxyModel):
    """Who / what / family / inmate / when, applied to the loaded rows as the supervisor types."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._filter = AuditFilter()

    def set_filter(self, flt: AuditFilter) -> None:
        self.beginFilterChange()
        self._filter = flt
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def current_filter(self) -> AuditFilter:
        return self._filter

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if model is None:
            return True
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return row is None or matches(row, self._filter)


def _contains(haystack: str | None, needle: str) -> bool:
    return needle.casefold() in (haystack or "").casefold()


def matches(r: AuditRow, f: AuditFilter) -> bool:
    if f.staff and not (
        _contains(r.staff_username, f.staff.strip()) or _contains(r.staff_display_name, f.staff.strip())
    ):
        return False
    if f.action and r.action != f.action:
        return False
    if f.since is not None and r.occurred_at < f.since:
        return False
    if f.until is not None and r.occurred_at >= f.until:
        return False
    if f.family:
        family = f.family.strip()
        if not (_contains(r.applicant_name, family) or (family.isdigit() and r.service_id == int(family))):
            return False
    if f.inmate:
        inmate = f.inmate.strip()
        if not (r.inmate_call_number == inmate or _contains(r.inmate_name, inmate)):
            return False
    return True


class AuditBrowser(BackgroundWidget):
    loaded = Signal(int)  # rows loaded
    verified = Signal(object)  # audit_chain.VerifyReport
    failed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        clock: Callable[[], datetime] = utcnow,
        limit: int = 5000,
        dates: DateStyle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self.setObjectName("auditBrowser")
        self.engine = engine
        self.actor = actor
        self.clock = clock
        self.limit = limit

        self.dates = dates or DateStyle()
        self.model = AuditModel(self, self.dates)
        self.proxy = AuditFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self.proxy, "auditEvents")
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TIME_COLUMN, QtCore.Qt.SortOrder.DescendingOrder)
        # The time whole (date and minute), however the window is sized.
        widest = self.dates.datetime(datetime(2026, 12, 28, 23, 58, tzinfo=FACILITY_TZ))
        self.view.setColumnWidth(TIME_COLUMN, self.view.fontMetrics().horizontalAdvance(widest) + 24)
        self.view.setWordWrap(False)
        #: The chosen event in full: what, who, when, and each detail on a line of its own.
        self.detail_text = QtWidgets.QPlainTextEdit()
        self.detail_text.setObjectName("eventDetail")
        self.detail_text.setReadOnly(True)
        self.detail_text.setMaximumHeight(self.detail_text.fontMetrics().lineSpacing() * 7 + 12)
        self.texts.bind(
            self.detail_text.setPlaceholderText, lambda: self.tr("Choose an event to read its details")
        )
        self.view.selectionModel().selectionChanged.connect(self._show_detail)

        self.staff_edit = QLineEdit()
        self.staff_edit.setObjectName("staff")
        self.texts.bind(self.staff_edit.setPlaceholderText, lambda: self.tr("Staff name or account"))
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("action")
        self.action_combo.addItem(self.tr("All actions"), "")
        for code in ACTION_CODES:
            self.action_combo.addItem(action_word(code), code)
        self.family_edit = QLineEdit()
        self.family_edit.setObjectName("family")
        self.texts.bind(self.family_edit.setPlaceholderText, lambda: self.tr("Family name or service number"))
        self.inmate_edit = QLineEdit()
        self.inmate_edit.setObjectName("inmate")
        self.texts.bind(self.inmate_edit.setPlaceholderText, lambda: self.tr("Call number or inmate name"))
        today = local(clock()).date()
        self.dates_box = QtWidgets.QCheckBox()
        self.texts.bind(self.dates_box.setText, lambda: self.tr("Dates"))
        self.dates_box.setObjectName("useDates")
        # Typed as the office writes dates (民國 115/12/07 too), shown in the desk's style.
        self.since_edit = DateEdit(today - timedelta(days=30), self.dates)
        self.since_edit.setObjectName("since")
        self.until_edit = DateEdit(today, self.dates)
        self.until_edit.setObjectName("until")
        self.query_button = QPushButton()
        self.texts.bind(self.query_button.setText, lambda: self.tr("Search"))
        self.verify_button = QPushButton()
        self.texts.bind(self.verify_button.setText, lambda: self.tr("Verify the chain"))
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)

        filters = QHBoxLayout()
        for w in (
            self.staff_edit,
            self.action_combo,
            self.family_edit,
            self.inmate_edit,
            self.dates_box,
            self.since_edit,
            QLabel("–"),
            self.until_edit,
            self.query_button,
        ):
            filters.addWidget(w)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail_text)
        layout.addLayout(bottom)

        for edit in (self.staff_edit, self.family_edit, self.inmate_edit):
            edit.textChanged.connect(self._narrow)
        self.action_combo.currentIndexChanged.connect(self._narrow)
        self.dates_box.toggled.connect(self._narrow)
        self.since_edit.dateChanged.connect(self._narrow)
        self.until_edit.dateChanged.connect(self._narrow)
        for edit in (self.staff_edit, self.family_edit, self.inmate_edit):
            edit.returnPressed.connect(self.refresh)
        self.query_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self._searched = False  # nothing to bring up to date before the first search
        # A supervisor's save adds an audit event: a trail already shown is searched again.
        self.listen_to(
            {SUSPENSIONS, STRIKES, CATALOGUE}, lambda _k, _o: self.refresh() if self._searched else None
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.texts.retranslate()
            repaint_views(self)  # the tables' headers and cells are worded when asked
            self.action_combo.setItemText(0, self.tr("All actions"))
            for index, code in enumerate(ACTION_CODES, start=1):
                self.action_combo.setItemText(index, action_word(code))
            if self.model.rowCount() or self._searched:
                self._show_count()
                for column in range(STAFF_COLUMN, DETAIL_COLUMN):  # the new words whole
                    self.view.resizeColumnToContents(column)

    def current_filter(self) -> AuditFilter:
        since = until = None
        if self.dates_box.isChecked():
            since = start_of_local_day(self.since_edit.date())
            until = start_of_local_day(self.until_edit.date() + timedelta(days=1))
        return AuditFilter(
            staff=self.staff_edit.text().strip() or None,
            action=str(self.action_combo.currentData() or "") or None,
            since=since,
            until=until,
            family=self.family_edit.text().strip() or None,
            inmate=self.inmate_edit.text().strip() or None,
            limit=self.limit,
        )

    def _narrow(self) -> None:
        self.proxy.set_filter(self.current_filter())
        self._show_count()

    def _show_count(self) -> None:
        shown, loaded = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("Showing {shown} of {loaded} loaded").format(shown=shown, loaded=loaded)
        if loaded >= self.limit:
            text += self.tr(" (the limit was reached: narrow the dates)")
        self.status_label.setText(text)

    def refresh(self) -> None:
        engine, actor, flt, now = self.engine, self.actor, self.current_filter(), self.clock()
        self.query_button.setEnabled(False)
        self._searched = True

        def done(rows: list[AuditRow]) -> None:
            self.query_button.setEnabled(True)
            self.model.set_rows(rows)
            for column in range(
                STAFF_COLUMN, DETAIL_COLUMN
            ):  # names and items whole; the detail takes the rest
                self.view.resizeColumnToContents(column)
            self.proxy.set_filter(self.current_filter())
            self._show_count()
            self.loaded.emit(len(rows))

        run_work(
            self,
            executors.network(),
            lambda: audit_query(engine, actor, flt, now),
            done,
            self._failed,
            "audit",
        )

    def _show_detail(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = self.proxy.index(rows[0].row(), 0).data(ROW_ROLE) if rows else None
        if not isinstance(row, AuditRow):
            self.detail_text.clear()
            return
        head = self.tr("{time} · {staff} · {action}").format(
            time=self.dates.datetime(row.occurred_at), staff=staff_name(row), action=action_word(row.action)
        )
        self.detail_text.setPlainText("\n".join([head, *detail_lines(row.detail, self.dates)]))

    def verify(self) -> None:
        engine, actor = self.engine, self.actor
        self.verify_button.setEnabled(False)

        def work() -> tuple[audit_chain.VerifyReport, int]:
            return verify_chain(engine, actor), facility_events(engine, actor)

        def done(found: tuple[audit_chain.VerifyReport, int]) -> None:
            report, events = found
            self.verify_button.setEnabled(True)
            if report.first_break is None:
                # The facility's events, as the list counts them (a shared SQLite file also holds,
                # and the check also walks, other facilities' chains).
                self.status_label.setText(self.tr("The audit chain holds: {n} events").format(n=events))
            else:
                self.status_label.setText(
                    self.tr("The audit chain is broken: {m}").format(m=report.first_break.message)
                )
            self.verified.emit(report)

        run_work(self, executors.network(), work, done, self._failed, "verify")

    def _failed(self, exc: BaseException) -> None:
        self.query_button.setEnabled(True)
        self.verify_button.setEnabled(True)
        message = failure_message(exc)
        self.status_label.setText(message)
        self.failed.emit(message)
