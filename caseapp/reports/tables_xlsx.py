"""The summary's tables as an Excel workbook: the main table, each breakdown and the month by
month series, one sheet each, with the printout's Chinese headers. The rows are the PDF's
(rows.py): counts are numbers (so a clerk can sum them), rates the printed strings ("95.2%",
"—"), computed from the exact counts exactly as the PDF prints them.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from caseapp.figures import stats
from caseapp.reports.rows import (
    BREAKDOWNS,
    MAIN_HEAD,
    MONTH_TABLE_FIGURES,
    SHEET_MONTH_COLUMNS,
    Row,
    breakdown_head,
    breakdown_rows,
    kinds_head,
    main_rows,
    month_rows,
    period_months,
)
from caseapp.storage.db import Database

MAIN_SHEET = "主要指标"
SERIES_SHEET = "各月情况"
NOTES_SHEET = "说明"

HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")
BOLD = Font(bold=True)
COUNT_FORMAT = "#,##0"


def _sheet(wb: Workbook, title: str, head: list[list[str]], rows: list[Row],
           widths: list[int]) -> Worksheet:
    ws = wb.create_sheet(title)
    for line in head:
        ws.append(line)
    for r in range(1, len(head) + 1):
        for cell in ws[r]:
            cell.font, cell.fill = BOLD, HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=len(head) + 1):
        for cell in row[1:]:
            if isinstance(cell.value, int):
                cell.number_format = COUNT_FORMAT
            cell.alignment = Alignment(horizontal="right")
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = ws.cell(row=len(head) + 1, column=2)
    return ws


def summary_xlsx(db: Database, date_from: date, date_to: date, path: str | os.PathLike, *,
                 series_months: tuple[int, int, int] | None = None, title: str = "",
                 today: date | None = None) -> Path:
    """The tables of the summary of [date_from, date_to] to ``path`` (.xlsx). The month by
    month sheet covers ``series_months`` (first year, first month, count), by default the
    calendar months of the period. Written to a temporary file and renamed, so a failure
    never leaves half a workbook under the real name."""
    stats.check_period(date_from, date_to)
    fig = stats.figures(db, date_from, date_to, today)
    series = stats.month_series(db, *(series_months or period_months(date_from, date_to)),
                                names=MONTH_TABLE_FIGURES, today=today)
    settings = db.settings()
    office = settings.report_header or settings.office_name

    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, MAIN_SHEET, [MAIN_HEAD], main_rows(fig), [24, 14, 14])
    for bt in BREAKDOWNS:
        rows = breakdown_rows(fig, bt)
        if bt.section is not None:
            _sheet(wb, bt.title, breakdown_head(bt), rows, [22, 10, 10, 10, 10])
        else:
            ws = _sheet(wb, bt.title, breakdown_head(bt), rows, [16] + [10] * 8)
            ws.merge_cells("A1:A2")
            ws.merge_cells("B1:E1")
            ws.merge_cells("F1:I1")
    columns = SHEET_MONTH_COLUMNS
    ws = _sheet(wb, SERIES_SHEET, kinds_head("月份", columns),
                month_rows(series, columns, lambda m: m.month), [12] + [10] * 9)
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:E1")
    ws.merge_cells("F1:J1")

    notes = wb.create_sheet(NOTES_SHEET)
    notes.append([title or "信访及矛盾纠纷办理情况统计表"])
    notes["A1"].font = Font(bold=True, size=14)
    notes.append([f"{office}"])
    notes.append([f"统计期间：{date_from.isoformat()} 至 {date_to.isoformat()}"])
    if not fig.complete:
        notes.append([f"统计截至：{fig.as_of.isoformat()}（统计期尚未结束，超期等期限指标按该日计算）"])
    notes.append([])
    for line in stats.FORMULAS:
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    wb.properties.title = title or "信访及矛盾纠纷办理情况统计表"
    wb.properties.creator = "CaseDesk"

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
