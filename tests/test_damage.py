"""A damaged or emptied database file is damage, never a new database (issue #16)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from caseapp.cli.main import main
from caseapp.demo.generator import run_demo
from caseapp.errors import StorageError
from caseapp.storage import backup as b
from caseapp.storage.migrate import open_database

pytestmark = pytest.mark.sqlite_only("damage to the SQLite file")

TODAY = date(2026, 3, 20)


@pytest.fixture
def filled(db, actor):
    run_demo(db, actor, cases=300, seed=3, today=TODAY)
    return db


def _cases(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------------------
# An emptied (0-byte) file.


def test_an_emptied_file_is_refused_and_names_the_newest_good_backup(filled):
    path = filled.path
    info = b.backup(filled)
    filled.dispose()
    path.write_bytes(b"")
    with pytest.raises(StorageError) as err:
        open_database(path)
    assert "已损坏或被清空" in str(err.value)
    assert info.path.name in str(err.value) and "caseapp restore" in str(err.value)
    assert path.stat().st_size == 0  # nothing written into it
    with pytest.raises(StorageError):
        open_database(path, upgrade=False)
    assert main(["--db", str(path), "restore", str(info.path)]) == 0  # the offered way out
    assert _cases(path) == 300


def test_import_and_check_refuse_an_emptied_file(tmp_path, capsys):
    path = tmp_path / "cases.db"
    open_database(path).dispose()  # a path that does not exist is created
    for extra in ("-wal", "-shm"):
        assert not path.with_name(path.name + extra).exists()
    path.write_bytes(b"")
    csv = tmp_path / "in.csv"
    csv.write_text("类型,摘要\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(path), "import", str(csv)]) == 1
    assert path.stat().st_size == 0
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert "已损坏或被清空" in err and "尚未初始化" not in err


def _put(folder: Path, source: Path, stamp: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"cases-{stamp}.db"
    shutil.copyfile(source, target)
    return target


def test_rotation_keeps_the_last_backup_with_more_cases_than_the_newest(filled, tmp_path):
    big = b.backup(filled, tmp_path / "made").path
    small_db = open_database(tmp_path / "small.db")
    small = b.backup(small_db, tmp_path / "made2").path
    small_db.dispose()
    root = tmp_path / "usb"
    good = _put(root / "daily", big, "20260301-090000")
    _put(root / "daily", small, "20260301-180000")  # same day: only the newest per day is kept
    b.rotate(root, "cases", keep_daily=14, keep_monthly=12)
    assert good.exists()
    _put(root / "daily", small, "20260302-090000")
    _put(root / "daily", small, "20260303-090000")
    b.rotate(root, "cases", keep_daily=1, keep_monthly=12)
    assert good.exists()
    assert not (root / "daily" / "cases-20260302-090000.db").exists()


def test_a_backup_with_far_fewer_cases_warns(filled, actor, tmp_path, capsys):
    root = tmp_path / "usb"
    first = b.backup(filled, root, now=datetime(2026, 3, 19, 9, 0))
    assert first.warning == ""
    with filled.write() as session:
        from sqlalchemy import text
        session.execute(text("UPDATE cases SET deleted_at = '2026-03-20' WHERE id > 10"))
    second = b.backup(filled, root, now=datetime(2026, 3, 20, 9, 0))
    assert second.case_count == 10
    assert "10" in second.warning and "300" in second.warning
    assert first.path.exists()
    again = tmp_path / "usb2"
    shutil.copytree(root / "daily", again / "daily")
    second.path.unlink(missing_ok=True)
    (again / "daily" / second.path.name).unlink()
    capsys.readouterr()
    assert main(["--db", str(filled.path), "backup", "--to", str(again)]) == 0
    err = capsys.readouterr().err
    assert "10 件" in err and "300 件" in err


# ---------------------------------------------------------------------------
# A file damaged in the middle.


def _damage_middle(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 2) // 4096 * 4096
    data[middle:middle + 4096] = random.Random(7).randbytes(4096)
    path.write_bytes(bytes(data))
    return bytes(data)


def _closed_copy(filled) -> tuple[Path, Path]:
    """The database checkpointed and closed, and a good backup of it."""
    good = b.backup(filled).path
    path = filled.path
    filled.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path, good


def test_check_reports_a_file_damaged_in_the_middle(filled, capsys):
    path, _good = _closed_copy(filled)
    _damage_middle(path)
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    assert "损坏" in err and "程序内部错误" not in err


def test_restore_over_a_file_damaged_in_the_middle(filled, capsys):
    path, good = _closed_copy(filled)
    damaged = _damage_middle(path)
    assert main(["--db", str(path), "restore", str(good)]) == 0
    out = capsys.readouterr()
    assert "程序内部错误" not in out.err
    assert _cases(path) == 300
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    aside = [p for p in path.parent.rglob("cases-损坏-*.db")]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert aside[0].name in out.out
    assert main(["--db", str(path), "check"]) == 0


def test_the_set_aside_name_is_clear(filled):
    path, good = _closed_copy(filled)
    _damage_middle(path)
    from caseapp.storage.restore import restore

    result = restore(path, good)
    assert result.safety_copy is not None
    assert result.safety_copy.name.startswith("cases-损坏-")
    assert os.path.getsize(result.safety_copy) > 0
