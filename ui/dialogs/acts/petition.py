"""The petition acts' dialogs (信访工作条例 2022): 延期 with its approval, 转送, 上级交办, 办结报告,
督办 and its reply, 答复 with the 信访处理意见书, 满意度, 复查/复核."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem
from ui.dialogs.acts.base import ActDialog, required_text, text_edit
from ui.dialogs.acts.simple import ExtendDialog
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_minimum

if TYPE_CHECKING:
    from ui.context import AppContext

CLAIM_TYPE = "申诉求决类"


def line_edit(text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(128)
    return edit


def info(detail):
    """The petition's act records (queries.PetitionInfo), never None for a petition."""
    return detail.petition


class PetitionExtendDialog(ExtendDialog):
    """延期 of a petition: the reason, the approving 负责人 and the approval date (Art. 34)."""

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, parent)
        self.approver = line_edit()
        self.grid.add("approver", tr("批准人"), self.approver, required=True,
                      note=tr("批准延期的负责人"))
        self.approved_on = forms.date_edit(ctx.today(), maximum=ctx.today(),
                                           minimum=detail.accepted_on)
        self.grid.add("approved_on", tr("批准日期"), self.approved_on, required=True,
                      note=tr("延期理由将以延期办理告知书告知信访人"))

    def validate(self):
        problems = super().validate()
        required_text(problems, "approver", self.approver.text(), "请填写批准延期的负责人")
        return problems

    def call(self):
        return services.extend_petition, (
            self.detail.id, self.reason.toPlainText().strip(), self.approver.text().strip()), {
            "approved_on": forms.date_value(self.approved_on)}


class TransferDialog(ActDialog):
    ok_text = "转送"
    confirm_text = "转送后本件在本单位即告办结（办理结果：转送）。确定转送吗？"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("转送"), parent)
        self.organ = line_edit()
        self.grid.add("organ", tr("接收机关"), self.organ, required=True,
                      note=tr("依法应由其处理的机关（条例第二十二条）"))
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.received_on)
        last = detail.received_on + timedelta(days=15)
        self.grid.add("transferred_on", tr("转送日期"), self.on, required=True,
                      note=tr("应在登记之日起15日内转送（约{0}，遇节假日顺延）").format(
                          last.isoformat()))
        self.note = text_edit(70)
        self.grid.add("note", tr("说明"), self.note)
        fit_minimum(self, 520)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "organ", self.organ.text(), "请填写接收机关")
        return problems

    def call(self):
        return services.transfer, (self.detail.id, self.organ.text().strip()), {
            "on": forms.date_value(self.on), "note": self.note.toPlainText()}


class FromAboveDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("上级交办"), parent)
        p = info(detail)
        self.superior = line_edit(p.superior or "")
        self.grid.add("superior", tr("交办机关"), self.superior, required=True)
        self.reference = line_edit(p.superior_reference or "")
        self.grid.add("reference", tr("交办文号"), self.reference)
        self.assigned_on = forms.date_edit(p.superior_assigned_on or detail.received_on,
                                           maximum=ctx.today())
        self.grid.add("assigned_on", tr("交办日期"), self.assigned_on, required=True)
        self.due = forms.date_edit(p.superior_due or ctx.today() + timedelta(days=30))
        self.grid.add("superior_due", tr("交办期限"), self.due, required=True,
                      note=tr("须在此前办结并报送办结报告"))

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "superior", self.superior.text(), "请填写交办机关")
        due, on = forms.date_value(self.due), forms.date_value(self.assigned_on)
        if due and on and due < on:
            problems.append(Problem("superior_due", tr("交办期限不能早于交办日期")))
        return problems

    def call(self):
        return services.record_from_above, (
            self.detail.id, self.superior.text().strip(), forms.date_value(self.due)), {
            "assigned_on": forms.date_value(self.assigned_on),
            "reference": self.reference.text()}


