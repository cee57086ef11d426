"""The dialogs of people's mediation's acts: 申请司法确认 (within the 30 days of a written
agreement, 人民调解法 Art. 33), its result, and a dispute's 风险等级 with the 预防成效 flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QVBoxLayout, QWidget

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem
from caseapp.workflow import Act
from ui.dialogs.acts.base import ActDialog, required_text, text_edit
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_minimum

if TYPE_CHECKING:
    from ui.context import AppContext


class JudicialDialog(ActDialog):
    """申请司法确认: the court and the date, within the window shown beside it."""

    ok_text = "记录申请"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("申请司法确认"), parent)
        m = detail.mediation
        signed = detail.agreement.signed_on if detail.agreement else None
        self.court = QLineEdit()
        self.court.setMaxLength(128)
        self.court.setPlaceholderText(tr("如：××区人民法院"))
        self.grid.add("judicial_court", tr("受理法院"), self.court, required=True,
                      note=tr("调解委员会所在地的基层人民法院"))
        self.applied_on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=signed)
        window = (tr("应自调解协议生效之日起30日内申请，即{0}前（含当日）").format(
            m.judicial_window.isoformat()) if m and m.judicial_window else "")
        self.grid.add("judicial_applied_on", tr("申请日期"), self.applied_on, required=True,
                      note=window)
        self.note = text_edit(60)
        self.grid.add("note", tr("说明"), self.note)
        fit_minimum(self, 520)

    def validate(self) -> list[Problem]:
        problems: list[Problem] = []
        required_text(problems, "judicial_court", self.court.text(),
                      "请填写受理司法确认申请的人民法院")
        return problems

    def call(self):
        return services.apply_judicial, (
            self.detail.id, forms.date_value(self.applied_on), self.court.text().strip()), {
            "note": self.note.toPlainText().strip()}


class JudicialResultDialog(ActDialog):
    """司法确认的结果: 确认有效, 驳回 or 撤回, and its date."""

    ok_text = "记录结果"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("记录司法确认结果"), parent)
        m = detail.mediation
        self.result = QComboBox()
        self.result.addItems([tr(r) for r in wf.JUDICIAL_RESULTS])
        court = m.judicial_court if m and m.judicial_court else tr("人民法院")
        applied = m.judicial_applied_on.isoformat() if m and m.judicial_applied_on else "—"
        self.grid.add("judicial_result", tr("确认结果"), self.result, required=True,
                      note=tr("{0}，{1}申请").format(court, applied))
        self.result_on = forms.date_edit(ctx.today(), maximum=ctx.today(),
                                         minimum=m.judicial_applied_on if m else None)
        self.grid.add("judicial_result_on", tr("结果日期"), self.result_on, required=True,
                      note=tr("法院裁定或当事人撤回之日"))
        self.note = text_edit(60)
        self.grid.add("note", tr("说明"), self.note)
        fit_minimum(self, 480)

    def call(self):
        return services.record_judicial_result, (
            self.detail.id, wf.JUDICIAL_RESULTS[self.result.currentIndex()],
            forms.date_value(self.result_on)), {"note": self.note.toPlainText().strip()}


def risk_fields(grid, grade: str, flags: tuple[str, ...]) -> tuple[QComboBox, dict[str, QCheckBox]]:
    """The 风险等级 choice and the 预防成效 check boxes, added to ``grid`` (intake uses them too)."""
    combo = QComboBox()
    combo.addItems([tr(g) for g in wf.RISK_GRADES])
    combo.setCurrentIndex(wf.RISK_GRADES.index(grade) if grade in wf.RISK_GRADES else 0)
    grid.add("risk_grade", tr("风险等级"), combo, note=tr("重大：可能激化、引发群体性事件或民转刑"))
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    checks: dict[str, QCheckBox] = {}
    for name in wf.PREVENTION_FLAGS.values():
        check = QCheckBox(tr(name))
        check.setChecked(name in flags)
        checks[name] = check
        column.addWidget(check)
    grid.add("prevention", tr("预防成效"), box)
    return combo, checks


def chosen(combo: QComboBox, checks: dict[str, QCheckBox]) -> tuple[str, tuple[str, ...]]:
    """(the grade, the flags ticked) as DOMAIN names them."""
    return (wf.RISK_GRADES[max(combo.currentIndex(), 0)],
            tuple(name for name, check in checks.items() if check.isChecked()))


class RiskDialog(ActDialog):
    """风险等级 and 预防成效 of a dispute: the whole set, one event for what changed."""

    ok_text = "保存"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("风险等级与预防成效"), parent)
        m = detail.mediation
        self.grade, self.flags = risk_fields(self.grid, m.risk_grade if m else wf.RISK_DEFAULT,
                                             m.prevention if m else ())
        self.note = text_edit(60)
        self.grid.add("note", tr("说明"), self.note)
        fit_minimum(self, 480)

    def call(self):
        grade, flags = chosen(self.grade, self.flags)
        return services.mark_risk, (self.detail.id, grade, list(flags)), {
            "note": self.note.toPlainText().strip()}


MEDIATION_DIALOGS = {Act.JUDICIAL: JudicialDialog, Act.JUDICIAL_RESULT: JudicialResultDialog,
                     Act.RISK: RiskDialog}

__all__ = ["MEDIATION_DIALOGS", "JudicialDialog", "JudicialResultDialog", "RiskDialog", "chosen",
           "risk_fields"]
