"""The 基本信息 tab: the case's own fields, editable; 保存修改 writes only the fields changed,
and a stale edit (someone saved in between) asks before overwriting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import workflow as wf
from caseapp.errors import Problem, StaleEdit, ValidationError
from caseapp.queries.choices import Choices
from caseapp.workflow import Act
from ui.i18n import tr
from ui.pages.case_view.common import amount_text, transparent_scroll
from ui.widgets import forms
from ui.widgets.forms import FormGrid, InlineErrors

if TYPE_CHECKING:
    from ui.context import AppContext


class BasicInfoTab(QWidget):
    reload_requested = Signal()  # 放弃修改: load the case again, the form with it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: queries.CaseDetail | None = None
        self._edit_original: dict = {}
        self._edit_version: int | None = None
        # The last saved edit, to be taken back with 撤销: (case id, the fields' old values).
        self._undo: tuple[int, dict] | None = None
        self._saved_note = ""  # 已保存 / 已撤销, kept across the reload that follows
        self._build()

    def _build(self) -> None:
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 12, 12, 12)
        self.edit_general = forms.error_label()
        v.addWidget(self.edit_general)
        self.edit_errors = InlineErrors(self.edit_general)
        form = QWidget()
        self.edit_grid = g = FormGrid(self.edit_errors, columns=2)
        form.setLayout(g)
        g.setContentsMargins(0, 0, 8, 0)
        today = self.ctx.today()
        self.e_summary = QLineEdit()
        self.e_summary.setMaxLength(500)
        g.add("summary", tr("事项摘要"), self.e_summary, required=True, wide=True)
        self.e_details = QPlainTextEdit()
        self.e_details.setTabChangesFocus(True)
        self.e_details.setFixedHeight(80)
        g.add("details", tr("详细情况"), self.e_details, wide=True)
        self.e_category = forms.combo()
        g.add("category", tr("类别"), self.e_category, required=True)
        self.e_source = forms.combo(blank=True)
        g.add("source", tr("来源"), self.e_source)
        self.e_street = forms.combo(editable=True)
        g.add("street", tr("街镇"), self.e_street)
        self.e_community = QLineEdit()
        g.add("community", tr("村/社区"), self.e_community)
        self.e_received_on = forms.date_edit(None, maximum=today)
        g.add("received_on", tr("登记日期"), self.e_received_on, required=True)
        self.e_accepted_on = forms.date_edit(None, optional=True, maximum=today)
        g.add("accepted_on", tr("受理日期"), self.e_accepted_on)
        self.e_closed_on = forms.date_edit(None, optional=True, maximum=today)
        g.add("closed_on", tr("办结日期"), self.e_closed_on)
        self.e_handler = forms.combo(editable=True)
        g.add("handler", tr("承办人"), self.e_handler)
        self.e_people_count = QLineEdit()
        g.add("people_count", tr("涉及人数"), self.e_people_count)
        self.e_amount = QLineEdit()
        self.e_amount.setPlaceholderText(tr("元"))
        g.add("amount", tr("涉及金额（元）"), self.e_amount)
        self.e_petition_type = forms.combo(wf.PETITION_TYPES, blank=True)
        g.add("petition_type", tr("信访类型"), self.e_petition_type)
        self.e_group_size = QLineEdit()
        self.e_group_size.setPlaceholderText(tr("集体访填写人数"))
        g.add("group_size", tr("集体访人数"), self.e_group_size)
        self.e_via_proxy = QCheckBox(tr("信访代理件"))
        g.add("via_proxy", tr("信访代理"), self.e_via_proxy)
        self.e_satisfaction = forms.combo(wf.SATISFACTION, blank=True)
        g.add("satisfaction", tr("答复满意度"), self.e_satisfaction)
        self.e_mediators = QLineEdit()
        g.add("mediators", tr("调解员"), self.e_mediators)
        g.next_line()
        self.e_extension_reason = QLineEdit()
        g.add("extension_reason", tr("延期理由"), self.e_extension_reason, wide=True)
        self.edit_widgets = {
            "summary": self.e_summary, "details": self.e_details, "category": self.e_category,
            "source": self.e_source, "street": self.e_street, "community": self.e_community,
            "received_on": self.e_received_on, "accepted_on": self.e_accepted_on,
            "closed_on": self.e_closed_on, "handler": self.e_handler,
            "people_count": self.e_people_count, "amount": self.e_amount,
            "petition_type": self.e_petition_type, "group_size": self.e_group_size,
            "via_proxy": self.e_via_proxy, "satisfaction": self.e_satisfaction,
            "mediators": self.e_mediators, "extension_reason": self.e_extension_reason,
        }
        assert set(self.edit_widgets) <= services.EDITABLE
        for w in self.edit_widgets.values():
            for signal in ("textChanged", "currentTextChanged", "dateChanged", "toggled"):
                if hasattr(w, signal):
                    getattr(w, signal).connect(self._update_dirty)
                    break
        g.setRowStretch(g.rowCount(), 1)  # spare height below the fields, not inside them
        form.setMaximumWidth(1280)  # lines stay readable on a wide screen
        v.addWidget(transparent_scroll(form), 1)
        bar = QHBoxLayout()
        self.dirty_label = forms.muted()
        bar.addWidget(self.dirty_label)
        self.undo_button = QPushButton(tr("撤销"))
        self.undo_button.setToolTip(tr("把刚保存的修改改回原来的内容（作为一次新的修改记入办理经过）"))
        self.undo_button.setFlat(True)
        self.undo_button.clicked.connect(self.undo_last_edit)
        self.undo_button.hide()
        bar.addWidget(self.undo_button)
        bar.addStretch(1)
        self.reload_button = QPushButton(tr("放弃修改"))
        self.reload_button.setToolTip(tr("重新载入案件，放弃未保存的修改"))
        self.reload_button.clicked.connect(self.reload_requested)
        self.save_button = QPushButton(tr("保存修改"))
        self.save_button.setProperty("primary", True)
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.clicked.connect(self.save_edits)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.save_button)
        v.addLayout(bar)

    # ------------------------------------------------------------------ showing

    def forget(self) -> None:
        """Another case is coming: nothing typed here belongs to it."""
        self.detail = None
        self._edit_original = {}
        self._undo = None
        self._saved_note = ""
        self.undo_button.hide()
        self.edit_errors.clear_errors()

    def set_detail(self, d: queries.CaseDetail) -> None:
        """The case as last read (what may be done to it); the form keeps what was typed."""
        self.detail = d

    def show_form(self, d: queries.CaseDetail, choices: Choices) -> None:
        self.detail = d
        self.edit_errors.clear_errors()
        petition = d.kind == wf.Kind.PETITION.value
        for name in ("petition_type", "group_size", "via_proxy", "satisfaction"):
            self.edit_grid.set_row_visible(name, petition)
        self.edit_grid.set_row_visible("mediators", not petition)
        self.edit_grid.set_row_visible("extension_reason", d.extended)
        widgets = self.edit_widgets
        for w in widgets.values():
            w.blockSignals(True)
        forms.set_combo_items(self.e_category, choices.categories, keep=d.category)
        forms.set_combo_items(self.e_source, wf.sources_for(d.kind), blank=True,
                              keep=d.source or "")
        forms.set_combo_items(self.e_street, choices.streets, keep=d.street or "")
        forms.set_combo_items(self.e_handler, choices.handlers, keep=d.handler or "")
        self.e_summary.setText(d.summary)
        self.e_details.setPlainText(d.details or "")
        self.e_community.setText(d.community or "")
        self.e_received_on.setDate(forms.to_qdate(d.received_on))
        self.e_accepted_on.setDate(forms.to_qdate(d.accepted_on))
        self.e_accepted_on.setEnabled(d.accepted_on is not None)
        self.e_closed_on.setDate(forms.to_qdate(d.closed_on))
        self.e_closed_on.setEnabled(d.closed_on is not None)
        self.e_people_count.setText("" if d.people_count is None else str(d.people_count))
        self.e_amount.setText(amount_text(d.amount))
        forms.set_combo_text(self.e_petition_type, d.petition_type or "")
        self.e_group_size.setText("" if d.group_size is None else str(d.group_size))
        self.e_via_proxy.setChecked(d.via_proxy)
        forms.set_combo_text(self.e_satisfaction, d.satisfaction or "")
        self.e_mediators.setText(d.mediators or "")
        self.e_extension_reason.setText(d.extension_reason or "")
        for w in widgets.values():
            w.blockSignals(False)
        self._edit_original = self._form_values()
        self._edit_version = d.version
        self._update_dirty()
        # 撤销 is offered once the saved edit has been read back, and only for that case.
        can_undo = (self._undo is not None and self._undo[0] == d.id
                    and Act.EDIT.value in d.allowed_acts)
        self.undo_button.setVisible(can_undo)

    def show_allowed(self, allowed: set[str]) -> None:
        self.save_button.setVisible(self.ctx.may(Act.EDIT))
        self.save_button.setEnabled(Act.EDIT.value in allowed and self.is_dirty())

    # ------------------------------------------------------------------ editing

    def _form_values(self) -> dict:
        out = {}
        for name, w in self.edit_widgets.items():
            if isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif name.endswith("_on"):
                out[name] = forms.date_value(w)
            else:
                out[name] = forms.text_of(w)
        return out

    def changed_values(self) -> dict:
        current = self._form_values()
        return {k: v for k, v in current.items()
                if self._edit_original and v != self._edit_original.get(k)}

    def is_dirty(self) -> bool:
        return bool(self._edit_original) and bool(self.changed_values())

    def _update_dirty(self, *_a) -> None:
        dirty = self.is_dirty()
        if dirty:
            self._saved_note = ""  # typing again: "已保存" no longer describes the form
        self.dirty_label.setText(tr("有未保存的修改") if dirty else self._saved_note)
        allowed = self.detail is not None and Act.EDIT.value in self.detail.allowed_acts
        self.save_button.setEnabled(dirty and allowed)

    def save_edits(self) -> None:
        if self.detail is None:
            return
        values = self.changed_values()
        if not values:
            return
        self.edit_errors.clear_errors()
        problems = self.edit_errors.date_problems()  # a date is kept as typed or refused
        if "summary" in values and not values["summary"]:
            problems.append(Problem("summary", tr("事项摘要必须填写")))
        if problems:
            self.edit_errors.set_errors(problems)
            return
        self._save(values, self._edit_version)

    def _save(self, values: dict, expected_version: int | None) -> None:
        self.save_button.setEnabled(False)
        case_id = self.detail.id
        before = {k: self._edit_original.get(k) for k in values}
        self.undo_button.hide()
        self.ctx.act(self, services.edit, self.ctx.db, self.ctx.actor, case_id, values,
                     expected_version=expected_version, changed=(case_id,),
                     on_done=lambda ref: self._saved(ref, (case_id, before)),
                     on_error=self._save_failed)

    def _saved(self, _ref, undo: tuple[int, dict] | None) -> None:
        self._edit_original = self._form_values()  # clean, so the reload refreshes the form
        self._undo = undo
        self._saved_note = tr("已保存") if undo else tr("已撤销")
        self._update_dirty()

    def undo_last_edit(self) -> None:
        """撤销: write the old values back as a new edit (the trail keeps both), refused like
        any edit when someone changed the case since it was read."""
        if self._undo is None or self.detail is None or self._undo[0] != self.detail.id:
            return
        _case_id, before = self._undo
        self.undo_button.hide()
        self.edit_errors.clear_errors()
        self.save_button.setEnabled(False)
        self.ctx.act(self, services.edit, self.ctx.db, self.ctx.actor, self.detail.id, before,
                     expected_version=self._edit_version, changed=(self.detail.id,),
                     on_done=lambda ref: self._saved(ref, None), on_error=self._undo_failed)

    def _undo_failed(self, exc: BaseException) -> None:
        self._update_dirty()
        if isinstance(exc, StaleEdit):
            self._undo = None
            self.edit_general.setText(tr("无法撤销：{0}").format(exc))
            self.edit_general.show()
        else:
            self._save_failed(exc)

    def _save_failed(self, exc: BaseException) -> None:
        self._update_dirty()
        if isinstance(exc, ValidationError):
            self.edit_errors.set_errors(exc.problems)
        elif isinstance(exc, StaleEdit):
            # Ask before overwriting; only the fields changed here are written, so what the
            # other person changed in other fields stays either way.
            if forms.confirm(self, tr("{0}。\n\n要用您的修改覆盖吗？只保存您改动的项目，"
                                      "对方改动的其他项目保留。").format(exc)):
                self._save(self.changed_values(), None)
                return
            self.edit_general.setText(
                str(exc) + tr("。点击「放弃修改」载入最新内容后再修改。"))
            self.edit_general.show()
        else:
            forms.report_error(self, exc)


__all__ = ["BasicInfoTab"]
