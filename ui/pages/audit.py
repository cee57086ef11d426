"""操作日志: the audit trail with filters (user, action, dates, case number) and export.

A table model over caseapp.services.audit pages: the count comes first, rows are fetched a page at a
time as the view scrolls (fetchMore), every query on the task runner. Admins only (the
navigation hides the page for other roles, and caseapp.services.audit refuses them anyway).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseapp.services import accounts, audit
from ui.i18n import tr
from ui.tasks import show_error
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext

COLUMNS = ("时间", "用户", "操作", "案件编号", "变更", "说明")


def save_path(parent: QWidget, suggested: str) -> str | None:
    """Ask where to export (module-level so tests can patch it)."""
    path, _ = QFileDialog.getSaveFileName(parent, tr("导出操作日志"), suggested,
                                          tr("Excel 文件 (*.xlsx)"))
    return path or None


def _first_page(db, actor, flt):
    return audit.count_events(db, actor, flt), audit.list_events(db, actor, flt, offset=0)


class AuditModel(QAbstractTableModel):
    loaded = Signal(int)  # the total, after a (re)load

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.flt = audit.AuditFilter()
        self.rows: list[audit.AuditEntry] = []
        self.total = 0
        self._gen = 0
        self._fetching = False

    def set_filter(self, flt: audit.AuditFilter) -> None:
        self.flt = flt
        self._gen += 1
        gen = self._gen
        self.ctx.runner.run(self, _first_page, self.ctx.db, self.ctx.actor, flt,
                            on_done=lambda r: self._arrived(gen, r),
                            on_error=lambda e: show_error(None, e))

    def _arrived(self, gen: int, result) -> None:
        if gen != self._gen:
            return
        self.beginResetModel()
        self.total, self.rows = result
        self._fetching = False
        self.endResetModel()
        self.loaded.emit(self.total)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self.rows) < self.total and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        gen, offset = self._gen, len(self.rows)
        self.ctx.runner.run(self, audit.list_events, self.ctx.db, self.ctx.actor, self.flt,
                            offset=offset, on_done=lambda r: self._more(gen, offset, r),
                            on_error=lambda e: show_error(None, e))

    def _more(self, gen: int, offset: int, page: list) -> None:
        self._fetching = False
        if gen != self._gen or offset != len(self.rows) or not page:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (e.at.strftime("%Y-%m-%d %H:%M:%S"), e.user or e.user_name,
                      tr(e.action_label), e.case_number or "", e.changes_text, e.note or "")
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and e.action == "login_failed":
            from PySide6.QtGui import QColor

            from ui.style import OVERDUE
            return QColor(OVERDUE)
        return None


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        title = QLabel(tr("操作日志"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(forms.muted(tr("每一次办理操作、登录、导出、打印和查看个人信息都记录在此，"
                                        "不能修改或删除。")))
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.user_box = QComboBox()
        self.user_box.addItem(tr("全部用户"), None)
        self.action_box = QComboBox()
        self.action_box.addItem(tr("全部操作"), None)
        for action, label in audit.action_choices():
            self.action_box.addItem(tr(label), action)
        today = ctx.today()
        # Blank (—) = no bound: events carry the real clock, the lists may run on a fixed day.
        self.from_edit = forms.date_edit(today - timedelta(days=30), optional=True)
        self.to_edit = forms.date_edit(None, optional=True)
        self.to_edit.setToolTip(tr("留空表示至今"))
        self.case_edit = QLineEdit()
        self.case_edit.setPlaceholderText(tr("案件编号"))
        self.case_edit.setClearButtonEnabled(True)
        self.case_edit.setMinimumWidth(180)
        self.search_button = QPushButton(tr("查询"))
        self.search_button.setProperty("primary", True)
        self.export_button = QPushButton(tr("导出…"))
        self.export_button.setToolTip(tr("把当前筛选的操作日志导出为 Excel"))
        # Two rows: in one the bar is ~880 px, wider than the page at 150 % scaling.
        bar2 = QHBoxLayout()
        bar2.setSpacing(6)
        for row, text, w in ((bar, tr("用户"), self.user_box), (bar, tr("操作"), self.action_box),
                             (bar, "", self.case_edit), (bar2, tr("日期"), self.from_edit),
                             (bar2, "~", self.to_edit)):
            if text:
                row.addWidget(QLabel(text))
            row.addWidget(w)
        bar.addStretch(1)
        bar2.addWidget(self.search_button)
        bar2.addStretch(1)
        bar2.addWidget(self.export_button)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        self.model = AuditModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for i, w in enumerate((150, 90, 110, 200, 280)):
            self.table.setColumnWidth(i, w)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.count_label = forms.muted()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count_label)
        self.model.loaded.connect(lambda n: self.count_label.setText(tr("共 {0} 条").format(f"{n:,}")))
        self.search_button.clicked.connect(self.search)
        self.case_edit.returnPressed.connect(self.search)
        for box in (self.user_box, self.action_box):
            box.currentIndexChanged.connect(self.search)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self.search)
        self.export_button.clicked.connect(self.export)
        self._loaded = False

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self.ctx.runner.run(self, accounts.list_users, self.ctx.db, include_local=True,
                            on_done=self._users_arrived)
        self.search()

    def _users_arrived(self, users) -> None:
        current = self.user_box.currentData()
        self.user_box.blockSignals(True)
        self.user_box.clear()
        self.user_box.addItem(tr("全部用户"), None)
        for u in users:
            self.user_box.addItem(f"{u.display_name}（{u.name}）", u.name)
        index = self.user_box.findData(current)
        self.user_box.setCurrentIndex(max(index, 0))
        self.user_box.blockSignals(False)

    def current_filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(
            user=self.user_box.currentData(), action=self.action_box.currentData(),
            case_number=self.case_edit.text().strip() or None,
            date_from=forms.date_value(self.from_edit), date_to=forms.date_value(self.to_edit))

    def search(self) -> None:
        self.model.set_filter(self.current_filter())

    def export(self) -> None:
        path = save_path(self, f"操作日志-{date.today():%Y%m%d}.xlsx")
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        flt = self.current_filter()
        # The export is itself logged, but changes none of the office's data: a job, not an act.
        self.ctx.runner.run_job(
            self, tr("正在导出操作日志"),
            lambda: audit.export_events(self.ctx.db, self.ctx.actor, path, flt),
            on_done=self._exported)

    def _exported(self, n: int) -> None:
        self.count_label.setText(tr("已导出 {0} 条").format(f"{n:,}"))
        self.search()
