"""设置 → 转人民调解: the dispute type the 办结 dialog suggests when a petition of each category
is 转人民调解 (docs/domain.md §3)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from caseapp import workflow as wf
from caseapp.storage.settings import DEFAULT_DIVERSION_TYPES, OTHER_DISPUTE_TYPE, OfficeSettings
from ui.i18n import tr
from ui.pages.settings.mapping_table import MappingTab


class DiversionTab(MappingTab):
    """One row per petition category: the category and a combo of the dispute types."""

    fallback = OTHER_DISPUTE_TYPE

    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            tr("信访件办结为「转人民调解」时，按信访类别预先选好新登记纠纷的类型；"
               "办结时仍可改选。未列出的类别预选「其他纠纷」。"),
            (tr("信访类别"), tr("预选的纠纷类型")), tuple(wf.DEFAULT_PETITION_CATEGORIES),
            DEFAULT_DIVERSION_TYPES, parent=parent)
        self.dispute_types: tuple[str, ...] = tuple(wf.DEFAULT_DISPUTE_CATEGORIES)
        self.rebuild()

    @property
    def categories(self) -> tuple[str, ...]:
        return self.names

    def options(self) -> list[tuple[str, str]]:
        types = dict.fromkeys([*self.dispute_types, *self.mapping.values(), OTHER_DISPUTE_TYPE])
        return [(t, t) for t in types]

    def keeps(self, name: str, value: str) -> bool:
        # An unlisted category already suggests 其他纠纷: showing it does not list it.
        return bool(value) and (name in self.mapping or value != OTHER_DISPUTE_TYPE)

    def set_categories(self, petition: list[str], dispute: list[str]) -> None:
        """The office's petition categories and dispute types; mapped names are kept."""
        mapped = self.current()
        self.dispute_types = tuple(dict.fromkeys([*dispute, *mapped.values()]))
        self.set_names(petition)

    def fill(self, s: OfficeSettings) -> None:
        self.dispute_types = tuple(dict.fromkeys([*self.dispute_types,
                                                  *s.diversion_types.values()]))
        self.load(s.diversion_types)

    def apply(self, s: OfficeSettings) -> OfficeSettings:
        return replace(s, diversion_types=self.current())


__all__ = ["DiversionTab"]
