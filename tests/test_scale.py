"""Scale (issue #19): migration 0010's indexes, the lists' keyset pages, the importer's numbering
lock and person look-ups, the streamed xlsx export. Nothing here times anything
(benchmarks/bench_scale.py does); the plans are read with EXPLAIN QUERY PLAN instead."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from caseapp import exchange, queries, services
from caseapp.demo import run_demo
from caseapp.figures import stats
from caseapp.queries.case_list import CaseFilter
from caseapp.storage.migrate import open_database
from caseapp.storage.models import LIVE_INDEXES, Case

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0"
TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_db(module_db):
    db = module_db("scale")
    actor = db.local_user_id()
    run_demo(db, actor, cases=400, seed=7, today=TODAY)
    # A few deleted cases, which no list or page may show.
    with db.read() as session:
        doomed = list(session.scalars(select(Case.id).order_by(Case.id).limit(9)))
    for cid in doomed[::2]:
        services.delete_case(db, actor, cid, "录入重复")
    return db


def plan(db, stmt) -> str:
    with db.read() as session:
        sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
        return "\n".join(r[-1] for r in session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql))


# --- migration 0010 on a copy of the 0.1.0 file ---------------------------------------------


@pytest.mark.sqlite_only("the release 0.1.0 SQLite file")
def test_migration_0010_keeps_cases_and_figures_and_adds_the_indexes(tmp_path):
    copy = tmp_path / "casedesk.db"
    shutil.copy(FIXTURE / "casedesk.db", copy)
    conn = sqlite3.connect(copy)
    cases = conn.execute("SELECT number, kind, status, received_on, deleted_at FROM cases "
                         "ORDER BY number").fetchall()
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    conn.close()
    assert cases and not set(LIVE_INDEXES) & names  # the release had none of them

    db = open_database(copy, backup_before_upgrade=False)
    try:
        expected = json.loads((FIXTURE / "expected" / "stats-2025.json").read_text("utf-8"))
        got = stats.figures(db, date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31)).to_dict()
        for section in ("petitions", "disputes"):
            for key, value in expected[section].items():
                assert got[section][key] == value, (section, key)
        ids = queries.case_ids(db, CaseFilter(kind="petition", today=TODAY))
        assert queries.first_page(db, CaseFilter(kind="petition", today=TODAY), limit=5).ids \
            == ids[:5]
    finally:
        db.dispose()
    conn = sqlite3.connect(copy)
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert version >= "0010"
        sql = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index'"))
        for name in LIVE_INDEXES:
            assert "WHERE deleted_at IS NULL" in sql[name], name
        assert "ix_persons_phone" in sql
        # Statistics gathered for the planner on the upgraded file.
        assert conn.execute("SELECT count(*) FROM sqlite_stat1 WHERE idx = "
                            "'ix_cases_live_kind_received'").fetchone()[0] == 1
        assert conn.execute("SELECT number, kind, status, received_on, deleted_at FROM cases "
                            "ORDER BY number").fetchall() == cases
    finally:
        conn.close()


# --- the case list's first page and keyset pages --------------------------------------------


FILTERS = [
    CaseFilter(kind="petition", today=TODAY),
    CaseFilter(kind="dispute", today=TODAY),
    CaseFilter(today=TODAY),
    CaseFilter(kind="dispute", statuses=("closed",), today=TODAY),
    CaseFilter(kind="petition", received_from=date(2026, 1, 1), today=TODAY),
]


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f"{f.kind}-{f.statuses}-{f.received_from}")
def test_keyset_pages_walk_the_same_order_as_case_ids(demo_db, flt, descending):
    db = demo_db
    whole = queries.case_ids(db, flt, "received_on", descending)
    assert len(whole) > 20
    walked: list[int] = []
    after = None
    while True:
        page = queries.case_ids(db, flt, "received_on", descending, limit=7, after=after)
        if not page:
            break
        walked += page
        last = queries.case_rows(db, page[-1:], TODAY)[0]
        after = (last.received_on, last.id)
    assert walked == whole
    # Ties on the day exist, so the id really breaks them.
    days = [r.received_on for r in queries.case_rows(db, whole, TODAY)]
    assert len(set(days)) < len(days)


@pytest.mark.parametrize("sort", sorted(queries.SORT_KEYS))
def test_first_page_is_the_head_of_the_list(demo_db, sort):
    db = demo_db
    flt = CaseFilter(kind="petition", today=TODAY)
    whole = queries.case_ids(db, flt, sort, True)
    page = queries.first_page(db, flt, sort, True, limit=25, today=TODAY)
    assert page.ids == whole[:25] and not page.complete
    assert [r.id for r in page.rows] == page.ids
    assert page.rows == queries.case_rows(db, whole[:25], TODAY)
    small = queries.first_page(db, flt, sort, True, limit=len(whole), today=TODAY)
    assert small.complete and small.ids == whole


def test_keyset_pages_only_follow_the_received_order(demo_db):
    with pytest.raises(ValueError):
        queries.case_ids(demo_db, CaseFilter(), "number", after=(TODAY, 1))


@pytest.mark.sqlite_only("SQLite's query plan")
def test_first_page_reads_an_index_in_order(demo_db):
    """The newest cases of a kind, and of a filter the live indexes cover, come from the index
    in order: no temporary B-tree sorting every id of the kind."""
    cases = [
        (CaseFilter(kind="petition", today=TODAY), "ix_cases_live_kind_received"),
        (CaseFilter(today=TODAY), "ix_cases_live_received"),
        (CaseFilter(kind="dispute", statuses=("in_progress",), today=TODAY),
         "ix_cases_live_kind_status"),
        (CaseFilter(kind="petition", category="劳动社保", today=TODAY),
         "ix_cases_live_kind_category"),
        (CaseFilter(kind="dispute", handler="张三", today=TODAY), "ix_cases_live_kind_handler"),
        (CaseFilter(kind="dispute", street="马鞍街道", today=TODAY), "ix_cases_live_kind_street"),
    ]
    for flt, index in cases:
        sql, params = first_query(demo_db, flt)
        with demo_db.read() as session:
            text = "\n".join(r[-1] for r in session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql, params))
        assert index in text and "TEMP B-TREE" not in text, (flt, text)


def first_query(db, flt) -> tuple[str, tuple]:
    """The SQL (and parameters) of the id query queries.first_page runs."""
    from sqlalchemy import event

    seen: list[tuple[str, tuple]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, tuple(parameters)))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        queries.first_page(db, flt, limit=100, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    return next((sql, p) for sql, p in seen if sql.lstrip().upper().startswith("SELECT CASES.ID")
                and "LIMIT" in sql.upper())


# --- import: person look-ups and the numbering lock -----------------------------------------


@pytest.mark.sqlite_only("SQLite's query plan")
def test_the_importers_person_look_ups_use_their_indexes(db, actor, tmp_path):
    """The importer finds a file's persons by phone through ix_persons_phone and by ID number
    through (office_id, id_number). Beside `office_id = ?` a 1M-case file's statistics made
    SQLite take the office's prefix of the ID-number index for the phones and read every
    person for each batch of 1,000 (100,000 rows into that file: 615 s, 363 of them here)."""
    from tests.big_file_plans import case_steps, plant_million_case_stats, statements

    services.register_petition(db, actor, services.CaseInput(
        summary="拖欠工资", category="劳动社保", received_on=date(2026, 3, 2), source="来访"),
        [services.PartyInput(name="张三", role="信访人", phone="13800138000")])
    plant_million_case_stats(db)
    path = tmp_path / "in.csv"
    # 500 phones: a list long enough (× 3 rows a phone) to seem worse than one office's 1,001
    rows = [f"信访,2026-03-03,张{i},1380013{i:04d},,劳动社保,欠薪" for i in range(500)]
    path.write_text("类型,登记日期,当事人,联系电话,身份证号,类别,事项摘要\n" + "\n".join(rows)
                    + "\n信访,2026-03-04,李四,13900139000,11010519491231002X,劳动社保,欠薪\n",
                    encoding="utf-8-sig")
    with statements(db) as seen:
        exchange.run_import(db, actor, path)
    plant_million_case_stats(db)  # again: the import's PRAGMA optimize analysed this file
    looks = {"phone IN": "ix_persons_phone", "id_number IN": "sqlite_autoindex_persons_1"}
    for needle, index in looks.items():
        reads = [(s, p) for s, p in seen if "FROM persons" in s and needle in s]
        assert reads, needle
        for statement, params in reads:
            steps = case_steps(db, statement, params, keep=lambda step: "persons" in step)
            assert steps and all(index in step for step in steps), (needle, steps)


def test_import_numbers_a_new_year_under_the_numbering_lock(db, actor, tmp_path, monkeypatch):
    """The importer takes its sequence rows with services.lock_sequence, the lock every act
    takes (on PostgreSQL: a new year's row made with ON CONFLICT and locked)."""
    from caseapp.services import intake

    taken: list[tuple[str, int]] = []
    real = intake.lock_sequence

    def spy(session, kind, year, *office):  # each office numbers its own (issue #18)
        taken.append((kind, year))
        return real(session, kind, year, *office)

    monkeypatch.setattr(intake, "lock_sequence", spy)
    monkeypatch.setattr(services, "lock_sequence", spy)
    path = tmp_path / "in.csv"
    path.write_text("类型,登记日期,当事人,类别,事项摘要\n"
                    "信访,2026-01-05,甲某,劳动社保,新年第一件\n"
                    "信访,2026-01-06,乙某,劳动社保,新年第二件\n", encoding="utf-8-sig")
    exchange.run_import(db, actor, path)
    assert taken == [("petition", 2026)]
    services.register_petition(db, actor, services.CaseInput(
        summary="窗口登记", category="劳动社保", received_on=date(2026, 1, 7), source="来访"),
        [services.PartyInput("丙某", "信访人")])
    with db.read() as session:
        numbers = list(session.scalars(select(Case.number).where(
            Case.received_on >= date(2026, 1, 1)).order_by(Case.received_on)))
    assert len(numbers) == len(set(numbers)) == 3
    assert [n[-5:] for n in numbers] == ["0001号", "0002号", "0003号"]


# --- the streamed xlsx export ---------------------------------------------------------------


def test_streamed_sheet_reads_back_with_openpyxl(tmp_path):
    from caseapp.exchange.xlsx_stream import SheetWriter

    path = tmp_path / "s.xlsx"
    sheet = SheetWriter(path, "案件", [12, 40, 12, 12, 12], rows=2)
    sheet.row(["类型", "摘要", "日期", "金额", "人数"])
    sheet.row(["纠纷", "<甲> & \"乙\" 的\n纠纷\x01", date(2026, 3, 2), Decimal("1234.50"), 3])
    sheet.row(["=1+1", None, datetime(2026, 3, 2, 12, 0), None, 0])
    sheet.close()
    wb = load_workbook(path)
    ws = wb["案件"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width == 40
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[1] == ["纠纷", "<甲> & \"乙\" 的\n纠纷", datetime(2026, 3, 2), 1234.5, 3]
    assert rows[2] == ["=1+1", None, datetime(2026, 3, 2, 12, 0), None, 0]
    assert ws["A3"].data_type == "s"  # text, never a formula
    assert ws["C2"].is_date and ws["C2"].number_format == "yyyy-mm-dd"
    streamed = load_workbook(path, read_only=True)
    assert streamed["案件"].max_row == 3
    streamed.close()


def test_full_export_round_trips_through_the_streamed_sheet(demo_db, tmp_path):
    out = tmp_path / "all.xlsx"
    rows = exchange.run_export(demo_db, out, today=TODAY)
    csv_out = tmp_path / "all.csv"
    exchange.run_export(demo_db, csv_out, today=TODAY)
    ws = load_workbook(out, read_only=True).worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    assert len(values) == rows + 1
    # The same cells as the CSV export, value for value.
    import csv

    with open(csv_out, encoding="utf-8-sig", newline="") as fh:
        text_rows = list(csv.reader(fh))
    assert [str(v) for v in values[0]] == text_rows[0]
    for got, want in zip(values[1:], text_rows[1:], strict=True):
        printed = ["" if v is None else v.date().isoformat() if isinstance(v, datetime)
                   else str(v) for v in got]
        printed += [""] * (len(want) - len(printed))
        assert [p.rstrip("0").rstrip(".") if "." in p else p for p in printed] == \
               [w.lstrip("'").rstrip("0").rstrip(".") if "." in w else w.lstrip("'")
                for w in want]


def _earlier_petitions_setting(db, actor):
    def petition(category, on, name="张秀英"):
        return services.register_petition(db, actor, services.CaseInput(
            summary="要求支付拖欠工资", category=category, received_on=on),
            [services.PartyInput(name=name, role="信访人", phone="13800001111")])

    first = petition("劳动社保", date(2026, 1, 5))
    petition("城乡建设", date(2026, 1, 6))  # another category
    gone = petition("劳动社保", date(2026, 1, 7))
    services.delete_case(db, actor, gone.id, "录入重复")
    petition("劳动社保", date(2026, 1, 8), name="王建国")  # another person
    second = petition("劳动社保", date(2026, 1, 9))
    later = petition("劳动社保", date(2026, 2, 1))
    return first, second, later


def test_a_petitions_earlier_ones(db, actor):
    """重复信访: the same 信访人's earlier petitions of the category, neither deleted ones nor
    another person's or category's, nor later ones."""
    first, second, later = _earlier_petitions_setting(db, actor)
    assert queries.case_detail(db, later.id, TODAY).earlier_petitions == (
        (first.id, first.number), (second.id, second.number))
    assert queries.case_detail(db, second.id, TODAY).earlier_petitions == (
        (first.id, first.number),)
    assert queries.case_detail(db, first.id, TODAY).earlier_petitions == ()


@pytest.mark.sqlite_only("SQLite's query plan")
def test_a_petitions_earlier_ones_are_read_from_its_persons_cases(db, actor):
    """Read by the person's own cases. Without a big file's statistics SQLite walked every
    petition of the category received before the case (25 ms at 1M cases, against 0.1)."""
    from tests.big_file_plans import case_steps, plant_million_case_stats, statements

    first, second, later = _earlier_petitions_setting(db, actor)
    plant_million_case_stats(db)
    with statements(db) as seen:
        found = queries.case_detail(db, later.id, TODAY).earlier_petitions
    assert found == ((first.id, first.number), (second.id, second.number))
    reads = [(s, p) for s, p in seen if "FROM cases" in s and "case_parties.person_id IN" in s]
    assert len(reads) == 1
    steps = case_steps(db, *reads[0])
    assert steps and all("PRIMARY KEY" in step for step in steps), steps
