"""A district on PostgreSQL (issue #18): the year's figures and the monthly summary with
1,000,000 cases in 10 offices, beside the same on SQLite in the same run.

    python benchmarks/bench_district.py                 # builds both, measures, writes the README
    python benchmarks/bench_district.py --runs 3 --no-readme
    python benchmarks/bench_district.py --keep DIR      # the copy and the cluster kept (running)
                                                        # in DIR, reused by the next run

The rows are those of benchmarks/out/scale-1000k.db (bench_scale.py's 3-year file, never
written): a copy in a temporary folder is migrated to head, given 10 offices (office 1 renamed,
2–10 added) and every case ``office_id = id % 10 + 1`` (its events, parties' persons and work
log alike), and its figure tables rebuilt. A throw-away PostgreSQL 15 cluster (.ci/pg start:
unix socket, no TCP, fsync off) gets the schema from ``open_database`` and the same rows by
COPY, triggers off while loading (session_replication_role), then ANALYZE.

Each database is measured in a fresh interpreter: median of ``--runs`` after one warm-up,
beside ``SELECT count(*) FROM cases`` measured in the same process; the district (every
office) and one office (``offices={3}``). Before timing, both backends' figures are compared
(the district, each office, and the district equal to the offices' sum). Never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "benchmarks" / "out" / "scale-1000k.db"
README = ROOT / "benchmarks" / "README.md"
PG = ROOT / ".ci" / "pg"
OFFICES = 10
OFFICE_NAMES = ("城关街道", "东城街道", "西城街道", "南湖街道", "北山街道", "新华街道",
                "高新园区", "经开园区", "临江镇", "青石镇")

OPS = (
    ("baseline", "baseline: SELECT count(*) FROM cases"),
    ("year", "year's figures (2025), district"),
    ("year_office", "year's figures (2025), one office"),
    ("year_direct", "year's figures (2025), district, direct aggregate"),
    ("year_office_direct", "year's figures (2025), one office, direct aggregate"),
    ("months", "12 months' figures (2026), district"),
    ("months_office", "12 months' figures (2026), one office"),
    ("report", "monthly summary PDF (2026-10), district"),
    ("report_office", "monthly summary PDF (2026-10), one office"),
)

PREPARE = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from datetime import datetime
from sqlalchemy import text
from caseapp.figures import days
from caseapp.storage import figure_days, search_index
from caseapp.storage.migrate import open_database
names = sys.argv[3].split(",")
t = time.perf_counter()
db = open_database(sys.argv[2], backup_before_upgrade=False)
print(f"  migrated to head in {time.perf_counter() - t:.0f} s", flush=True)
t = time.perf_counter()
with db.engine.begin() as conn:
    # The triggers would mark every day and rewrite the search index for each case updated.
    indexed = search_index.present(conn)
    if indexed:
        search_index.drop_triggers(conn)
    figure_days.drop_triggers(conn)
    conn.execute(text("UPDATE offices SET code = 'D01', name = :n WHERE id = 1"), {"n": names[0]})
    for i, name in enumerate(names[1:], start=2):
        conn.execute(text("INSERT INTO offices (id, code, name, created_at) VALUES (:i, :c, :n, :t)"),
                     {"i": i, "c": f"D{i:02d}", "n": name, "t": datetime(2026, 1, 1)})
    n = len(names)
    conn.execute(text(f"UPDATE cases SET office_id = id % {n} + 1"))
    conn.execute(text(f"UPDATE persons SET office_id = id % {n} + 1"))
    conn.execute(text(f"UPDATE events SET office_id = case_id % {n} + 1 WHERE case_id IS NOT NULL"))
    conn.execute(text(f"UPDATE worklog_entries SET office_id = id % {n} + 1"))
    figure_days.create_triggers(conn)
    if indexed:
        search_index.create_triggers(conn)
print(f"  10 offices assigned in {time.perf_counter() - t:.0f} s", flush=True)
t = time.perf_counter()
rows = days.rebuild(db)
with db.engine.begin() as conn:
    conn.exec_driver_sql("ANALYZE")
print(f"  figure tables rebuilt ({rows} rows) and analysed in {time.perf_counter() - t:.0f} s", flush=True)
db.dispose()
"""

