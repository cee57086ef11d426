"""GUI timings on a 100,000-case database, printed beside their targets (issue #3).

    python benchmarks/bench_gui.py [--cases 100000] [--db benchmarks/out/bench-100k.db]

Builds the demo database once (in a subprocess, so its memory does not count) and reuses it.
Measures, offscreen:
- window + first page: MainWindow built and shown on 信访件 until the first rows are painted;
- filter/search change: median over ten changes, from the change to the new rows painted
  (the search box's 250 ms typing pause is a deliberate delay and not counted);
- opening a case: CaseView.show_case to the case painted (database read included);
- scrolling top to bottom page by page: the largest gap of a 10 ms QTimer heartbeat, i.e. the
  longest time the GUI thread could not answer;
- peak RSS of this process.
It prints a table and never asserts: tests do not time things (docs/design.md).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = ROOT / "benchmarks" / "out"
TIMEOUT_S = 60.0


def ensure_database(path: Path, cases: int) -> int:
    from caseapp import queries
    from caseapp.storage.migrate import open_database

    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    have = queries.count(db, queries.CaseFilter())
    db.dispose()
    if have < cases:
        print(f"生成演示数据：{cases - have:,} 件（只需一次）…", flush=True)
        subprocess.run([sys.executable, "-m", "caseapp", "--db", str(path), "demo",
                        "--cases", str(cases - have), "--seed", "1"], check=True, cwd=ROOT)
    return max(have, cases)


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows: no resource module
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


class Heartbeat:
    """A 10 ms timer; the largest gap between its ticks is the longest GUI-thread stall."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.max_gap = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last:
            self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.max_gap = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return self.max_gap


def spin_until(app, done, what: str) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError(what)
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if not done():
            time.sleep(0.0005)


