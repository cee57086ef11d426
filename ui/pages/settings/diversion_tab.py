"""设置 → 转人民调解: the dispute type the 办结 dialog suggests when a petition of each category
is 转人民调解 (docs/domain.md §3)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from caseapp import workflow as wf
from caseapp.storage.settings import DEFAULT_DIVERSION_TYPES, OTHER_DISPUTE_TYPE, OfficeSettings
from ui.i18n import tr
from ui.pages.settings.fields import list_layout, muted


class DiversionTab(QWidget):
    """One row per petition category: the category and a combo of the dispute types."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.categories: tuple[str, ...] = tuple(wf.DEFAULT_PETITION_CATEGORIES)
        self.dispute_types: tuple[str, ...] = tuple(wf.DEFAULT_DISPUTE_CATEGORIES)
        self.mapping: dict[str, str] = dict(DEFAULT_DIVERSION_TYPES)
        self.combos: dict[str, QComboBox] = {}
        lay = list_layout(self)
        lay.addWidget(muted(tr("信访件办结为「转人民调解」时，按信访类别预先选好新登记纠纷的类型；"
                               "办结时仍可改选。未列出的类别预选「其他纠纷」。"), self))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([tr("信访类别"), tr("预选的纠纷类型")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.defaults_button = QPushButton(tr("恢复默认对应"), self)
        self.defaults_button.setAutoDefault(False)
        self.defaults_button.clicked.connect(self.restore_defaults)
        bar.addWidget(self.defaults_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        self._rebuild()

    def set_categories(self, petition: list[str], dispute: list[str]) -> None:
        """The office's petition categories and dispute types; mapped names are kept."""
        self.mapping = self._current()
        self.categories = tuple(dict.fromkeys([*petition, *self.mapping]))
        self.dispute_types = tuple(dict.fromkeys([*dispute, *self.mapping.values()]))
        self._rebuild()

    def _current(self) -> dict[str, str]:
        out = {c: t for c, t in self.mapping.items() if c not in self.combos}
        for name, box in self.combos.items():
            text = box.currentText()
            # An unlisted category already suggests 其他纠纷: showing it does not list it.
            if text and (name in self.mapping or text != OTHER_DISPUTE_TYPE):
                out[name] = text
        return out

    def _rebuild(self) -> None:
        self.combos = {}
        self.table.setRowCount(len(self.categories))
        types = list(dict.fromkeys([*self.dispute_types, OTHER_DISPUTE_TYPE]))
        for r, name in enumerate(self.categories):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            box = QComboBox(self.table)
            box.addItems(types)
            box.setCurrentIndex(max(box.findText(self.mapping.get(name, OTHER_DISPUTE_TYPE)), 0))
            box.currentIndexChanged.connect(lambda _i: self.edited.emit())
            self.table.setCellWidget(r, 1, box)
            self.combos[name] = box

    def fill(self, s: OfficeSettings) -> None:
        self.mapping = dict(s.diversion_types)
        self.categories = tuple(dict.fromkeys([*self.categories, *self.mapping]))
        self.dispute_types = tuple(dict.fromkeys([*self.dispute_types, *self.mapping.values()]))
        self.combos = {}  # the loaded mapping replaces what the combos showed
        self._rebuild()

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        return replace(s, diversion_types=self._current())

    def restore_defaults(self) -> None:
        for name, box in self.combos.items():
            box.setCurrentIndex(max(box.findText(
                DEFAULT_DIVERSION_TYPES.get(name, OTHER_DISPUTE_TYPE)), 0))


__all__ = ["DiversionTab"]
