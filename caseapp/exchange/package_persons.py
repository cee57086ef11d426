"""A 上报包's persons as the district's persons of that office: found by ID number, else by name
and phone, else as the same party of the case's earlier copy; written a batch at a time.

Public names: ``PackagePersons``, ``PERSON_FIELDS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from caseapp.exchange.importer import insert_ids
from caseapp.exchange.package import columns
from caseapp.storage.models import CaseParty, Person, unindexed
from caseapp.storage.pinyin import name_initials

CHUNK = 500  # values in one IN list
PERSON_FIELDS = [c for c in columns(Person.__table__) if c != "created_at"]
_SET = [*PERSON_FIELDS, "name_initials"]


def chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    items = list(values)
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


class PackagePersons:
    """Each person a dict of PERSON_FIELDS and ``id`` (None until written). ID number first;
    name + phone when the ID numbers do not disagree (as the importer matches); for a case being
    replaced, the party of the same name and role in the district's copy (a party with neither
    ID number nor phone keeps its person); otherwise new. A found person takes what the package
    knows (the office's record is the newer one) and keeps what it does not."""

    def __init__(self, session: Session, office_id: int, people: dict[int, dict], now: datetime):
        self.session, self.office_id, self.people, self.now = session, office_id, people, now
        self.by_id: dict[str, dict] = {}
        self.by_name_phone: dict[tuple[str, str], dict] = {}
        self.mapped: dict[int, dict] = {}
        self.new: list[dict] = []
        self.dirty: list[dict] = []
        self.added = 0

    def prefetch(self, wanted: Iterable[int]) -> None:
        persons = [self.people[p] for p in wanted]
        table = Person.__table__
        of_office = table.c.office_id == self.office_id
        for chunk in chunks({p["id_number"] for p in persons if p["id_number"]}):
            for row in self.session.execute(select(table).where(
                    of_office, table.c.id_number.in_(chunk))).mappings():
                self.by_id[row["id_number"]] = dict(row)
        by_phone = unindexed(table.c.office_id) == self.office_id  # ix_persons_phone
        for chunk in chunks({p["phone"] for p in persons if p["phone"]}):
            for row in self.session.execute(select(table).where(
                    by_phone, table.c.phone.in_(chunk)).order_by(table.c.id)).mappings():
                self.by_name_phone.setdefault((row["name"], row["phone"]), dict(row))

    def old_parties(self, case_ids: list[int]) -> dict[int, list[tuple[str, dict]]]:
        """The parties of the district's copies: case id -> [(role, person row)]."""
        out: dict[int, list[tuple[str, dict]]] = {}
        table = Person.__table__
        for chunk in chunks(case_ids):
            for row in self.session.execute(
                    select(CaseParty.case_id, CaseParty.role, table)
                    .join(table, table.c.id == CaseParty.person_id)
                    .where(CaseParty.case_id.in_(chunk)).order_by(CaseParty.id)).mappings():
                person = {k: row[k] for k in ("id", *_SET)}
                out.setdefault(row["case_id"], []).append((row["role"], person))
        return out

    def resolve(self, package_id: int, old: list[tuple[str, dict]], role: str) -> dict:
        if package_id in self.mapped:
            return self.mapped[package_id]
        p = self.people[package_id]
        found = self.by_id.get(p["id_number"]) if p["id_number"] else None
        if found is None and p["phone"]:
            match = self.by_name_phone.get((p["name"], p["phone"]))
            if match is not None and (not p["id_number"]
                                      or match["id_number"] in (None, p["id_number"])):
                found = match
        if found is None:
            for i, (old_role, person) in enumerate(old):
                if person["name"] == p["name"] and old_role == role:
                    found = old.pop(i)[1]
                    break
        values = {f: p[f] for f in PERSON_FIELDS}
        values["name_initials"] = name_initials(p["name"], is_org=bool(p["is_org"]))
        if found is None:
            found = dict(values, id=None, created_at=p["created_at"] or self.now)
            self.new.append(found)
            self.added += 1
        else:
            changes = {f: v for f, v in values.items() if v is not None and found.get(f) != v}
            if changes:
                found.update(changes)
                if found["id"] is not None and not found.get("_dirty"):
                    found["_dirty"] = True
                    self.dirty.append(found)
        self.mapped[package_id] = found
        if found.get("id_number"):
            self.by_id[found["id_number"]] = found
        if found.get("phone"):
            self.by_name_phone.setdefault((found["name"], found["phone"]), found)
        return found

    def write(self) -> None:
        """The batch's new persons inserted (their ids set), the changed ones updated."""
        table = Person.__table__
        if self.new:
            ids = insert_ids(self.session, table, [
                dict({f: p[f] for f in _SET}, office_id=self.office_id, created_at=p["created_at"])
                for p in self.new])
            for person, pid in zip(self.new, ids, strict=True):
                person["id"] = pid
        if self.dirty:
            self.session.execute(
                update(table).where(table.c.id == bindparam("pid"))
                .values({f: bindparam(f"v_{f}") for f in _SET}),
                [dict({f"v_{f}": p[f] for f in _SET}, pid=p["id"]) for p in self.dirty])
            for person in self.dirty:
                person["_dirty"] = False
        self.new, self.dirty = [], []
