"""填报模板: pick a template (one shipped with the program or an .xlsx file) and a period,
preview what each placeholder cell becomes (cell → placeholder → value), and save the filled
workbook. The filling is caseapp's (caseapp/figures/forms.py, docs/forms.md); every call runs
on ctx.runner, and an unknown placeholder is listed with its cell, nothing saved.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp.errors import ValidationError
from caseapp.figures import forms, stats
from caseapp.figures.placeholders import Known, known_placeholders
from caseapp.services import audit
from ui.i18n import tr
from ui.tasks import error_text, show_error
from ui.widgets import pdf_preview
from ui.widgets.fit import fit_to_screen
from ui.widgets.forms import date_edit, date_value, muted, to_qdate

if TYPE_CHECKING:
    from ui.context import AppContext

PREVIEW_COLUMNS = ("单元格", "模板中的内容", "填入的值")
KNOWN_COLUMNS = ("占位符", "中文写法", "含义")
FILE_ITEM = "__file__"


# Module functions, so tests can replace them (no file dialog in tests).
def ask_template_file(parent: QWidget, start: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(parent, tr("选择模板"), start,
                                                tr("Excel 工作簿 (*.xlsx)"))
    return path or None


def ask_output_path(parent: QWidget, suggested: str) -> str | None:
    return pdf_preview.ask_save_path(parent, tr("保存填好的表格"), suggested,
                                     tr("Excel 工作簿 (*.xlsx)"))


def fill_and_record(db, actor: int, template: str, date_from: date, date_to: date,
                    target: str, today: date) -> forms.FilledForm:
    """On a worker: fill and save, and leave the printout in the audit trail."""
    filled = forms.fill_form(db, template, date_from, date_to, target, today=today)
    audit.record_printout(db, actor, f"填报模板 {forms.template_path(template).stem}"
                                     f"（{forms.period_text(date_from, date_to)}）")
    return filled


def catalogue(db, today: date) -> list[Known]:
    """On a worker: every placeholder (from this month's figures, so new figures show)."""
    return known_placeholders(stats.figures(db, *stats.month_range(today.year, today.month),
                                            today).to_dict())


def _table(columns: tuple[str, ...], stretch: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([tr(c) for c in columns])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:  # long texts share the width instead of pushing the rest out
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


def _fill_table(table: QTableWidget, rows: list[tuple[str, str, str]],
                right: int | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c == right and text[:1] in "0123456789-—":  # numbers line up on the right
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class FormDialog(QDialog):
    """The 填报模板 window of the reports page."""

    previewed = Signal(object)  # the FilledForm shown
    saved = Signal(object)  # the Path written
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.file_path: str | None = None
        self.result: forms.FilledForm | None = None
        self.setWindowTitle(tr("填报模板"))
        fit_to_screen(self, 940, 620)

        self.template_combo = QComboBox()
        for name in forms.shipped_templates():
            self.template_combo.addItem(name, name)
        self.template_combo.addItem(tr("其他文件…"), FILE_ITEM)
        self.template_combo.activated.connect(self._template_chosen)
        self.file_label = muted()
        self.file_label.hide()

        today = ctx.today()
        last = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        f, t = stats.month_range(*last)
        self.from_edit = date_edit(f)
        self.to_edit = date_edit(t)
        quick = QHBoxLayout()
        quick.setSpacing(6)
        quick.addWidget(self.from_edit)
        quick.addWidget(QLabel(tr("至")))
        quick.addWidget(self.to_edit)
        for label, span in ((tr("上月"), stats.month_range(*last)),
                            (tr("本月"), stats.month_range(today.year, today.month)),
                            (tr("本年"), (date(today.year, 1, 1), date(today.year, 12, 31)))):
            button = QPushButton(label)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=span: self.set_period(*s))
            quick.addWidget(button)
        quick.addStretch(1)

        form = QFormLayout()
        form.addRow(tr("模板"), self.template_combo)
        form.addRow("", self.file_label)
        form.addRow(tr("统计期间"), quick)

        self.preview_button = QPushButton(tr("预览"))
        self.preview_button.setProperty("primary", True)
        self.preview_button.setDefault(True)
        self.preview_button.setToolTip(tr("按所选期间计算每个占位符，先看一看再保存"))
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(tr("保存…"))
        self.save_button.setAutoDefault(False)
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(tr("把填好的表格另存为 .xlsx（模板本身不会改变）"))
        self.save_button.clicked.connect(self.save)
        close = QPushButton(tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        self.state_label = muted()

        self.preview_table = _table(PREVIEW_COLUMNS, (1, 2))
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setProperty("role", "fieldError")
        self.problems.setStyleSheet("color: #cf222e;")
        self.problems.hide()
        preview_page = QWidget()
        pv = QVBoxLayout(preview_page)
        pv.setContentsMargins(0, 6, 0, 0)
        pv.addWidget(self.problems)
        pv.addWidget(self.preview_table, 1)
        self.known_table = _table(KNOWN_COLUMNS, (2,))
        known_page = QWidget()
        kv = QVBoxLayout(known_page)
        kv.setContentsMargins(0, 6, 0, 0)
        kv.addWidget(muted(tr("在 Excel 表格的单元格中写入占位符，例如「{{disputes.received}}」或"
                              "「办结率：{{信访.办结率}}」；方括号中写类别、街镇、来源、承办人或表格行的名称。")))
        kv.addWidget(self.known_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(preview_page, tr("预览"))
        self.tabs.addTab(known_page, tr("可用的占位符"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(10)
        lay.addLayout(form)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(buttons)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self._stale())
        self.state_label.setText(tr("选择模板和期间，点击「预览」"))
        ctx.runner.run(self, catalogue, ctx.db, today, on_done=self._catalogued,
                       on_error=lambda _e: None)

    # -- choosing ---------------------------------------------------------------------

    def template(self) -> str | None:
        """The chosen template: a shipped name or a file's path."""
        data = self.template_combo.currentData()
        return self.file_path if data == FILE_ITEM else data

    def set_template(self, name_or_path: str) -> None:
        index = self.template_combo.findData(name_or_path)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)
            self.file_label.hide()
        else:
            self.file_path = name_or_path
            self.template_combo.setCurrentIndex(self.template_combo.findData(FILE_ITEM))
            self.file_label.setText(name_or_path)
            self.file_label.show()
        self._stale()

    def _template_chosen(self, index: int) -> None:
        if self.template_combo.itemData(index) != FILE_ITEM:
            self.set_template(self.template_combo.itemData(index))
            return
        start = self.file_path or pdf_preview.last_folder(self.ctx.settings())
        path = ask_template_file(self, start)
        if path:
            self.set_template(path)
        elif not self.file_path:
            self.template_combo.setCurrentIndex(0)

    def set_period(self, date_from: date, date_to: date) -> None:
        self.from_edit.setDate(to_qdate(date_from))
        self.to_edit.setDate(to_qdate(date_to))

    def period(self) -> tuple[date, date] | None:
        """The chosen period, or None (with the reason shown) when a date cannot be read or
        the period runs backwards."""
        f, t = date_value(self.from_edit), date_value(self.to_edit)
        if f is None or t is None:
            self.state_label.setText(tr("请填写统计期间的起止日期，例如 2026-03-05"))
            return None
        if f > t:
            self.state_label.setText(tr("统计截止日期不能早于起始日期"))
            return None
        return f, t

    def _stale(self) -> None:
        """The shown preview no longer matches the choices."""
        self.result = None
        self.save_button.setEnabled(False)
        self.preview_table.setRowCount(0)
        self.preview_table.show()
        self.problems.hide()

    # -- preview and save ---------------------------------------------------------------

    def preview(self) -> None:
        template = self.template()
        period = self.period()
        if not template or period is None:
            return
        f, t = period
        self._stale()
        self.preview_button.setEnabled(False)
        self.state_label.setText(tr("正在计算…"))
        self.ctx.runner.run(self, forms.preview_form, self.ctx.db, template, f, t, self.ctx.today(),
                            on_done=self._previewed, on_error=self._failed)

    def _previewed(self, result: forms.FilledForm) -> None:
        self.preview_button.setEnabled(True)
        self.result = result
        self.tabs.setCurrentIndex(0)
        _fill_table(self.preview_table, [(c.address, c.template, c.shown) for c in result.cells],
                    right=2)
        self.save_button.setEnabled(bool(result.cells))
        self.state_label.setText(tr("共 {0} 个单元格将被填写").format(len(result.cells))
                                 if result.cells else tr("模板中没有占位符"))
        self.previewed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.preview_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            self.state_label.setText("")
            show_error(self, exc, tr("无法填写"))
            return
        self.tabs.setCurrentIndex(0)
        self.problems.setPlainText(error_text(exc))
        self.problems.show()
        self.preview_table.hide()  # nothing will be filled: the problems take the room
        self.state_label.setText(tr("模板有 {0} 处问题，没有填写").format(len(exc.problems)))

    def save(self) -> None:
        template = self.template()
        period = self.period()
        if self.result is None or not template or period is None:
            return
        f, t = period
        settings = self.ctx.settings()
        stem = f"{forms.template_path(template).stem}（{forms.period_text(f, t)}）"
        target = ask_output_path(self, str(Path(pdf_preview.last_folder(settings)) / f"{stem}.xlsx"))
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        settings.setValue("printouts/lastFolder", str(Path(target).parent))
        self.save_button.setEnabled(False)
        self.state_label.setText(tr("正在保存…"))
        self.ctx.runner.run(self, fill_and_record, self.ctx.db, self.ctx.actor, template, f, t,
                            target, self.ctx.today(), on_done=self._saved,
                            on_error=self._save_failed)

    def _saved(self, result: forms.FilledForm) -> None:
        self.save_button.setEnabled(True)
        self.state_label.setText(tr("已保存到 {0}").format(result.path))
        self.status_message.emit(tr("已保存填好的表格：{0}").format(result.path))
        self.saved.emit(result.path)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._failed(exc)

    def _catalogued(self, known: list[Known]) -> None:
        _fill_table(self.known_table, [(k.placeholder, k.alias, k.meaning) for k in known])
