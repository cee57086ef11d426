"""The printed case list names its filter and holds exactly the list's cases in the list's
order; the list's export adds 状态, 期限 and 超期天数 and still imports back."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from caseapp import exchange, queries
from caseapp.exchange.columns import LOOKUP
from caseapp.exchange.exporter import EXPORT_ONLY_HEADERS
from caseapp.queries.case_list import CaseFilter
from caseapp.reports.case_list import filter_line, run_case_list

TODAY = date(2026, 3, 20)
MADE = datetime(2026, 3, 20, 9, 30)
STREETS = ("马鞍街道", "江北街道")


@pytest.fixture
def fresh_db(make_db):
    return make_db  # another database of the run's kind (tests/conftest.py)


def import_cases(db, actor, tmp_path, n: int) -> None:
    """n petitions: every third one accepted (so 办理中), summaries with and without 工资."""
    path = tmp_path / "in.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(["类型", "登记日期", "受理日期", "当事人", "街镇", "类别", "承办人", "事项摘要"])
        for i in range(n):
            received = TODAY - timedelta(days=i % 90)
            accepted = (received + timedelta(days=1)) if i % 3 == 0 and i % 90 else None
            out.writerow(["信访", received.isoformat(), accepted.isoformat() if accepted else "",
                          f"当事人{i}", STREETS[i % 2], "劳动社保", "周志强",
                          f"第{i}件：反映{'拖欠工资' if i % 2 == 0 else '噪音扰民'}问题，" + "详情" * (i % 7)])
    exchange.run_import(db, actor, path)


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def numbers_in(text: str) -> list[str]:
    return re.findall(r"（\d{4}）信字第\d{4}号", text)


def test_filter_line_names_only_what_is_set():
    assert filter_line(CaseFilter(kind="petition")) == "全部案件"
    flt = CaseFilter(kind="petition", statuses=("in_progress",), street="马鞍街道", text=" 工资 ")
    assert filter_line(flt) == "筛选：状态 办理中；街镇 马鞍街道；搜索「工资」"
    flt = CaseFilter(kind="dispute", statuses=("in_progress",), category="邻里纠纷",
                     handler="周志强", received_from=date(2026, 1, 1),
                     received_to=date(2026, 3, 31), overdue_only=True)
    assert filter_line(flt) == ("筛选：状态 调解中；类别 邻里纠纷；承办人 周志强；"
                                "登记日期 2026年1月1日至2026年3月31日；仅当前超期")


def test_printout_holds_the_filtered_list_in_order(db, actor, tmp_path):
    import_cases(db, actor, tmp_path, 40)
    flt = CaseFilter(kind="petition", statuses=("in_progress",), street="马鞍街道", text="工资",
                     today=TODAY)
    want = [r.number for r in queries.case_rows(db, queries.case_ids(db, flt, "number", False))]
    assert 2 <= len(want) < 40
    out = run_case_list(db, flt, tmp_path / "list.pdf", sort="number", descending=False,
                        made=MADE)
    text = pdf_text(out)
    assert "信访件列表" in text
    assert "筛选：状态 办理中；街镇 马鞍街道；搜索「工资」" in text
    assert f"共 {len(want)} 件" in text and "打印日期：2026年3月20日" in text
    assert numbers_in(text) == want
    assert "— 1 —" in text


def test_a_long_list_runs_over_pages_in_the_lists_order(db, actor, tmp_path):
    import_cases(db, actor, tmp_path, 120)
    flt = CaseFilter(kind="petition", today=TODAY)
    want = [r.number for r in queries.case_rows(db, queries.case_ids(db, flt, "received_on", True))]
    steps = []
    out = run_case_list(db, flt, tmp_path / "all.pdf", made=MADE,
                        on_progress=lambda p: steps.append(p) and False)
    reader = PdfReader(out)
    assert len(reader.pages) > 1
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = pdf_text(out)
    assert "全部案件" in text and "共 120 件" in text
    assert numbers_in(text) == want
    assert "— 2 —" in text
    assert steps and steps[-1].done == 120


def test_export_adds_status_deadline_and_days_over(db, actor, tmp_path, fresh_db):
    import_cases(db, actor, tmp_path, 6)
    flt = CaseFilter(kind="petition", today=TODAY + timedelta(days=100))
    ids = queries.case_ids(db, flt)
    rows = {r.number: r for r in queries.case_rows(db, ids, flt.today)}
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"list{suffix}"
        exchange.run_export(db, out, case_ids=ids, actor=actor, today=flt.today)
        if suffix == ".csv":
            got = list(csv.DictReader(open(out, encoding="utf-8-sig", newline="")))
        else:
            ws = load_workbook(out).worksheets[0]
            values = list(ws.iter_rows(values_only=True))
            got = [dict(zip(values[0], v, strict=True)) for v in values[1:]]
        assert list(got[0])[-3:] == list(EXPORT_ONLY_HEADERS)
        assert len(got) == len(rows)
        for line in got:
            r = rows[line["编号"]]
            due = line["期限"]
            due = due.date() if isinstance(due, datetime) else date.fromisoformat(due)
            assert due == r.due_on
            assert line["状态"] == r.status_label
            # Every case is open and past its deadline 100 days on: days over to that day.
            assert r.deadline_state == "overdue"
            assert int(line["超期天数"]) == (flt.today - r.due_on).days == -r.days_left
        # The export-only columns are not exchange columns: the file imports back.
        assert not any(h.lower() in LOOKUP for h in EXPORT_ONLY_HEADERS)
        other = fresh_db(f"again{suffix[1:]}")
        assert exchange.run_import(other, other.local_user_id(), out).rows == len(rows)


def test_export_leaves_days_over_blank_when_not_overdue(db, actor, tmp_path):
    import_cases(db, actor, tmp_path, 3)
    out = tmp_path / "now.csv"
    exchange.run_export(db, out, today=TODAY)
    got = list(csv.DictReader(open(out, encoding="utf-8-sig", newline="")))
    assert {line["超期天数"] for line in got} == {""}
    assert {line["状态"] for line in got} <= {"待受理", "办理中"}
