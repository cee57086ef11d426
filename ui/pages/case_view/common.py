"""Small pieces the case view's tabs share: read-only tables, empty states, text of values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


def make_table(headers: list[str]) -> QTableWidget:
    """A read-only table selecting whole rows, its text wrapped and left-aligned."""
    table = QTableWidget(0, len(headers))
    setup_table(table, headers)
    return table


def setup_table(table: QTableWidget, headers: list[str]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                 | Qt.AlignmentFlag.AlignVCenter)


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(r, c, item)
    table.resizeRowsToContents()


def set_widths(table: QTableWidget, widths: tuple[int, ...]) -> None:
    for i, w in enumerate(widths):
        table.setColumnWidth(i, w)


def date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def size_text(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def amount_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text[:-3] if text.endswith(".00") else text


def html_text(text: str | None) -> str:
    return escape(text or "")


def transparent_scroll(widget: QWidget) -> QScrollArea:
    """A frameless scroll area that shows the white tab page through it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
    widget.setAutoFillBackground(False)
    return scroll


def empty_state(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class TableOrEmpty(QStackedWidget):
    """A table with an empty-state message instead of an empty grid."""

    def __init__(self, table: QWidget, empty: str):
        super().__init__()
        self.table = table
        self.empty = empty_state(empty)
        self.addWidget(table)
        self.addWidget(self.empty)

    def show_rows(self, n: int) -> None:
        self.setCurrentIndex(0 if n else 1)


__all__ = ["TableOrEmpty", "amount_text", "date_text", "empty_state", "fill_table",
           "html_text", "make_table", "set_widths", "setup_table", "size_text",
           "transparent_scroll"]
