"""Issue #16 (hardening): formulas in the audit export, typed names of failed log-ins, stale
.part files of killed backups, the log scrubber's wider net, owner-only files on POSIX."""

from __future__ import annotations

import csv
import os
import stat
import sys
import time
from datetime import datetime

import pytest
from sqlalchemy import select

from caseapp.logs import scrub
from caseapp.services import accounts, audit
from caseapp.storage import backup as bk
from caseapp.storage.models import Event

PASSWORD = "Passw0rd-2026"
FORMULA = '=HYPERLINK("http://evil.example","点此")'
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def admin(db):
    return accounts.setup_admin(db, "admin", "周主任", PASSWORD)


# --- 5. The audit export neutralises formulas like the case export -------------------------


def test_audit_export_xlsx_keeps_formula_as_text(db, admin, tmp_path):
    from openpyxl import load_workbook

    audit.record_printout(db, admin, FORMULA)
    out = tmp_path / "log.xlsx"
    audit.run_export_events(db, admin, out)
    cells = [c for row in load_workbook(out).worksheets[0].iter_rows() for c in row
             if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_audit_export_csv_puts_apostrophe_before_formula(db, admin, tmp_path):
    audit.record_printout(db, admin, FORMULA)
    out = tmp_path / "log.csv"
    audit.run_export_events(db, admin, out)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        values = [v for row in csv.reader(fh) for v in row if "HYPERLINK" in v]
    assert values == ["'" + FORMULA]


def test_one_formula_rule_for_both_exports():
    from caseapp.validation import FORMULA_START, spreadsheet_text

    assert FORMULA_START == ("=", "+", "-", "@")
    assert spreadsheet_text("=1+1") == "'=1+1" and spreadsheet_text("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_text("张三") == "张三" and spreadsheet_text("") == ""


# --- 6. A failed log-in of an unknown name does not keep the typed text ---------------------


def test_unknown_name_is_not_recorded(db, admin):
    typed = "AdminPass1-typed-as-name"
    with pytest.raises(accounts.PermissionDenied):
        accounts.authenticate(db, typed, "whatever")
    with db.read() as s:
        rows = s.execute(select(Event.action, Event.note, Event.changes)).all()
    assert any(a == "login_failed" for a, _n, _c in rows)
    assert all(typed not in (n or "") and typed not in (c or "") for _a, n, c in rows)
    assert all(typed not in e.note for e in audit.list_events(db, admin) if e.note)


def test_known_user_failure_still_names_the_account(db, admin):
    with pytest.raises(accounts.PermissionDenied):
        accounts.authenticate(db, "admin", "wrong")
    failed = [e for e in audit.list_events(db, admin) if e.action == "login_failed"]
    assert failed and failed[0].user_name == "admin"


# --- 4. Stale .part files of a killed backup are removed ------------------------------------


def _age(path, seconds):
    old = time.time() - seconds
    os.utime(path, (old, old))


@pytest.mark.sqlite_only("the SQLite backup's .part files")
def test_backup_removes_stale_part_files(db, tmp_path):
    root = tmp_path / "bk"
    (root / "daily").mkdir(parents=True)
    (root / "monthly").mkdir()
    stale = root / "daily" / "cases-20260101-010101.db.part"
    stale_month = root / "monthly" / "cases-20260101-010101.db.part"
    fresh = root / "daily" / "cases-20260101-020202.db.part"
    for p in (stale, stale_month, fresh):
        p.write_bytes(b"x" * 1000)
    _age(stale, bk.STALE_PART_SECONDS + 60)
    _age(stale_month, bk.STALE_PART_SECONDS + 60)
    bk.backup(db, root)
    assert not stale.exists() and not stale_month.exists()
    assert fresh.exists()  # another process may be writing it right now


def test_remove_stale_parts_at_start(tmp_path):
    root = tmp_path / "bk"
    (root / "upgrade").mkdir(parents=True)
    stale = root / "upgrade" / "x-20260101-010101.db.part"
    stale.write_bytes(b"x")
    _age(stale, bk.STALE_PART_SECONDS + 60)
    keep = root / "upgrade" / "x-20260101-010101.db"
    keep.write_bytes(b"x")
    _age(keep, bk.STALE_PART_SECONDS + 60)
    assert bk.remove_stale_parts(root) == [stale]
    assert not stale.exists() and keep.exists()


@pytest.mark.sqlite_only("the SQLite backup's .part files")
def test_start_removes_stale_parts_even_when_no_backup_is_due(db):
    first = bk.backup(db)  # today's backup exists: none is due at start
    stale = first.path.with_name("cases-20260101-010101.db.part")
    stale.write_bytes(b"x")
    _age(stale, bk.STALE_PART_SECONDS + 60)
    assert bk.backup_if_due(db) is None
    assert not stale.exists()


# --- 7. The log scrubber: 15-digit IDs, landlines, +86 numbers -------------------------------


@pytest.mark.parametrize("text, hidden", [
    ("身份证 500102550714246 登记", "550714246"),  # 15-digit (first-generation) ID
    ("电话 023-12345678", "12345678"),
    ("电话 (023)12345678", "12345678"),
    ("电话 （023）12345678", "12345678"),
    ("电话 02312345678", "12345678"),
    ("电话 0755-8765432", "8765432"),
    ("手机 +86 138 1234 5678", "1234"),
    ("手机 +8613812345678", "13812345678"),
    ("手机 86-13812345678", "13812345678"),
    ("手机 +86-138-1234-5678", "1234"),
    ("手机 138 1234 5678", "138 1234 5678"),
    ("身份证 500102195507142462", "19550714"),
    ("手机 13812345678", "13812345678"),
])
def test_scrub_masks(text, hidden):
    assert hidden not in scrub(text)


@pytest.mark.parametrize("text", [
    "登记日期 20260305",
    "（2026）信字第0132号",
    "（2026）调字第0007号 2026-03-05",
    "金额 1234567.89 元",
    "金额 123456789012 元",
    "用时 12.345678 秒",
    "case id 4821, 共 15000 件",
    "2026-03-05 10:15:30",
])
def test_scrub_leaves_alone(text):
    assert scrub(text) == text


# --- 8. Owner-only files on POSIX ------------------------------------------------------------


@posix_only
def test_data_folder_is_owner_only(tmp_path, monkeypatch):
    from caseapp.paths import data_dir

    monkeypatch.setenv("CASEAPP_HOME", str(tmp_path / "newhome"))
    assert stat.S_IMODE(data_dir().stat().st_mode) == 0o700


@posix_only
def test_database_and_backup_are_owner_only(tmp_path):
    from caseapp.storage.migrate import open_database

    old = os.umask(0o022)
    try:
        database = open_database(tmp_path / "fresh.db")
        try:
            with database.write() as s:  # a write makes the -wal/-shm files
                s.execute(select(Event.id)).all()
            made = [tmp_path / n for n in ("fresh.db", "fresh.db-wal", "fresh.db-shm")]
            for path in made:
                if path.exists():
                    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
            info = bk.backup(database, tmp_path / "bk", now=datetime(2026, 3, 1, 9, 0, 0))
            assert stat.S_IMODE(info.path.stat().st_mode) & 0o077 == 0
            monthly = list((tmp_path / "bk" / "monthly").glob("*.db"))
            assert monthly and all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in monthly)
        finally:
            database.dispose()
    finally:
        os.umask(old)
