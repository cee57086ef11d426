"""The 当事人 tab: the parties with ID numbers and phones masked, and 显示 beside each for a
role that may reveal them (each reveal is logged)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QTableWidget, QWidget

from caseapp import queries
from caseapp.services import privacy
from ui.i18n import tr
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


__all__ = ["PartiesTable"]
