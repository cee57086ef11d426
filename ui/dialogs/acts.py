"""The dialogs of the acts on one case (受理, 不予受理, 分派, 延期, 记录调解, 记录协议, 办结,
重新打开, 回访, 履行情况, 删除).

Each dialog checks the obvious itself, then submits one services call through the task
runner; a ValidationError comes back and is shown beside its field while the dialog stays
open. On success the dialog emits ``succeeded(result)`` and closes; the case view reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.forms import FormGrid, InlineErrors


def _text_edit(height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(max(height, 160))
    return edit


class ActDialog(QDialog):
    """A form, a general error line and 确定/取消; ``submit`` runs ``call()`` on the runner."""

    succeeded = Signal(object)
    ok_text = "确定"
    confirm_text: str | None = None  # asked before an irreversible act

    def __init__(self, ctx, detail, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        heading = QLabel(f"{detail.number} · {detail.party}" if detail.party else detail.number)
        heading.setProperty("role", "muted")
        outer.addWidget(heading)
        self.general = forms.error_label()
        outer.addWidget(self.general)
        self.errors = InlineErrors(self.general)
        self.body = QWidget()
        self.grid = FormGrid(self.errors, columns=1)
        self.body.setLayout(self.grid)
        self.grid.setContentsMargins(0, 0, 8, 0)
        # A long agreement must not push the buttons off a 1366×768 screen.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(tr(self.ok_text),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setProperty("primary", True)
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(480)

    # Subclasses fill these two.
    def validate(self) -> list[Problem]:
        return []

    def call(self) -> tuple[Callable[..., Any], tuple, dict]:
        raise NotImplementedError

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        problems = self.validate()
        if problems:
            self.errors.set_errors(problems)
            return
        self.errors.clear_errors()
        if self.confirm_text and not forms.confirm(self, tr(self.confirm_text)):
            return
        fn, args, kwargs = self.call()
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(self, fn, self.ctx.db, self.ctx.actor, *args, on_done=self._done,
                            on_error=self._failed, **kwargs)

    def _done(self, result: Any) -> None:
        self.result_value = result
        self.ok_button.setEnabled(True)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.errors.set_errors(exc.problems)
        else:
            forms.report_error(self, exc)

    def today(self) -> date:
        return self.ctx.today()

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        wanted = self.body.sizeHint().height() + 130
        hint.setHeight(min(max(hint.height(), wanted), 680))
        return hint


def _required_text(problems: list[Problem], field: str, value: str, message: str) -> None:
    if not value.strip():
        problems.append(Problem(field, tr(message)))


# ---------------------------------------------------------------------------


class AcceptDialog(ActDialog):
    ok_text = "受理"

    def __init__(self, ctx, detail, handlers=(), parent=None):
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


class ReasonActDialog(ActDialog):
    """An act that needs only a reason (and maybe a date)."""

    reason_label = "理由"
    empty_message = "请填写理由"

    def __init__(self, ctx, detail, title, parent=None, note: str = ""):
        super().__init__(ctx, detail, title, parent)
        self.reason = _text_edit(100)
        self.grid.add("reason", tr(self.reason_label), self.reason, required=True, note=note)
        self.setMinimumWidth(520)

    def validate(self):
        problems: list[Problem] = []
        _required_text(problems, "reason", self.reason.toPlainText(), self.empty_message)
        return problems


class RejectDialog(ReasonActDialog):
    ok_text = "不予受理"
    reason_label = "不予受理理由"
    empty_message = "请写明不予受理的理由"
    confirm_text = "不予受理后本件即告终结，不能再受理或办结。确定不予受理吗？"

    def __init__(self, ctx, detail, parent=None):
        super().__init__(ctx, detail, tr("不予受理"), parent)
        self.on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.received_on)
        self.grid.add("closed_on", tr("决定日期"), self.on, required=True)

    def call(self):
        return services.reject, (self.detail.id, self.reason.toPlainText().strip()), {
            "on": forms.date_value(self.on)}


class ExtendDialog(ReasonActDialog):
    ok_text = "延期"
    reason_label = "延期理由"
    empty_message = "请写明延期的理由"

    def __init__(self, ctx, detail, parent=None):
        note = tr("延期只能一次，期限随之顺延。当前期限：{0}").format(
            detail.due_on.isoformat() if detail.due_on else "—")
        super().__init__(ctx, detail, tr("延期"), parent, note=note)

    def call(self):
        return services.extend, (self.detail.id, self.reason.toPlainText().strip()), {}


class ReopenDialog(ReasonActDialog):
    ok_text = "重新打开"
    reason_label = "重新打开理由"
    empty_message = "请写明重新打开的理由"

    def __init__(self, ctx, detail, parent=None):
        super().__init__(ctx, detail, tr("重新打开"), parent)

    def call(self):
        return services.reopen, (self.detail.id, self.reason.toPlainText().strip()), {}


class DeleteDialog(ReasonActDialog):
    ok_text = "删除"
    reason_label = "删除理由"
    empty_message = "请写明删除的理由"
    confirm_text = "删除后案件将不再出现在任何列表和统计中（操作记录保留）。确定删除吗？"

    def __init__(self, ctx, detail, parent=None):
        super().__init__(ctx, detail, tr("删除案件"), parent)
        self.ok_button.setProperty("danger", True)

    def call(self):
        return services.delete_case, (self.detail.id, self.reason.toPlainText().strip()), {}


class AssignDialog(ActDialog):
    ok_text = "分派"

    def __init__(self, ctx, detail, handlers=(), parent=None):
        super().__init__(ctx, detail, tr("分派承办人"), parent)
        self.handler = forms.combo(handlers, editable=True)
        forms.set_combo_text(self.handler, detail.handler or "")
        self.grid.add("handler", tr("承办人"), self.handler, required=True)

    def validate(self):
        problems: list[Problem] = []
        _required_text(problems, "handler", forms.text_of(self.handler), "请填写承办人")
        return problems

    def call(self):
        return services.assign, (self.detail.id, forms.text_of(self.handler)), {}


class SessionDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx, detail, parent=None):
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
        self.record = _text_edit(120)
        self.grid.add("record", tr("调解记录"), self.record)
        self.setMinimumWidth(560)

    def call(self):
        return services.record_session, (self.detail.id, forms.date_value(self.held_on)), {
            "place": self.place.text(), "participants": self.participants.text(),
            "record": self.record.toPlainText()}


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

    def __init__(self, ctx, detail, grid: FormGrid):
        a = detail.agreement
        self.form = forms.combo(wf.AGREEMENT_FORMS)
        if a is not None:
            forms.set_combo_text(self.form, a.form)
        grid.add("form", tr("协议形式"), self.form, required=True)
        self.signed_on = forms.date_edit(a.signed_on if a else ctx.today(), maximum=ctx.today(),
                                         minimum=detail.accepted_on)
        grid.add("signed_on", tr("协议日期"), self.signed_on, required=True)
        self.facts = _text_edit(70)
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

    def __init__(self, ctx, detail, parent=None):
        super().__init__(ctx, detail, tr("记录调解协议"), parent)
        self.fields = AgreementFields(ctx, detail, self.grid)
        self.setMinimumWidth(640)

    def validate(self):
        return self.fields.validate()

    def call(self):
        return services.record_agreement, (self.detail.id,), self.fields.kwargs()


class CloseDialog(ActDialog):
    """办结: the outcome, and what that outcome needs."""

    ok_text = "办结"
    confirm_text = "办结后只有管理员可以重新打开，确定办结吗？"
    wants_agreement = Signal()  # 调解成功 without an agreement: record it first

    def __init__(self, ctx, detail, dispute_categories=(), parent=None):
        super().__init__(ctx, detail, tr("办结"), parent)
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        notes = {
            wf.SUPPORTED: "诉求合理，予以支持", wf.EXPLAINED: "作出解释说明",
            wf.NOT_SUPPORTED: "诉求缺乏依据，不予支持",
            wf.DIVERTED: "属平等主体间民事权利义务，导入人民调解程序",
            wf.MEDIATED: "达成调解协议（书面或口头）", wf.MEDIATION_FAILED: "告知当事人其他解决途径",
            wf.MEDIATION_ENDED: "撤回申请、一方拒绝调解或另行解决",
        }
        for outcome in wf.outcomes_for(detail.kind):
            button = QRadioButton(f"{tr(outcome)}　")
            hint = QLabel(tr(notes.get(outcome, "")))
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
        self.grid.add("dispute_category", tr("纠纷类型"), self.category, required=True,
                      note=tr("将登记一件来源为「信访转入」的矛盾纠纷，并复制当事人"))
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
        self.note = _text_edit(80)
        self.grid.add("close_note", tr("办结说明"), self.note)
        self.errors.alias("terms", "agreement")
        self.setMinimumWidth(600)
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
        elif outcome == wf.MEDIATED and self.detail.agreement is None:
            problems.append(Problem("agreement", tr("调解成功须先记录调解协议")))
        return problems

    def call(self):
        outcome = self.outcome()
        kwargs: dict[str, Any] = {"on": forms.date_value(self.on),
                                  "note": self.note.toPlainText()}
        if outcome == wf.MEDIATION_FAILED:
            kwargs["route"] = self.route.currentText()
        if outcome == wf.DIVERTED:
            kwargs["dispute_category"] = self.category.currentText()
        return services.close, (self.detail.id, outcome), kwargs


class FollowUpDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx, detail, parent=None):
        super().__init__(ctx, detail, tr("回访"), parent)
        self.done_on = forms.date_edit(ctx.today(), maximum=ctx.today(), minimum=detail.closed_on)
        self.grid.add("done_on", tr("回访日期"), self.done_on, required=True)
        self.result = _text_edit(100)
        self.result.setPlaceholderText(tr("如：协议已履行，双方满意"))
        self.grid.add("result", tr("回访结果"), self.result, required=True)

    def validate(self):
        problems: list[Problem] = []
        _required_text(problems, "result", self.result.toPlainText(), "请填写回访结果")
        return problems

    def call(self):
        return services.record_follow_up, (self.detail.id, forms.date_value(self.done_on),
                                           self.result.toPlainText()), {}


class PerformanceDialog(ActDialog):
    ok_text = "保存"

    def __init__(self, ctx, detail, parent=None):
        super().__init__(ctx, detail, tr("记录履行情况"), parent)
        self.performed = QCheckBox(tr("协议已履行"))
        self.performed.setChecked(detail.performed)
        self.grid.add("performed", tr("履行情况"), self.performed)
        judicial = QWidget()
        h = QHBoxLayout(judicial)
        h.setContentsMargins(0, 0, 0, 0)
        self.applied = QCheckBox(tr("已申请司法确认"))
        self.applied_on = forms.date_edit(detail.judicial_applied_on or ctx.today(),
                                          maximum=ctx.today())
        self.applied.setChecked(detail.judicial_applied_on is not None)
        self.applied_on.setEnabled(self.applied.isChecked())
        self.applied.toggled.connect(self.applied_on.setEnabled)
        h.addWidget(self.applied)
        h.addWidget(self.applied_on)
        h.addStretch(1)
        self.grid.add("judicial_applied_on", tr("司法确认"), judicial)
        self.judicial_result = QLineEdit(detail.judicial_result or "")
        self.judicial_result.setPlaceholderText(tr("如：人民法院裁定协议有效"))
        self.grid.add("judicial_result", tr("确认结果"), self.judicial_result)

    def call(self):
        return services.record_performance, (self.detail.id, self.performed.isChecked()), {
            "judicial_applied_on": forms.date_value(self.applied_on)
            if self.applied.isChecked() else None,
            "judicial_result": self.judicial_result.text()}


def screenshot_states(ctx) -> list[tuple[str, QWidget]]:
    """The act dialogs on demo cases, at their natural size: 办结 showing what 调解不成 needs,
    记录协议 with its terms, 记录调解, and 不予受理 refusing an empty reason."""
    from caseapp import queries
    from ui.pages.case_view import _sample_cases, _spin

    ids = _sample_cases(ctx)
    details: dict = {}
    for key, case_id in ids.items():
        ctx.runner.run(None, queries.case_detail, ctx.db, case_id, ctx.today(),
                       on_done=lambda d, k=key: details.__setitem__(k, d))
    _spin(ctx)
    out: list[tuple[str, QWidget]] = []
    dispute, petition = details.get("dispute"), details.get("petition")
    if dispute is not None:
        close = CloseDialog(ctx, dispute)
        close.select_outcome(wf.MEDIATION_FAILED)
        close.errors.set_errors(close.validate())
        out.append(("dialog_close", close))
        out.append(("dialog_agreement", AgreementDialog(ctx, dispute)))
        out.append(("dialog_session", SessionDialog(ctx, dispute)))
    if petition is not None:
        reject = RejectDialog(ctx, petition)
        reject.errors.set_errors(reject.validate())
        out.append(("dialog_reject", reject))
        out.append(("dialog_accept", AcceptDialog(ctx, petition)))
    for _name, dialog in out:
        dialog.adjustSize()
    return out


__all__ = [
    "AcceptDialog", "ActDialog", "AgreementDialog", "AssignDialog", "CloseDialog",
    "DeleteDialog", "ExtendDialog", "FollowUpDialog", "PerformanceDialog", "RejectDialog",
    "ReopenDialog", "SessionDialog", "TermsEditor",
]
