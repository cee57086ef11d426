"""Start-up to the first page, each in a fresh process, interleaved in the same run (issues #17, #19):

- bare:   a QMainWindow with a QTableView of 50 rows, shown and painted (the floor: Python + Qt);
- source: `python main.py`'s own start on a user whose last page was 信访件: the first frame
          (ui/shell/first_frame.py: the window's look and the list's first rows, read from the
          file with sqlite3) shown and painted is its first page; then "window ready": the
          database opened, MainWindow in the frame's place with its list painted (ui.app
          open_window); also which heavy modules were loaded by the first page;
- frozen: `dist/CaseDesk/CaseDesk --self-test` from spawn to its line, less the report it
          builds after the first page (the same measure for `python main.py --self-test`);
          its first page is its first frame, its "window ready" the real window's list,
          on a demo file made by the frozen build's own caseapp.

    python benchmarks/bench_startup.py [--rounds 5] [--cases 500] [--frozen dist/CaseDesk]

Times are from process spawn (the parent's clock) to the first page; beside them the child's
CPU time by then (all its threads), which the machine's load distorts less. One run of the
source start under `python -X importtime` sums the imports by package. Prints; never asserts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
HEAVY = ("reportlab", "openpyxl", "PySide6.QtCharts", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
         "PySide6.QtPrintSupport", "pypdf", "qtawesome", "alembic", "pypinyin")


def child_bare(t0: float) -> dict:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    model = QStandardItemModel(50, 8)
    for r in range(50):
        for c in range(8):
            model.setItem(r, c, QStandardItem(f"{r}-{c}"))
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.repaint()
    app.processEvents()
    return {"first_page": time.time() - t0, "cpu": time.process_time()}


def child_source(t0: float, db: str) -> dict:
    """The real start (ui.app.make_app and open_window, as `python main.py` runs them) on a
    user whose last page was 信访件, until its first rows are painted."""
    import gc

    gc.disable()  # as ui.app.run starts: no collection until the window's tune_gc
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CaseDesk",
              "CaseDesk").setValue("mainWindow/page", "petition")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_gui import list_ready, painted, spin_until

    from ui.app import make_app, open_window, parse_args
    from ui.shell.first_frame import show_first_frame

    app = make_app([])
    frame = show_first_frame(db, ask_setup=False)  # shown and painted, as `main.py` does
    assert frame is not None and frame.first is not None and frame.first.rows, "no first frame"
    first, first_cpu = time.time() - t0, time.process_time()
    loaded = [m for m in (*HEAVY, "sqlalchemy") if m in sys.modules]
    opened = open_window(parse_args(["--db", db]), ask_setup=False, frame=frame)
    assert not isinstance(opened, int), opened
    ctx, window, _backups = opened
    app.processEvents()
    spin_until(app, lambda: list_ready(window.petitions), "first page")
    painted(app, window)
    took = time.time() - t0
    cpu = time.process_time()
    ctx.runner.pool.waitForDone(30000)
    ctx.db.dispose()
    return {"first_page": first, "cpu": first_cpu, "window": took, "window_cpu": cpu,
            "loaded": loaded, "rows": len(frame.first.rows)}


def clean_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "CASEAPP_", "QT_"))}
    env = {k: v for k, v in env.items() if not k.startswith(("LC_", "LANG", "CASEDESK_"))}
    # a clerk's system: Chinese (the English interface would need its .qm built)
    env.update(CASEAPP_HOME=str(home), QT_QPA_PLATFORM="offscreen", HOME=str(home),
               LANG="zh_CN.UTF-8")
    return env


def spawn(cmd: list[str], env: dict) -> dict:
    """A child of this script; it measures from the parent's clock at spawn (BENCH_T0)."""
    env = {**env, "BENCH_T0": repr(time.time())}
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8",
                          stdin=subprocess.DEVNULL, timeout=300, cwd=env["HOME"])
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} exited {proc.returncode}: {proc.stdout}{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def spawn_self_test(cmd: list[str], env: dict) -> dict:
    """Wall clock from spawn to the self-test's line, less its report (built after the page)."""
    t0 = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True, encoding="utf-8", cwd=env["HOME"])
    assert proc.stdout is not None
    line = proc.stdout.readline()
    t_line = time.time() - t0
    rest, err = proc.communicate(timeout=300)
    m = re.search(r"window ([\d.]+)s, list ([\d.]+)s \((\d+) cases\), report ([\d.]+)s", line)
    if proc.returncode != 0 or not m:
        raise RuntimeError(f"{cmd}: {line}{rest}{err}")
    window, listed, cases, report = float(m[1]), float(m[2]), int(m[3]), float(m[4])
    ready = t_line - report  # spawn to the window's list painted
    framed = re.search(r"first frame ([\d.]+)s", line)  # counted from the self-test's start
    first = ready - (window + listed - float(framed[1])) if framed else ready
    return {"first_page": first, "window": ready, "list": listed, "cases": cases,
            "whole": t_line}


