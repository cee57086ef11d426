"""The 当事人 box of the intake: the parties typed so far in a table, the editor of the one
selected (ID number fills gender and birth date), and the hint of a person already known."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem
from ui.dialogs.intake.drafts import PartyDraft, check_party, kept_rows
from ui.dialogs.intake.person_lookup import PersonHint, PersonLookup
from ui.i18n import tr
from ui.widgets import forms
from ui.widgets.forms import FormGrid, InlineErrors

if TYPE_CHECKING:
    from ui.context import AppContext


class PartiesBox(QGroupBox):
    """The parties of one case being registered; ``category`` tells the category chosen, for
    the repeat-petition flag."""

    hint_appeared = Signal()  # the hint panel just became visible: scroll it into view

    def __init__(self, ctx: AppContext, kind: str, category: Callable[[], str],
                 parent: QWidget | None = None):
        super().__init__(tr("当事人"), parent)
        self.ctx = ctx
        self.kind = kind
        self.petition = kind == wf.Kind.PETITION.value
        self._category = category
        self.parties: list[PartyDraft] = []
        self._current = -1
        self.lookup = PersonLookup(ctx, self._current_draft, self)
        self.lookup.answered.connect(self._found)
        self._build()

    def _build(self) -> None:
        v_ = QVBoxLayout(self)
        self.party_general = forms.error_label()
        v_.addWidget(self.party_general)
        self.party_table = QTableWidget(0, 4)
        self.party_table.setHorizontalHeaderLabels([tr("身份"), tr("姓名/名称"), tr("身份证号"),
                                                    tr("联系电话")])
        self.party_table.verticalHeader().hide()
        self.party_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.party_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.party_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.party_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.party_table.setFixedHeight(96)
        self.party_table.itemSelectionChanged.connect(self._selection_changed)
        row = QHBoxLayout()
        row.addWidget(self.party_table, 1)
        buttons = QVBoxLayout()
        self.add_party_button = QPushButton(tr("添加当事人"))
        self.add_party_button.setAutoDefault(False)
        self.add_party_button.clicked.connect(self.add_party)
        self.remove_party_button = QPushButton(tr("删除"))
        self.remove_party_button.setAutoDefault(False)
        self.remove_party_button.clicked.connect(self.remove_party)
        buttons.addWidget(self.add_party_button)
        buttons.addWidget(self.remove_party_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        v_.addLayout(row)
        v_.addWidget(self._build_editor())
        self.hint = PersonHint()
        self.hint.use_button.clicked.connect(self.use_match)
        v_.addWidget(self.hint)

        self.p_role.currentTextChanged.connect(self.editor_changed)
        self.p_name.textChanged.connect(self.editor_changed)
        self.p_name.textEdited.connect(lambda _t: self.lookup.later())
        self.p_id.textChanged.connect(self._id_changed)
        self.p_gender.currentTextChanged.connect(self.editor_changed)
        self.p_phone.textChanged.connect(self.editor_changed)
        self.p_phone.editingFinished.connect(self._phone_done)
        self.p_address.textChanged.connect(self.editor_changed)
        self.p_org.toggled.connect(self._org_toggled)
        self.p_legal_rep.textChanged.connect(self.editor_changed)
        self.p_ethnicity.textChanged.connect(self.editor_changed)
        self.p_occupation.textChanged.connect(self.editor_changed)

    def _build_editor(self) -> QFrame:
        editor = QFrame()
        editor.setObjectName("partyEditor")
        self.party_errors = InlineErrors(self.party_general)
        g = self.party_grid = FormGrid(self.party_errors, columns=2)
        editor.setLayout(g)
        g.setContentsMargins(0, 6, 0, 0)
        self.p_role = forms.combo(wf.roles_for(self.kind))
        g.add("role", tr("身份"), self.p_role, required=True)
        self.p_name = QLineEdit()
        g.add("name", tr("姓名/名称"), self.p_name, required=True)
        self.p_id = QLineEdit()
        self.p_id.setMaxLength(18)
        self.p_id.setPlaceholderText(tr("18位居民身份证号，自动识别性别和出生日期"))
        g.add("id_number", tr("身份证号"), self.p_id)
        gender_row = QWidget()
        h = QHBoxLayout(gender_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.p_gender = forms.combo(("男", "女"), blank=True)
        self.p_birth = QLineEdit()
        self.p_birth.setReadOnly(True)
        self.p_birth.setPlaceholderText(tr("出生日期"))
        self.p_birth.setToolTip(tr("由身份证号识别"))
        self.p_birth.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        h.addWidget(self.p_gender)
        h.addWidget(QLabel(tr("出生日期")))
        h.addWidget(self.p_birth, 1)
        g.add("gender", tr("性别"), gender_row)
        self.p_phone = QLineEdit()
        self.p_phone.setPlaceholderText(tr("手机或固定电话"))
        g.add("phone", tr("联系电话"), self.p_phone)
        org_row = QWidget()
        h = QHBoxLayout(org_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.p_org = QCheckBox(tr("是单位"))
        self.p_org.setToolTip(tr("当事人是法人或其他组织"))
        self.p_legal_rep = QLineEdit()
        self.p_legal_rep.setPlaceholderText(tr("法定代表人"))
        self.p_legal_rep.setEnabled(False)
        h.addWidget(self.p_org)
        h.addWidget(self.p_legal_rep, 1)
        g.add("legal_rep", tr("单位"), org_row)
        self.p_ethnicity = QLineEdit()
        self.p_ethnicity.setMaxLength(16)
        self.p_ethnicity.setPlaceholderText(tr("如：汉族"))
        g.add("ethnicity", tr("民族"), self.p_ethnicity)
        self.p_occupation = QLineEdit()
        self.p_occupation.setMaxLength(128)
        self.p_occupation.setPlaceholderText(tr("调解协议书载明"))
        g.add("occupation", tr("职业或工作单位"), self.p_occupation)
        self.p_address = QLineEdit()
        g.add("address", tr("住址"), self.p_address, wide=True)
        # Errors of the gender row belong to its combo.
        self.party_errors.rows["gender"].editor = self.p_gender
        self.party_errors.rows["legal_rep"].editor = self.p_legal_rep
        return editor

    # ------------------------------------------------------------------ the rows

    def reset(self) -> None:
        """One empty row for the main party (and one for the 被申请人 of a dispute)."""
        self.parties = [PartyDraft(wf.main_role(self.kind))]
        if not self.petition:
            self.parties.append(PartyDraft("被申请人"))
        self._current = -1
        self.refresh_table()
        self._select(0)

    def add_party(self) -> None:
        roles = wf.roles_for(self.kind)
        used = {p.role for p in self.parties}
        role = next((r for r in roles if r not in used), roles[-1])
        self.parties.append(PartyDraft(role))
        self.refresh_table()
        self._select(len(self.parties) - 1)
        self.p_name.setFocus()

    def remove_party(self) -> None:
        if len(self.parties) <= 1 or self._current < 0:
            return
        del self.parties[self._current]
        self._current = -1
        self.refresh_table()
        self._select(0)

    def refresh_table(self) -> None:
        self.party_table.blockSignals(True)
        self.party_table.setRowCount(len(self.parties))
        for i, p in enumerate(self.parties):
            self._set_row(i, p)
        self.party_table.blockSignals(False)
        self.remove_party_button.setEnabled(len(self.parties) > 1)

    def _set_row(self, i: int, p: PartyDraft, bad: bool = False) -> None:
        name = p.name or tr("（未填写）")
        if p.is_org:
            name += tr("（单位）")
        for c, text in enumerate((p.role, name, p.id_number, p.phone)):
            item = self.party_table.item(i, c)
            if item is None:
                item = QTableWidgetItem()
                self.party_table.setItem(i, c, item)
            item.setText(text)
            if bad:
                item.setForeground(Qt.GlobalColor.red)
            else:
                item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def _select(self, index: int) -> None:
        self.party_table.selectRow(index)
        if self._current != index:
            self._load_editor(index)

    def _selection_changed(self) -> None:
        rows = {i.row() for i in self.party_table.selectedIndexes()}
        if rows:
            index = min(rows)
            if index != self._current:
                self._load_editor(index)

    # ------------------------------------------------------------------ the editor

    def _editors(self):
        return (self.p_role, self.p_name, self.p_id, self.p_gender, self.p_phone,
                self.p_address, self.p_org, self.p_legal_rep, self.p_ethnicity, self.p_occupation)

    def _load_editor(self, index: int) -> None:
        self._current = index
        p = self.parties[index]
        for w in self._editors():
            w.blockSignals(True)
        forms.set_combo_text(self.p_role, p.role)
        self.p_name.setText(p.name)
        self.p_id.setText(p.id_number)
        forms.set_combo_text(self.p_gender, p.gender)
        self.p_birth.setText(p.birth)
        self.p_phone.setText(p.phone)
        self.p_address.setText(p.address)
        self.p_org.setChecked(p.is_org)
        self.p_legal_rep.setText(p.legal_rep)
        self.p_legal_rep.setEnabled(p.is_org)
        self.p_ethnicity.setText(p.ethnicity)
        self.p_occupation.setText(p.occupation)
        for w in self._editors():
            w.blockSignals(False)
        self.party_errors.clear_errors()
        self.show_hint()

    def editor_changed(self, *_a) -> None:
        """Copy the editor into the selected party's draft and row."""
        if self._current < 0:
            return
        p = self.parties[self._current]
        p.role = self.p_role.currentText()
        p.name = self.p_name.text()
        p.id_number = self.p_id.text().strip().upper()
        p.gender = self.p_gender.currentText()
        p.phone = self.p_phone.text().strip()
        p.address = self.p_address.text()
        p.is_org = self.p_org.isChecked()
        p.legal_rep = self.p_legal_rep.text()
        p.ethnicity = self.p_ethnicity.text()
        p.occupation = self.p_occupation.text()
        self._set_row(self._current, p)
        self.show_hint()

    def _org_toggled(self, on: bool) -> None:
        self.p_legal_rep.setEnabled(on)
        self.editor_changed()

    def _id_changed(self, text: str) -> None:
        row = self.party_errors.rows["id_number"]
        text = text.strip().upper()
        if len(text) == 18:
            try:
                info = v.check_id_number(text)
            except ValueError as exc:
                row.set_error(str(exc))
                self.p_birth.clear()
            else:
                row.set_error(None)
                forms.set_combo_text(self.p_gender, info.gender)
                self.p_birth.setText(info.birth_date.isoformat())
                if self._current >= 0:
                    self.parties[self._current].birth = info.birth_date.isoformat()
                self.editor_changed()
                self.lookup.now()  # a complete ID number: look it up at once
                return
        else:
            row.set_error(None)
            self.p_birth.clear()
            if self._current >= 0:
                self.parties[self._current].birth = ""
        self.editor_changed()

    def _phone_done(self) -> None:
        text = self.p_phone.text().strip()
        row = self.party_errors.rows["phone"]
        if not text:
            row.set_error(None)
            return
        try:
            v.check_phone(text)
        except ValueError as exc:
            row.set_error(str(exc))
        else:
            row.set_error(None)

    # ------------------------------------------------------------------ person look-up

    def _current_draft(self) -> tuple[int, PartyDraft] | None:
        return None if self._current < 0 else (self._current, self.parties[self._current])

    def _found(self, index: int, matches: list) -> None:
        if index >= len(self.parties):
            return
        self.parties[index].matches = matches
        if index == self._current:
            self.show_hint()

    def current_match(self) -> queries.PersonMatch | None:
        if self._current < 0:
            return None
        return self.parties[self._current].match()

    def is_repeat(self, m: queries.PersonMatch | None) -> bool:
        if m is None or not self.petition or self._current < 0:
            return False
        if self.parties[self._current].role != wf.main_role(self.kind):
            return False
        category = self._category()
        return any(c.kind == wf.Kind.PETITION.value and c.category == category
                   for c in m.cases) and bool(category)

    def show_hint(self, *_a) -> None:
        m = self.current_match()
        if m is None:
            self.hint.hide()
            return
        p = self.parties[self._current]
        same = (m.name == p.name.strip() and (m.id_number or "") == p.id_number
                and (m.phone or "") == p.phone)
        recent = queries.recent_petitions(m, self.ctx.today())
        if self.hint.show_match(m, self.is_repeat(m), can_use=not same, recent_petitions=recent):
            self.hint_appeared.emit()

    def use_match(self) -> None:
        m = self.current_match()
        if m is None:
            return
        p = self.parties[self._current]
        p.name, p.id_number, p.gender = m.name, m.id_number or "", m.gender or ""
        p.birth = m.birth_date.isoformat() if m.birth_date else ""
        p.phone, p.address = m.phone or p.phone, m.address or p.address
        p.is_org, p.legal_rep = m.is_org, m.legal_rep or ""
        self._load_editor(self._current)
        self._set_row(self._current, p)

    # ------------------------------------------------------------------ saving

    def problems(self) -> list[tuple]:
        """The obvious problems of the parties: (row or None, field, message)."""
        out = []
        for i, p in enumerate(self.parties):
            if not self.petition and i > 0 and p.is_blank():
                continue  # an entirely empty extra row is left out; half filled is refused
            out += [(i, pr.field, pr.message) for pr in check_party(p)]
        main = wf.main_role(self.kind)
        if not any(p.role == main for p in self.parties):
            out.append((None, "parties", tr("至少需要一位{0}").format(main)))
        return out

    def inputs(self) -> list[services.PartyInput]:
        return [self.parties[i].to_input() for i in kept_rows(self.parties, self.petition)]

    def show_problems(self, party_problems: list[tuple]) -> None:
        """The first party with a problem selected so its fields show them; the others'
        problems in the general line, rows with problems in red."""
        self.refresh_table()
        bad = sorted({i for i, _f, _m in party_problems if i is not None})
        for i in bad:
            self._set_row(i, self.parties[i], bad=True)
        if bad:
            self._select(bad[0])
        shown: list[Problem] = []
        for i, f, message in party_problems:
            if i is not None and bad and i == bad[0] and f in self.party_errors.rows:
                shown.append(Problem(f, message))
            else:
                prefix = tr("当事人{0}（{1}）：").format(i + 1, self.parties[i].role) \
                    if i is not None else ""
                shown.append(Problem("", prefix + message))
        self.party_errors.set_errors(shown)

    def has_input(self) -> bool:
        return any(not p.is_blank() for p in self.parties)

    def current_index(self) -> int:
        """The party shown in the editor (-1 when none)."""
        return self._current


__all__ = ["PartiesBox"]
