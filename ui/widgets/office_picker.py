"""The office picker (单位): 全部单位 or one office of a district database, for the toolbar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.i18n import tr


class OfficePicker(QWidget):
    """A label and a combo over ``offices`` ((id, name) pairs, in the order shown); the first
    entry is 全部单位. ``chosen`` carries the office id picked, or None for 全部单位."""

    chosen = Signal(object)

    def __init__(self, offices: Sequence[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("officePicker")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        label = QLabel(tr("单位"))
        self.combo = QComboBox()
        self.combo.setObjectName("officeCombo")
        self.combo.setToolTip(tr("只看所选单位的案件、统计和报表；「全部单位」看全区"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(6)
        self.combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        label.setBuddy(self.combo)
        self.combo.addItem(tr("全部单位"), None)
        for office_id, name in offices:
            self.combo.addItem(name, office_id)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.current_office()))

    def current_office(self) -> int | None:
        """The office picked, or None for 全部单位."""
        return self.combo.currentData()

    def set_current_office(self, office_id: int | None) -> None:
        """Pick ``office_id`` (None: 全部单位); an office not offered leaves the choice as it is."""
        index = 0 if office_id is None else self.combo.findData(office_id)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def offices(self) -> list[tuple[int, str]]:
        """The offices offered, as given (全部单位 aside)."""
        return [(self.combo.itemData(i), self.combo.itemText(i)) for i in range(1, self.combo.count())]