def list_ready(page) -> bool:
    model = page.model
    if not model.is_loaded():
        return False
    if model.rowCount() == 0:
        return True
    top = max(page.table.rowAt(0), 0)
    bottom = page.table.rowAt(page.table.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return model.is_row_fresh(top) and model.is_row_fresh(bottom)


def painted(app, widget) -> None:
    widget.repaint()
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=OUT / "bench-100k.db")
    args = parser.parse_args(argv)
    total = ensure_database(args.db, args.cases)

    from PySide6.QtCore import QSettings

    # Window state of the benchmark stays out of the user's settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from PySide6.QtWidgets import QApplication

    from caseapp import queries
    from caseapp.storage.migrate import open_database
    from ui.app import make_app, tune_gc
    from ui.context import AppContext
    from ui.shell.main_window import MainWindow

    app = make_app([])
    db = open_database(args.db)
    ctx = AppContext(db, db.local_user_id())
    rows: list[tuple[str, str, str, bool | None]] = []

    tune_gc()  # as ui.app.run does before the window
    # 1. Window + first page of the list.
    t0 = time.perf_counter()
    window = MainWindow(ctx, remember=False)
    window.resize(1366, 768)
    window.show_page("petition")
    window.show()
    page = window.petitions
    spin_until(app, lambda: list_ready(page), "first page")
    painted(app, window)
    t_window = time.perf_counter() - t0
    n_list = page.model.rowCount()
    rows.append(("窗口 + 列表第一页", f"{t_window * 1000:.0f} ms（{n_list:,} 件）", "≤ 1000 ms",
                 t_window <= 1.0))

    # 2. Filter and search changes.
    base = replace(page.current_filter(), text="")
    streets = queries.distinct_values(db, "street", "petition")
    handlers = queries.distinct_values(db, "handler", "petition")
    changes = [
        replace(base, statuses=("in_progress",)),
        replace(base, statuses=("closed",)),
        replace(base, category="劳动社保"),
        replace(base, street=streets[0] if streets else None),
        replace(base, handler=handlers[0] if handlers else None),
        replace(base, overdue_only=True),
        replace(base, text="王"),
        replace(base, text="张建"),
        replace(base, text="2025"),
        replace(base, statuses=("registered", "in_progress"), category="城乡建设"),
        base,
    ]
    times = []
    heart = Heartbeat()
    heart.start()
    for flt in changes:
        t0 = time.perf_counter()
        page.set_filter(flt)
        spin_until(app, lambda: list_ready(page), "filter")
        painted(app, page)
        times.append(time.perf_counter() - t0)
    filter_stall = heart.stop()
    median = statistics.median(times)
    rows.append(("筛选/搜索变化（中位数，11 次）", f"{median * 1000:.0f} ms（最慢 {max(times) * 1000:.0f} ms）",
                 "≤ 150 ms", median <= 0.150))

    # 3. Opening a case.
    ids = page.model.ids()
    sample = [ids[i * (len(ids) - 1) // 9] for i in range(10)] if ids else []
    open_times = []
    for case_id in sample:
        t0 = time.perf_counter()
        window.open_case(case_id)
        view = window.case_view

        def shown(view=view, case_id=case_id) -> bool:
            detail = getattr(view, "detail", None)
            if detail is None and hasattr(view, "detail"):
                return False
            loading = getattr(view, "loading", None)
            if detail is not None and detail.id != case_id:
                return False
            return not (loading is not None and loading.isVisible())

        spin_until(app, shown, "open case")
        painted(app, view)
        open_times.append(time.perf_counter() - t0)
        window.back_to_list()
    painted(app, window)
    if open_times:
        med = statistics.median(open_times)
        rows.append(("打开案件（中位数，10 件）", f"{med * 1000:.0f} ms（最慢 {max(open_times) * 1000:.0f} ms）",
                     "≤ 100 ms", med <= 0.100))
    if not hasattr(window.case_view, "detail"):
        rows[-1] = (rows[-1][0] + "（案件页为占位）",) + rows[-1][1:]

    # 4. Scrolling top to bottom, page by page.
    window.show_page("petition")
    spin_until(app, lambda: list_ready(page), "list again")
    bar = page.table.verticalScrollBar()
    bar.setValue(0)
    spin_until(app, lambda: list_ready(page), "top")
    steps = 0
    heart.start()
    t0 = time.perf_counter()
    while bar.value() < bar.maximum():
        bar.setValue(min(bar.value() + bar.pageStep(), bar.maximum()))
        steps += 1
        app.processEvents()  # paint this step (and let the heartbeat tick), as a user sees it
        spin_until(app, lambda: list_ready(page), "scroll")
    t_scroll = time.perf_counter() - t0
    stall = heart.stop()
    last = page.model.index(page.model.rowCount() - 1, 0).data()
    rows.append((f"滚动到底（{steps:,} 页，{t_scroll:.1f} s）", f"最长卡顿 {stall * 1000:.0f} ms",
                 "≤ 50 ms", stall <= 0.050))
    rows.append(("筛选时最长卡顿", f"{filter_stall * 1000:.0f} ms", "≤ 50 ms", filter_stall <= 0.050))

    # 5. Memory.
    rss = peak_rss_mb()
    rows.append(("峰值内存（RSS）", f"{rss:.0f} MB" if rss else "无法测量", "≤ 300 MB",
                 None if rss is None else rss <= 300))

    print()
    print(f"CaseDesk GUI 基准：{args.db}（{total:,} 件；信访件列表 {n_list:,} 件），"
          f"Python {sys.version.split()[0]}，{sys.platform}")
    width = max(len(r[0]) for r in rows) + 2
    for name, value, target, ok in rows:
        mark = "—" if ok is None else ("达标" if ok else "未达标")
        print(f"  {name:<{width}}{value:<28}目标 {target:<10}{mark}")
    print(f"  （最后一行编号：{last}；缓存页数 {len(page.model.cached_pages())}）")
    window.close()
    ctx.runner.pool.waitForDone(30000)
    db.dispose()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
