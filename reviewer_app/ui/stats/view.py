"""The supervisors' statistics view: a month and a facility, four charts and the same figures as a table.

The figures come from :mod:`reviewer_app.stats.dashboard` (SQL aggregates on the shared database) and
are computed on the shared network workers (an :class:`~reviewer_app.ui.common.operations.Operation`); the
widgets only show what comes back. Choosing another month or facility while a load is running shows only
the newest answer, and the figures load again when a print, hand-over, suspension or strike changes
(:mod:`~reviewer_app.ui.common.changes`). Closing it returns at once: the loads running are dropped.
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
    ALL_FACILITIES_NAME,
    BACKLOG_LABELS,
    figure_rows,
    format_value,
    hours,
    percent,
    reason_label,
)
from reviewer_app.stats.months import Month
from reviewer_app.stats.queries import FacilityRef, MonthStatistics, MonthTrend, facilities
from reviewer_app.stats.report import FORMATS, write_report
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import HANDOVERS, PRINTED, STRIKES, SUSPENSIONS
from reviewer_app.ui.common.file_dialog import save_file_dialog
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
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
    """ "3月" under each point, the year under the first month and every January."""
    return [(f"{m.month}月", str(m.year) if n == 0 or m.month == 1 else "") for n, m in enumerate(months)]


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

        self.month_combo = QComboBox()
        self.month_combo.setObjectName("statsMonth")
        current = Month.of(self._now())
        for back in range(MONTHS_OFFERED):
            m = current.shift(-back)
            self.month_combo.addItem(m.label, m)
        chosen = month or current
        index = self.month_combo.findData(chosen)
        if index < 0:  # an older month asked for: offer it too
            self.month_combo.addItem(chosen.label, chosen)
            index = self.month_combo.count() - 1
        self.month_combo.setCurrentIndex(index)
        self.facility_combo = QComboBox()
        self.facility_combo.setObjectName("statsFacility")
        self.facility_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.facility_combo.addItem("載入中…", None)
        self.facility_combo.setEnabled(False)
        self.reload_button = QPushButton("重新整理")
        self.export_button = QPushButton("匯出報表…")
        self.export_button.setObjectName("statsExport")
        self.export_button.setToolTip("將畫面上這個月的數字存成 CSV 或 Excel（XLSX）檔")
        self.export_button.setEnabled(False)  # until figures are on screen
        self.file_dialog: QFileDialog | None = None
        self.status_label = QLabel()
        self.status_label.setObjectName("statsStatus")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("statsSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.trend_chart = LineChart("近 12 個月收件與審核")
        self.reasons_chart = BarChart("審核未通過原因", (("家庭聯絡簿", RED), ("服務項目申請", ORANGE)))
        self.reviewers_chart = BarChart("審核人員退件率", (("退件率", PURPLE),))
        self.backlog_chart = BarChart(
            "待審積案（依等候時間）", (("服務項目申請", ORANGE), ("家庭聯絡簿", BLUE))
        )

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
        title = QLabel("業務統計")
        title_font = title.font()
        title_font.setFamilies(CHART_FONT_FAMILIES)
        title_font.setPointSizeF(max(14.0, title_font.pointSizeF() * 1.4))
        title_font.setBold(True)
        title.setFont(title_font)
        pickers.addWidget(title)
        pickers.addSpacing(24)
        month_label = QLabel("月份")
        month_label.setBuddy(self.month_combo)
        pickers.addWidget(month_label)
        pickers.addWidget(self.month_combo)
        pickers.addSpacing(12)
        facility_label = QLabel("矯正機關")
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
        self._set_status("載入中…")
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
            self.month_combo.addItem(month.label, month)
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
            self._load_failed(LookupError(f"找不到機關（編號 {self._initial_facility}）"))
            return
        if not self._only_facility:
            self.facility_combo.addItem(ALL_FACILITIES_NAME, None)
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
        self._set_status("載入中…")
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
        stats = data.stats
        self.model.comparison_label = "機關整體" if stats.facility is not None else ALL_FACILITIES_NAME
        self.model.set_rows(figure_rows(stats))
        self.export_button.setEnabled(True)
        self._show_summary(stats)
        self._show_trend(data.trend)
        self._show_reasons(stats)
        self._show_reviewers(stats)
        self._show_backlog(stats)
        self._set_status(f"資料時間 {local(stats.as_of):%Y/%m/%d %H:%M}")
        self.loaded.emit()

    # ---- export ----------------------------------------------------------------------------------

    def ask_export(self) -> None:
        """匯出報表…: the figures on screen to a CSV or XLSX file (asks where, in Qt's own dialog)."""
        data = self._data
        if data is None:
            return
        stats = data.stats
        code = stats.facility.code if stats.facility is not None else ALL_FACILITIES_CODE
        suggested = Path.home() / f"業務統計-{code}-{stats.month}.csv"
        dialog = save_file_dialog(self, "匯出報表", suggested, "CSV 檔 (*.csv);;Excel 活頁簿 (*.xlsx)", "csv")
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
        self._set_status("匯出中…")

        def done(rows: int) -> None:
            self.export_button.setEnabled(True)
            self._set_status(f"已匯出 {rows} 列：{path}")
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._set_status(f"無法匯出報表：{detail}", error=True)

        run_work(self, executors.network(), lambda: write_report(path, [stats]), done, failed, "export")

    def _span_sections(self) -> None:
        self.table.clearSpans()
        for row in self.model.section_rows():
            self.table.setSpan(row, 0, 1, len(Column))

    def _load_failed(self, exc: BaseException, request: int | None = None) -> None:
        if request is not None and request != self._request:
            return
        if isinstance(exc, DBAPIError):
            detail = f"共用資料庫無法連線或尚未建立（{exc.orig}）"
        else:
            detail = str(exc) or type(exc).__name__
        message = f"無法讀取統計資料：{detail}".splitlines()[0]
        self._set_status(message, error=True)
        self.failed.emit(message)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b3261e; font-weight: bold;" if error else "color: #555;")

    # ---- charts and summary ------------------------------------------------------------------------

    def _show_summary(self, stats: MonthStatistics) -> None:
        where = stats.facility.name if stats.facility is not None else ALL_FACILITIES_NAME
        median = hours(stats.post_decision_time.median)
        p90 = hours(stats.post_decision_time.p90)
        waiting = sum(b.total for b in stats.backlog)
        parts = [
            f"<b>{where}　{stats.month.label}</b>",
            f"家庭聯絡簿 收件 <b>{stats.posts.received}</b>・通過 <b>{stats.posts.approved}</b>"
            f"・未通過 <b>{stats.posts.rejected}</b>",
            f"服務項目申請 收件 <b>{stats.applications.received}</b>"
            f"・通過 <b>{stats.applications.approved}</b>・未通過 <b>{stats.applications.rejected}</b>",
            f"聯絡簿送件至決定 中位數 <b>{format_value(median, '小時')}</b> 小時"
            f"（第 90 百分位 {format_value(p90, '小時')}）",
            f"已列印 {stats.posts_printed}・已轉交 {stats.posts_handed_over}",
            f"違規計次 {stats.strikes}・暫停發佈 {stats.suspensions}",
            f"目前待審 <b>{waiting}</b> 件",
        ]
        self.summary_label.setText("　｜　".join(parts))

    def _show_trend(self, trend: tuple[MonthTrend, ...]) -> None:
        months = tuple(t.month for t in trend)
        self.trend_chart.set_title(f"近 {len(trend)} 個月收件與審核（至 {trend[-1].month.label}）")
        self.trend_chart.set_data(
            month_axis_labels(months),
            [
                Series("聯絡簿收件", tuple(float(t.posts.received) for t in trend), BLUE),
                Series("聯絡簿審核通過", tuple(float(t.posts.approved) for t in trend), GREEN),
                Series("聯絡簿審核未通過", tuple(float(t.posts.rejected) for t in trend), RED),
                Series(
                    "服務項目申請收件",
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
        self.reasons_chart.set_title(f"{stats.month.label}審核未通過原因")
        self.reasons_chart.set_bars(
            [
                Bar(reason_label(code), (post, application), f"{post + application:.0f} 件")
                for code, (post, application) in ordered
            ],
            empty_text="本月沒有審核未通過的案件",
        )

    def _show_reviewers(self, stats: MonthStatistics) -> None:
        overall = percent(stats.rejection_rate)
        whole = "機關整體" if stats.facility is not None else ALL_FACILITIES_NAME
        names = [r.display_name for r in stats.reviewers]
        bars = [
            Bar(
                r.display_name if names.count(r.display_name) == 1 else f"{r.display_name}（{r.username}）",
                (percent(r.rejection_rate) or 0.0,),
                f"{format_value(percent(r.rejection_rate), '%')}（{r.rejections}/{r.decisions} 件）",
            )
            for r in stats.reviewers
        ]
        self.reviewers_chart.set_title(f"審核人員退件率（{stats.month.label}）")
        self.reviewers_chart.set_bars(
            bars,
            reference=Reference(overall, f"{whole} {format_value(overall, '%')}")
            if overall is not None
            else None,
            empty_text="本月沒有審核決定",
        )

    def _show_backlog(self, stats: MonthStatistics) -> None:
        self.backlog_chart.set_title(f"待審積案（截至 {local(stats.as_of):%m/%d %H:%M}，依等候時間）")
        self.backlog_chart.set_bars(
            [
                Bar(
                    BACKLOG_LABELS.get(b.key, b.key), (float(b.applications), float(b.posts)), f"{b.total} 件"
                )
                for b in stats.backlog
            ]
        )
