"""设置 → 填报表格: which row of a superior's form (the 矛盾纠纷排查情况表's categories) each
dispute type is counted in, for the placeholders ``{{form[行名].disputes.…}}`` (docs/forms.md)."""

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

from caseapp.figures.forms import FORM_ROWS
from caseapp.storage.settings import DEFAULT_FORM_ROWS, OfficeSettings
from ui.i18n import tr
from ui.pages.settings.fields import list_layout, muted

NOT_COUNTED = ""  # the combo's data for a type counted in no row


class FormsTab(QWidget):
    """One row per dispute type: the type and a combo of the form's rows."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.types: tuple[str, ...] = tuple(DEFAULT_FORM_ROWS)
        self.mapping: dict[str, str] = dict(DEFAULT_FORM_ROWS)
        self.combos: dict[str, QComboBox] = {}
        lay = list_layout(self)
        lay.addWidget(muted(tr("上级下发的矛盾纠纷排查情况表按它自己的类别统计。这里为本单位的每一种纠纷类型选择"
                               "它计入表中的哪一行；选「不计入」的类型不计入任何一行。模板中用"
                               "「{{form[行名].disputes.received}}」取某一行的数字。"), self))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([tr("纠纷类型"), tr("计入表格中的行")])
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
        self.defaults_button.setToolTip(tr("按程序默认的对应关系重新选择（保存设置后生效）"))
        self.defaults_button.clicked.connect(self.restore_defaults)
        bar.addWidget(self.defaults_button)
        bar.addStretch(1)
        lay.addLayout(bar)
        self._rebuild()

    def set_categories(self, names: list[str]) -> None:
        """The office's dispute types (active and retired, in list order); a type only the
        mapping knows is kept at the end."""
        self.mapping = self._current()
        self.types = tuple(dict.fromkeys([*names, *self.mapping]))
        self._rebuild()

    def _current(self) -> dict[str, str]:
        """The mapping as the combos show it, with the types no combo shows kept."""
        out = {t: r for t, r in self.mapping.items() if t not in self.combos}
        for name, box in self.combos.items():
            row = box.currentData()
            if row:
                out[name] = row
        return out

    def _rebuild(self) -> None:
        self.combos = {}
        self.table.setRowCount(len(self.types))
        rows = list(dict.fromkeys([*FORM_ROWS, *self.mapping.values()]))
        for r, name in enumerate(self.types):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            box = QComboBox(self.table)
            box.addItem(tr("（不计入）"), NOT_COUNTED)
            for row in rows:
                box.addItem(row, row)
            index = box.findData(self.mapping.get(name, NOT_COUNTED))
            box.setCurrentIndex(max(index, 0))
            box.currentIndexChanged.connect(lambda _i: self.edited.emit())
            self.table.setCellWidget(r, 1, box)
            self.combos[name] = box

    def fill(self, s: OfficeSettings) -> None:
        self.mapping = dict(s.form_rows)
        self.types = tuple(dict.fromkeys([*self.types, *self.mapping]))
        self.combos = {}  # the loaded mapping replaces what the combos showed
        self._rebuild()

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        return replace(s, form_rows=self._current())

    def restore_defaults(self) -> None:
        for name, box in self.combos.items():
            box.setCurrentIndex(max(box.findData(DEFAULT_FORM_ROWS.get(name, NOT_COUNTED)), 0))
