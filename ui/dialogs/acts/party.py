"""添加/修改/移除当事人 on a registered case: one party's form (ID number fills gender), the
question when the person is named by other cases too, and the removal with its reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from caseapp import queries, services
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem
from ui.dialogs.acts.base import ActDialog
from ui.dialogs.acts.simple import ReasonActDialog
from ui.dialogs.intake.drafts import PartyDraft, check_party
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from ui.context import AppContext


def ask_shared(parent: QWidget, text: str) -> bool:
    """同时更正 or 取消 (the default): a correction of a person other cases name too."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("修改当事人"), text, parent=parent)
    yes = box.addButton(tr("同时更正"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


class PartyDialog(ActDialog):
    """A new party (``party`` None) or the correction of one; the ID number and phone of an
    existing party stand masked, as the case view shows them, and stay unless retyped."""

    def __init__(self, ctx: AppContext, detail: queries.CaseDetail,
                 party: queries.PartyInfo | None = None, parent: QWidget | None = None):
        super().__init__(ctx, detail, tr("修改当事人") if party else tr("添加当事人"), parent)
        self.party = party
        self.ok_button.setText(tr("保存") if party else tr("添加"))
        self.other_cases: list[queries.PersonCase] | None = None
        self._build()
        if party is not None:
            self._fill(party)
            # Which other cases name this person: asked once, before any correction is sent.
            self.ok_button.setEnabled(False)
            ctx.runner.run(self, services.person_other_cases, ctx.db, party.person_id,
                           detail.id, on_done=self._others_known,
                           on_error=lambda exc: forms.report_error(self, exc))
        fit_to_screen(self, 560, 520)

    def _build(self) -> None:
        g = self.grid
        self.role = forms.combo(wf.roles_for(self.detail.kind))
        g.add("role", tr("身份"), self.role, required=True)
        self.name = QLineEdit()
        g.add("name", tr("姓名/名称"), self.name, required=True)
        org_row = QWidget()
        h = QHBoxLayout(org_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.is_org = QCheckBox(tr("是单位"))
        self.is_org.setToolTip(tr("当事人是法人或其他组织"))
        self.legal_rep = QLineEdit()
        self.legal_rep.setPlaceholderText(tr("法定代表人"))
        self.legal_rep.setEnabled(False)
        self.is_org.toggled.connect(self.legal_rep.setEnabled)
        h.addWidget(self.is_org)
        h.addWidget(self.legal_rep, 1)
        g.add("legal_rep", tr("单位"), org_row)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(tr("18位居民身份证号，自动识别性别"))
        self.id_number.textChanged.connect(self._id_changed)
        g.add("id_number", tr("身份证号"), self.id_number)
        self.gender = forms.combo(("男", "女"), blank=True)
        g.add("gender", tr("性别"), self.gender)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(tr("手机或固定电话"))
        g.add("phone", tr("联系电话"), self.phone)
        self.address = QLineEdit()
        g.add("address", tr("住址"), self.address)
        self.ethnicity = QLineEdit()
        self.ethnicity.setMaxLength(16)
        self.ethnicity.setPlaceholderText(tr("如：汉族"))
        g.add("ethnicity", tr("民族"), self.ethnicity)
        self.occupation = QLineEdit()
        self.occupation.setMaxLength(128)
        g.add("occupation", tr("职业或工作单位"), self.occupation)
        self.others_label = QLabel()
        self.others_label.setWordWrap(True)
        self.others_label.setProperty("role", "muted")
        self.others_label.hide()
        self.grid.addWidget(self.others_label, self.grid.rowCount(), 0, 1, 2)
        if self.party is not None:
            note = tr("身份证号和电话以隐藏形式显示；不修改时保留原样，修改时请输入完整号码")
            self.errors.rows["phone"].setToolTip(note)
            self.id_number.setToolTip(note)

    def _fill(self, p: queries.PartyInfo) -> None:
        forms.set_combo_text(self.role, p.role)
        self.name.setText(p.name)
        self.is_org.setChecked(p.is_org)
        self.legal_rep.setText(p.legal_rep or "")
        self.id_number.setText(p.id_number or "")
        forms.set_combo_text(self.gender, p.gender or "")
        self.phone.setText(p.phone or "")
        self.address.setText(p.address or "")
        self.ethnicity.setText(p.ethnicity or "")
        self.occupation.setText(p.occupation or "")

    def _id_changed(self, text: str) -> None:
        text = text.strip().upper()
        if len(text) == 18 and not v.is_masked(text):
            try:
                forms.set_combo_text(self.gender, v.check_id_number(text).gender)
            except ValueError as exc:
                self.errors.rows["id_number"].set_error(str(exc))
                return
        self.errors.rows["id_number"].set_error(None)

    def _others_known(self, cases: list) -> None:
        self.other_cases = cases
        self.ok_button.setEnabled(True)
        if cases:
            self.others_label.setText(tr("此人还是另外 {0} 件案件的当事人，修改姓名、证件、电话或住址"
                                         "将同时更正这些案件：{1}").format(
                len(cases), "、".join(c.number for c in cases)))
            self.others_label.show()

    # ------------------------------------------------------------------ the act

    def draft(self) -> PartyDraft:
        return PartyDraft(role=self.role.currentText(), name=self.name.text(),
                          id_number=self.id_number.text().strip().upper(),
                          gender=self.gender.currentText(), phone=self.phone.text().strip(),
                          address=self.address.text(), is_org=self.is_org.isChecked(),
                          legal_rep=self.legal_rep.text() if self.is_org.isChecked() else "",
                          ethnicity=self.ethnicity.text(), occupation=self.occupation.text())

    def validate(self) -> list[Problem]:
        draft = self.draft()
        problems = []
        for p in check_party(draft):
            # A number shown masked is not a wrong number: the service keeps what is stored.
            value = draft.id_number if p.field == "id_number" else draft.phone
            if p.field in ("id_number", "phone") and self.party is not None \
                    and v.is_masked(value):
                continue
            problems.append(p)
        return problems

    def facts_changed(self) -> bool:
        """Whether the person's facts (not only the role here) would change."""
        p, d = self.party, self.draft()
        if p is None:
            return False
        return ((d.name.strip(), d.id_number, d.gender, d.phone, d.address.strip(), d.is_org,
                 d.legal_rep.strip(), d.ethnicity.strip(), d.occupation.strip())
                != (p.name, p.id_number or "", p.gender or "", p.phone or "", p.address or "",
                    p.is_org, p.legal_rep or "", p.ethnicity or "", p.occupation or ""))

    def confirmed(self, text: str) -> bool:
        return ask_shared(self, text)

    def submit(self) -> None:
        # The person is one row however many cases name them: a correction asks first.
        self.confirm_text = None
        if self.other_cases and self.facts_changed():
            self.confirm_text = tr("{0}还是以下案件的当事人：\n{1}\n\n修改将同时更正这些案件中的信息。"
                                   "确定修改吗？").format(
                self.party.name if self.party else "",
                "\n".join(f"{c.number}（{c.status_label}）" for c in self.other_cases))
        super().submit()

    def call(self):
        party = self.draft().to_input()
        if self.party is None:
            return services.add_party, (self.detail.id, party), {}
        return services.edit_party, (self.detail.id, self.party.party_id, party), {}

    def changed_cases(self) -> tuple[int, ...]:
        others = tuple(c.case_id for c in self.other_cases or ()) if self.facts_changed() else ()
        return (self.detail.id, *others)


class RemovePartyDialog(ReasonActDialog):
    """移除当事人: the dialog names the party; 移除 (red) or 取消, and a reason for the record."""

    ok_text = "移除"
    reason_label = "移除理由"
    empty_message = "请写明移除的理由"

    def __init__(self, ctx: AppContext, detail: queries.CaseDetail, party: queries.PartyInfo,
                 parent: QWidget | None = None):
        note = tr("将从本案移除{0}「{1}」，其他案件不受影响").format(party.role, party.name)
        super().__init__(ctx, detail, tr("移除当事人"), parent, note=note)
        self.party = party
        # This dialog is the question: 移除 in red, 取消 the default (Enter never removes).
        self.ok_button.setProperty("primary", False)
        self.ok_button.setProperty("destructive", True)
        self.ok_button.setDefault(False)
        self.ok_button.setAutoDefault(False)
        for b in self.buttons.buttons():
            if self.buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.RejectRole \
                    and isinstance(b, QPushButton):
                b.setDefault(True)
        fit_to_screen(self, 540, 300)

    def call(self):
        return services.remove_party, (self.detail.id, self.party.party_id,
                                       self.reason.toPlainText().strip()), {}


__all__ = ["PartyDialog", "RemovePartyDialog", "ask_shared"]
