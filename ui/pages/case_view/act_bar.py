"""The row of act buttons under the header: the acts of the case's kind in life-cycle order,
enabled as the workflow and the user's role allow (with the reason when not), and 更多 with
删除案件."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.workflow import Act
from ui.i18n import tr
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext

PETITION_ACTS = (Act.ACCEPT, Act.REJECT, Act.ASSIGN, Act.EXTEND, Act.CLOSE, Act.REOPEN,
                 Act.MARK_ENTERED, Act.ATTACH)
DISPUTE_ACTS = (Act.ACCEPT, Act.ASSIGN, Act.EXTEND, Act.RECORD_SESSION, Act.RECORD_AGREEMENT,
                Act.CLOSE, Act.REOPEN, Act.FOLLOW_UP, Act.ATTACH)
# The bar in life-cycle order; each kind shows its own subset.
BAR_ACTS = (Act.ACCEPT, Act.REJECT, Act.ASSIGN, Act.EXTEND, Act.RECORD_SESSION,
            Act.RECORD_AGREEMENT, Act.CLOSE, Act.REOPEN, Act.FOLLOW_UP, Act.MARK_ENTERED,
            Act.ATTACH)


def role_may(ctx: AppContext, d: queries.CaseDetail, act: Act) -> bool:
    """The role allows ``act`` on this case (a mediator: on their own disputes only)."""
    if not ctx.may(act):
        return False
    if ctx.role == wf.MEDIATOR:
        return services.is_own_case(ctx.display_name, d.handler, d.mediators)
    return True


def allowed_acts(ctx: AppContext, d: queries.CaseDetail) -> set[str]:
    """What the workflow allows AND the user's role may do (the services check both again)."""
    return {a for a in d.allowed_acts if role_may(ctx, d, Act(a))}


def disabled_reason(ctx: AppContext, d: queries.CaseDetail, act: Act) -> str:
    if act.value in d.allowed_acts and not role_may(ctx, d, act):
        return tr("不是您承办或参与调解的案件")
    if act is Act.EXTEND and d.extended and d.status == wf.Status.IN_PROGRESS.value:
        return tr("已经延期过一次，不能再次延期")
    if act is Act.FOLLOW_UP and d.status == wf.Status.CLOSED.value:
        return tr("只有调解成功的纠纷需要回访")
    if act is Act.REOPEN:
        return tr("只有已办结的案件可以重新打开")
    if act is Act.CLOSE and d.status == wf.Status.REGISTERED.value:
        return tr("请先受理")
    if act is Act.MARK_ENTERED and d.entered:
        return tr("已标记为录入信访信息系统")
    return tr("当前状态为「{0}」，不能{1}").format(tr(d.status_label),
                                               tr(wf.ACT_LABELS[act]))


class ActBar(QWidget):
    """The act buttons, then ``extra`` (the print button), then 更多."""

    act_requested = Signal(object)  # a caseapp.workflow.Act

    def __init__(self, ctx: AppContext, extra: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        self.act_buttons: dict[str, QPushButton] = {}
        for act in BAR_ACTS:
            button = QPushButton(tr(wf.ACT_LABELS[act]))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=act: self.act_requested.emit(a))
            self.act_buttons[act.value] = button
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(extra)
        self.more_button = QPushButton(tr("更多"))
        self.more_button.setAutoDefault(False)
        self.more_menu = QMenu(self.more_button)
        self.delete_action = self.more_menu.addAction(tr("删除案件…"))
        self.delete_action.triggered.connect(lambda: self.act_requested.emit(Act.DELETE))
        self.more_button.setMenu(self.more_menu)
        bar.addWidget(self.more_button)

    def show_case(self, d: queries.CaseDetail, allowed: set[str]) -> None:
        relevant = PETITION_ACTS if d.kind == wf.Kind.PETITION.value else DISPUTE_ACTS
        for act in BAR_ACTS:
            button = self.act_buttons[act.value]
            button.setVisible(act in relevant and self.ctx.may(act))
            enabled = act.value in allowed
            if act is Act.EXTEND and d.extended:
                enabled = False
            if act is Act.MARK_ENTERED and d.entered:
                enabled = False
            button.setEnabled(enabled)
            button.setToolTip("" if enabled else disabled_reason(self.ctx, d, act))
        # The next step of the life cycle stands out (only ever on an enabled button).
        step = next((a for a in (Act.ACCEPT, Act.CLOSE) if a.value in allowed), None)
        for act in BAR_ACTS:
            button = self.act_buttons[act.value]
            primary = act is step
            if bool(button.property("primary")) != primary:
                button.setProperty("primary", primary)
                forms.repolish(button)
        self.delete_action.setEnabled(Act.DELETE.value in allowed)
        self.delete_action.setVisible(self.ctx.may(Act.DELETE))

    def disable_all(self) -> None:
        for b in self.act_buttons.values():
            b.setEnabled(False)


__all__ = ["BAR_ACTS", "DISPUTE_ACTS", "PETITION_ACTS", "ActBar", "allowed_acts",
           "disabled_reason", "role_may"]
