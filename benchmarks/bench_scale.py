"""Scale (issue #19): each screen's operation at 10k, 100k and 1M cases, with its growth per 10×.

    python benchmarks/bench_scale.py                        # all three sizes, writes the README
    python benchmarks/bench_scale.py --sizes 10000,100000   # quicker
    python benchmarks/bench_scale.py --before-code /tmp/old
        # one run, before and after: each size's file is built by the other checkout's caseapp
        # (e.g. the code before #19), measured with it as it is, then upgraded and measured with
        # this tree's, the two minutes apart on the same machine
    python benchmarks/bench_scale.py --code /tmp/old --save benchmarks/out/scale-before.json
        # the same operations with another checkout's caseapp on files it can read; a later
        # run prints those figures beside its own (--before)

Files are built once with the demo generator (3 years, its "today" 2026-11-20) into
benchmarks/out/scale-10k.db, scale-100k.db, scale-1000k.db and reused (the 1M file takes
minutes: build it early). Every measurement runs in a fresh interpreter, is the median of
several runs and stands beside a baseline measured in the same process (``SELECT count(*) FROM
cases``), so a noisy machine shows in both. The import of 100,000 rows goes into a copy of each
file. Prints a table and writes it into benchmarks/README.md; never asserts (tests do not time
things).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
README = ROOT / "benchmarks" / "README.md"
DAY = "2026-11-20"
SIZES = (10_000, 100_000, 1_000_000)

# (key, label, target at 1M in seconds or None, growth target per 10× or None)
OPS = (
    ("baseline", "baseline: SELECT count(*) FROM cases", None, None),
    ("list_first", "case list, first page (信访件, newest first)", 0.100, 1.5),
    ("list_count", "  its total count (after the page shows)", None, None),
    ("list_filter", "case list, a filter (类别 + 状态), first page", 0.100, 1.5),
    ("list_handler", "case list, a filter (承办人), first page", 0.100, 1.5),
    ("search", "text search, slowest of 张建 / 王 / 工资 (queries.search_cases)", 0.100, 1.5),
    ("detail", "opening a case", 0.050, None),
    ("year_figures", "year's figures (2025)", 0.300, 3.0),
    ("dashboard", "dashboard, both kinds (本年)", 0.500, 3.0),
    ("report_past", "monthly report, a past month (2026-10)", 3.0, None),
    ("report_current", "monthly report, the current month (2026-11)", 3.0, None),
    ("import", "import of 100,000 rows (into a copy)", 20.0, None),
    ("import_rate", "  its rows/s (CPU rows/s in brackets)", None, None),
    ("xlsx_rate", "xlsx export, rows/s (20,000 cases; CPU rows/s in brackets)", None, None),
    ("csv_rate", "  the CSV export beside it, rows/s", None, None),
)
RATE_KEYS = {"xlsx_rate", "csv_rate", "import_rate"}

MEASURE = r"""
import json, statistics, sys, tempfile, time
from datetime import date, datetime
from pathlib import Path
code, path, upgrade = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
RUNS, REPORT_RUNS = int(sys.argv[4]), int(sys.argv[5])
sys.path.insert(0, code)
from sqlalchemy import text
from caseapp import queries
from caseapp.figures import dashboard, stats
from caseapp.progress import run
from caseapp.reports import summary
from caseapp.storage.migrate import open_database
from caseapp.queries.case_list import CaseFilter
from caseapp import exchange
DAY = date(2026, 11, 20)
t = time.perf_counter()
db = open_database(path, upgrade=upgrade, backup_before_upgrade=False)
result = {"open": time.perf_counter() - t}

def median(fn, n=None):
    n = n or RUNS
    fn()  # warm the page cache and the pick lists once
    times = []
    for _ in range(n):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return statistics.median(times)

def baseline():
    with db.read() as s:
        s.execute(text("SELECT count(*) FROM cases")).scalar()

def first_page(flt):
    # What the case list does before its first rows paint: the new keyset page when present,
    # else the ordered ids of the whole filter and the rows of the first 100.
    if hasattr(queries, "first_page"):
        page = queries.first_page(db, flt, "received_on", True, 100)
        return page.rows
    ids = queries.case_ids(db, flt, "received_on", True)
    return queries.case_rows(db, ids[:100], DAY)

result["baseline"] = median(baseline)
pet = CaseFilter(kind="petition", today=DAY)
result["list_first"] = median(lambda: first_page(pet))
result["list_count"] = median(lambda: queries.count(db, pet))
with db.read() as s:
    cat = s.execute(text("SELECT category FROM cases WHERE kind='petition' GROUP BY category "
                         "ORDER BY count(*) LIMIT 1")).scalar()
    handler = s.execute(text("SELECT handler FROM cases WHERE kind='dispute' AND handler IS NOT NULL "
                             "LIMIT 1")).scalar()
    some_id = s.execute(text("SELECT max(id) FROM cases")).scalar() // 2
