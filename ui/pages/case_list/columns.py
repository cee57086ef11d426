"""A case list's column widths fitted to the width it has: the key columns (编号, 状态, 期限,
承办人) stay in view, the others give way first and elide (at 150 % the list is ~700 px wide)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

KEY_COLUMNS = (0, 5, 6, 7)  # 编号, 状态, 期限, 承办人
MIN_WIDTH = 56  # what a column gives way to: two characters and the ellipsis
KEY_MIN_WIDTH = 72  # a key column still shows 办理中, 超期3天, a name
PADDING = 24  # the cells' 8 px either side and the header's margins
# A typical value of each column (编号 … 承办人): what a column needs to show it whole.
SAMPLES = ("（2026）信字第0016号", "欧阳小明", "劳动社保", "李渡街道", "2026-03-20", "办理中",
           "超期41天", "周志强")
OFFICE_SAMPLE = "高新园区调解办"  # a district's 单位 column (ui/shell/offices.py)
# Column widths on first start; the user's own widths are kept in QSettings afterwards.
DEFAULT_WIDTHS = (200, 96, 140, 100, 104, 80, 96, 90)


def style_case_table(table: QTableView) -> None:
    """A case list's table: whole rows chosen, read-only, fixed row heights, no grid (the
    list's own and the first frame's, ui/shell/first_frame.py, alike)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setStyleSheet("QTableView::item { padding: 0px 8px; }")
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vheader = table.verticalHeader()
    vheader.hide()
    # Fixed row heights keep 100,000 rows cheap to lay out.
    vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vheader.setDefaultSectionSize(30)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionsMovable(False)
    header.setMinimumSectionSize(48)


def fitted_widths(wanted: Sequence[int], available: int,
                  comfortable: Sequence[int] | None = None, key: Sequence[int] = KEY_COLUMNS,
                  minimum: int = MIN_WIDTH, key_minimum: int = KEY_MIN_WIDTH) -> list[int]:
    """``wanted`` where it fits in ``available``. Else, in turn until it fits: every column
    down to its ``comfortable`` width (its text still whole), the other columns down to
    ``minimum`` (they elide), the key columns down to ``key_minimum``. Each step shares
    what is taken in proportion to what each column can give."""
    widths = list(wanted)
    n = len(widths)
    comfortable = list(comfortable) if comfortable is not None else widths
    steps = ((range(n), [min(w, c) for w, c in zip(widths, comfortable, strict=True)]),
             ([i for i in range(n) if i not in key], [minimum] * n),
             ([i for i in range(n) if i in key], [key_minimum] * n))
    excess = sum(widths) - available
    for group, floors in steps:
        if excess <= 0:
            break
        room = {i: max(0, widths[i] - floors[i]) for i in group}
        total = sum(room.values())
        if total == 0:
            continue
        take = min(excess, total)
        given = 0
        order = sorted(room, key=room.__getitem__)
        for pos, i in enumerate(order):
            # in proportion; the rounding goes to the column with the most room (the last)
            share = take - given if pos == len(order) - 1 else take * room[i] // total
            widths[i] -= share
            given += share
        excess -= take
    return widths


class ColumnFitter(QObject):
    """Keeps ``table``'s columns within its width: the widths the user set (or the defaults)
    are what it wants, shown as they are whenever they fit. ``fitting`` is true while it
    resizes, so the page does not save its own adjustments as the user's widths."""

    def __init__(self, table: QTableView, wanted: Sequence[int], samples: Sequence[str]):
        super().__init__(table)
        self.table = table
        self.wanted = list(wanted)
        self.samples = list(samples)  # a typical value of each column, to keep whole
        self.fitting = False
        header = table.horizontalHeader()
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.refit()
        return False

    def refit(self) -> None:
        header = self.table.horizontalHeader()
        count = min(header.count(), len(self.wanted))
        wanted = self.wanted[:count]
        widths = fitted_widths(wanted, self.table.viewport().width(), self.comfortable()[:count])
        self.fitting = True
        try:
            # The last section too: a stretched one never shrinks below the size it was given.
            for col in range(count):
                if header.sectionSize(col) != widths[col]:
                    header.resizeSection(col, widths[col])
        finally:
            self.fitting = False

    def comfortable(self) -> list[int]:
        """The width each column's sample (or its title) needs, padding and sort arrow in."""
        header = self.table.horizontalHeader()
        cell, head = self.table.fontMetrics(), header.fontMetrics()
        model = self.table.model()
        out = []
        for col, sample in enumerate(self.samples):
            title = str(model.headerData(col, Qt.Orientation.Horizontal) or "") if model else ""
            out.append(max(cell.horizontalAdvance(sample) + PADDING,
                           head.horizontalAdvance(title) + PADDING + 16))
        return out

    def _resized(self, col: int, _old: int, new: int) -> None:
        header = self.table.horizontalHeader()
        last = header.stretchLastSection() and col == header.count() - 1
        if not self.fitting and not last and col < len(self.wanted):
            self.wanted[col] = new  # the user dragged it: that is the width wanted now


__all__ = ["KEY_COLUMNS", "OFFICE_SAMPLE", "SAMPLES", "ColumnFitter", "fitted_widths"]
