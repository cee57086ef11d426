"""The import dialog's problem table: every problem of a checked file by row and column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from caseapp.errors import Problem
from ui.i18n import tr


def problem_sort_key(p: Problem) -> tuple[int, int]:
    # File-level problems (no row) first, then by spreadsheet row; stable within a row.
    return (0, 0) if p.row is None else (1, p.row)


def problem_rows(problems: list[Problem]) -> list[tuple[str, str, str]]:
    """(行, 列, 问题) of each problem, as the CSV export writes them."""
    return [("" if p.row is None else str(p.row), p.field, p.message) for p in problems]


class ProblemTable(QTableWidget):
    """行 / 列 / 问题, read-only, file-level problems first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([tr("行"), tr("列"), tr("问题")])
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(30)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 64)
        header.resizeSection(1, 120)

    def set_problems(self, problems: list[Problem]) -> list[Problem]:
        """Show ``problems`` sorted; returns them in the order shown."""
        ordered = sorted(problems, key=problem_sort_key)
        self.setRowCount(len(ordered))
        for i, p in enumerate(ordered):
            row_item = QTableWidgetItem("—" if p.row is None else str(p.row))
            row_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(i, 0, row_item)
            self.setItem(i, 1, QTableWidgetItem(p.field))
            self.setItem(i, 2, QTableWidgetItem(p.message))
            for c in range(3):
                self.item(i, c).setToolTip(str(p))
        return ordered
