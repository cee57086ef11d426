"""Which days' figure rows are out of step (issue #19): triggers in the database itself mark
the days a write touches in figure_dirty, in the same transaction as the write, so every writer
(ORM acts, imports, the demo, restores, migrations) keeps the figure tables exact without
knowing them; caseapp.figures.days recomputes the marked days when figures are next read.

A case marks its received, accepted, closed and due days, before and after the write; an
agreement marks its case's closing day (口头/书面协议 count there). Supervisions mark nothing:
督办件数 is counted directly from them. A migration that rebuilds the cases table (SQLite's
batch mode) drops these triggers with it and must call ``create_triggers`` again."""

from __future__ import annotations

from sqlalchemy import Connection, text

DIRTY = "figure_dirty"
DAY_COLUMNS = ("received_on", "accepted_on", "closed_on", "due_on")
_AGREEMENT_CASE = "SELECT closed_on AS d FROM cases WHERE id = {row}.case_id"


def _case_days(row: str) -> str:
    """The row's days as one column d (SQLite names a union's column after its first part)."""
    return " UNION ALL ".join(f"SELECT {row}.{c}" + (" AS d" if i == 0 else "")
                              for i, c in enumerate(DAY_COLUMNS))


def _sqlite_mark_rows(days: str) -> str:
    return f"INSERT OR IGNORE INTO {DIRTY}(day) SELECT t.d FROM ({days}) AS t WHERE t.d IS NOT NULL;"


SQLITE_TRIGGERS = {
    "figure_case_insert": ("AFTER INSERT ON cases BEGIN "
                           f"{_sqlite_mark_rows(_case_days('NEW'))} END"),
    "figure_case_update": ("AFTER UPDATE ON cases BEGIN "
                           f"{_sqlite_mark_rows(_case_days('OLD'))} "
                           f"{_sqlite_mark_rows(_case_days('NEW'))} END"),
    "figure_case_delete": ("AFTER DELETE ON cases BEGIN "
                           f"{_sqlite_mark_rows(_case_days('OLD'))} END"),
    "figure_agreement_insert": ("AFTER INSERT ON agreements BEGIN "
                                f"{_sqlite_mark_rows(_AGREEMENT_CASE.format(row='NEW'))}"
                                " END"),
    "figure_agreement_update": ("AFTER UPDATE ON agreements BEGIN "
                                f"{_sqlite_mark_rows(_AGREEMENT_CASE.format(row='OLD'))} "
                                f"{_sqlite_mark_rows(_AGREEMENT_CASE.format(row='NEW'))}"
                                " END"),
    "figure_agreement_delete": ("AFTER DELETE ON agreements BEGIN "
                                f"{_sqlite_mark_rows(_AGREEMENT_CASE.format(row='OLD'))}"
                                " END"),
}

_PG_MARK = (f"INSERT INTO {DIRTY}(day) SELECT t.d FROM ({{days}}) AS t(d) "
            "WHERE t.d IS NOT NULL ON CONFLICT DO NOTHING;")
_PG_FUNCTIONS = {
    "figure_mark_case": (
        "BEGIN "
        f"IF TG_OP <> 'DELETE' THEN {_PG_MARK.format(days=_case_days('NEW'))} END IF; "
        f"IF TG_OP <> 'INSERT' THEN {_PG_MARK.format(days=_case_days('OLD'))} END IF; "
        "RETURN NULL; END"),
    "figure_mark_agreement": (
        "BEGIN "
        f"IF TG_OP <> 'DELETE' THEN {_PG_MARK.format(days=_AGREEMENT_CASE.format(row='NEW'))} "
        "END IF; "
        f"IF TG_OP <> 'INSERT' THEN {_PG_MARK.format(days=_AGREEMENT_CASE.format(row='OLD'))} "
        "END IF; RETURN NULL; END"),
}
_PG_TRIGGERS = {"figure_case": ("cases", "figure_mark_case"),
                "figure_agreement": ("agreements", "figure_mark_agreement")}


def create_triggers(conn: Connection) -> None:
    """The triggers that mark days dirty (idempotent)."""
    if conn.dialect.name == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            conn.exec_driver_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
        return
    for name, body in _PG_FUNCTIONS.items():
        conn.exec_driver_sql(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger "
                             f"LANGUAGE plpgsql AS $$ {body} $$")
    for name, (table, function) in _PG_TRIGGERS.items():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                             f"FOR EACH ROW EXECUTE FUNCTION {function}()")


def drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        return
    for name, (table, _function) in _PG_TRIGGERS.items():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for name in _PG_FUNCTIONS:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")


def mark_all(conn: Connection) -> None:
    """Every day any case names: the next read recomputes every figure row (migration 0013,
    ``caseapp check --repair``)."""
    days = " UNION ".join(f"SELECT {c} AS d FROM cases" for c in DAY_COLUMNS)
    ignore = "OR IGNORE " if conn.dialect.name == "sqlite" else ""
    conflict = "" if ignore else " ON CONFLICT DO NOTHING"
    conn.execute(text(f"INSERT {ignore}INTO {DIRTY}(day) SELECT t.d FROM ({days}) AS t "
                      f"WHERE t.d IS NOT NULL{conflict}"))


def lock_dirty(conn: Connection) -> None:
    """On PostgreSQL, hold off writers' marks while a reader recomputes and clears the marked
    days (SQLite's writer lock already does): a day marked meanwhile is never cleared unseen."""
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql(f"LOCK TABLE {DIRTY} IN EXCLUSIVE MODE")
