"""添加或修改一年的节假日安排: the notice of the 国务院办公厅 as a table, one holiday a row
(its name, the first and last day off, the Saturdays or Sundays worked in lieu)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import calendar as cal_rules
from caseapp.calendar import CalendarDay
from ui.i18n import tr
from ui.pages.settings.fields import error_label, muted
from ui.widgets.fit import fit_to_screen

HOLIDAYS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
COLUMNS = ("名称", "放假开始", "放假结束", "调休上班日")
EXTRA_ROWS = 2  # empty rows for a holiday the list lacks (中秋国庆 together, a one-off day)
SHORT_DATE = re.compile(r"^\s*(?:(\d{4})[-./年])?(\d{1,2})[-./月](\d{1,2})日?\s*$")


def parse_day(text: str, year: int) -> date:
    """2027-10-01, 10-01, 10/1 or 10月1日 in ``year``; ValueError with the reason."""
    m = SHORT_DATE.match(text or "")
    if not m:
        raise ValueError(tr("「{0}」不是日期，应写成 {1}-10-01 或 10-01").format(text.strip(), year))
    y = int(m.group(1) or year)
    try:
        return date(y, int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(tr("「{0}」不是有效的日期").format(text.strip())) from None


def rows_of_table(cells: list[list[str]], year: int) -> list[CalendarDay]:
    """The year's rows from the table's text; ValueError naming the row."""
    out: list[CalendarDay] = []
    for n, (name, first, last, worked) in enumerate(cells, start=1):
        name, first, last, worked = (c.strip() for c in (name, first, last, worked))
        if not (first or last or worked):
            continue
        where = tr("第{0}行（{1}）").format(n, name or tr("未命名"))
        try:
            if first or last:
                a = parse_day(first or last, year)
                b = parse_day(last or first, year)
                if b < a:
                    raise ValueError(tr("放假结束早于开始"))
                if (b - a).days > 30:
                    raise ValueError(tr("放假超过31天"))
                out += cal_rules.expand(a, b, cal_rules.REST, name)
            for part in re.split(r"[，,、；;\s]+", worked):
                if part:
                    out.append(CalendarDay(parse_day(part, year), cal_rules.WORK, name))
        except ValueError as exc:
            raise ValueError(f"{where}：{exc}") from None
    problem = cal_rules.check_year(year, out)
    if problem:
        raise ValueError(problem)
    return out


def table_of_rows(rows: list[CalendarDay]) -> list[list[str]]:
    """The year's stored rows as the table shows them: a row per holiday name."""
    by_name: dict[str, list[list[date]]] = {}
    for r in sorted(rows):
        entry = by_name.setdefault(r.name, [[], []])
        entry[0 if r.kind == cal_rules.REST else 1].append(r.day)
    names = list(HOLIDAYS) + [n for n in by_name if n not in HOLIDAYS]
    out = []
    for name in names:
        rest, work = by_name.get(name, [[], []])
        out.append([name, rest[0].strftime("%m-%d") if rest else "",
                    rest[-1].strftime("%m-%d") if rest else "",
                    "、".join(d.strftime("%m-%d") for d in work)])
    return out + [["", "", "", ""] for _ in range(EXTRA_ROWS)]


class YearDialog(QDialog):
    """Fill in a year's notice; ``rows`` holds the days when accepted."""

    def __init__(self, year: int, rows: list[CalendarDay], parent: QWidget | None = None):
        super().__init__(parent)
        self.year = year
        self.rows: list[CalendarDay] = []
        self.setWindowTitle(tr("{0} 年节假日安排").format(year))
        cells = table_of_rows(rows)
        self.table = QTableWidget(len(cells), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for r, row in enumerate(cells):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("按国务院办公厅关于 {0} 年部分节假日安排的通知填写。").format(year), self))
        lay.addWidget(muted(tr("日期写成 10-01 或 {0}-10-01；放假含其中的周末；调休上班日是要上班的"
                               "周六或周日，多个用顿号分开。整行留空的节日不放假。").format(year), self))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        fit_to_screen(self, 640, 460)

    def cells(self) -> list[list[str]]:
        return [[(self.table.item(r, c).text() if self.table.item(r, c) else "")
                 for c in range(len(COLUMNS))] for r in range(self.table.rowCount())]

    def set_cell(self, row: int, col: int, text: str) -> None:
        self.table.setItem(row, col, QTableWidgetItem(text))

    def accept(self) -> None:
        try:
            self.rows = rows_of_table(self.cells(), self.year)
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        if not self.rows:
            self.error.setText(tr("还没有填写任何放假日期"))
            self.error.show()
            return
        super().accept()
