"""设置 → 办理期限: the limits in days that deadlines are computed from."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from caseapp.storage.settings import OfficeSettings
from caseapp.workflow import Limits
from ui.i18n import tr
from ui.pages.settings.fields import error_label, form_layout, mark, muted


def limit_rows() -> list[tuple[str, str, str]]:
    """(Limits field, label, hint) in the order a clerk thinks of them."""
    return [
        ("petition_accept", tr("信访受理告知"), tr("自登记次日起算，决定是否受理并告知信访人")),
        ("petition_handle", tr("信访办理"), tr("自受理次日起算")),
        ("petition_extension", tr("信访延期"), tr("延期一次增加的天数")),
        ("dispute_mediate", tr("纠纷调解"), tr("自受理次日起算，一般在一个月内调结")),
        ("dispute_extension", tr("纠纷延期"), tr("延期一次增加的天数")),
        ("judicial_confirmation", tr("司法确认申请"), tr("自调解协议签订次日起算")),
        ("follow_up", tr("调解成功后回访"), tr("自办结次日起算")),
        ("due_soon_days", tr("即将到期提醒"), tr("剩余天数不超过此数时，列表中标为即将到期")),
    ]


class LimitsTab(QWidget):
    """One spin box in days per limit, with its default beside it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = form_layout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        self.spins: dict[str, QSpinBox] = {}
        defaults = Limits()
        for r, (name, label, hint) in enumerate(limit_rows()):
            spin = QSpinBox(self)
            spin.setRange(1, 999)
            spin.setSuffix(tr(" 天"))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMinimumWidth(96)
            spin.valueChanged.connect(self.edited)
            caption = QLabel(label, self)
            caption.setBuddy(spin)
            grid.addWidget(caption, r, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(spin, r, 1)
            grid.addWidget(muted(tr("{hint}（默认 {n} 天）").format(
                hint=hint, n=getattr(defaults, name)), self), r, 2)
            self.spins[name] = spin
        grid.setColumnStretch(2, 1)
        lay.addLayout(grid)
        self.error = error_label(self)
        lay.addWidget(self.error)
        lay.addWidget(muted(tr("期限按日历天数计算，从起算日的次日开始。新的期限用于此后受理、延期和修改的"
                               "案件；已算出的期限不会自动改变。"), self))
        lay.addStretch(1)

    def fill(self, s: OfficeSettings) -> None:
        for name, spin in self.spins.items():
            spin.setValue(getattr(s.limits, name))
        mark(self.spins["petition_accept"], self.error, "")

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        return replace(s, limits=replace(s.limits, **{n: spin.value()
                                                      for n, spin in self.spins.items()}))

    def show_problem(self, message: str) -> None:
        """A refusal from services.save_settings, under the limits."""
        self.error.setText(message)
        self.error.show()
