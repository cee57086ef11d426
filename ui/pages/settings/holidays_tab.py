"""设置 → 节假日: the office's rest-day calendar, a year as twelve month grids.

Holiday rest days (休) and 调休 working days (班) are marked; a day is picked in a grid and
marked or unmarked, a whole year is added from the notice (holiday_year_dialog), or a small
file is imported. Every write is confirmed and is one act (services.set_day, save_year,
import_days) that also recomputes the deadlines of the open cases it touches.
"""

from __future__ import annotations

import calendar as month_grid
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import calendar as cal_rules
from caseapp import services
from caseapp.calendar import Calendar, CalendarDay
from caseapp.errors import ValidationError
from caseapp.workflow import Act
from ui.i18n import tr
from ui.pages.settings.fields import error_label, mark, muted, scroll_area
from ui.pages.settings.holiday_year_dialog import YearDialog
from ui.style import ACCENT, MUTED, OVERDUE
from ui.tasks import show_error
from ui.widgets import forms
from ui.widgets.fit import FlowLayout

if TYPE_CHECKING:
    from ui.context import AppContext

WEEK_HEAD = ("一", "二", "三", "四", "五", "六", "日")
REST_BG, WORK_BG = QColor("#ffebe9"), QColor("#ddf4ff")
MARK_TEXT = {cal_rules.REST: "休", cal_rules.WORK: "班"}


def load_calendar(db) -> Calendar:
    """Runs on a worker: the calendar as stored now (another program may have changed it)."""
    db.invalidate_calendar()
    return db.calendar()


def year_summary(cal: Calendar, year: int) -> str:
    rows = cal.days_of(year)
    if not rows:
        return tr("{0} 年尚未添加节假日安排：期限只按周末顺延。").format(year)
    rest = sum(1 for r in rows if r.kind == cal_rules.REST)
    return tr("{0} 年：放假 {1} 天（含其中的周末），调休上班 {2} 天。").format(
        year, rest, len(rows) - rest)


MONTH_WIDTH = 266  # seven columns wide enough for "10休" in the body face