def ensure_db(cases: int, frozen: Path | None = None) -> Path:
    """A demo file made by the program that opens it (the source tree, or the frozen build's
    own caseapp), named by that program's migrations: a file opened by an older or newer
    schema would be upgraded, or refused, inside the timing."""
    if frozen is None:
        versions = ROOT / "caseapp" / "migrations" / "versions"
        cmd = [sys.executable, "-m", "caseapp"]
    else:
        versions = frozen / "_internal" / "caseapp" / "migrations" / "versions"
        cmd = [str(frozen / ("caseapp.exe" if sys.platform == "win32" else "caseapp"))]
    digest = hashlib.sha1(b"".join(f.read_bytes() for f in sorted(versions.glob("*.py"))))
    db = OUT / f"startup-{cases}-{'frozen-' if frozen else ''}{digest.hexdigest()[:10]}.db"
    if not db.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run([*cmd, "--db", str(db), "demo", "--cases", str(cases), "--seed", "1"],
                       check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                       env={**os.environ, "CASEAPP_HOME": str(OUT / "startup-home")})
    return db


def import_times(db: Path, env: dict) -> tuple[float, list[tuple[str, float]]]:
    """Where the imports of the real start to the first page go: each module's own time
    under `python -X importtime` (which inflates them), summed by package (ms)."""
    env = {**env, "BENCH_T0": repr(time.time())}
    proc = subprocess.run([sys.executable, "-X", "importtime", __file__, "--child", "source",
                           "--db", str(db)], env=env,
                          capture_output=True, text=True, encoding="utf-8", cwd=env["HOME"])
    sums: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \| *(\S+)", line)
        if m:
            parts = m[2].split(".")
            deep = parts[0] in ("caseapp", "ui", "sqlalchemy") and len(parts) > 1
            name = ".".join(parts[:2]) if deep else parts[0]
            name = "PySide6/shiboken6" if name.startswith(("PySide6", "shiboken")) else name
            sums[name] = sums.get(name, 0) + int(m[1]) / 1000
    return sum(sums.values()), sorted(sums.items(), key=lambda kv: -kv[1])[:14]


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", choices=("bare", "source"))
    parser.add_argument("--db")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "CaseDesk")
    args = parser.parse_args(argv)
    if args.child:
        t0 = float(os.environ["BENCH_T0"])
        result = child_bare(t0) if args.child == "bare" else child_source(t0, args.db)
        print(json.dumps(result), flush=True)
        return 0

    db = ensure_db(args.cases)
    home = Path(tempfile.mkdtemp(prefix="casedesk-startup-"))
    env = clean_env(home)
    frozen = args.frozen / ("CaseDesk.exe" if sys.platform == "win32" else "CaseDesk")
    frozen_db = ensure_db(args.cases, args.frozen) if frozen.exists() else None
    runs: dict[str, list[dict]] = {k: [] for k in ("bare", "source", "source self-test",
                                                   "frozen self-test")}
    loads = []
    for _ in range(args.rounds):  # interleaved: the machine's load falls on all alike
        loads.append(os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0)
        runs["bare"].append(spawn([sys.executable, __file__, "--child", "bare"], env))
        runs["source"].append(spawn([sys.executable, __file__, "--child", "source", "--db", str(db)],
                                    env))
        runs["source self-test"].append(spawn_self_test(
            [sys.executable, str(ROOT / "main.py"), "--self-test", "--db", str(db)], env))
        if frozen_db is not None:
            runs["frozen self-test"].append(spawn_self_test(
                [str(frozen), "--self-test", "--db", str(frozen_db)], env))
    bare = statistics.median(r["first_page"] for r in runs["bare"])
    bare_cpu = statistics.median(r["cpu"] for r in runs["bare"])
    print(f"start to first page, {args.rounds} rounds, {args.cases} cases, median (min); "
          f"load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores:")
    for name, results in runs.items():
        if not results:
            print(f"  {name:18} (no build at {args.frozen})")
            continue
        times = [r["first_page"] for r in results]
        ratio = statistics.median(times) / bare
        line = f"  {name:18} {median_ms(times):>22}  {ratio:4.2f}× bare"
        if "cpu" in results[0]:  # the process's CPU by then, all threads: less load-bound
            cpus = [r["cpu"] for r in results]
            line += f"   CPU {median_ms(cpus):>20}  {statistics.median(cpus) / bare_cpu:4.2f}×"
        print(line)
        if "window" in results[0]:  # the real window in the frame's place, its list painted
            times = [r["window"] for r in results]
            line = (f"  {'  window ready':18} {median_ms(times):>22}  "
                    f"{statistics.median(times) / bare:4.2f}× bare")
            if "window_cpu" in results[0]:
                cpus = [r["window_cpu"] for r in results]
                line += (f"   CPU {median_ms(cpus):>20}  "
                         f"{statistics.median(cpus) / bare_cpu:4.2f}×")
            print(line)
    loaded = runs["source"][-1]["loaded"]
    print(f"heavy modules loaded by the first page: {', '.join(loaded) or 'none'} "
          f"(watched: {', '.join(HEAVY)}, sqlalchemy)")
    total, heaviest = import_times(db, env)
    print(f"imports of the start to the first page, own time by package (-X importtime, one "
          f"run, {total:.0f} ms in all):")
    for name, ms in heaviest:
        print(f"  {name:28} {ms:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
