"""The short act dialogs: 受理, 分派, and those that need only a reason (不予受理, 延期, 重新打开,
删除)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem
from ui.dialogs.acts.base import ActDialog, required_text, text_edit
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_minimum

if TYPE_CHECKING:
    from ui.context import AppContext


class AcceptDialog(ActDialog):
    ok_text = "受理"

    def __init__(self, ctx: AppContext, detail, handlers=(), parent=None):
        super().__init__(ctx, detail, tr("受理"), parent)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.received_on)
        self.grid.add("accepted_on", tr("受理日期"), self.on, required=True,
                      note=tr("不早于登记日期 {0}").format(detail.received_on.isoformat()))
        self.handler = forms.combo(handlers, editable=True)
        forms.set_combo_text(self.handler, detail.handler or "")
        self.grid.add("handler", tr("承办人"), self.handler)

    def validate(self):
        on = forms.date_value(self.on)
        if on > self.today():
            return [Problem("accepted_on", tr("受理日期不能晚于今天"))]
        if on < self.detail.received_on:
            return [Problem("accepted_on", tr("受理日期不能早于登记日期"))]
        return []

    def call(self):
        return services.accept, (self.detail.id,), {
            "on": forms.date_value(self.on), "handler": forms.text_of(self.handler) or None}


class AssignDialog(ActDialog):
    ok_text = "分派"

    def __init__(self, ctx: AppContext, detail, handlers=(), parent=None):
        super().__init__(ctx, detail, tr("分派承办人"), parent)
        self.handler = forms.combo(handlers, editable=True)
        forms.set_combo_text(self.handler, detail.handler or "")
        self.grid.add("handler", tr("承办人"), self.handler, required=True)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "handler", forms.text_of(self.handler), "请填写承办人")
        return problems

    def call(self):
        return services.assign, (self.detail.id, forms.text_of(self.handler)), {}


class ReasonActDialog(ActDialog):
    """An act that needs only a reason (and maybe a date)."""

    reason_label = "理由"
    empty_message = "请填写理由"

    def __init__(self, ctx: AppContext, detail, title, parent=None, note: str = ""):
        super().__init__(ctx, detail, title, parent)
        self.reason = text_edit(100)
        self.grid.add("reason", tr(self.reason_label), self.reason, required=True, note=note)
        fit_minimum(self, 520)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "reason", self.reason.toPlainText(), self.empty_message)
        return problems


class RejectDialog(ActDialog):
    """不予受理: the reason picked from the fixed list (条例 Art. 29–31, workflow.REJECT_CHOICES),
    the organ or route that reason names, and a 说明 of free text that the notice never
    pastes into a sentence. Without a pick the 说明 alone is kept, as typed or imported text
    is, and the notice matches it to the list by its words."""

    ok_text = "不予受理"
    confirm_text = "不予受理后本件即告终结，不能再受理或办结。确定不予受理吗？"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("不予受理"), parent)
        self.choice = QComboBox()
        self.choice.setPlaceholderText(tr("请选择（依据《信访工作条例》）"))
        for c in (*wf.REJECT_CHOICES, wf.REJECT_OTHER):
            self.choice.addItem(tr(c.label), c.key)
        self.choice.setCurrentIndex(-1)
        self.grid.add("choice", tr("不予受理理由"), self.choice,
                      note=tr("告知书按所选理由写明认定和告知的途径"))
        self.organ = QLineEdit()
        self.organ.setMaxLength(128)
        self.grid.add("organ", tr("告知的机关"), self.organ,
                      note=tr("不填则在告知书上留空，由经办人填写"))
        self.reason = text_edit(80)
        self.grid.add("reason", tr("说明"), self.reason,
                      note=tr("仅作记录，不写入告知书的句子；未选理由或选“其他”时须写明"))
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.received_on)
        self.grid.add("closed_on", tr("决定日期"), self.on, required=True)
        self.choice.currentIndexChanged.connect(self._picked)
        self._picked()
        fit_minimum(self, 520)

    def picked(self) -> wf.RejectChoice | None:
        key = self.choice.currentData()
        return next((c for c in (*wf.REJECT_CHOICES, wf.REJECT_OTHER) if c.key == key), None)

    def _picked(self, *_args) -> None:
        """The organ field follows the reason: named as the reason names it, off when none."""
        c = self.picked()
        needs = bool(c and c.organ)
        self.grid.labels["organ"].setText(tr(c.organ) if needs and c else tr("告知的机关"))
        self.organ.setEnabled(needs)
        self.organ.setPlaceholderText(tr("如：区人力资源和社会保障局") if needs else tr("该理由无须填写"))
        if not needs:
            self.organ.clear()

    def validate(self):
        problems: list[Problem] = []
        c, note = self.picked(), self.reason.toPlainText().strip()
        if c is None:
            required_text(problems, "reason", note, "请写明不予受理的理由")
        elif c is wf.REJECT_OTHER:
            required_text(problems, "reason", note, "选择“其他”时请在说明中写明理由")
        return problems

    def reason_text(self) -> str:
        c, note = self.picked(), self.reason.toPlainText().strip()
        return wf.reject_text(c.key, self.organ.text(), note) if c else note

    def call(self):
        return services.reject, (self.detail.id, self.reason_text()), {
            "on": forms.date_value(self.on)}


class ExtendDialog(ReasonActDialog):
    ok_text = "延期"
    reason_label = "延期理由"
    empty_message = "请写明延期的理由"

    def __init__(self, ctx: AppContext, detail, parent=None):
        note = tr("延期只能一次，期限随之顺延。当前期限：{0}").format(
            detail.due_on.isoformat() if detail.due_on else "—")
        super().__init__(ctx, detail, tr("延期"), parent, note=note)

    def call(self):
        return services.extend, (self.detail.id, self.reason.toPlainText().strip()), {}


class ReopenDialog(ReasonActDialog):
    ok_text = "重新打开"
    reason_label = "重新打开理由"
    empty_message = "请写明重新打开的理由"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("重新打开"), parent)

    def call(self):
        return services.reopen, (self.detail.id, self.reason.toPlainText().strip()), {}


class DeleteDialog(ReasonActDialog):
    ok_text = "删除"
    reason_label = "删除理由"
    empty_message = "请写明删除的理由"
    confirm_text = "删除后案件将不再出现在任何列表和统计中（操作记录保留）。确定删除吗？"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("删除案件"), parent)
        # Red, not the blue of an ordinary act, and not the default: Enter never deletes.
        self.ok_button.setProperty("primary", False)
        self.ok_button.setProperty("destructive", True)
        self.ok_button.setDefault(False)
        self.ok_button.setAutoDefault(False)
        for b in self.buttons.buttons():
            if self.buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole:
                b.setDefault(True)

    def confirmed(self, text: str) -> bool:
        return forms.confirm_destructive(self, text, tr("删除"))

    def call(self):
        return services.delete_case, (self.detail.id, self.reason.toPlainText().strip()), {}


__all__ = ["AcceptDialog", "AssignDialog", "DeleteDialog", "ExtendDialog", "ReasonActDialog",
           "RejectDialog", "ReopenDialog"]