class MonthGrid(QTableWidget):
    """One month: seven columns 一…日, a cell per day; 休 and 班 days coloured and marked."""

    day_picked = Signal(object)  # date

    def __init__(self, month: int, parent: QWidget | None = None):
        super().__init__(6, 7, parent)
        self.month = month
        self.year = 0
        self.days: dict[tuple[int, int], date] = {}
        self.setHorizontalHeaderLabels([tr(w, "weekday") for w in WEEK_HEAD])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(MONTH_WIDTH, 24 * 6 + 30)
        self.setMaximumHeight(24 * 6 + 30)
        self.cellClicked.connect(self._clicked)

    def show_month(self, year: int, cal: Calendar) -> None:
        self.year = year
        self.clearContents()
        self.days.clear()
        marks = {r.day: r for r in cal.days_of(year) if r.day.month == self.month}
        for r, week in enumerate(month_grid.Calendar().monthdayscalendar(year, self.month)):
            for c, n in enumerate(week):
                if not n:
                    continue
                d = date(year, self.month, n)
                row = marks.get(d)
                item = QTableWidgetItem(f"{n}{MARK_TEXT[row.kind] if row else ''}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(Qt.ItemDataRole.UserRole, d.isoformat())
                if row is not None:
                    item.setBackground(QBrush(REST_BG if row.kind == cal_rules.REST else WORK_BG))
                    item.setForeground(QBrush(QColor(OVERDUE if row.kind == cal_rules.REST
                                                     else ACCENT)))
                    what = tr("放假") if row.kind == cal_rules.REST else tr("调休上班")
                    item.setToolTip(f"{d.isoformat()} {row.name} {what}".replace("  ", " "))
                elif cal_rules.is_weekend(d):
                    item.setForeground(QBrush(QColor(MUTED)))
                    item.setToolTip(tr("{0} 周末").format(d.isoformat()))
                self.setItem(r, c, item)
                self.days[(r, c)] = d

    def item_of(self, day: date) -> QTableWidgetItem | None:
        for (r, c), d in self.days.items():
            if d == day:
                return self.item(r, c)
        return None

    def _clicked(self, row: int, col: int) -> None:
        d = self.days.get((row, col))
        if d is not None:
            self.day_picked.emit(d)


class HolidaysTab(QWidget):
    """The year's grids, the picked day and what may be done with it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.calendar = Calendar()
        self.picked: date | None = None
        self.editable = ctx.may(Act.SETTINGS)

        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(ctx.today().year)
        self.year_spin.setSuffix(tr(" 年"))
        self.year_spin.valueChanged.connect(lambda _y: self.show_year())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.add_year_button = QPushButton(tr("添加或修改本年安排…"), self)
        self.add_year_button.setToolTip(tr("按国务院办公厅的通知填写放假日期和调休上班日"))
        self.import_button = QPushButton(tr("导入文件…"), self)
        self.import_button.setToolTip(tr("从 .csv 或 .json 导入（列：日期,类型,名称）"))
        self.add_year_button.clicked.connect(self.add_year)
        self.import_button.clicked.connect(self.import_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("年份"), self))
        top.addWidget(self.year_spin)
        top.addWidget(self.summary, 1)
        top.addWidget(self.add_year_button)
        top.addWidget(self.import_button)

        months = QWidget(self)
        # The months wrap to as many per line as the width holds (four at 100 %, two at 150 %)
        # instead of squeezing "10休" into "1…".
        flow = FlowLayout(months, spacing=10)
        self.months: list[MonthGrid] = []
        for m in range(1, 13):
            cell = QWidget(months)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(QLabel(tr("{0}月").format(m), cell))
            month = MonthGrid(m, cell)
            month.day_picked.connect(self.pick)
            box.addWidget(month)
            cell.setFixedWidth(MONTH_WIDTH)
            flow.addWidget(cell)
            self.months.append(month)

        self.day_label = QLabel(tr("在月历中点选一天"), self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(tr("名称，如 国庆节"))
        self.name_edit.setMaxLength(32)
        self.rest_button = QPushButton(tr("标为放假"), self)
        self.work_button = QPushButton(tr("标为调休上班"), self)
        self.clear_button = QPushButton(tr("取消标记"), self)
        self.error = error_label(self)
        self.result_label = muted("", self)
        self.result_label.hide()
        self.rest_button.clicked.connect(lambda: self.mark_day(cal_rules.REST))
        self.work_button.clicked.connect(lambda: self.mark_day(cal_rules.WORK))
        self.clear_button.clicked.connect(lambda: self.mark_day(None))
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_label)
        day_row.addWidget(self.name_edit, 1)
        for b in (self.rest_button, self.work_button, self.clear_button):
            day_row.addWidget(b)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addLayout(top)
        self.scroll = scroll_area(months, self)
        lay.addWidget(self.scroll, 1)
        lay.addLayout(day_row)
        lay.addWidget(self.error)
        lay.addWidget(self.result_label)
        lay.addWidget(muted(tr(
            "期限的最后一天是法定休假日的，以休假日结束的次日为期限的最后一天（民法典第二百零三条）。"
            "周六、周日为休息日，调休上班的除外。修改后，未结案件的期限随即重新计算；"
            "已办结的案件保持办结时的期限。"), self))
        for w in (self.add_year_button, self.import_button, self.name_edit, self.rest_button,
                  self.work_button, self.clear_button):
            w.setVisible(self.editable)
        self._update_buttons()
        ctx.data_changed.connect(lambda _ids: self.reload())
        self.reload()

    # -- reading --------------------------------------------------------------

    def reload(self) -> None:
        self.ctx.runner.run(self, load_calendar, self.ctx.db, on_done=self._loaded,
                            on_error=lambda exc: show_error(self, exc))

    def _loaded(self, cal: Calendar) -> None:
        self.calendar = cal
        self.show_year()

    def year(self) -> int:
        return self.year_spin.value()

    def show_year(self) -> None:
        year = self.year()
        for month in self.months:
            month.show_month(year, self.calendar)
        self.summary.setText(year_summary(self.calendar, year))
        self.summary.setStyleSheet("" if self.calendar.knows(year) else f"color: {OVERDUE};")
        if self.picked is not None and self.picked.year != year:
            self.picked = None
        self._update_buttons()

    def item_of(self, day: date) -> QTableWidgetItem | None:
        """The cell of ``day`` in the year shown (None for another year)."""
        if day.year != self.year():
            return None
        return self.months[day.month - 1].item_of(day)

    # -- writing --------------------------------------------------------------

    def pick(self, day: date) -> None:
        self.picked = day
        name = self.calendar.name_of(day)
        kind = next((r.kind for r in self.calendar.days_of(day.year) if r.day == day), None)
        state = {cal_rules.REST: tr("放假"), cal_rules.WORK: tr("调休上班")}.get(
            kind or "", tr("周末") if cal_rules.is_weekend(day) else tr("工作日"))
        self.day_label.setText(tr("{0}（星期{1}）：{2} {3}").format(
            day.isoformat(), tr(WEEK_HEAD[day.weekday()], "weekday"), state, name).strip())
        self.name_edit.setText(name)
        mark(self.name_edit, self.error, "")
        self.result_label.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        day = self.picked
        kind = None
        if day is not None:
            kind = next((r.kind for r in self.calendar.days_of(day.year) if r.day == day), None)
        self.rest_button.setEnabled(day is not None)
        # Only a Saturday or Sunday can be worked in lieu.
        self.work_button.setEnabled(day is not None and cal_rules.is_weekend(day))
        self.clear_button.setEnabled(kind is not None)

    def mark_day(self, kind: str | None) -> None:
        day = self.picked
        if day is None or not self.editable:
            return
        name = self.name_edit.text().strip()
        what = {cal_rules.REST: tr("标为放假"), cal_rules.WORK: tr("标为调休上班"),
                None: tr("取消标记")}[kind]
        if not forms.confirm(self, tr("把 {0} {1}{2}？\n未结案件的期限将按新的安排重新计算。").format(
                day.isoformat(), what, f"（{name}）" if name and kind else "")):
            return
        self.ctx.act(self, services.set_day, self.ctx.db, self.ctx.actor, day, kind, name,
                     on_done=self._written, on_error=self._failed)

    def add_year(self) -> None:
        year = self.year()
        dialog = YearDialog(year, self.calendar.days_of(year), self)
        if not dialog.exec():
            return
        rows = dialog.rows
        if not forms.confirm(self, tr("用这份安排替换 {0} 年的节假日？\n{1}\n"
                                      "未结案件的期限将按新的安排重新计算。").format(
                year, year_summary(Calendar.of(rows), year))):
            return
        self.ctx.act(self, services.save_year, self.ctx.db, self.ctx.actor, year, rows,
                     on_done=self._written, on_error=self._failed)

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("导入节假日安排"), "", tr("节假日文件 (*.csv *.json)"))
        if path:
            self.ctx.runner.run(self, services.read_calendar_file, path,
                                on_done=lambda rows: self._confirm_import(path, rows),
                                on_error=self._failed)

    def _confirm_import(self, path: str, rows: list[CalendarDay]) -> None:
        cal = Calendar.of(rows)
        years = sorted(cal.years)
        text = "\n".join(year_summary(cal, y) for y in years)
        if not forms.confirm(self, tr("导入后这些年份整年替换：\n{0}\n"
                                      "未结案件的期限将按新的安排重新计算。").format(text)):
            return
        self.ctx.act(self, services.import_days, self.ctx.db, self.ctx.actor, rows, path,
                     on_done=self._written, on_error=self._failed)

    def _written(self, change) -> None:
        self.result_label.setText(tr("已保存：{0} 件未结案件的期限有变化。").format(change.recomputed))
        self.result_label.show()
        if self.picked is not None and self.picked.year == self.year():
            self.name_edit.clear()

    def _failed(self, exc: BaseException) -> None:
        self.result_label.hide()
        if isinstance(exc, ValidationError):
            mark(self.name_edit, self.error, "；".join(p.message for p in exc.problems))
        else:
            show_error(self, exc)
