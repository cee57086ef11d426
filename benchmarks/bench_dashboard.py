"""统计概览 refresh on a 1,000,000-case database, printed beside its targets (issue #5).

    python benchmarks/bench_dashboard.py [--db benchmarks/out/core-1000k.db] [--today 2026-11-20]

Measures, offscreen:
- the worker call: caseapp.figures.dashboard.snapshot for each kind with the default period (本年),
  best of 3 (target ≤ 1 s; it runs off the GUI thread);
- the GUI thread applying a result (tiles and four charts rebuilt), best of 3;
- a refresh as the user sees it (ctx.data_changed → debounce → worker → applied) with a
  5 ms QTimer heartbeat on the GUI thread: the largest gap is the longest time the window
  could not answer (target ≤ 50 ms).
It prints a table and never asserts: tests do not time things (docs/design.md).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# 1,000,000 cases over 8 years (about 10,000 a month; made by bench_reports.py). The 3-year
# core-1000k.db of bench_core.py (about 28,000 a month) can be passed with --db as a stress case.
DEFAULT_DB = ROOT / "benchmarks" / "out" / "core-1000k-8y.db"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 20),
                        help="the demo's today (the benchmark databases use 2026-11-20)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"找不到数据库 {args.db}；先运行 benchmarks/bench_reports.py 生成。")
        return 1

    tmp = Path(tempfile.mkdtemp(prefix="casedesk-bench-dash-"))
    os.environ["CASEAPP_HOME"] = str(tmp / "home")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qs"))
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from caseapp import queries
    from caseapp.figures import dashboard
    from caseapp.storage.migrate import open_database
    from ui.context import AppContext
    from ui.pages.dashboard.page import DashboardPage
    from ui.style import apply_style

    apply_style(app)
    db = open_database(args.db)
    total = queries.count(db, queries.CaseFilter())
    today = args.today
    ctx = AppContext(db, db.local_user_id(), today=today)
    date_from, date_to = dashboard.period_range("this_year", today)

    rows: list[tuple[str, str, str]] = []
    worker: dict[str, float] = {}
    snaps = {}
    for kind in ("petition", "dispute"):
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            snaps[kind] = dashboard.snapshot(db, kind, date_from, date_to, today)
            best = min(best, time.perf_counter() - t)
        worker[kind] = best
        label = {"petition": "信访件", "dispute": "矛盾纠纷"}[kind]
        rows.append((f"后台计算（{label}，本年，最好3次）", f"{best * 1000:.0f} ms", "≤ 1000 ms"))

    page = DashboardPage(ctx)
    page.resize(1366, 900)
    page.show()
    deadline = time.perf_counter() + 120
    while (page.data is None or ctx.runner.busy) and time.perf_counter() < deadline:
        app.processEvents()
        ctx.runner.pool.waitForDone(10)
    best_apply = float("inf")
    for _ in range(3):
        for kind in ("petition", "dispute"):
            t = time.perf_counter()
            page._show(snaps[kind])
            app.processEvents()
            page.repaint()
            best_apply = max(min(best_apply, time.perf_counter() - t), 0)
    rows.append(("界面线程应用结果（最好3次）", f"{best_apply * 1000:.0f} ms", "≤ 50 ms"))

    # A refresh as after an act: heartbeat on the GUI thread while it runs.
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(beat)
    heart.start()
    started = time.perf_counter()
    gen = page._gen
    ctx.notify_changed(())
    deadline = time.perf_counter() + 120
    while (page._gen == gen or page.loading or ctx.runner.busy) \
            and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    whole = time.perf_counter() - started
    heart.stop()
    rows.append(("数据变更后刷新完成（含 500 ms 合并等待）", f"{whole * 1000:.0f} ms", "—"))
    rows.append(("刷新期间界面最长停顿", f"{max(gaps, default=0):.0f} ms", "≤ 50 ms"))

    print(f"统计概览刷新 — {total:,} 件案件，今天 {today.isoformat()}，"
          f"图表期间 {date_from}～{date_to}")
    width = max(len(r[0]) for r in rows) + 2
    for name, value, target in rows:
        print(f"  {name:<{width}}{value:>10}   目标 {target}")
    page.close()
    ctx.runner.pool.waitForDone(60000)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
