"""The search index on SQLite (issue #19): an FTS5 trigram table over each case's searchable
text and a table of the 1- and 2-character pieces of its parties' names and initials, kept in
step by triggers in the database itself, so every write (ORM acts, imports, the demo, restores)
updates it in the same transaction.

search_fts (rowid = case id): number, names, initials, phones (digits only, each ending in
PHONE_END, so that a phone's tail is one phrase), summary, ASCII lower-cased as SQLite's
lower() and LIKE (the trigrams then case-sensitive, so exactly LIKE's
folding); the parties' values joined by a newline, which a search term (whitespace collapsed)
never holds; number and summary end in two newlines, so that every character starts a
trigram and a 1–2 character term is found through search_vocab's trigrams that start with it;
kind holds one trigram, <p> or <d> (KIND_MARK), so a query can keep one kind's cases.
search_grams(gram, field, case_id): field 'n' holds every 1- and 2-character substring of each
party's name (ASCII lower-cased, as SQLite's lower()), field 'i' the 1- and 2-letter prefixes of
the names' pinyin initials. Deleted cases are in neither. PostgreSQL has neither (LIKE there)."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    column,
    exists,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import QueryableAttribute

from caseapp.storage import search_blocks

FTS = "search_fts"
GRAMS = "search_grams"
SEQ = "search_seq"  # 1..MAX_NAME: substr() positions, since triggers cannot use WITH
MAX_NAME = 128  # persons.name is String(128)
NAME, INITIALS = "n", "i"
BATCH = 20_000  # cases per statement when the whole index is built
VOCAB = "search_vocab"  # fts5vocab over search_fts: its distinct trigrams, per column


def owns_table(name: str | None) -> bool:
    """A table of the index (FTS5 and its shadow tables, the grams, the vocabulary): made by
    migration 0011's raw SQL, not by the models, so Alembic's model comparison leaves them out."""
    return bool(name) and (name in (GRAMS, SEQ, VOCAB, search_blocks.TABLE) or name == FTS
                           or str(name).startswith(FTS + "_"))


def _parties(value: str) -> str:
    """The case's parties' ``value``s joined by newlines, in the order they were added."""
    return (f"(SELECT group_concat(v, char(10)) FROM (SELECT {value} AS v FROM case_parties cp "
            "JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = c.id ORDER BY cp.id))")


_NAMES, _INITIALS = _parties("lower(p.name)"), _parties("p.name_initials")
# Each phone's digits end in PHONE_END, so that a phone tail is one phrase (migration 0014).
PHONE_END = "#"
_PHONES = _parties(f"replace(replace(p.phone, ' ', ''), '-', '') || '{PHONE_END}'")
_NUMBER, _SUMMARY = "lower(c.number) || char(10, 10)", "lower(c.summary) || char(10, 10)"
_KIND = "'<' || substr(c.kind, 1, 1) || '>'"
_FTS_ROW = (
    f"INSERT INTO {FTS}(rowid, number, names, initials, phones, summary, kind) "
    f"SELECT c.id, {_NUMBER}, {_NAMES}, {_INITIALS}, {_PHONES}, {_SUMMARY}, {_KIND} "
    "FROM cases c WHERE c.deleted_at IS NULL AND {where}")
_GRAM_ROWS = (
    f"INSERT OR IGNORE INTO {GRAMS}(gram, field, case_id) "
    "SELECT lower(substr(p.name, s.n, 1)), 'n', c.id FROM cases c "
    "JOIN case_parties cp ON cp.case_id = c.id JOIN persons p ON p.id = cp.person_id "
    f"JOIN {SEQ} s ON s.n <= length(p.name) WHERE c.deleted_at IS NULL AND {{where}} "
    "UNION ALL SELECT lower(substr(p.name, s.n, 2)), 'n', c.id FROM cases c "
    "JOIN case_parties cp ON cp.case_id = c.id JOIN persons p ON p.id = cp.person_id "
    f"JOIN {SEQ} s ON s.n < length(p.name) WHERE c.deleted_at IS NULL AND {{where}} "
    "UNION ALL SELECT substr(p.name_initials, 1, s.n), 'i', c.id FROM cases c "
    "JOIN case_parties cp ON cp.case_id = c.id JOIN persons p ON p.id = cp.person_id "
    f"JOIN {SEQ} s ON s.n <= min(2, length(p.name_initials)) "
    "WHERE c.deleted_at IS NULL AND {where}")


def _refresh(ids: str) -> str:
    """The statements that rebuild the index rows of the cases ``ids`` (an SQL list)."""
    where = f"c.id IN ({ids})"
    return (f"DELETE FROM {FTS} WHERE rowid IN ({ids}); "
            f"DELETE FROM {GRAMS} WHERE case_id IN ({ids}); "
            f"{_FTS_ROW.format(where=where)}; {_GRAM_ROWS.format(where=where)};")


_PERSON_CASES = "SELECT case_id FROM case_parties WHERE person_id = NEW.id"
_TRIGGERS = {
    "search_case_insert": f"AFTER INSERT ON cases BEGIN {_refresh('NEW.id')} END",
    "search_case_update": ("AFTER UPDATE OF number, summary, deleted_at, kind ON cases "
                           f"BEGIN {_refresh('NEW.id')} END"),
    "search_case_delete": (f"AFTER DELETE ON cases BEGIN DELETE FROM {FTS} WHERE rowid = OLD.id;"
                           f" DELETE FROM {GRAMS} WHERE case_id = OLD.id; END"),
    "search_party_insert": f"AFTER INSERT ON case_parties BEGIN {_refresh('NEW.case_id')} END",
    "search_party_delete": f"AFTER DELETE ON case_parties BEGIN {_refresh('OLD.case_id')} END",
    "search_party_update": ("AFTER UPDATE ON case_parties "
                            f"BEGIN {_refresh('OLD.case_id, NEW.case_id')} END"),
    "search_person_update": ("AFTER UPDATE OF name, phone, name_initials ON persons "
                             f"BEGIN {_refresh(_PERSON_CASES)} END"),
}


def create(conn: Connection) -> None:
    """The tables and their index (empty) and the triggers that keep them in step."""
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
                         "number, names, initials, phones, summary, kind, "
                         "tokenize='trigram case_sensitive 1')")
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB} "
                         f"USING fts5vocab({FTS}, 'col')")
    conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {GRAMS} (gram TEXT NOT NULL, "
                         "field TEXT NOT NULL, case_id INTEGER NOT NULL, "
                         "PRIMARY KEY (gram, field, case_id)) WITHOUT ROWID")
    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{GRAMS}_case ON {GRAMS}(case_id)")
    conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {SEQ} (n INTEGER PRIMARY KEY)")
    if not conn.exec_driver_sql(f"SELECT 1 FROM {SEQ} LIMIT 1").first():
        conn.exec_driver_sql(f"INSERT INTO {SEQ}(n) VALUES "
                             + ",".join(f"({n})" for n in range(1, MAX_NAME + 1)))
    create_triggers(conn)


def create_triggers(conn: Connection) -> None:
    for name, body in _TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop_triggers(conn: Connection) -> None:
    """For a bulk load that calls rebuild() after it (faster than a row at a time)."""
    for name in _TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def drop(conn: Connection) -> None:
    drop_triggers(conn)
    for name in (VOCAB, FTS, GRAMS, SEQ):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")


def present(conn: Connection) -> bool:
    """The index exists (SQLite at revision 0011 or later)."""
    if conn.dialect.name != "sqlite":
        return False
    return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                f"AND name = '{GRAMS}'").first() is not None


def rebuild(conn: Connection, progress: Callable[[int, int], None] | None = None,
            grams: bool = True) -> int:
    """Empty the index and fill it from every case, BATCH case ids per statement (a 1M-case
    file in about a minute or two); the number of cases indexed. ``grams=False``: the FTS
    table alone (its text written differently: migration 0014)."""
    conn.exec_driver_sql(f"DELETE FROM {FTS}")
    if grams:
        conn.exec_driver_sql(f"DELETE FROM {GRAMS}")
    top = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM cases").scalar() or 0
    where = "c.id > :lo AND c.id <= :hi"
    # The grams' B-tree is written in gram order, not case order: a larger page cache for
    # this connection while it is filled (the default 2 MB rereads pages all the time).
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size = -262144")
    try:
        for lo in range(0, top, BATCH):
            params = {"lo": lo, "hi": lo + BATCH}
            conn.execute(text(_FTS_ROW.format(where=where)), params)
            if grams:
                conn.execute(text(_GRAM_ROWS.format(where=where)), params)
            if progress:
                progress(min(lo + BATCH, top), top)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")
    return conn.exec_driver_sql(f"SELECT count(*) FROM {FTS}").scalar() or 0


def out_of_step(conn: Connection) -> list[int]:
    """Case ids (at most 100) whose index rows differ from what their text gives: a case
    missing from the index or indexed while deleted, its text or its names' pieces not as
    they are now. Batched like rebuild()."""
    wrong = [r[0] for r in conn.exec_driver_sql(
        f"SELECT id FROM cases WHERE deleted_at IS NULL AND id NOT IN (SELECT rowid FROM {FTS}) "
        f"UNION SELECT rowid FROM {FTS} WHERE rowid NOT IN "
        "(SELECT id FROM cases WHERE deleted_at IS NULL) LIMIT 100")]
    wrong += [r[0] for r in conn.exec_driver_sql(
        f"SELECT DISTINCT case_id FROM {GRAMS} WHERE case_id NOT IN "
        "(SELECT id FROM cases WHERE deleted_at IS NULL) LIMIT 100")]
    expected = "search_expected"
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {expected} "
                         "(gram TEXT, field TEXT, case_id INTEGER, "
                         "PRIMARY KEY (gram, field, case_id)) WITHOUT ROWID")
    top = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM cases").scalar() or 0
    batch = "c.id > :lo AND c.id <= :hi"
    texts = (f"SELECT c.id FROM cases c JOIN {FTS} f ON f.rowid = c.id WHERE {batch} AND "
             f"(f.number IS NOT {_NUMBER} OR f.summary IS NOT {_SUMMARY} OR "
             f"f.names IS NOT {_NAMES} OR f.initials IS NOT {_INITIALS} OR "
             f"f.phones IS NOT {_PHONES} OR f.kind IS NOT {_KIND})")
    mine = f"SELECT gram, field, case_id FROM {GRAMS} WHERE case_id > :lo AND case_id <= :hi"
    theirs = f"SELECT gram, field, case_id FROM {expected}"
    try:
        for lo in range(0, top, BATCH):
            params = {"lo": lo, "hi": lo + BATCH}
            wrong += [r[0] for r in conn.execute(text(texts), params)]
            conn.exec_driver_sql(f"DELETE FROM {expected}")
            conn.execute(text(_GRAM_ROWS.replace(GRAMS, expected).format(where=batch)), params)
            for a, b in ((mine, theirs), (theirs, mine)):
                wrong += [r[0] for r in conn.execute(
                    text(f"SELECT DISTINCT case_id FROM ({a} EXCEPT {b})"), params)]
            if len(wrong) >= 100:
                break
    finally:
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{expected}")
    return sorted(set(wrong))[:100]


# The index as SQLAlchemy selects of case ids, for queries/search.py.
_fts = table(FTS, column("rowid", Integer))
_grams = table(GRAMS, column("gram", String), column("field", String),
               column("case_id", Integer))
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_lower(term: str) -> str:
    """Lower-cased as SQLite's lower() and LIKE do: ASCII letters only."""
    return term.translate(_ASCII_LOWER)


