"""统计概览's charts: twelve months of received and closed cases, how the period's closed cases
ended, and its cases by category and by street; a click on a bar or a slice opens exactly the
cases it stands for."""

from __future__ import annotations

from PySide6.QtCharts import QChart
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseapp.figures.dashboard import DashboardData
from caseapp.queries.case_list import CaseFilter
from ui.i18n import tr
from ui.pages.dashboard.tiles import KIND_LABELS, span_text
from ui.style import MUTED
from ui.widgets import charts
from ui.widgets.fit import ElidedLabel

CHART_KEYS = ("months", "outcomes", "category", "street")


class ChartCard(QFrame):
    """A titled chart with 保存图表."""

    save_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setStyleSheet("font-size: 10.5pt; font-weight: bold; border: none;")
        self.subtitle = ElidedLabel("")  # gives way to 保存图表 on a narrow screen
        self.subtitle.setStyleSheet(f"color: {MUTED}; border: none;")
        self.save_button = QPushButton(tr("保存图表"))
        self.save_button.setToolTip(tr("把这张图保存为 PNG 图片"))
        self.save_button.clicked.connect(self.save_requested)
        head.addWidget(self.title)
        head.addSpacing(8)
        head.addWidget(self.subtitle)
        head.addStretch(1)
        head.addWidget(self.save_button)
        layout.addLayout(head)
        self.view = charts.make_view(QChart())
        layout.addWidget(self.view, 1)

    def set_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None:
            old.deleteLater()


class ChartGrid(QWidget):
    """The four chart cards, two by two; ``open_filter`` with the cases of a clicked bar or
    slice, ``save_requested`` with the key of a card whose 保存图表 was clicked."""

    open_filter = Signal(object)  # a queries.CaseFilter with kind set
    save_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.data: DashboardData | None = None
        self.bar_sets: dict = {}  # the bar sets shown, by chart key (the months' by figure)
        self.pie_series = None
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.columns = 2
        self.cards: dict[str, ChartCard] = {
            "months": ChartCard(tr("近12个月登记与办结")),
            "outcomes": ChartCard(tr("办结结果")),
            "category": ChartCard(tr("按类别登记")),
            "street": ChartCard(tr("按街镇登记")),
        }
        for i, key in enumerate(CHART_KEYS):
            card = self.cards[key]
            card.save_requested.connect(lambda k=key: self.save_requested.emit(k))
            card.setMinimumHeight(300)
            grid.addWidget(card, i // 2, i % 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def set_columns(self, columns: int) -> None:
        """Two by two, or one under the other where two would be cut (150 % scaling)."""
        if columns == self.columns:
            return
        self.columns = columns
        for key in CHART_KEYS:
            self.grid.removeWidget(self.cards[key])
        for i, key in enumerate(CHART_KEYS):
            self.grid.addWidget(self.cards[key], i // columns, i % columns)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2 if columns == 2 else 0)

    def show_data(self, data: DashboardData) -> None:
        self.data = data
        self._show_months(data)
        self._show_outcomes(data)
        self._show_bars(data, "category", data.by_category, charts.RECEIVED)
        self._show_bars(data, "street", data.by_street, charts.RECEIVED)

    def _show_months(self, data: DashboardData) -> None:
        months = data.months
        # The months alone; the span with its years is in the subtitle.
        labels = [tr("{0}月").format(int(m.month[5:])) for m in months]
        chart, sets = charts.month_chart(
            labels, [m.received for m in months], [m.closed for m in months],
            [m.closure_percent for m in months], self._month_clicked,
            (tr("登记"), tr("办结"), tr("办结率（右轴）")))
        self.bar_sets["months"] = sets
        card = self.cards["months"]
        card.set_chart(chart)
        card.subtitle.setText(tr("{0}～{1}").format(months[0].month, months[-1].month))
        card.view.setToolTip(tr("点击柱形查看该月登记或办结的{0}").format(
            tr(KIND_LABELS[data.kind])))

    def _show_outcomes(self, data: DashboardData) -> None:
        labels = [b.name for b in data.outcomes]
        chart, series = charts.pie_chart(labels, [b.count for b in data.outcomes],
                                         self._slice_clicked)
        self.pie_series = series
        card = self.cards["outcomes"]
        card.set_chart(chart)
        card.subtitle.setText(tr("{0}  办结 {1} 件").format(
            span_text(data.date_from, data.date_to), f"{data.closed:,}"))
        card.view.setToolTip(tr("点击扇区查看该结果的已办结案件"))

    def _show_bars(self, data: DashboardData, key: str, bars, colour: str) -> None:
        names = [b.name for b in bars]
        chart, bar_set = charts.bar_chart(names, [b.count for b in bars], colour, tr("登记"),
                                          lambda i, k=key: self._bar_clicked(k, i))
        self.bar_sets[key] = bar_set
        card = self.cards[key]
        # The height first: QtCharts elides the category labels for the size it first gets.
        card.setMinimumHeight(max(300, 24 * len(names) + 90))
        card.set_chart(chart)
        card.subtitle.setText(tr("{0}  登记 {1} 件").format(
            span_text(data.date_from, data.date_to), f"{data.received:,}"))
        what = tr("类别") if key == "category" else tr("街镇")
        card.view.setToolTip(tr("点击柱形查看该{0}在本期登记的案件").format(what))

    # -- drill-down --------------------------------------------------------------------

    def month_filter(self, figure: str, index: int) -> CaseFilter:
        m = self.data.months[index]
        return CaseFilter(kind=self.data.kind, figure=(figure, m.date_from, m.date_to))

    def bar_filter(self, key: str, index: int) -> CaseFilter:
        d = self.data
        rows = d.by_category if key == "category" else d.by_street
        figure = ("received", d.date_from, d.date_to)
        if key == "category":
            return CaseFilter(kind=d.kind, category=rows[index].name, figure=figure)
        return CaseFilter(kind=d.kind, street=rows[index].name, figure=figure)

    def slice_filter(self, index: int) -> CaseFilter:
        d = self.data
        return CaseFilter(kind=d.kind, outcome=d.outcomes[index].name,
                          figure=("closed", d.date_from, d.date_to))

    def _month_clicked(self, figure: str, index: int) -> None:
        if self.data is not None:
            self.open_filter.emit(self.month_filter(figure, index))

    def _bar_clicked(self, key: str, index: int) -> None:
        if self.data is not None:
            self.open_filter.emit(self.bar_filter(key, index))

    def _slice_clicked(self, index: int) -> None:
        if self.data is not None:
            self.open_filter.emit(self.slice_filter(index))
