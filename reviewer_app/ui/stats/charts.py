"""Bar and line charts painted with QPainter (the Essentials wheel has no QtCharts).

Both charts keep the data they were given (`bars()`, `series()`), so what a test reads is what is
painted. Text uses a Traditional Chinese font (the first of CHART_FONT_FAMILIES that is installed) at
sizes readable on a facility workstation; long labels are elided, never overlapped.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from reviewer_app.qt import (
    QColor,
    QCoreApplication,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QPointF,
    QRectF,
    QSize,
    QSizePolicy,
    Qt,
    QWidget,
)

CHART_FONT_FAMILIES: Final[list[str]] = ["Noto Sans CJK TC", "Noto Sans TC", "Microsoft JhengHei"]

#: Readable on a workstation screen: labels never below 10 pt, titles larger.
LABEL_POINTS: Final[float] = 10.0
TITLE_POINTS: Final[float] = 12.0

BLUE: Final[str] = "#1f6fb2"
GREEN: Final[str] = "#2e8b4a"
RED: Final[str] = "#c8402c"
ORANGE: Final[str] = "#e08a1e"
PURPLE: Final[str] = "#7a5cb8"
GREY: Final[str] = "#6b6b6b"
GRID: Final[str] = "#e3e3e3"
INK: Final[str] = "#222222"

PADDING: Final[float] = 12.0


def chart_font(base: QFont, points: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setFamilies(CHART_FONT_FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def no_data() -> str:
    return QCoreApplication.translate("Charts", "No data")


def nice_ceiling(value: float) -> tuple[float, float]:
    """An axis maximum at or above `value` and its tick step (1, 2 or 5 × 10ⁿ, at most 6 ticks)."""
    if value <= 0:
        return 1.0, 1.0
    raw = value / 5
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        step = factor * power
        if step >= raw:
            break
    step = max(step, 1.0)  # counts: never a fractional step
    return math.ceil(value / step) * step, step


class _Chart(QWidget):
    """Title, frame and fonts; subclasses paint the plot."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._empty_text: str | None = None  # None: "No data" in the language painted
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    # fonts follow the widget's font (the application's), in a CJK family, never below readable sizes
    def title_font(self) -> QFont:
        return chart_font(self.font(), max(TITLE_POINTS, self.font().pointSizeF() * 1.15), bold=True)

    def label_font(self) -> QFont:
        return chart_font(self.font(), max(LABEL_POINTS, self.font().pointSizeF()))

    def title(self) -> str:
        return self._title

    def set_title(self, title: str) -> None:
        self._title = title
        self.update()

    def empty_text(self) -> str:
        return self._empty_text if self._empty_text is not None else no_data()

    def minimumSizeHint(self) -> QSize:
        return QSize(280, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.fillRect(self.rect(), QColor("white"))
            painter.setPen(QPen(QColor("#cfcfcf"), 1))
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setFont(self.title_font())
            painter.setPen(QColor(INK))
            title_height = QFontMetrics(painter.font()).height()
            title_rect = QRectF(PADDING, PADDING * 0.75, self.width() - 2 * PADDING, title_height)
            elided = QFontMetrics(painter.font()).elidedText(
                self._title, Qt.TextElideMode.ElideRight, int(title_rect.width())
            )
            painter.drawText(
                title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
            )
            area = QRectF(
                PADDING,
                title_rect.bottom() + PADDING * 0.6,
                self.width() - 2 * PADDING,
                self.height() - title_rect.bottom() - PADDING * 1.6,
            )
            painter.setFont(self.label_font())
            if self.has_data():
                self.paint_plot(painter, area)
            else:
                painter.setPen(QColor(GREY))
                painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.empty_text())
        finally:
            painter.end()

    def has_data(self) -> bool:
        raise NotImplementedError

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError

    def paint_legend(
        self, painter: QPainter, area: QRectF, entries: Sequence[tuple[str, str, bool]]
    ) -> float:
        """Legend entries (name, colour, dashed) in rows at the top of `area`; returns their height."""
        metrics = QFontMetrics(painter.font())
        line = metrics.height() + 4
        x, y = area.left(), area.top()
        for name, colour, dashed in entries:
            width = 22 + metrics.horizontalAdvance(name) + 16
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + line
            middle = y + line / 2
            if dashed:
                painter.setPen(QPen(QColor(colour), 2, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, middle), QPointF(x + 16, middle))
            else:
                painter.fillRect(QRectF(x, middle - 6, 16, 12), QColor(colour))
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(x + 22, y, width - 22, line), int(Qt.AlignmentFlag.AlignVCenter), name)
            x += width
        return y + line - area.top()


