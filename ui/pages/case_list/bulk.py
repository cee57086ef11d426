"""What a case list does with many cases at once: assign the selected ones, export the list,
print the list (built on a worker, shown in a preview).

The prompts are module functions so tests can answer them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp.queries.case_list import CaseFilter
from caseapp.services import audit
from ui.i18n import tr
from ui.tasks import show_error

if TYPE_CHECKING:
    from ui.context import AppContext


class AssignDialog(QDialog):
    """Pick (or type) the handler for the selected cases."""

    def __init__(self, handlers: list[str], count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("分派案件"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("将选中的 {0} 件案件分派给：").format(count)))
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(handlers)
        self.combo.setCurrentIndex(-1)
        self.combo.lineEdit().setPlaceholderText(tr("承办人姓名"))
        self.combo.setMinimumWidth(240)
        layout.addWidget(self.combo)
        self.error = QLabel()
        self.error.setProperty("role", "fieldError")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("分派"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def handler(self) -> str:
        return self.combo.currentText().strip()

    def accept(self) -> None:
        if not self.handler():
            self.error.setText(tr("请填写承办人"))
            self.error.show()
            return
        super().accept()


def ask_handler(parent: QWidget, handlers: list[str], count: int) -> str | None:
    dialog = AssignDialog(handlers, count, parent)
    return dialog.handler() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("导出案件"), suggested,
                                          tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"))
    return path or None


def assign_cases(owner: QWidget, ctx: AppContext, ids: list[int], handlers: list[str],
                 say: Callable[[str], None]) -> None:
    """Ask for the handler and assign the cases ``ids`` to them (one act)."""
    handler = ask_handler(owner, handlers, len(ids))
    if not handler:
        return
    ctx.act(owner, services.assign, ctx.db, ctx.actor, ids, handler,
            on_done=lambda n: say(tr("已将 {0} 件案件分派给 {1}").format(n, handler)),
            on_error=lambda exc: show_error(owner, exc), changed=tuple(ids))


def export_cases(owner: QWidget, ctx: AppContext, ids: list[int], name: str,
                 say: Callable[[str], None], today: date | None = None) -> None:
    """Ask where, then export the cases ``ids`` (an Excel file named ``name`` by default);
    超期天数 counted to ``today`` (the list's day)."""
    settings = ctx.settings()
    folder = str(settings.value("export/folder", "") or Path.home())
    path = ask_save_path(owner, os.path.join(folder, name))
    if not path:
        return
    if not Path(path).suffix:
        path += ".xlsx"
    settings.setValue("export/folder", str(Path(path).parent))
    from caseapp import exchange  # here: its writers (openpyxl) are not needed to start

    db, actor = ctx.db, ctx.actor
    # As the user: the export is an event, ID numbers and phones masked (privacy.py). It
    # changes no case, so it is a job on the runner, not an act with a broadcast.
    ctx.runner.run_job(owner, tr("正在导出"),
                       lambda: exchange.export_file(db, path, case_ids=ids, actor=actor,
                                                    today=today),
                       on_done=lambda count: say(tr("已导出 {0} 件案件到 {1}").format(count, path)))


def print_list(owner: QWidget, ctx: AppContext, flt: CaseFilter, sort: str, descending: bool,
               count: int, on_ready: Callable[[QDialog], None],
               on_failed: Callable[[], None] = lambda: None) -> None:
    """Build the printout of the list (the filter ``flt`` in the order ``sort``) as a job,
    record it in the audit trail, then open its preview and hand it to ``on_ready``."""
    from caseapp.reports import case_list  # ReportLab: loaded at the first printout, not at start
    from ui.widgets.pdf_preview import new_printout_path

    title = case_list.list_title(flt.kind)
    path = new_printout_path(title)
    db, actor = ctx.db, ctx.actor

    def failed(exc: BaseException) -> None:
        path.unlink(missing_ok=True)
        on_failed()
        show_error(owner, exc)

    def built(out) -> None:
        # The list shows no ID numbers or phones, so nothing is unmasked. A printout changes no
        # case: a plain call, no act to broadcast.
        ctx.runner.run(owner, audit.record_printout, db, actor, f"{title} {count}件")
        on_ready(show_preview(owner, ctx, Path(out), title))

    ctx.runner.run_job(owner, tr("正在生成打印件"),
                       lambda: case_list.case_list(db, flt, path, sort=sort,
                                                   descending=descending),
                       on_done=built, on_error=failed)


def show_preview(parent: QWidget, ctx: AppContext, path: Path, title: str) -> QDialog:
    """The preview of a printout; its temporary file goes when the preview closes (a copy the
    user wanted was saved with 另存为PDF)."""
    from ui.widgets.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(path, title, parent, settings=ctx.settings())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.destroyed.connect(lambda _o=None: path.unlink(missing_ok=True))
    dialog.open()
    return dialog
