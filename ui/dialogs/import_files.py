"""The import dialog's files, written on a worker thread: the empty template with its help
sheet (and the notes for it) and the problem list as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from ui.i18n import tr


def write_template(path: str | Path, headers: list[str], notes: list[tuple[str, str, str]],
                   notes_title: str) -> str:
    """An empty import template: the first sheet holds only the header row (what import reads);
    a second sheet explains each column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "案件"
    ws.append(headers)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEAFE")
    for col, head in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center")
        width = 30 if head == "事项摘要" else max(10, 2 * len(head) + 4)
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"
    help_ws = wb.create_sheet(notes_title)
    help_ws.append(["列名", "是否必填", "说明"])
    for row in notes:
        help_ws.append(list(row))
    for cell in help_ws[1]:
        cell.font, cell.fill = bold, fill
    for letter, width in (("A", 14), ("B", 10), ("C", 60)):
        help_ws.column_dimensions[letter].width = width
    wb.save(path)
    return str(path)


def write_problems_csv(path: str | Path, rows: list[tuple[str, str, str]],
                       headers: tuple[str, str, str]) -> str:
    # UTF-8 with BOM so Excel on Chinese Windows opens it correctly (as the export does).
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)
    return str(path)


def template_notes() -> list[tuple[str, str, str]]:
    """(列名, 必填, 说明) for the template's help sheet, translated on the GUI thread."""
    yes, no = tr("必填"), ""
    return [
        ("类型", yes, tr("信访 或 纠纷")),
        ("编号", no, tr("留空则导入时自动编号；填写的编号不能与已有编号重复")),
        ("登记日期", yes, tr("如 2026-03-05、2026/3/5、2026年3月5日")),
        ("受理日期", no, tr("不早于登记日期")),
        ("办结日期", no, tr("不早于受理日期；填写时须同时填写办理结果")),
        ("办理结果", no, tr("信访：支持、解释说明、不予支持、转人民调解、不予受理；"
                          "纠纷：调解成功、调解不成、终止调解")),
        ("延期", no, tr("是 或 否")),
        ("当事人", yes, tr("信访人或申请人的姓名")),
        ("身份证号", no, tr("18位居民身份证号，校验位须正确")),
        ("联系电话", no, tr("手机号或固定电话")),
        ("对方当事人", no, tr("纠纷的被申请人")),
        ("街镇", no, ""),
        ("类别", yes, tr("须是「设置 → 类别」中启用的名称")),
        ("来源", no, tr("信访：来信、来访、网上信访、来电、传真、上级交办；"
                      "纠纷：当事人申请、主动排查、信访转入、委托移送")),
        ("信访代理", no, tr("是 或 否（信访件）")),
        ("已录入系统", no, tr("是 或 否（信访件）")),
        ("协议履行", no, tr("是 或 否（调解成功的纠纷）")),
        ("承办人", no, ""),
        ("事项摘要", yes, tr("不超过500字")),
        ("涉及人数", no, tr("不小于1的整数")),
        ("涉及金额", no, tr("元，不小于0")),
    ]
