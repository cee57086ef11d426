"""The exchange file at scale (issue #19, items 4 and 5): the streamed sheet's batches read back
with openpyxl cell for cell, the export's id batches, and the import's person look-ups served
by indexes inside a bigger page cache. No timing here (benchmarks/bench_scale.py times)."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, select

from caseapp import services
from caseapp.exchange import run_export, run_import, xlsx_stream
from caseapp.exchange.bulk_write import CACHE_KIB, bulk_cache
from caseapp.exchange.xlsx_stream import SheetWriter
from caseapp.storage.models import Case

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def read_back(value: object) -> object:
    """What openpyxl gives for a value the writer was handed."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral() else int(value)
    return value


def sample_rows(n: int) -> list[list]:
    """Rows whose columns cover each path of the writer: repeated short text (shared), distinct
    text (inline), text needing escapes, spaces and line breaks, dates, numbers, a column of
    mixed types, blanks, and a short row."""
    mixed = [True, 7, Decimal("12.50"), datetime(2026, 3, 2, 13, 30), 2.25, "混合", None, "",
             date(2026, 1, 31), False, Decimal("3")]
    rows = []
    for i in range(n):
        rows.append([
            ("信访", "纠纷")[i % 2],                        # shared
            f"（2026）信字第{i:05d}号",                       # distinct: inline
            f"<甲{i}> & \"乙\" 的\n纠纷\x01" if i % 97 == 0 else f"摘要{i}",
            date(2026, 1, 1 + i % 28) if i % 5 else None,
            i if i % 3 else None,
            f"  两头有空格{i % 4}  " if i % 11 == 0 else "是" if i % 2 else "否",
            mixed[i % len(mixed)],
            "" if i % 4 == 0 else "街道" + "甲乙丙"[i % 3],
        ])
    rows.append(["短行"])  # ends in empty cells
    return rows


@pytest.mark.parametrize("shared_max", [200_000, 5])
def test_sheet_batches_read_back_cell_for_cell(tmp_path, monkeypatch, shared_max):
    monkeypatch.setattr(xlsx_stream, "SHARED_MAX", shared_max)  # 5: the table fills at once
    rows = sample_rows(2500)
    header = ["类型", "编号", "摘要", "日期", "人数", "是否", "混合", "街镇"]
    widths = [12, 22, 40, 12, 12, 12, 12, 12]
    path = tmp_path / "s.xlsx"
    sheet = SheetWriter(path, "案件", widths, rows=len(rows))
    sheet.row(header)
    for start in range(0, len(rows), 1000):
        sheet.rows(rows[start:start + 1000])
    sheet.rows([])
    sheet.close()

    ws = load_workbook(path)["案件"]
    got = [[c.value for c in r] for r in ws.iter_rows()]
    assert got[0] == header
    want = [[read_back(v) for v in r] + [None] * (len(header) - len(r)) for r in rows]
    assert got[1:] == want
    assert ws.freeze_panes == "A2"
    assert [ws.column_dimensions[x].width for x in "ABC"] == [12, 22, 40]
    assert ws["D3"].is_date and ws["D3"].number_format == "yyyy-mm-dd"
    assert ws["E3"].data_type == "n" and ws["B2"].data_type == "s"
    assert ws["G5"].is_date and ws["G5"].value == datetime(2026, 3, 2, 13, 30)  # mixed column
    assert ws["G2"].data_type == "b"
    streamed = load_workbook(path, read_only=True)
    assert streamed["案件"].max_row == len(rows) + 1
    streamed.close()
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
        table = z.read("xl/sharedStrings.xml").decode()
    assert 't="inlineStr"' in xml  # distinct text stays inline
    assert ('t="s"' in xml) and "<si><t>纠纷</t></si>" in table
    assert len(re.findall("<si>", table)) <= shared_max
    assert "<t xml:space=\"preserve\">  两头有空格" in xml + table


def test_row_and_rows_write_the_same_cells(tmp_path):
    rows = sample_rows(300)
    one, many = tmp_path / "one.xlsx", tmp_path / "many.xlsx"
    for path, batch in ((one, False), (many, True)):
        sheet = SheetWriter(path, "案件", [12] * 8, rows=len(rows))
        if batch:
            sheet.rows(rows)
        else:
            for r in rows:
                sheet.row(r)
        sheet.close()
    assert [[c.value for c in r] for r in load_workbook(one).active.iter_rows()] == \
           [[c.value for c in r] for r in load_workbook(many).active.iter_rows()]


