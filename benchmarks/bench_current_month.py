"""The current month's report beside a past month's, on the 1,000,000-case database (issue #11).

    python benchmarks/bench_current_month.py [--db benchmarks/out/core-1000k-8y.db]

A month not yet over is measured as of the day it is printed (docs/domain.md §5), so its
overdue list holds only the cases already past their deadline, not every case due before the
month's end. Target: the current month's report within 1.5× of the month before, both printed
on the same day, in the same run (best of 3 each, interleaved, so the machine's noise hits both).
Uses the database bench_reports.py builds (8 years, demo "today" 2026-11-20). Prints; never
asserts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_reports import DAY, OUT, ensure_database  # noqa: E402

TARGET_RATIO = 1.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=OUT / "core-1000k-8y.db")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_database(args.db, args.cases, 8)

    from caseapp.figures import stats
    from caseapp.progress import run
    from caseapp.reports import summary
    from caseapp.storage.migrate import open_database

    db = open_database(args.db, upgrade=False)
    made = datetime.combine(DAY, datetime.min.time()).replace(hour=9)
    current = (DAY.year, DAY.month)
    past = (DAY.year, DAY.month - 1) if DAY.month > 1 else (DAY.year - 1, 12)
    best = {current: 1e9, past: 1e9}
    overdue = {}
    with tempfile.TemporaryDirectory(prefix="bench-current-") as tmp:
        for _ in range(args.runs):
            for year, month in (current, past):
                t0 = time.perf_counter()
                run(summary.build_monthly(db, year, month, Path(tmp) / "m.pdf", made=made))
                best[(year, month)] = min(best[(year, month)], time.perf_counter() - t0)
    for year, month in (current, past):
        fig = stats.figures(db, *stats.month_range(year, month), today=DAY)
        overdue[(year, month)] = (fig.petitions.overdue_open + fig.disputes.overdue_open,
                                  fig.petitions.handled + fig.disputes.handled)
    # The rule before issue #11, for the record: the running month measured on its last day,
    # which lists every open case due before then as overdue.
    month_end = stats.month_range(*current)[1]
    with tempfile.TemporaryDirectory(prefix="bench-current-") as tmp:
        t0 = time.perf_counter()
        run(summary.build_monthly(db, *current, Path(tmp) / "m.pdf",
                                  made=datetime.combine(month_end, datetime.min.time())))
        old_rule = time.perf_counter() - t0
    old_fig = stats.figures(db, *stats.month_range(*current), today=month_end)
    ratio = best[current] / best[past]
    print(f"CaseDesk 当月报表基准（{args.db.name}，打印日 {DAY.isoformat()}，各取 {args.runs} 次最快）")
    for label, key in (("当月（未结束）", current), ("上月（已结束）", past)):
        n_overdue, handled = overdue[key]
        print(f"  {key[0]}年{key[1]}月 {label:<10}{best[key]:6.2f} s   办理 {handled:,} 件，"
              f"超期未结 {n_overdue:,} 件")
    print(f"  （对照）按月末计算当月 {old_rule:6.2f} s   超期未结 "
          f"{old_fig.petitions.overdue_open + old_fig.disputes.overdue_open:,} 件（一次）")
    verdict = "达标" if ratio <= TARGET_RATIO else "未达标"
    print(f"  当月 ÷ 上月 = {ratio:.2f}×（目标 ≤ {TARGET_RATIO}×）{verdict}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