LOAD = r"""
import sqlite3, sys, time
sys.path.insert(0, sys.argv[1])
import psycopg
from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from caseapp.storage.migrate import open_database
src, url = sys.argv[2], sys.argv[3]
t = time.perf_counter()
db = open_database(url)  # the schema at head, as `caseapp --db URL init` makes it
db.dispose()
u = make_url(url)
conn = psycopg.connect(dbname=u.database, user=u.username, host=u.query["host"])
lite = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
pg_tables = {r[0] for r in conn.execute(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")}
conn.execute("TRUNCATE " + ", ".join(sorted(pg_tables)) + " RESTART IDENTITY CASCADE")
conn.execute("SET session_replication_role = replica")  # no triggers, no FK checks while loading
total = 0
for table in sorted(pg_tables):
    pg_cols = [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
        "ORDER BY ordinal_position", (table,))]
    bools = {r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
        "AND data_type = 'boolean'", (table,))}
    lite_cols = {r[1] for r in lite.execute(f'PRAGMA table_info("{table}")')}
    cols = [c for c in pg_cols if c in lite_cols]
    if not cols:
        continue
    flags = [c in bools for c in cols]
    names = ", ".join(f'"{c}"' for c in cols)
    n = 0
    with conn.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in lite.execute(f'SELECT {names} FROM "{table}"'):
            if any(flags):
                row = tuple(bool(v) if f and v is not None else v for v, f in zip(row, flags))
            copy.write_row(row)
            n += 1
    total += n
    if n >= 100000:
        print(f"    {table}: {n:,} rows", flush=True)
conn.execute("SET session_replication_role = DEFAULT")
for (table,) in conn.execute(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND column_name = 'id' AND column_default LIKE 'nextval%%'").fetchall():
    conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                 f"coalesce((SELECT max(id) FROM \"{table}\"), 1))")
conn.commit()
conn.autocommit = True
conn.execute("VACUUM ANALYZE")
size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
print(f"  {total:,} rows copied to PostgreSQL in {time.perf_counter() - t:.0f} s "
      f"({size / 1e9:.1f} GB)", flush=True)
"""

MEASURE = r"""
import inspect, json, statistics, sys, tempfile, time
from datetime import date, datetime
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from sqlalchemy import text
from caseapp.figures import stats
from caseapp.progress import run
from caseapp.reports import summary
from caseapp.storage.migrate import open_database
url, runs, n_offices = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
DAY = date(2026, 11, 20)
Y0, Y1 = date(2025, 1, 1), date(2025, 12, 31)
ONE = {3}
db = open_database(url, backup_before_upgrade=False)

def median(fn, n=None):
    fn()
    times = []
    for _ in range(n or runs):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return statistics.median(times)

def baseline():
    with db.read() as s:
        s.execute(text("SELECT count(*) FROM cases")).scalar()

result = {}
# The figures to compare across backends (and the district against the offices' sum).
fig = {"district": stats.figures(db, Y0, Y1, DAY).to_dict()}
for o in range(1, n_offices + 1):
    fig[str(o)] = stats.figures(db, Y0, Y1, DAY, offices={o}).to_dict()
fig["direct"] = stats.figures(db, Y0, Y1, DAY, direct=True).to_dict()
result["figures"] = fig
result["baseline"] = median(baseline)
result["year"] = median(lambda: stats.figures(db, Y0, Y1, DAY))
result["year_office"] = median(lambda: stats.figures(db, Y0, Y1, DAY, offices=ONE))
result["year_direct"] = median(lambda: stats.figures(db, Y0, Y1, DAY, direct=True))
result["year_office_direct"] = median(lambda: stats.figures(db, Y0, Y1, DAY, offices=ONE, direct=True))
result["months"] = median(lambda: stats.monthly_series(db, 2026, DAY))
result["months_office"] = median(lambda: stats.monthly_series(db, 2026, DAY, offices=ONE))
made = datetime(2026, 11, 20, 9, 0)
by_office = "offices" in inspect.signature(summary.build_monthly).parameters
result["report_by_office"] = by_office
with tempfile.TemporaryDirectory() as tmp:
    pdf = Path(tmp) / "m.pdf"
    result["report"] = median(lambda: run(summary.build_monthly(db, 2026, 10, pdf, made=made)), 1)
    if by_office:
        result["report_office"] = median(lambda: run(summary.build_monthly(
            db, 2026, 10, pdf, made=made, offices=ONE)), 1)
db.dispose()
print(json.dumps(result, default=str))
"""


def python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def step(code: str, *args: str) -> str:
    proc = subprocess.run([python(), "-c", code, str(ROOT), *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "CASEAPP_HOME": args_home()})
    if proc.returncode:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"step failed ({proc.returncode})")
    return proc.stdout


_HOME: list[str] = []


