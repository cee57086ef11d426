"""The work log's file (docs/domain.md §9): import (.xlsx/.csv, headers 日期 类型 范围 参加人员
发现纠纷数 说明, all rows or none) and export of a filtered list in the same columns."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from caseapp import queries, services
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.exchange.reading import ImportRefused, raw_rows
from caseapp.storage.db import Database

HEADERS = tuple(services.WORKLOG_HEADERS)
EXPORT_HEADERS = (*HEADERS, "零上报", "关联纠纷数", "录入人")


def read_worklog_file(path: str | os.PathLike) -> list[tuple[int, dict[str, object]]]:
    """(spreadsheet row, {header: value}) of every non-blank data row; a file without the
    required headers, or with one twice, is refused by row and column."""
    _total, rows = raw_rows(Path(path))
    out: list[tuple[int, dict[str, object]]] = []
    columns: list[tuple[int, str]] | None = None
    try:
        for rownum, cells in rows:
            values = [_cell(c) for c in cells]
            if all(c is None or c == "" for c in values):
                continue
            if columns is None:
                columns = _header(rownum, values)
                continue
            out.append((rownum, {h: values[i] if i < len(values) else None for i, h in columns}))
    finally:
        rows.close()
    if columns is None:
        raise ImportRefused([Problem("文件", "文件是空的，第一行应为列标题")])
    return out


def _cell(value: object) -> object:
    """Text stripped, the export's formula guard (a leading ') undone."""
    if isinstance(value, str):
        value = value.strip()
        return value[1:] if value[:1] == "'" and v.is_formula_text(value[1:]) else value
    return value


def _header(rownum: int, values: list[object]) -> list[tuple[int, str]]:
    seen: dict[str, int] = {}
    for i, head in enumerate(values):
        name = str(head if head is not None else "").strip()
        if name not in HEADERS:
            continue
        if name in seen:
            raise ImportRefused([Problem(name, f"列标题重复：第{seen[name] + 1}列和第{i + 1}列都是「{name}」",
                                         rownum)])
        seen[name] = i
    missing = [h for h in services.WORKLOG_REQUIRED if h not in seen]
    if missing:
        raise ImportRefused([Problem(h, "缺少必填列", rownum) for h in missing])
    return [(i, h) for h, i in seen.items()]


def import_worklog_file(db: Database, actor: int, path: str | os.PathLike) -> int:
    """Read and import a work-log file in one act; the number of entries."""
    rows = read_worklog_file(path)
    return services.import_worklog(db, actor, rows, source=Path(path).name)


def _row(r: queries.WorkLogRow) -> list[object]:
    return [r.day, r.type, r.area, r.participants or "", r.found, v.mask_text(r.note or ""),
            "是" if r.zero_report else "", r.linked_cases, r.created_by]


def export_worklog(db: Database, actor: int, path: str | os.PathLike,
                   flt: queries.WorkLogFilter = queries.WorkLogFilter()) -> int:
    """Write the filtered entries to .xlsx or .csv (Act.EXPORT, an "export" event); the count.
    The file imports back (the extra columns are ignored)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(Problem("文件", "只能导出为 .xlsx 或 .csv 文件"))
    with db.read() as session:
        services.require(session, actor, wf.Act.EXPORT)
    rows = queries.list_worklog(db, flt, limit=10**9)
    tmp = target.with_name(target.name + ".part")
    try:
        if suffix == ".csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(EXPORT_HEADERS)
                for r in rows:
                    writer.writerow([x.isoformat() if hasattr(x, "isoformat") else
                                     v.spreadsheet_text(x) if isinstance(x, str) else x
                                     for x in _row(r)])
        else:
            from openpyxl import Workbook

            wb = Workbook()
            ws = wb.active
            ws.title = "排查台账"
            ws.append(list(EXPORT_HEADERS))
            for r in rows:
                ws.append([v.spreadsheet_text(x) if isinstance(x, str) else x for x in _row(r)])
            for row in ws.iter_rows(min_row=2, max_col=1):
                row[0].number_format = "yyyy-mm-dd"
            for col, width in zip("ABCDEFGHI", (12, 10, 24, 24, 10, 40, 8, 10, 10), strict=True):
                ws.column_dimensions[col].width = width
            wb.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise ValidationError(Problem(
            "文件", f"无法写入 {target.name}（是否正在 Excel 中打开？）：{exc.strerror}")) from exc
    finally:
        tmp.unlink(missing_ok=True)
    with db.write() as session:
        services.add_event(session, None, actor, "export", note=f"排查台账 {len(rows)}条 → {target.name}")
    return len(rows)
