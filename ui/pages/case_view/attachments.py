"""The 附件 tab: the files attached to the case with their kind in the 卷宗 (身份证明, 委托书,
证据, 履行凭证, 其他), 添加… (with the kind chosen beside it), 标记类别 and 打开 (the file
picker and the opener are module functions so tests can replace them)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.workflow import Act
from ui.i18n import tr
from ui.pages.case_view.common import TableOrEmpty, fill_table, make_table, size_text
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext

UNMARKED = "未标记"


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
        self.may_mark = False
        self.kind_reason = ""  # why 标记类别 is greyed ("" when the user may mark)
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 12, 12, 12)
        self.files_table = make_table([tr("文件名"), tr("类别"), tr("大小"), tr("添加时间"),
                                       tr("添加人")])
        for col, width in enumerate((300, 90, 90, 150)):
            self.files_table.setColumnWidth(col, width)
        self.files_table.doubleClicked.connect(lambda _i: self.open_attachment())
        self.files_table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.files_table.customContextMenuRequested.connect(self._context_menu)
        self.files_table.itemSelectionChanged.connect(self._selection_changed)
        self.files_stack = TableOrEmpty(
            self.files_table, tr("还没有附件。点击「添加…」选择来信扫描件、协议书等文件。"))
        v.addWidget(self.files_stack, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.kind_menu = QMenu(self)
        self.kind_actions = {}
        for kind in wf.ATTACHMENT_KINDS + ("",):
            action = self.kind_menu.addAction(tr(kind) if kind else tr("清除标记"))
            action.triggered.connect(lambda _c=False, k=kind: self.mark_selected(k))
            self.kind_actions[kind] = action
        self.kind_button = QPushButton(tr("标记类别"))
        self.kind_button.setMenu(self.kind_menu)
        self.add_file_button = QPushButton(tr("添加…"))
        self.add_file_button.clicked.connect(self.add_requested)
        self.open_file_button = QPushButton(tr("打开"))
        self.open_file_button.clicked.connect(self.open_attachment)
        self.new_kind = QComboBox()  # the kind of the next file added (未标记: none)
        self.new_kind.addItem(tr(UNMARKED), "")
        for kind in wf.ATTACHMENT_KINDS:
            self.new_kind.addItem(tr(kind), kind)
        self.new_kind.setToolTip(tr("添加附件时标记的类别（卷宗按类别排列附件）"))
        bar.addWidget(self.new_kind)
        bar.addWidget(self.add_file_button)
        bar.addSpacing(12)
        bar.addWidget(self.kind_button)
        bar.addWidget(self.open_file_button)
        v.addLayout(bar)

    def show_case(self, d: queries.CaseDetail) -> None:
        self.detail = d
        rows = [[a.filename, tr(a.kind) if a.kind else tr(UNMARKED), size_text(a.size),
                 a.added_at.strftime("%Y-%m-%d %H:%M"), a.user] for a in d.attachments]
        fill_table(self.files_table, rows)
        self.files_stack.show_rows(len(rows))
        self.open_file_button.setEnabled(bool(rows))
        self._selection_changed()

    def forget(self) -> None:
        """Another case is coming: 打开 has nothing to open until it is shown."""
        self.detail = None

    def kind_for_new(self) -> str | None:
        """The kind chosen for the next file added, None for 未标记."""
        return self.new_kind.currentData() or None

    def show_allowed(self, allowed: set[str]) -> None:
        self.new_kind.setVisible(self.ctx.may(Act.ATTACH))
        self.new_kind.setEnabled(Act.ATTACH.value in allowed)
        self.add_file_button.setVisible(self.ctx.may(Act.ATTACH))
        self.add_file_button.setEnabled(Act.ATTACH.value in allowed)
        self.may_mark = Act.ATTACH.value in allowed
        if not self.ctx.may(Act.ATTACH):
            self.kind_reason = tr("{0}账户不能标记附件类别").format(
                tr(wf.ROLE_LABELS.get(self.ctx.role, self.ctx.role)))
        elif not self.may_mark:
            self.kind_reason = tr("不是您承办或参与调解的案件，不能标记附件类别")
        else:
            self.kind_reason = ""
        self._selection_changed()

    def _selected(self) -> queries.AttachmentInfo | None:
        row = self.files_table.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.attachments):
            return None
        return self.detail.attachments[row]

    def _selection_changed(self) -> None:
        chosen = self._selected()
        why = self.kind_reason or ("" if chosen else tr("请先选中一个附件"))
        self.kind_button.setEnabled(not why)
        self.kind_button.setToolTip(why or tr("标记所选附件在卷宗中的类别（身份证明、委托书、证据、履行凭证、其他）"))
        for kind, action in self.kind_actions.items():
            action.setCheckable(True)
            action.setChecked(bool(chosen) and (chosen.kind or "") == kind and bool(kind))

    def _context_menu(self, pos) -> None:
        if self.kind_button.isEnabled():
            self.kind_menu.popup(self.files_table.viewport().mapToGlobal(pos))

    def mark_selected(self, kind: str) -> None:
        """标记类别: the act, on the selected attachment; the case reloads after it."""
        chosen, d = self._selected(), self.detail
        if chosen is None or d is None or not self.kind_button.isEnabled():
            return
        self.ctx.act(self, services.set_attachment_kind, self.ctx.db, self.ctx.actor, chosen.id,
                     kind or None, changed=(d.id,),
                     on_error=lambda e: forms.report_error(self, e))

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
