"""Import of cases from .xlsx or .csv (docs/domain.md section 6).

Import streams the file: each row is checked as it is read, and valid rows are inserted in
batches of about 1000 with Core executemany, all inside ONE write transaction. Once any
problem is found nothing more is inserted, but checking goes on so the clerk gets every
problem at once; ImportRefused raised inside ``db.write()`` then rolls everything back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from caseapp import services
from caseapp import workflow as wf
from caseapp.errors import Problem
from caseapp.exchange.bulk_write import bulk_cache
from caseapp.exchange.checking import Row, RowChecker
from caseapp.exchange.columns import BATCH, MAX_PROBLEMS, RESPONDENT
from caseapp.exchange.reading import ImportRefused, mapped_rows, raw_rows
from caseapp.progress import Job, Progress, run
from caseapp.storage import search_index
from caseapp.storage.damage_check import DamageCheck
from caseapp.storage.db import Database
from caseapp.storage.models import (
    LOCAL_OFFICE,
    Agreement,
    Case,
    CaseParty,
    Event,
    NumberSequence,
    Person,
    unindexed,
)
from caseapp.storage.pinyin import name_initials
from caseapp.storage.settings import format_number


@dataclass(frozen=True)
class ImportResult:
    rows: int
    petitions: int
    disputes: int
    persons_created: int
    dry_run: bool
    numbered: int
    warnings: tuple[str, ...] = ()  # e.g. the unknown columns that were ignored


# ---------------------------------------------------------------------------
# Writing: persons, numbers, batches.


def insert_ids(session: Session, table, rows: list[dict]) -> list[int]:
    """Insert many rows; their new ids in the order of ``rows``.

    PostgreSQL returns them with INSERT … RETURNING in parameter order. SQLite cannot promise
    the order of RETURNING rows, so SQLAlchemy would fall back to one statement per row (5×
    slower); there the import gives the ids itself: it holds the write lock from BEGIN
    IMMEDIATE to commit, and max(id) + 1 is what SQLite itself would give (no AUTOINCREMENT)."""
    if session.get_bind().dialect.name != "sqlite":
        return list(session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())
    start = session.scalar(select(func.max(table.c.id))) or 0
    ids = list(range(start + 1, start + 1 + len(rows)))
    insert_many(session, table, [dict(r, id=i) for r, i in zip(rows, ids, strict=True)])
    return ids


def insert_many(session: Session, table, rows: list[dict]) -> None:
    """``session.execute(insert(table), rows)``, on SQLite as one plain executemany of
    tuples: each value through its column type's own bind processor (the same text SQLAlchemy
    writes), without SQLAlchemy's per-row parameter building (~3 s of a 100,000-row import).
    The rows share their keys; a table with a Python-side default for a column they leave
    out goes through SQLAlchemy, which fills it."""
    if not rows:
        return
    conn, keys = session.connection(), list(rows[0])
    if conn.dialect.name != "sqlite" or any(c.default is not None for c in table.c
                                            if c.key not in keys):
        session.execute(insert(table), rows)
        return
    dialect, quote = conn.dialect, conn.dialect.identifier_preparer.quote
    procs = [table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(table.c[k].name) for k in keys)}) "
           f"VALUES ({', '.join('?' * len(keys))})")
    pairs = list(zip(keys, procs, strict=True))
    conn.exec_driver_sql(sql, [
        tuple(r[k] if p is None or r[k] is None else p(r[k]) for k, p in pairs) for r in rows])


class _Person:
    __slots__ = ("id", "name", "id_number", "phone", "gender", "birth_date", "dirty")

    def __init__(self, id, name, id_number, phone, gender=None, birth_date=None):
        self.id, self.name, self.id_number, self.phone = id, name, id_number, phone
        self.gender, self.birth_date, self.dirty = gender, birth_date, False


class _Persons:
    """Find a person the way services.find_person does (ID number, else name + phone), in the
    database and among the persons this file already created; one cache for both. A name +
    phone match is refused when both sides carry different ID numbers (a different person)."""

    def __init__(self, session: Session, office_id: int = LOCAL_OFFICE):
        self.session, self.office_id = session, office_id
        self.cache: dict[tuple, _Person] = {}
        self.created = 0
        self.new: list[_Person] = []
        self.dirty: list[_Person] = []

    def prefetch(self, rows: list[Row]) -> None:
        ids = {r.party[1] for r in rows if r.party[1] and ("i", r.party[1]) not in self.cache}
        pairs = {(r.party[0], r.party[2]) for r in rows if r.party[2]
                 and ("n", r.party[0], r.party[2]) not in self.cache}
        cols = (Person.id, Person.name, Person.id_number, Person.phone)
        if ids:
            for pid, name, idn, phone in self.session.execute(
                    select(*cols).where(Person.office_id == self.office_id,  # its index
                                        Person.id_number.in_(ids))):
                self.cache[("i", idn)] = _Person(pid, name, idn, phone)
        if pairs:
            phones = {p for _, p in pairs}
            for pid, name, idn, phone in self.session.execute(
                    select(*cols).where(unindexed(Person.office_id) == self.office_id,
                                        Person.phone.in_(phones)).order_by(Person.id)):
                if (name, phone) in pairs:
                    self.cache.setdefault(("n", name, phone), _Person(pid, name, idn, phone))

    def get(self, name, id_number, phone, gender, birth) -> _Person:
        person = self.cache.get(("i", id_number)) if id_number else None
        if person is None and phone:
            found = self.cache.get(("n", name, phone))
            if found is not None and (not id_number or found.id_number in (None, id_number)):
                person = found
        if person is None:
            person = _Person(None, name, id_number, phone, gender, birth)
            self.new.append(person)
            self.created += 1
        else:  # fill what we now know; never overwrite what an earlier case recorded
            changed = False
            if id_number and person.id_number is None:
                person.id_number, person.gender, person.birth_date = id_number, gender, birth
                changed = True
            if phone and person.phone is None:
                person.phone, changed = phone, True
            if changed and person.id is not None and not person.dirty:
                person.dirty = True  # already in the database: updated with the batch
                self.dirty.append(person)
        if id_number:
            self.cache[("i", id_number)] = person
        if phone:
            self.cache.setdefault(("n", name, phone), person)
        return person

    def stranger(self, name: str) -> _Person:
        """A party with neither ID number nor phone: always a new person."""
        person = _Person(None, name, None, None)
        self.new.append(person)
        self.created += 1
        return person

    def write(self, now: datetime) -> None:
        table = Person.__table__
        if self.new:
            ids = insert_ids(self.session, table, [
                dict(office_id=self.office_id, is_org=False, name=p.name,
                     name_initials=name_initials(p.name),
                     gender=p.gender, birth_date=p.birth_date,
                     id_number=p.id_number, phone=p.phone, created_at=now) for p in self.new])
            for p, pid in zip(self.new, ids, strict=True):
                p.id = pid
        if self.dirty:
            self.session.execute(
                update(table).where(table.c.id == bindparam("pid")).values(
                    id_number=bindparam("idn"), gender=bindparam("g"),
                    birth_date=bindparam("b"), phone=bindparam("ph")),
                [dict(pid=p.id, idn=p.id_number, g=p.gender, b=p.birth_date, ph=p.phone)
                 for p in self.dirty])
            for p in self.dirty:
                p.dirty = False
        self.new, self.dirty = [], []


class _Numbers:
    """Automatic numbers, the same sequence rows and format as services.allocate_number, but
    taken a batch at a time (one query per batch instead of two statements per case).

    A number the file gives must not collide with one given automatically. Numbers given in
    the rows read so far are skipped when allocating; a number given in a LATER row that
    equals one already allocated is reported as a duplicate of that row (see RowChecker.check)."""

    def __init__(self, session: Session, db: Database, checker: RowChecker,
                 office_id: int = LOCAL_OFFICE):
        self.session, self.settings, self.checker = session, db.settings(), checker
        self.office_id = office_id
        self.seqs: dict[tuple[str, int], NumberSequence] = {}

    def take(self, kind: str, year: int, count: int) -> list[str]:
        seq = self.seqs.get((kind, year))
        if seq is None:
            # The numbering lock the acts take (services.lock_sequence): on PostgreSQL a new
            # year's row is made with ON CONFLICT DO NOTHING and locked, so an import and an
            # act (or two imports) that meet at a new year wait instead of giving one number twice.
            seq = services.lock_sequence(self.session, kind, year, self.office_id)
            self.seqs[(kind, year)] = seq
        template = self.settings.number_format(kind)
        out: list[str] = []
        while len(out) < count:
            tries = [(seq.last + i, format_number(template, year, seq.last + i))
                     for i in range(1, count - len(out) + 1)]
            taken = set(self.session.scalars(
                select(Case.number).where(Case.number.in_([n for _, n in tries]))))
            for last, number in tries:
                seq.last = last
                if number not in taken and number not in self.checker.given:
                    out.append(number)
        self.session.flush()
        return out


def optimize(session: Session) -> None:
    """PRAGMA optimize at the end of a bulk write (SQLite), on the connection that wrote: it
    analyses the tables that connection used whose statistics are missing or far out of date,
    so the lists keep choosing their indexes; bounded work (analysis_limit)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    session.connection().exec_driver_sql("PRAGMA analysis_limit=1000")
    session.connection().exec_driver_sql("PRAGMA optimize")


