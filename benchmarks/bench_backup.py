"""Backup timings (issue #6) on the 1,000,000-case database of bench_core.py.

    python benchmarks/bench_backup.py [--db benchmarks/out/core-1000k.db] [--out DIR]

Reports: the online backup (SQLite's backup API, consistent snapshot, into a .part file and
renamed), a full `caseapp backup` (the same plus the month's copy, attachments and rotation),
reading one backup for the list (date and case count), and a quick_check of the copy (what a
restore and the start-up check cost). Prints figures; never asserts (docs/design.md).

There is no hard target in the issue; the figure to watch is MB/s against a plain file copy
of the same file on the same disk, printed alongside.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from caseapp.storage import backup, restore  # noqa: E402
from caseapp.storage.migrate import open_database  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / "out" / "core-1000k.db")
    parser.add_argument("--out", type=Path, default=None, help="folder for the copies (temporary)")
    args = parser.parse_args(argv)
    if not args.db.is_file():
        print(f"{args.db} not found: build it with python benchmarks/bench_core.py")
        return 1
    size_mb = args.db.stat().st_size / 1e6
    tmp = tempfile.TemporaryDirectory(prefix="casedesk-bench-backup-", dir=args.out)
    out = Path(tmp.name)
    rows = []
    try:
        t0 = time.perf_counter()
        shutil.copyfile(args.db, out / "plain-copy.db")
        rows.append(("plain file copy (reference)", time.perf_counter() - t0, size_mb))
        (out / "plain-copy.db").unlink()

        t0 = time.perf_counter()
        cases = backup.copy_database(args.db, out / "api-copy.db")
        rows.append((f"online backup API ({cases:,} cases)", time.perf_counter() - t0, size_mb))

        t0 = time.perf_counter()
        info = restore.inspect(out / "api-copy.db")
        rows.append(("read one backup for the list", time.perf_counter() - t0, None))
        t0 = time.perf_counter()
        problem = restore.file_problem(out / "api-copy.db", deep=True, readonly=True)
        rows.append((f"quick_check of the copy ({problem or 'ok'})", time.perf_counter() - t0,
                     size_mb))
        (out / "api-copy.db").unlink()

        db = open_database(args.db, upgrade=False, backup_before_upgrade=False)
        try:
            t0 = time.perf_counter()
            full = backup.backup(db, out / "backups")
            rows.append(("caseapp backup (+ monthly copy, rotation)", time.perf_counter() - t0,
                         2 * size_mb))
        finally:
            db.dispose()
        assert info.case_count == full.case_count
    finally:
        tmp.cleanup()
    print(f"database: {args.db} ({size_mb:,.0f} MB)")
    for label, seconds, mb in rows:
        rate = f"{mb / seconds:8.0f} MB/s" if mb else ""
        print(f"  {label:<48} {seconds:8.2f} s  {rate}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
