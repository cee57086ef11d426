"""The row of act buttons under the header: the acts of the case's kind in life-cycle order,
enabled as the workflow and the user's role allow (with the reason when not), and 更多 with
删除案件."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.workflow import Act
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import FlowLayout

if TYPE_CHECKING:
    from ui.context import AppContext

PETITION_ACTS = (Act.ACCEPT, Act.REJECT, Act.ASSIGN, Act.EXTEND, Act.CLOSE, Act.REOPEN,
                 Act.MARK_ENTERED, Act.ATTACH)
DISPUTE_ACTS = (Act.ACCEPT, Act.ASSIGN, Act.EXTEND, Act.RECORD_SESSION, Act.RECORD_AGREEMENT,
                Act.CLOSE, Act.REOPEN, Act.FOLLOW_UP, Act.ATTACH)
# The petition acts of the 信访工作条例 (2022): a button each, shown only while the workflow
# and the role allow it (kept apart from the life-cycle buttons, which show disabled).
PETITION_EXTRA_ACTS = (Act.FROM_ABOVE, Act.SUPERVISE, Act.SUPERVISION_REPLY, Act.TRANSFER,
                       Act.REPORT, Act.REPLY, Act.RATE, Act.REVIEW)
# People's mediation's acts (司法确认, 风险等级): likewise shown only when they apply.
MEDIATION_EXTRA_ACTS = (Act.JUDICIAL, Act.JUDICIAL_RESULT, Act.RISK)
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
    if act is Act.EXTEND and d.petition is not None and d.petition.review_stage:
        return tr("{0}件应在30日内提出意见，不能延期").format(d.petition.review_stage)
    if act is Act.FOLLOW_UP and d.status == wf.Status.CLOSED.value:
        return tr("只有调解成功的纠纷需要回访")
    if act is Act.REOPEN:
        return tr("只有已办结的案件可以重新打开")
    if act is Act.CLOSE and d.status == wf.Status.REGISTERED.value:
        return tr("请先受理")
    if act is Act.MARK_ENTERED and d.entered:
        return tr("已标记为录入信访信息系统")
    return tr("当前状态为「{0}」，不能{1}").format(tr(d.status_label),
                                               tr(wf.ACT_LABELS[act], "act"))


class ActBar(QWidget):
    """The act buttons, then ``extra`` (the print button), then 更多."""

    act_requested = Signal(object)  # a caseapp.workflow.Act

    def __init__(self, ctx: AppContext, extra: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        bar = FlowLayout(self)  # wraps to a second row where one would cut the labels
        self.act_buttons: dict[str, QPushButton] = {}
        for act in BAR_ACTS:
            button = QPushButton(tr(wf.ACT_LABELS[act], "act"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=act: self.act_requested.emit(a))
            self.act_buttons[act.value] = button
            bar.addWidget(button)
        self.petition_buttons: dict[str, QPushButton] = {}
        for act in PETITION_EXTRA_ACTS + MEDIATION_EXTRA_ACTS:
            button = QPushButton(tr(wf.ACT_LABELS[act], "act"))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=act: self.act_requested.emit(a))
            self.petition_buttons[act.value] = button
            bar.addWidget(button)
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
            if act is Act.EXTEND and (d.extended or (d.petition is not None
                                                     and bool(d.petition.review_stage))):
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
        for act in PETITION_EXTRA_ACTS:
            self.petition_buttons[act.value].setVisible(petition_act_shown(d, allowed, act))
        for act in MEDIATION_EXTRA_ACTS:
            self.petition_buttons[act.value].setVisible(mediation_act_shown(d, allowed, act))
        self.delete_action.setEnabled(Act.DELETE.value in allowed)
        self.delete_action.setVisible(self.ctx.may(Act.DELETE))

    def disable_all(self) -> None:
        for b in self.act_buttons.values():
            b.setEnabled(False)
        for b in self.petition_buttons.values():
            b.hide()


def petition_act_shown(d: queries.CaseDetail, allowed: set[str], act: Act) -> bool:
    """A petition act's button shows when allowed and when it has something to act on."""
    p = d.petition
    if p is None or act.value not in allowed:
        return False
    if act is Act.REPORT:
        return p.from_above
    if act is Act.SUPERVISION_REPLY:
        return bool(p.open_supervisions)
    if act is Act.REVIEW:
        return not p.reviews  # one 复查 (or 复核) per answer
    return True


def mediation_act_shown(d: queries.CaseDetail, allowed: set[str], act: Act) -> bool:
    """申请司法确认 with a written agreement not yet applied for (or withdrawn); its result
    while one is awaited; 风险等级 whenever allowed."""
    m = d.mediation
    if m is None or act.value not in allowed:
        return False
    if act is Act.JUDICIAL:
        return m.judicial_window is not None and m.judicial_state in (wf.JUDICIAL_NOT_APPLIED,
                                                                      "撤回")
    if act is Act.JUDICIAL_RESULT:
        return m.judicial_state == wf.JUDICIAL_PENDING
    return True


__all__ = ["BAR_ACTS", "MEDIATION_EXTRA_ACTS", "mediation_act_shown", "DISPUTE_ACTS", "PETITION_ACTS", "PETITION_EXTRA_ACTS", "ActBar",
           "allowed_acts", "disabled_reason", "petition_act_shown", "role_may"]
