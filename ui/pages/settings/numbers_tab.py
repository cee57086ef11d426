"""设置 → 编号格式: the case number templates, checked and previewed while typing."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from caseapp.storage.settings import OfficeSettings, format_number
from ui.i18n import tr
from ui.pages.settings.fields import NUMBER_MAX, error_label, form_layout, line_edit, mark, muted

KINDS = ("petition", "dispute")


def check_number_format(template: str, year: int, seq: int,
                        kind: str = "petition") -> tuple[str, str]:
    """(example, error) for a number template; the same rule services.save_settings applies."""
    try:
        example = format_number(template, year, seq)
        other = format_number(template, year, seq + 1)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError):
        return "", tr("格式有误：只能使用 {year} 和 {seq}（如 {seq:04d}），花括号须成对")
    if not template.strip() or example == other:
        sample = OfficeSettings().number_format(kind)
        return "", tr("编号格式须含 {seq}，例如 ") + sample
    if len(example) > NUMBER_MAX:
        return "", tr("编号过长，不能超过{n}个字").format(n=NUMBER_MAX)
    return example, ""


class NumbersTab(QWidget):
    """One template per kind, with the next number it gives (or what is wrong with it)."""

    edited = Signal()

    def __init__(self, year: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.year = year
        self.next_seq: dict[str, int] = {}  # kind -> the next sequence number this year
        lay = form_layout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.edits: dict[str, QLineEdit] = {}
        self.previews: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        row = 0
        for kind, label in (("petition", tr("信访件编号格式")), ("dispute", tr("矛盾纠纷编号格式"))):
            edit = line_edit(self, max_len=NUMBER_MAX * 2)
            edit.textChanged.connect(self.edited)
            edit.textChanged.connect(lambda _t, k=kind: self.check(k))
            preview = muted("", self)
            error = error_label(self)
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(edit, row, 1)
            grid.addWidget(preview, row + 1, 1)
            grid.addWidget(error, row + 2, 1)
            grid.setRowMinimumHeight(row + 3, 14)
            self.edits[kind], self.previews[kind], self.errors[kind] = edit, preview, error
            row += 4
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        lay.addWidget(muted(tr(
            "{year} 填入登记年份；{seq:04d} 填入四位顺序号（不足四位前面补0），{seq} 不补0。"
            "顺序号每年从1开始。修改格式只影响以后登记的案件，已有编号不变。"), self))
        lay.addStretch(1)

    def fill(self, s: OfficeSettings) -> None:
        for kind in KINDS:
            self.edits[kind].setText(s.number_format(kind))

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        return replace(s, petition_number_format=self.edits["petition"].text().strip(),
                       dispute_number_format=self.edits["dispute"].text().strip())

    def check(self, kind: str) -> bool:
        """Show the next number, or what is wrong, under the template; True when it is good."""
        edit = self.edits[kind]
        example, error = check_number_format(edit.text().strip(), self.year,
                                             self.next_seq.get(kind, 1), kind)
        mark(edit, self.errors[kind], error)
        preview = self.previews[kind]
        preview.setText(tr("下一个编号示例：{number}").format(number=example) if example else "")
        preview.setVisible(bool(example))
        return not error

    def check_all(self) -> list[str]:
        """The kinds whose template is wrong (each marked beside its field)."""
        return [kind for kind in KINDS if not self.check(kind)]

    def show_problem(self, kind: str, message: str) -> None:
        """A refusal from services.save_settings, beside the template it names."""
        mark(self.edits[kind], self.errors[kind], message)
        self.previews[kind].hide()