def _petitions(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "in.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["类型", "登记日期", "当事人", "联系电话", "类别", "事项摘要"])
        for i in range(n):
            w.writerow(["信访", f"2026-03-{1 + (n - i) % 28:02d}", f"张{i}", f"1380013{i:04d}",
                        "劳动社保", f"反映拖欠工资{i}"])
    return path


def test_export_by_ids_filters_and_orders_like_the_whole_export(db, actor, tmp_path):
    run_import(db, actor, _petitions(tmp_path, 40))
    with db.read() as s:
        ids = list(s.scalars(select(Case.id).order_by(Case.id)))
    services.delete_case(db, actor, ids[5], "录入重复")

    def numbers(**kw) -> list[str]:
        out = tmp_path / "f.csv"
        run_export(db, out, **kw)
        with open(out, encoding="utf-8-sig", newline="") as fh:
            return [r["编号"] for r in csv.DictReader(fh)]

    whole = numbers()
    assert len(whole) == 39
    assert numbers(case_ids=ids) == whole  # consecutive ids: read as a range
    sparse = ids[::7]  # far apart: read with IN
    assert numbers(case_ids=list(reversed(sparse))) == [n for n in whole if n in numbers(case_ids=sparse)]
    assert len(numbers(case_ids=sparse)) == len(sparse) - (ids[5] in sparse)
    assert numbers(case_ids=ids, date_from=date(2026, 3, 10), date_to=date(2026, 3, 12)) == \
           numbers(date_from=date(2026, 3, 10), date_to=date(2026, 3, 12))
    assert numbers(case_ids=ids, kind="dispute") == []


@pytest.mark.sqlite_only("EXPLAIN QUERY PLAN and PRAGMA cache_size are SQLite's")
def test_import_person_look_ups_use_indexes_in_a_bigger_cache(db, actor, tmp_path):
    run_import(db, actor, _petitions(tmp_path, 30))
    with open(tmp_path / "again.csv", "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["类型", "登记日期", "当事人", "联系电话", "身份证号", "类别", "事项摘要"])
        w.writerow(["信访", "2026-04-01", "张3", "13800130003", "", "劳动社保", "又来了"])
        w.writerow(["信访", "2026-04-01", "李四", "", "11010519491231002X", "劳动社保", "第一次"])
        w.writerow(["信访", "2026-04-02", "李四", "", "11010519491231002X", "劳动社保", "第二次"])
    seen: list[tuple[str, object]] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        result = run_import(db, actor, tmp_path / "again.csv")
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert result.persons_created == 1  # 张3 found by name + phone, 李四 once
    statements = [s for s, _p in seen]
    assert f"PRAGMA cache_size=-{CACHE_KIB}" in statements
    assert "PRAGMA optimize" in statements
    look_ups = [(s, p) for s, p in seen
                if s.lstrip().upper().startswith("SELECT") and "FROM persons" in s and "WHERE" in s]
    assert any("id_number IN" in s for s, _p in look_ups)
    assert any("phone IN" in s for s, _p in look_ups)
    with db.read() as s:
        conn = s.connection()
        for statement, params in look_ups:
            plan = " | ".join(r[-1] for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, params))
            assert "SCAN persons" not in plan and "USING" in plan, (statement, plan)


@pytest.mark.sqlite_only("PRAGMA cache_size is SQLite's")
def test_bulk_cache_is_given_back(db):
    with db.write() as s:
        conn = s.connection()
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        with bulk_cache(s):
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -CACHE_KIB
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before
        with bulk_cache(s, enabled=False):
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before


@pytest.mark.sqlite_only("the plain executemany is SQLite's")
def test_plain_inserts_write_what_sqlalchemy_writes(make_db, tmp_path, monkeypatch):
    """The importer's tuples (importer.insert_many) hold, column for column, the values
    SQLAlchemy's own insert writes: a demo's export, every column filled somewhere (dates,
    times, flags, amounts, agreements), imported both ways."""
    import sqlite3

    from sqlalchemy import insert

    from caseapp.demo import run_demo
    from caseapp.exchange import importer

    source = make_db("source")
    run_demo(source, source.local_user_id(), cases=300, seed=8, today=date(2026, 11, 20))
    path = tmp_path / "all.csv"
    run_export(source, path)
    plain, orm = make_db("plain"), make_db("orm")
    assert run_import(plain, plain.local_user_id(), path).rows == 300
    monkeypatch.setattr(importer, "insert_many",
                        lambda session, table, rows: session.execute(insert(table), rows)
                        if rows else None)
    assert run_import(orm, orm.local_user_id(), path).rows == 300

    def rows(db, table):
        conn = sqlite3.connect(db.engine.url.database)
        try:  # the stored values and their SQLite types; the import's own clock left out
            return [tuple((v, type(v).__name__) for v in r) for r in conn.execute(
                f"SELECT * FROM {table} ORDER BY 1").fetchall()]
        finally:
            conn.close()

    stamp = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")  # created_at / at: now

    def shape(v):  # a time of the import's clock as its format alone
        return re.sub(r"\d", "0", v) if isinstance(v, str) and stamp.match(v) else v

    for table in ("cases", "persons", "case_parties", "events", "agreements"):
        a, b = rows(plain, table), rows(orm, table)
        assert len(a) == len(b) > 0, table
        for x, y in zip(a, b, strict=True):
            assert [(shape(v), t) for v, t in x] == [(shape(w), u) for w, u in y], (table, x, y)
