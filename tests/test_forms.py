"""Filled forms (填报模板, docs/forms.md): placeholders in any cell of any sheet are filled with
the period's figures and read back with openpyxl; everything else is kept; an unknown
placeholder names its cell and nothing is written; the shipped templates fill with
stats.figures; the command line's exit codes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from caseapp import services
from caseapp.cli.main import main
from caseapp.demo.generator import run_demo
from caseapp.errors import ValidationError
from caseapp.figures import forms, stats
from caseapp.figures.placeholders import canonical, known_placeholders

TODAY = date(2026, 11, 20)
F, T = date(2026, 10, 1), date(2026, 10, 31)


@pytest.fixture(scope="module")
def demo_db(module_db):
    database = module_db("demo")
    run_demo(database, database.local_user_id(), cases=1200, seed=3, today=TODAY)
    yield database
    database.dispose()


def top(fig: stats.Figures, kind: str, dimension: str = "category"):
    """The row with most cases of a breakdown (so the test reads a row that has cases)."""
    return fig.breakdown(dimension).of(kind)[0]


def make_template(db, path, fig):
    # A type of the office's list without a case: its row counts 0.
    services.set_category_active(db, db.local_user_id(), "dispute", "渔事纠纷", True)
    cat = top(fig, "dispute").name
    street = top(fig, "petition", "street").name
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.merge_cells("A1:D1")
    ws["A1"] = "{{office}}　{{period}}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "办结率：{{petitions.closure_rate}}"
    ws["B3"] = "{{petitions.closure_rate}}"
    ws["B4"] = "{{disputes.succeeded}}"
    ws["B4"].fill = PatternFill("solid", fgColor="FFEEAA")
    ws["B4"].number_format = "#,##0"
    ws["B5"] = "{{信访.办结率}}"
    ws["B5"].number_format = "0.00%"  # a percent format of the template's own is kept
    ws["B6"] = f"{{{{纠纷[{cat}].办结}}}}"
    ws["B7"] = "{{disputes[渔事纠纷].closed}}"
    ws["B8"] = "=B4*2"
    ws["B13"] = '="{{不是占位符}}"&B4'  # a formula is never filled
    ws["B9"] = "{{work.screenings}}"
    ws.merge_cells("C3:D4")
    ws["C3"] = "{{ disputes.handled }}"
    ws["B10"] = "{{ytd.disputes.received}}"
    ws["B11"] = "{{today}}"
    ws["B12"] = "{{disputes[渔事纠纷].closure_rate}}"
    other = wb.create_sheet("分街镇")
    other["A1"] = "街镇"
    other["B1"] = "登记"
    other["A2"] = street
    other["B2"] = f"{{{{street[{street}].petitions.received}}}}"
    other["B3"] = "{{form[婚姻家庭邻里等各类民间纠纷].disputes.received}}"
    other["B4"] = "{{表格行[婚姻家庭邻里等各类民间纠纷].纠纷.办结率}}"
    other.merge_cells("A5:B5")
    other["A5"] = "说明：本表不含 {{}} 以外的文字改动"  # an empty placeholder is refused below
    wb.create_sheet("不动的表")["A1"] = "原样保留"
    wb["不动的表"]["B2"] = "=SUM(1,2)"
    wb.save(path)
    return cat, street


def test_a_template_fills_every_sheet_and_keeps_the_rest(demo_db, tmp_path):
    fig = stats.figures(demo_db, F, T, TODAY)
    cat, street = make_template(demo_db, tmp_path / "t.xlsx", fig)
    wb = load_workbook(tmp_path / "t.xlsx")
    wb["分街镇"]["A5"] = "说明：人工填写"
    wb.save(tmp_path / "t.xlsx")

    filled = forms.fill_form(demo_db, tmp_path / "t.xlsx", F, T, tmp_path / "out" / "o.xlsx",
                             today=TODAY)
    assert filled.path == tmp_path / "out" / "o.xlsx"
    assert not list(filled.path.parent.glob(".~*"))  # no temporary left behind
    wb = load_workbook(filled.path)
    ws = wb["汇总"]
    p, d = fig.petitions, fig.disputes
    assert ws["A1"].value == "矛盾纠纷调解办　2026年10月"
    assert ws["A1"].font.bold and ws["A1"].font.size == 14
    assert ws["A2"].value == f"办结率：{stats.format_rate(p.closed, p.handled)}"
    assert ws["B3"].value == pytest.approx(p.closed / p.handled)
    assert ws["B3"].number_format == "0.0%"
    assert ws["B4"].value == d.succeeded and isinstance(ws["B4"].value, int)
    assert ws["B4"].number_format == "#,##0" and ws["B4"].fill.fgColor.rgb.endswith("FFEEAA")
    assert ws["B5"].value == pytest.approx(p.closed / p.handled)
    assert ws["B5"].number_format == "0.00%"
    row = next(r for r in fig.by_category.disputes if r.name == cat)
    assert ws["B6"].value == row.closed > 0
    assert ws["B7"].value == 0  # a row without cases counts 0
    assert ws["B8"].value == "=B4*2"  # formulas are kept
    assert ws["B13"].value == '="{{不是占位符}}"&B4'
    assert ws["B9"].value == fig.to_dict()["work"]["screenings"]
    assert ws["C3"].value == d.handled
    ytd = stats.figures(demo_db, date(2026, 1, 1), T, TODAY)
    assert ws["B10"].value == ytd.disputes.received > d.received
    assert ws["B11"].value == "2026年11月20日"
    assert ws["B12"].value == "—"  # a rate without a denominator
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:D1", "C3:D4"}

    other = wb["分街镇"]
    srow = next(r for r in fig.by_street.petitions if r.name == street)
    assert other["A2"].value == street and other["B2"].value == srow.received
    mapped = {t for t, r in demo_db.settings().form_rows.items() if r == "婚姻家庭邻里等各类民间纠纷"}
    rows = [r for r in fig.by_category.disputes if r.name in mapped]
    assert other["B3"].value == sum(r.received for r in rows) > 0
    assert other["B4"].value == pytest.approx(sum(r.closed for r in rows) / sum(r.handled for r in rows))
    assert {str(r) for r in other.merged_cells.ranges} == {"A5:B5"}
    assert wb["不动的表"]["A1"].value == "原样保留" and wb["不动的表"]["B2"].value == "=SUM(1,2)"
    assert len(filled.cells) == 15
    # The template itself is untouched.
    assert load_workbook(tmp_path / "t.xlsx")["汇总"]["B4"].value == "{{disputes.succeeded}}"


def test_unknown_placeholders_name_their_cells_and_nothing_is_written(demo_db, tmp_path):
    fig = stats.figures(demo_db, F, T, TODAY)
    make_template(demo_db, tmp_path / "t.xlsx", fig)
    wb = load_workbook(tmp_path / "t.xlsx")
    wb.create_sheet("Sheet1")["C7"] = "{{petitions.foo}}"
    wb["Sheet1"]["D9"] = "合计 {{disputes[婚姻家廷纠纷].closed}} 件"
    wb["Sheet1"]["E1"] = "{{street[火星街道].petitions.received"
    wb.save(tmp_path / "t.xlsx")
    out = tmp_path / "o.xlsx"
    with pytest.raises(ValidationError) as err:
        forms.fill_form(demo_db, tmp_path / "t.xlsx", F, T, out, today=TODAY)
    messages = [str(p) for p in err.value.problems]
    assert messages[0].startswith("分街镇!A5: 未知的占位符「{{}}」")
    assert any(m.startswith("Sheet1!C7: 未知的占位符「{{petitions.foo}}」") for m in messages)
    assert any(m.startswith("Sheet1!D9: 未知的占位符「{{disputes[婚姻家廷纠纷].closed}}」")
               for m in messages)
    assert any(m.startswith("Sheet1!E1: 占位符不完整") for m in messages)
    assert len(messages) == 4
    assert not out.exists() and not list(tmp_path.glob(".~*"))
    with pytest.raises(ValidationError):
        forms.preview_form(demo_db, tmp_path / "t.xlsx", F, T, TODAY)


def test_the_shipped_form_fills_with_the_periods_figures(demo_db, tmp_path):
    assert set(forms.shipped_templates()) == {"矛盾纠纷排查情况表", "CaseDesk月度汇总"}
    filled = forms.fill_form(demo_db, "矛盾纠纷排查情况表", F, T, tmp_path / "排查.xlsx", today=TODAY)
    fig = stats.figures(demo_db, F, T, TODAY)
    ytd = stats.figures(demo_db, date(2026, 1, 1), T, TODAY)
    ws = load_workbook(filled.path).active
    assert ws["A1"].value == "矛盾纠纷排查调处情况表"
    assert ws["E2"].value == "填报月份：2026年10月"
    assert ws["A2"].value == "填报单位（盖章）：矛盾纠纷调解办"
    assert (ws["F4"].value, ws["F5"].value, ws["F7"].value) == (
        fig.disputes.received, fig.disputes.closed, fig.disputes.succeeded)
    assert (ws["G4"].value, ws["G5"].value, ws["G7"].value) == (
        ytd.disputes.received, ytd.disputes.closed, ytd.disputes.succeeded)
    assert ws["F6"].value.startswith("=") and ws["F6"].number_format == "0.0%"
    # The category rows add up to the disputes of the mapped types; every type is mapped.
    mapping = demo_db.settings().form_rows
    assert {r.name for r in fig.by_category.disputes} <= set(mapping)
    rows = {ws.cell(row=r, column=1).value: r for r in range(9, 46, 2)}
    assert set(rows) == set(forms.FORM_ROWS)
    for name, r in rows.items():
        types = {t for t, row in mapping.items() if row == name}
        got = [x for x in fig.by_category.disputes if x.name in types]
        assert ws.cell(row=r, column=6).value == sum(x.received for x in got), name
        assert ws.cell(row=r + 1, column=6).value == sum(x.closed for x in got), name
    assert sum(ws.cell(row=r, column=6).value for r in rows.values()) == fig.disputes.received
    # 开展集中排查 counts the 集中排查 entries alone, not every screening.
    assert ws["F55"].value == fig.to_dict()["work"]["concentrated_screenings"]
    assert ws["A57"].value.endswith("填报日期：2026年11月20日")
    merged = {str(r) for r in load_workbook(forms.template_path("矛盾纠纷排查情况表")).active.merged_cells.ranges}
    assert {str(r) for r in ws.merged_cells.ranges} == merged and "A4:A8" in merged


def test_the_mapping_is_an_office_setting(demo_db, tmp_path):
    fig = stats.figures(demo_db, F, T, TODAY)
    before = demo_db.settings()
    services.save_settings(demo_db, demo_db.local_user_id(),
                           replace(before, form_rows={"婚姻家庭纠纷": "民族宗教矛盾纠纷"}))
    try:
        assert demo_db.settings().form_rows == {"婚姻家庭纠纷": "民族宗教矛盾纠纷"}
        filled = forms.fill_form(demo_db, "矛盾纠纷排查情况表", F, T, tmp_path / "x.xlsx", today=TODAY)
        ws = load_workbook(filled.path).active
        row = next(r for r in fig.by_category.disputes if r.name == "婚姻家庭纠纷")
        assert ws["F9"].value == row.received and ws["F41"].value == 0
    finally:
        services.save_settings(demo_db, demo_db.local_user_id(), before)


def test_every_listed_placeholder_resolves(demo_db, tmp_path):
    fig = stats.figures(demo_db, F, T, TODAY)
    known = known_placeholders(fig.to_dict())
    texts = [k.placeholder for k in known if "名称" not in k.placeholder and "行名" not in k.placeholder
             and "…" not in k.placeholder]
    assert "{{work.screenings}}" in texts and "{{petitions.closure_rate}}" in texts
    aliases = [k.alias for k in known if k.alias and "名称" not in k.alias and "行名" not in k.alias
               and "…" not in k.alias]
    assert "{{信访.办结率}}" in aliases
    wb = Workbook()
    for i, text in enumerate(texts + aliases, 1):
        wb.active.cell(row=i, column=1, value=text)
    wb.save(tmp_path / "all.xlsx")
    filled = forms.preview_form(demo_db, tmp_path / "all.xlsx", F, T, TODAY)
    assert len(filled.cells) == len(texts) + len(aliases)
    assert canonical("纠纷[婚姻家庭纠纷].办结") == "disputes[婚姻家庭纠纷].closed"


def test_cli_fills_a_form_and_refuses_an_unknown_placeholder(demo_db, tmp_path, capsys):
    db = ["--db", demo_db.url]  # the file, or the server database (--db-url)
    out = tmp_path / "填好.xlsx"
    code = main([*db, "report", "form", "--template", "矛盾纠纷排查情况表", "--from", "2026-10-01",
                 "--to", "2026-10-31", "-o", str(out)])
    stdout = capsys.readouterr().out
    assert code == 0 and str(out) in stdout and out.exists()
    code = main([*db, "report", "form", "CaseDesk月度汇总", "--from", "2026-10-01",
                 "--to", "2026-10-31", "-o", str(tmp_path / "m.xlsx")])
    assert code == 0 and (tmp_path / "m.xlsx").exists()
    capsys.readouterr()

    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.active["C7"] = "{{petitions.foo}}"
    wb.active["C8"] = "{{disputes.bar}}"
    wb.save(tmp_path / "bad.xlsx")
    code = main([*db, "report", "form", str(tmp_path / "bad.xlsx"), "--from", "2026-10-01",
                 "--to", "2026-10-31", "-o", str(tmp_path / "bad-out.xlsx")])
    err = capsys.readouterr().err
    assert code == 1 and not (tmp_path / "bad-out.xlsx").exists()
    assert "Sheet1!C7: 未知的占位符「{{petitions.foo}}」" in err
    assert "Sheet1!C8: 未知的占位符「{{disputes.bar}}」" in err
    code = main([*db, "report", "form", "没有这个模板", "--from", "2026-10-01", "--to", "2026-10-31",
                 "-o", str(tmp_path / "x.xlsx")])
    assert code == 1 and "找不到模板" in capsys.readouterr().err
    assert main([*db, "report", "form", "--from", "2026-10-01", "--to", "2026-10-31",
                 "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main([*db, "report", "form", "--list"]) == 0
    assert "{{petitions.closure_rate}}" in capsys.readouterr().out