def kind_mark(kind: str) -> str:
    return f"<{kind[:1]}>"


def fts_ids(fts_column: str, terms: list[str], kind: str | None = None, *,
            below: int | None = None, newest_first: bool = False) -> Select:
    """Ids of the cases (of ``kind``) whose ``fts_column`` holds one of ``terms`` (3+
    characters each, ascii_lower'ed); the caller re-checks with its LIKE (a term may span
    two names). No terms: no ids. ``below``: only ids below it; ``newest_first``: highest
    id first (FTS5 reads its doclists backwards and stops at the LIMIT)."""
    if not terms:
        return select(_fts.c.rowid).where(literal(False))
    query = "(" + " OR ".join(f'{fts_column} : "' + t.replace('"', '""') + '"'
                              for t in terms) + ")"
    if kind:
        query += f' AND kind : "{kind_mark(kind)}"'
    stmt = select(_fts.c.rowid).where(literal_column(FTS).op("MATCH")(literal(query)))
    if below is not None:
        stmt = stmt.where(_fts.c.rowid < below)
    return stmt.order_by(_fts.c.rowid.desc()) if newest_first else stmt


def gram_ids(field: str, gram: str, *, below: int | None = None,
             newest_first: bool = False) -> Select:
    """Ids of the cases whose names (NAME) hold, or whose initials (INITIALS) start with,
    ``gram`` (1 or 2 characters, ascii_lower'ed), in ascending order (the primary key's),
    or with ``newest_first`` descending; ``below``: only ids below it."""
    stmt = select(_grams.c.case_id).where(_grams.c.gram == gram, _grams.c.field == field)
    if below is not None:
        stmt = stmt.where(_grams.c.case_id < below)
    return stmt.order_by(_grams.c.case_id.desc() if newest_first else _grams.c.case_id)


