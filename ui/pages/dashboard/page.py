"""统计概览: the figures at a glance, and every number opens the cases it counts.

The page chooses the kind and the chart period and shows one ``caseapp.figures.dashboard.snapshot``
computed on a worker: the tiles (tiles.py) give this month and this year so far against the
period before, the charts (chart_grid.py) twelve months of received and closed cases, the
period's cases by category and by street, and how its closed cases ended. Every click emits
``open_filter`` with a ``queries.CaseFilter`` built from the same figure name and dates the
number was counted with (``stats.condition``), so the list that opens has exactly as many
cases as the number said.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDir, QEvent, QObject, Qt, QTimer, Signal
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

from caseapp.figures import dashboard
from caseapp.figures.dashboard import DashboardData
from ui.i18n import tr
from ui.pages.dashboard.chart_grid import ChartGrid
from ui.pages.dashboard.tiles import KIND_LABELS, TileCard, span_text
from ui.tasks import show_error
from ui.widgets.fit import columns_for
from ui.widgets.lazy import LazyPage

if TYPE_CHECKING:
    from ui.context import AppContext

REFRESH_DELAY_MS = 500  # acts come in bursts (bulk assign, import): refresh once after them
TILE_MIN_WIDTH = 200  # a tile's two numbers with their change (↓6.7个百分点) side by side
CHART_MIN_WIDTH = 420  # a chart card's title, span and 保存图表 on one line

PERIOD_LABELS = (("this_month", "本月"), ("last_month", "上月"), ("this_year", "本年"),
                 ("last_year", "上年"), ("custom", "自定义…"))


def ask_png_path(parent: QWidget, suggested: str) -> str | None:
    """Where to save a chart; tests replace this function."""
    path, _filter = QFileDialog.getSaveFileName(parent, tr("保存图表"), suggested,
                                                tr("PNG 图片 (*.png)"))
    if not path:
        return None
    return path if path.lower().endswith(".png") else path + ".png"


class DashboardPage(LazyPage):
    open_filter = Signal(object)  # a queries.CaseFilter with kind set

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: DashboardData | None = None
        self.loading = False
        self._gen = 0
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
        self.work_line = QLabel("")  # the work log's counts of the charts' period
        self.work_line.setProperty("role", "muted")
        layout.addWidget(self.work_line)

        # The tiles and charts reflow to the width (at 150 % two rows of tiles, one column
        # of charts) instead of being cut at the right edge.
        self.tiles = QGridLayout()
        self.tiles.setSpacing(12)
        self.tile_cards: list[TileCard] = []
        for _ in range(max(len(t) for t in dashboard.TILES.values())):
            card = TileCard()
            card.open_filter.connect(self.open_filter)
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            card.setMinimumWidth(TILE_MIN_WIDTH)
            self.tile_cards.append(card)
        self.tile_columns = 0
        layout.addLayout(self.tiles)

        self.charts = ChartGrid()
        self.charts.open_filter.connect(self.open_filter)
        self.charts.save_requested.connect(self.save_chart)
        layout.addWidget(self.charts, 1)
        scroll.viewport().installEventFilter(self)
        self.reflow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self.reflow()
        return False

    def reflow(self) -> None:
        """As many tiles a row as fit the width, rows kept even; two chart columns or one."""
        width = self.scroll.viewport().width() - 40  # the body's margins
        shown = [c for c in self.tile_cards if not c.isHidden()]
        cols = columns_for(width, len(shown), TILE_MIN_WIDTH)
        if cols != self.tile_columns or self.tiles.count() != len(shown):
            for card in self.tile_cards:
                self.tiles.removeWidget(card)
            for i, card in enumerate(shown):
                self.tiles.addWidget(card, i // cols, i % cols)
            for c in range(len(self.tile_cards)):
                self.tiles.setColumnStretch(c, 1 if c < cols else 0)
            self.tile_columns = cols
        self.charts.set_columns(2 if width >= 2 * CHART_MIN_WIDTH + 12 else 1)

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
            "{0}：本月至今 {1}（与上月同期比较），本年至今 {2}（与上年同期比较）。"
            "点击任一数字、柱形或扇区，即可查看它所统计的案件。").format(
                kind, span_text(*spans["month"]), span_text(*spans["year"])))
        work = data.work
        self.work_line.setText(tr(
            "排查台账（{0}）：排查 {1} 次，发现纠纷 {2} 件，安保维稳 {3} 次").format(
                span_text(data.date_from, data.date_to), f"{work.screenings:,}",
                f"{work.screenings_found:,}", f"{work.security_events:,}"))
        for card, tile in zip(self.tile_cards, data.tiles, strict=False):
            card.set_tile(tile)
            card.show()
        for card in self.tile_cards[len(data.tiles):]:
            card.hide()
        self.reflow()
        self.charts.show_data(data)

    # -- saving ------------------------------------------------------------------------

    def save_chart(self, key: str) -> str | None:
        card = self.charts.cards[key]
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
