"""Builds caseapp/figures/templates/*.xlsx from a superior's blank 排查情况表 (run once; the
templates are shipped as files and may be edited in Excel afterwards; docs/forms.md).

    python packaging/build_form_templates.py 排查情况表-空白.xlsx
"""
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from caseapp.storage.settings import DEFAULT_FORM_ROWS  # noqa: E402

OUT = ROOT / "caseapp" / "figures" / "templates"
SAMPLE = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "tests" / "fixtures" / "samples" / "排查情况表-空白.xlsx")
thin = Side(style="thin", color="000000")
BOX = Border(left=thin, right=thin, top=thin, bottom=thin)

# ---- 矛盾纠纷排查情况表 -------------------------------------------------------------
wb = load_workbook(SAMPLE)
ws = wb.active
ws["A2"] = "填报单位（盖章）：{{office}}"
ws["E2"] = "填报月份：{{period}}"
mapped = set(DEFAULT_FORM_ROWS.values())


def put(coord, value, percent=False):
    c = ws[coord]
    c.value = value
    c.alignment = Alignment(horizontal="right", vertical="center")
    if percent:
        c.number_format = "0.0%"


# 总况: 排查数 = 登记, 调处数 = 办结, 成功数 = 调解成功; rates as the form defines them.
for col, prefix in (("F", ""), ("G", "ytd.")):
    put(f"{col}4", "{{" + prefix + "disputes.received}}")
    put(f"{col}5", "{{" + prefix + "disputes.closed}}")
    put(f"{col}6", f'=IF({col}4=0,"—",{col}5/{col}4)', True)
    put(f"{col}7", "{{" + prefix + "disputes.succeeded}}")
    put(f"{col}8", f'=IF({col}4=0,"—",{col}7/{col}4)', True)
    row = 9
    while row <= 45:
        name = ws.cell(row=row, column=1).value
        put(f"{col}{row}", "{{" + prefix + f"form[{name}].disputes.received" + "}}")
        put(f"{col}{row + 1}", "{{" + prefix + f"form[{name}].disputes.closed" + "}}")
        row += 2
    put(f"{col}51", "{{" + prefix + "disputes.major}}")
    put(f"{col}55", "{{" + prefix + "work.screenings}}")
ws["A57"] = "填表人：            审核人：            单位负责人：            填报日期：{{today}}"
for r in range(3, 56):
    for c in range(1, 8):
        ws.cell(row=r, column=c).border = BOX
wb.properties.title = "矛盾纠纷排查调处情况表"
wb.properties.creator = "CaseDesk"
wb.save(OUT / "矛盾纠纷排查情况表.xlsx")

# ---- CaseDesk月度汇总 ---------------------------------------------------------------
wb = Workbook()
ws = wb.active
ws.title = "月度汇总"
HEAD = PatternFill("solid", fgColor="EEF1F5")
ws.merge_cells("A1:D1")
ws["A1"] = "信访及矛盾纠纷办理情况月度汇总"
ws["A1"].font = Font(bold=True, size=14)
ws["A1"].alignment = Alignment(horizontal="center")
ws.merge_cells("A2:D2")
ws["A2"] = "{{office}}　统计期间：{{period}}　制表日期：{{today}}"
ws["A2"].alignment = Alignment(horizontal="center")
ws.append(["指标", "信访件", "矛盾纠纷", "本年累计（矛盾纠纷）"])
for c in ws[3]:
    c.font, c.fill, c.border = Font(bold=True), HEAD, BOX
    c.alignment = Alignment(horizontal="center")
ROWS = [
    ("登记数", "received", "received"), ("办理数（含上期结转）", "handled", "handled"),
    ("办结数", "closed", "closed"), ("办结率", "closure_rate", "closure_rate"),
    ("按期办结数", "closed_on_time", "closed_on_time"), ("按期办结率", "on_time_rate", "on_time_rate"),
    ("超期未结数", "overdue_open", "overdue_open"), ("不予受理数", "rejected", None),
    ("信访代理件", "proxy", None), ("录入完成率", "entry_rate", None),
    ("转人民调解", "diverted", None), ("满意率", "satisfaction_rate", None),
    ("调解成功数", None, "succeeded"), ("调解成功率", None, "success_rate"),
    ("纠纷调解率", None, "mediation_rate"), ("协议履行率", None, "performance_rate"),
    ("协议涉及金额（元）", None, "agreement_amount"),
]
for label, p, d in ROWS:
    ws.append([label, "{{petitions." + p + "}}" if p else "／",
               "{{disputes." + d + "}}" if d else "／",
               "{{ytd.disputes." + d + "}}" if d else "／"])
    for c in ws[ws.max_row]:
        c.border = BOX
        if c.column > 1:
            c.alignment = Alignment(horizontal="right")
        if d == "agreement_amount" and c.column > 2:
            c.number_format = "#,##0.00"
ws.append([])
ws.append(["工作情况", "排查次数", "排查发现纠纷数", "安保维稳次数"])
for c in ws[ws.max_row]:
    c.font, c.fill, c.border = Font(bold=True), HEAD, BOX
ws.append(["本期", "{{work.screenings}}", "{{work.screenings_found}}", "{{work.security_events}}"])
for c in ws[ws.max_row]:
    c.border = BOX
ws.column_dimensions["A"].width = 24
for col in "BCD":
    ws.column_dimensions[col].width = 18

ws2 = wb.create_sheet("纠纷分类")
ws2.append(["纠纷类型", "登记", "办理", "办结", "办结率"])
for c in ws2[1]:
    c.font, c.fill, c.border = Font(bold=True), HEAD, BOX
from caseapp.workflow import DEFAULT_DISPUTE_CATEGORIES  # noqa: E402

for cat in DEFAULT_DISPUTE_CATEGORIES:
    ws2.append([cat] + ["{{disputes[" + cat + "]." + k + "}}"
                        for k in ("received", "handled", "closed", "closure_rate")])
    for c in ws2[ws2.max_row]:
        c.border = BOX
first, last = 2, ws2.max_row
ws2.append(["合计", f"=SUM(B{first}:B{last})", f"=SUM(C{first}:C{last})", f"=SUM(D{first}:D{last})",
            f'=IF(C{last + 1}=0,"—",D{last + 1}/C{last + 1})'])
ws2.cell(row=last + 1, column=5).number_format = "0.0%"
for c in ws2[ws2.max_row]:
    c.font, c.border = Font(bold=True), BOX
ws2.column_dimensions["A"].width = 20
wb.properties.title = "CaseDesk月度汇总"
wb.properties.creator = "CaseDesk"
wb.save(OUT / "CaseDesk月度汇总.xlsx")
print("ok")