def gram_held(field: str, gram: str,
              case_id: ColumnElement[int] | QueryableAttribute[int]) -> ColumnElement[bool]:
    """The case ``case_id`` (a column of the outer query) is among gram_ids(field, gram): one
    look-up in the grams' primary key, nothing read for the other cases."""
    return exists().where(_grams.c.gram == gram, _grams.c.field == field,
                          _grams.c.case_id == case_id)


def names_may_hold(session, term: str) -> bool:
    """Some party's name may hold ``term`` (3+ characters, ascii_lower'ed): each of its
    2-character pieces is a piece of some name (one primary-key look-up each). False says no
    name holds it, before the FTS reads the doclists of trigrams that every case number holds
    (2025: ~100 ms at 1M cases for the names alone)."""
    pieces = {term[i:i + 2] for i in range(len(term) - 1)}
    return all(session.scalar(select(literal(1)).where(
        _grams.c.gram == piece, _grams.c.field == NAME).limit(1)) for piece in sorted(pieces))


def trigrams_from(session, fts_column: str, start: str, cap: int) -> list[str] | None:
    """The index's distinct trigrams of ``fts_column`` that begin with ``start`` (1–2
    characters, ascii_lower'ed): every place it occurs begins one (the column ends in two
    newlines). None when there are ``cap`` or more (a character too common to list)."""
    high = start[:-1] + chr(ord(start[-1]) + 1)
    terms = list(session.scalars(text(
        f"SELECT term FROM {VOCAB} WHERE term >= :low AND term < :high AND col = :col "
        "LIMIT :cap"), {"low": start, "high": high, "col": fts_column, "cap": cap}))
    return None if len(terms) >= cap else terms


