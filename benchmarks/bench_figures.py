"""Figures at scale (issue #19 item 3): the per-day sums (caseapp/figures/days.py) beside the
direct aggregate they replace, on copies of bench_scale.py's files, in one run.

    python benchmarks/bench_figures.py                       # 10k, 100k, 1M
    python benchmarks/bench_figures.py --sizes 10000,100000

Each file is copied into a temporary folder (the originals are never opened for writing),
upgraded, and its figure tables filled (the time is printed: once per file, at the first read
after migration 0013). Then, each the median of several runs beside a baseline measured in the
same process (``SELECT count(*) FROM cases``): the year's figures, the dashboard (both kinds,
本年) and the monthly report of a past and of the current month, with the day sums and with
the direct aggregate (``days.DIRECT``, the code before); and an act (a case's close date moved)
followed by the next read, which recomputes the days it marked. Never asserts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"

MEASURE = r"""
import json, statistics, sys, tempfile, time
from datetime import date, datetime, timedelta
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from sqlalchemy import select, text, update
from caseapp.figures import dashboard, days, stats
from caseapp.progress import run
from caseapp.reports import summary
from caseapp.storage.migrate import open_database
from caseapp.storage.models import Case
path, runs, report_runs = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
DAY = date(2026, 11, 20)
t = time.perf_counter()
db = open_database(path, upgrade=True, backup_before_upgrade=False)
out = {"upgrade": time.perf_counter() - t}
t = time.perf_counter()
out["fill_days"] = days.refresh(db)
out["fill"] = time.perf_counter() - t

def median(fn, n):
    fn()
    times = []
    for _ in range(n):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return statistics.median(times)

def baseline():
    with db.read() as s:
        s.execute(text("SELECT count(*) FROM cases")).scalar()

f, t_ = dashboard.period_range("this_year", DAY)
made = datetime(2026, 11, 20, 9, 0)
tmp = tempfile.mkdtemp()
pdf = Path(tmp) / "m.pdf"
ops = {
    "year_figures": (lambda: stats.figures(db, date(2025, 1, 1), date(2025, 12, 31), DAY), runs),
    "dashboard": (lambda: [dashboard.snapshot(db, k, f, t_, DAY) for k in ("petition", "dispute")],
                  runs),
    "report_past": (lambda: run(summary.build_monthly(db, 2026, 10, pdf, made=made)), report_runs),
    "report_current": (lambda: run(summary.build_monthly(db, 2026, 11, pdf, made=made)),
                       report_runs),
}
out["baseline"] = median(baseline, runs)
for mode in ("days", "direct"):
    days.DIRECT = mode == "direct"
    for key, (fn, n) in ops.items():
        out[f"{key}_{mode}"] = median(fn, n)
days.DIRECT = False
with db.read() as s:
    cid, closed = s.execute(select(Case.id, Case.closed_on).where(Case.closed_on.is_not(None))
                            .order_by(Case.id.desc()).limit(1)).one()
def act_then_read():
    global closed
    closed = closed + timedelta(days=1)
    with db.write() as s:
        s.execute(update(Case).where(Case.id == cid).values(closed_on=closed))
    stats.figures(db, date(2025, 1, 1), date(2025, 12, 31), DAY)
out["act_then_read"] = median(act_then_read, runs)
print(json.dumps(out))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--report-runs", type=int, default=3)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--copy", action="append", default=[], metavar="SIZE=PATH",
                        help="a copy already made (and perhaps upgraded) to use for SIZE")
    args = parser.parse_args()
    copies = {int(k): Path(v) for k, v in (c.split("=", 1) for c in args.copy)}
    results = {}
    for size in [int(x) for x in args.sizes.split(",") if x]:
        source = OUT / f"scale-{size // 1000}k.db"
        if not source.exists():
            print(f"{source} missing: build it with benchmarks/bench_scale.py", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
            copy = copies.get(size) or Path(tmp) / source.name
            if size not in copies:
                shutil.copyfile(source, copy)
            print(f"… {size:,} cases", file=sys.stderr, flush=True)
            done = subprocess.run([sys.executable, "-c", MEASURE, str(ROOT), str(copy),
                                   str(args.runs), str(args.report_runs)],
                                  capture_output=True, text=True, cwd=tmp)
            if done.returncode:
                print(done.stderr[-3000:], file=sys.stderr)
                return 1
            results[size] = json.loads(done.stdout.strip().splitlines()[-1])
            print(json.dumps({size: results[size]}), flush=True)
    if args.save:
        args.save.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))
    return 0


def table(results: dict) -> str:
    sizes = sorted(results)
    head = "| operation | " + " | ".join(f"{s // 1000}k" for s in sizes) + " |"
    lines = [head, "|---|" + "---|" * len(sizes)]
    for key, label in (("baseline", "baseline: SELECT count(*) FROM cases"),
                       ("year_figures", "year's figures (2025)"),
                       ("dashboard", "dashboard, both kinds (本年)"),
                       ("report_past", "monthly report, a past month (2026-10)"),
                       ("report_current", "monthly report, the current month (2026-11)")):
        if key == "baseline":
            lines.append(f"| {label} | " + " | ".join(
                f"{results[s][key] * 1000:.1f} ms" for s in sizes) + " |")
            continue
        lines.append(f"| {label} | " + " | ".join(
            f"{ms(results[s][key + '_days'])} (direct {ms(results[s][key + '_direct'])})"
            for s in sizes) + " |")
    lines.append("| an act, then the year's figures (recomputes its days) | " + " | ".join(
        ms(results[s]["act_then_read"]) for s in sizes) + " |")
    lines.append("| filling the tables once after migration 0013 | " + " | ".join(
        f"{results[s]['fill']:.0f} s" for s in sizes) + " |")
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


if __name__ == "__main__":
    sys.exit(main())
