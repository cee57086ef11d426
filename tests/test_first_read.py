"""The first frame's read (caseapp/storage/first_read.py): the same rows as the case list's
own first page, read with sqlite3 only, from a file the program opens as it is; any other
file is left to the usual start, and nothing is ever written."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime

import pytest

from caseapp import queries
from caseapp.demo.generator import generate
from caseapp.progress import run
from caseapp.storage import first_read
from caseapp.storage.migrate import open_database

TODAY = date(2026, 3, 10)


@pytest.fixture
def file_db(db, actor):
    if not db.is_sqlite:
        pytest.skip("the first frame reads SQLite files only")
    run(generate(db, actor, 160, seed=5, today=TODAY))
    with db.engine.begin() as conn:
        newest = conn.exec_driver_sql(
            "SELECT id FROM cases WHERE kind = 'petition' ORDER BY received_on DESC, id DESC "
            "LIMIT 3").scalars().all()
        # The newest petition deleted; the next without any party; the third with its main
        # party second (the list names the 信访人, not the first party).
        conn.exec_driver_sql(f"UPDATE cases SET deleted_at = '2026-03-10 09:00:00' "
                             f"WHERE id = {newest[0]}")
        conn.exec_driver_sql(f"DELETE FROM case_parties WHERE case_id = {newest[1]}")
        links = conn.exec_driver_sql(
            f"SELECT id FROM case_parties WHERE case_id = {newest[2]} ORDER BY id").scalars().all()
        if len(links) == 1:
            person = conn.exec_driver_sql("SELECT id FROM persons LIMIT 1").scalar()
            conn.exec_driver_sql(f"INSERT INTO case_parties (case_id, person_id, role) "
                                 f"VALUES ({newest[2]}, {person}, '信访人')")
        conn.exec_driver_sql(f"UPDATE case_parties SET role = '被反映人' WHERE id = {links[0]}")
    db.invalidate_settings()
    return db


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["petition", "dispute"])
@pytest.mark.parametrize("descending", [True, False])
def test_the_rows_are_the_lists_own(file_db, kind, descending):
    read = first_read.peek(file_db.path)
    assert read is not None
    for limit in (5, 100, 1000):  # a page of more, and all of them (complete)
        mine = first_read.first_page(read, kind, descending, limit, TODAY)
        theirs = queries.first_page(file_db, queries.CaseFilter(kind=kind), "received_on",
                                    descending, limit, TODAY)
        assert mine == theirs
        assert mine.rows  # the check is real
    whole = first_read.first_page(read, kind, descending, 1000, TODAY)
    assert whole.complete and not first_read.first_page(read, kind, descending, 5, TODAY).complete


def test_the_edge_cases_read_as_the_list_reads_them(file_db):
    read = first_read.peek(file_db.path)
    rows = first_read.first_page(read, "petition", True, 3, TODAY).rows
    ids = [r.id for r in rows]
    deleted = file_db.engine.connect().exec_driver_sql(
        "SELECT id FROM cases WHERE deleted_at IS NOT NULL").scalars().all()
    assert not set(ids) & set(deleted)
    assert rows[0].party == ""  # no party at all
    assert rows[1].party  # the 信访人, though another party came first


def test_the_office_and_its_limits_are_read(file_db):
    with file_db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM settings WHERE key IN ('office_name', 'limits')")
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('office_name', ?)",
                             (json.dumps("江北街道调解办"),))
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('limits', ?)",
                             (json.dumps({"due_soon_days": 20}),))
    file_db.invalidate_settings()
    read = first_read.peek(file_db.path)
    assert read.office_name == "江北街道调解办"
    assert read.limits == file_db.settings().limits and read.limits.due_soon_days == 20
    mine = first_read.first_page(read, "petition", True, 100, TODAY)
    assert mine == queries.first_page(file_db, queries.CaseFilter(kind="petition"),
                                      today=TODAY)
    assert any(r.deadline_state == "due_soon" for r in mine.rows)


def test_nothing_is_written(file_db):
    path = file_db.path
    file_db.dispose()  # its WAL checkpointed: the file alone holds the data
    before = digest(path)
    read = first_read.peek(path)
    first_read.first_page(read, "petition")
    first_read.first_page(read, "dispute")
    assert digest(path) == before


def changed(db, sql: str):
    with db.engine.begin() as conn:
        conn.exec_driver_sql(sql)
    return first_read.peek(db.path)


def test_a_file_to_upgrade_goes_the_usual_way(file_db):
    assert changed(file_db, "UPDATE alembic_version SET version_num = '0011'") is None


def test_a_file_with_accounts_goes_to_the_login(file_db):
    assert changed(file_db, "UPDATE users SET active = 0, password_hash = 'scrypt$x'") is not None
    assert changed(file_db, "UPDATE users SET active = 1") is None


def test_a_district_goes_the_usual_way(file_db):
    now = datetime(2026, 3, 1).isoformat(" ")
    assert changed(file_db, f"INSERT INTO offices (id, code, name, created_at) "
                            f"VALUES (2, 'B', '乙', '{now}')") is None


def test_other_files_go_the_usual_way(tmp_path):
    assert first_read.peek(None) is None
    assert first_read.peek(tmp_path / "missing.db") is None
    encrypted = tmp_path / "encrypted.db"
    encrypted.write_bytes(b"\x8f\x11" * 4096)  # what SQLCipher's pages look like: no header
    assert first_read.peek(encrypted) is None
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).execute("CREATE TABLE t (x)").connection.close()
    assert first_read.peek(empty) is None  # no alembic_version: not this program's file


def test_a_new_file_opened_by_the_program_qualifies(make_db_url):
    url = make_db_url("fresh")
    if not url.startswith("sqlite") and "://" in url:
        pytest.skip("the first frame reads SQLite files only")
    database = open_database(url)
    try:
        read = first_read.peek(database.path)
        assert read is not None
        page = first_read.first_page(read, "petition")
        assert page.rows == [] and page.complete
    finally:
        database.dispose()