_DIRTY = "search_dirty"
_PERSON_OF = "SELECT case_id FROM main.case_parties WHERE person_id = NEW.id"
_MARKS = (  # (trigger, event, table, the touched case ids)
    ("case_new", "INSERT", "cases", "VALUES (NEW.id)"),
    ("case_edit", "UPDATE", "cases", "VALUES (NEW.id)"),
    ("case_gone", "DELETE", "cases", "VALUES (OLD.id)"),
    ("party_new", "INSERT", "case_parties", "VALUES (NEW.case_id)"),
    ("party_gone", "DELETE", "case_parties", "VALUES (OLD.case_id)"),
    ("party_edit", "UPDATE", "case_parties", "VALUES (OLD.case_id), (NEW.case_id)"),
    ("person_edit", "UPDATE", "persons", _PERSON_OF),
)


@contextmanager
def bulk(conn: Connection, enabled: bool = True) -> Iterator[None]:
    """For a bulk load (the demo, an import) inside ``conn``'s transaction: while it runs,
    writes only note which cases they touch; at the end those cases' index rows are rebuilt
    in a few set-wise statements and the triggers are back, all in the same transaction
    (a rollback undoes the lot). Nothing without the index (PostgreSQL, an old schema) or
    when not ``enabled`` (a dry run in a read transaction)."""
    if not enabled or not present(conn):
        yield
        return
    drop_triggers(conn)
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {_DIRTY} (id INTEGER PRIMARY KEY)")
    for name, event, table_name, ids in _MARKS:
        conn.exec_driver_sql(f"CREATE TEMP TRIGGER IF NOT EXISTS search_bulk_{name} AFTER "
                             f"{event} ON main.{table_name} BEGIN INSERT OR IGNORE INTO "
                             f"{_DIRTY}(id) {ids}; END")
    try:
        yield
        for statement in _refresh(f"SELECT id FROM temp.{_DIRTY}").split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
    finally:  # the triggers back even on the way out of a failed load (it rolls back)
        for name, *_rest in _MARKS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS temp.search_bulk_{name}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{_DIRTY}")
        create_triggers(conn)
