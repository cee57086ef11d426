"""统计概览's tiles: a figure for this month and this year so far, against the period before;
each number opens the cases it counts (a CaseFilter with the figure and its dates)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from caseapp.figures import stats
from caseapp.figures.dashboard import Tile, TileValue
from caseapp.queries.case_list import CaseFilter
from ui.i18n import tr
from ui.style import ACCENT_DARK, BORDER, CLOSED, MUTED, OVERDUE, TEXT

KIND_LABELS = {"petition": "信访件", "dispute": "矛盾纠纷"}
TILE_LABELS = {"closure_rate": "办结率", "on_time_rate": "按期办结率", "entry_rate": "录入完成率",
               "success_rate": "调解成功率", "mediation_rate": "纠纷调解率",
               "overdue_open": "期内超期未结"}
COUNT_LABELS = {"closed": "已办结", "handled": "办理", "closed_on_time": "按期办结",
                "entered": "已录入", "succeeded": "调解成功", "concluded": "成功+不成",
                "overdue_open": "超期未结", "received": "登记"}


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


class TileButton(QFrame):
    """One number of a tile (one period): click or Enter opens its cases."""

    clicked = Signal()

    def __init__(self, period_label: str, parent: QWidget | None = None):
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

    def __init__(self, parent: QWidget | None = None):
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
        self.month = TileButton(tr("本月至今"))
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
        self._fill(self.month, tile, tile.month, tr("本月至今"), tr("上月同期"))
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
