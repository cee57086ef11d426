"""The figure tables kept in step with the cases (issue #19): each day's rows recomputed from
the same conditions as the direct aggregate (``conditions.scoped_conditions`` for the one-day
period of that day), for the days the triggers marked (storage.figure_days); the whole
tables rebuilt, or compared with the cases, for ``caseapp check``. figures/days.py reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from typing import cast as cast_to

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from caseapp.figures.conditions import (
    DIMENSIONS,
    count_of,
    measure_names,
    office_column,
    scoped_conditions,
    scoped_sums,
)
from caseapp.figures.model import AMOUNTS, KINDS
from caseapp.storage import figure_days
from caseapp.storage.db import Database
from caseapp.storage.models import IRREGULAR, Case, FigureDay, FigureDayGroup, FigureDirty

RECEIVED_CLASS = ("received", "rejected", "reviews")
HANDLED_CLASS = ("handled", "proxy", "entered", "major")
OVERDUE, SUPERVISED = "overdue_open", "supervised"
DUE_OPEN, CLOSED_LATE = "due_open", "closed_late"
# The breakdowns' dimensions, and the outcome the dashboard's slices group closed cases by.
GROUPS = {**DIMENSIONS, "outcome": Case.outcome}
CHUNK = 200  # days recomputed per transaction (and per IN (…) list)
EPOCH = date(1, 1, 1)


def closed_class(kind: str) -> tuple[str, ...]:
    """The figures summed over closing days: every one made of ``closed`` (and the amounts)."""
    other = (*RECEIVED_CLASS, *HANDLED_CLASS, OVERDUE, SUPERVISED)
    return tuple(n for n in measure_names(kind) if n not in other)


def of_kind(kind: str, names: Sequence[str]) -> tuple[str, ...]:
    return tuple(n for n in names if n in measure_names(kind))


def irregular() -> TextClause:
    """The irregular cases, in the words of ix_cases_irregular's WHERE (so SQLite uses it)."""
    return sql_text(f"({IRREGULAR})")


def regular() -> TextClause:
    return sql_text(f"NOT ({IRREGULAR})")


def any_irregular(session: Session) -> bool:
    """Whether the file holds an irregular case at all (any kind, even deleted): one read of
    the partial index, which is empty in a sound file."""
    return session.execute(select(Case.id).where(irregular()).limit(1)).first() is not None


def office_value() -> ColumnElement[int]:
    column = office_column()
    return column if column is not None else literal(1)


# ---------------------------------------------------------------------------
# Keeping the rows in step.


def _day_conditions(kind: str, column: Any) -> dict[str, ColumnElement[bool]]:
    """Every figure for the one-day period [D, D] measured on D, D being ``column``'s value."""
    return scoped_conditions(kind, column, column, column)


def _where(kind: str, column: Any, regular_only: bool, days: list[date] | None) -> list[Any]:
    where = [Case.kind == kind, Case.deleted_at.is_(None), column.is_not(None)]
    if regular_only:
        where.append(regular())
    if days is not None:
        where.append(column.in_(days))
    return where


def _parts(kind: str) -> list[tuple[Any, bool, list[Any], str | None]]:
    """(day column, regular cases only, labelled counts, the label that the breakdown rows
    count, or None for no breakdown) of each kind of day."""
    r, a, c, d = Case.received_on, Case.accepted_on, Case.closed_on, Case.due_on
    on_r, on_a, on_c, on_d = (_day_conditions(kind, x) for x in (r, a, c, d))
    sums = scoped_sums(kind, cast_to(date, c), cast_to(date, c), cast_to(date, c))
    closed = ([count_of(on_c[n], n) for n in closed_class(kind) if n not in AMOUNTS[kind]]
              + [sums[n].label(n) for n in AMOUNTS[kind]]
              + [count_of(on_c[n], f"cls:{n}") for n in of_kind(kind, HANDLED_CLASS)]
              + [count_of(and_(on_c["closed"], Case.due_on < Case.closed_on), CLOSED_LATE)])
    return [
        (r, False, [count_of(on_r[n], n) for n in of_kind(kind, RECEIVED_CLASS)], "received"),
        (a, True, [count_of(on_a[n], f"acc:{n}") for n in of_kind(kind, HANDLED_CLASS)],
         "acc:handled"),
        (c, True, closed, "closed"),
        (d, True, [count_of(and_(on_d["handled"], or_(Case.closed_on.is_(None),
                                                       Case.closed_on > Case.due_on)), DUE_OPEN)],
         None),
    ]


GROUP_FIELDS = {"received": "received", "acc:handled": "accepted", "closed": "closed"}


def _temporary(name: str, *columns: Column[Any]) -> Table:
    return Table(name, MetaData(), *columns, prefixes=["TEMPORARY"])


def _counts_columns(n: int) -> list[Column[Any]]:
    return [Column(f"c{i}", BigInteger) for i in range(n)]


