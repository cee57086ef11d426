"""The dialogs that add a record to a dispute: 记录调解 (one mediation session) and 回访."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit

from caseapp import services
from caseapp.errors import Problem
from ui.dialogs.acts.base import ActDialog, required_text, text_edit
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_minimum

if TYPE_CHECKING:
    from ui.context import AppContext


class SessionDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("记录调解"), parent)
        n = len(detail.sessions) + 1
        self.setWindowTitle(tr("记录调解（第{0}次）").format(n))
        self.held_on = forms.date_edit(ctx.today(), maximum=ctx.today(),
                                       minimum=detail.accepted_on)
        self.grid.add("held_on", tr("调解日期"), self.held_on, required=True)
        self.place = QLineEdit()
        self.place.setPlaceholderText(tr("如：街道调解室"))
        self.grid.add("place", tr("地点"), self.place)
        self.participants = QLineEdit()
        self.participants.setPlaceholderText(tr("当事人、调解员及参与部门人员"))
        self.grid.add("participants", tr("参加人员"), self.participants)
        self.record = text_edit(120)
        self.grid.add("record", tr("调解记录"), self.record)
        fit_minimum(self, 560)

    def call(self):
        return services.record_session, (self.detail.id, forms.date_value(self.held_on)), {
            "place": self.place.text(), "participants": self.participants.text(),
            "record": self.record.toPlainText()}


class FollowUpDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("回访"), parent)
        self.done_on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.closed_on)
        self.grid.add("done_on", tr("回访日期"), self.done_on, required=True)
        self.result = text_edit(100)
        self.result.setPlaceholderText(tr("如：协议已履行，双方满意"))
        self.grid.add("result", tr("回访结果"), self.result, required=True)

    def validate(self):
        problems: list[Problem] = []
        required_text(problems, "result", self.result.toPlainText(), "请填写回访结果")
        return problems

    def call(self):
        return services.record_follow_up, (self.detail.id, forms.date_value(self.done_on),
                                           self.result.toPlainText()), {}


__all__ = ["FollowUpDialog", "SessionDialog"]
