"""The QPainter charts: what they are given is what they keep, they paint at any size, in a CJK font."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reviewer_app.qt import QColor, QFontInfo, QImage, QPoint
from reviewer_app.ui.stats.charts import (
    BLUE,
    CHART_FONT_FAMILIES,
    LABEL_POINTS,
    RED,
    TITLE_POINTS,
    Bar,
    BarChart,
    LineChart,
    Reference,
    Series,
    nice_ceiling,
)

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def render(widget: BarChart | LineChart, width: int, height: int) -> QImage:
    widget.resize(width, height)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    widget.render(image, QPoint(0, 0))
    return image


def colours(image: QImage, step: int = 2) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, (1.0, 1.0)), (3, (3.0, 1.0)), (7, (8.0, 2.0)), (153, (200.0, 50.0)), (1000, (1000.0, 200.0))],
)
def test_axis_maximum_and_step(value: float, expected: tuple[float, float]) -> None:
    assert nice_ceiling(value) == expected


def test_bar_chart_paints_its_bars_and_reference(qtbot: QtBot) -> None:
    chart = BarChart("審核人員退件率", (("退件率", RED),))
    qtbot.addWidget(chart)
    bars = [Bar("李社工師", (20.0,), "20.0%（1/5 件）"), Bar("王社工師", (75.0,), "75.0%（3/4 件）")]
    chart.set_bars(bars, reference=Reference(36.4, "機關整體 36.4%"))
    assert chart.bars() == tuple(bars) and chart.reference() == Reference(36.4, "機關整體 36.4%")

    image = render(chart, 520, 300)
    assert QColor(RED).name() in colours(image)  # the bars are painted
    assert "#000000" not in colours(image)  # the whole widget is painted over


@pytest.mark.parametrize(("width", "height"), [(60, 40), (280, 200), (1400, 900)])
def test_charts_paint_at_any_size(qtbot: QtBot, width: int, height: int) -> None:
    bars = BarChart("很長的標題" * 8, (("家庭聯絡簿", RED), ("服務項目申請", BLUE)))
    qtbot.addWidget(bars)
    bars.set_bars(
        [Bar("一個非常非常長的未通過原因名稱（P2）" * 3, (3.0, 1.0), "4 件"), Bar("零", (0.0, 0.0), "0 件")]
    )
    lines = LineChart("近 12 個月")
    qtbot.addWidget(lines)
    lines.set_data(
        [(f"{m}月", "2026" if m == 1 else "") for m in range(1, 13)],
        [
            Series("收件", tuple(float(m * 10) for m in range(12)), BLUE),
            Series("未通過", (0.0,) * 12, RED, dashed=True),
        ],
    )
    for chart in (bars, lines):
        image = render(chart, width, height)
        assert "#000000" not in colours(image, step=max(1, width // 60))


def test_empty_charts_say_so(qtbot: QtBot) -> None:
    chart = BarChart("原因")
    qtbot.addWidget(chart)
    chart.set_bars([], empty_text="本月沒有審核未通過的案件")
    assert not chart.has_data() and chart.empty_text() == "本月沒有審核未通過的案件"
    render(chart, 300, 200)
    lines = LineChart("趨勢")
    qtbot.addWidget(lines)
    lines.set_data([], [])
    assert not lines.has_data()
    render(lines, 300, 200)


def test_mismatched_data_is_refused(qtbot: QtBot) -> None:
    chart = BarChart("x", (("a", RED), ("b", BLUE)))
    qtbot.addWidget(chart)
    with pytest.raises(ValueError, match="2 series"):
        chart.set_bars([Bar("one value", (1.0,), "1")])
    lines = LineChart("y")
    qtbot.addWidget(lines)
    with pytest.raises(ValueError, match="2 labels"):
        lines.set_data([("1月", ""), ("2月", "")], [Series("s", (1.0,), RED)])


def test_chart_text_is_traditional_chinese_and_readable(qtbot: QtBot) -> None:
    chart = BarChart("原因")
    qtbot.addWidget(chart)
    assert chart.label_font().pointSizeF() >= LABEL_POINTS
    assert chart.title_font().pointSizeF() >= TITLE_POINTS and chart.title_font().bold()
    label = QFontInfo(chart.label_font())
    assert label.pixelSize() >= 13  # 10 pt at 96 dpi, as rendered
    # fonts-noto-cjk is a test dependency (tools/install-system-deps.sh): the TC face must be the one used
    assert label.family() in CHART_FONT_FAMILIES, label.family()
