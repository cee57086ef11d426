"""工作台: today's work in four cards, each a short list that opens the case."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries
from caseapp.queries.case_list import CaseRow
from ui.i18n import tr, tr_built
from ui.pages.workbench_judicial import JudicialCard
from ui.pages.workbench_supervision import SupervisionCard
from ui.pages.workbench_warnings import WarningsCard
from ui.style import ACCENT, DUE_SOON, MUTED, OVERDUE, STATE_COLOURS
from ui.tasks import show_error
from ui.widgets.card_tree import card_head, card_tree
from ui.widgets.fit import scroll_area
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
                                             tr(WEEKDAYS[day.weekday()], "day-name"))


def load_workbench(db, today: date) -> dict:
    """Runs on a worker: the four lists, their full counts and the office name."""
    return {
        "lists": queries.workbench(db, today, pending_days=PENDING_DAYS),
        "counts": queries.workbench_counts(db, today, pending_days=PENDING_DAYS),
        "office": db.settings().office_name,
        "office_unnamed": queries.office_unnamed(db),
        "calendar_missing": queries.calendar_missing_years(db, today),
    }


class OfficeReminder(QFrame):
    """A quiet line above the cards with a 去设置 button: the office without a name (documents
    would be headed with the placeholder; 设置 → 单位信息), and reused for the calendar."""

    open_settings = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("officeReminder")
        self.setStyleSheet("QFrame#officeReminder { background: #fff8c5; border: 1px solid #d4a72c;"
                           " border-radius: 6px; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel(tr("单位信息尚未填写：协议书和告知书的抬头会不完整。"))
        self.text.setWordWrap(True)
        self.text.setStyleSheet("border: none; background: transparent;")
        self.button = QPushButton(tr("去设置"))
        self.button.setToolTip(tr("打开 设置 → 单位信息"))
        self.button.clicked.connect(self.open_settings)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()


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
        colour = {"overdue": OVERDUE, "due_soon": DUE_SOON}.get(key, ACCENT)
        head, self.title, self.count = card_head(card_title(key), colour)
        layout.addLayout(head)

        last = tr("办结日期") if key == "follow_up" else tr("期限")
        # Party and category share one eliding column: on a narrow card (150 %) two narrow
        # columns would cut their own headers.
        self.tree = card_tree([tr("编号"), tr("当事人"), last], stretch=(1,))  # 张三 · 类别
        self.tree.setAlternatingRowColors(True)
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
                last = tr_built(r.deadline_text)
                colour = QColor(STATE_COLOURS.get(r.deadline_state, MUTED))
            who = " · ".join(t for t in (r.party, r.category) if t)
            item = QTreeWidgetItem([r.number, who, last])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(1, who)  # elided on a narrow card
            item.setForeground(2, QBrush(colour))
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
    open_settings = Signal(str)  # the settings tab to show ("office")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._gen = 0
        self.loading = False
        outer = QVBoxLayout(self)  # the cards scroll where the page is short (150 % scaling)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        outer.addWidget(scroll_area(body))
        layout = QVBoxLayout(body)
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
        self.reminder = OfficeReminder(self)
        self.reminder.open_settings.connect(lambda: self.open_settings.emit("office"))
        layout.addWidget(self.reminder)
        # The same quiet line when a year's holidays are missing (deadlines then move off
        # weekends only): this year, and from 1 December the next.
        self.calendar_warning = OfficeReminder(self)
        self.calendar_warning.button.setToolTip(tr("打开 设置 → 节假日"))
        self.calendar_warning.open_settings.connect(lambda: self.open_settings.emit("holidays"))
        layout.addWidget(self.calendar_warning)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.cards: dict[str, WorkCard] = {}
        for i, key in enumerate(CARD_KEYS):
            card = WorkCard(key)
            card.open_case.connect(self.open_case)
            grid.addWidget(card, i // 2, i % 2)
            self.cards[key] = card
        layout.addLayout(grid, 1)
        self.warnings = WarningsCard(ctx)  # 可能的群体性事件, loaded on its own
        self.warnings.open_case.connect(self.open_case)
        layout.addWidget(self.warnings)
        self.supervision = SupervisionCard.attach(self, layout)  # 督办回复逾期
        self.judicial = JudicialCard.attach(self, layout)  # 司法确认申请期限将到
        ctx.data_changed.connect(self._data_changed)

    def reload(self) -> None:
        self.mark_loaded()
        self._gen += 1
        gen = self._gen
        self.loading = True
        self.warnings.reload()
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
        self.reminder.setVisible(bool(data.get("office_unnamed")))
        missing = data.get("calendar_missing") or []
        if missing:
            self.calendar_warning.text.setText(tr(
                "{0} 年的节假日安排尚未添加：期限遇到法定节假日不会顺延，只按周末计算。"
                "请按国务院办公厅的通知添加或导入。").format("、".join(str(y) for y in missing)))
        self.calendar_warning.setVisible(bool(missing))
        self.date_label.setText(long_date(self.ctx.today()))
        for key, card in self.cards.items():
            card.set_rows(data["lists"][key], data["counts"][key])
