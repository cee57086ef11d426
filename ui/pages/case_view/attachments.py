"""The 附件 tab: the files attached to the case, 添加… and 打开 (the file picker and the
opener are module functions so tests can replace them)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from caseapp import queries, services
from caseapp.workflow import Act
from ui.i18n import tr
from ui.pages.case_view.common import TableOrEmpty, fill_table, make_table, size_text

if TYPE_CHECKING:
    from ui.context import AppContext


def pick_file(parent: QWidget) -> str | None:
    """Ask for a file to attach."""
    path, _filter = QFileDialog.getOpenFileName(parent, tr("选择附件"), "",
                                                tr("所有文件 (*)"))
    return path or None


def open_file(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AttachmentsTab(QWidget):
    add_requested = Signal()  # 添加…: the view runs the act

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: queries.CaseDetail | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 12, 12, 12)
        self.files_table = make_table([tr("文件名"), tr("大小"), tr("添加时间"), tr("添加人")])
        self.files_table.setColumnWidth(0, 320)
        self.files_table.setColumnWidth(1, 90)
        self.files_table.setColumnWidth(2, 150)
        self.files_table.doubleClicked.connect(lambda _i: self.open_attachment())
        self.files_stack = TableOrEmpty(
            self.files_table, tr("还没有附件。点击「添加…」选择来信扫描件、协议书等文件。"))
        v.addWidget(self.files_stack, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.add_file_button = QPushButton(tr("添加…"))
        self.add_file_button.clicked.connect(self.add_requested)
        self.open_file_button = QPushButton(tr("打开"))
        self.open_file_button.clicked.connect(self.open_attachment)
        bar.addWidget(self.add_file_button)
        bar.addWidget(self.open_file_button)
        v.addLayout(bar)

    def show_case(self, d: queries.CaseDetail) -> None:
        self.detail = d
        rows = [[a.filename, size_text(a.size), a.added_at.strftime("%Y-%m-%d %H:%M"), a.user]
                for a in d.attachments]
        fill_table(self.files_table, rows)
        self.files_stack.show_rows(len(rows))
        self.open_file_button.setEnabled(bool(rows))

    def forget(self) -> None:
        """Another case is coming: 打开 has nothing to open until it is shown."""
        self.detail = None

    def show_allowed(self, allowed: set[str]) -> None:
        self.add_file_button.setVisible(self.ctx.may(Act.ATTACH))
        self.add_file_button.setEnabled(Act.ATTACH.value in allowed)

    def open_attachment(self) -> None:
        if self.detail is None:
            return
        row = self.files_table.currentRow()
        if row < 0:
            row = 0 if self.detail.attachments else -1
        if row < 0 or row >= len(self.detail.attachments):
            return
        stored = self.detail.attachments[row].stored_name
        open_file(services.attachment_path(self.ctx.db, stored))


__all__ = ["AttachmentsTab", "open_file", "pick_file"]
