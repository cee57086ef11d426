"""导入: pick a .xlsx/.csv file, check it (a dry run that writes nothing), list every problem
by row and column, then import it all at once with progress and a summary (docs/domain.md §6).

Both the check and the import are caseapp jobs run through ctx.runner.run_job, so the GUI
thread never waits and Cancel rolls the import's transaction back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from caseapp import exchange
from caseapp.errors import Problem
from caseapp.progress import Cancelled
from ui.dialogs.import_files import template_notes, write_problems_csv, write_template
from ui.dialogs.import_problems import ProblemTable, problem_rows
from ui.dialogs.package_panel import PackagePanel
from ui.i18n import tr
from ui.style import CLOSED, MUTED, OVERDUE, TEXT
from ui.tasks import error_text
from ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from ui.context import AppContext

# style.qss gives primary buttons no disabled look, so a disabled 导入/保存 would still look
# pressable; this keeps it visibly off.
PRIMARY_DISABLED = ("QPushButton:disabled { background: #a8c5f7; border: 1px solid #a8c5f7;"
                    " color: #ffffff; }")

# ---------------------------------------------------------------------------
# File choosers as module functions, so tests can replace them (no modal dialogs in tests).


def choose_open_file(parent: QWidget, title: str, file_filter: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path


def choose_save_file(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


class ImportDialog(QDialog):
    """Check, then import. ``path`` preselects a file (used by tests and drag-and-drop)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, path: str | Path | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.problems: list[Problem] = []
        self.import_result = None  # the ImportResult of the last successful check or import
        self._task = None
        self.setWindowTitle(tr("导入案件"))
        self.setModal(True)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_check_page())
        self.stack.addWidget(self._build_done_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 18, 20, 16)
        outer.addWidget(self.stack)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.choose_file)
        fit_to_screen(self, 820, 600)
        if path:
            self.set_path(path)
        self._update_buttons()

    # -- layout ---------------------------------------------------------------

    def _build_check_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)

        title = QLabel(tr("从表格导入案件"), page)
        title.setProperty("role", "title")
        lay.addWidget(title)

        help_card = QFrame(page)
        help_card.setProperty("card", True)
        help_lay = QHBoxLayout(help_card)
        help_lay.setContentsMargins(14, 12, 14, 12)
        help_lay.setSpacing(16)
        self.help_label = QLabel(tr(
            "文件的<b>第一行必须是列标题</b>，每行一件案件；支持 .xlsx 和 .csv，列的顺序不限。<br>"
            "必填列：<b>类型、登记日期、当事人、类别、事项摘要</b>；编号留空时自动编号。<br>"
            "先检查整个文件：只要有一处问题，就一件也不导入。"), help_card)
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.RichText)
        help_lay.addWidget(self.help_label, 1)
        self.template_button = QPushButton(tr("下载模板…"), help_card)
        self.template_button.setToolTip(tr("保存一个只有列标题的空白 Excel 模板，另附各列说明"))
        self.template_button.clicked.connect(self.download_template)
        help_lay.addWidget(self.template_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(help_card)
        self.package_panel = PackagePanel(self.ctx, page)  # 导出/导入上报包 (issue #18)
        lay.addWidget(self.package_panel)

        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        file_label = QLabel(tr("文件："), page)
        self.file_edit = QLineEdit(page)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(tr("请选择要导入的 .xlsx 或 .csv 文件"))
        file_label.setBuddy(self.file_edit)
        self.choose_button = QPushButton(tr("选择文件…"), page)
        self.choose_button.clicked.connect(self.choose_file)
        self.check_button = QPushButton(tr("检查"), page)
        self.check_button.setToolTip(tr("检查文件中的每一行，不写入任何数据"))
        self.check_button.clicked.connect(self.check)
        file_row.addWidget(file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.check_button)
        lay.addLayout(file_row)

        self.summary_label = QLabel(page)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.summary_label)
        self.detail_label = QLabel(page)
        self.detail_label.setProperty("role", "muted")
        self.detail_label.setWordWrap(True)
        lay.addWidget(self.detail_label)

        # The result area: a message (before a check, or when it passed) or the problem table.
        self.result_stack = QStackedWidget(page)
        self.message_label = QLabel(page)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setProperty("card", True)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.setMargin(24)
        self.result_stack.addWidget(self.message_label)

        self.problem_table = ProblemTable(page)
        self.result_stack.addWidget(self.problem_table)
        lay.addWidget(self.result_stack, 1)

        problem_buttons = QHBoxLayout()
        problem_buttons.addStretch(1)
        self.copy_button = QPushButton(tr("复制问题列表"), page)
        self.copy_button.clicked.connect(self.copy_problems)
        self.export_button = QPushButton(tr("导出问题列表…"), page)
        self.export_button.clicked.connect(self.export_problems)
        problem_buttons.addWidget(self.copy_button)
        problem_buttons.addWidget(self.export_button)
        self.problem_bar = QWidget(page)
        self.problem_bar.setLayout(problem_buttons)
        problem_buttons.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.problem_bar)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(tr("导入"), page)
        self.import_button.setProperty("primary", True)
        self.import_button.setStyleSheet(PRIMARY_DISABLED)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(tr("关闭"), page)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)

        self._show_problems([])
        self._set_summary("", None)
        self._set_message(tr("选择文件后点击「检查」。<br>检查只读取文件，不会写入任何数据。"))
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        title = QLabel(tr("导入完成"), page)
        title.setProperty("role", "title")
        lay.addWidget(title)
        card = QFrame(page)
        card.setProperty("card", True)
        card_lay = QVBoxLayout(card)
        card_lay.setContentsMargins(32, 24, 32, 24)
        card_lay.setSpacing(10)
        card_lay.addStretch(1)
        self.done_heading = QLabel(card)
        self.done_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_heading.setStyleSheet(f"color: {CLOSED}; font-size: 17pt;")
        self.done_label = QLabel(card)
        self.done_label.setWordWrap(True)
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_label.setStyleSheet("font-size: 11pt;")
        self.done_note = QLabel(card)
        self.done_note.setProperty("role", "muted")
        self.done_note.setWordWrap(True)
        self.done_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.done_heading, self.done_label, self.done_note):
            card_lay.addWidget(w)
        card_lay.addStretch(1)
        lay.addWidget(card, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.finish_button = QPushButton(tr("完成"), page)
        self.finish_button.setProperty("primary", True)
        self.finish_button.clicked.connect(self.accept)
        row.addWidget(self.finish_button)
        lay.addLayout(row)
        return page

    # -- state ----------------------------------------------------------------

    def set_path(self, path: str | Path) -> None:
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.file_edit.setToolTip(str(self.path))
        self.import_result = None
        self._show_problems([])
        self._set_summary("", None)
        self._set_message(tr("点击「检查」检查文件中的每一行。<br>检查只读取文件，不会写入任何数据。"))
        self._update_buttons()

    def _busy(self) -> bool:
        return self._task is not None

    def _update_buttons(self) -> None:
        busy = self._busy()
        has_file = self.path is not None
        ready = self.import_result is not None and self.import_result.dry_run and not self.problems
        self.choose_button.setEnabled(not busy)
        self.template_button.setEnabled(not busy)
        self.check_button.setEnabled(has_file and not busy)
        self.import_button.setEnabled(ready and not busy)
        # Enter presses the next sensible step.
        self.check_button.setDefault(not ready)
        self.import_button.setDefault(ready)

    def _set_summary(self, text: str, colour: str | None, detail: str = "") -> None:
        self.summary_label.setText(text)
        style = f"color: {colour}; font-weight: bold;" if colour else ""
        self.summary_label.setStyleSheet(style)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems = self.problem_table.set_problems(problems)
        shown = bool(self.problems)
        self.result_stack.setCurrentIndex(1 if shown else 0)
        self.problem_bar.setVisible(shown)

    def _set_message(self, html: str, colour: str | None = None) -> None:
        """The centred text shown in the result area while there is no problem table."""
        style = f"color: {colour};" if colour else f"color: {MUTED};"
        self.message_label.setStyleSheet(style + " font-size: 11pt;")
        self.message_label.setText(html)

    # -- slots ----------------------------------------------------------------

    def choose_file(self) -> None:
        if self._busy():
            return
        path = choose_open_file(self, tr("选择要导入的文件"), tr("表格文件 (*.xlsx *.csv)"))
        if path:
            self.set_path(path)

    def check(self) -> None:
        if self.path is None or self._busy():
            return
        db, actor, path = self.ctx.db, self.ctx.actor, self.path
        self.import_result = None
        self._show_problems([])
        self._set_summary("", None)
        self._set_message(tr("正在检查…"))
        self._task = self.ctx.runner.run_job(
            self, tr("正在检查文件"),
            lambda: exchange.import_file(db, actor, path, dry_run=True),
            on_done=self._checked, on_error=lambda exc: self._failed(exc, checking=True))
        self._update_buttons()

    def _checked(self, result) -> None:
        self._task = None
        self.import_result = result
        self._set_summary(
            tr("检查通过：可导入 {n} 件（信访件 {a} 件，矛盾纠纷 {b} 件）").format(
                n=result.rows, a=result.petitions, b=result.disputes),
            CLOSED)
        numbered = (tr("，其中 {k} 件将自动编号").format(k=result.numbered)
                    if result.numbered else "")
        self._set_message(
            f"<p style='font-size:17pt; color:{CLOSED};'>"
            + tr("✓ 可导入 {n} 件").format(n=result.rows) + "</p><p>"
            + tr("信访件 {a} 件，矛盾纠纷 {b} 件").format(a=result.petitions, b=result.disputes)
            + numbered + "".join(f"</p><p>⚠ {w.replace('<', '&lt;')}" for w in result.warnings) + "</p><p>" + tr("点击「导入」把它们写入数据库。") + "</p>", TEXT)
        self._update_buttons()
        self.import_button.setFocus()

    def start_import(self) -> None:
        if self.path is None or self._busy() or not self.import_button.isEnabled():
            return
        db, actor, path = self.ctx.db, self.ctx.actor, self.path
        self._set_summary("", None)
        self._set_message(tr("正在导入…"))
        self._task = self.ctx.act(
            self, exchange.import_file, db, actor, path, dry_run=False,
            job_title=tr("正在导入案件"), changed=(),
            on_done=self._imported, on_error=lambda exc: self._failed(exc, checking=False))
        self._update_buttons()

    def _imported(self, result) -> None:
        self._task = None
        self.import_result = result
        self.done_label.setText(
            tr("已导入 {n} 件（信访件 {a} 件，矛盾纠纷 {b} 件），自动编号 {k} 件，新增人员 {m} 人")
            .format(n=result.rows, a=result.petitions, b=result.disputes, k=result.numbered,
                    m=result.persons_created))
        self.done_heading.setText(tr("✓ 已导入 {n} 件").format(n=result.rows))
        self.done_note.setText(
            tr("新案件已出现在「信访件」和「矛盾纠纷」列表中；每件案件的办理过程都记下了"
               "「从 {name} 导入」。").format(name=self.path.name if self.path else ""))
        self.stack.setCurrentIndex(1)
        self.finish_button.setDefault(True)
        self.finish_button.setFocus()

    def _failed(self, exc: BaseException, checking: bool) -> None:
        self._task = None
        self.import_result = None
        if isinstance(exc, exchange.ImportRefused):
            self._show_problems(exc.problems)
            self._set_summary(
                tr("发现 {n} 处问题，未导入任何案件。请修改文件后重新检查。").format(n=exc.total),
                OVERDUE,
                tr("问题列表只显示前 {n} 处。").format(n=exchange.MAX_PROBLEMS)
                if exc.total > exchange.MAX_PROBLEMS else "")
        elif isinstance(exc, Cancelled):
            self._show_problems([])
            text = tr("已取消检查。") if checking else tr("已取消导入，没有写入任何案件。")
            self._set_summary(text, OVERDUE if not checking else None)
            self._set_message(tr("可以重新检查，或选择其他文件。") if checking
                              else tr("数据库保持导入前的样子。可以重新检查后再导入。"))
        else:
            self._show_problems([])
            lead = tr("检查未完成：") if checking else tr("导入未完成，没有写入任何案件：")
            self._set_summary(lead + error_text(exc), OVERDUE)
            self._set_message(tr("请处理上面的问题后重试。"))
        self._update_buttons()

    def copy_problems(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(str(p) for p in self.problems))
        self.detail_label.setText(tr("已复制 {n} 条问题到剪贴板。").format(n=len(self.problems)))
        self.detail_label.setVisible(True)

    def export_problems(self) -> None:
        if not self.problems:
            return
        stem = self.path.stem if self.path else "导入"
        target = choose_save_file(self, tr("导出问题列表"), tr("{name}-问题列表.csv").format(name=stem),
                                  tr("CSV 文件 (*.csv)"))
        if not target:
            return
        if not target.lower().endswith(".csv"):
            target += ".csv"
        rows = problem_rows(self.problems)
        self.ctx.runner.run(
            self, write_problems_csv, target, rows, (tr("行"), tr("列"), tr("问题")),
            on_done=lambda path: self._note(tr("问题列表已保存到 {path}").format(path=path)),
            on_error=lambda exc: self._note(tr("问题列表未能保存：{err}").format(err=exc), True))

    def download_template(self) -> None:
        target = choose_save_file(self, tr("保存导入模板"), tr("案件导入模板.xlsx"), tr("Excel 工作簿 (*.xlsx)"))
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        headers = [zh for zh, _alias in exchange.HEADERS]
        self.ctx.runner.run(
            self, write_template, target, headers, template_notes(), tr("填写说明"),
            on_done=lambda path: self._note(tr("模板已保存到 {path}").format(path=path)),
            on_error=lambda exc: self._note(tr("模板未能保存：{err}").format(err=exc), True))

    def _note(self, text: str, error: bool = False) -> None:
        self.detail_label.setText(text)
        self.detail_label.setStyleSheet(f"color: {OVERDUE};" if error else "")
        self.detail_label.setVisible(True)

    def reject(self) -> None:
        # Closing while a job runs would orphan its progress dialog; cancel it first.
        if self._task is not None:
            self._task.cancel()
            return
        super().reject()
