"""The newest received_on of each block of case ids (issue #19, migration 0015, SQLite only):
what lets a search walk its candidates from the highest id down and stop as soon as no lower
id can be more recent than the page it holds.

A search's page is the most recent cases by (received_on, id). Its candidates come from the
search index in id order; ids follow registration, not received_on (an import of old cases
gets new ids), so the walk needs a bound: ``newest_below(x)`` is a date no case with an id
below x was received after. case_blocks(block = id >> SHIFT, newest) holds, per block, a date
no case of the block was received after: triggers raise it on every insert and every change of
received_on; nothing lowers it (a deleted case or an earlier date leaves it high), so it is
always a bound, at worst a loose one. Without the table (PostgreSQL, an old file) there is no
bound and the search does without."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Date, Integer, column, func, select, table, text
from sqlalchemy.orm import Session

TABLE = "case_blocks"
SHIFT = 10  # 1,024 ids a block: ~1,000 rows for a 1M-case file, each search reads a few
_RAISE = (f"INSERT INTO {TABLE}(block, newest) VALUES (NEW.id >> {SHIFT}, NEW.received_on) "
          "ON CONFLICT(block) DO UPDATE SET newest = excluded.newest "
          "WHERE excluded.newest > newest;")
TRIGGERS = {
    "case_blocks_insert": f"AFTER INSERT ON cases BEGIN {_RAISE} END",
    "case_blocks_update": f"AFTER UPDATE OF id, received_on ON cases BEGIN {_RAISE} END",
}
_blocks = table(TABLE, column("block", Integer), column("newest", Date))


def create(conn: Connection) -> None:
    """The table filled from the cases, and its triggers (SQLite only)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {TABLE} (block INTEGER PRIMARY KEY, "
                         "newest DATE NOT NULL)")
    conn.exec_driver_sql(f"DELETE FROM {TABLE}")
    conn.exec_driver_sql(f"INSERT INTO {TABLE}(block, newest) SELECT id >> {SHIFT}, "
                         f"max(received_on) FROM cases GROUP BY id >> {SHIFT}")
    for name, body in TRIGGERS.items():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def drop(conn: Connection) -> None:
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


def present(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite" and conn.exec_driver_sql(
        f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{TABLE}'").first() is not None


def newest_below(session: Session, below: int) -> date | None:
    """A date no case with an id below ``below`` was received after (None: no such case).
    The block holding ``below - 1`` counts whole (its higher ids too): a bound, not the max."""
    return session.scalar(select(func.max(_blocks.c.newest))
                          .where(_blocks.c.block <= (below - 1) >> SHIFT))


def too_low(conn: Connection) -> int:
    """Blocks whose date is below a case of theirs (the file changed behind the triggers):
    a search would then stop too early. 0 in a sound file."""
    return conn.execute(text(
        f"SELECT count(*) FROM (SELECT id >> {SHIFT} AS b, max(received_on) AS m FROM cases "
        f"GROUP BY id >> {SHIFT}) c LEFT JOIN {TABLE} k ON k.block = c.b "
        "WHERE k.newest IS NULL OR k.newest < c.m")).scalar() or 0
