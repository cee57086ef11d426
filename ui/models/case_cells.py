"""How a case row reads in a list: the columns, each cell's text, colour, tooltip and badge.

Shared by the case list's model (ui/models/case_table.py) and the first frame's
(ui/shell/first_frame.py), so that the rows painted before the program has loaded read exactly
as the list's own. Qt and caseapp.case_rows only: no SQL, no ORM.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from caseapp.case_rows import CaseRow
from ui.i18n import tr, tr_built
from ui.style import CLOSED, DUE_SOON, MUTED, STATE_COLOURS

PLACEHOLDER = "…"

# (sort key of queries.SORT_KEYS, header)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", "编号"),
    ("party", "当事人"),
    ("category", "类别"),
    ("street", "街镇"),
    ("received_on", "登记日期"),
    ("status", "状态"),
    ("due_on", "期限"),
    ("handler", "承办人"),
)
# A district's list (more than one office in view) has a ninth column: the case's office.
OFFICE_COLUMN = ("office_id", "单位")
COL_OFFICE = len(COLUMNS)
COL_RECEIVED = 4
COL_STATUS = 5
COL_DEADLINE = 6

ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_STATUS_COLOURS = {"closed": CLOSED, "rejected": MUTED}
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CELL_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
               Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole)


def date_text(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def header_data(columns: tuple[tuple[str, str], ...], section: int, orientation: Qt.Orientation,
                role: int):
    """A list header's text, alignment and first sort order."""
    if orientation == Qt.Orientation.Horizontal and 0 <= section < len(columns):
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(columns[section][1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if section == COL_DEADLINE else ALIGN_LEFT
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # Newest first for the date; A→Z, earliest deadline first for the rest.
            return (Qt.SortOrder.DescendingOrder if section == COL_RECEIVED
                    else Qt.SortOrder.AscendingOrder)
    return None


class CaseCells:
    """The cells of case rows (the colours made once per model)."""

    def __init__(self) -> None:
        self._colours = {k: QColor(v) for k, v in STATE_COLOURS.items()}
        self._status_colours = {k: QColor(v) for k, v in _STATUS_COLOURS.items()}

    @staticmethod
    def wants(role: int) -> bool:
        """True for the roles a cell answers from its row."""
        return role in _CELL_ROLES

    def cell(self, r: CaseRow | None, col: int, role: int,
             office_names: dict[int, str] | None = None):
        """The cell's value for ``role`` (one of CaseCells.wants); a placeholder before the
        row has arrived."""
        if r is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(r, col, office_names)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_DEADLINE:
                return self._colours.get(r.deadline_state)
            if col == COL_STATUS:
                return self._status_colours.get(r.status)
            return None
        if col == 0 and r.is_repeat and role == Qt.ItemDataRole.DecorationRole:
            return repeat_badge()
        if col == 0 and r.is_repeat and role == Qt.ItemDataRole.ToolTipRole:
            return tr("重复信访")
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_DEADLINE and r.due_on:
            text = tr("期限 {0}").format(date_text(r.due_on))
            return text + (tr("（已延期）") if r.extended else "")
        return None

    @staticmethod
    def text(r: CaseRow, col: int, office_names: dict[int, str] | None = None) -> str:
        if col == COL_OFFICE and office_names is not None:
            return office_names.get(r.office_id, "")
        if col == 0:
            return r.number
        if col == 1:
            return r.party
        if col == 2:
            return r.category
        if col == 3:
            return r.street or ""
        if col == COL_RECEIVED:
            return date_text(r.received_on)
        if col == COL_STATUS:
            return tr_built(r.status_label)
        if col == COL_DEADLINE:
            return tr_built(r.deadline_text)
        return r.handler or ""


_BADGE: list[QPixmap] = []


def repeat_badge() -> QPixmap:
    """The 重复 tag beside a repeat petition's number; a mark beside the text, so the number
    itself (copied, compared, sorted) stays the number."""
    if not _BADGE:
        pm = QPixmap(34, 16)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor(DUE_SOON))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(0, 0, 34, 16, 4, 4)
        font = QFont()
        font.setPixelSize(11)
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        p.drawText(pm.rect(), Qt.AlignmentFlag.AlignCenter, tr("重复"))
        p.end()
        _BADGE.append(pm)
    return _BADGE[0]
