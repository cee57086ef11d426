"""The summary's tables in .xlsx, read back: every number equals stats.figures for the period."""

from datetime import date

import pytest
from openpyxl import load_workbook

from caseapp.demo.generator import run_demo
from caseapp.errors import ValidationError
from caseapp.figures import stats
from caseapp.reports.detail_rows import (
    BREAKDOWNS,
    overdue_rows,
)
from caseapp.reports.rows import (
    MAIN_SECTIONS,
    figure_cell,
    rolling_months,
    section_of,
)
from caseapp.reports.tables_xlsx import (
    MAIN_SHEET,
    NOTES_SHEET,
    OVERDUE_SHEET,
    SERIES_SHEET,
    summary_xlsx,
)

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_db(module_db):
    database = module_db("demo")
    run_demo(database, database.local_user_id(), cases=1200, seed=3, today=TODAY)
    yield database
    database.dispose()


def rows_of(ws, skip: int) -> list[list]:
    return [list(r) for r in ws.iter_rows(min_row=skip + 1, values_only=True)]


def rate_value(num: int, den: int):
    """The printed percentage as a fraction: what the workbook stores for a rate."""
    if not den:
        return "—"
    return ((2 * num * 1000 + den) // (2 * den)) / 1000


def test_main_table_equals_figures(demo_db, tmp_path):
    f, t = date(2026, 10, 1), date(2026, 10, 31)
    path = summary_xlsx(demo_db, f, t, tmp_path / "out" / "m.xlsx")
    assert path.exists() and not list(path.parent.glob(".~*"))  # no temporary left behind
    wb = load_workbook(path)
    fig = stats.figures(demo_db, f, t)
    assert fig.petitions.handled > 0 and fig.disputes.succeeded > 0
    ws = wb[MAIN_SHEET]
    # A calendar month: 本月, then 上月 and 环比, 上年同月 and 同比.
    assert [c.value for c in ws[1]] == ["指标", "本月", "上月", "环比", "上年同月", "同比"]
    cells = {}
    for row in ws.iter_rows(min_row=2):
        if row[0].value:
            cells.setdefault(row[0].value, []).append(row)
    seen = {}
    for section in MAIN_SECTIONS:
        src = section_of(fig, section.key)
        assert section.title in cells
        for line in section.lines:
            k = seen.get(line.shown_label, 0)
            seen[line.shown_label] = k + 1
            row = cells[line.shown_label][k]
            want = figure_cell(src, line.key)
            got = row[1]
            if line.key in src.rates():
                num, den = src.rates()[line.key]
                assert got.value == rate_value(src.count(num), src.count(den)), line.label
                if src.count(den):
                    assert isinstance(got.value, (int, float)) and got.number_format == "0.0%"
            elif line.key == "agreement_amount":
                assert got.value == float(want) and got.number_format == "#,##0.00"
            else:
                assert got.value == want and isinstance(got.value, int), line.label
                assert got.number_format == "#,##0"
            assert isinstance(row[3].value, str)  # 环比 in words
    handled = cells["办理数（含上期结转）"]
    assert [r[1].value for r in handled] == [fig.petitions.handled, fig.disputes.handled]
    rate = cells["办结率"][0][1]
    assert rate.value == rate_value(fig.petitions.closed, fig.petitions.handled)


def test_breakdowns_and_series_equal_figures(demo_db, tmp_path):
    f, t = date(2026, 10, 1), date(2026, 10, 31)
    path = summary_xlsx(demo_db, f, t, tmp_path / "m.xlsx", series_months=rolling_months(2026, 10))
    wb = load_workbook(path)
    shown = stats.figures(demo_db, f, t).to_dict()
    for key, section, title, dim_label in BREAKDOWNS:
        ws = wb[title]
        assert ws["A1"].value == dim_label
        dim = key.removeprefix("by_")
        if section is not None:
            rows = shown[key][section]
            total = sum(r["received"] for r in rows)
            expect = [[r[dim], r["received"], rate_value(r["received"], total), r["handled"],
                       r["closed"], rate_value(r["closed"], r["handled"])] for r in rows]
            got = rows_of(ws, 1)
            assert got[:-1] == expect, title
            assert got[-1][:3] == ["合计", total, 1.0]
            assert ws.cell(row=2, column=3).number_format == "0.0%"
        else:
            got = {r[0]: r[1:] for r in rows_of(ws, 2)}
            for sec, offset in (("petitions", 0), ("disputes", 4)):
                for r in shown[key][sec]:
                    assert got[r[dim]][offset:offset + 4] == [
                        r["received"], r["handled"], r["closed"],
                        rate_value(r["closed"], r["handled"])]
                assert got["合计"][offset] == sum(r["received"] for r in shown[key][sec])
    series = rows_of(wb[SERIES_SHEET], 2)
    assert [r[0] for r in series] == ["2025-11", "2025-12"] + [f"2026-{m:02d}" for m in range(1, 11)]
    for month, row in zip(range(1, 11), series[2:], strict=True):
        fig = stats.figures(demo_db, *stats.month_range(2026, month))
        p, d = fig.petitions, fig.disputes
        assert row[1:] == [p.received, p.handled, p.closed, p.handled - p.closed,
                           rate_value(p.closed, p.handled), d.received, d.handled, d.closed,
                           d.handled - d.closed, d.succeeded, rate_value(d.closed, d.handled)]
    notes = [r[0] for r in rows_of(wb[NOTES_SHEET], 0) if r[0]]
    assert "统计期间：2026-10-01 至 2026-10-31" in notes
    assert any("办结率＝办结数÷办理数" in n for n in notes)


def test_overdue_sheet_lists_the_overdue_cases(demo_db, tmp_path):
    f, t = date(2026, 10, 1), date(2026, 10, 31)
    wb = load_workbook(summary_xlsx(demo_db, f, t, tmp_path / "m.xlsx"))
    fig = stats.figures(demo_db, f, t)
    ws = wb[OVERDUE_SHEET]
    assert [c.value for c in ws[1]] == ["编号", "类型", "当事人", "类别", "承办人", "期限", "超期天数"]
    got = rows_of(ws, 1)
    assert len(got) == fig.petitions.overdue_open + fig.disputes.overdue_open > 0
    want = overdue_rows(demo_db, fig)
    assert [r[0] for r in got] == [r[0] for r in want]
    for row in got:
        assert isinstance(row[6], int) and row[6] == (fig.as_of - row[5].date()).days > 0
    assert ws.cell(row=2, column=6).number_format == "yyyy-mm-dd"


def test_a_year_has_twelve_months_and_an_empty_db_dashes(db, tmp_path):
    path = summary_xlsx(db, date(2025, 1, 1), date(2025, 12, 31), tmp_path / "y.xlsx")
    wb = load_workbook(path)
    assert len(rows_of(wb[SERIES_SHEET], 2)) == 12
    # A calendar year: 本年, 上年, 同比增减; a rate without a denominator is "—".
    assert [c.value for c in wb[MAIN_SHEET][1]] == ["指标", "本年", "上年", "同比增减"]
    rate = next(r for r in rows_of(wb[MAIN_SHEET], 1) if r[0] == "办结率")
    assert rate[1:] == ["—", "—", "—"]


def test_refuses_a_reversed_period_and_writes_nothing(db, tmp_path):
    with pytest.raises(ValidationError):
        summary_xlsx(db, date(2026, 3, 1), date(2026, 2, 1), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
