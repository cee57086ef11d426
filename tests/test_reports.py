"""The summaries read back with pypdf: every printed figure equals stats.py for the period."""

from datetime import date

import pytest
from pypdf import PdfReader

from caseapp.cli.main import main
from caseapp.demo.generator import run_demo
from caseapp.figures import stats
from caseapp.reports import fonts
from caseapp.reports.rows import BREAKDOWNS, MAIN_ROWS
from caseapp.reports.summary import annual_report, monthly_report

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from caseapp.storage.migrate import open_database

    database = open_database(tmp_path_factory.mktemp("rep") / "demo.db")
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


def check_main_table(lines, fig):
    shown = stats.printable(fig)
    for label, pk, dk in MAIN_ROWS:
        expect = [
            "／" if pk is None else (shown["petitions"][pk] if isinstance(shown["petitions"][pk], str)
                                    else f"{shown['petitions'][pk]:,}"),
            "／" if dk is None else (shown["disputes"][dk] if isinstance(shown["disputes"][dk], str)
                                    else f"{shown['disputes'][dk]:,}"),
        ]
        assert values_after(lines, label, 2) == expect, label


def test_monthly_figures_equal_stats(demo_db, tmp_path):
    path = monthly_report(demo_db, 2026, 10, tmp_path / "m.pdf", made_by="周志强")
    lines = lines_of(path)
    fig = stats.figures(demo_db, date(2026, 10, 1), date(2026, 10, 31))
    assert fig.petitions.handled > 0 and fig.disputes.succeeded > 0
    check_main_table(lines, fig)
    shown = stats.printable(fig)
    # Every row of the category breakdowns.
    for key, section, title, _dim in BREAKDOWNS:
        if section is None:
            continue
        start = lines.index(next(x for x in lines if x.endswith(title)))
        for row in shown[key][section]:
            name = row[key.removeprefix("by_")]
            assert values_after(lines, name, 4, start) == [
                f"{row['received']:,}", f"{row['handled']:,}", f"{row['closed']:,}", row["closure_rate"]]
    text = flat(path)
    assert "办结率＝办结数÷办理数" in text  # the formulas footnote
    assert "制表人：周志强" in text and "审核人" in text
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
    assert sentence.startswith(f"全年办理信访件{fig.petitions.handled}件，已办结{fig.petitions.closed}件，办结率")
    assert sentence in flat(path)
    check_main_table(lines_of(path), fig)
    assert "与上年比较" in flat(path)


def test_empty_period_prints_dashes(tmp_path, db):
    path = monthly_report(db, 2026, 2, tmp_path / "empty.pdf")
    lines = lines_of(path)
    assert values_after(lines, "办结率", 2) == ["—", "—"]
    assert values_after(lines, "登记数", 2) == ["0", "0"]


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
    dbpath = str(demo_db.path)
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
