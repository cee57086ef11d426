"""The summary's tables in .xlsx, read back: every number equals stats.figures for the period."""

from datetime import date

import pytest
from openpyxl import load_workbook

from caseapp.demo.generator import run_demo
from caseapp.errors import ValidationError
from caseapp.figures import stats
from caseapp.reports.rows import BREAKDOWNS, MAIN_ROWS, rolling_months
from caseapp.reports.tables_xlsx import MAIN_SHEET, NOTES_SHEET, SERIES_SHEET, summary_xlsx

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from caseapp.storage.migrate import open_database

    database = open_database(tmp_path_factory.mktemp("xlsx") / "demo.db")
    run_demo(database, database.local_user_id(), cases=1200, seed=3, today=TODAY)
    yield database
    database.dispose()


def rows_of(ws, skip: int) -> list[list]:
    return [list(r) for r in ws.iter_rows(min_row=skip + 1, values_only=True)]


def test_main_table_equals_figures(demo_db, tmp_path):
    f, t = date(2026, 10, 1), date(2026, 10, 31)
    path = summary_xlsx(demo_db, f, t, tmp_path / "out" / "m.xlsx")
    assert path.exists() and not list(path.parent.glob(".~*"))  # no temporary left behind
    wb = load_workbook(path)
    fig = stats.figures(demo_db, f, t)
    shown = stats.printable(fig)
    assert fig.petitions.handled > 0 and fig.disputes.succeeded > 0
    ws = wb[MAIN_SHEET]
    assert [c.value for c in ws[1]] == ["指标", "信访件", "矛盾纠纷"]
    rows = rows_of(ws, 1)
    assert [r[0] for r in rows] == [label for label, _p, _d in MAIN_ROWS]
    for (label, pk, dk), (_label, p, d) in zip(MAIN_ROWS, rows, strict=True):
        assert p == (shown["petitions"][pk] if pk else "／"), label
        assert d == (shown["disputes"][dk] if dk else "／"), label
    # Counts are numbers, rates the printed strings.
    handled = next(r for r in rows if r[0].startswith("办理数"))
    assert handled[1:] == [fig.petitions.handled, fig.disputes.handled]
    rate = next(r for r in rows if r[0] == "办结率")
    assert rate[1] == stats.format_rate(fig.petitions.closed, fig.petitions.handled)
    assert rate[1].endswith("%")


def test_breakdowns_and_series_equal_figures(demo_db, tmp_path):
    f, t = date(2026, 10, 1), date(2026, 10, 31)
    path = summary_xlsx(demo_db, f, t, tmp_path / "m.xlsx", series_months=rolling_months(2026, 10))
    wb = load_workbook(path)
    shown = stats.printable(stats.figures(demo_db, f, t))
    for key, section, title, dim_label in BREAKDOWNS:
        ws = wb[title]
        assert ws["A1"].value == dim_label
        dim = key.removeprefix("by_")
        if section is not None:
            expect = [[r[dim], r["received"], r["handled"], r["closed"], r["closure_rate"]]
                      for r in shown[key][section]]
            assert rows_of(ws, 1) == expect, title
        else:
            got = {r[0]: r[1:] for r in rows_of(ws, 2)}
            for sec, offset in (("petitions", 0), ("disputes", 4)):
                for r in shown[key][sec]:
                    assert got[r[dim]][offset:offset + 4] == [r["received"], r["handled"],
                                                              r["closed"], r["closure_rate"]]
    series = rows_of(wb[SERIES_SHEET], 2)
    assert [r[0] for r in series] == ["2025-11", "2025-12"] + [f"2026-{m:02d}" for m in range(1, 11)]
    for month, row in zip(range(1, 11), series[2:], strict=True):
        fig = stats.figures(demo_db, *stats.month_range(2026, month))
        p, d = fig.petitions, fig.disputes
        assert row[1:] == [p.received, p.handled, p.closed,
                           stats.format_rate(p.closed, p.handled), d.received,
                           d.handled, d.closed, d.succeeded,
                           stats.format_rate(d.closed, d.handled)]
    notes = [r[0] for r in rows_of(wb[NOTES_SHEET], 0) if r[0]]
    assert "统计期间：2026-10-01 至 2026-10-31" in notes
    assert any("办结率＝办结数÷办理数" in n for n in notes)


def test_a_year_has_twelve_months_and_an_empty_db_dashes(db, tmp_path):
    path = summary_xlsx(db, date(2025, 1, 1), date(2025, 12, 31), tmp_path / "y.xlsx")
    wb = load_workbook(path)
    assert len(rows_of(wb[SERIES_SHEET], 2)) == 12
    rate = next(r for r in rows_of(wb[MAIN_SHEET], 1) if r[0] == "办结率")
    assert rate[1:] == ["—", "—"]


def test_refuses_a_reversed_period_and_writes_nothing(db, tmp_path):
    with pytest.raises(ValidationError):
        summary_xlsx(db, date(2026, 3, 1), date(2026, 2, 1), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