@dataclass(frozen=True)
class Bar:
    """One bar: its label, one value per series (stacked left to right) and the text at its end."""

    label: str
    values: tuple[float, ...]
    text: str

    @property
    def total(self) -> float:
        return sum(self.values)


@dataclass(frozen=True)
class Reference:
    """A vertical line across the bars (the facility's rate beside the reviewers')."""

    value: float
    label: str


class BarChart(_Chart):
    """Horizontal bars: long zh-TW labels read well on the left, values at the bars' ends."""

    def __init__(
        self,
        title: str,
        series: Sequence[tuple[str, str]] = (("", BLUE),),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._series = tuple(series)  # (name, colour); names are shown when there are several
        self._bars: tuple[Bar, ...] = ()
        self._reference: Reference | None = None
        self._maximum: float | None = None

    def set_bars(
        self,
        bars: Sequence[Bar],
        *,
        reference: Reference | None = None,
        maximum: float | None = None,
        empty_text: str | None = None,
    ) -> None:
        for bar in bars:
            if len(bar.values) != len(self._series):
                raise ValueError(
                    f"bar {bar.label!r} has {len(bar.values)} values for {len(self._series)} series"
                )
        self._bars = tuple(bars)
        self._reference = reference
        self._maximum = maximum
        self._empty_text = empty_text
        self.updateGeometry()
        self.update()

    def set_series(self, series: Sequence[tuple[str, str]]) -> None:
        """New names (and colours) for the same number of series: the legend in another language."""
        if len(series) != len(self._series):
            raise ValueError(f"{len(series)} series for {len(self._series)}")
        self._series = tuple(series)
        self.update()

    def series(self) -> tuple[tuple[str, str], ...]:
        return self._series

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def reference(self) -> Reference | None:
        return self._reference

    def has_data(self) -> bool:
        return bool(self._bars)

    def sizeHint(self) -> QSize:
        line = QFontMetrics(self.label_font()).height()
        return QSize(480, int(line * 4 + max(3, len(self._bars)) * (line + 12)))

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetrics(painter.font())
        line = metrics.height()
        top = area.top()
        entries = [(name, colour, False) for name, colour in self._series] if len(self._series) > 1 else []
        if self._reference is not None:
            entries.append((self._reference.label, INK, True))
        if entries:
            top += self.paint_legend(painter, area, entries) + 6
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self._bars) + 14, area.width() * 0.42
        )
        text_width = max(metrics.horizontalAdvance(b.text) for b in self._bars) + 10
        left = area.left() + label_width
        right = area.right() - text_width
        if right - left < 40:  # too narrow for bars: keep at least a sliver, labels are elided
            right = left + 40
        highest = max([b.total for b in self._bars] + [self._reference.value if self._reference else 0])
        maximum = self._maximum if self._maximum is not None else highest
        maximum = maximum if maximum > 0 else 1.0
        span = right - left
        row = min((area.bottom() - top) / len(self._bars), line * 2.4)
        thickness = max(min(row * 0.62, line * 1.3), 4.0)

        painter.setPen(QPen(QColor(GRID), 1))
        painter.drawLine(QPointF(left, top), QPointF(left, top + row * len(self._bars)))
        ends: list[float] = []
        for number, bar in enumerate(self._bars):
            y = top + row * number
            middle = y + row / 2
            painter.setPen(QColor(INK))
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width - 10))
            painter.drawText(
                QRectF(area.left(), y, label_width - 10, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            x = left
            for value, (_, colour) in zip(bar.values, self._series, strict=True):
                length = span * min(value, maximum) / maximum
                if length > 0:
                    painter.fillRect(
                        QRectF(x, middle - thickness / 2, max(length, 1.5), thickness), QColor(colour)
                    )
                x += length
            ends.append(x)
        if self._reference is not None:  # over the bars, under the values' text
            x = left + span * min(self._reference.value, maximum) / maximum
            painter.setPen(QPen(QColor(INK), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, top - 2), QPointF(x, top + row * len(self._bars) + 2))
        for number, (bar, x) in enumerate(zip(self._bars, ends, strict=True)):
            y = top + row * number
            box = QRectF(x + 4, y + (row - line) / 2, metrics.horizontalAdvance(bar.text) + 6, line)
            painter.fillRect(box, QColor("white"))  # a reference line never runs through a value
            painter.setPen(QColor(INK))
            painter.drawText(
                box.adjusted(2, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bar.text,
            )


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: str
    dashed: bool = False


class LineChart(_Chart):
    """Lines over categories (months) with a value axis, gridlines and a legend."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._labels: tuple[tuple[str, str], ...] = ()
        self._series: tuple[Series, ...] = ()

    def set_data(
        self, labels: Sequence[tuple[str, str]], series: Sequence[Series], empty_text: str | None = None
    ) -> None:
        """`labels`: per category, a main label and a second line ("" for none), e.g. ("1月", "2027")."""
        for s in series:
            if len(s.values) != len(labels):
                raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(labels)} labels")
        self._labels = tuple(labels)
        self._series = tuple(series)
        self._empty_text = empty_text
        self.update()

    def labels(self) -> tuple[tuple[str, str], ...]:
        return self._labels

    def series(self) -> tuple[Series, ...]:
        return self._series

    def has_data(self) -> bool:
        return bool(self._labels) and bool(self._series)

    def sizeHint(self) -> QSize:
        return QSize(560, 340)

    def paint_plot(self, painter: QPainter, area: QRectF) -> None:
        metrics = QFontMetrics(painter.font())
        line = metrics.height()
        legend = self.paint_legend(painter, area, [(s.name, s.colour, s.dashed) for s in self._series])
        highest = max(max(s.values, default=0) for s in self._series)
        maximum, step = nice_ceiling(highest)
        ticks = [step * n for n in range(round(maximum / step) + 1)]
        axis_width = max(metrics.horizontalAdvance(f"{t:,.0f}") for t in ticks) + 10
        two_lines = any(second for _, second in self._labels)
        plot = QRectF(
            area.left() + axis_width,
            area.top() + legend + line * 0.6,
            area.width() - axis_width - 8,
            area.height() - legend - line * 0.6 - line * (2.2 if two_lines else 1.3),
        )
        if plot.height() < 20 or plot.width() < 40:
            return

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / maximum

        for tick in ticks:
            y = y_of(tick)
            painter.setPen(QPen(QColor(GRID), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(GREY))
            painter.drawText(
                QRectF(area.left(), y - line / 2, axis_width - 8, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{tick:,.0f}",
            )
        count = len(self._labels)
        slot = plot.width() / count

        def x_of(index: int) -> float:
            return plot.left() + slot * (index + 0.5)

        widest = max(metrics.horizontalAdvance(first) for first, _ in self._labels) + 8
        every = max(1, math.ceil(widest / slot))
        painter.setPen(QColor(INK))
        for index, (first, second) in enumerate(self._labels):
            if (count - 1 - index) % every:  # keep the newest month labelled
                continue
            x = x_of(index)
            painter.setPen(QColor(INK))
            painter.drawText(
                QRectF(x - slot * every / 2, plot.bottom() + 4, slot * every, line),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                first,
            )
            if second:
                painter.setPen(QColor(GREY))
                painter.drawText(
                    QRectF(x - slot * every / 2 - 20, plot.bottom() + 4 + line, slot * every + 40, line),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    second,
                )
        painter.setPen(QPen(QColor(GREY), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

        for s in self._series:
            pen = QPen(QColor(s.colour), 2.5, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            points = [QPointF(x_of(i), y_of(v)) for i, v in enumerate(s.values)]
            for a, b in itertools.pairwise(points):
                painter.drawLine(a, b)
            painter.setPen(QPen(QColor("white"), 1.5))
            painter.setBrush(QColor(s.colour))
            for point in points:
                painter.drawEllipse(point, 4.0, 4.0)
            painter.setBrush(Qt.BrushStyle.NoBrush)
