"""Crash and concurrency safety (issue #6), with real processes.

- A process is killed (SIGKILL) in the middle of an import and in the middle of acts, many
  times over: after each kill `caseapp check` passes and the rows are exactly those of before
  or of after the act (compared by a snapshot hash of every row acts and imports change).
- Two processes perform 500 acts each on one file at the same moment: none fails, none is
  lost, no case number is given twice.

Bounded in time: a fixed number of kills, each waiting on the driver's own output lines with
a deadline (no sleeps to "let things settle"). POSIX only (SIGKILL).
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from caseapp.storage.backup import check
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case, Event

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
              # PostgreSQL's numbering under three processes: tests/test_postgres.py
              pytest.mark.sqlite_only("killing a writer of the SQLite file; WAL")]

ROOT = Path(__file__).resolve().parents[1]
DRIVER = Path(__file__).with_name("crash_driver.py")
sys.path.insert(0, str(Path(__file__).parent))
from crash_driver import snapshot  # noqa: E402

IMPORT_ROWS = 12000
IMPORT_KILLS = 8
ACT_KILLS = 15
ACTS_PER_PROCESS = 500


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ, CASEAPP_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    env.pop("CASEAPP_DB", None)
    return env


def _state(path: Path) -> tuple[str, list[str]]:
    db = open_database(path, upgrade=False)
    try:
        return snapshot(db), check(db)
    finally:
        db.dispose()


def _write_csv(path: Path, rows: int) -> None:
    headers = ["类型", "登记日期", "受理日期", "办结日期", "办理结果", "当事人", "联系电话",
               "类别", "事项摘要"]
    rnd = random.Random(6)
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow(headers)
        for i in range(rows):
            dispute = i % 3 == 0
            day = f"2025-{1 + i % 12:02d}-{1 + i % 27:02d}"
            accepted = f"2025-{1 + i % 12:02d}-28" if i % 2 else ""
            closed = "2025-12-30" if accepted and i % 4 == 1 else ""
            outcome = ("终止调解" if dispute else "解释说明") if closed else ""
            out.writerow(["纠纷" if dispute else "信访", day, accepted, closed, outcome,
                          f"当事人{rnd.randrange(2000)}", f"1380000{rnd.randrange(2000):04d}",
                          "邻里纠纷" if dispute else "劳动社保", f"导入事项{i}"])


def _wait_line(proc: subprocess.Popen, wanted: str, deadline: float) -> list[str]:
    """Read the driver's lines until one starts with ``wanted``; all lines read."""
    lines = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.strip())
        if line.startswith(wanted):
            return lines
    raise AssertionError(f"driver never printed {wanted!r}: {lines[-5:]}")


def _watch_wal(proc: subprocess.Popen, wal: Path, until: float | None = None) -> int:
    """Poll the WAL's size while ``proc`` runs; return the largest size seen. With ``until``,
    return as soon as the size reaches it (the process is still running then)."""
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, wal.stat().st_size)
        except FileNotFoundError:
            pass
        if until is not None and peak >= until:
            return peak
        time.sleep(0.002)
    return peak