class ReportDialog(ActDialog):
    ok_text = "报送"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("办结报告"), parent)
        p = info(detail)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.accepted_on)
        note = tr("报送{0}，交办期限{1}").format(p.superior or "—", p.superior_due.isoformat()
                                           if p.superior_due else "—")
        self.grid.add("report_on", tr("报告日期"), self.on, required=True, note=note)
        self.report = text_edit(140)
        self.report.setPlainText(p.report_text or "")
        self.grid.add("report_text", tr("办理情况"), self.report, required=True)
        fit_minimum(self, 560)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "report_text", self.report.toPlainText(), "请填写办结报告的内容")
        return problems

    def call(self):
        return services.file_report, (self.detail.id, self.report.toPlainText().strip()), {
            "on": forms.date_value(self.on)}


class SuperviseDialog(ActDialog):
    ok_text = "督办"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("督办"), parent)
        self.level = forms.combo(wf.SUPERVISION_LEVELS)
        self.grid.add("level", tr("督办级别"), self.level, required=True)
        self.by_whom = line_edit()
        self.grid.add("by_whom", tr("督办单位"), self.by_whom, required=True)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.received_on)
        self.grid.add("supervised_on", tr("督办日期"), self.on, required=True)
        self.reply_due = forms.date_edit(ctx.today() + timedelta(days=7))
        self.grid.add("reply_due", tr("回复期限"), self.reply_due, required=True)
        self.demand = text_edit(70)
        self.grid.add("demand", tr("督办意见"), self.demand)
        fit_minimum(self, 520)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "by_whom", self.by_whom.text(), "请填写督办单位或督办人")
        due, on = forms.date_value(self.reply_due), forms.date_value(self.on)
        if due and on and due < on:
            problems.append(Problem("reply_due", tr("回复期限不能早于督办日期")))
        return problems

    def call(self):
        return services.supervise, (
            self.detail.id, self.level.currentText(), self.by_whom.text().strip(),
            forms.date_value(self.reply_due)), {
            "on": forms.date_value(self.on), "demand": self.demand.toPlainText()}


class SupervisionReplyDialog(ActDialog):
    ok_text = "回复"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("督办回复"), parent)
        self.open_ones = info(detail).open_supervisions
        self.which = forms.combo([
            tr("{0}（{1}，{2}督办，{3}前回复）").format(s.level, s.by_whom,
                                                 s.supervised_on.isoformat(),
                                                 s.reply_due.isoformat())
            for s in self.open_ones])
        self.grid.add("supervision", tr("督办"), self.which, required=True)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today())
        self.grid.add("replied_on", tr("回复日期"), self.on, required=True)
        self.reply = text_edit(100)
        self.grid.add("reply", tr("回复内容"), self.reply, required=True)
        self.ok_button.setEnabled(bool(self.open_ones))
        fit_minimum(self, 560)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "reply", self.reply.toPlainText(), "请填写回复内容")
        return problems

    def call(self):
        chosen = self.open_ones[max(self.which.currentIndex(), 0)]
        return services.reply_supervision, (chosen.id, self.reply.toPlainText().strip()), {
            "on": forms.date_value(self.on)}


class ReplyDialog(ActDialog):
    """答复: the decision, the 信访处理意见书 (required for 申诉求决类) and its delivery date."""

    ok_text = "答复并办结"
    confirm_text = "答复后本件即告办结，答复日期起30日内信访人可申请复查。确定答复吗？"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("答复"), parent)
        claim = detail.petition_type == CLAIM_TYPE
        self.claim = claim
        self.decision = forms.combo(tuple(wf.REPLY_DECISIONS), blank=True)
        self.grid.add("decision", tr("处理意见"), self.decision, required=True)
        self.request = text_edit(60)
        self.grid.add("request", tr("信访请求"), self.request, required=claim)
        self.facts = text_edit(90)
        self.grid.add("facts", tr("事实和理由"), self.facts, required=claim)
        self.basis = text_edit(60)
        self.grid.add("basis", tr("处理依据"), self.basis, required=claim,
                      note=tr("申诉求决类信访须出具信访处理意见书") if claim else "")
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.accepted_on)
        self.grid.add("closed_on", tr("办结日期"), self.on, required=True)
        self.delivered = forms.date_edit(ctx.today(), maximum=ctx.today(),
                                         minimum=detail.accepted_on)
        self.grid.add("delivered_on", tr("答复日期"), self.delivered, required=True,
                      note=tr("意见书送达信访人的日期，复查期限由此起算"))
        fit_minimum(self, 620)

    def validate(self):
        problems: list[Problem] = []
        if not self.decision.currentText():
            problems.append(Problem("decision", tr("请选择处理意见")))
        if self.claim:
            required_text(problems, "request", self.request.toPlainText(), "请写明信访请求")
            required_text(problems, "facts", self.facts.toPlainText(), "请写明事实和理由")
            required_text(problems, "basis", self.basis.toPlainText(), "请写明处理依据")
        on, delivered = forms.date_value(self.on), forms.date_value(self.delivered)
        if on and delivered and delivered < on:
            problems.append(Problem("delivered_on", tr("答复日期不能早于办结日期")))
        return problems

    def call(self):
        return services.reply, (self.detail.id, self.decision.currentText(),
                                forms.date_value(self.delivered)), {
            "request": self.request.toPlainText(), "facts": self.facts.toPlainText(),
            "basis": self.basis.toPlainText(), "on": forms.date_value(self.on)}


class RateDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("满意度"), parent)
        p = info(detail)
        start = p.delivered_on or detail.closed_on
        self.satisfaction = forms.combo(wf.SATISFACTION)
        forms.set_combo_text(self.satisfaction, detail.satisfaction or wf.SATISFACTION[0])
        self.grid.add("satisfaction", tr("满意度"), self.satisfaction, required=True)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=start)
        self.grid.add("rated_on", tr("评价日期"), self.on, required=True,
                      note=tr("不早于答复日期 {0}").format(start.isoformat() if start else "—"))

    def call(self):
        return services.rate, (self.detail.id, self.satisfaction.currentText()), {
            "on": forms.date_value(self.on)}


class ReviewDialog(ActDialog):
    """复查 (or 复核 of a 复查): registers the linked petition, due 30 days after the request."""

    ok_text = "登记申请"

    def __init__(self, ctx: AppContext, detail, parent=None):
        p = info(detail)
        self.stage = wf.RE_REVIEW if p.review_stage == wf.REVIEW else wf.REVIEW
        super().__init__(ctx, detail, tr("申请{0}").format(tr(self.stage)), parent)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(),
                                  minimum=p.delivered_on or detail.closed_on)
        until = p.review_until.isoformat() if p.review_until else "—"
        self.grid.add("received_on", tr("申请日期"), self.on, required=True,
                      note=tr("应在答复之日起30日内提出（最迟{0}）").format(until))
        self.channel = forms.combo(wf.PETITION_CHANNELS)
        self.grid.add("source", tr("渠道"), self.channel, required=True)
        self.reason = text_edit(100)
        self.grid.add("reason", tr("请求事项和理由"), self.reason, required=True)
        fit_minimum(self, 560)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "reason", self.reason.toPlainText(),
                      "请填写复查（复核）请求的事项和理由")
        return problems

    def changed_cases(self) -> tuple[int, ...]:
        return ()  # a new petition is registered: anything may change

    def call(self):
        return services.request_review, (self.detail.id,), {
            "received_on": forms.date_value(self.on), "reason": self.reason.toPlainText(),
            "channel": self.channel.currentText()}


# The dialog of each petition act, for the case view.
PETITION_DIALOGS = {
    wf.Act.TRANSFER: TransferDialog, wf.Act.FROM_ABOVE: FromAboveDialog,
    wf.Act.REPORT: ReportDialog, wf.Act.SUPERVISE: SuperviseDialog,
    wf.Act.SUPERVISION_REPLY: SupervisionReplyDialog, wf.Act.REPLY: ReplyDialog,
    wf.Act.RATE: RateDialog, wf.Act.REVIEW: ReviewDialog,
}

__all__ = ["PETITION_DIALOGS", "FromAboveDialog", "PetitionExtendDialog", "RateDialog",
           "ReplyDialog", "ReportDialog", "ReviewDialog", "SuperviseDialog",
           "SupervisionReplyDialog", "TransferDialog"]
