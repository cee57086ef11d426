"""The parts every workbench card shares: the title line with its count, and the compact
list whose key columns (a case number, a date) are never cut while the others elide."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QTreeWidget


def card_head(title: str, colour: str, tooltip: str = "") -> tuple[QHBoxLayout, QLabel, QLabel]:
    """The title on the left and the count (in ``colour``) on the right."""
    head = QHBoxLayout()
    title_label = QLabel(title)
    title_label.setStyleSheet("font-size: 12pt; font-weight: bold; border: none;")
    if tooltip:
        title_label.setToolTip(tooltip)
    count = QLabel("–")
    count.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {colour}; border: none;")
    head.addWidget(title_label)
    head.addStretch(1)
    head.addWidget(count)
    return head, title_label, count


def card_tree(headers: list[str], *, stretch: tuple[int, ...],
              max_height: int | None = None) -> QTreeWidget:
    """A read-only single-selection list. The ``stretch`` columns share the spare width and
    elide; every other column is as wide as its contents, so a case number stays whole."""
    tree = QTreeWidget()
    tree.setColumnCount(len(headers))
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        mode = (QHeaderView.ResizeMode.Stretch if column in stretch
                else QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(column, mode)
    tree.setStyleSheet("QTreeWidget { border: none; } QTreeWidget::item { padding: 4px 2px; }")
    # The header and three rows at least: the workbench scrolls rather than squeeze its cards
    # to a row and a half when several are shown.
    tree.setMinimumHeight(4 * (tree.fontMetrics().height() + 10))
    if max_height is not None:
        tree.setMaximumHeight(max_height)
    return tree


__all__ = ["card_head", "card_tree"]