def test_kill_during_import_leaves_before_or_after(tmp_path):
    start = tmp_path / "start.db"
    open_database(start).dispose()
    big = tmp_path / "big.csv"
    _write_csv(big, IMPORT_ROWS)
    env = _env(tmp_path)
    before, problems = _state(start)
    assert problems == []

    # The reference: the same import run to its end on a copy gives the "after" state.
    ref = tmp_path / "ref.db"
    shutil.copyfile(start, ref)
    ref_wal = Path(f"{ref}-wal")
    proc = subprocess.Popen([sys.executable, "-m", "caseapp", "--db", str(ref), "import", str(big)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = _watch_wal(proc, ref_wal)  # how far the import's transaction grows the WAL
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    assert peak > 0, "the import never wrote to the WAL: the test cannot aim its kills"
    after, problems = _state(ref)
    assert problems == [] and after != before

    rnd = random.Random(1)
    outcomes = []
    for _ in range(IMPORT_KILLS):
        live = tmp_path / "live.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(start, live)
        proc = subprocess.Popen([sys.executable, "-m", "caseapp", "--db", str(live), "import",
                                 str(big)], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        wal = Path(f"{live}-wal")
        # Aim by the import's own progress, not by the clock (a loaded machine stretches
        # time): kill once the WAL holds a random share of what the whole import writes.
        target = rnd.uniform(0.15, 0.85) * peak
        written = _watch_wal(proc, wal, until=target) >= target
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        state, problems = _state(live)
        assert problems == [], problems
        assert state in (before, after), "a killed import left a half-written database"
        outcomes.append("after" if state == after else "mid" if written else "before")
    # Most kills must really have landed inside the import's transaction.
    assert outcomes.count("mid") >= IMPORT_KILLS // 2, outcomes


def test_kill_during_acts_leaves_before_or_after(tmp_path):
    start = tmp_path / "start.db"
    open_database(start).dispose()
    env = _env(tmp_path)
    total = 3 * 200

    # The reference run prints the snapshot after every act of the deterministic sequence.
    ref = tmp_path / "ref.db"
    shutil.copyfile(start, ref)
    out = subprocess.run([sys.executable, str(DRIVER), str(ref), "sequence", str(total),
                          "--hashes"], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    hashes = {}
    for line in out.stdout.splitlines():
        if line.startswith("hash "):
            _tag, j, digest = line.split()
            hashes[int(j)] = digest
    assert len(hashes) == total + 1

    live = tmp_path / "live.db"
    shutil.copyfile(start, live)
    rnd = random.Random(2)
    at = 0  # acts in the file before this run
    landed = 0
    limit = time.monotonic() + 60
    for _ in range(ACT_KILLS):
        if time.monotonic() > limit or at >= total - 10:
            break
        proc = subprocess.Popen([sys.executable, str(DRIVER), str(live), "sequence", str(total)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        try:
            _wait_line(proc, "ready", time.monotonic() + 30)
            oks = _wait_line(proc, f"ok {at + rnd.randint(1, 25)}", time.monotonic() + 30)
            # A random moment after that act: somewhere inside one of the next acts.
            deadline = time.monotonic() + rnd.uniform(0, 0.02)
            while time.monotonic() < deadline:
                pass
        finally:
            proc.send_signal(signal.SIGKILL)
            rest, _err = proc.communicate(timeout=10)
        reported = [int(x.split()[1]) for x in oks + rest.splitlines() if x.startswith("ok ")]
        k = max(reported)
        state, problems = _state(live)
        assert problems == [], problems
        assert state in (hashes[k], hashes[k + 1]), f"act {k + 1} was half-written"
        landed += state == hashes[k]  # killed before the next act committed
        at = k if state == hashes[k] else k + 1
    print("ACTS", at, landed)
    assert at > 0 and landed >= 1


def test_two_processes_500_acts_each(tmp_path):
    path = tmp_path / "shared.db"
    open_database(path).dispose()
    env = _env(tmp_path)
    procs = [subprocess.Popen([sys.executable, str(DRIVER), str(path), "independent",
                               str(ACTS_PER_PROCESS), tag], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for tag in ("a", "b")]
    try:
        for proc in procs:
            _wait_line(proc, "ready", time.monotonic() + 30)
        for proc in procs:  # both start together
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [proc.communicate(timeout=90) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        assert len(out.splitlines()) == ACTS_PER_PROCESS
    numbers = [line.split()[1] for out, _ in results for line in out.splitlines()[::3]]
    cases = -(-ACTS_PER_PROCESS // 3)
    assert len(numbers) == 2 * cases
    assert len(set(numbers)) == len(numbers), "a case number was given twice"
    db = open_database(path, upgrade=False)
    try:
        with db.read() as session:
            stored = set(session.scalars(select(Case.number)))
            events = session.scalar(select(func.count(Event.id)).where(
                Event.action.in_(("registered", "accepted", "closed"))))
        assert set(numbers) == stored
        assert events == 2 * ACTS_PER_PROCESS  # none lost
        assert check(db) == []
    finally:
        db.dispose()
