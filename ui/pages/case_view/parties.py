"""The 当事人 tab: the parties with ID numbers and phones masked, and 显示 beside each for a
role that may reveal them (each reveal is logged); 添加当事人 / 修改 / 移除 above them, each an act
(greyed with the reason when the case is closed or the user's role may not)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget, QVBoxLayout, QWidget

from caseapp import queries
from caseapp import workflow as wf
from caseapp.services import privacy
from caseapp.workflow import Act
from ui.dialogs.acts.base import ActDialog
from ui.dialogs.acts.party import PartyDialog, RemovePartyDialog
from ui.i18n import tr
from ui.pages.case_view.act_bar import role_may
from ui.pages.case_view.common import fill_table, set_widths, setup_table
from ui.widgets import forms

if TYPE_CHECKING:
    from ui.context import AppContext

ID_COLUMN, PHONE_COLUMN = 3, 4


class PartiesTable(QTableWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: int | None = None
        setup_table(self, [tr("身份"), tr("姓名/名称"), tr("性别"), tr("身份证号"),
                           tr("联系电话"), tr("住址"), ""])
        header = self.horizontalHeader()
        header.setStretchLastSection(False)  # the address stretches, not the 显示 column
        self.setWordWrap(False)  # one line per party, the button fits its row
        header.setSectionResizeMode(5, header.ResizeMode.Stretch)
        self.setColumnWidth(6, 64)
        set_widths(self, (80, 110, 50, 180, 120))

    def show_case(self, d: queries.CaseDetail, may_reveal: bool) -> None:
        self.case_id = d.id
        rows = []
        for p in d.parties:
            name = p.name
            if p.is_org:
                name += tr("（单位{0}）").format(
                    tr("，法定代表人：{0}").format(p.legal_rep) if p.legal_rep else "")
            rows.append([p.role, name, p.gender or "", p.id_number or "", p.phone or "",
                         p.address or ""])
        fill_table(self, rows)
        self._add_reveal_buttons(d, may_reveal)

    def _add_reveal_buttons(self, d: queries.CaseDetail, may: bool) -> None:
        column = self.columnCount() - 1
        for row, p in enumerate(d.parties):
            if not may or not (p.id_number or p.phone):
                self.removeCellWidget(row, column)
                continue
            button = QPushButton(tr("显示"))
            button.setAutoDefault(False)
            button.setToolTip(tr("显示完整的身份证号和电话（将记入操作日志）"))
            button.clicked.connect(lambda _c=False, r=row, pid=p.person_id: self.reveal(r, pid))
            self.setCellWidget(row, column, button)

    def reveal(self, row: int, person_id: int) -> None:
        case_id = self.case_id

        def shown(values: tuple[str, str]) -> None:
            if self.case_id != case_id or row >= self.rowCount():
                return
            for column, value in ((ID_COLUMN, values[0]), (PHONE_COLUMN, values[1])):
                self.item(row, column).setText(value)
            self.removeCellWidget(row, self.columnCount() - 1)

        # Not an act to broadcast: it changes no case (only the log), and a reload would
        # mask the values again.
        self.ctx.runner.run(self, privacy.reveal_party, self.ctx.db, self.ctx.actor, case_id,
                            person_id, on_done=shown,
                            on_error=lambda exc: forms.report_error(self, exc))


class PartiesTab(QWidget):
    """The buttons and the table; the acts run from here and the broadcast reloads the view."""

    dialog_opened = Signal(object)  # the party dialog, once open (tests and screenshots)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.detail: queries.CaseDetail | None = None
        self.active_dialog: ActDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.add_button = QPushButton(tr("添加当事人"))
        self.edit_button = QPushButton(tr("修改"))
        self.remove_button = QPushButton(tr("移除"))
        self.buttons = {Act.ADD_PARTY: self.add_button, Act.EDIT_PARTY: self.edit_button,
                        Act.REMOVE_PARTY: self.remove_button}
        for act, button in self.buttons.items():
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, a=act: self.start(a))
            button.setEnabled(False)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = PartiesTable(ctx, self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.start(Act.EDIT_PARTY))
        layout.addWidget(self.table, 1)

    def show_case(self, d: queries.CaseDetail, may_reveal: bool) -> None:
        keep = self.selected_party()
        same_case = self.detail is not None and self.detail.id == d.id
        self.detail = d
        self.table.show_case(d, may_reveal)
        rows = [p.party_id for p in d.parties]
        if same_case and keep is not None and keep.party_id in rows:
            self.table.selectRow(rows.index(keep.party_id))
        self._update_buttons()

    def selected_party(self) -> queries.PartyInfo | None:
        if self.detail is None:
            return None
        rows = {i.row() for i in self.table.selectedIndexes()}
        if not rows or min(rows) >= len(self.detail.parties):
            return None
        return self.detail.parties[min(rows)]

    def reason(self, act: Act) -> str:
        """Why ``act`` cannot be done now ("" when it can)."""
        d = self.detail
        if d is None:
            return tr("正在载入……")
        if not role_may(self.ctx, d, act):
            return tr("您的账户无权{0}").format(tr(wf.ACT_LABELS[act], "act"))
        if act.value not in d.allowed_acts:
            if d.status == wf.Status.CLOSED.value:
                return tr("已办结的案件不能{0}；如需更正，请先重新打开").format(
                    tr(wf.ACT_LABELS[act], "act"))
            return tr("当前状态为「{0}」，不能{1}").format(tr(d.status_label),
                                                       tr(wf.ACT_LABELS[act], "act"))
        if act is Act.ADD_PARTY:
            return ""
        party = self.selected_party()
        if party is None:
            return tr("请先在下表中选择一位当事人")
        main = wf.main_role(d.kind)
        if act is Act.REMOVE_PARTY and party.role == main \
                and sum(p.role == main for p in d.parties) == 1:
            return tr("{0}是本案唯一的{1}，不能移除").format(party.name, main)
        return ""

    def _update_buttons(self) -> None:
        for act, button in self.buttons.items():
            why = self.reason(act)
            button.setEnabled(not why)
            button.setToolTip(why or tr(wf.ACT_LABELS[act], "act"))

    def start(self, act: Act) -> None:
        d, party = self.detail, self.selected_party()
        if d is None or self.reason(act):
            return
        if act is Act.ADD_PARTY:
            dialog: ActDialog = PartyDialog(self.ctx, d, None, self)
        elif party is None:
            return
        elif act is Act.EDIT_PARTY:
            dialog = PartyDialog(self.ctx, d, party, self)
        else:
            dialog = RemovePartyDialog(self.ctx, d, party, self)
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _closed(self, dialog: ActDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()


__all__ = ["PartiesTab", "PartiesTable"]
