"""自定义期间: the monthly summary's layout for any period, its figures equal stats.py."""

from datetime import date

import pytest
from pypdf import PdfReader

from caseapp.demo.generator import run_demo
from caseapp.errors import ValidationError
from caseapp.figures import stats
from caseapp.progress import Progress, run
from caseapp.reports.rows import (
    MAIN_SECTIONS,
    figure_cell,
    period_months,
    printed,
    rolling_months,
    section_of,
)
from caseapp.reports.summary import build_range, range_report

TODAY = date(2026, 11, 20)


def lines_of(path) -> list[str]:
    out = []
    for page in PdfReader(path).pages:
        out += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return out


def flat(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def check_main_table(lines, fig):
    for section in MAIN_SECTIONS:
        start = lines.index(section.title)
        for line in section.lines:
            i = lines.index(line.shown_label, start)
            assert lines[i + 1] == printed(figure_cell(section_of(fig, section.key), line.key)), \
                line.label


@pytest.fixture(scope="module")
def demo_db(module_db):
    database = module_db("demo")
    run_demo(database, database.local_user_id(), cases=1200, seed=5, today=TODAY)
    yield database
    database.dispose()


def test_range_figures_equal_stats(demo_db, tmp_path):
    f, t = date(2026, 4, 10), date(2026, 9, 15)
    steps: list[Progress] = []
    path = run(build_range(demo_db, f, t, tmp_path / "r.pdf", made_by="周志强"), steps.append)
    fig = stats.figures(demo_db, f, t)
    assert fig.petitions.handled > 0
    check_main_table(lines_of(path), fig)
    text = flat(path)
    assert "2026年4月10日至2026年9月15日信访及矛盾纠纷办理情况统计表" in text
    assert "统计期间：2026年4月10日至2026年9月15日" in text
    assert "期间各月登记与办结情况" in text
    assert "超期未结案件（截至2026年9月15日）" in text
    assert "填表人：周志强" in text
    assert "环比" not in text  # a custom period is compared with nothing
    assert steps[-1].done == steps[-1].total  # progress reaches its end


def test_one_month_range_prints_the_months_figures(demo_db, tmp_path):
    path = range_report(demo_db, date(2026, 10, 1), date(2026, 10, 31), tmp_path / "m.pdf")
    check_main_table(lines_of(path), stats.figures(demo_db, date(2026, 10, 1), date(2026, 10, 31)))
    assert len(PdfReader(path).pages) >= 2


def test_reversed_range_is_refused(demo_db, tmp_path):
    with pytest.raises(ValidationError):
        range_report(demo_db, date(2026, 5, 1), date(2026, 4, 1), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_chart_months():
    assert period_months(date(2026, 4, 10), date(2026, 9, 15)) == (2026, 4, 6)
    assert period_months(date(2025, 11, 1), date(2026, 2, 1)) == (2025, 11, 4)
    assert period_months(date(2020, 1, 1), date(2026, 3, 31)) == (2024, 4, 24)  # the last 24
    assert rolling_months(2026, 3) == (2025, 4, 12)
    assert rolling_months(2026, 12) == (2026, 1, 12)


def test_month_series_matches_monthly_series(demo_db):
    full = stats.monthly_series(demo_db, 2026)
    part = stats.month_series(demo_db, 2025, 11, 4, names=("received", "handled", "closed"))
    assert [m.month for m in part] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    for got, want in zip(part[2:], full[:2], strict=True):
        for section in ("petitions", "disputes"):
            assert got.to_dict()[section] == {k: want.to_dict()[section][k] for k in
                                              ("received", "handled", "closed", "closure_rate")}
