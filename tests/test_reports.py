"""The summaries read back with pypdf: every printed figure equals stats.py for the period."""

from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from caseapp.cli.main import main
from caseapp.demo.generator import run_demo
from caseapp.figures import stats
from caseapp.reports import fonts
from caseapp.reports.detail_rows import (
    BREAKDOWNS,
)
from caseapp.reports.rows import (
    MAIN_SECTIONS,
    Rate,
    change,
    figure_cell,
    month_comparisons,
    printed,
    section_of,
)
from caseapp.reports.summary import annual_report, monthly_report

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_db(module_db):
    database = module_db("demo")
    run_demo(database, database.local_user_id(), cases=1500, seed=7, today=TODAY)
    yield database
    database.dispose()


def lines_of(path) -> list[str]:
    out = []
    for page in PdfReader(path).pages:
        out += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return out


def flat(path) -> str:
    return "".join("".join(PdfReader(path).pages[i].extract_text().split())
                   for i in range(len(PdfReader(path).pages)))


def values_after(lines: list[str], label: str, n: int, start: int = 0) -> list[str]:
    i = lines.index(label, start)
    return lines[i + 1:i + 1 + n]


def check_main_table(lines, fig, compared=()):
    """Each section's lines: the label, the period's figure, then per period compared with its
    figure and the change in words."""
    for section in MAIN_SECTIONS:
        start = lines.index(section.title)
        for line in section.lines:
            i = lines.index(line.shown_label, start)
            now = figure_cell(section_of(fig, section.key), line.key)
            assert lines[i + 1] == printed(now), line.label
            for k, c in enumerate(compared):
                before = figure_cell(section_of(c.figures, section.key), line.key)
                assert lines[i + 2 + 2 * k] == printed(before), (line.label, c.change_head)
                change = lines[i + 3 + 2 * k]
                assert "-" not in change and "+" not in change  # words, never a sign
                assert change == "—" or change == "持平" or change[:2] in (
                    "增加", "减少", "上升", "下降"), change


def test_monthly_figures_equal_stats(demo_db, tmp_path):
    path = monthly_report(demo_db, 2026, 10, tmp_path / "m.pdf", made_by="周志强")
    lines = lines_of(path)
    fig = stats.figures(demo_db, date(2026, 10, 1), date(2026, 10, 31))
    assert fig.petitions.handled > 0 and fig.disputes.succeeded > 0
    compared = month_comparisons(demo_db, fig)
    assert [c.change_head for c in compared] == ["环比", "同比"]
    assert compared[0].figures.date_from == date(2026, 9, 1)
    assert compared[1].figures.date_to == date(2025, 10, 31)
    check_main_table(lines, fig, compared)
    shown = stats.printable(fig)
    # Every row of the category breakdowns.
    for key, section, title, _dim in BREAKDOWNS:
        if section is None:
            continue
        start = lines.index(next(x for x in lines if x.endswith(title)))
        for row in shown[key][section]:
            name = row[key.removeprefix("by_")]
            total = sum(r["received"] for r in shown[key][section])
            assert values_after(lines, name, 5, start) == [
                f"{row['received']:,}", stats.format_rate(row["received"], total),
                f"{row['handled']:,}", f"{row['closed']:,}", row["closure_rate"]]
        # The 合计 row closes the table, 占比 100%.
        rows = shown[key][section]
        total_at = lines.index("合计", start)
        assert values_after(lines, "合计", 2, start) == [
            f"{sum(r['received'] for r in rows):,}", "100%"], title
        assert total_at > start
    text = flat(path)
    assert "办结率＝办结数÷办理数" in text  # the formulas footnote
    # The sign-off of an official statistical report.
    assert "填表人：周志强" in text and "审核人：" in text and "单位负责人：" in text
    assert "填报单位（盖章）：" in text and "报出日期：" in text
    assert "协议涉及金额：调解成功件的涉及金额之和" in text
    assert "标“暂无数据”的指标" not in text and "转送数（暂无数据）" not in text  # 转送 has its act
    # 预防成效 and 风险等级 have their act too (services.mediation_acts): no line is marked.
    assert "（暂无数据）" not in text and "防止民转刑案件" in text and "重大纠纷数" in text
    assert "—1—" in text


def test_monthly_lists_the_overdue_cases_with_masked_names(demo_db, tmp_path):
    from caseapp.queries.case_list import CaseFilter, case_ids, case_rows

    path = monthly_report(demo_db, 2026, 10, tmp_path / "m.pdf")
    text = flat(path)
    f, t = date(2026, 10, 1), date(2026, 10, 31)
    overdue = case_ids(demo_db, CaseFilter(figure=("overdue_open", f, t)))
    assert len(overdue) == sum(stats.figures(demo_db, f, t).of(k).overdue_open for k in stats.KINDS)
    rows = case_rows(demo_db, overdue[:20], today=t)
    for r in rows:
        assert r.number in text
        assert f"{(t - r.due_on).days}" in text
    # The full name of a party never appears in the overdue list; the masked one does.
    assert any(r.party[0] + "*" * (len(r.party) - 1) in text for r in rows)


