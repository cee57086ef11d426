"""工作台: today's work in four cards, each a short list that opens the case."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries
from caseapp.queries.case_list import CaseRow
from ui.i18n import tr
from ui.style import ACCENT, DUE_SOON, MUTED, OVERDUE, STATE_COLOURS
from ui.tasks import show_error
from ui.widgets.lazy import LazyPage

if TYPE_CHECKING:
    from ui.context import AppContext

PENDING_DAYS = 3
WEEKDAYS = ("一", "二", "三", "四", "五", "六", "日")
CARD_KEYS = ("pending", "due_soon", "overdue", "follow_up")


def card_title(key: str) -> str:
    return {
        "pending": tr("待受理（超过{0}天）").format(PENDING_DAYS),
        "due_soon": tr("即将到期（7天内）"),
        "overdue": tr("当前已超期"),
        "follow_up": tr("待回访"),
    }[key]


def long_date(day: date) -> str:
    return tr("{0}年{1}月{2}日 星期{3}").format(day.year, day.month, day.day,
                                             tr(WEEKDAYS[day.weekday()]))


def load_workbench(db, today: date) -> dict:
    """Runs on a worker: the four lists, their full counts and the office name."""
    return {
        "lists": queries.workbench(db, today, pending_days=PENDING_DAYS),
        "counts": queries.workbench_counts(db, today, pending_days=PENDING_DAYS),
        "office": db.settings().office_name,
    }


class WorkCard(QFrame):
    """One card: a title with the count and a compact list of cases."""

    open_case = Signal(int)

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.setProperty("card", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        head = QHBoxLayout()
        self.title = QLabel(card_title(key))
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold; border: none;")
        self.count = QLabel("–")
        colour = {"overdue": OVERDUE, "due_soon": DUE_SOON}.get(key, ACCENT)
        self.count.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {colour};"
                                 " border: none;")
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.count)
        layout.addLayout(head)

        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setColumnCount(4)
        last = tr("办结日期") if key == "follow_up" else tr("期限")
        self.tree.setHeaderLabels([tr("编号"), tr("当事人"), tr("类别"), last])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setStyleSheet("QTreeWidget { border: none; }"
                                " QTreeWidget::item { padding: 4px 2px; }")
        self.tree.itemActivated.connect(self._activated)

        self.empty = QLabel(tr("暂无"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {MUTED}; border: none;")
        self.more = QLabel()
        self.more.setStyleSheet(f"color: {MUTED}; border: none;")
        self.more.hide()

        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.more)

    def set_rows(self, rows: list[CaseRow], total: int) -> None:
        self.count.setText(f"{total:,}")
        self.tree.clear()
        items = []
        for r in rows:
            if self.key == "follow_up":
                last = r.closed_on.strftime("%Y-%m-%d") if r.closed_on else ""
                colour = QColor(MUTED)
            else:
                last = r.deadline_text
                colour = QColor(STATE_COLOURS.get(r.deadline_state, MUTED))
            item = QTreeWidgetItem([r.number, r.party, r.category, last])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setForeground(3, QBrush(colour))
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.stack.setCurrentWidget(self.tree if rows else self.empty)
        shown = len(rows)
        self.more.setText(tr("仅列出前 {0} 件，共 {1} 件").format(shown, f"{total:,}"))
        self.more.setVisible(total > shown)

    def case_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.tree.topLevelItemCount())]

    def _activated(self, item: QTreeWidgetItem, _col: int) -> None:
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.open_case.emit(int(case_id))


class WorkbenchPage(LazyPage):
    open_case = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._gen = 0
        self.loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        head = QHBoxLayout()
        self.office_label = QLabel(tr("今日工作"))
        self.office_label.setProperty("role", "title")
        self.date_label = QLabel(long_date(ctx.today()))
        self.date_label.setProperty("role", "muted")
        head.addWidget(self.office_label)
        head.addStretch(1)
        head.addWidget(self.date_label)
        layout.addLayout(head)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.cards: dict[str, WorkCard] = {}
        for i, key in enumerate(CARD_KEYS):
            card = WorkCard(key)
            card.open_case.connect(self.open_case)
            grid.addWidget(card, i // 2, i % 2)
            self.cards[key] = card
        layout.addLayout(grid, 1)
        ctx.data_changed.connect(self._data_changed)

    def reload(self) -> None:
        self.mark_loaded()
        self._gen += 1
        gen = self._gen
        self.loading = True
        self.ctx.runner.run(self, load_workbench, self.ctx.db, self.ctx.today(),
                            on_done=lambda data: self._arrived(gen, data),
                            on_error=lambda exc: self._failed(gen, exc))

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self.loading = False
            show_error(self, exc)

    def _arrived(self, gen: int, data: dict) -> None:
        if gen != self._gen:
            return
        self.loading = False
        self.office_label.setText(tr("{0} · 今日工作").format(data["office"]))
        self.date_label.setText(long_date(self.ctx.today()))
        for key, card in self.cards.items():
            card.set_rows(data["lists"][key], data["counts"][key])
