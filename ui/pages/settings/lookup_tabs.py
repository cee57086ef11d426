"""设置 → 类别 and 参与部门: lists whose entries cases point at, changed one act per click.

An entry in use is retired, never deleted. Each add, retire or restore is its own act
(services.set_category_active / services.set_department_active) through ctx.act, whose
broadcast makes the page reload the lists with their new use counts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp.errors import ValidationError
from caseapp.workflow import Act
from ui.i18n import tr
from ui.pages.settings.fields import NAME_MAX, error_label, list_layout, mark, muted
from ui.style import MUTED
from ui.tasks import show_error

if TYPE_CHECKING:
    from ui.context import AppContext


class LookupEditor(QGroupBox):
    """A list whose entries cases refer to (类别, 参与部门): add, retire, restore; each click is
    an act carried out at once by the page."""

    add_requested = Signal(str)
    toggle_requested = Signal(str, bool)  # name, new active state

    def __init__(self, title: str, placeholder: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.items: list = []
        self.select_after_load: str | None = None  # e.g. the entry just added
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([tr("名称"), tr("状态"), tr("已用")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 80)
        header.resizeSection(2, 80)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(NAME_MAX)
        self.add_button = QPushButton(tr("添加"), self)
        self.toggle_button = QPushButton(tr("停用"), self)
        self.error = error_label(self)

        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.toggle_button)
        lay.addLayout(row)
        lay.addWidget(self.error)

        self.add_button.clicked.connect(self.add)
        self.edit.returnPressed.connect(self.add)
        self.edit.textEdited.connect(lambda _t: mark(self.edit, self.error, ""))
        self.toggle_button.clicked.connect(self.toggle)
        self.table.itemSelectionChanged.connect(self._update)
        self._editable = True
        self._update()

    def set_items(self, items) -> None:
        selected = self.selected()
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        retired = QColor(MUTED)
        for r, info in enumerate(self.items):
            cells = [
                QTableWidgetItem(info.name),
                QTableWidgetItem(tr("使用中") if info.active else tr("已停用")),
                QTableWidgetItem(tr("{n} 件").format(n=info.used_count)),
            ]
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, cell in enumerate(cells):
                if not info.active:
                    cell.setForeground(retired)
                self.table.setItem(r, c, cell)
        wanted = self.select_after_load or (selected.name if selected is not None else None)
        self.select_after_load = None
        if wanted is not None:
            self.select(wanted)
        self._update()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        # Read-only: no controls that cannot be used.
        for w in (self.edit, self.add_button, self.toggle_button):
            w.setVisible(editable)
        self._update()

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def select(self, name: str) -> None:
        for r, info in enumerate(self.items):
            if info.name == name:
                self.table.selectRow(r)
                self.table.scrollToItem(self.table.item(r, 0))
                return

    def add(self) -> None:
        if not self._editable:
            return
        name = self.edit.text().strip()
        existing = {i.name: i for i in self.items}
        if not name:
            mark(self.edit, self.error, tr("请先输入名称"))
        elif name in existing and existing[name].active:
            mark(self.edit, self.error, tr("「{name}」已在列表中").format(name=name))
            self.select(name)
        else:
            # A retired name typed again is simply restored.
            mark(self.edit, self.error, "")
            self.add_requested.emit(name)

    def added(self, name: str) -> None:
        """The page calls this after the add succeeded."""
        if self.edit.text().strip() == name:
            self.edit.clear()

    def toggle(self) -> None:
        info = self.selected()
        if info is not None and self._editable:
            self.toggle_requested.emit(info.name, not info.active)

    def _update(self) -> None:
        info = self.selected()
        self.toggle_button.setText(tr("启用") if info is not None and not info.active else tr("停用"))
        self.toggle_button.setEnabled(info is not None and self._editable)
        self.add_button.setEnabled(self._editable)


class LookupTab(QWidget):
    """A tab of lookup editors whose clicks are acts carried out at once."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

    def run_act(self, editor: LookupEditor, name: str, fn: Callable[..., Any],
                *args: Any) -> None:
        self.ctx.act(self, fn, self.ctx.db, self.ctx.actor, *args,
                     on_done=lambda _r: self._done(editor, name),
                     on_error=lambda exc: self._failed(editor, exc))

    def _done(self, editor: LookupEditor, name: str) -> None:
        # The act's broadcast has made the page reload; select the entry once it is listed.
        editor.added(name)
        editor.select_after_load = name

    def _failed(self, editor: LookupEditor, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            mark(editor.edit, editor.error, "；".join(p.message for p in exc.problems))
        else:
            show_error(self, exc)


class CategoriesTab(LookupTab):
    """信访类别 and 纠纷类型, side by side."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        lay = list_layout(self)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.editors = {
            "petition": LookupEditor(tr("信访类别"), tr("新的信访类别名称"), self),
            "dispute": LookupEditor(tr("纠纷类型"), tr("新的纠纷类型名称"), self),
        }
        for kind, editor in self.editors.items():
            editor.add_requested.connect(lambda name, k=kind: self.set_active(k, name, True))
            editor.toggle_requested.connect(lambda name, on, k=kind: self.set_active(k, name, on))
            row.addWidget(editor, 1)
        lay.addLayout(row, 1)
        lay.addWidget(muted(tr(
            "类别的添加、停用和启用立即生效，不需要点「保存设置」。用过的类别不能删除，只能停用："
            "停用后登记和导入时不能再选它，已有案件保持原来的类别，统计照常。"), self))

    def set_items(self, categories: dict) -> None:
        for kind, editor in self.editors.items():
            editor.set_items(categories[kind])

    def set_active(self, kind: str, name: str, active: bool) -> None:
        self.run_act(self.editors[kind], name, services.set_category_active, kind, name, active)


class DepartmentsTab(LookupTab):
    """参与部门: editable by a role that may change the settings, otherwise shown only."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        lay = list_layout(self)
        row = QHBoxLayout()
        self.editor = LookupEditor(tr("参与部门"), tr("如：派出所、司法所、法律顾问"), self)
        self.editor.setMaximumWidth(620)
        self.editor.add_requested.connect(lambda name: self.set_active(name, True))
        self.editor.toggle_requested.connect(self.set_active)
        row.addWidget(self.editor, 1)
        row.addStretch(0)
        lay.addLayout(row, 1)
        self.note = muted(tr(
            "参与调解的派出所、司法所、法律顾问和职能部门。添加、停用和启用立即生效；用过的部门不能删除，"
            "只能停用。"), self)
        lay.addWidget(self.note)
        if not ctx.may(Act.SETTINGS):
            self.editor.set_editable(False)
            self.note.setText(tr(
                "参与调解的派出所、司法所、法律顾问和职能部门。当前账户只能查看此名单，"
                "不能添加或停用。"))

    def set_items(self, departments: list) -> None:
        self.editor.set_items(departments)

    def set_active(self, name: str, active: bool) -> None:
        self.run_act(self.editor, name, services.set_department_active, name, active)
