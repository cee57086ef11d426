"""设置 → 单位信息: the office's names and contact as they appear in the title, on documents and reports."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from caseapp.storage.settings import OfficeSettings
from ui.i18n import tr
from ui.pages.settings.fields import NAME_MAX, form_layout, line_edit, muted

# OfficeSettings field -> (label, placeholder, longest), in the order shown.
OFFICE_FIELDS = {
    "office_name": ("单位名称", "如：涪陵高新区矛盾纠纷调解办", NAME_MAX),
    "committee_name": ("人民调解委员会全称", "如：马鞍街道人民调解委员会", NAME_MAX),
    "petition_organ": ("信访事项处理机关", "印在受理告知书上；留空则使用单位名称", NAME_MAX),
    "contact_person": ("联系人", "印在告知书上，如：周志强", 32),
    "contact_phone": ("联系电话", "印在告知书上，如：023-72281234", 20),
    "report_header": ("报表抬头", "留空则使用单位名称", 128),
    "dossier_retention": ("卷宗保管期限", "印在卷宗封面上；留空则为10年", 8),
}


class OfficeTab(QWidget):
    """单位名称, 调解委员会名称, 信访事项处理机关, 联系人与电话, 报表抬头; saved with the other fields by
    保存设置 (a refusal, such as a wrong phone, is named in the page's message line)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = lay = form_layout(self)  # the column of fields (others add below them)
        form = QFormLayout()
        form.setSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.edits: dict[str, QLineEdit] = {}
        for name, (label, placeholder, longest) in OFFICE_FIELDS.items():
            edit = line_edit(self, tr(placeholder), max_len=longest)
            form.addRow(tr(label), edit)
            edit.textChanged.connect(self.edited)
            self.edits[name] = edit
        # The names the page and the tests use.
        self.office_name = self.edits["office_name"]
        self.committee_name = self.edits["committee_name"]
        self.report_header = self.edits["report_header"]
        lay.addLayout(form)
        lay.addWidget(muted(tr("单位名称显示在窗口标题和打印件上；调解委员会名称（全称）用于调解协议书等文书；"
                               "信访事项处理机关、联系人和联系电话印在受理告知书和不予受理告知书上；"
                               "报表抬头印在统计报表的标题上方。"), self))
        lay.addStretch(1)

    def fill(self, s: OfficeSettings) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(s, name))

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        """``s`` with this tab's fields as the form shows them."""
        return replace(s, **{name: edit.text().strip() for name, edit in self.edits.items()})