flt = CaseFilter(kind="petition", category=cat, statuses=("in_progress",), today=DAY)
result["list_filter"] = median(lambda: first_page(flt))
hf = CaseFilter(kind="dispute", handler=handler, today=DAY)
result["list_handler"] = median(lambda: first_page(hf))
find = getattr(queries, "search_cases", None)
if find is not None:
    result["search"] = max(median(lambda: find(db, term)) for term in ("张建", "王", "工资"))
result["detail"] = median(lambda: queries.case_detail(db, some_id, DAY))
result["year_figures"] = median(lambda: stats.figures(db, date(2025, 1, 1), date(2025, 12, 31), DAY))
f, t_ = dashboard.period_range("this_year", DAY)
result["dashboard"] = median(lambda: [dashboard.snapshot(db, k, f, t_, DAY)
                                      for k in ("petition", "dispute")])
made = datetime(2026, 11, 20, 9, 0)
with tempfile.TemporaryDirectory() as tmp:
    pdf = Path(tmp) / "m.pdf"
    result["report_past"] = median(lambda: run(summary.build_monthly(db, 2026, 10, pdf, made=made)), REPORT_RUNS)
    result["report_current"] = median(lambda: run(summary.build_monthly(db, 2026, 11, pdf, made=made)), REPORT_RUNS)
    n = min(20000, some_id * 2)
    for fmt in ("csv", "xlsx"):  # the CSV export is the xlsx export's baseline
        t, c = time.perf_counter(), time.process_time()
        rows = exchange.run_export(db, Path(tmp) / f"e.{fmt}", case_ids=list(range(1, n + 1)),
                                   today=DAY)
        result[f"{fmt}_rate"] = rows / (time.perf_counter() - t)
        result[f"{fmt}_cpu_rate"] = rows / (time.process_time() - c)
print(json.dumps(result))
"""

EXPORT_CSV = r"""
import csv, sys
code, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, code)
from caseapp.storage.migrate import open_database
from caseapp import exchange
db = open_database(path, upgrade=False)
exchange.run_export(db, out + ".full.csv")
# Without 编号, so every row is numbered on import and none collides with the target's cases.
with open(out + ".full.csv", encoding="utf-8-sig", newline="") as src, \
        open(out, "w", encoding="utf-8-sig", newline="") as dst:
    reader, writer = csv.reader(src), csv.writer(dst)
    head = next(reader)
    col = head.index("编号")
    writer.writerow(head)
    for row in reader:
        row[col] = ""
        writer.writerow(row)
"""

IMPORT = r"""
import json, sys, time
code, path, csv_path = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, code)
from caseapp.storage.migrate import open_database
from caseapp import exchange
db = open_database(path, upgrade=sys.argv[4:] == ["new"])  # "new": an empty file made here
t, c = time.perf_counter(), time.process_time()
r = exchange.run_import(db, db.local_user_id(), csv_path)
took, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"import": took, "rows": r.rows, "import_rate": r.rows / took,
                  "import_cpu_rate": r.rows / cpu}))
"""

BUILD = r"""
import sys
from datetime import date
code, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, code)
from caseapp.storage.migrate import open_database
from caseapp.demo import run_demo
db = open_database(path)
run_demo(db, db.local_user_id(), cases=n, seed=1, today=date(2026, 11, 20))
db.dispose()
"""


def child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         cwd=tempfile.gettempdir())
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    lines = out.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}


def db_path(size: int) -> Path:
    return OUT / f"scale-{size // 1000}k.db"


def ensure(size: int, code: str) -> Path:
    path = db_path(size)
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".db.tmp")
        child(BUILD, code, str(tmp), str(size))
        tmp.rename(path)
    return path


def checkpoint(path: Path) -> None:
    """Everything of the -wal into the file itself, so that a copy of the file alone is whole."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def measure(size: int, code: str, upgrade: bool, with_import: bool, runs: tuple[int, int]) -> dict:
    path = ensure(size, code)
    print(f"… {size:,} cases", file=sys.stderr, flush=True)
    result = child(MEASURE, code, str(path), "1" if upgrade else "0", *map(str, runs))
    if with_import:
        csv_path = OUT / "scale-import-100k.csv"
        if not csv_path.exists():
            child(EXPORT_CSV, code, str(ensure(100_000, code)), str(csv_path))
        with tempfile.TemporaryDirectory(dir=OUT) as tmp:
            copy = Path(tmp) / "copy.db"
            checkpoint(path)  # an upgrade's writes may still be in the -wal beside it
            shutil.copyfile(path, copy)
            result.update(child(IMPORT, code, str(copy), str(csv_path)))
    return result


