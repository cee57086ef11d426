"""设置 → 填报表格: which row of a superior's form (the 矛盾纠纷排查情况表's categories) each
dispute type is counted in, for the placeholders ``{{form[行名].disputes.…}}`` (docs/forms.md)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from caseapp.figures.forms import FORM_ROWS
from caseapp.storage.settings import DEFAULT_FORM_ROWS, OfficeSettings
from ui.i18n import tr
from ui.pages.settings.mapping_table import MappingTab

NOT_COUNTED = ""  # the combo's data for a type counted in no row


class FormsTab(MappingTab):
    """One row per dispute type: the type and a combo of the form's rows."""

    fallback = NOT_COUNTED

    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            tr("上级下发的矛盾纠纷排查情况表按它自己的类别统计。这里为本单位的每一种纠纷类型选择"
               "它计入表中的哪一行；选「不计入」的类型不计入任何一行。模板中用"
               "「{{form[行名].disputes.received}}」取某一行的数字。"),
            (tr("纠纷类型"), tr("计入表格中的行")), tuple(DEFAULT_FORM_ROWS), DEFAULT_FORM_ROWS,
            tr("按程序默认的对应关系重新选择（保存设置后生效）"), parent)
        self.rebuild()

    @property
    def types(self) -> tuple[str, ...]:
        return self.names

    def options(self) -> list[tuple[str, str]]:
        rows = dict.fromkeys([*FORM_ROWS, *self.mapping.values()])
        return [(tr("（不计入）"), NOT_COUNTED), *((r, r) for r in rows)]

    def set_categories(self, names: list[str]) -> None:
        """The office's dispute types (active and retired, in list order)."""
        self.set_names(names)

    def fill(self, s: OfficeSettings) -> None:
        self.load(s.form_rows)

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        return replace(s, form_rows=self.current())


__all__ = ["FormsTab"]
