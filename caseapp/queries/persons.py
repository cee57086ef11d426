"""Intake's look-up: is this person already known, and with which earlier cases?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import select

from caseapp import workflow as wf
from caseapp.storage.db import Database
from caseapp.storage.models import Case, CaseParty, Person


class PersonCase(NamedTuple):
    case_id: int
    number: str
    kind: str
    category: str
    received_on: date
    status_label: str


@dataclass(frozen=True)
class PersonMatch:
    person_id: int
    name: str
    gender: str | None
    birth_date: date | None
    id_number: str | None
    phone: str | None
    address: str | None
    is_org: bool
    legal_rep: str | None
    matched_by: str  # 'id_number', 'name_phone' or 'name'
    cases: tuple[PersonCase, ...] = field(default=())


# A person with this many petitions within KEY_PERSON_DAYS is a 重点人员 (docs/domain.md §9):
# shown at intake as a hint, never a block.
KEY_PERSON_PETITIONS = 3
KEY_PERSON_DAYS = 365


def recent_petitions(m: PersonMatch, today: date) -> int:
    """How many petitions naming this person were received in the 12 months up to ``today``."""
    since = today - timedelta(days=KEY_PERSON_DAYS)
    return sum(1 for c in m.cases if c.kind == wf.Kind.PETITION.value and since < c.received_on <= today)


def is_key_person(m: PersonMatch, today: date) -> bool:
    return recent_petitions(m, today) >= KEY_PERSON_PETITIONS


def find_persons(db: Database, id_number: str | None = None, name: str | None = None,
                 phone: str | None = None, limit: int = 20) -> list[PersonMatch]:
    """Known persons for intake: the exact ID-number match first, then the same name with the
    same phone, then (for the clerk to judge) the same name with another phone. Each comes
    with their earlier cases, newest first."""
    id_number = (id_number or "").strip().upper().replace(" ", "") or None
    name = (name or "").strip() or None
    phone = (phone or "").strip() or None
    found: list[tuple[Person, str]] = []
    seen: set[int] = set()

    def take(persons: Iterable[Person], how: str) -> None:
        for p in persons:
            if p.id not in seen and len(found) < limit:
                seen.add(p.id)
                found.append((p, how))

    with db.read() as session:
        if id_number:
            take(session.scalars(select(Person).where(Person.id_number == id_number)),
                 "id_number")
        if name and len(found) < limit:
            if phone:
                take(session.scalars(select(Person).where(Person.name == name,
                                                          Person.phone == phone)
                                     .order_by(Person.id).limit(limit)), "name_phone")
            take(session.scalars(select(Person).where(Person.name == name)
                                 .order_by(Person.id).limit(limit)), "name")
        cases: dict[int, list[PersonCase]] = {p.id: [] for p, _ in found}
        if found:
            stmt = (select(CaseParty.person_id, Case.id, Case.number, Case.kind, Case.category,
                           Case.received_on, Case.status)
                    .join(Case, Case.id == CaseParty.case_id)
                    .where(CaseParty.person_id.in_(list(cases)), Case.deleted_at.is_(None))
                    .order_by(Case.received_on.desc(), Case.id.desc()))
            for r in session.execute(stmt):
                entry = PersonCase(r.id, r.number, r.kind, r.category, r.received_on,
                                   wf.status_label(r.kind, r.status))
                if entry not in cases[r.person_id]:  # one case may name a person twice
                    cases[r.person_id].append(entry)
        return [
            PersonMatch(person_id=p.id, name=p.name, gender=p.gender, birth_date=p.birth_date,
                        id_number=p.id_number, phone=p.phone, address=p.address,
                        is_org=bool(p.is_org), legal_rep=p.legal_rep, matched_by=how,
                        cases=tuple(cases[p.id]))
            for p, how in found
        ]