def import_file(db: Database, actor: int, path: str | os.PathLike, *,
                dry_run: bool = False) -> Job[ImportResult]:
    """Check every row, then insert all (or, with ``dry_run``, nothing). Yields Progress."""
    path = Path(path)
    total, raw = raw_rows(path)
    db.settings()  # read (and cache) the settings before the write lock is taken
    db.calendar()  # and the calendar the deadlines are counted in
    problems: list[Problem] = []
    warnings: list[str] = []
    more = 0
    counts = {"rows": 0, "petition": 0, "dispute": 0, "numbered": 0}
    note = f"从 {path.name} 导入"

    def problem(p: Problem) -> None:
        nonlocal more
        if len(problems) < MAX_PROBLEMS:
            problems.append(p)
        else:
            more += 1

    try:
        # The file's quick_check, beside the rows' reading and writing (storage.damage_check).
        with DamageCheck(db, enabled=not dry_run) as check, \
                (db.read() if dry_run else db.write()) as session, \
                bulk_cache(session, enabled=not dry_run), \
                search_index.bulk(session.connection(), enabled=not dry_run):
            user = services.require(session, actor, wf.Act.EDIT)
            # The acting user's office: the rows go there, and are matched only within it.
            office = services.acting_office(session, user, None, db.scope)
            services.narrow_to(session, office)
            checker = RowChecker(session, db)
            persons = _Persons(session, office)
            numbers = None if dry_run else _Numbers(session, db, checker, office)
            now = datetime.now().replace(microsecond=0)

            def flush(batch: list[Row]) -> None:
                # Every given number (of valid rows or not) is checked against the database.
                given = dict(checker.fresh)
                checker.fresh = []
                if given:
                    for number in session.scalars(select(Case.number).where(Case.number.in_(given))):
                        problem(Problem("编号", f"编号「{number}」已存在", given[number]))
                if problems or more:
                    return  # nothing more will be written; keep checking only
                if numbers is not None:
                    wanted: dict[tuple[str, int], list[Row]] = {}
                    for r in batch:
                        if not r.number:
                            wanted.setdefault((r.kind, r.values["received_on"].year), []).append(r)
                    for (kind, year), rows in wanted.items():
                        for r, number in zip(rows, numbers.take(kind, year, len(rows)), strict=True):
                            r.number = number
                            checker.auto[number] = r.rownum
                persons.prefetch(batch)
                links = []
                for r in batch:
                    links.append([(persons.get(*r.party), wf.main_role(r.kind))])
                    if r.respondent:
                        links[-1].append((persons.stranger(r.respondent), RESPONDENT))
                if dry_run:
                    persons.new, persons.dirty = [], []
                    return
                persons.write(now)
                table = Case.__table__
                case_ids = insert_ids(session, table, [
                    dict(r.values, office_id=office, number=r.number, created_at=now)
                    for r in batch])
                insert_many(session, CaseParty.__table__, [
                    dict(case_id=cid, person_id=p.id, role=role)
                    for cid, link in zip(case_ids, links, strict=True) for p, role in link])
                insert_many(session, Event.__table__, [
                    dict(office_id=office, case_id=cid, at=now, user_id=actor, action="imported",
                         changes=None, note=note)
                    for cid in case_ids])
                # 协议形式: the agreement is recorded with its form, signed on the closing day;
                # the file has no terms, so it holds none (a document asks for them).
                agreements = [dict(case_id=cid, form=r.agreement_form, signed_on=r.values["closed_on"],
                                   terms="[]") for cid, r in zip(case_ids, batch, strict=True)
                              if r.agreement_form]
                if agreements:
                    insert_many(session, Agreement.__table__, agreements)

            batch: list[Row] = []
            for rownum, values in mapped_rows(raw, warnings):
                counts["rows"] += 1
                row, bad = checker.check(rownum, values)
                for field, message in bad:
                    problem(Problem(field, message, rownum))
                if row is not None:
                    counts[row.kind] += 1
                    counts["numbered"] += not row.number
                    batch.append(row)
                if len(batch) >= BATCH or len(checker.fresh) >= BATCH:
                    flush(batch)
                    batch = []
                if counts["rows"] % BATCH == 0:
                    yield Progress(counts["rows"], None if total is None else max(total, counts["rows"]),
                                   f"正在{'检查' if dry_run or problems else '导入'}第{rownum}行")
            if batch or checker.fresh:
                flush(batch)
            if problems or more:
                problems.sort(key=lambda p: p.row or 0)
                if more:
                    problems.append(Problem("文件", f"另有{more}处问题未列出，请先改正以上问题"))
                raise ImportRefused(problems, len(problems) + more - (1 if more else 0))
            if counts["rows"] == 0:
                raise ImportRefused([Problem("文件", "文件中没有案件行")])
            if check.running:
                yield Progress(counts["rows"], counts["rows"], "正在检查数据库文件")
            check.confirm()  # damage: raised here, and nothing is committed
            if not dry_run:
                optimize(session)
            yield Progress(counts["rows"], counts["rows"], "完成")
    finally:
        raw.close()
    return ImportResult(rows=counts["rows"], petitions=counts["petition"],
                        disputes=counts["dispute"], persons_created=persons.created,
                        dry_run=dry_run, numbered=counts["numbered"],
                        warnings=tuple(warnings))


def run_import(db: Database, actor: int, path: str | os.PathLike, *, dry_run: bool = False,
               on_progress=None) -> ImportResult:
    return run(import_file(db, actor, path, dry_run=dry_run), on_progress)
