"""A period not yet over is measured as of today (docs/domain.md §5): 超期未结 counts only the
cases whose deadline has already passed, and every printout of such a period says so."""

import json
from datetime import date, datetime

from openpyxl import load_workbook
from pypdf import PdfReader

from caseapp import services as s
from caseapp.cli.main import main
from caseapp.figures import stats
from caseapp.queries import CaseFilter, case_detail, case_ids
from caseapp.reports.summary import annual_report, monthly_report
from caseapp.reports.tables_xlsx import summary_xlsx

MADE = datetime(2026, 12, 1, 9, 30)  # the day the office prints: 1 December


def dispute(db, actor, received: date, summary: str) -> int:
    ref = s.register_dispute(db, actor, s.CaseInput(
        summary=summary, category="邻里纠纷", received_on=received, source="当事人申请"),
        [s.PartyInput(name="王桂兰", role="申请人")])
    s.accept(db, actor, ref.id, on=received)  # 30 days to mediate
    return ref.id


def office(db, actor) -> dict[str, int]:
    return {
        # due 11-14, a Saturday: 11-16, the next working day (民法典 Art. 203)
        "past_due": dispute(db, actor, date(2026, 10, 15), "通道占用争议"),
        "due_on_22nd": dispute(db, actor, date(2026, 11, 22), "加建遮挡采光"),  # due 12-22
    }


def text_of(path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_figures_of_a_running_period_are_measured_today(db, actor):
    ids = office(db, actor)
    december = (date(2026, 12, 1), date(2026, 12, 31))
    fig = stats.figures(db, *december, today=MADE.date())
    assert fig.as_of == MADE.date() and not fig.complete
    assert fig.disputes.overdue_open == 1  # the case due on the 22nd is not overdue yet
    listed = case_ids(db, CaseFilter(kind="dispute", figure=("overdue_open", *december),
                                     today=MADE.date()))
    assert listed == [ids["past_due"]]
    # Measured after the month, both are overdue; a month never reads a day past its end.
    assert stats.figures(db, *december, today=date(2027, 1, 5)).disputes.overdue_open == 2
    assert stats.figures(db, *december, today=date(2027, 1, 5)).as_of == date(2026, 12, 31)
    # A period still to come is measured on its last day at the latest, never after today.
    assert stats.figures(db, date(2027, 1, 1), date(2027, 1, 31),
                         today=MADE.date()).as_of == MADE.date()


def test_monthly_printout_of_the_current_month(db, actor, tmp_path):
    ids = office(db, actor)
    text = text_of(monthly_report(db, 2026, 12, tmp_path / "m.pdf", made=MADE))
    assert "统计截至2026年12月1日" in text
    assert "超期未结案件（截至2026年12月1日）" in text
    numbers = numbers_of(db, ids)
    assert numbers[ids["past_due"]] in text
    assert numbers[ids["due_on_22nd"]] not in text  # its deadline is three weeks ahead
    # 超期天数 are counted to the 1st: due 11-16 → 15 days.
    assert f"{numbers[ids['past_due']]}矛盾纠纷" in text and "2026-11-1615" in text


def test_monthly_printout_of_a_past_month_says_nothing_of_today(db, actor, tmp_path):
    office(db, actor)
    text = text_of(monthly_report(db, 2026, 11, tmp_path / "m.pdf", made=MADE))
    assert "统计截至" not in text
    assert "超期未结案件（截至2026年11月30日）" in text


def test_annual_printout_of_the_running_year(db, actor, tmp_path):
    office(db, actor)
    text = text_of(annual_report(db, 2026, tmp_path / "a.pdf", made=MADE))
    assert "统计截至2026年12月1日" in text
    assert "本年截至12月1日办理信访件" in text and "全年办理" not in text
    assert "与上年同期比较（同比）" in text


def test_excel_tables_say_how_far_the_figures_go(db, actor, tmp_path):
    office(db, actor)
    path = summary_xlsx(db, date(2026, 12, 1), date(2026, 12, 31), tmp_path / "t.xlsx",
                        today=MADE.date())
    notes = [c.value for row in load_workbook(path)["说明"].iter_rows() for c in row if c.value]
    assert any("统计截至：2026-12-01" in str(v) for v in notes)


def test_cli_stats_gives_the_day_and_takes_another(db, actor, capsys, monkeypatch):
    office(db, actor)
    url = str(db.engine.url)
    assert main(["--db", url, "stats", "--from", "2026-12-01", "--to", "2026-12-31", "--json",
                 "--as-of", "2026-12-01"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["as_of"] == "2026-12-01" and out["disputes"]["overdue_open"] == 1
    assert main(["--db", url, "stats", "--from", "2026-12-01", "--to", "2026-12-31",
                 "--as-of", "2027-02-01"]) == 0
    printed = capsys.readouterr().out
    assert "统计截至" not in printed  # measured at the month's end: the figures are final


def numbers_of(db, ids: dict[str, int]) -> dict[int, str]:
    return {case_id: case_detail(db, case_id).number for case_id in ids.values()}
