"""QtCharts in the house style: the UI font, a white plot, calm colours, no animation.

Each builder takes plain data and a callback for clicks, so the dashboard decides what a
click opens and the charts only say which bar or slice it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication

from ui.style import ACCENT, BORDER, DUE_SOON, MUTED, TEXT

RECEIVED = "#8cb9f5"  # light blue: what came in
CLOSED = ACCENT  # the accent: what was finished
RATE = DUE_SOON  # amber line: the closure rate
GRID = "#eef0f2"
# Outcome slices: blues and greys, never red (red means overdue everywhere in the app).
SLICE_COLOURS = ("#1f6feb", "#8cb9f5", "#9aa5b1", "#4c9a8a", "#c9d1d9", "#5b7fb5")


def ui_font(delta: float = 0.0, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    if delta:
        font.setPointSizeF(max(font.pointSizeF() + delta, 6.0))
    font.setBold(bold)
    return font


def _chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundBrush(QBrush(QColor("#ffffff")))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    legend = chart.legend()
    legend.setFont(ui_font(-0.5))
    legend.setLabelColor(QColor(TEXT))
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _axis_style(axis, grid: bool = True) -> None:
    axis.setLabelsFont(ui_font(-1))
    axis.setLabelsColor(QColor(MUTED))
    axis.setLinePen(QPen(QColor(BORDER)))
    axis.setGridLineVisible(grid)
    axis.setGridLinePen(QPen(QColor(GRID)))


def _nice_max(value: int) -> int:
    """The top of a 4-interval axis at or above ``value``, in round steps (1, 2, 2.5, 3, 4,
    5, 6, 8 × 10^k)."""
    magnitude = 1
    while True:
        for mult in (1, 2, 2.5, 3, 4, 5, 6, 8):
            step = mult * magnitude
            if step == int(step) and step * 4 >= max(value, 4):
                return int(step * 4)
        magnitude *= 10


def make_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setFrameShape(QChartView.Shape.NoFrame)
    view.setStyleSheet("background: #ffffff; border: none;")
    return view


def month_chart(labels: Sequence[str], received: Sequence[int], closed: Sequence[int],
                rates: Sequence[float | None], on_click: Callable[[str, int], None],
                names: tuple[str, str, str]) -> tuple[QChart, dict[str, QBarSet]]:
    """Bars of received and closed per month, the closure rate as a line on a 0–100% axis.
    on_click(figure, index) with figure "received" or "closed"."""
    chart = _chart()
    sets: dict[str, QBarSet] = {}
    series = QBarSeries()
    for figure, name, values, colour in (("received", names[0], received, RECEIVED),
                                         ("closed", names[1], closed, CLOSED)):
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        bar_set.clicked.connect(lambda i, f=figure: on_click(f, i))
        series.append(bar_set)
        sets[figure] = bar_set
    series.setBarWidth(0.7)
    chart.addSeries(series)
    line = QLineSeries()
    line.setName(names[2])
    pen = QPen(QColor(RATE))
    pen.setWidthF(2.0)
    line.setPen(pen)
    line.setPointsVisible(True)
    for i, r in enumerate(rates):
        if r is not None:
            line.append(QPointF(i, r))
    chart.addSeries(line)

    x = QBarCategoryAxis()
    x.append(list(labels))
    _axis_style(x, grid=False)
    y = QValueAxis()
    y.setRange(0, _nice_max(max([*received, *closed, 0])))
    y.setTickCount(5)
    y.setLabelFormat("%d")
    _axis_style(y)
    right = QValueAxis()
    right.setRange(0, 100)
    right.setTickCount(5)
    right.setLabelFormat("%d%%")
    _axis_style(right, grid=False)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    series.attachAxis(x)
    series.attachAxis(y)
    line.attachAxis(x)
    line.attachAxis(right)
    return chart, sets


def bar_chart(names: Sequence[str], values: Sequence[int], colour: str, set_name: str,
              on_click: Callable[[int], None]) -> tuple[QChart, QBarSet]:
    """Horizontal bars, the first name at the top; on_click(index into names)."""
    chart = _chart()
    chart.legend().hide()
    n = len(names)
    bar_set = QBarSet(set_name)
    # QtCharts draws the first category at the bottom: feed the rows reversed.
    bar_set.append([float(v) for v in reversed(values)])
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    bar_set.setLabelColor(QColor(TEXT))
    bar_set.setLabelFont(ui_font(-1))
    bar_set.clicked.connect(lambda i: on_click(n - 1 - i))
    series = QHorizontalBarSeries()
    series.append(bar_set)
    series.setBarWidth(0.72)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    y = QBarCategoryAxis()
    y.append(list(reversed(names)) or [""])
    _axis_style(y, grid=False)
    y.setLabelsFont(ui_font(-0.5))
    y.setLabelsColor(QColor(TEXT))
    # Category names are short and must be read whole: never "…" (QtCharts elides labels
    # for the size the chart first had, and does not redo it when it grows).
    y.setTruncateLabels(False)
    x = QValueAxis()
    top = max([*values, 0])
    # Room on the right for the value labels at the bar ends.
    x.setRange(0, _nice_max(int(top * 1.12) + 1))
    x.setTickCount(5)
    x.setLabelFormat("%d")
    _axis_style(x)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y)
    series.attachAxis(x)
    return chart, bar_set


def pie_chart(labels: Sequence[str], values: Sequence[int],
              on_click: Callable[[int], None]) -> tuple[QChart, QPieSeries]:
    """A ring of slices labelled "name n（x%）"; on_click(index)."""
    chart = _chart()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    series = QPieSeries()
    series.setHoleSize(0.42)
    series.setPieSize(0.72)
    total = sum(values)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        share = f"{round(100 * value / total)}%" if total else "—"
        pie_slice = series.append(f"{label}  {value:,}（{share}）", float(value))
        colour = QColor(SLICE_COLOURS[i % len(SLICE_COLOURS)])
        pie_slice.setColor(colour)
        pie_slice.setBorderColor(QColor("#ffffff"))
        pie_slice.setBorderWidth(2)
        pie_slice.setLabelVisible(False)
        pie_slice.clicked.connect(lambda i=i: on_click(i))
        pie_slice.hovered.connect(lambda on, s=pie_slice: s.setExploded(on))
        pie_slice.setExplodeDistanceFactor(0.05)
    chart.addSeries(series)
    for marker in chart.legend().markers(series):
        marker.setFont(ui_font(-0.5))
    return chart, series


def slice_at(series: QPieSeries, index: int) -> QPieSlice:
    return series.slices()[index]
