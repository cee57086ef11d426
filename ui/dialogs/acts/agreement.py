"""The mediation agreement: its terms editor and form, 记录协议, and 履行情况 (performance and
judicial confirmation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem
from ui.dialogs.acts.base import ActDialog, text_edit
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_minimum
from ui.widgets.forms import FormGrid

if TYPE_CHECKING:
    from ui.context import AppContext


class TermsEditor(QWidget):
    """Numbered agreement terms: one line editor per term, add and remove rows."""

    def __init__(self, terms=(), parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._rows: list[tuple[QWidget, QLabel, QLineEdit]] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(4)
        self._layout.addLayout(self._rows_box)
        self.add_button = QPushButton(tr("＋ 添加条款"))
        self.add_button.clicked.connect(lambda: self.add_term(focus=True))
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self._layout.addLayout(bar)
        for t in terms or ("",):
            self.add_term(t)

    @property
    def edits(self) -> list[QLineEdit]:
        return [edit for _w, _l, edit in self._rows]

    def add_term(self, text: str = "", focus: bool = False) -> QLineEdit:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        number = QLabel()
        number.setMinimumWidth(44)
        edit = QLineEdit(text)
        edit.setPlaceholderText(tr("约定内容，如：甲方于2026年4月30日前支付乙方人民币5000元"))
        remove = QPushButton(tr("删除"))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self.remove_term(row))
        h.addWidget(number)
        h.addWidget(edit, 1)
        h.addWidget(remove)
        self._rows.append((row, number, edit))
        self._rows_box.addWidget(row)
        self._renumber()
        if focus:
            edit.setFocus()
        return edit

    def remove_term(self, row: QWidget) -> None:
        if len(self._rows) == 1:
            self._rows[0][2].clear()  # keep one row to type into
            return
        self._rows = [r for r in self._rows if r[0] is not row]
        row.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        for i, (_w, label, _e) in enumerate(self._rows, start=1):
            label.setText(tr("第{0}条").format(i))

    def terms(self) -> list[str]:
        return [e.text().strip() for e in self.edits if e.text().strip()]


class AgreementFields:
    """The agreement form; used by AgreementDialog (and embeddable elsewhere)."""

    def __init__(self, ctx: AppContext, detail, grid: FormGrid):
        a = detail.agreement
        self.form = forms.combo(wf.AGREEMENT_FORMS)
        if a is not None:
            forms.set_combo_text(self.form, a.form)
        grid.add("form", tr("协议形式"), self.form, required=True)
        self.signed_on = forms.date_edit(a.signed_on if a else ctx.today(), maximum=ctx.today(),
                                         minimum=detail.accepted_on)
        grid.add("signed_on", tr("协议日期"), self.signed_on, required=True)
        self.facts = text_edit(70)
        self.facts.setPlainText(a.facts or "" if a else "")
        grid.add("facts", tr("纠纷事实"), self.facts)
        self.terms = TermsEditor(a.terms if a else ())
        grid.add("terms", tr("协议条款"), self.terms, required=True)
        self.method = QLineEdit(a.performance_method or "" if a else "")
        self.method.setPlaceholderText(tr("如：一次性现金支付、银行转账"))
        grid.add("performance_method", tr("履行方式"), self.method)
        self.place = QLineEdit(a.performance_place or "" if a else "")
        grid.add("performance_place", tr("履行地点"), self.place)
        due_row = QWidget()
        h = QHBoxLayout(due_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.has_due = QCheckBox(tr("约定履行期限"))
        self.due = forms.date_edit(a.performance_due if a and a.performance_due else ctx.today())
        self.has_due.setChecked(bool(a and a.performance_due))
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        h.addWidget(self.has_due)
        h.addWidget(self.due)
        h.addStretch(1)
        grid.add("performance_due", tr("履行期限"), due_row)

    def validate(self) -> list[Problem]:
        problems = []
        if not self.terms.terms():
            problems.append(Problem("terms", tr("协议至少需要一条约定内容")))
        if self.has_due.isChecked() and forms.date_value(self.due) < forms.date_value(self.signed_on):
            problems.append(Problem("performance_due", tr("履行期限不能早于协议日期")))
        return problems

    def kwargs(self) -> dict:
        return {
            "form": self.form.currentText(), "signed_on": forms.date_value(self.signed_on),
            "terms": self.terms.terms(), "facts": self.facts.toPlainText(),
            "performance_method": self.method.text(), "performance_place": self.place.text(),
            "performance_due": forms.date_value(self.due) if self.has_due.isChecked() else None,
        }


class AgreementDialog(ActDialog):
    ok_text = "保存协议"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("记录调解协议"), parent)
        self.fields = AgreementFields(ctx, detail, self.grid)
        fit_minimum(self, 640)

    def validate(self):
        return self.fields.validate()

    def call(self):
        return services.record_agreement, (self.detail.id,), self.fields.kwargs()


class PerformanceDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx: AppContext, detail, parent=None):
        super().__init__(ctx, detail, tr("记录履行情况"), parent)
        self.performed = QCheckBox(tr("协议已履行"))
        self.performed.setChecked(detail.performed)
        # 司法确认 has its own acts (申请司法确认, 记录司法确认结果: dialogs/acts/mediation.py).
        self.grid.add("performed", tr("履行情况"), self.performed,
                      note=tr("司法确认请使用「申请司法确认」"))

    def call(self):
        return services.record_performance, (self.detail.id, self.performed.isChecked()), {}


__all__ = ["AgreementDialog", "AgreementFields", "PerformanceDialog", "TermsEditor"]