def test_annual_sentence_and_tables(demo_db, tmp_path):
    path = annual_report(demo_db, 2025, tmp_path / "a.pdf")
    fig = stats.figures(demo_db, date(2025, 1, 1), date(2025, 12, 31))
    sentence = stats.annual_sentence(fig)
    assert sentence.startswith(f"全年办理信访件{fig.petitions.handled:,}件，"
                               f"已办结{fig.petitions.closed:,}件，办结率")
    assert sentence in flat(path)
    prev = stats.figures(demo_db, date(2024, 1, 1), date(2024, 12, 31))
    from caseapp.reports.rows import Compared
    check_main_table(lines_of(path), fig, [Compared("上年", "同比增减", prev)])
    text = flat(path)
    assert "与上年比较" in text
    # No doubled words where a kind's title meets a label.
    assert "信访件信访" not in text and "矛盾纠纷纠纷" not in text
    # The month table has 办理 and 结转 (handled less closed) beside 登记 and 办结.
    lines = lines_of(path)
    series = stats.month_series(demo_db, 2025, 1, 12)
    may = series[4].petitions
    i = lines.index("5月")
    assert lines[i + 1:i + 6] == [f"{may.count('received'):,}", f"{may.count('handled'):,}",
                                  f"{may.count('closed'):,}",
                                  f"{may.count('handled') - may.count('closed'):,}",
                                  stats.format_rate(may.count("closed"), may.count("handled"))]


def test_empty_period_prints_dashes(tmp_path, db):
    path = monthly_report(db, 2026, 2, tmp_path / "empty.pdf")
    lines = lines_of(path)
    # 本月, 上月, 环比, 上年同月, 同比: nothing to divide, nothing changed.
    assert values_after(lines, "办结率", 5) == ["—"] * 5
    assert values_after(lines, "登记数", 5) == ["0", "0", "持平", "0", "持平"]


def _embedded_fonts(path):
    names = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for d in font.get("/DescendantFonts", []):
                descriptors.append(d.get_object().get("/FontDescriptor"))
            embedded = any(d is not None and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                           for d in descriptors)
            names[str(font["/BaseFont"])] = embedded
    return names


def test_fonts_are_embedded_when_a_truetype_font_exists(demo_db, tmp_path):
    if not fonts.chinese_fonts().embedded:
        pytest.skip("no TrueType Chinese font on this machine")
    names = _embedded_fonts(monthly_report(demo_db, 2026, 10, tmp_path / "m.pdf"))
    assert names and all(names.values()), names


def test_fallback_font_with_a_visible_warning(db, tmp_path, monkeypatch):
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setenv("CASEAPP_FONT_DIRS", str(empty))
    assert fonts.chinese_fonts().embedded is False
    path = monthly_report(db, 2026, 3, tmp_path / "fallback.pdf")
    names = _embedded_fonts(path)
    assert any("STSong-Light" in n for n in names)
    assert "未找到可嵌入的中文字体" in flat(path)


def test_report_commands(demo_db, tmp_path, capsys):
    dbpath = demo_db.url  # the file, or the server database (--db-url)
    assert main(["--db", dbpath, "report", "monthly", "--month", "2026-10", "-o", str(tmp_path / "m.pdf")]) == 0
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    assert main(["--db", dbpath, "report", "annual", "--year", "2025", "-o", str(tmp_path / "a.pdf")]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["--db", dbpath, "report", "monthly", "--month", "2026-13", "-o", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2
    assert main(["--db", dbpath, "report", "case", "（1999）无此号", "--doc", "sheet",
                 "-o", str(tmp_path / "c.pdf")]) == 1
    assert not (tmp_path / "c.pdf").exists()
    err = capsys.readouterr().err
    assert "Traceback" not in err


@pytest.mark.parametrize("now, before, percent, text", [
    (Rate(952, 1000), Rate(955, 1000), False, "下降0.3个百分点"),
    (Rate(60, 63), Rate(1, 2), False, "上升45.2个百分点"),
    (Rate(1, 2), Rate(5, 10), False, "持平"),
    (Rate(1, 1), Rate(0, 0), False, "—"),
    (Rate(3, 4), Rate(1, 2), False, "上升25个百分点"),  # ".0" dropped as in every rate
    (1234, 12, False, "增加1,222件"),
    (3, 7, False, "减少4件"),
    (5, 5, False, "持平"),
    (12, 10, True, "增加2件（增长20%）"),
    (8, 10, True, "减少2件（下降20%）"),
    (3, 0, True, "增加3件"),
    (Decimal("1500.50"), Decimal("266.00"), False, "增加1,234.50元"),
])
def test_changes_are_words_never_signs(now, before, percent, text):
    assert change(now, before, percent) == text


def test_real_life_agreement_forms(db, actor):
    from datetime import timedelta

    from caseapp import services

    day = date.today() - timedelta(days=10)
    ref = services.register_dispute(
        db, actor, services.CaseInput(summary="邻里噪音", category="邻里纠纷", received_on=day,
                                      amount=Decimal("1234.56")),
        [services.PartyInput(name="张三", role="申请人"), services.PartyInput(name="李四", role="被申请人")])
    services.accept(db, actor, ref.id, on=day)
    services.record_agreement(db, actor, ref.id, "口头协议", day, ["互相谅解"])
    services.close(db, actor, ref.id, "调解成功", on=day)
    d = stats.figures(db, day, date.today()).disputes
    assert (d.oral, d.written, d.agreement_amount) == (1, 0, Decimal("1234.56"))
