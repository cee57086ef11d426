"""设置 → 办理期限: the limits deadlines are computed from, each in 日 or 工作日."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from caseapp import calendar as cal_rules
from caseapp.deadlines import LIMIT_NAMES, Limits
from caseapp.storage.settings import OfficeSettings
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
    """One spin box per limit and its unit (日 / 工作日; 即将到期 is always 天), with the
    default beside it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = form_layout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        self.spins: dict[str, QSpinBox] = {}
        self.units: dict[str, QComboBox] = {}
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
            if name in LIMIT_NAMES:
                unit = QComboBox(self)
                unit.addItems([tr(u) for u in cal_rules.UNITS])
                unit.setAccessibleName(tr("{0}的单位").format(label))
                unit.currentIndexChanged.connect(self.edited)
                unit.currentIndexChanged.connect(
                    lambda i, sp=spin: sp.setSuffix(tr(" 天") if cal_rules.UNITS[i] == cal_rules.DAYS
                                                    else tr(" 个工作日")))
                grid.addWidget(unit, r, 2)
                self.units[name] = unit
            grid.addWidget(muted(tr("{hint}（默认 {n} {unit}）").format(
                hint=hint, n=getattr(defaults, name),
                unit=tr(defaults.unit(name)) if name in LIMIT_NAMES else tr("天")), self), r, 3)
            self.spins[name] = spin
        grid.setColumnStretch(3, 1)
        lay.addLayout(grid)
        lay.addWidget(self._warnings_box())
        self.error = error_label(self)
        lay.addWidget(self.error)
        lay.addWidget(muted(tr("期限从起算日的次日开始计算。按「日」计算的，最后一天是法定休假日或周末时顺延到"
                               "下一个工作日（民法典第二百零一条、第二百零三条）；按「工作日」计算的，只数工作日。"
                               "节假日在 设置 → 节假日 中维护。保存后，未结案件的期限随即按新的设置重新计算；"
                               "已办结的案件保持办结时的期限。"), self))
        lay.addStretch(1)

    def _warnings_box(self) -> QGroupBox:
        """群体性事件预警: the thresholds of the workbench's hints (hints only, never blocks)."""
        box = QGroupBox(tr("群体性事件预警（工作台提示，不影响办理）"), self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(14)
        self.warning_spins: dict[str, QSpinBox] = {}
        defaults = OfficeSettings()
        rows = (("warning_window_days", tr("同村（社区）同类纠纷"), tr(" 天内"), 1, 365,
                 tr("同一村（社区）在这些天内登记的同类未结纠纷视为相关")),
                ("warning_min_cluster", tr("相关未结案件达到"), tr(" 件"), 2, 100,
                 tr("同一被申请人、同一信访人或同村同类的未结案件达到此数时提示")),
                ("warning_min_people", tr("一件案件涉及人数达到"), tr(" 人"), 2, 10000,
                 tr("一件未结案件的涉及人数（集体访人数）达到此数时提示")))
        for r, (name, label, suffix, low, high, hint) in enumerate(rows):
            spin = QSpinBox(box)
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setMinimumWidth(96)
            spin.valueChanged.connect(self.edited)
            caption = QLabel(label, box)
            caption.setBuddy(spin)
            grid.addWidget(caption, r, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(spin, r, 1)
            grid.addWidget(muted(tr("{0}（默认 {1}）").format(hint, getattr(defaults, name)), box),
                           r, 2)
            self.warning_spins[name] = spin
        grid.setColumnStretch(2, 1)
        return box

    def fill(self, s: OfficeSettings) -> None:
        for name, spin in self.warning_spins.items():
            spin.setValue(getattr(s, name))
        for name, spin in self.spins.items():
            spin.setValue(getattr(s.limits, name))
        for name, unit in self.units.items():
            unit.setCurrentIndex(cal_rules.UNITS.index(s.limits.unit(name)))
        mark(self.spins["petition_accept"], self.error, "")

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        workdays = frozenset(n for n, unit in self.units.items()
                             if cal_rules.UNITS[unit.currentIndex()] == cal_rules.WORKDAYS)
        return replace(s, limits=replace(s.limits, workdays=workdays,
                                         **{n: spin.value() for n, spin in self.spins.items()}),
                       **{n: spin.value() for n, spin in self.warning_spins.items()})

    def show_problem(self, message: str) -> None:
        """A refusal from services.save_settings, under the limits."""
        self.error.setText(message)
        self.error.show()
