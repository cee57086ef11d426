"""办结: the outcome, and what that outcome needs (告知途径, 纠纷类型 for 转人民调解, an agreement
for 调解成功)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem
from caseapp.storage.settings import OTHER_DISPUTE_TYPE
from ui.dialogs.acts.base import ActDialog, text_edit
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_minimum

if TYPE_CHECKING:
    from ui.context import AppContext

OUTCOME_NOTES = {
    wf.SUPPORTED: "诉求合理，予以支持", wf.EXPLAINED: "作出解释说明",
    wf.NOT_SUPPORTED: "诉求缺乏依据，不予支持",
    wf.DIVERTED: "属平等主体间民事权利义务，导入人民调解程序",
    wf.MEDIATED: "达成调解协议（书面或口头）", wf.MEDIATION_FAILED: "告知当事人其他解决途径",
    wf.MEDIATION_ENDED: "撤回申请、一方拒绝调解或另行解决",
}


class CloseDialog(ActDialog):
    """办结: the outcome, and what that outcome needs."""

    ok_text = "办结"
    confirm_text = "办结后只有管理员可以重新打开，确定办结吗？"
    wants_agreement = Signal()  # 调解成功 without an agreement: record it first

    def __init__(self, ctx: AppContext, detail, dispute_categories=(), parent=None):
        super().__init__(ctx, detail, tr("办结"), parent)
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for outcome in wf.outcomes_for(detail.kind):
            button = QRadioButton(f"{tr(outcome)}　")
            hint = QLabel(tr(OUTCOME_NOTES.get(outcome, "")))
            hint.setProperty("role", "muted")
            line = QHBoxLayout()
            line.addWidget(button)
            line.addWidget(hint, 1)
            v.addLayout(line)
            self.outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
            button.toggled.connect(self._outcome_changed)
        self.grid.add("outcome", tr("办理结果"), box, required=True)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.accepted_on)
        self.grid.add("closed_on", tr("办结日期"), self.on, required=True)
        self.route = forms.combo(wf.FAILED_ROUTES, blank=True)
        self.grid.add("failed_route", tr("告知途径"), self.route, required=True)
        self.category = forms.combo(dispute_categories or wf.DEFAULT_DISPUTE_CATEGORIES)
        self.category.setCurrentIndex(-1)  # no guess until the office's mapping is read
        self.category_touched = False
        self.category.currentIndexChanged.connect(self._category_chosen)
        self.grid.add("dispute_category", tr("纠纷类型"), self.category, required=True,
                      note=tr("将登记一件来源为「信访转入」的矛盾纠纷，并复制当事人"))
        if detail.kind == wf.Kind.PETITION.value:
            ctx.runner.run(self, lambda db: db.settings().diversion_type(detail.category),
                           ctx.db, on_done=self.suggest_category, on_error=lambda _e: None)
        agreement_row = QWidget()
        h = QHBoxLayout(agreement_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.agreement_note = QLabel()
        self.agreement_note.setWordWrap(True)
        self.record_agreement_button = QPushButton(tr("先记录协议…"))
        self.record_agreement_button.setAutoDefault(False)
        self.record_agreement_button.clicked.connect(self._record_agreement_first)
        h.addWidget(self.agreement_note, 1)
        h.addWidget(self.record_agreement_button)
        self.grid.add("agreement", tr("调解协议"), agreement_row)
        self.note = text_edit(80)
        self.grid.add("close_note", tr("办结说明"), self.note)
        self.errors.alias("terms", "agreement")
        fit_minimum(self, 600)
        self._outcome_changed()

    def outcome(self) -> str | None:
        for outcome, button in self.outcome_buttons.items():
            if button.isChecked():
                return outcome
        return None

    def select_outcome(self, outcome: str) -> None:
        self.outcome_buttons[outcome].setChecked(True)

    def _outcome_changed(self, *_a) -> None:
        outcome = self.outcome()
        self.grid.set_row_visible("failed_route", outcome == wf.MEDIATION_FAILED)
        self.grid.set_row_visible("dispute_category", outcome == wf.DIVERTED)
        mediated = outcome == wf.MEDIATED
        self.grid.set_row_visible("agreement", mediated)
        if self.detail.agreement is not None:
            a = self.detail.agreement
            self.agreement_note.setText(tr("已记录{0}（{1}），共{2}条").format(
                a.form, a.signed_on.isoformat(), len(a.terms)))
            self.record_agreement_button.hide()
        else:
            self.agreement_note.setText(tr("尚未记录调解协议。调解成功须先记录协议（书面或口头）。"))
        self.ok_button.setEnabled(not (mediated and self.detail.agreement is None))
        self.adjustSize()

    def _category_chosen(self, _index: int) -> None:
        self.category_touched = True

    def suggest_category(self, dispute_type: str) -> None:
        """Preselect the type the office maps the petition's category to (设置 → 转人民调解),
        unless the clerk already chose one; a type no longer offered suggests nothing."""
        if self.category_touched:
            return
        index = self.category.findText(dispute_type)
        if index < 0:
            index = self.category.findText(OTHER_DISPUTE_TYPE)
        self.category.blockSignals(True)  # a suggestion is not the clerk's choice
        self.category.setCurrentIndex(index)
        self.category.blockSignals(False)

    def _record_agreement_first(self) -> None:
        self.reject()
        self.wants_agreement.emit()

    def validate(self):
        problems: list[Problem] = []
        outcome = self.outcome()
        if outcome is None:
            problems.append(Problem("outcome", tr("请选择办理结果")))
        elif outcome == wf.MEDIATION_FAILED and not self.route.currentText():
            problems.append(Problem("failed_route", tr("调解不成须选择告知当事人的途径")))
        elif outcome == wf.DIVERTED and not self.category.currentText():
            problems.append(Problem("dispute_category", tr("转人民调解须选择纠纷类型")))
        elif outcome == wf.MEDIATED and self.detail.agreement is None:
            problems.append(Problem("agreement", tr("调解成功须先记录调解协议")))
        return problems

    def changed_cases(self) -> tuple[int, ...]:
        # 转人民调解 registers a new dispute whose id is not known before: anything may change.
        return () if self.outcome() == wf.DIVERTED else (self.detail.id,)

    def call(self):
        outcome = self.outcome()
        kwargs: dict[str, Any] = {"on": forms.date_value(self.on),
                                  "note": self.note.toPlainText()}
        if outcome == wf.MEDIATION_FAILED:
            kwargs["route"] = self.route.currentText()
        if outcome == wf.DIVERTED:
            kwargs["dispute_category"] = self.category.currentText()
        return services.close, (self.detail.id, outcome), kwargs


__all__ = ["OUTCOME_NOTES", "CloseDialog"]
