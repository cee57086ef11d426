"""The summary's tables as an Excel workbook: the main table, each breakdown and the month by
month series, one sheet each, with the printout's Chinese headers. Counts are numbers (so a
clerk can sum them); rates are the printed strings ("95.2%", "—"), computed from the exact
counts exactly as the PDF prints them. Every figure comes from stats.py.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from caseapp.errors import Problem, ValidationError
from caseapp.figures import stats
from caseapp.reports.summary import BREAKDOWNS, DIMENSION_KEY, MAIN_ROWS, NA, period_months
from caseapp.storage.db import Database

MAIN_SHEET = "主要指标"
SERIES_SHEET = "各月情况"
NOTES_SHEET = "说明"

HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")
BOLD = Font(bold=True)
COUNT_FORMAT = "#,##0"


def _sheet(wb: Workbook, title: str, head: list[list[str]], rows: list[list], widths: list[int]):
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


def _main_rows(fig: dict) -> list[list]:
    shown = stats.printable(fig)
    rows = []
    for label, pk, dk in MAIN_ROWS:
        rows.append([label, shown["petitions"][pk] if pk else NA,
                     shown["disputes"][dk] if dk else NA])
    return rows


def _breakdown_rows(fig: dict, key: str, section: str | None) -> list[list]:
    shown = stats.printable(fig)[key]
    dim = DIMENSION_KEY[key]
    if section is not None:
        return [[r[dim], r["received"], r["handled"], r["closed"], r["closure_rate"]]
                for r in shown[section]]
    names: dict[str, dict] = {}
    for sec in ("petitions", "disputes"):
        for r in shown[sec]:
            names.setdefault(r[dim], {})[sec] = r
    empty = {"received": 0, "handled": 0, "closed": 0, "closure_rate": stats.NO_RATE}
    rows = []
    # The printout's order: most cases received first.
    for name, by in sorted(names.items(), key=lambda kv: -sum(r["received"] for r in kv[1].values())):
        p, d = by.get("petitions", empty), by.get("disputes", empty)
        rows.append([name, p["received"], p["handled"], p["closed"], p["closure_rate"],
                     d["received"], d["handled"], d["closed"], d["closure_rate"]])
    return rows


def _series_rows(series: list[dict]) -> list[list]:
    rows = []
    for m in series:
        p, d = m["petitions"], m["disputes"]
        rows.append([m["month"], p["received"], p["handled"], p["closed"],
                     stats.format_rate(p["closed"], p["handled"]), d["received"], d["handled"],
                     d["closed"], d["succeeded"], stats.format_rate(d["closed"], d["handled"])])
    return rows


def summary_xlsx(db: Database, date_from: date, date_to: date, path: str | os.PathLike, *,
                 series_months: tuple[int, int, int] | None = None, title: str = "") -> Path:
    """The tables of the summary of [date_from, date_to] to ``path`` (.xlsx). The month by
    month sheet covers ``series_months`` (first year, first month, count), by default the
    calendar months of the period. Written to a temporary file and renamed, so a failure
    never leaves half a workbook under the real name."""
    if date_from > date_to:
        raise ValidationError(Problem("to", "统计截止日期不能早于起始日期"))
    fig = stats.figures(db, date_from, date_to)
    series = stats.month_series(db, *(series_months or period_months(date_from, date_to)),
                                names=("received", "handled", "closed", "succeeded"))
    settings = db.settings()
    office = settings.report_header or settings.office_name

    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, MAIN_SHEET, [["指标", "信访件", "矛盾纠纷"]], _main_rows(fig), [24, 14, 14])
    for key, section, sheet_title, dim_label in BREAKDOWNS:
        rows = _breakdown_rows(fig, key, section)
        if section is not None:
            _sheet(wb, sheet_title, [[dim_label, "登记", "办理", "办结", "办结率"]], rows,
                   [22, 10, 10, 10, 10])
        else:
            head = [[dim_label, "信访件", "", "", "", "矛盾纠纷", "", "", ""],
                    ["", "登记", "办理", "办结", "办结率", "登记", "办理", "办结", "办结率"]]
            ws = _sheet(wb, sheet_title, head, rows, [16] + [10] * 8)
            ws.merge_cells("A1:A2")
            ws.merge_cells("B1:E1")
            ws.merge_cells("F1:I1")
    head = [["月份", "信访件", "", "", "", "矛盾纠纷", "", "", "", ""],
            ["", "登记", "办理", "办结", "办结率", "登记", "办理", "办结", "调解成功", "办结率"]]
    ws = _sheet(wb, SERIES_SHEET, head, _series_rows(series), [12] + [10] * 9)
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:E1")
    ws.merge_cells("F1:J1")

    notes = wb.create_sheet(NOTES_SHEET)
    notes.append([title or "信访及矛盾纠纷办理情况统计表"])
    notes["A1"].font = Font(bold=True, size=14)
    notes.append([f"{office}"])
    notes.append([f"统计期间：{date_from.isoformat()} 至 {date_to.isoformat()}"])
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
