"""设置 → 街镇与人员: the plain name lists of the pick boxes (街镇, 承办人, 调解员).

They are OfficeSettings fields, saved with the rest by 保存设置; a name taken off a list only
leaves the pick box, the cases that carry it keep it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseapp.storage.settings import OfficeSettings
from ui.i18n import tr
from ui.pages.settings.fields import NAME_MAX, error_label, list_layout, mark, muted

LISTS = ("streets", "handlers", "mediators")  # OfficeSettings fields


class StringListEditor(QGroupBox):
    """A plain list of names (街镇, 承办人, 调解员): add, remove from the list."""

    changed = Signal()

    def __init__(self, title: str, placeholder: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.list = QListWidget(self)
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet(
            "QListWidget { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
            " QListWidget::item { padding: 5px 8px; }")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(NAME_MAX)
        self.add_button = QPushButton(tr("添加"), self)
        self.remove_button = QPushButton(tr("移出列表"), self)
        self.error = error_label(self)
        self.count_label = muted("", self)

        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.count_label)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        lay.addLayout(row)
        lay.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        lay.addLayout(bottom)

        self.add_button.clicked.connect(self.add)
        self.edit.returnPressed.connect(self.add)
        self.edit.textEdited.connect(lambda _t: mark(self.edit, self.error, ""))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update)
        self._update()

    def values(self) -> tuple[str, ...]:
        return tuple(self.list.item(i).text() for i in range(self.list.count()))

    def set_values(self, values) -> None:
        self.list.clear()
        self.list.addItems(list(values))
        mark(self.edit, self.error, "")
        self._update()

    def add(self) -> None:
        name = self.edit.text().strip()
        if not name:
            mark(self.edit, self.error, tr("请先输入名称"))
            return
        if name in self.values():
            mark(self.edit, self.error, tr("「{name}」已在列表中").format(name=name))
            return
        self.list.addItem(name)
        self.list.setCurrentRow(self.list.count() - 1)
        self.edit.clear()
        mark(self.edit, self.error, "")
        self._update()
        self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self._update()
            self.changed.emit()

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
        self.count_label.setText(tr("共 {n} 项").format(n=self.list.count()))


class ListsTab(QWidget):
    """The three lists side by side."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = list_layout(self)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.editors = {
            "streets": StringListEditor(tr("街镇"), tr("街道、乡镇或园区名称"), self),
            "handlers": StringListEditor(tr("承办人"), tr("承办人姓名"), self),
            "mediators": StringListEditor(tr("调解员"), tr("调解员姓名"), self),
        }
        for editor in self.editors.values():
            editor.changed.connect(self.edited)
            row.addWidget(editor, 1)
        lay.addLayout(row, 1)
        lay.addWidget(muted(tr(
            "这些名单用于登记时的选择框，改动后请点「保存设置」。从名单中移出的名称只是不再出现在"
            "选择框中，已登记案件里的名称保持不变。"), self))

    def fill(self, s: OfficeSettings) -> None:
        for name in LISTS:
            self.editors[name].set_values(getattr(s, name))

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        return replace(s, **{name: self.editors[name].values() for name in LISTS})
