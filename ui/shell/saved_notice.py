"""The note in the status bar after a case was saved with plain 保存 (the dialog is gone):
the new number, and 打开 / 打印受理告知书 for a while, so the number is never lost."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import tr

SHOWN_MS = 30_000


class SavedNotice(QWidget):
    open_requested = Signal(int)
    print_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.case_id: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 0)
        self.label = QLabel()
        self.label.setStyleSheet("color: #1a7f37; font-weight: bold;")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label)
        self.open_button = QPushButton(tr("打开"))
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.print_button = QPushButton(tr("打印受理告知书"))
        self.print_button.setToolTip(tr("打开该案件并显示打印菜单（受理后可出具告知书）"))
        self.print_button.clicked.connect(lambda: self._emit(self.print_requested))
        for b in (self.open_button, self.print_button):
            b.setAutoDefault(False)
            b.setFlat(True)
            row.addWidget(b)
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_saved(self, case_id: int, number: str, petition: bool) -> None:
        self.case_id = case_id
        self.label.setText(tr("已保存：{0}").format(number))
        self.print_button.setVisible(petition)
        self.show()
        self._timer.start()

    def _emit(self, signal) -> None:
        if self.case_id is not None:
            self.hide()
            signal.emit(self.case_id)


__all__ = ["SavedNotice"]
