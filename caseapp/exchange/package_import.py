"""Importing a 上报包 into a district database, in one transaction: the office found by its code
(made when new), cases by (office, number), a case newer in the package (its latest event, then
its version) replacing the district's copy with all its rows, an older or equal one left; persons
matched within the office (package_persons.py). Importing a package again changes nothing.

Rows are written a batch of cases at a time with executemany (one statement per table and
batch), as the importer does.

Public names: ``import_package``, ``run_import_package``, ``PackageResult``.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from caseapp import workflow as wf
from caseapp.errors import PermissionDenied
from caseapp.exchange.importer import insert_ids
from caseapp.exchange.package import CASE_ROWS, carried
from caseapp.exchange.package_persons import PackagePersons, chunks
from caseapp.exchange.package_read import Package, read_package
from caseapp.progress import Job, Progress, run
from caseapp.services.events import add_event
from caseapp.services.guard import require, visible_offices
from caseapp.storage import search_index
from caseapp.storage.damage_check import DamageCheck
from caseapp.storage.db import Database
from caseapp.storage.models import (
    Case,
    CaseDepartment,
    CaseParty,
    Department,
    Event,
    Office,
    WorkLogCase,
    WorkLogEntry,
)

BATCH = 500  # cases written together
_ENTRY_KEY = ("created_at", "day", "type", "street", "community")


@dataclass(frozen=True)
class PackageResult:
    office_code: str
    office_name: str
    office_created: bool
    cases: int  # in the package
    added: int
    replaced: int
    unchanged: int
    persons_added: int
    worklog_added: int
    worklog_updated: int

    @property
    def changed(self) -> bool:
        return bool(self.office_created or self.added or self.replaced or self.worklog_added
                    or self.worklog_updated)


def _newness(latest: datetime | None, created: datetime, version: int) -> tuple[datetime, int]:
    """What "newer" compares: the case's latest event (its creation when it has none), then
    its version (every edit of the case bumps it)."""
    return (latest or created, version or 0)


def _existing(session: Session, office_id: int, numbers: Iterable[str]) -> dict[str, tuple]:
    """The district's copies: number -> (id, newness)."""
    out: dict[str, tuple] = {}
    for chunk in chunks(numbers):
        rows = session.execute(
            select(Case.id, Case.number, Case.created_at, Case.version, func.max(Event.at))
            .outerjoin(Event, Event.case_id == Case.id)
            .where(Case.office_id == office_id, Case.number.in_(chunk))
            .group_by(Case.id, Case.number, Case.created_at, Case.version))
        for cid, number, created, version, latest in rows:
            out[number] = (cid, _newness(latest, created, version))
    return out


