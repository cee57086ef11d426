"""Core timings beside their targets (issue #2): demo generation, CSV import, the year's figures.

    python benchmarks/bench_core.py                 # 100,000 and 1,000,000 cases
    python benchmarks/bench_core.py --sizes 100000  # quicker

Databases are built once in benchmarks/out/ (git-ignored) and reused. Each measurement that
reports memory runs in its own process, so its peak RSS is its own. Prints a table; never
asserts: tests do not time things (docs/design.md), and this machine is shared, so compare ratios.

Targets:
- import of 100,000 CSV rows: ≤ 20 s on a 2-core machine, peak memory ≤ 300 MB (streamed);
- the year's figures: ≤ 1.5 × the bare SQL aggregate over the same rows, in the same run;
- demo generation: reported (fast at 1,000,000).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
DAY = "2026-11-20"  # the demo's "today", so runs are comparable


def child(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON line, we add its peak RSS."""
    wrapper = (
        "import json, resource, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "result = {}\n" + code + "\n"
        "result['rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(result))\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


DEMO = """
from datetime import date
from caseapp.storage.migrate import open_database  # noqa: E402
from caseapp.demo import run_demo  # noqa: E402
db = open_database(sys.argv[1])
t = time.perf_counter()
r = run_demo(db, db.local_user_id(), cases=int(sys.argv[2]), seed=1, today=date.fromisoformat(sys.argv[3]))
result['seconds'] = time.perf_counter() - t
result['cases'] = r.cases
"""

EXPORT = """
from caseapp.storage.migrate import open_database  # noqa: E402
from caseapp.exchange import run_export  # noqa: E402
db = open_database(sys.argv[1], upgrade=False)
t = time.perf_counter()
result['rows'] = run_export(db, sys.argv[2])
result['seconds'] = time.perf_counter() - t
"""

IMPORT = """
from caseapp.storage.migrate import open_database  # noqa: E402
from caseapp.exchange import run_import  # noqa: E402
db = open_database(sys.argv[1])
t = time.perf_counter()
r = run_import(db, db.local_user_id(), sys.argv[2])
result['seconds'] = time.perf_counter() - t
result['rows'] = r.rows
"""

FIGURES = """
from caseapp.figures import baseline, stats  # noqa: E402
from caseapp.storage.migrate import open_database  # noqa: E402
from datetime import date
db = open_database(sys.argv[1], upgrade=False)
year = int(sys.argv[2])
stats.figures(db, date(year, 1, 1), date(year, 12, 31))  # warm the page cache once
best_fig = best_bare = best_grouped = 1e9
for _ in range(3):  # best of three, alternating, so all see the same cache
    t = time.perf_counter(); baseline.bare_sql_year(db, year); best_bare = min(best_bare, time.perf_counter() - t)
    t = time.perf_counter(); baseline.bare_sql_year(db, year, grouped=True); best_grouped = min(best_grouped, time.perf_counter() - t)
    t = time.perf_counter(); stats.figures(db, date(year, 1, 1), date(year, 12, 31)); best_fig = min(best_fig, time.perf_counter() - t)
result['figures'] = best_fig
result['bare'] = best_bare
result['grouped'] = best_grouped
"""


def ensure_demo(size: int, rows: list) -> Path:
    path = OUT / f"core-{size // 1000}k.db"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    r = child(DEMO, str(path), str(size), DAY)
    rows.append((f"生成示例数据 {size:,} 件", f"{r['seconds']:.1f} s，{size / r['seconds']:,.0f} 件/秒",
                 f"峰值内存 {r['rss_mb']:.0f} MB", "—"))
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[str, str, str, str]] = []
    dbs = {size: ensure_demo(size, rows) for size in sizes}

    # Import of 100,000 CSV rows: the 100k demo exported, then imported into a fresh file.
    source = dbs.get(100_000) or ensure_demo(100_000, rows)
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        csv_path = Path(tmp) / "cases.csv"
        e = child(EXPORT, str(source), str(csv_path))
        rows.append((f"导出 {e['rows']:,} 行 CSV", f"{e['seconds']:.1f} s", "—", "—"))
        i = child(IMPORT, str(Path(tmp) / "fresh.db"), str(csv_path))
        ok = i["seconds"] <= 20 and i["rss_mb"] <= 300
        rows.append((f"导入 {i['rows']:,} 行 CSV", f"{i['seconds']:.1f} s，峰值内存 {i['rss_mb']:.0f} MB",
                     "≤ 20 s，≤ 300 MB", "达标" if ok else "未达标"))

    for size, path in dbs.items():
        year = int(DAY[:4]) - 1
        f = child(FIGURES, str(path), str(year))
        # figures() returns the headline and four breakdowns from one grouped aggregate per
        # kind; the baseline is that same SQL written by hand. The headline-only aggregate
        # (less work than figures() does) is shown beside it.
        ratio = f["figures"] / f["grouped"]
        rows.append((f"{year}年全年统计（{size:,} 件库）",
                     f"{f['figures'] * 1000:.0f} ms，同等裸SQL {f['grouped'] * 1000:.0f} ms，{ratio:.2f}×",
                     "≤ 1.5 × 裸SQL", "达标" if ratio <= 1.5 else "未达标"))
        rows.append(("  （对照：仅总数的裸SQL）", f"{f['bare'] * 1000:.0f} ms，{f['figures'] / f['bare']:.2f}×",
                     "—", "—"))

    print(f"\nCaseDesk 核心基准（Python {sys.version.split()[0]}，{os.cpu_count()} 核）")
    for name, value, target, verdict in rows:
        print(f"  {name:<28}{value:<40}{target:<18}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