def _write_rows(conn: Connection, kind: str, days: list[date] | None) -> None:
    """Insert the figure rows of ``kind`` for ``days`` (None: all), in SQL alone: each kind of
    day reads the cases once, grouped by day and every breakdown value at once into a
    temporary table; the headline rows and each breakdown's rows are roll-ups of it."""
    office = office_value().label("office_id")
    values = [func.coalesce(column, "") for column in GROUPS.values()]
    groups = _temporary("figure_part_groups", Column("dimension", String), Column("value", String),
                        Column("day", Date), Column("office_id", Integer),
                        Column("field", String), Column("n", BigInteger))
    groups.drop(conn, checkfirst=True)
    groups.create(conn)
    for column, regular_only, counts, grouped_by in _parts(kind):
        where = _where(kind, column, regular_only, days)
        by_day = _temporary("figure_part_days", Column("office_id", Integer), Column("day", Date),
                            *_counts_columns(len(counts)))
        by_day.drop(conn, checkfirst=True)
        by_day.create(conn)
        names = [c.name for c in by_day.columns]
        if grouped_by is None:  # no breakdown: by day alone
            conn.execute(insert(by_day).from_select(
                names, select(office, column, *counts).where(*where).group_by(office, column)))
        else:
            part = _temporary("figure_part", Column("office_id", Integer), Column("day", Date),
                              *(Column(d, String) for d in GROUPS),
                              *_counts_columns(len(counts)))
            part.drop(conn, checkfirst=True)
            part.create(conn)
            conn.execute(insert(part).from_select(
                [c.name for c in part.columns],
                select(office, column, *(v.label(d) for v, d in zip(values, GROUPS, strict=True)),
                       *counts).where(*where).group_by(office, column, *values)))
            conn.execute(insert(by_day).from_select(names, select(
                part.c.office_id, part.c.day,
                *(func.sum(part.c[f"c{i}"]) for i in range(len(counts))))
                .group_by(part.c.office_id, part.c.day)))
            labels = [label.name for label in counts]
            n = part.c[f"c{labels.index(grouped_by)}"]
            for dimension in GROUPS:
                conn.execute(insert(groups).from_select(
                    [c.name for c in groups.columns],
                    select(literal(dimension), part.c[dimension], part.c.day, part.c.office_id,
                           literal(GROUP_FIELDS[grouped_by]), func.sum(n))
                    .group_by(part.c[dimension], part.c.day, part.c.office_id)))
            part.drop(conn)
        for i, label in enumerate(counts):
            c = by_day.c[f"c{i}"]
            conn.execute(insert(FigureDay.__table__).from_select(
                ["kind", "day", "name", "office_id", "n"],
                select(literal(kind), by_day.c.day, literal(label.name), by_day.c.office_id, c)
                .where(c != 0)))
        by_day.drop(conn)
    g = groups.c
    sums = [func.sum(case((g.field == f, g.n), else_=0)).label(f)
            for f in ("received", "accepted", "closed")]
    conn.execute(insert(FigureDayGroup.__table__).from_select(
        ["kind", "dimension", "value", "day", "office_id", "received", "accepted", "closed"],
        select(literal(kind), g.dimension, g.value, g.day, g.office_id, *sums)
        .group_by(g.dimension, g.value, g.day, g.office_id).having(func.sum(g.n) != 0)))
    groups.drop(conn)


def recompute(conn: Connection, days: list[date] | None) -> None:
    """The figure rows of ``days`` (None: of every day) from the cases, replacing the old."""
    chunks: list[list[date] | None] = (
        [None] if days is None else [days[i:i + CHUNK] for i in range(0, len(days), CHUNK)])
    for chunk in chunks:
        for table in (FigureDay.__table__, FigureDayGroup.__table__):
            stmt = delete(table)
            conn.execute(stmt if chunk is None else stmt.where(table.c.day.in_(chunk)))
        for kind in KINDS:
            _write_rows(conn, kind, chunk)


def refresh(db: Database, upto: date | None = None) -> int:
    """Recompute the days marked dirty (those up to ``upto``: a day's rows count only the
    cases with a date on that day, and figures up to a day read no later day's rows) and
    clear their marks, CHUNK days per write transaction (a crash leaves each chunk either done
    or still marked; writers go on between chunks); the number of days recomputed."""
    done = 0
    wanted = select(FigureDirty.day).order_by(FigureDirty.day).limit(CHUNK)
    if upto is not None:
        wanted = wanted.where(FigureDirty.day <= upto)
    while True:
        with db.write() as session:
            figure_days.lock_dirty(session.connection())
            marked = list(session.scalars(wanted))
            if not marked:
                return done
            recompute(session.connection(), marked)
            session.execute(delete(FigureDirty).where(FigureDirty.day.in_(marked)))
        done += len(marked)


def rebuild(db: Database) -> int:
    """Every figure row recomputed from the cases (``caseapp check --repair``)."""
    with db.write() as session:
        figure_days.lock_dirty(session.connection())
        recompute(session.connection(), None)
        session.execute(delete(FigureDirty))
        return int(session.scalar(select(func.count()).select_from(FigureDay)) or 0)


def _stored(conn: Connection, marked: set[date]) -> set[tuple[Any, ...]]:
    rows: set[tuple[Any, ...]] = set()
    for table in (FigureDay.__table__, FigureDayGroup.__table__):
        rows |= {(table.name, *r) for r in conn.execute(select(table)) if r.day not in marked}
    return rows


def out_of_step(db: Database) -> int:
    """How many figure rows differ from what the cases give now (the marked days aside, which
    the next read recomputes anyway); 0 when in step. Recomputes in a transaction it then
    rolls back, so it changes nothing."""
    with db.engine.connect() as conn:
        with conn.begin() as transaction:
            figure_days.lock_dirty(conn)
            marked = set(conn.scalars(select(FigureDirty.day)))
            stored = _stored(conn, marked)
            recompute(conn, None)
            fresh = _stored(conn, marked)
            transaction.rollback()
    return len(stored ^ fresh)


def problems(db: Database) -> list[str]:
    """``caseapp check``'s sentence when the figure rows are out of step with the cases (not
    on a read-only file, where figures are counted directly anyway)."""
    wrong = 0 if db.readonly else out_of_step(db)
    return [f"统计汇总表与案件不一致（{wrong} 行），统计数字可能有误。"
            "可运行 caseapp check --repair 重建"] if wrong else []
