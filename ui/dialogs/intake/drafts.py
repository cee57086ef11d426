"""Parties being typed in: the draft of one party, its obvious checks, the text of a person
found, and where the service's problems belong (the case or which party)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from caseapp import queries, services
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem
from ui.i18n import tr

PARTY_FIELDS = ("role", "name", "id_number", "gender", "phone", "address", "legal_rep")
# "当事人2：…" or "当事人2的…" in a service message names the party it is about.
PARTY_PREFIX = re.compile(r"^当事人(\d*)(?:：|(?=的))")


@dataclass
class PartyDraft:
    role: str
    name: str = ""
    id_number: str = ""
    gender: str = ""
    birth: str = ""
    phone: str = ""
    address: str = ""
    is_org: bool = False
    legal_rep: str = ""
    ethnicity: str = ""  # 民族
    occupation: str = ""  # 职业或工作单位
    matches: list = field(default_factory=list)  # queries.PersonMatch of the last look-up

    def is_blank(self) -> bool:
        """Nothing typed or chosen but the role: only such a row may be left out unasked."""
        return not (self.name.strip() or self.id_number.strip() or self.phone.strip()
                    or self.address.strip() or self.gender or self.is_org
                    or self.legal_rep.strip() or self.ethnicity.strip()
                    or self.occupation.strip())

    def to_input(self) -> services.PartyInput:
        return services.PartyInput(
            name=self.name.strip(), role=self.role, id_number=self.id_number.strip() or None,
            phone=self.phone.strip() or None, address=self.address.strip() or None,
            gender=self.gender or None, is_org=self.is_org,
            legal_rep=self.legal_rep.strip() or None,
            ethnicity=self.ethnicity.strip() or None, occupation=self.occupation.strip() or None)

    def match(self) -> queries.PersonMatch | None:
        """The known person this draft is: the same ID number, else (while the ID number
        typed does not say otherwise) the same name."""
        for m in self.matches:
            if m.id_number and m.id_number == self.id_number:
                return m
        if self.id_number and len(self.id_number) == 18:
            return None
        return next((m for m in self.matches if m.name == self.name.strip()), None)


def earlier_petitions(parties: list[PartyDraft], category: str) -> list[str]:
    """Numbers of the earlier petitions of this category by a 信访人 typed in: a repeat."""
    if not category:
        return []
    numbers: list[str] = []
    for p in parties:
        m = p.match() if p.role == "信访人" else None
        for c in m.cases if m else ():
            if c.kind == wf.Kind.PETITION.value and c.category == category and c.number not in numbers:
                numbers.append(c.number)
    return numbers


def check_party(p: PartyDraft) -> list[Problem]:
    """The obvious checks of one party, before the service sees it."""
    problems = []
    if not p.name.strip():
        problems.append(Problem("name", tr("姓名或名称必须填写")))
    if p.id_number.strip():
        try:
            v.check_id_number(p.id_number)
        except ValueError as exc:
            problems.append(Problem("id_number", str(exc)))
    if p.phone.strip():
        try:
            v.check_phone(p.phone)
        except ValueError as exc:
            problems.append(Problem("phone", str(exc)))
    return problems


def kept_rows(parties: list[PartyDraft], petition: bool) -> list[int]:
    """The rows sent to the service: an entirely empty extra row of a dispute is left out; a
    row with anything typed is sent, and refused when its name is missing."""
    return [i for i, p in enumerate(parties) if petition or i == 0 or not p.is_blank()]


def split_problems(problems: list[Problem], parties: list[PartyDraft], petition: bool
                   ) -> tuple[list[Problem], list[tuple]]:
    """The service's problems as case problems and party problems (row, field, message),
    the rows those on screen (the service numbers only the parties it was given)."""
    case_problems, party_problems = [], []
    for p in problems:
        if p.field in ("parties", "id_number", "phone", "name"):
            index, message = None, p.message
            m = PARTY_PREFIX.match(message)
            if m:
                number = int(m.group(1) or 1)
                index = number - 1
                message = message[m.end():].lstrip("：")
            field_name = p.field if p.field != "parties" else "name"
            if p.field == "parties" and index is None:
                field_name = "parties"
            party_problems.append((index, field_name, message))
        else:
            case_problems.append(p)
    kept = kept_rows(parties, petition)
    party_problems = [(kept[i] if i is not None and i < len(kept) else None, f, m)
                      for i, f, m in party_problems]
    return case_problems, party_problems


def match_text(m: queries.PersonMatch, limit: int = 3) -> str:
    """已登记过：张秀英（女，1955-07-14），既往案件 2 件：（2026）信字第0003号 劳动社保 已办结 …"""
    facts = [x for x in (m.gender, m.birth_date.isoformat() if m.birth_date else None) if x]
    who = m.name + (f"（{'，'.join(facts)}）" if facts else "")
    lead = tr("已登记过：") if m.matched_by != "name" else tr("有同名人员：")
    if not m.cases:
        return lead + who + tr("，暂无既往案件")
    cases = "；".join(f"{c.number} {c.category} {c.status_label}" for c in m.cases[:limit])
    more = " …" if len(m.cases) > limit else ""
    return lead + who + tr("，既往案件 {0} 件：").format(len(m.cases)) + cases + more


__all__ = ["PARTY_FIELDS", "PARTY_PREFIX", "PartyDraft", "check_party", "kept_rows",
           "match_text", "split_problems"]
