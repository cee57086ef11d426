"""排查台账: the work log (docs/domain.md §9): add, 零上报, edit, delete, filter by month, area and
type, import and export; the filtered entries' counts under the list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import exchange, queries, services
from caseapp import workflow as wf
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.lazy import LazyPage

if TYPE_CHECKING:
    from ui.context import AppContext

COLUMNS = ("日期", "类型", "范围", "参加人员", "发现纠纷数", "关联纠纷", "说明", "录入人")
MONTHS_BACK = 36


def open_path(parent: QWidget) -> str | None:
    """Ask for the file to import (module-level so tests can patch it)."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("导入排查台账"), "",
                                          tr("Excel 或 CSV 文件 (*.xlsx *.csv)"))
    return path or None


def save_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("导出排查台账"), suggested,
                                          tr("Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"))
    return path or None


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _load(db, flt: queries.WorkLogFilter) -> tuple[list[queries.WorkLogRow], list[str]]:
    return queries.list_worklog(db, flt), queries.worklog_streets(db)


def summary_text(rows: list[queries.WorkLogRow]) -> str:
    screenings = [r for r in rows if r.type in wf.SCREENING_TYPES and not r.zero_report]
    security = sum(r.type == wf.SECURITY for r in rows)
    zero = sum(r.zero_report for r in rows)
    return tr("共 {0} 条：排查 {1} 次，发现纠纷 {2} 件，安保维稳 {3} 次，零上报 {4} 条").format(
        f"{len(rows):,}", f"{len(screenings):,}", f"{sum(r.found for r in screenings):,}",
        f"{security:,}", f"{zero:,}")


