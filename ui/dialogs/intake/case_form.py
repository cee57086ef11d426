"""The 案件信息 box of the intake: the case's fields, its pick lists, and what was typed as a
services.CaseInput with the obvious problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from caseapp import services
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem
from caseapp.queries.choices import Choices
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import FlowLayout
from ui.widgets.forms import FormGrid, InlineErrors

if TYPE_CHECKING:
    from ui.context import AppContext

CASE_FIELDS = ("received_on", "source", "category", "summary", "details", "street",
               "community", "handler", "people_count", "amount", "petition_type",
               "group_size", "via_proxy", "mediators", "number", "risk_grade", "prevention")


class CaseForm(QGroupBox):
    """The case fields of one kind; petition-only fields (信访类型, 集体访, 信访代理) or the
    dispute's 调解员 exist only for their kind."""

    def __init__(self, ctx: AppContext, kind: str, errors: InlineErrors, parent: QWidget | None = None):
        super().__init__(tr("案件信息"), parent)
        self.ctx = ctx
        self.kind = kind
        self.petition = kind == wf.Kind.PETITION.value
        g = self.grid = FormGrid(errors, columns=2)
        self.setLayout(g)
        today = ctx.today()
        self.received_on = forms.date_edit(today, maximum=today)
        g.add("received_on", tr("登记日期"), self.received_on, required=True)
        self.source = forms.combo(wf.sources_for(kind), blank=True)
        forms.set_combo_text(self.source, "来访" if self.petition else "当事人申请")
        g.add("source", tr("信访渠道") if self.petition else tr("来源"), self.source)
        self.category = forms.combo(Choices.defaults(kind).categories, blank=True)
        g.add("category", tr("信访类别") if self.petition else tr("纠纷类型"), self.category,
              required=True)
        if self.petition:
            self.petition_type = forms.combo(wf.PETITION_TYPES, blank=True)
            g.add("petition_type", tr("信访类型"), self.petition_type)
        else:
            self.mediators = forms.combo(editable=True)
            self.mediators.lineEdit().setPlaceholderText(tr("多人用顿号分隔"))
            g.add("mediators", tr("调解员"), self.mediators)
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(tr("一句话写明诉求或纠纷，如：要求支付拖欠工资"))
        self.summary.setMaxLength(500)
        g.add("summary", tr("事项摘要"), self.summary, required=True, wide=True)
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.details.setFixedHeight(56)
        g.add("details", tr("详细情况"), self.details, wide=True)
        self.street = forms.combo(editable=True)
        g.add("street", tr("街镇"), self.street)
        self.community = QLineEdit()
        g.add("community", tr("村/社区"), self.community)
        self.handler = forms.combo(editable=True)
        g.add("handler", tr("承办人"), self.handler)
        self.people_count = QLineEdit()
        self.people_count.setPlaceholderText(tr("人"))
        g.add("people_count", tr("涉及人数"), self.people_count)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(tr("元"))
        g.add("amount", tr("涉及金额（元）"), self.amount)
        if self.petition:
            g.add("group_size", tr("其他"), self._build_petition_flags())
        else:
            self._build_risk()

    def _build_risk(self) -> None:
        """风险等级 (default 一般) and the 预防成效 flags of a dispute, assessed at intake."""
        self.risk_grade = forms.combo(wf.RISK_GRADES)
        forms.set_combo_text(self.risk_grade, wf.RISK_DEFAULT)
        self.grid.add("risk_grade", tr("风险等级"), self.risk_grade)
        box = QWidget()
        flow = FlowLayout(box)
        flow.setContentsMargins(0, 0, 0, 0)
        self.prevention: dict[str, QCheckBox] = {}
        for name in wf.PREVENTION_FLAGS.values():
            check = QCheckBox(tr(name))
            self.prevention[name] = check
            flow.addWidget(check)
        self.grid.add("prevention", tr("预防成效"), box, wide=True)

    def _build_petition_flags(self) -> QWidget:
        group = QWidget()
        h = QHBoxLayout(group)
        h.setContentsMargins(0, 0, 0, 0)
        self.is_group = QCheckBox(tr("集体访"))
        self.group_size = QSpinBox()
        self.group_size.setRange(5, 9999)
        self.group_size.setSuffix(tr(" 人"))
        self.group_size.setEnabled(False)
        self.is_group.toggled.connect(self.group_size.setEnabled)
        self.via_proxy = QCheckBox(tr("信访代理"))
        self.via_proxy.setToolTip(tr("由工作人员代为提交并跟踪办理"))
        h.addWidget(self.is_group)
        h.addWidget(self.group_size)
        h.addSpacing(16)
        h.addWidget(self.via_proxy)
        h.addStretch(1)
        return group

    def set_choices(self, choices: Choices) -> None:
        """The office's lists, once read; a combo left empty stays empty."""
        forms.set_combo_items(self.category, choices.categories, blank=True)
        combos = [(self.street, choices.streets), (self.handler, choices.handlers)]
        if not self.petition:
            combos.append((self.mediators, choices.mediators))
        for combo, items in combos:
            forms.set_combo_items(combo, items)
            if not combo.currentText():
                combo.setCurrentIndex(-1)

    def collect(self) -> tuple[services.CaseInput, list[Problem]]:
        """The case as typed, and the problems seen before the service is asked."""
        problems: list[Problem] = []
        summary = self.summary.text().strip()
        if not summary:
            problems.append(Problem("summary", tr("事项摘要必须填写")))
        category = self.category.currentText()
        if not category:
            problems.append(Problem("category", tr("请选择类别")))
        received_on = forms.date_value(self.received_on)
        if received_on is not None and received_on > self.ctx.today():
            problems.append(Problem("received_on", tr("登记日期不能晚于今天")))
        elif self.received_on.problem():  # unreadable text: refused, never guessed
            problems.append(Problem("received_on", self.received_on.problem() or ""))
        people = amount = None
        try:
            people = v.parse_people(self.people_count.text())
        except ValueError as exc:
            problems.append(Problem("people_count", str(exc)))
        try:
            amount = v.parse_amount(self.amount.text())
        except ValueError as exc:
            problems.append(Problem("amount", str(exc)))
        data = services.CaseInput(
            summary=summary, category=category, received_on=received_on,
            source=self.source.currentText() or None,
            details=self.details.toPlainText().strip() or None,
            street=forms.text_of(self.street) or None,
            community=self.community.text().strip() or None,
            handler=forms.text_of(self.handler) or None, people_count=people, amount=amount)
        if self.petition:
            data.petition_type = self.petition_type.currentText() or None
            data.group_size = self.group_size.value() if self.is_group.isChecked() else None
            data.via_proxy = self.via_proxy.isChecked()
        else:
            data.mediators = forms.text_of(self.mediators) or None
            data.risk_grade = self.risk_grade.currentText() or None
            data.prevention = tuple(n for n, c in self.prevention.items() if c.isChecked())
        return data, problems

    def clear(self) -> None:
        """保存并新建: empty the case, keep 登记日期, the channel, street and handler."""
        self.summary.clear()
        self.details.clear()
        self.category.setCurrentIndex(0)
        self.community.clear()
        self.people_count.clear()
        self.amount.clear()
        if self.petition:
            self.petition_type.setCurrentIndex(0)
            self.is_group.setChecked(False)
            self.via_proxy.setChecked(False)
        else:
            forms.set_combo_text(self.risk_grade, wf.RISK_DEFAULT)
            for check in self.prevention.values():
                check.setChecked(False)

    def has_input(self) -> bool:
        typed = (self.summary.text(), self.details.toPlainText(), self.community.text(),
                 self.people_count.text(), self.amount.text())
        return any(t.strip() for t in typed)


__all__ = ["CASE_FIELDS", "CaseForm"]
