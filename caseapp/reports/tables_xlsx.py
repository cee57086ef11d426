"""The summary's tables as an Excel workbook: the main table, each breakdown, the month by
month series and the overdue cases, one sheet each, with the printout's Chinese headers. The
rows are the PDF's (rows.py): counts and amounts are numbers (so a clerk can sum them), a rate
is the printed percentage as a number formatted ``0.0%`` (95.2% is 0.952; Excel always shows
one decimal, so 100% reads "100.0%"), "—" where it has no denominator.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from caseapp.figures import stats
from caseapp.figures.model import no_data_note
from caseapp.reports.detail_rows import (
    BREAKDOWNS,
    MONTH_COLUMNS,
    MONTH_TABLE_FIGURES,
    OFFICE_TABLE,
    OVERDUE_HEAD,
    breakdown_head,
    breakdown_rows,
    kinds_head,
    month_rows,
    overdue_rows,
)
from caseapp.reports.rows import (
    Rate,
    comparisons,
    main_head,
    main_rows,
    period_months,
)
from caseapp.storage.db import Database

MAIN_SHEET = "主要指标"
SERIES_SHEET = "各月情况"
OVERDUE_SHEET = "超期未结"
NOTES_SHEET = "说明"

HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")
TOTAL_FILL = PatternFill("solid", fgColor="F6F7F9")
BOLD = Font(bold=True)
COUNT_FORMAT = "#,##0"
AMOUNT_FORMAT = "#,##0.00"
RATE_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"


def _put(cell: XlCell, value: object) -> None:
    """A row's value into a cell, as a number with its format where it is one."""
    if isinstance(value, Rate):
        fraction = value.fraction
        cell.value = value.text if fraction is None else fraction
        if fraction is not None:
            cell.number_format = RATE_FORMAT
    elif isinstance(value, Decimal):
        cell.value, cell.number_format = float(value), AMOUNT_FORMAT
    elif isinstance(value, bool) or not isinstance(value, (int, date)):
        cell.value = value
    elif isinstance(value, date):
        cell.value, cell.number_format = value, DATE_FORMAT
    else:
        cell.value, cell.number_format = value, COUNT_FORMAT


def _sheet(wb: Workbook, title: str, head: list[list[str]], rows: Sequence[Sequence[object]],
           widths: list[int], total: bool = False) -> Worksheet:
    """A sheet of ``head`` rows then ``rows``; ``total``: the last row is a 合计, in bold."""
    ws = wb.create_sheet(title)
    for line in head:
        ws.append(line)
    for r in range(1, len(head) + 1):
        for cell in ws[r]:
            cell.font, cell.fill = BOLD, HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center")
    for i, row in enumerate(rows, len(head) + 1):
        for j, value in enumerate(row, 1):
            cell = ws.cell(row=i, column=j)
            _put(cell, value)
            if j > 1:
                cell.alignment = Alignment(horizontal="right")
    if total and rows:
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = BOLD, TOTAL_FILL
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

    current, compared, percent = comparisons(db, fig, today)
    wb = Workbook()
    wb.remove(wb.active)
    rows, titles = main_rows(fig, compared, percent)
    head = main_head(current, compared)
    ws = _sheet(wb, MAIN_SHEET, [head], rows, [26, 12] + [12, 18] * len(compared))
    for i in titles:  # a section's title across the table
        ws.merge_cells(start_row=i + 2, start_column=1, end_row=i + 2, end_column=len(head))
        ws.cell(row=i + 2, column=1).font = BOLD
        ws.cell(row=i + 2, column=1).fill = HEAD_FILL
    for bt in ((OFFICE_TABLE,) if fig.by_office is not None else ()) + BREAKDOWNS:
        rows = breakdown_rows(fig, bt)
        if bt.section is not None:
            _sheet(wb, bt.title, breakdown_head(bt), rows, [22, 10, 10, 10, 10, 10], total=True)
        else:
            ws = _sheet(wb, bt.title, breakdown_head(bt), rows, [16] + [10] * 8, total=True)
            ws.merge_cells("A1:A2")
            ws.merge_cells("B1:E1")
            ws.merge_cells("F1:I1")
    columns = MONTH_COLUMNS
    n_p, n_d = len(columns[stats.PETITION]), len(columns[stats.DISPUTE])
    ws = _sheet(wb, SERIES_SHEET, kinds_head("月份", columns),
                month_rows(series, columns, lambda m: m.month), [12] + [10] * (n_p + n_d))
    ws.merge_cells("A1:A2")
    ws.merge_cells(start_row=1, start_column=2, end_row=1, end_column=1 + n_p)
    ws.merge_cells(start_row=1, start_column=2 + n_p, end_row=1, end_column=1 + n_p + n_d)
    _sheet(wb, OVERDUE_SHEET, [OVERDUE_HEAD], overdue_rows(db, fig), [26, 10, 12, 18, 12, 12, 10])

    notes = wb.create_sheet(NOTES_SHEET)
    notes.append([title or "信访及矛盾纠纷办理情况统计表"])
    notes["A1"].font = Font(bold=True, size=14)
    notes.append([f"{office}"])
    notes.append([f"统计期间：{date_from.isoformat()} 至 {date_to.isoformat()}"])
    if not fig.complete:
        notes.append([f"统计截至：{fig.as_of.isoformat()}（统计期尚未结束，超期等期限指标按该日计算）"])
    notes.append([])
    for line in (*stats.FORMULAS, no_data_note()):
        notes.append([line])
    notes.append([f"超期未结表列出截至{fig.as_of.isoformat()}仍未办结且已过期限的案件，超期天数计至该日。"])
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