def _case_ids(session: Session, office_id: int, numbers: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in chunks(set(numbers)):
        out.update(session.execute(select(Case.number, Case.id).where(
            Case.office_id == office_id, Case.number.in_(chunk))).all())
    return out


def _clear(session: Session, case_ids: list[int]) -> None:
    """Remove the rows a replaced case gets again from the package (the case row stays: other
    cases may point at it)."""
    tables = [CaseParty.__table__, CaseDepartment.__table__, Event.__table__,
              WorkLogCase.__table__, *CASE_ROWS.values()]
    for chunk in chunks(case_ids):
        for table in tables:
            session.execute(delete(table).where(table.c.case_id.in_(chunk)))


def _departments(session: Session, names: set[str]) -> dict[str, int]:
    found = dict(session.execute(select(Department.name, Department.id)
                                 .where(Department.name.in_(names))).all()) if names else {}
    missing = sorted(names - set(found))
    if missing:
        ids = insert_ids(session, Department.__table__,
                         [dict(name=name, active=True) for name in missing])
        found.update(zip(missing, ids, strict=True))
    return found


def _worklog(session: Session, office_id: int, actor: int, package: Package) -> tuple[int, int]:
    """The office's work-log entries, matched by when they were made and what they are about
    (in order, for entries alike); their links to cases. Returns (added, updated)."""
    table = WorkLogEntry.__table__
    names = carried("worklog_entries")
    names.remove("id")
    existing: dict[tuple, list[dict]] = defaultdict(list)
    for row in session.execute(select(table).where(table.c.office_id == office_id)
                               .order_by(table.c.id)).mappings():
        existing[tuple(row[k] for k in _ENTRY_KEY)].append(dict(row))
    updated = 0
    entry_ids: dict[int, int] = {}
    fresh: list[dict] = []
    for entry in package.rows["worklog_entries"]:
        values = {n: entry[n] for n in names}
        matches = existing.get(tuple(entry[k] for k in _ENTRY_KEY))
        if matches:
            match = matches.pop(0)
            changes = {n: v for n, v in values.items() if match[n] != v}
            if changes:  # rare: an entry changed or deleted at the office since
                session.execute(update(table).where(table.c.id == match["id"]).values(**changes))
                updated += 1
            entry_ids[entry["id"]] = match["id"]
        else:
            fresh.append(entry)
    if fresh:
        ids = insert_ids(session, table, [
            dict({n: e[n] for n in names}, office_id=office_id, created_by=actor) for e in fresh])
        entry_ids.update((e["id"], i) for e, i in zip(fresh, ids, strict=True))
    links = package.rows["worklog_cases"]
    cases = _case_ids(session, office_id, (link["case"] for link in links))
    wanted = {(entry_ids[link["entry"]], cases[link["case"]]) for link in links
              if link["entry"] in entry_ids and link["case"] in cases}
    have: set[tuple[int, int]] = set()
    for chunk in chunks({e for e, _c in wanted}):
        have.update(session.execute(select(WorkLogCase.entry_id, WorkLogCase.case_id)
                                    .where(WorkLogCase.entry_id.in_(chunk))).all())
    new = sorted(wanted - have)
    if new:
        session.execute(insert(WorkLogCase.__table__), [dict(entry_id=e, case_id=c) for e, c in new])
    return len(fresh), updated


class _Writer:
    """A batch of cases with every row they carry."""

    def __init__(self, session: Session, office_id: int, actor: int,
                 by_case: dict[str, dict[str, list[dict]]], persons: PackagePersons,
                 departments: dict[str, int]):
        self.session, self.office_id, self.actor = session, office_id, actor
        self.by_case, self.persons, self.departments = by_case, persons, departments
        self.names = carried("cases")
        table = Case.__table__
        self.replace_stmt = (update(table).where(table.c.id == bindparam("cid"))
                             .values({**{n: bindparam(f"v_{n}") for n in self.names},
                                      "origin_case_id": None, "review_of_id": None}))
        self.ids: dict[str, int] = {}

    def _values(self, case: dict) -> dict[str, Any]:
        return dict({n: case[n] for n in self.names}, office_id=self.office_id,
                    origin_case_id=None, review_of_id=None)

    def write(self, batch: list[tuple[int | None, dict]],
              old: dict[int, list[tuple[str, dict]]]) -> None:
        session, table = self.session, Case.__table__
        fresh = [case for cid, case in batch if cid is None]
        if fresh:
            ids = insert_ids(session, table, [self._values(c) for c in fresh])
            self.ids.update((c["number"], i) for c, i in zip(fresh, ids, strict=True))
        replaced = [(cid, case) for cid, case in batch if cid is not None]
        if replaced:
            session.execute(self.replace_stmt, [
                dict({f"v_{n}": v for n, v in self._values(case).items() if n in self.names},
                     cid=cid) for cid, case in replaced])
            self.ids.update((case["number"], cid) for cid, case in replaced)
        links: list[tuple[int, dict, str]] = []
        rows: dict[str, list[dict]] = defaultdict(list)
        event_names = carried("events")
        for _cid, case in batch:
            cid = self.ids[case["number"]]
            mine = self.by_case[case["number"]]
            for party in mine["case_parties"]:
                if party["person"] in self.persons.people:
                    person = self.persons.resolve(party["person"], old.get(cid, []), party["role"])
                    links.append((cid, person, party["role"]))
            rows["case_departments"].extend(
                dict(case_id=cid, department_id=d) for d in
                sorted({self.departments[d["department"]] for d in mine["case_departments"]}))
            # The events keep their time, action, changes and note; the importing user stands
            # for whoever acted in the office (the district has no such accounts).
            rows["events"].extend(
                dict({n: e[n] for n in event_names}, case_id=cid, office_id=self.office_id,
                     user_id=self.actor) for e in mine["events"])
            for key in CASE_ROWS:
                names = carried(key)
                rows[key].extend(dict({n: r[n] for n in names}, case_id=cid) for r in mine[key])
        self.persons.write()
        rows["case_parties"] = [dict(case_id=c, person_id=p, role=r) for c, p, r in
                                sorted({(c, person["id"], role) for c, person, role in links})]
        tables = {"case_parties": CaseParty.__table__, "case_departments": CaseDepartment.__table__,
                  "events": Event.__table__, **CASE_ROWS}
        for key, target in tables.items():
            if rows[key]:
                session.execute(insert(target), rows[key])


def import_package(db: Database, actor: int, path: str | os.PathLike) -> Job[PackageResult]:
    """Check the package whole, then take it in one write transaction. Yields Progress."""
    path = Path(path)
    yield Progress(0, None, "正在检查上报包")
    package = read_package(path)
    rows = package.rows
    by_case: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for key in ("case_parties", "case_departments", "events", *CASE_ROWS):
        for row in rows[key]:
            by_case[row["case"]][key].append(row)
    total = len(rows["cases"])
    now = datetime.now().replace(microsecond=0)
    # The file's quick_check, beside the writing (storage.damage_check).
    with DamageCheck(db) as check, db.write() as session, \
            search_index.bulk(session.connection()):
        user = require(session, actor, wf.Act.FULL_PERSONAL)
        if user.office_id is not None or visible_offices(session, user) is not None:
            raise PermissionDenied("上报包由区里导入：只有区级管理员（不属于某个单位、"
                                   "可查看全部单位）可以导入")
        office = session.scalar(select(Office).where(Office.code == package.office_code))
        office_created = office is None
        if office is None:
            # The id given, as services.offices.add_office does (PostgreSQL: office 1 was
            # written past the id sequence by migration 0012).
            office = Office(id=(session.scalar(select(func.max(Office.id))) or 0) + 1,
                            code=package.office_code, created_at=now,
                            name=package.office_name or package.office_code)
            session.add(office)
            session.flush()
        oid = office.id
        existing = _existing(session, oid, (c["number"] for c in rows["cases"]))
        work: list[tuple[int | None, dict]] = []
        for case in rows["cases"]:
            events = by_case[case["number"]]["events"]
            newness = _newness(max((e["at"] for e in events), default=None), case["created_at"],
                               case["version"])
            have = existing.get(case["number"])
            if have is None or newness > have[1]:
                work.append((None if have is None else have[0], case))
        added = sum(cid is None for cid, _case in work)
        yield Progress(0, total, f"{added} 件新案件，{len(work) - added} 件较新")
        replaced_ids = [cid for cid, _case in work if cid is not None]
        people = {p["id"]: p for p in rows["persons"]}
        persons = PackagePersons(session, oid, people, now)
        old = persons.old_parties(replaced_ids)
        _clear(session, replaced_ids)
        touched = [c["number"] for _cid, c in work]
        persons.prefetch({p["person"] for n in touched for p in by_case[n]["case_parties"]
                          if p["person"] in people})
        writer = _Writer(session, oid, actor, by_case, persons, _departments(
            session, {d["department"] for n in touched for d in by_case[n]["case_departments"]}))
        for start in range(0, len(work), BATCH):
            writer.write(work[start:start + BATCH], old)
            yield Progress(min(start + BATCH, len(work)), len(work), "正在导入案件")
        links = [(writer.ids[c["number"]], c["origin"], c["review_of"]) for _cid, c in work
                 if c["origin"] or c["review_of"]]
        known = _case_ids(session, oid, [n for _i, o, r in links for n in (o, r) if n])
        if links:
            table = Case.__table__
            session.execute(update(table).where(table.c.id == bindparam("cid")).values(
                origin_case_id=bindparam("origin"), review_of_id=bindparam("review")), [
                dict(cid=cid, origin=known.get(o), review=known.get(r)) for cid, o, r in links])
        worklog_added, worklog_updated = _worklog(session, oid, actor, package)
        result = PackageResult(package.office_code, office.name, office_created, total, added,
                               len(work) - added, total - len(work), persons.added,
                               worklog_added, worklog_updated)
        if result.changed:  # importing the same package again writes nothing, not even this
            add_event(session, None, actor, "package_imported", at=now, office_id=oid,
                      note=f"从上报包 {path.name} 导入 {package.office_code}：新增 "
                           f"{result.added} 件，更新 {result.replaced} 件")
        if check.running:
            yield Progress(total, total, "正在检查数据库文件")
        check.confirm()  # damage: raised here, and nothing is committed
        yield Progress(total, total, "完成")
    return result


def run_import_package(db: Database, actor: int, path: str | os.PathLike,
                       on_progress=None) -> PackageResult:
    return run(import_package(db, actor, path), on_progress)
