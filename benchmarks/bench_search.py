"""Search through the index (issue #19) beside the plain LIKE search, in the same run.

    .venv/bin/python benchmarks/bench_search.py [--db FILE] [--rounds N] [--before SEARCH_PY]

Terms of 1, 2, 3 and 5 characters, pinyin initials and a phone tail, common and rare; each
timed indexed and with LIKE (``search_cases(indexed=False)``), interleaved, median of N rounds;
and whether both gave the same hits. ``--before`` also times another version of
caseapp/queries/search.py (e.g. ``git show HEAD:caseapp/queries/search.py > /tmp/before.py``)
in the same rounds, against the same index. The default file is a copy of benchmarks/out/
core-1000k-8y.db in /tmp/search/ (made and migrated when missing; the original is never
opened). Never asserts. ``measure(db, terms)`` is for benchmarks/bench_scale.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from caseapp.queries import search  # noqa: E402
from caseapp.storage.migrate import open_database  # noqa: E402
from caseapp.storage.models import Case  # noqa: E402

SOURCE = ROOT / "benchmarks" / "out" / "core-1000k-8y.db"
COPY = Path("/tmp/search/core-1000k-8y.db")
TARGET_MS = 100.0

# (what, term): fixed terms of the demo's names and summaries, common and rare
TERMS = [
    ("1 char, common surname", "王"),
    ("1 char, rare", "鑫"),
    ("2 chars, name", "张建"),
    ("2 chars, summary word", "漏水"),
    ("3 chars, name", "王建国"),
    ("3 chars, summary", "物业费"),
    ("5 chars, summary", "拖欠农民工"),
    ("5 chars, no match", "不存在的词"),
    ("initials, 2", "zj"),
    ("initials, 3", "wjg"),
    ("phone tail", "5678"),
    ("number", "（2024）调字第0"),
    ("1 char, digit", "0"),
    ("1 char, in every number", "号"),
]


@dataclass
class Timing:
    what: str
    term: str
    indexed_ms: float
    like_ms: float
    hits: int
    same: bool
    before_ms: float = float("nan")


def _median_ms(fn, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def measure(db, terms=TERMS, rounds: int = 5, like: bool = True, before=None) -> list[Timing]:
    """Each term searched ``rounds`` times indexed, with ``before`` (another search module)
    and (``like``) with LIKE, interleaved."""
    out = []
    for what, term in terms:
        search.search_cases(db, term)  # warm the pages this term reads
        ix_ms, ix = _median_ms(lambda t=term: search.search_cases(db, t), rounds)
        before_ms, old = (_median_ms(lambda t=term: before.search_cases(db, t), rounds)
                          if before else (float("nan"), None))
        like_ms, ref = (_median_ms(lambda t=term: search.search_cases(db, t, indexed=False),
                                   max(1, rounds // 2)) if like else (float("nan"), old))
        same = ref is not None and [(h.id, h.field) for h in ix] == [(h.id, h.field)
                                                                      for h in ref]
        out.append(Timing(what, term, ix_ms, like_ms, len(ix), same, before_ms))
    return out


def load_before(path: Path):
    spec = importlib.util.spec_from_file_location("search_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def default_db() -> Path:
    if not COPY.exists():
        COPY.parent.mkdir(parents=True, exist_ok=True)
        print(f"copying {SOURCE} → {COPY} and migrating it (minutes) …", flush=True)
        shutil.copyfile(SOURCE, COPY)
    return COPY


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="the database (default: a copy of the 1M file)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another search.py, timed beside")
    parser.add_argument("--no-like", action="store_true", help="leave out the LIKE scan")
    args = parser.parse_args(argv)
    before = load_before(args.before) if args.before else None
    path = args.db or default_db()
    t0 = time.perf_counter()
    db = open_database(path, backup_before_upgrade=False)
    opened = time.perf_counter() - t0
    with db.read() as session:
        cases = session.scalar(select(func.count(Case.id)))
    print(f"{path}: {cases:,} cases (opened in {opened:.1f} s), window {search.WINDOW:,} per "
          f"kind, median of {args.rounds} (LIKE: of {max(1, args.rounds // 2)})")
    print(f"{'term':28} {'indexed':>10} {'before':>10} {'LIKE':>10} {'×':>6} {'hits':>5}  same  "
          "target")
    for t in measure(db, rounds=args.rounds, like=not args.no_like, before=before):
        ok = "ok" if t.indexed_ms <= TARGET_MS else "OVER"
        print(f"{t.what + ' ' + t.term:28} {t.indexed_ms:8.1f}ms {t.before_ms:8.1f}ms "
              f"{t.like_ms:8.1f}ms "
              f"{t.like_ms / t.indexed_ms:5.1f}× {t.hits:5}  {'yes' if t.same else 'NO ':4}  "
              f"{ok} (≤ {TARGET_MS:.0f} ms)")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
