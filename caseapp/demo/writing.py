"""Writing one chunk of demo data: numbers from the NumberSequence rows, fresh ID numbers
where one is taken, and Core executemany (a driver fast path on SQLite)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Numeric,
    Table,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from caseapp.demo.builder import Builder
from caseapp.storage import search_index
from caseapp.storage.models import (
    LOCAL_OFFICE,
    Agreement,
    Case,
    CaseDepartment,
    CaseParty,
    Event,
    FollowUp,
    MediationSession,
    NumberSequence,
    Person,
    PetitionReply,
)
from caseapp.storage.settings import OfficeSettings, format_number

TABLES = {
    "persons": Person, "cases": Case, "case_parties": CaseParty, "events": Event,
    "mediation_sessions": MediationSession, "agreements": Agreement, "follow_ups": FollowUp,
}


def max_ids(session: Session) -> dict[str, int]:
    return {name: session.execute(select(func.coalesce(func.max(model.__table__.c.id), 0)))
            .scalar_one() for name, model in TABLES.items()}


def _in_batches(session: Session, column: InstrumentedAttribute[Any], values: list[str],
                size: int = 500) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(values), size):
        found.update(session.scalars(select(column).where(column.in_(values[i:i + size]))))
    return found


def _assign_numbers(session: Session, settings: OfficeSettings, cases: list[dict]) -> None:
    groups: dict[tuple[str, int], list[dict]] = {}
    for row in cases:
        groups.setdefault((row["kind"], row["received_on"].year), []).append(row)
    for (kind, year), rows in groups.items():
        template = settings.number_format(kind)
        seq_row = session.get(NumberSequence, (LOCAL_OFFICE, kind, year), with_for_update=True)
        if seq_row is None:
            seq_row = NumberSequence(kind=kind, year=year, last=0)
            session.add(seq_row)
        seq = seq_row.last or 0
        numbers: list[str] = []
        while len(numbers) < len(rows):
            need = len(rows) - len(numbers)
            candidates = [format_number(template, year, s) for s in range(seq + 1, seq + need + 1)]
            taken = _in_batches(session, Case.number, candidates)
            numbers += [n for n in candidates if n not in taken]
            seq += need
        seq_row.last = seq
        for row, number in zip(rows, numbers, strict=True):
            row["number"] = number


def _fix_id_collisions(session: Session, builder: Builder) -> None:
    """A generated ID number that an earlier person already holds gets a fresh one."""
    while True:
        rows = [p for p in builder.persons if p["id_number"]]
        taken = _in_batches(session, Person.id_number, [p["id_number"] for p in rows])
        if not taken:
            return
        for p in rows:
            if p["id_number"] in taken:
                p["id_number"], p["birth_date"] = builder.new_id_number(p["gender"] == "男")


def _sqlite_datetime(value: datetime) -> str:
    # SQLAlchemy's SQLite storage format, so the rows read and compare as ORM-written ones do.
    text_ = str(value)  # 2026-03-05 09:12:00, with .ffffff only when there are microseconds
    return text_ if value.microsecond else text_ + ".000000"


def _sqlite_insert(conn: Connection, table: Table, rows: list[dict]) -> None:
    """The SQLite fast path: values converted as SQLAlchemy's SQLite types store them, then one
    executemany on the driver (SQLAlchemy's per-row parameter processing costs more than SQLite)."""
    # A column the rows leave out takes its server default (office_id: the one office).
    given = [c for c in table.columns if c.server_default is None or c.name in rows[0]]
    columns = [c.name for c in given]
    converters: list[tuple[str, Callable[[Any], object]]] = []
    for c in given:
        if isinstance(c.type, DateTime):
            converters.append((c.name, _sqlite_datetime))
        elif isinstance(c.type, Date):
            converters.append((c.name, date.isoformat))
        elif isinstance(c.type, Numeric):
            converters.append((c.name, float))
    getter = itemgetter(*columns)
    if converters:
        positions = [(columns.index(name), convert) for name, convert in converters]
        data = []
        for row in rows:
            values = list(getter(row))
            for i, convert in positions:
                if values[i] is not None:
                    values[i] = convert(values[i])
            data.append(tuple(values))
    else:
        data = [getter(row) for row in rows]
    sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    conn.exec_driver_sql(sql, data)


def flush(session: Session, builder: Builder, settings: OfficeSettings,
           check_ids: bool) -> None:
    conn = session.connection()
    if check_ids:
        _fix_id_collisions(session, builder)
    _assign_numbers(session, settings, builder.cases)
    later = []
    for event, template, other, chunk in builder.note_fixes:
        note = template.format(number=other["number"])
        if chunk == builder.chunk_no:
            event["note"] = note
        else:
            later.append({"eid": event["id"], "enote": note})
    sqlite = conn.dialect.name == "sqlite"
    with search_index.bulk(conn):  # the chunk's index rows set-wise (2× faster than triggers)
        for model, rows in ((Person, builder.persons), (Case, builder.cases),
                            (CaseParty, builder.parties), (CaseDepartment, builder.case_depts),
                            (Event, builder.events), (MediationSession, builder.sessions),
                            (Agreement, builder.agreements), (FollowUp, builder.follow_ups),
                            (PetitionReply, builder.replies)):
            if rows and sqlite:
                _sqlite_insert(conn, model.__table__, rows)
            elif rows:
                conn.execute(insert(model.__table__), rows)
    if later:
        table = Event.__table__
        conn.execute(update(table).where(table.c.id == bindparam("eid"))
                     .values(note=bindparam("enote")), later)
    if conn.dialect.name == "postgresql":  # explicit keys do not move the serial sequences
        for name in TABLES:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                              f"(SELECT MAX(id) FROM {name}))"))
    builder.totals["persons"] += len(builder.persons)
    builder.totals["events"] += len(builder.events)
    builder.totals["petition"] += sum(1 for c in builder.cases if c["kind"] == "petition")
    builder.new_rows()
