"""The 办理过程 tab: every event of the case, newest first, with what it changed."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QWidget

from caseapp import queries
from ui.i18n import tr
from ui.pages.case_view.common import fill_table, set_widths, setup_table


class TimelineTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        setup_table(self, [tr("时间"), tr("操作人"), tr("操作"), tr("变更"), tr("说明")])
        set_widths(self, (140, 80, 90, 300))

    def show_case(self, d: queries.CaseDetail) -> None:
        rows = []
        for e in reversed(d.events):  # newest first, as a clerk reads a file
            changes = "\n".join(f"{label}：{old or '—'} → {new or '—'}"
                                for label, old, new in e.changes)
            rows.append([e.at.strftime("%Y-%m-%d %H:%M"), e.user, tr(e.action_label), changes,
                         e.note or ""])
        fill_table(self, rows)


__all__ = ["TimelineTable"]
