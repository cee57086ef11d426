"""PostgreSQL for real (issue #18, item 1): numbering under three processes, the command line
from an empty server database, backup with pg_dump, and the figures equal to SQLite's on the
same data. Run with ``--db-url`` (or CASEDESK_TEST_DB_URL); skipped otherwise (.ci/pg, .ci/run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from caseapp.cli.main import main
from caseapp.demo.generator import run_demo
from caseapp.errors import StorageError
from caseapp.figures import stats
from caseapp.storage import backup, server_backup
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, Event, NumberSequence

pytestmark = pytest.mark.postgres_only

ROOT = Path(__file__).resolve().parents[1]
DRIVER = Path(__file__).resolve().parent / "crash_driver.py"
PROCESSES, ACTS = 3, 500
TODAY = date(2026, 3, 20)


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _wait_line(proc: subprocess.Popen, expected: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.strip() == expected:
            return
        if not line and proc.poll() is not None:
            raise AssertionError(proc.stderr.read())
    raise AssertionError(f"no {expected!r} in time")


def test_three_processes_500_acts_each_share_no_number(make_db_url, tmp_path):
    """Three programs register, accept and close at once on one server database, starting in
    a year that has no number sequence row yet: every act lands, no number is given twice."""
    url = make_db_url("shared")
    env = dict(os.environ, CASEAPP_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    env.pop("CASEAPP_DB", None)
    procs = [subprocess.Popen([sys.executable, str(DRIVER), url, "independent", str(ACTS), tag],
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for tag in "abc"[:PROCESSES]]
    try:
        for proc in procs:
            _wait_line(proc, "ready", time.monotonic() + 60)
        for proc in procs:  # all start together
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [proc.communicate(timeout=240) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "数据库操作失败" not in err
        assert len(out.splitlines()) == ACTS
    numbers = [line.split()[1] for out, _ in results for line in out.splitlines()[::3]]
    cases = PROCESSES * -(-ACTS // 3)
    assert len(numbers) == cases
    assert len(set(numbers)) == cases, "a case number was given twice"
    db = open_database(url, upgrade=False)
    try:
        with db.read() as session:
            stored = set(session.scalars(select(Case.number)))
            events = session.scalar(select(func.count(Event.id)).where(
                Event.action.in_(("registered", "accepted", "closed"))))
            last = session.scalar(select(NumberSequence.last))
            closed = session.scalar(select(func.count(Case.id)).where(Case.status == "closed"))
        assert stored == set(numbers)
        assert events == PROCESSES * ACTS  # no act lost
        assert last == cases  # no lost update of the sequence row: one step per case
        assert closed == PROCESSES * (ACTS // 3)
        assert backup.check(db) == []
    finally:
        db.dispose()


def test_command_line_from_an_empty_server_database(make_db_url, tmp_path, capsys):
    """init migrates an empty database; demo, export, import into another, check and stats."""
    url = make_db_url("office", empty=True)
    code, out, _ = cli(capsys, "--db", url, "init")
    assert code == 0 and "数据库已就绪" in out
    assert cli(capsys, "--db", url, "init")[0] == 0  # a second time changes nothing
    code, out, err = cli(capsys, "--db", url, "demo", "--cases", 120, "--seed", 4)
    assert code == 0, err
    sheet = tmp_path / "all.csv"
    code, _, err = cli(capsys, "--db", url, "export", sheet, "--full-personal")
    assert code == 0, err
    other = make_db_url("district", empty=True)
    assert cli(capsys, "--db", other, "init")[0] == 0
    code, out, err = cli(capsys, "--db", other, "import", sheet)
    assert code == 0, err
    code, out, err = cli(capsys, "--db", other, "check")
    assert code == 0 and "检查通过" in out, err
    figures = []
    for target in (url, other):
        code, out, err = cli(capsys, "--db", target, "stats", "--from", "2020-01-01",
                             "--to", "2030-12-31", "--as-of", "2030-12-31", "--json")
        assert code == 0, err
        figures.append(json.loads(out))
    assert figures[0]["petitions"]["received"] + figures[0]["disputes"]["received"] == 120
    # The case sheet carries the cases (the work log has its own file, DOMAIN.md §9).
    assert figures[0]["petitions"] == figures[1]["petitions"]
    for key in ("received", "handled", "closed", "closure_rate", "success_rate"):
        assert figures[0]["disputes"].get(key) == figures[1]["disputes"].get(key), key


def test_backup_is_a_pg_dump_that_restores(db, actor, make_db_url, tmp_path, capsys):
    run_demo(db, actor, 60, seed=2, today=TODAY)
    with db.read() as session:
        count = session.scalar(select(func.count(Case.id)))
    code, out, err = cli(capsys, "--db", db.url, "backup", "--to", tmp_path / "bk")
    assert code == 0, err
    dumps = list((tmp_path / "bk" / "daily").glob("*.dump"))
    assert len(dumps) == 1 and f"已备份到 {dumps[0]}（{count} 件案件" in out
    assert oct(dumps[0].stat().st_mode & 0o777) == "0o600"
    target = make_db_url("restored", empty=True)
    uri, env = server_backup.libpq_target(target)
    restore = shutil.which("pg_restore") or str(Path(server_backup.pg_dump_path()).with_name(
        "pg_restore"))
    done = subprocess.run([restore, "--no-owner", f"--dbname={uri}", str(dumps[0])], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    restored = open_database(target, upgrade=False)
    try:
        with restored.read() as session:
            assert session.scalar(select(func.count(Case.id))) == count
        assert backup.check(restored) == []
    finally:
        restored.dispose()


def test_backup_without_pg_dump_says_what_to_use(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(server_backup, "pg_dump_path", lambda: None)
    with pytest.raises(StorageError, match="找不到 pg_dump"):
        backup.backup(db, tmp_path / "bk")
    code, _, err = cli(capsys, "--db", db.url, "backup", "--to", tmp_path / "bk")
    assert code != 0 and "pg_dump -Fc" in err and "Traceback" not in err
    assert not list((tmp_path / "bk").rglob("*.dump*"))


def test_a_failed_pg_dump_leaves_no_file(db, tmp_path):
    wrong = make_url(db.url).set(database="no_such_database_here")

    class Other:
        url = wrong.render_as_string(hide_password=False)

        def read(self):
            return db.read()

    with pytest.raises(StorageError, match="pg_dump 备份失败"):
        list(server_backup.dump_job(Other(), tmp_path / "bk"))
    assert not list((tmp_path / "bk").rglob("*.dump*"))


def test_figures_equal_sqlite_on_the_same_data(db, actor, tmp_path, capsys):
    """The same demo seed into a SQLite file and into PostgreSQL: every figure is equal."""
    assert not db.is_sqlite
    lite = open_database(tmp_path / "same.db")
    try:
        assert lite.is_sqlite
        run_demo(lite, lite.local_user_id(), 900, seed=11, today=TODAY)
        run_demo(db, actor, 900, seed=11, today=TODAY)
        periods = [(date(2024, 1, 1), date(2026, 12, 31)), (date(2026, 3, 1), date(2026, 3, 31)),
                   (date(2025, 1, 1), date(2025, 12, 31))]
        for start, end in periods:
            assert stats.figures(db, start, end, TODAY).to_dict() == \
                stats.figures(lite, start, end, TODAY).to_dict()
        answers = []
        for target in (db.url, str(lite.path)):
            code, out, err = cli(capsys, "--db", target, "stats", "--from", "2024-01-01",
                                 "--to", "2026-03-20", "--as-of", "2026-03-20", "--json")
            assert code == 0, err
            answers.append(json.loads(out))
        assert answers[0] == answers[1]
        assert answers[0]["petitions"]["received"] > 100
    finally:
        lite.dispose()
