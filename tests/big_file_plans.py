"""Test helper: the query plans of a 1,000,000-case file on a small one. SQLite plans by the
statistics ANALYZE / PRAGMA optimize keep (sqlite_stat1); a big file's sampled ones lead it
to the live (deleted_at, …) indexes where a small file's own would not, so plan tests plant
them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event

# What PRAGMA optimize (analysis_limit 1000) left in a 1M-case demo file's sqlite_stat1
# (issue #19): a column with one value (deleted_at, office_id) looks as selective as ~1,000
# rows a value.
MILLION_CASE_STATS = {
    "cases": (("ix_cases_live_received", "1089088 1001 1001"),
              ("ix_cases_live_kind_received", "1089396 1001 1001 401"),
              ("sqlite_autoindex_cases_1", "532350 1001 1")),
    "persons": (("sqlite_autoindex_persons_1", "6138720 1001 1001"),
                ("ix_persons_phone", "5525504 3"),
                ("ix_persons_name_phone", "1437513 2 1")),
}


def plant_million_case_stats(db) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
        for table, stats in MILLION_CASE_STATS.items():
            conn.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl = ?", (table,))
            for index, stat in stats:
                conn.exec_driver_sql("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES "
                                     "(?, ?, ?)", (table, index, stat))
    db.engine.dispose()  # new connections read those statistics


@contextmanager
def statements(db) -> Iterator[list[tuple[str, object]]]:
    """The statements run inside the block, with their parameters."""
    seen: list[tuple[str, object]] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def case_steps(db, statement: str, params: object,
               keep: Callable[[str], bool] = lambda step: " cases " in f" {step} ") -> list[str]:
    """The steps of ``statement``'s plan that read the cases table."""
    with db.read() as session:
        plan = [r[-1] for r in session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement, params)]
    return [step for step in plan if keep(step)]