class WorkLogPage(LazyPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[queries.WorkLogRow] = []
        self.streets: list[str] = []  # the office's, read with the first list
        self._gen = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        title = QLabel(tr("排查台账"))
        title.setProperty("role", "title")
        # The acts beside the title, the filters on their own row: in one row they made the
        # page wider than a 1366×768 screen at 150 % scaling.
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(title)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(forms.muted(tr("日常、集中、专项排查和重大活动安保维稳工作的记录；"
                                        "某月某地未发现纠纷时请「零上报」。统计报表中的排查次数、"
                                        "安保维稳次数即由此计算。")))
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.month_box = QComboBox()
        self.month_box.addItem(tr("全部月份"), None)
        today = ctx.today()
        y, m = today.year, today.month
        for _ in range(MONTHS_BACK):
            self.month_box.addItem(tr("{0}年{1}月").format(y, m), (y, m))
            y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        self.street_box = QComboBox()
        self._fill_streets()
        self.type_box = QComboBox()
        self.type_box.addItem(tr("全部类型"), None)
        for t in wf.WORKLOG_TYPES:
            self.type_box.addItem(tr(t), t)
        for text, w in ((tr("月份"), self.month_box), (tr("街镇"), self.street_box),
                        (tr("类型"), self.type_box)):
            bar.addWidget(QLabel(text))
            bar.addWidget(w)
            w.currentIndexChanged.connect(self.reload)
        bar.addStretch(1)
        self.add_button = QPushButton(tr("新增记录"))
        self.add_button.setProperty("primary", True)
        self.zero_button = QPushButton(tr("零上报"))
        self.edit_button = QPushButton(tr("修改"))
        self.delete_button = QPushButton(tr("删除"))
        self.import_button = QPushButton(tr("导入…"))
        self.import_button.setToolTip(tr("从 Excel 或 CSV 导入（列：日期、类型、范围、参加人员、发现纠纷数、说明）"))
        self.export_button = QPushButton(tr("导出…"))
        self.export_button.setToolTip(tr("把当前筛选的记录导出为 Excel 或 CSV"))
        for b in (self.add_button, self.zero_button, self.edit_button, self.delete_button,
                  self.import_button, self.export_button):
            head.addWidget(b)
        layout.addLayout(bar)
        may_write = ctx.may(wf.Act.WORKLOG)
        for b in (self.add_button, self.zero_button, self.edit_button, self.delete_button,
                  self.import_button):
            b.setVisible(may_write)
        self.export_button.setVisible(ctx.may(wf.Act.EXPORT))

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        for i, w in enumerate((100, 96, 190, 140, 90, 80)):  # 说明 takes the rest
            self.table.setColumnWidth(i, w)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.count_label = forms.muted()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count_label)

        self.add_button.clicked.connect(self.add_entry)
        self.zero_button.clicked.connect(self.zero_report)
        self.edit_button.clicked.connect(self.edit_entry)
        self.table.doubleClicked.connect(lambda _i: self.edit_entry())
        self.delete_button.clicked.connect(self.delete_entry)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ctx.data_changed.connect(self._data_changed)
        self._update_buttons()

    # -- loading -----------------------------------------------------------------------

    def _fill_streets(self) -> None:
        current = self.street_box.currentData()
        self.street_box.blockSignals(True)
        self.street_box.clear()
        self.street_box.addItem(tr("全部街镇"), None)
        for s in self.streets:
            self.street_box.addItem(s, s)
        self.street_box.setCurrentIndex(max(self.street_box.findData(current), 0))
        self.street_box.blockSignals(False)

    def current_filter(self) -> queries.WorkLogFilter:
        month = self.month_box.currentData()
        span = month_span(*month) if month else (None, None)
        return queries.WorkLogFilter(date_from=span[0], date_to=span[1],
                                     type=self.type_box.currentData(),
                                     street=self.street_box.currentData())

    def reload(self) -> None:
        self.mark_loaded()
        self._gen += 1
        gen = self._gen
        self.ctx.runner.run(self, _load, self.ctx.db, self.current_filter(),
                            on_done=lambda r: self._arrived(gen, r))

    def _arrived(self, gen: int, result) -> None:
        if gen != self._gen:
            return
        self.rows, streets = result
        if streets != self.streets:
            self.streets = streets
            self._fill_streets()
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            values = (r.day.isoformat(), r.type_text, r.area, r.participants or "",
                      str(r.found), str(r.linked_cases) if r.linked_cases else "",
                      r.note or "", r.created_by)
            for j, text in enumerate(values):
                item = QTableWidgetItem(text)
                if j in (4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif j in (2, 3, 6) and text:
                    item.setToolTip(text)  # elided where the page is narrow (150 %)
                self.table.setItem(i, j, item)
        self.count_label.setText(summary_text(self.rows))
        self._update_buttons()

    def selected(self) -> queries.WorkLogRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # -- acts ----------------------------------------------------------------------------

    def add_entry(self):
        from ui.dialogs.worklog_dialog import WorkLogDialog

        dialog = WorkLogDialog(self.ctx, self.streets, parent=self)
        dialog.open()
        return dialog

    def edit_entry(self):
        entry = self.selected()
        if entry is None or not self.ctx.may(wf.Act.WORKLOG):
            return None
        from ui.dialogs.worklog_dialog import WorkLogDialog

        dialog = WorkLogDialog(self.ctx, self.streets, entry, parent=self)
        dialog.open()
        return dialog

    def zero_report(self):
        from ui.dialogs.worklog_dialog import ZeroReportDialog

        dialog = ZeroReportDialog(self.ctx, self.streets, parent=self)
        dialog.open()
        return dialog

    def delete_entry(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        reason = forms.ask_reason(self, tr("删除排查记录"), tr("删除理由"))
        if reason:
            self.ctx.act(self, services.delete_worklog, self.ctx.db, self.ctx.actor, entry.id,
                         reason)

    def import_file(self) -> None:
        path = open_path(self)
        if not path:
            return
        self.ctx.act(self, exchange.import_worklog_file, self.ctx.db, self.ctx.actor, path,
                     on_done=lambda n: self.count_label.setText(
                         tr("已导入 {0} 条台账记录").format(f"{n:,}")))

    def export(self) -> None:
        path = save_path(self, f"排查台账-{date.today():%Y%m%d}.xlsx")
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        # An export changes no data: a plain call, not an act.
        self.ctx.runner.run(self, exchange.export_worklog, self.ctx.db, self.ctx.actor, path,
                            self.current_filter(),
                            on_done=lambda n: self.count_label.setText(
                                tr("已导出 {0} 条").format(f"{n:,}")))
