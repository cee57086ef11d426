"""Intake of a petition (信访件) or a dispute (矛盾纠纷): the case fields, the parties, a look-up
of people already known, and 保存 / 保存并新建.

Obvious mistakes are caught here and shown beside their field; the rest come back from
services.register_* as a ValidationError and are shown the same way. Nothing is saved while
anything is wrong: the service call is one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseapp import queries, services
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.queries import lookups
from ui.i18n import tr
from ui.style import DUE_SOON
from ui.widgets import forms
from ui.widgets.forms import FormGrid, InlineErrors

LOOKUP_DELAY_MS = 300
CASE_FIELDS = ("received_on", "source", "category", "summary", "details", "street",
               "community", "handler", "people_count", "amount", "petition_type",
               "group_size", "via_proxy", "mediators", "number")
PARTY_FIELDS = ("role", "name", "id_number", "gender", "phone", "address", "legal_rep")
_PARTY_PREFIX = re.compile(r"^当事人(\d*)(?:：|(?=的))")


# ---------------------------------------------------------------------------
# Choices offered by the forms (read on the runner).


@dataclass(frozen=True)
class Choices:
    categories: tuple[str, ...]
    dispute_categories: tuple[str, ...]
    streets: tuple[str, ...]
    handlers: tuple[str, ...]
    mediators: tuple[str, ...]

    @classmethod
    def defaults(cls, kind: str) -> Choices:
        cats = (wf.DEFAULT_PETITION_CATEGORIES if kind == wf.Kind.PETITION.value
                else wf.DEFAULT_DISPUTE_CATEGORIES)
        return cls(cats, wf.DEFAULT_DISPUTE_CATEGORIES, (), (), ())


def load_choices(db, kind: str) -> Choices:
    """Worker side: active categories, streets, handlers and mediators of the office."""
    settings = db.settings()
    categories = tuple(c.name for c in lookups.list_categories(db, kind, include_retired=False))
    if kind == wf.Kind.DISPUTE.value:
        dispute_categories = categories
    else:
        dispute_categories = tuple(
            c.name for c in lookups.list_categories(db, wf.Kind.DISPUTE.value,
                                                    include_retired=False))
    # Handlers the office listed, then any others already in use (the combos stay editable).
    handlers = tuple(dict.fromkeys(tuple(settings.handlers)
                                   + tuple(queries.distinct_values(db, "handler"))))
    return Choices(categories, dispute_categories, tuple(settings.streets), handlers,
                   tuple(settings.mediators))


# ---------------------------------------------------------------------------
# Parties being typed in.


@dataclass
class PartyDraft:
    role: str
    name: str = ""
    id_number: str = ""
    gender: str = ""
    birth: str = ""
    phone: str = ""
    address: str = ""
    is_org: bool = False
    legal_rep: str = ""
    matches: list = field(default_factory=list)  # queries.PersonMatch of the last look-up

    def is_blank(self) -> bool:
        return not (self.name or self.id_number or self.phone or self.address)

    def to_input(self) -> services.PartyInput:
        return services.PartyInput(
            name=self.name.strip(), role=self.role, id_number=self.id_number.strip() or None,
            phone=self.phone.strip() or None, address=self.address.strip() or None,
            gender=self.gender or None, is_org=self.is_org,
            legal_rep=self.legal_rep.strip() or None)


def check_party(p: PartyDraft) -> list[Problem]:
    """The obvious checks of one party, before the service sees it."""
    problems = []
    if not p.name.strip():
        problems.append(Problem("name", tr("姓名或名称必须填写")))
    if p.id_number.strip():
        try:
            v.check_id_number(p.id_number)
        except ValueError as exc:
            problems.append(Problem("id_number", str(exc)))
    if p.phone.strip():
        try:
            v.check_phone(p.phone)
        except ValueError as exc:
            problems.append(Problem("phone", str(exc)))
    return problems


def match_text(m: queries.PersonMatch, limit: int = 3) -> str:
    """已登记过：张秀英（女，1955-07-14），既往案件 2 件：（2026）信字第0003号 劳动社保 已办结 …"""
    facts = [x for x in (m.gender, m.birth_date.isoformat() if m.birth_date else None) if x]
    who = m.name + (f"（{'，'.join(facts)}）" if facts else "")
    lead = tr("已登记过：") if m.matched_by != "name" else tr("有同名人员：")
    if not m.cases:
        return lead + who + tr("，暂无既往案件")
    cases = "；".join(f"{c.number} {c.category} {c.status_label}" for c in m.cases[:limit])
    more = " …" if len(m.cases) > limit else ""
    return lead + who + tr("，既往案件 {0} 件：").format(len(m.cases)) + cases + more


# ---------------------------------------------------------------------------


class IntakeDialog(QDialog):
    saved = Signal(int)

    def __init__(self, ctx, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = wf.Kind(kind).value
        self.petition = self.kind == wf.Kind.PETITION.value
        self.choices = Choices.defaults(self.kind)
        self.last_saved: services.CaseRef | None = None
        self.parties: list[PartyDraft] = []
        self._current = -1
        self._lookup_token = 0
        self._saving = False
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self._lookup)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(lambda: self.status_label.clear())
        self.setWindowTitle(tr("新建信访件") if self.petition else tr("新建矛盾纠纷"))
        self._build()
        self._reset_parties()
        self.resize(1000, 700)
        ctx.runner.run(self, load_choices, ctx.db, self.kind, on_done=self._choices_loaded,
                       on_error=lambda _e: None)  # the defaults above still work

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.windowTitle())
        title.setProperty("role", "title")
        outer.addWidget(title)
        self.general = forms.error_label()
        outer.addWidget(self.general)
        self.errors = InlineErrors(self.general)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(10)
        body.addWidget(self._build_case_box())
        body.addWidget(self._build_party_box())
        body.addStretch(1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)

        bar = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #1a7f37; font-weight: bold;")
        bar.addWidget(self.status_label)
        self.problem_count = forms.error_label()
        self.problem_count.setWordWrap(False)
        bar.addWidget(self.problem_count)
        bar.addStretch(1)
        self.save_button = QPushButton(tr("保存"))
        self.save_button.setProperty("primary", True)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(tr("保存并关闭（Ctrl+S）"))
        self.save_button.clicked.connect(lambda: self.save(new_after=False))
        self.save_new_button = QPushButton(tr("保存并新建"))
        self.save_new_button.setAutoDefault(False)
        self.save_new_button.setToolTip(tr("保存后接着登记下一件（Ctrl+Shift+S）"))
        self.save_new_button.clicked.connect(lambda: self.save(new_after=True))
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.save_button, self.save_new_button, self.cancel_button):
            bar.addWidget(b)
        outer.addLayout(bar)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save(False))
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, activated=lambda: self.save(True))

    def _build_case_box(self) -> QGroupBox:
        box = QGroupBox(tr("案件信息"))
        g = self.case_grid = FormGrid(self.errors, columns=2)
        box.setLayout(g)
        today = self.ctx.today()
        self.received_on = forms.date_edit(today, maximum=today)
        g.add("received_on", tr("登记日期"), self.received_on, required=True)
        self.source = forms.combo(wf.sources_for(self.kind), blank=True)
        forms.set_combo_text(self.source, "来访" if self.petition else "当事人申请")
        g.add("source", tr("信访渠道") if self.petition else tr("来源"), self.source)
        self.category = forms.combo(self.choices.categories, blank=True)
        self.category.currentTextChanged.connect(self._show_hint)
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
            g.add("group_size", tr("其他"), group)
        return box

    def _build_party_box(self) -> QGroupBox:
        box = QGroupBox(tr("当事人"))
        v_ = QVBoxLayout(box)
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
        self.p_address = QLineEdit()
        g.add("address", tr("住址"), self.p_address, wide=True)
        # Errors of the gender row belong to its combo.
        self.party_errors.rows["gender"].editor = self.p_gender
        self.party_errors.rows["legal_rep"].editor = self.p_legal_rep
        v_.addWidget(editor)

        self.hint = QFrame()
        self.hint.setProperty("card", True)
        self.hint.setObjectName("personHint")
        self.hint.setStyleSheet("QFrame#personHint { background: #f6f8fa; }")
        hv = QHBoxLayout(self.hint)
        hv.setContentsMargins(10, 8, 10, 8)
        text_box = QVBoxLayout()
        self.repeat_flag = QLabel(tr("⚠ 可能为重复信访"))
        self.repeat_flag.setStyleSheet(f"color: {DUE_SOON}; font-weight: bold;")
        self.repeat_flag.hide()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        text_box.addWidget(self.repeat_flag)
        text_box.addWidget(self.hint_label)
        hv.addLayout(text_box, 1)
        self.use_person_button = QPushButton(tr("使用此人"))
        self.use_person_button.setAutoDefault(False)
        self.use_person_button.clicked.connect(self.use_match)
        hv.addWidget(self.use_person_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hint.hide()
        v_.addWidget(self.hint)

        self.p_role.currentTextChanged.connect(self._editor_changed)
        self.p_name.textChanged.connect(self._editor_changed)
        self.p_name.textEdited.connect(lambda _t: self._lookup_timer.start())
        self.p_id.textChanged.connect(self._id_changed)
        self.p_gender.currentTextChanged.connect(self._editor_changed)
        self.p_phone.textChanged.connect(self._editor_changed)
        self.p_phone.editingFinished.connect(self._phone_done)
        self.p_address.textChanged.connect(self._editor_changed)
        self.p_org.toggled.connect(self._org_toggled)
        self.p_legal_rep.textChanged.connect(self._editor_changed)
        return box

    def _choices_loaded(self, choices: Choices) -> None:
        self.choices = choices
        forms.set_combo_items(self.category, choices.categories, blank=True)
        forms.set_combo_items(self.street, choices.streets)
        if not self.street.currentText():
            self.street.setCurrentIndex(-1)
        forms.set_combo_items(self.handler, choices.handlers)
        if not self.handler.currentText():
            self.handler.setCurrentIndex(-1)
        if not self.petition:
            forms.set_combo_items(self.mediators, choices.mediators)
            if not self.mediators.currentText():
                self.mediators.setCurrentIndex(-1)

    # ------------------------------------------------------------------ parties

    def _reset_parties(self) -> None:
        self.parties = [PartyDraft(wf.main_role(self.kind))]
        if not self.petition:
            self.parties.append(PartyDraft("被申请人"))
        self._current = -1
        self._refresh_party_table()
        self._select(0)

    def add_party(self) -> None:
        roles = wf.roles_for(self.kind)
        used = {p.role for p in self.parties}
        role = next((r for r in roles if r not in used), roles[-1])
        self.parties.append(PartyDraft(role))
        self._refresh_party_table()
        self._select(len(self.parties) - 1)
        self.p_name.setFocus()

    def remove_party(self) -> None:
        if len(self.parties) <= 1 or self._current < 0:
            return
        del self.parties[self._current]
        self._current = -1
        self._refresh_party_table()
        self._select(0)

    def _refresh_party_table(self) -> None:
        self.party_table.blockSignals(True)
        self.party_table.setRowCount(len(self.parties))
        for i, p in enumerate(self.parties):
            self._set_party_row(i, p)
        self.party_table.blockSignals(False)
        self.remove_party_button.setEnabled(len(self.parties) > 1)

    def _set_party_row(self, i: int, p: PartyDraft, bad: bool = False) -> None:
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

    def _editors(self):
        return (self.p_role, self.p_name, self.p_id, self.p_gender, self.p_phone,
                self.p_address, self.p_org, self.p_legal_rep)

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
        for w in self._editors():
            w.blockSignals(False)
        self.party_errors.clear_errors()
        self._show_hint()

    def _editor_changed(self, *_a) -> None:
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
        self._set_party_row(self._current, p)
        self._show_hint()

    def _org_toggled(self, on: bool) -> None:
        self.p_legal_rep.setEnabled(on)
        self._editor_changed()

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
                self._editor_changed()
                self._lookup_timer.stop()
                self._lookup()  # a complete ID number: look it up at once
                return
        else:
            row.set_error(None)
            self.p_birth.clear()
            if self._current >= 0:
                self.parties[self._current].birth = ""
        self._editor_changed()

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

    def _lookup(self) -> None:
        if self._current < 0:
            return
        p = self.parties[self._current]
        id_number = p.id_number if len(p.id_number) == 18 else None
        name = p.name.strip() or None
        if not id_number and not name:
            p.matches = []
            self._show_hint()
            return
        self._lookup_token += 1
        token, index = self._lookup_token, self._current
        self.ctx.runner.run(self, queries.find_persons, self.ctx.db, id_number=id_number, name=name,
                            phone=p.phone or None, limit=5,
                            on_done=lambda found: self._found(token, index, found),
                            on_error=lambda _e: None)  # a hint is a help, never an error

    def _found(self, token: int, index: int, found) -> None:
        if token != self._lookup_token or index >= len(self.parties):
            return
        self.parties[index].matches = list(found)
        if index == self._current:
            self._show_hint()

    def current_match(self) -> queries.PersonMatch | None:
        if self._current < 0:
            return None
        p = self.parties[self._current]
        for m in p.matches:
            if m.id_number and m.id_number == p.id_number:
                return m
        # A name match only while the ID number typed does not say otherwise.
        if p.id_number and len(p.id_number) == 18:
            return None
        return next((m for m in p.matches if m.name == p.name.strip()), None)

    def is_repeat(self, m: queries.PersonMatch | None) -> bool:
        if m is None or not self.petition or self._current < 0:
            return False
        if self.parties[self._current].role != wf.main_role(self.kind):
            return False
        category = self.category.currentText()
        return any(c.kind == wf.Kind.PETITION.value and c.category == category
                   for c in m.cases) and bool(category)

    def _show_hint(self, *_a) -> None:
        m = self.current_match()
        if m is None:
            self.hint.hide()
            return
        self.hint_label.setText(match_text(m))
        self.repeat_flag.setVisible(self.is_repeat(m))
        p = self.parties[self._current]
        same = (m.name == p.name.strip() and (m.id_number or "") == p.id_number
                and (m.phone or "") == p.phone)
        self.use_person_button.setEnabled(not same)
        if self.hint.isHidden():
            self.hint.show()
            # The hint sits under the party editor: bring it into view when it appears.
            QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.hint, 0, 8))

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
        self._set_party_row(self._current, p)

    # ------------------------------------------------------------------ saving

    def _collect(self) -> tuple[services.CaseInput | None, list[Problem], list[tuple]]:
        """The input, the case problems and the party problems (index, field, message)."""
        problems: list[Problem] = []
        summary = self.summary.text().strip()
        if not summary:
            problems.append(Problem("summary", tr("事项摘要必须填写")))
        category = self.category.currentText()
        if not category:
            problems.append(Problem("category", tr("请选择类别")))
        received_on = forms.date_value(self.received_on)
        if received_on > self.ctx.today():
            problems.append(Problem("received_on", tr("登记日期不能晚于今天")))
        people = amount = None
        try:
            people = v.parse_people(self.people_count.text())
        except ValueError as exc:
            problems.append(Problem("people_count", str(exc)))
        try:
            amount = v.parse_amount(self.amount.text())
        except ValueError as exc:
            problems.append(Problem("amount", str(exc)))
        party_problems = []
        for i, p in enumerate(self.parties):
            if not self.petition and i > 0 and p.is_blank():
                continue  # an unfilled 被申请人 row is left out, not refused
            party_problems += [(i, pr.field, pr.message) for pr in check_party(p)]
        if not any(p.role == wf.main_role(self.kind) for p in self.parties):
            party_problems.append((None, "parties",
                                   tr("至少需要一位{0}").format(wf.main_role(self.kind))))
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
        return data, problems, party_problems

    def party_inputs(self) -> list[services.PartyInput]:
        return [p.to_input() for i, p in enumerate(self.parties)
                if self.petition or i == 0 or not p.is_blank()]

    def save(self, new_after: bool = False) -> None:
        if self._saving:
            return
        self._editor_changed()
        data, problems, party_problems = self._collect()
        if problems or party_problems:
            self.show_problems(problems, party_problems)
            return
        self.errors.clear_errors()
        self.party_errors.clear_errors()
        self.problem_count.hide()
        self._refresh_party_table()
        fn = services.register_petition if self.petition else services.register_dispute
        self._set_saving(True)
        self.ctx.runner.run(self, fn, self.ctx.db, self.ctx.actor, data, self.party_inputs(),
                            on_done=lambda ref: self._saved(ref, new_after),
                            on_error=self._save_failed)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for b in (self.save_button, self.save_new_button):
            b.setEnabled(not saving)

    def _saved(self, ref: services.CaseRef, new_after: bool) -> None:
        self._set_saving(False)
        self.last_saved = ref
        self.status_label.setText(tr("已保存：{0}").format(ref.number))
        self._status_timer.start(8000)
        self.saved.emit(ref.id)
        self.ctx.notify_changed((ref.id,))
        if new_after:
            self.clear_case()
        else:
            super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if not isinstance(exc, ValidationError):
            forms.report_error(self, exc)
            return
        case_problems, party_problems = [], []
        for p in exc.problems:
            if p.field in ("parties", "id_number", "phone", "name"):
                index, message = None, p.message
                m = _PARTY_PREFIX.match(message)
                if m:
                    number = int(m.group(1) or 1)
                    index = number - 1
                    message = message[m.end():].lstrip("：")
                field_name = p.field if p.field != "parties" else "name"
                if p.field == "parties" and index is None:
                    field_name = "parties"
                party_problems.append((index, field_name, message))
            else:
                case_problems.append(p)
        # The service numbers the parties it was given; map back to the rows on screen.
        kept = [i for i, p in enumerate(self.parties)
                if self.petition or i == 0 or not p.is_blank()]
        party_problems = [(kept[i] if i is not None and i < len(kept) else None, f, m)
                          for i, f, m in party_problems]
        self.show_problems(case_problems, party_problems)

    def show_problems(self, problems: list[Problem], party_problems: list[tuple]) -> None:
        """Case problems beside their fields; party problems beside the party editor, the
        first party with a problem selected so its fields show them."""
        self.errors.set_errors(problems)
        total = len(problems) + len(party_problems)
        self.problem_count.setText(tr("有 {0} 处需要修改，见标红的项目").format(total))
        self.problem_count.setVisible(bool(total))
        self._refresh_party_table()
        bad = sorted({i for i, _f, _m in party_problems if i is not None})
        for i in bad:
            self._set_party_row(i, self.parties[i], bad=True)
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
        if problems:
            first = next((self.errors.rows[p.field] for p in problems
                          if p.field in self.errors.rows), None)
            if first is not None:
                first.editor.setFocus()

    def clear_case(self) -> None:
        """保存并新建: empty the case and the parties, keep 登记日期 and the channel."""
        self.problem_count.hide()
        self.errors.clear_errors()
        self.party_errors.clear_errors()
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
        self._reset_parties()
        self.summary.setFocus()

    def is_dirty(self) -> bool:
        typed = (self.summary.text(), self.details.toPlainText(), self.community.text(),
                 self.people_count.text(), self.amount.text())
        return any(t.strip() for t in typed) or any(not p.is_blank() for p in self.parties)

    def reject(self) -> None:
        if self.is_dirty() and not forms.confirm(self, tr("放弃已填写的内容吗？")):
            return
        super().reject()


# ---------------------------------------------------------------------------
# Screenshots.


def _known_person(db, today: date):
    """Worker side: a petitioner with earlier petitions, for the look-up screenshot."""
    flt = queries.CaseFilter(kind="petition", today=today)
    for case_id in queries.case_ids(db, flt)[:300]:
        d = queries.case_detail(db, case_id, today)
        for p in d.parties:
            if p.role == "信访人" and p.id_number:
                found = queries.find_persons(db, id_number=p.id_number)
                if found and len(found[0].cases) >= 2:
                    return p.id_number, d.category
    return None


def screenshot_states(ctx) -> list[tuple[str, QWidget]]:
    from ui.pages.case_view import _spin

    out: list[tuple[str, QWidget]] = []
    dialog = IntakeDialog(ctx, "petition")
    dialog.show()  # laid out, so the hint can be scrolled into view
    _spin(ctx)
    found: list = []
    ctx.runner.run(None, _known_person, ctx.db, ctx.today(), on_done=found.append)
    _spin(ctx)
    if found and found[0]:
        id_number, category = found[0]
        forms.set_combo_text(dialog.category, category)
        dialog.summary.setText(tr("反映小区物业收费不合理，要求重新核定"))
        dialog.p_id.setText(id_number)
        _spin(ctx)
        QApplication.processEvents()
        dialog.scroll.ensureWidgetVisible(dialog.hint, 0, 8)
    out.append(("intake_petition_lookup", dialog))
    bad = IntakeDialog(ctx, "petition")
    bad.show()
    _spin(ctx)
    bad.p_name.setText("张秀英")
    bad.p_id.setText("500102195507142463")
    bad.p_phone.setText("1380000")
    bad.save()
    out.append(("intake_petition_errors", bad))
    dispute = IntakeDialog(ctx, "dispute")
    _spin(ctx)
    out.append(("intake_dispute", dispute))
    return out


__all__ = ["Choices", "IntakeDialog", "PartyDraft", "load_choices", "match_text",
           "screenshot_states"]