def import_into_empty(code: str) -> dict:
    """The same import into a new, empty file: the rate a big file is compared with."""
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        return child(IMPORT, code, str(Path(tmp) / "empty.db"),
                     str(OUT / "scale-import-100k.csv"), "new")


def cell(key: str, value: float | None, cpu: float | None = None) -> str:
    if value is None:
        return "—"
    if key in RATE_KEYS:
        return f"{value:,.0f}/s" + (f" ({cpu:,.0f})" if cpu else "")
    return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.1f} s"


def growth(key: str, values: list[float | None]) -> str:
    pairs = [(a, b) for a, b in zip(values, values[1:], strict=False) if a and b]
    if not pairs:
        return "—"
    return " / ".join(f"{b / a:.1f}×" for a, b in pairs)


def table(sizes: list[int], results: dict[int, dict], before: dict | None) -> str:
    head = "| operation | " + " | ".join(f"{s // 1000}k" for s in sizes) + " | growth per 10× |"
    if before:
        head += " before (" + " / ".join(f"{s // 1000}k" for s in sizes) + ") |"
    head += " target at 1M |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for key, label, target, grow in OPS:
        values = [results[s].get(key) for s in sizes]
        if all(v is None for v in values):
            if key == "search":
                label += " — skipped: no queries.search_cases in this tree"
            else:
                continue
        cpus = [results[s].get(key.replace("_rate", "_cpu_rate")) for s in sizes]
        row = (f"| {label} | " + " | ".join(cell(key, v, c) for v, c in zip(values, cpus, strict=True))
               + f" | {growth(key, values)} |")
        if before:
            old = [before.get(str(s), {}).get(key) for s in sizes]
            row += " " + " / ".join(cell(key, v) for v in old) + " |"
        tgt = "—" if target is None else cell(key, target)
        if grow:
            tgt += f", ≤ {grow}× per 10×"
        if key == "xlsx_rate":
            tgt = "≥ 20,000/s"
        lines.append(row + f" {tgt} |")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    start, end = "<!-- bench_scale: start -->", "<!-- bench_scale: end -->"
    body = README.read_text(encoding="utf-8")
    block = f"{start}\n{text}\n{end}"
    if start in body:
        body = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _m: block, body, flags=re.S)
    else:
        body = body.rstrip("\n") + "\n\n## Scale (issue #19, `bench_scale.py`)\n\n" + block + "\n"
    README.write_text(body, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--code", default=str(ROOT), help="the checkout whose caseapp is measured")
    parser.add_argument("--no-upgrade", action="store_true",
                        help="open the files as they are (for an older checkout)")
    parser.add_argument("--no-import", action="store_true")
    parser.add_argument("--save", type=Path, help="write the figures as JSON here")
    parser.add_argument("--before", type=Path, help="figures saved by an earlier --save run")
    parser.add_argument("--before-code", help="a checkout measured first on each size's file, "
                        "which it builds, before this tree upgrades and measures the file")
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--runs", type=int, default=5, help="runs per operation (the median)")
    parser.add_argument("--report-runs", type=int, default=3)
    parser.add_argument("--merge", type=Path, nargs="*", default=[],
                        help="figures saved by --save for other sizes, shown with these")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]  # --sizes "": only --merge's figures
    runs = (args.runs, args.report_runs)
    results, measured_before = {}, {}
    for s in sizes:
        if args.before_code:  # the older code builds the file it can read and goes first
            ensure(s, args.before_code)
            measured_before[str(s)] = measure(s, args.before_code, False, not args.no_import, runs)
        results[s] = measure(s, args.code, not args.no_upgrade, not args.no_import, runs)
    empty = None if args.no_import or not sizes else import_into_empty(args.code)
    for saved in args.merge:  # sizes measured in an earlier run of the same code
        for k, v in json.loads(saved.read_text()).items():
            results.setdefault(int(k), v)
    sizes = sorted(results)
    if args.save:
        args.save.write_text(json.dumps({str(k): v for k, v in results.items()}, indent=1))
    before = json.loads(args.before.read_text()) if args.before and args.before.exists() else None
    if measured_before:
        before = measured_before
        if args.save:
            args.save.with_suffix(".before.json").write_text(json.dumps(before, indent=1))
    text = table(sizes, results, before)
    note = (f"Measured {date.today().isoformat()} on {os.cpu_count()} shared cores, Python "
            f"{sys.version.split()[0]}; medians (reports of {args.report_runs}, the rest of "
            f"{args.runs}), each size in a fresh process.")
    if empty:
        note += (f" The same import into an empty file: {empty['import']:.1f} s, "
                 f"{empty['import_rate']:,.0f} rows/s ({empty['import_cpu_rate']:,.0f} CPU rows/s).")
    print(note)
    print(text)
    if not args.no_readme:
        write_readme(note + "\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
