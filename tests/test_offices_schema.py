"""Migration 0012 (offices, issue #18) on a copy of the release 0.1.0 file: every row lands in
the one office, nothing is lost to the table copies (with foreign keys on, dropping the old
cases table would have cascaded to every party and event), the indexes and the search
triggers are back, and numbers are unique per office rather than per file."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from caseapp.errors import StorageError
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, Office

pytestmark = pytest.mark.sqlite_only("the release 0.1.0 SQLite file")

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0"
TABLES = ("cases", "case_parties", "persons", "events", "agreements", "attachments",
          "case_departments", "mediation_sessions", "follow_ups", "users")


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def upgraded(tmp_path):
    shutil.copytree(FIXTURE / "casedesk-files", tmp_path / "casedesk-files")
    path = tmp_path / "casedesk.db"
    shutil.copy2(FIXTURE / "casedesk.db", path)
    before = _counts(path)
    database = open_database(path)
    yield database, path, before
    database.dispose()


def test_every_row_is_kept_and_belongs_to_the_one_office(upgraded):
    database, path, before = upgraded
    assert _counts(path) == before and before["events"] > 0 and before["case_parties"] > 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT id, code FROM offices").fetchall() == [(1, "")]
        for table in ("cases", "persons", "events", "worklog_entries"):
            offices = conn.execute(f"SELECT DISTINCT office_id FROM {table}").fetchall()
            assert offices in ([(1,)], []), table
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        sequence_key = [r[1] for r in sorted(conn.execute("PRAGMA table_info(number_sequences)"),
                                             key=lambda r: r[5]) if r[5]]
        assert sequence_key == ["office_id", "kind", "year"]
    with database.engine.connect() as conn:  # the program's connections keep foreign keys on
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_partial_indexes_and_search_triggers_are_back(upgraded):
    _database, path, _before = upgraded
    with sqlite3.connect(path) as conn:
        partial = dict(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' "
            "AND (name = 'ix_cases_open' OR name LIKE 'ix_cases_live_%')"))
        triggers = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert len(partial) == 7 and all("WHERE" in sql for sql in partial.values())
    assert {"search_case_insert", "search_case_update", "search_person_update"} <= triggers


def test_numbers_are_unique_within_an_office_not_across(upgraded):
    database, _path, _before = upgraded
    with database.read() as session:
        taken = session.query(Case.number).first()[0]
    row = {"number": taken, "kind": "petition", "status": "registered", "summary": "测试",
           "category": "其他", "received_on": date(2026, 3, 2), "created_at": datetime.now(),
           "version": 1}
    with database.write() as session:
        session.add(Office(id=2, code="QX-02", name="另一街道调解办", created_at=datetime.now()))
        session.flush()
        session.execute(insert(Case).values(office_id=2, **row))  # the same number elsewhere
    with pytest.raises(StorageError, match="UNIQUE"), database.write() as session:
        session.execute(insert(Case).values(office_id=1, **row))