def args_home() -> str:
    """A data folder of its own: the program's start-up writes nothing into the user's."""
    if not _HOME:
        _HOME.append(tempfile.mkdtemp(prefix="casedesk-district-home-"))
    return _HOME[0]


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def compare(lite: dict, pg: dict) -> list[str]:
    """Sentences on how the two backends' figures agree (empty: in every respect)."""
    out = []
    a, b = lite["figures"], pg["figures"]
    for key in a:
        if a[key] != b.get(key):
            out.append(f"figures {key} differ between SQLite and PostgreSQL")
    for name, f in (("SQLite", a), ("PostgreSQL", b)):
        if f["direct"] != f["district"]:
            out.append(f"{name}: the direct aggregate differs from the day rows")
        for section in ("petitions", "disputes"):
            offices = [f[k][section] for k in f if k.isdigit()]
            for field, value in f["district"][section].items():
                if type(value) is int and sum(o[field] for o in offices) != value:
                    out.append(f"{name}: {section}.{field} of the district is not the offices' sum")
    return out


def table(lite: dict, pg: dict) -> str:
    lines = ["| operation | SQLite | PostgreSQL 15 | PostgreSQL ÷ SQLite |", "|---|---|---|---|"]
    for key, label in OPS:
        if key not in lite or key not in pg:
            lines.append(f"| {label} | — | — | not measured (build_monthly has no offices=) |")
            continue
        ratio = pg[key] / lite[key] if lite[key] else 0
        lines.append(f"| {label} | {fmt(lite[key])} | {fmt(pg[key])} | {ratio:.1f}× |")
    return "\n".join(lines)


def write_readme(text: str) -> None:
    start, end = "<!-- bench_district: start -->", "<!-- bench_district: end -->"
    body = README.read_text(encoding="utf-8")
    if start in body:
        head, rest = body.split(start, 1)
        body = head + start + "\n" + text + "\n" + end + rest.split(end, 1)[1]
    else:
        body += f"\n## A district on PostgreSQL (issue #18, `bench_district.py`)\n\n{start}\n{text}\n{end}\n"
    README.write_text(body, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path,
                    help="a folder for the copy and the cluster, left running (reused next time;"
                         " stop it with .ci/pg stop DIR/pg)")
    ap.add_argument("--no-readme", action="store_true")
    args = ap.parse_args()
    if not args.source.exists():
        raise SystemExit(f"{args.source} is missing: run benchmarks/bench_scale.py first")
    work = args.keep or Path(tempfile.mkdtemp(prefix="casedesk-district-", dir="/tmp"))
    work.mkdir(parents=True, exist_ok=True)
    lite_file = work / "district.db"
    pg_dir = work / "pg"
    started = time.perf_counter()
    try:
        if not (lite_file.exists() and args.keep):
            print(f"copying {args.source.name} to {lite_file}", flush=True)
            subprocess.run(["cp", "--reflink=auto", str(args.source), str(lite_file)], check=True)
            print(step(PREPARE, str(lite_file), ",".join(OFFICE_NAMES[:OFFICES])), end="")
        if (pg_dir / "data" / "postmaster.pid").exists() and args.keep:
            url = subprocess.run(["bash", str(PG), "url", str(pg_dir)], check=True,
                                 capture_output=True, text=True).stdout.strip()
        else:
            url = subprocess.run(["bash", str(PG), "start", str(pg_dir)], check=True,
                                 capture_output=True, text=True).stdout.strip()
            print(f"loading the same rows into PostgreSQL ({url})", flush=True)
            print(step(LOAD, str(lite_file), url), end="")
        print("measuring SQLite …", flush=True)
        lite = json.loads(step(MEASURE, f"sqlite:///{lite_file}", str(args.runs), str(OFFICES)))
        print("measuring PostgreSQL …", flush=True)
        pg = json.loads(step(MEASURE, url, str(args.runs), str(OFFICES)))
        if args.keep:
            (work / "results.json").write_text(json.dumps({"sqlite": lite, "postgresql": pg}))
    finally:
        if not args.keep:
            subprocess.run(["bash", str(PG), "stop", str(pg_dir)], check=False)
            shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(args_home(), ignore_errors=True)
    problems = compare(lite, pg)
    version = sys.version.split()[0]
    text = (f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} shared cores, Python "
            f"{version}; 1,000,000 cases (scale-1000k.db's rows) in {OFFICES} offices, one "
            f"office = `offices={{3}}` (100,000 cases); medians of {args.runs} after a warm-up "
            "(the PDFs: 1), each backend in a fresh process, PostgreSQL a throw-away cluster on "
            "the same machine (unix socket, fsync off). Figures: "
            + ("the same on both backends, the district equal to the offices' sum."
               if not problems else "; ".join(problems) + ".")
            + f" Whole run {time.perf_counter() - started:.0f} s.\n\n" + table(lite, pg))
    print(text)
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
