"""SQLite settings for one bulk write (an import): a page cache big enough for its indexes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.orm import Session

# 64 MiB: most index pages an import of 100,000 rows touches stay in memory; with 128 MiB the
# import into the 1M file reached 350 MB, over its 300 MB budget (benchmarks/README.md).
CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def bulk_cache(session: Session, enabled: bool = True) -> Iterator[None]:
    """A bigger SQLite page cache while ``session``'s bulk write runs (issue #19, item 4).

    Each imported row lands at its own place in every index of cases, persons and
    case_parties. With SQLite's default 2 MiB cache those pages are read, spilled to the WAL
    in mid-transaction and read again, over and over, and the more so the bigger the file.
    The connection gets its own cache size back afterwards (it returns to the pool). Nothing
    on other databases or when not ``enabled`` (a dry run)."""
    if not enabled or session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    value = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    before = -2000 if value is None else int(value)  # SQLite's default: 2,000 KiB
    conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # a broken connection is discarded anyway
            conn.exec_driver_sql(f"PRAGMA cache_size={before}")
