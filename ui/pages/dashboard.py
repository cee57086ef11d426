"""统计概览: the figures at a glance, and every number opens the cases it counts.

Tiles give this month and this year so far against the period before; the charts give twelve
months of received and closed cases, the period's cases by category and by street, and how
its closed cases ended. All of it comes from one ``caseapp.figures.dashboard.snapshot`` call on a
worker, and every click emits ``open_filter`` with a ``queries.CaseFilter`` built from the
same figure name and dates the number was counted with (``stats.condition``), so the list
that opens has exactly as many cases as the number said.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart
from PySide6.QtCore import QDate, QDir, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from caseapp.figures import dashboard, stats
from caseapp.figures.dashboard import DashboardData, Tile, TileValue
from caseapp.queries.cases import CaseFilter
from ui.i18n import tr
from ui.style import ACCENT_DARK, BORDER, CLOSED, MUTED, OVERDUE, TEXT
from ui.tasks import show_error
from ui.widgets import charts
from ui.widgets.lazy import LazyPage

REFRESH_DELAY_MS = 500  # acts come in bursts (bulk assign, import): refresh once after them

KIND_LABELS = {"petition": "信访件", "dispute": "矛盾纠纷"}
TILE_LABELS = {"closure_rate": "办结率", "on_time_rate": "按期办结率", "entry_rate": "录入完成率",
               "success_rate": "调解成功率", "mediation_rate": "纠纷调解率",
               "overdue_open": "已超期"}
COUNT_LABELS = {"closed": "已办结", "handled": "办理", "closed_on_time": "按期办结",
                "entered": "已录入", "succeeded": "调解成功", "concluded": "成功+不成",
                "overdue_open": "超期未结", "received": "登记"}
PERIOD_LABELS = (("this_month", "本月"), ("last_month", "上月"), ("this_year", "本年"),
                 ("last_year", "上年"), ("custom", "自定义…"))
CHART_KEYS = ("months", "outcomes", "category", "street")


def ask_png_path(parent: QWidget, suggested: str) -> str | None:
    """Where to save a chart; tests replace this function."""
    path, _filter = QFileDialog.getSaveFileName(parent, tr("保存图表"), suggested,
                                                tr("PNG 图片 (*.png)"))
    if not path:
        return None
    return path if path.lower().endswith(".png") else path + ".png"


def span_text(f: date, t: date) -> str:
    return f"{f.isoformat()}～{t.isoformat()}"


def change_text(value: TileValue) -> tuple[str, str]:
    """The change on the previous period as (text, colour)."""
    change = value.change
    if change is None:
        return tr("上期无数据"), MUTED
    if change == 0:
        return tr("持平"), MUTED
    arrow = "↑" if change > 0 else "↓"
    if value.den is None:
        text = tr("{0}{1} 件").format(arrow, f"{abs(change):,}")
    else:
        whole, tenth = divmod(abs(change), 10)
        number = f"{whole}" if tenth == 0 else f"{whole}.{tenth}"
        text = tr("{0}{1}个百分点").format(arrow, number)
    return text, ""


def figure_label(name: str) -> str:
    return tr(COUNT_LABELS.get(name, name))


# ---------------------------------------------------------------------------
# Tiles.


class TileButton(QFrame):
    """One number of a tile (one period): click or Enter opens its cases."""

    clicked = Signal()

    def __init__(self, period_label: str, parent=None):
        super().__init__(parent)
        self.setObjectName("tileButton")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            "QFrame#tileButton { border: 1px solid transparent; border-radius: 6px;"
            " background: transparent; }"
            " QFrame#tileButton:hover { background: #f3f6fa; border-color: #e1e6eb; }"
            f" QFrame#tileButton:focus {{ border-color: {ACCENT_DARK}; }}"
            " QLabel { border: none; background: transparent; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 6)
        layout.setSpacing(1)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.period = QLabel(period_label)
        self.period.setStyleSheet(f"color: {MUTED}; font-size: 9pt;")
        self.change = QLabel("")
        self.change.setStyleSheet("font-size: 9pt;")
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.change)
        self.value = QLabel("–")
        self.value.setStyleSheet(f"color: {TEXT}; font-size: 17pt; font-weight: bold;")
        self.counts = QLabel("")
        self.counts.setStyleSheet(f"color: {MUTED}; font-size: 9pt;")
        layout.addLayout(top)
        layout.addWidget(self.value)
        layout.addWidget(self.counts)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class TileCard(QFrame):
    """A figure for this month and this year so far; each half opens its own cases."""

    open_filter = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setProperty("card", True)
        self.tile: Tile | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(2)
        self.title = QLabel("")
        self.title.setStyleSheet("font-size: 10.5pt; font-weight: bold; border: none;"
                                 " padding-left: 8px;")
        layout.addWidget(self.title)
        self.month = TileButton(tr("本月"))
        self.year = TileButton(tr("本年至今"))
        line = QFrame()
        line.setFixedHeight(1)
        line.setStyleSheet(f"background: {BORDER}; border: none; margin: 0 8px;")
        layout.addWidget(self.month)
        layout.addWidget(line)
        layout.addWidget(self.year)
        self.month.clicked.connect(lambda: self._open(self.tile.month if self.tile else None))
        self.year.clicked.connect(lambda: self._open(self.tile.year if self.tile else None))

    def set_tile(self, tile: Tile) -> None:
        self.tile = tile
        self.title.setText(tr(TILE_LABELS[tile.key]))
        self._fill(self.month, tile, tile.month, tr("本月"), tr("上月"))
        self._fill(self.year, tile, tile.year, tr("本年至今"), tr("上年同期"))

    def _fill(self, button: TileButton, tile: Tile, value: TileValue, period: str,
              previous: str) -> None:
        kind = tr(KIND_LABELS[tile.kind])
        button.value.setText(value.text)
        colour = OVERDUE if tile.lower_is_better and value.num else TEXT
        button.value.setStyleSheet(f"color: {colour}; font-size: 17pt; font-weight: bold;")
        text, colour = change_text(value)
        if not colour:
            better = (value.change or 0) < 0 if tile.lower_is_better else (value.change or 0) > 0
            colour = CLOSED if better else OVERDUE
        button.change.setText(text)
        button.change.setStyleSheet(f"color: {colour}; font-size: 9pt;")
        if value.den is None:
            button.counts.setText(tr("截至 {0}").format(value.date_to.isoformat()))
            prev_text = f"{value.prev_num:,}"
            what = tr("未办结且已超过办理期限的{0}（截至 {1}）").format(
                kind, value.date_to.isoformat())
        else:
            button.counts.setText(f"{figure_label(tile.numerator)} {value.num:,} / "
                                  f"{figure_label(tile.denominator)} {value.den:,}")
            prev_text = stats.format_rate(value.prev_num, value.prev_den or 0)
            what = tr("{0}{1}{2}的{3}").format(period, span_text(value.date_from, value.date_to),
                                               figure_label(tile.numerator), kind)
        button.setToolTip(tr("{0}：{1}\n{2}（{3}）：{4}\n点击查看{5}，共 {6} 件").format(
            period, value.text, previous, span_text(value.prev_from, value.prev_to), prev_text,
            what, f"{value.num:,}"))
        button.setAccessibleName(f"{tr(TILE_LABELS[tile.key])} {period} {value.text}")

    def _open(self, value: TileValue | None) -> None:
        if self.tile is None or value is None:
            return
        self.open_filter.emit(CaseFilter(kind=self.tile.kind,
                                         figure=(self.tile.numerator, value.date_from,
                                                 value.date_to)))


# ---------------------------------------------------------------------------
# Chart cards.


class ChartCard(QFrame):
    """A titled chart with 保存图表."""

    save_requested = Signal()

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setStyleSheet("font-size: 10.5pt; font-weight: bold; border: none;")
        self.subtitle = QLabel("")
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


# ---------------------------------------------------------------------------
# The page.


class DashboardPage(LazyPage):
    open_filter = Signal(object)  # a queries.CaseFilter with kind set

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: DashboardData | None = None
        self.loading = False
        self._gen = 0
        self.bar_sets: dict = {}
        self.pie_series = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.reload)
        self._build()
        self._restore_choices()
        ctx.data_changed.connect(self._data_changed)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("dashboardBody")
        scroll.setWidget(body)
        self.scroll = scroll
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.setSpacing(10)

        head = QHBoxLayout()
        head.setSpacing(8)
        title = QLabel(tr("统计概览"))
        title.setProperty("role", "title")
        head.addWidget(title)
        head.addSpacing(12)
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_buttons: dict[str, QPushButton] = {}
        segmented = QHBoxLayout()
        segmented.setSpacing(0)
        for i, (kind, label) in enumerate(KIND_LABELS.items()):
            button = QPushButton(tr(label))
            button.setCheckable(True)
            radius = "border-top-left-radius: 6px; border-bottom-left-radius: 6px;" if i == 0 \
                else "border-top-right-radius: 6px; border-bottom-right-radius: 6px;"
            button.setStyleSheet(
                f"QPushButton {{ border-radius: 0; {radius} padding: 5px 16px; }}"
                " QPushButton:checked { background: #ddeafe; color: #1858bc;"
                " border-color: #a8c5f7; font-weight: bold; }")
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            segmented.addWidget(button)
            button.toggled.connect(lambda on, k=kind: on and self._kind_chosen(k))
        head.addLayout(segmented)
        head.addStretch(1)
        self.status = QLabel("")
        self.status.setProperty("role", "muted")
        head.addWidget(self.status)
        head.addSpacing(8)
        head.addWidget(QLabel(tr("图表期间")))
        self.period_combo = QComboBox()
        for key, label in PERIOD_LABELS:
            self.period_combo.addItem(tr(label), key)
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        head.addWidget(self.period_combo)
        today = self.ctx.today()
        self.date_from = self._date_edit(QDate(today.year, 1, 1))
        self.date_sep = QLabel("～")
        self.date_to = self._date_edit(QDate(today))
        for w in (self.date_from, self.date_sep, self.date_to):
            head.addWidget(w)
            w.hide()
        layout.addLayout(head)

        self.caption = QLabel("")
        self.caption.setProperty("role", "muted")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        self.tile_cards: list[TileCard] = []
        for _ in range(max(len(t) for t in dashboard.TILES.values())):
            card = TileCard()
            card.open_filter.connect(self.open_filter)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            tiles.addWidget(card, 1)
            self.tile_cards.append(card)
        layout.addLayout(tiles)

        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards: dict[str, ChartCard] = {
            "months": ChartCard(tr("近12个月登记与办结")),
            "outcomes": ChartCard(tr("办结结果")),
            "category": ChartCard(tr("按类别登记")),
            "street": ChartCard(tr("按街镇登记")),
        }
        for i, key in enumerate(CHART_KEYS):
            card = self.cards[key]
            card.save_requested.connect(lambda k=key: self.save_chart(k))
            card.setMinimumHeight(300)
            grid.addWidget(card, i // 2, i % 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid, 1)

    def _date_edit(self, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(self._custom_changed)
        return edit

    def _restore_choices(self) -> None:
        settings = self.ctx.settings()
        kind = settings.value("dashboard/kind", "petition")
        period = settings.value("dashboard/period", "this_year")
        self.kind = kind if kind in KIND_LABELS else "petition"
        self.kind_buttons[self.kind].blockSignals(True)
        self.kind_buttons[self.kind].setChecked(True)
        self.kind_buttons[self.kind].blockSignals(False)
        index = self.period_combo.findData(period if period != "custom" else "this_year")
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)

    # -- choices -----------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        key = self.period_combo.currentData()
        if key == "custom":
            return self.date_from.date().toPython(), self.date_to.date().toPython()
        return dashboard.period_range(key, self.ctx.today())

    def set_kind(self, kind: str) -> None:
        self.kind_buttons[kind].setChecked(True)

    def set_period(self, key: str, date_from: date | None = None,
                   date_to: date | None = None) -> None:
        if key == "custom" and date_from and date_to:
            for edit, value in ((self.date_from, date_from), (self.date_to, date_to)):
                edit.blockSignals(True)
                edit.setDate(QDate(value))
                edit.blockSignals(False)
        index = self.period_combo.findData(key)
        if index == self.period_combo.currentIndex():
            self._period_chosen(index)
        else:
            self.period_combo.setCurrentIndex(index)

    def _kind_chosen(self, kind: str) -> None:
        self.kind = kind
        self.ctx.settings().setValue("dashboard/kind", kind)
        self.reload()

    def _period_chosen(self, _index: int) -> None:
        key = self.period_combo.currentData()
        custom = key == "custom"
        for w in (self.date_from, self.date_sep, self.date_to):
            w.setVisible(custom)
        self.ctx.settings().setValue("dashboard/period", key)
        self.reload()

    def _custom_changed(self, _value: QDate) -> None:
        if self.period_combo.currentData() != "custom":
            return
        bad = self.date_from.date() > self.date_to.date()
        for edit in (self.date_from, self.date_to):
            edit.setProperty("invalid", bad)
            edit.style().unpolish(edit)
            edit.style().polish(edit)
        if bad:
            self.status.setText(tr("起始日期不能晚于截止日期"))
            return
        self.reload()

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        """Recompute everything in one worker call; the old numbers stay until it returns."""
        self._refresh_timer.stop()
        date_from, date_to = self.period()
        if date_from > date_to:
            return
        self.mark_loaded()
        self._gen += 1
        gen = self._gen
        self.loading = True
        self.status.setText(tr("正在更新…"))
        self.ctx.runner.run(self, dashboard.snapshot, self.ctx.db, self.kind, date_from, date_to,
                            self.ctx.today(),
                            on_done=lambda data: self._arrived(gen, data),
                            on_error=lambda exc: self._failed(gen, exc))

    def refresh_now(self) -> None:
        self._refresh_timer.start()  # restarts: one refresh after a burst of acts

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        self.loading = False
        self.status.setText("")
        show_error(self, exc)

    def _arrived(self, gen: int, data: DashboardData) -> None:
        if gen != self._gen:
            return  # a newer request is on its way
        self.loading = False
        self.data = data
        self.status.setText("")
        self._show(data)

    # -- showing -----------------------------------------------------------------------

    def _show(self, data: DashboardData) -> None:
        kind = tr(KIND_LABELS[data.kind])
        spans = dashboard.tile_periods(data.today)
        self.caption.setText(tr(
            "{0}：本月 {1}（与上月比较），本年至今 {2}（与上年同期比较）。"
            "点击任一数字、柱形或扇区，即可查看它所统计的案件。").format(
                kind, span_text(*spans["month"]), span_text(*spans["year"])))
        for card, tile in zip(self.tile_cards, data.tiles, strict=False):
            card.set_tile(tile)
            card.show()
        for card in self.tile_cards[len(data.tiles):]:
            card.hide()
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

    # -- saving ------------------------------------------------------------------------

    def save_chart(self, key: str) -> str | None:
        card = self.cards[key]
        period = ""
        if self.data is not None:
            period = f"_{self.data.date_from.isoformat()}_{self.data.date_to.isoformat()}"
        kind = tr(KIND_LABELS[self.kind])
        suggested = QDir.home().filePath(f"{kind}_{card.title.text()}{period}.png")
        path = ask_png_path(self, suggested)
        if not path:
            return None
        if not card.view.grab().save(path, "PNG"):
            QMessageBox.warning(self, tr("无法保存"), tr("无法写入文件：{0}").format(path))
            return None
        self.status.setText(tr("图表已保存"))
        return path


def screenshot_states(ctx) -> list[tuple[str, QWidget]]:
    """The dashboard of each kind, loaded (for ui/screenshots.py)."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    out = []
    for kind in ("petition", "dispute"):
        page = DashboardPage(ctx)
        page.resize(1198, 700)
        page.show()
        page.set_kind(kind)
        deadline = QDeadlineTimer(30000)
        while (page.loading or ctx.runner.busy) and not deadline.hasExpired():
            QApplication.processEvents()
            ctx.runner.pool.waitForDone(20)
        QApplication.processEvents()
        out.append((f"dashboard_{kind}", page))
    return out

