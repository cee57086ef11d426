"""An old file's upgrade says what it is doing, step by step (issue #19: migrations 0011 and
0012 take minutes on a 1,000,000-case file), in the program and on the command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from caseapp.storage.migrate import HEAD, UPGRADE_BACKUP, open_database

pytestmark = pytest.mark.sqlite_only("the release 0.1.0 SQLite file")

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "release-0.1.0" / "casedesk.db"
FIXTURE_REVISION = "0002"  # what release 0.1.0 wrote (tests/fixtures/release-0.1.0/README.md)


def test_each_step_is_reported_in_order(tmp_path):
    path = tmp_path / "casedesk.db"
    shutil.copy2(FIXTURE, path)
    heard = []
    database = open_database(path, on_progress=heard.append)
    database.dispose()
    total = int(HEAD) - int(FIXTURE_REVISION)
    assert heard[0].message == UPGRADE_BACKUP
    assert [p.done for p in heard[1:]] == list(range(total + 1))
    assert {p.total for p in heard[1:]} == {total}
    assert heard[1].message == f"正在升级数据库格式：第 1 步，共 {total} 步…"
    again = []  # a file at HEAD opens without a word
    open_database(path, on_progress=again.append).dispose()
    assert again == []


def _cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "caseapp", "--db", str(path), *args],
                          capture_output=True, text=True, timeout=300)


def test_reading_an_old_file_says_to_upgrade_and_init_prints_the_steps(tmp_path):
    path = tmp_path / "casedesk.db"
    shutil.copy2(FIXTURE, path)
    before = path.read_bytes()
    read = _cli(path, "stats", "--from", "2026-01-01", "--to", "2026-01-31")
    assert read.returncode != 0 and "旧版程序的格式" in read.stderr and "caseapp init" in read.stderr
    assert "内部错误" not in read.stderr and path.read_bytes() == before  # nothing changed
    init = _cli(path, "init")
    assert init.returncode == 0, init.stderr
    assert UPGRADE_BACKUP in init.stderr and "第 1 步" in init.stderr
    again = _cli(path, "stats", "--from", "2026-01-01", "--to", "2026-01-31")
    assert again.returncode == 0 and "升级" not in again.stderr, again.stderr
