"""设置 → 单位信息: the office's names as they appear in the title, on documents and reports."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from caseapp.storage.settings import OfficeSettings
from ui.i18n import tr
from ui.pages.settings.fields import form_layout, line_edit, muted


class OfficeTab(QWidget):
    """单位名称, 调解委员会名称, 报表抬头; saved with the other fields by 保存设置."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        lay = form_layout(self)
        form = QFormLayout()
        form.setSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.office_name = line_edit(self, tr("如：涪陵高新区矛盾纠纷调解办"))
        self.committee_name = line_edit(self, tr("如：马鞍街道人民调解委员会"))
        self.report_header = line_edit(self, tr("留空则使用单位名称"))
        form.addRow(tr("单位名称"), self.office_name)
        form.addRow(tr("调解委员会名称"), self.committee_name)
        form.addRow(tr("报表抬头"), self.report_header)
        for edit in (self.office_name, self.committee_name, self.report_header):
            edit.textChanged.connect(self.edited)
        lay.addLayout(form)
        lay.addWidget(muted(tr("单位名称显示在窗口标题和打印件上；调解委员会名称用于调解协议书等文书；"
                               "报表抬头印在统计报表的标题上方。"), self))
        lay.addStretch(1)

    def fill(self, s: OfficeSettings) -> None:
        self.office_name.setText(s.office_name)
        self.committee_name.setText(s.committee_name)
        self.report_header.setText(s.report_header)

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        """``s`` with this tab's fields as the form shows them."""
        return replace(s, office_name=self.office_name.text().strip(),
                       committee_name=self.committee_name.text().strip(),
                       report_header=self.report_header.text().strip())
