"""The supervisors' statistics view: a month and a facility, four charts and the same figures as a table.

The figures come from :mod:`reviewer_app.stats.dashboard` (SQL aggregates on the shared database) and
are computed on the shared network workers (an :class:`~reviewer_app.ui.common.operations.Operation`); the
widgets only show what comes back. Choosing another month or facility while a load is running shows only
the newest answer, and the figures load again when a print, hand-over, suspension or strike changes
(:mod:`~reviewer_app.ui.common.changes`). Closing it returns at once: the loads running are dropped.

Its words follow 設定 > 語言 at once: fixed ones through a :class:`LiveTexts`, the figures' (table,
charts, summary) worded again from the data on screen (:mod:`reviewer_app.ui.stats.wording`). The
exported report stays zh-TW whatever the desk's language: it is the agency's document.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from reviewer_app.core.timeutil import local
from reviewer_app.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QEvent,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.stats.dashboard import StatisticsData, load_statistics
from reviewer_app.stats.figures import (
    ALL_FACILITIES_CODE,
    HOURS,
    PERCENT,
    figure_rows,
    format_value,
    hours,
    percent,
)
from reviewer_app.stats.months import Month
from reviewer_app.stats.queries import FacilityRef, MonthStatistics, MonthTrend, facilities
from reviewer_app.stats.report import FORMATS, write_report
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import HANDOVERS, PRINTED, STRIKES, SUSPENSIONS
from reviewer_app.ui.common.file_dialog import save_file_dialog
from reviewer_app.ui.common.live_texts import LiveTexts, Say, is_language_change
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.common.words import item_kind
from reviewer_app.ui.stats import wording
from reviewer_app.ui.stats.charts import (
    BLUE,
    CHART_FONT_FAMILIES,
    GREEN,
    ORANGE,
    PURPLE,
    RED,
    Bar,
    BarChart,
    LineChart,
    Reference,
    Series,
)
from reviewer_app.ui.stats.table_model import Column, FiguresModel

MONTHS_OFFERED = 24


def month_axis_labels(months: tuple[Month, ...]) -> list[tuple[str, str]]:
    """ "Mar" (3月) under each point, the year under the first month and every January."""
    return [
        (wording.month_short(m), str(m.year) if n == 0 or m.month == 1 else "") for n, m in enumerate(months)
    ]


class _MissingFacility(LookupError):
    def __init__(self, facility_id: int | None) -> None:
        super().__init__(facility_id)
        self.facility_id = facility_id


class StatisticsView(BackgroundWidget):
    #: The figures of the chosen month and facility are on screen.
    loaded = Signal()
    #: Loading failed; the message is shown in the view too.
    failed = Signal(str)
    #: The figures on screen were written to a file (its path).
    exported = Signal(str)

    def __init__(
        self,
        engine: Engine,
        facility_id: int | None = None,
        *,
        only_facility: bool = False,
        month: Month | None = None,
        now: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`facility_id`: the facility shown first (None: all facilities). `only_facility`: a
        supervisor who may see only that facility gets no other choice."""
        super().__init__(parent)
        self.setObjectName("statisticsView")
        self._engine = engine
        self._now = now or (lambda: datetime.now(UTC))
        self._initial_facility = facility_id
        self._only_facility = only_facility and facility_id is not None
        self._request = 0
        self._data: StatisticsData | None = None
        self._ready = False  # the facility list has arrived
        self._texts = LiveTexts()
        self._status: Say = str
        self._status_error = False

        self.month_combo = QComboBox()
        self.month_combo.setObjectName("statsMonth")
        current = Month.of(self._now())
        for back in range(MONTHS_OFFERED):
            m = current.shift(-back)
            self.month_combo.addItem(wording.month_label(m), m)
        chosen = month or current
        index = self.month_combo.findData(chosen)
        if index < 0:  # an older month asked for: offer it too
            self.month_combo.addItem(wording.month_label(chosen), chosen)
            index = self.month_combo.count() - 1
        self.month_combo.setCurrentIndex(index)
        self.facility_combo = QComboBox()
        self.facility_combo.setObjectName("statsFacility")
        self.facility_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.facility_combo.addItem(self.tr("Loading…"), None)
        self.facility_combo.setEnabled(False)
        texts = self._texts
        self.reload_button = QPushButton()
        texts.bind(self.reload_button.setText, lambda: self.tr("Reload"))
        self.export_button = QPushButton()
        self.export_button.setObjectName("statsExport")
        texts.bind(self.export_button.setText, lambda: self.tr("Export report…"))
        texts.bind(
            self.export_button.setToolTip,
            lambda: self.tr("Save this month's figures on screen as a CSV or Excel (XLSX) file"),
        )
        self.export_button.setEnabled(False)  # until figures are on screen
        self.file_dialog: QFileDialog | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("statsStatus")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("statsSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.trend_chart = LineChart("")
        self.reasons_chart = BarChart("", (("", RED), ("", ORANGE)))
        self.reviewers_chart = BarChart("", (("", PURPLE),))
        self.backlog_chart = BarChart("", (("", ORANGE), ("", BLUE)))
        self._word_charts()

        self.model = FiguresModel(self)
        self.table = QTableView()
        self.table.setObjectName("statsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.ITEM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(88)
        header.setSectionResizeMode(Column.VALUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.FACILITY, QHeaderView.ResizeMode.ResizeToContents)
        # Only the reviewers' figures have a whole to compare with: the comparison follows their item
        # ("社工2：退件率（機關整體 36.4%）") instead of a column empty on every other row.
        self.table.setColumnHidden(Column.FACILITY, True)

        pickers = QHBoxLayout()
        title = QLabel()
        texts.bind(title.setText, lambda: self.tr("Statistics"))
        title_font = title.font()
        title_font.setFamilies(CHART_FONT_FAMILIES)
        title_font.setPointSizeF(max(14.0, title_font.pointSizeF() * 1.4))
        title_font.setBold(True)
        title.setFont(title_font)
        pickers.addWidget(title)
        pickers.addSpacing(24)
        month_label = QLabel()
        texts.bind(month_label.setText, lambda: self.tr("Month"))
        month_label.setBuddy(self.month_combo)
        pickers.addWidget(month_label)
        pickers.addWidget(self.month_combo)
        pickers.addSpacing(12)
        facility_label = QLabel()
        texts.bind(facility_label.setText, lambda: self.tr("Facility"))
        facility_label.setBuddy(self.facility_combo)
        pickers.addWidget(facility_label)
        pickers.addWidget(self.facility_combo)
        pickers.addWidget(self.reload_button)
        pickers.addWidget(self.export_button)
        pickers.addStretch(1)
        pickers.addWidget(self.status_label)

        charts = QWidget()
        grid = QGridLayout(charts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        grid.addWidget(self.trend_chart, 0, 0)
        grid.addWidget(self.reasons_chart, 0, 1)
        grid.addWidget(self.reviewers_chart, 1, 0)
        grid.addWidget(self.backlog_chart, 1, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(charts)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 360])  # proportions: the charts get most of the width
        self.splitter = splitter
        self.model.modelReset.connect(self._span_sections)

        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)

        self.month_combo.currentIndexChanged.connect(self.reload)
        self.facility_combo.currentIndexChanged.connect(self.reload)
        self.reload_button.clicked.connect(self.reload)
        self.export_button.clicked.connect(self.ask_export)
        self._set_status(lambda: self.tr("Loading…"))
        engine = self._engine
        run_work(
            self,
            executors.network(),
            lambda: facilities(engine),
            self._facilities_loaded,
            self._load_failed,
            "facilities",
        )
        # The figures count these (once they reach the shared database): shown ones load again.
        self.listen_to({PRINTED, HANDOVERS, SUSPENSIONS, STRIKES}, lambda _k, _o: self.reload())

    # ---- language ------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._texts.retranslate()
        for index in range(self.month_combo.count()):
            month = self.month_combo.itemData(index)
            if isinstance(month, Month):
                self.month_combo.setItemText(index, wording.month_label(month))
        if self._ready and not self._only_facility and self.facility_combo.count():
            self.facility_combo.setItemText(0, wording.all_facilities())
        elif not self._ready:
            self.facility_combo.setItemText(0, self.tr("Loading…"))
        self._set_status(self._status, self._status_error)
        self._word_charts()
        if self._data is not None:
            self._render(self._data)

    def _word_charts(self) -> None:
        """The charts' titles and legends before any figures (the figures' titles name the month)."""
        post, application = item_kind("post"), item_kind("application")
        self.trend_chart.set_title(self.tr("Received and decided, last 12 months"))
        self.reasons_chart.set_title(self.tr("Reasons for not approving"))
        self.reasons_chart.set_series(((post, RED), (application, ORANGE)))
        self.reviewers_chart.set_title(self.tr("Reviewers' rejection rates"))
        self.reviewers_chart.set_series(((self.tr("Rejection rate"), PURPLE),))
        self.backlog_chart.set_title(self.tr("Backlog by time waiting"))
        self.backlog_chart.set_series(((application, ORANGE), (post, BLUE)))

    # ---- what is shown ---------------------------------------------------------------------------

    def month(self) -> Month:
        data = self.month_combo.currentData()
        assert isinstance(data, Month)
        return data

    def facility_id(self) -> int | None:
        data = self.facility_combo.currentData()
        return data if isinstance(data, int) else None

    def data(self) -> StatisticsData | None:
        """The figures on screen (None before the first load)."""
        return self._data

    def is_loading(self) -> bool:
        return self.is_busy()

    def select_month(self, month: Month) -> None:
        index = self.month_combo.findData(month)
        if index < 0:
            self.month_combo.addItem(wording.month_label(month), month)
            index = self.month_combo.count() - 1
        self.month_combo.setCurrentIndex(index)

    def select_facility(self, facility_id: int | None) -> None:
        index = self.facility_combo.findData(facility_id) if facility_id is not None else 0
        if index < 0:
            raise ValueError(f"facility {facility_id} is not offered")
        self.facility_combo.setCurrentIndex(index)

    # ---- loading ---------------------------------------------------------------------------------

    def _facilities_loaded(self, found: tuple[FacilityRef, ...]) -> None:
        self.facility_combo.blockSignals(True)
        self.facility_combo.clear()
        offered = [f for f in found if not self._only_facility or f.id == self._initial_facility]
        if self._only_facility and not offered:  # never fall back to every facility
            self.facility_combo.blockSignals(False)
            self._load_failed(_MissingFacility(self._initial_facility))
            return
        if not self._only_facility:
            self.facility_combo.addItem(wording.all_facilities(), None)
        for facility in offered:
            self.facility_combo.addItem(f"{facility.code}　{facility.name}", facility.id)
        index = (
            self.facility_combo.findData(self._initial_facility) if self._initial_facility is not None else 0
        )
        self.facility_combo.setCurrentIndex(max(index, 0))
        self.facility_combo.setEnabled(not self._only_facility)
        self.facility_combo.blockSignals(False)
        self._ready = True
        self.reload()

    def reload(self) -> None:
        """Load the chosen month and facility again (from the GUI thread)."""
        if not self._ready:
            return
        self._request += 1
        request = self._request
        month, facility_id, as_of = self.month(), self.facility_id(), self._now()
        self._set_status(lambda: self.tr("Loading…"))
        engine = self._engine
        run_work(
            self,
            executors.network(),
            lambda: load_statistics(engine, month, facility_id, as_of),
            lambda data: self._show(request, data),
            lambda exc: self._load_failed(exc, request),
            "statistics",
        )

    def _show(self, request: int, data: StatisticsData) -> None:
        if request != self._request:
            return  # a newer choice is on its way
        self._data = data
        self.export_button.setEnabled(True)
        self._render(data)
        as_of = f"{local(data.stats.as_of):%Y/%m/%d %H:%M}"
        self._set_status(lambda: self.tr("Figures as of {time}").format(time=as_of))
        self.loaded.emit()

    def _render(self, data: StatisticsData) -> None:
        """The figures in the table, the summary and the charts, in the desk's language now."""
        stats = data.stats
        self.model.comparison_label = wording.whole(stats)
        self.model.set_rows(figure_rows(stats), lambda row: wording.row_words(row, stats))
        self._show_summary(stats)
        self._show_trend(data.trend)
        self._show_reasons(stats)
        self._show_reviewers(stats)
        self._show_backlog(stats)

    # ---- export ----------------------------------------------------------------------------------

    def ask_export(self) -> None:
        """Export report… (匯出報表…): the figures on screen to a CSV or XLSX file (asks where)."""
        data = self._data
        if data is None:
            return
        stats = data.stats
        code = stats.facility.code if stats.facility is not None else ALL_FACILITIES_CODE
        suggested = Path.home() / f"業務統計-{code}-{stats.month}.csv"
        dialog = save_file_dialog(
            self,
            self.tr("Export report"),
            suggested,
            self.tr("CSV file (*.csv);;Excel workbook (*.xlsx)"),
            "csv",
        )
        self.file_dialog = dialog
        chosen: list[str] = []
        dialog.fileSelected.connect(chosen.append)

        def finished(result: int) -> None:
            self.file_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and chosen:
                self.export_to(Path(chosen[-1]))

        dialog.finished.connect(finished)
        dialog.open()

    def export_to(self, path: Path) -> None:
        """Write the figures on screen to `path` (.csv or .xlsx) on a worker; the status says where."""
        data = self._data
        if data is None:
            return
        if path.suffix.lower() not in FORMATS:
            path = path.with_suffix(".csv")
        stats = data.stats
        self.export_button.setEnabled(False)
        self._set_status(lambda: self.tr("Exporting…"))

        def done(rows: int) -> None:
            self.export_button.setEnabled(True)
            self._set_status(lambda: self.tr("Exported {rows} rows: {path}").format(rows=rows, path=path))
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._set_status(
                lambda: self.tr("Could not export the report: {detail}").format(detail=detail), error=True
            )

        run_work(self, executors.network(), lambda: write_report(path, [stats]), done, failed, "export")

    def _span_sections(self) -> None:
        self.table.clearSpans()
        for row in self.model.section_rows():
            self.table.setSpan(row, 0, 1, len(Column))

    def _load_failed(self, exc: BaseException, request: int | None = None) -> None:
        if request is not None and request != self._request:
            return

        def message() -> str:
            if isinstance(exc, DBAPIError):
                detail = self.tr("the shared database cannot be reached or is not set up ({error})").format(
                    error=exc.orig
                )
            elif isinstance(exc, _MissingFacility):
                detail = self.tr("facility not found (number {id})").format(id=exc.facility_id)
            else:
                detail = str(exc) or type(exc).__name__
            return self.tr("Could not read the statistics: {detail}").format(detail=detail).splitlines()[0]

        self._set_status(message, error=True)
        self.failed.emit(message())

    def _set_status(self, say: Say, error: bool = False) -> None:
        """The status line, said again in the new language at a switch."""
        self._status, self._status_error = say, error
        self.status_label.setText(say())
        self.status_label.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "color: #555;")

    # ---- charts and summary ------------------------------------------------------------------------

    def _show_summary(self, stats: MonthStatistics) -> None:
        where = stats.facility.name if stats.facility is not None else wording.all_facilities()
        median = hours(stats.post_decision_time.median)
        p90 = hours(stats.post_decision_time.p90)
        waiting = sum(b.total for b in stats.backlog)
        counts = self.tr(
            "{kind} received <b>{received}</b>, approved <b>{approved}</b>, not approved <b>{rejected}</b>"
        )
        parts = [
            f"<b>{where}　{wording.month_label(stats.month)}</b>",
            counts.format(
                kind=item_kind("post"),
                received=stats.posts.received,
                approved=stats.posts.approved,
                rejected=stats.posts.rejected,
            ),
            counts.format(
                kind=item_kind("application"),
                received=stats.applications.received,
                approved=stats.applications.approved,
                rejected=stats.applications.rejected,
            ),
            self.tr(
                "Posts submitted to decided: median <b>{median}</b> hours (90th percentile {p90})"
            ).format(median=format_value(median, HOURS), p90=format_value(p90, HOURS)),
            self.tr("Printed {printed}, handed over {handed_over}").format(
                printed=stats.posts_printed, handed_over=stats.posts_handed_over
            ),
            self.tr("Strikes {strikes}, posting suspended {suspensions}").format(
                strikes=stats.strikes, suspensions=stats.suspensions
            ),
            self.tr("Waiting for review now <b>{waiting}</b>").format(waiting=waiting),
        ]
        self.summary_label.setText(self.tr(" | ", "between the summary's parts").join(parts))

    def _show_trend(self, trend: tuple[MonthTrend, ...]) -> None:
        months = tuple(t.month for t in trend)
        self.trend_chart.set_title(
            self.tr("Received and decided, last {n} months (to {month})").format(
                n=len(trend), month=wording.month_label(trend[-1].month)
            )
        )
        self.trend_chart.set_data(
            month_axis_labels(months),
            [
                Series(self.tr("Posts received"), tuple(float(t.posts.received) for t in trend), BLUE),
                Series(self.tr("Posts approved"), tuple(float(t.posts.approved) for t in trend), GREEN),
                Series(self.tr("Posts not approved"), tuple(float(t.posts.rejected) for t in trend), RED),
                Series(
                    self.tr("Service applications received"),
                    tuple(float(t.applications.received) for t in trend),
                    ORANGE,
                    dashed=True,
                ),
            ],
        )

    def _show_reasons(self, stats: MonthStatistics) -> None:
        counts: dict[str, list[float]] = {}
        for reason in stats.rejections_by_reason:
            if reason.count:
                slot = counts.setdefault(reason.code, [0.0, 0.0])
                slot[0 if reason.item_kind == "post" else 1] += reason.count
        ordered = sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0]))
        self.reasons_chart.set_title(
            self.tr("Reasons for not approving, {month}").format(month=wording.month_label(stats.month))
        )
        self.reasons_chart.set_bars(
            [
                Bar(wording.reason(code), (post, application), wording.count(post + application))
                for code, (post, application) in ordered
            ],
            empty_text=self.tr("Nothing was rejected this month"),
        )

    def _show_reviewers(self, stats: MonthStatistics) -> None:
        overall = percent(stats.rejection_rate)
        whole = wording.whole(stats)
        names = [r.display_name for r in stats.reviewers]
        bars = [
            Bar(
                r.display_name
                if names.count(r.display_name) == 1
                else self.tr("{name} ({username})").format(name=r.display_name, username=r.username),
                (percent(r.rejection_rate) or 0.0,),
                self.tr("{rate} ({rejected}/{decided})").format(
                    rate=format_value(percent(r.rejection_rate), PERCENT),
                    rejected=r.rejections,
                    decided=r.decisions,
                ),
            )
            for r in stats.reviewers
        ]
        self.reviewers_chart.set_title(
            self.tr("Reviewers' rejection rates ({month})").format(month=wording.month_label(stats.month))
        )
        self.reviewers_chart.set_bars(
            bars,
            reference=Reference(overall, f"{whole} {format_value(overall, PERCENT)}")
            if overall is not None
            else None,
            empty_text=self.tr("No decisions this month"),
        )

    def _show_backlog(self, stats: MonthStatistics) -> None:
        self.backlog_chart.set_title(
            self.tr("Backlog by time waiting (as of {time})").format(time=f"{local(stats.as_of):%m/%d %H:%M}")
        )
        self.backlog_chart.set_bars(
            [
                Bar(
                    wording.backlog_age(b.key),
                    (float(b.applications), float(b.posts)),
                    wording.count(b.total),
                )
                for b in stats.backlog
            ]
        )
