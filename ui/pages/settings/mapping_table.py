"""A settings tab that maps each name of one list to one entry of another (a table of a name
and a combo per row), with 恢复默认对应: the base of 转人民调解 and 填报表格."""

from __future__ import annotations

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

from ui.i18n import tr
from ui.pages.settings.fields import list_layout, muted


class MappingTab(QWidget):
    """Subclasses say what the combos offer (``options``), what a name maps to when it is
    not in the mapping (``fallback``) and which shown choices count as set (``keeps``)."""

    edited = Signal()
    fallback = ""

    def __init__(self, note: str, headers: tuple[str, str], names: tuple[str, ...],
                 defaults: dict[str, str], defaults_tip: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.names = names
        self.defaults = dict(defaults)
        self.mapping: dict[str, str] = dict(defaults)
        self.combos: dict[str, QComboBox] = {}
        lay = list_layout(self)
        lay.addWidget(muted(note, self))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(list(headers))
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
        if defaults_tip:
            self.defaults_button.setToolTip(defaults_tip)
        self.defaults_button.clicked.connect(self.restore_defaults)
        bar.addWidget(self.defaults_button)
        bar.addStretch(1)
        lay.addLayout(bar)

    # What subclasses decide.
    def options(self) -> list[tuple[str, str]]:
        """(label, value) of each combo entry, in order."""
        raise NotImplementedError

    def keeps(self, name: str, value: str) -> bool:
        """Whether the value a combo shows for ``name`` goes into the saved mapping."""
        return bool(value)

    # The table.
    def current(self) -> dict[str, str]:
        """The mapping as the combos show it, with the names no combo shows kept."""
        out = {n: v for n, v in self.mapping.items() if n not in self.combos}
        for name, box in self.combos.items():
            value = box.currentData()
            if self.keeps(name, value):
                out[name] = value
        return out

    def set_names(self, names: list[str]) -> None:
        """The office's names (in list order); a name only the mapping knows is kept."""
        self.mapping = self.current()
        self.names = tuple(dict.fromkeys([*names, *self.mapping]))
        self.rebuild()

    def load(self, mapping: dict[str, str]) -> None:
        """The saved mapping replaces what the combos showed."""
        self.mapping = dict(mapping)
        self.names = tuple(dict.fromkeys([*self.names, *self.mapping]))
        self.combos = {}
        self.rebuild()

    def rebuild(self) -> None:
        self.combos = {}
        self.table.setRowCount(len(self.names))
        options = self.options()
        for r, name in enumerate(self.names):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            box = QComboBox(self.table)
            for label, value in options:
                box.addItem(label, value)
            box.setCurrentIndex(max(box.findData(self.mapping.get(name, self.fallback)), 0))
            box.currentIndexChanged.connect(lambda _i: self.edited.emit())
            self.table.setCellWidget(r, 1, box)
            self.combos[name] = box

    def restore_defaults(self) -> None:
        for name, box in self.combos.items():
            box.setCurrentIndex(max(box.findData(self.defaults.get(name, self.fallback)), 0))


__all__ = ["MappingTab"]
