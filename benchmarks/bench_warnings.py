"""The workbench's 可能的群体性事件 at 1,000,000 cases, beside baselines of the same run (issue #15).

    python benchmarks/bench_warnings.py [--db benchmarks/out/core-1000k-8y.db] [--rounds 7]

Measures, interleaved round by round (medians, min in brackets):
- the warnings' worker call, caseapp.queries.group_warnings (the dashboard's budget ≤ 1 s;
  ≤ 500 ms is the scale issue's target for a workbench card);
- its three rules apart (同一当事人, 同一村/社区同类, 涉及人数);
- a case's 相关案件 (queries.related_cases) for a few open cases;
- baselines: a plain count of the open cases as the lists write it (bound parameters), and the
  dashboard's worker call for disputes (本年).
It prints a table and never asserts: tests do not time things (docs/design.md). Open the file
with the program first (it migrates an older schema, which can take minutes); this script opens
it without upgrading and says so when the schema is behind.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DB = ROOT / "benchmarks" / "out" / "core-1000k-8y.db"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 20),
                        help="the demo's today (the benchmark databases use 2026-11-20)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"找不到数据库 {args.db}；先运行 benchmarks/bench_reports.py 生成。")
        return 1

    from sqlalchemy import select, text

    from caseapp import queries
    from caseapp.figures import dashboard
    from caseapp.queries import related
    from caseapp.storage.migrate import current_revision, head_revision, open_database
    from caseapp.storage.models import Case

    db = open_database(args.db, upgrade=False)
    if current_revision(db) != head_revision(db):
        print(f"{args.db} 的格式是 {current_revision(db)}，不是 {head_revision(db)}：先用程序打开一次"
              "（升级），或复制一份后用 caseapp --db COPY init 升级。")
        return 1
    settings = db.settings()
    with db.read() as s:
        has_index = s.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'ix_cases_open'")) \
            .first() is not None if db.engine.dialect.name == "sqlite" else True
        open_ids = list(s.scalars(select(Case.id).where(
            Case.deleted_at.is_(None), Case.status.in_(queries.OPEN_STATUSES))
            .order_by(Case.id.desc()).limit(400)))
    samples = open_ids[::100][:4]
    total = queries.count(db, queries.CaseFilter())
    date_from, date_to = dashboard.period_range("this_year", args.today)

    def count_open() -> None:
        with db.read() as s:
            s.execute(select(text("count(*)")).select_from(Case).where(
                Case.deleted_at.is_(None), Case.status.in_(queries.OPEN_STATUSES))).scalar()

    def rule(fn: Callable, *a) -> Callable[[], None]:
        def run() -> None:
            with db.read() as s:
                fn(s, *a)
        return run

    ops: list[tuple[str, Callable[[], object], str]] = [
        ("可能的群体性事件（group_warnings）", lambda: queries.group_warnings(db), "≤ 500 ms"),
        ("  其中 同一当事人", rule(related._by_person, settings.warning_min_cluster), "—"),
        ("  其中 同一村/社区同类", rule(related._by_community, settings.warning_window_days,
                                      settings.warning_min_cluster), "—"),
        ("  其中 涉及人数", rule(related._by_people, settings.warning_min_people), "—"),
        (f"相关案件（{len(samples)}件未结案件，每件）",
         lambda: [queries.related_cases(db, cid) for cid in samples], "—"),
        ("基线：未结案件计数（count(*)）", count_open, "—"),
        ("基线：统计概览后台计算（矛盾纠纷，本年）",
         lambda: dashboard.snapshot(db, "dispute", date_from, date_to, args.today), "≤ 1000 ms"),
    ]
    times: dict[str, list[float]] = {name: [] for name, _f, _t in ops}
    found = queries.group_warnings(db)  # warms the page cache once, as the workbench's first load
    for _ in range(args.rounds):
        for name, fn, _target in ops:
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)

    print(f"可能的群体性事件 — {total:,} 件案件，未结 {_open_count(db):,} 件，"
          f"提示 {len(found)} 条；ix_cases_open {'有' if has_index else '无'}；"
          f"{args.rounds} 轮交替，中位数（最小）")
    width = max(len(name) for name, _f, _t in ops) + 2
    for name, _fn, target in ops:
        values = times[name]
        per = len(samples) if name.startswith("相关案件") and samples else 1
        med, low = statistics.median(values) / per, min(values) / per
        print(f"  {name:<{width}}{med * 1000:>8.0f} ms ({low * 1000:.0f})   目标 {target}")
    db.dispose()
    return 0


def _open_count(db) -> int:
    from sqlalchemy import func, select

    from caseapp import queries
    from caseapp.storage.models import Case

    with db.read() as s:
        return int(s.scalar(select(func.count(Case.id)).where(
            Case.deleted_at.is_(None), Case.status.in_(queries.OPEN_STATUSES))) or 0)


if __name__ == "__main__":
    sys.exit(main())
