"""Intake: what a new case asks for, its checks, person matching, numbering, registration.

``register_petition`` and ``register_dispute`` are the acts; ``register`` also serves the
diversion of a petition into a dispute (acts.close), inside that act's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import deadlines
from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError
from caseapp.queries.petition_info import final_review_numbers
from caseapp.services.events import add_event, now
from caseapp.services.guard import acting_office, require
from caseapp.services.mediation_acts import check_marks
from caseapp.services.office import active_categories
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import LOCAL_OFFICE, Case, CaseParty, NumberSequence, Person
from caseapp.storage.settings import format_number


# What an act that makes or changes a case returns (plain data crosses the border).
@dataclass(frozen=True)
class CaseRef:
    id: int
    number: str


@dataclass
class PartyInput:
    name: str
    role: str
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    gender: str | None = None
    is_org: bool = False
    legal_rep: str | None = None
    person_id: int | None = None  # an already known person (intake's 使用此人, diversion)
    ethnicity: str | None = None  # 民族 (a person's; the agreement names it)
    occupation: str | None = None  # 职业或工作单位


@dataclass
class CaseInput:
    """What intake asks for. Kind-specific fields are ignored for the other kind."""

    summary: str
    category: str
    received_on: date
    source: str | None = None
    details: str | None = None
    street: str | None = None
    community: str | None = None
    handler: str | None = None
    people_count: int | None = None
    amount: Decimal | None = None
    number: str | None = None  # blank: numbered automatically
    # Petitions.
    petition_type: str | None = None
    group_size: int | None = None
    via_proxy: bool = False
    # Disputes.
    mediators: str | None = None
    risk_grade: str | None = None  # 风险等级; None = 一般
    prevention: tuple[str, ...] = ()  # 预防成效 flags, by DOMAIN's names


def allocate_number(session: Session, kind: str, year: int, template: str,
                    office_id: int = LOCAL_OFFICE) -> str:
    """The office's next unused number of the year. Runs inside the write transaction, which
    on SQLite holds the write lock from BEGIN IMMEDIATE and on PostgreSQL locks the sequence
    row, so two programs never get the same number; the unique index on (office_id, number)
    is the last guard."""
    seq_row = lock_sequence(session, kind, year, office_id)
    while True:
        seq_row.last += 1
        number = format_number(template, year, seq_row.last)
        exists = session.scalar(select(Case.id).where(Case.office_id == office_id,
                                                      Case.number == number))
        if exists is None:
            session.flush()
            return number


def lock_sequence(session: Session, kind: str, year: int,
                  office_id: int = LOCAL_OFFICE) -> NumberSequence:
    """The office's sequence row of the year (each office numbers its own cases), locked
    until the transaction ends (made when missing). On
    PostgreSQL two programs may both find no row for a new year: the row is made with INSERT …
    ON CONFLICT DO NOTHING, so the one that comes second waits for it instead of failing."""
    seq_row = session.get(NumberSequence, (office_id, kind, year), with_for_update=True)
    if seq_row is not None:
        return seq_row
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert

        session.execute(insert(NumberSequence).values(office_id=office_id, kind=kind, year=year,
                                                        last=0)
                        .on_conflict_do_nothing())
        seq_row = session.get(NumberSequence, (office_id, kind, year), with_for_update=True)
        assert seq_row is not None
        return seq_row
    seq_row = NumberSequence(office_id=office_id, kind=kind, year=year, last=0)  # SQLite: BEGIN IMMEDIATE holds the lock
    session.add(seq_row)
    session.flush()
    return seq_row


def find_person(session: Session, id_number: str | None, name: str, phone: str | None,
                office_id: int = LOCAL_OFFICE) -> Person | None:
    """The office's existing person: by ID number, else by name + phone (docs/domain.md,
    Persons); each office keeps its own persons."""
    if id_number:
        person = session.scalar(select(Person).where(Person.office_id == office_id,
                                                     Person.id_number == id_number))
        if person is not None:
            return person
    if name and phone:
        stmt = select(Person).where(Person.office_id == office_id, Person.name == name,
                                    Person.phone == phone)
        if id_number:
            # Someone else with the same name and phone but another ID is not this person.
            stmt = stmt.where(Person.id_number.is_(None))
        return session.scalar(stmt.order_by(Person.id).limit(1))
    return None


def check_party(p: PartyInput, kind: str, index: int) -> tuple[PartyInput, list[Problem]]:
    """One party cleaned (ID number upper-cased, phone normalised) and its problems; the
    messages name it 当事人N when ``index`` > 0 (intake's rows are told apart by it)."""
    problems: list[Problem] = []
    prefix = f"当事人{index + 1}" if index else "当事人"
    name = (p.name or "").strip()
    if not name:
        problems.append(Problem("parties", f"{prefix}的姓名或名称必须填写"))
    if p.role not in wf.roles_for(kind):
        problems.append(Problem("parties", f"{prefix}的身份「{p.role}」不适用，应为：{'、'.join(wf.roles_for(kind))}"))
    id_number, gender, phone = p.id_number, p.gender, p.phone
    if id_number and str(id_number).strip():
        try:
            info = v.check_id_number(id_number)
            id_number, gender = info.number, gender or info.gender
        except ValueError as exc:
            problems.append(Problem("id_number", f"{prefix}：{exc}"))
    else:
        id_number = None
    if phone and str(phone).strip():
        try:
            phone = v.check_phone(phone)
        except ValueError as exc:
            problems.append(Problem("phone", f"{prefix}：{exc}"))
    else:
        phone = None
    clean = PartyInput(name=name, role=p.role, id_number=id_number, phone=phone,
                       address=(p.address or "").strip() or None, gender=gender,
                       is_org=p.is_org, legal_rep=(p.legal_rep or "").strip() or None,
                       person_id=p.person_id,
                       ethnicity=None if p.is_org else (p.ethnicity or "").strip() or None,
                       occupation=None if p.is_org else (p.occupation or "").strip() or None)
    for field, label, most in (("ethnicity", "民族", 16), ("occupation", "职业或工作单位", 128)):
        if len(getattr(clean, field) or "") > most:
            problems.append(Problem(field, f"{prefix}的{label}最多{most}个字"))
    return clean, problems


def known_person(session: Session, p: PartyInput,
                 office_id: int = LOCAL_OFFICE) -> Person | None:
    """The office's person a checked party is: the one chosen (person_id), else
    ``find_person`` (a person_id of another office is not this office's person)."""
    person = session.get(Person, p.person_id) if p.person_id else None
    if person is not None and person.office_id != office_id:
        person = None
    if person is None:
        person = find_person(session, p.id_number, p.name, p.phone, office_id)
    return person


def attach_party(session: Session, case: Case, p: PartyInput) -> Person:
    """A checked party on the case: the case office's known person (empty facts filled) or a
    new one of that office."""
    person = known_person(session, p, case.office_id)
    if person is None:
        birth = v.check_id_number(p.id_number).birth_date if p.id_number else None
        person = Person(office_id=case.office_id, is_org=p.is_org, name=p.name, gender=p.gender, birth_date=birth,
                        id_number=p.id_number, phone=p.phone, address=p.address,
                        legal_rep=p.legal_rep, ethnicity=p.ethnicity, occupation=p.occupation,
                        created_at=now())
        session.add(person)
        session.flush()
    else:
        # Fill what we now know; never overwrite what an earlier case recorded.
        for attr in ("phone", "address", "gender", "legal_rep", "ethnicity", "occupation"):
            if getattr(person, attr) is None and getattr(p, attr):
                setattr(person, attr, getattr(p, attr))
        if person.id_number is None and p.id_number:
            person.id_number = p.id_number
            person.birth_date = v.check_id_number(p.id_number).birth_date
    session.add(CaseParty(case_id=case.id, person_id=person.id, role=p.role))
    return person


def check_case_input(session: Session, kind: str, data: CaseInput, parties: list[PartyInput],
                     office_id: int = LOCAL_OFFICE):
    problems: list[Problem] = []
    if not (data.summary or "").strip():
        problems.append(Problem("summary", "事项摘要必须填写"))
    elif len(data.summary.strip()) > 500:
        problems.append(Problem("summary", "事项摘要不能超过500字，详细情况请写在「详细情况」中"))
    if not data.category:
        problems.append(Problem("category", "类别必须选择"))
    elif data.category not in active_categories(session, kind):
        problems.append(Problem("category", f"「{data.category}」不在{wf.KIND_LABELS[wf.Kind(kind)]}类别列表中"))
    if data.received_on is None:
        problems.append(Problem("received_on", "登记日期必须填写"))
    elif data.received_on > date.today():
        problems.append(Problem("received_on", "登记日期不能晚于今天"))
    if data.source and data.source not in wf.sources_for(kind):
        problems.append(Problem("source", f"「{data.source}」不是有效的来源，应为：{'、'.join(wf.sources_for(kind))}"))
    if data.people_count is not None and data.people_count < 1:
        problems.append(Problem("people_count", "涉及人数应不小于1"))
    if data.people_count is not None and data.people_count > v.PEOPLE_MAX:
        problems.append(Problem("people_count", f"涉及人数超过上限{v.PEOPLE_MAX}"))
    if data.amount is not None and data.amount < 0:
        problems.append(Problem("amount", "涉及金额应不小于0"))
    if data.amount is not None and not data.amount < v.AMOUNT_MAX:  # also NaN
        problems.append(Problem("amount", "涉及金额过大"))
    if kind == wf.Kind.PETITION.value:
        if data.petition_type and data.petition_type not in wf.PETITION_TYPES:
            problems.append(Problem("petition_type", f"信访类型应为：{'、'.join(wf.PETITION_TYPES)}"))
        if data.group_size is not None and data.group_size < 5:
            problems.append(Problem("group_size", "集体访人数应不少于5人"))
        if data.group_size is not None and data.group_size > v.PEOPLE_MAX:
            problems.append(Problem("group_size", f"集体访人数超过上限{v.PEOPLE_MAX}"))
    else:
        try:
            check_marks(data.risk_grade, data.prevention)
        except ValidationError as exc:
            problems += exc.problems
    if data.number:
        if session.scalar(select(Case.id).where(Case.office_id == office_id,
                                                Case.number == data.number.strip())) is not None:
            problems.append(Problem("number", f"编号「{data.number}」已被使用"))
    clean_parties = []
    if not parties:
        problems.append(Problem("parties", f"至少需要一位{wf.main_role(kind)}"))
    for i, p in enumerate(parties):
        clean, party_problems = check_party(p, kind, i)
        clean_parties.append(clean)
        problems += party_problems
    if parties and not any(p.role == wf.main_role(kind) for p in parties):
        problems.append(Problem("parties", f"至少需要一位{wf.main_role(kind)}"))
    if problems:
        raise ValidationError(problems)
    return clean_parties


def register(db: Database, actor: int, kind: wf.Kind, data: CaseInput,
             parties: list[PartyInput], origin: Case | None = None,
             session: Session | None = None, office_id: int | None = None) -> CaseRef:
    """A new case of the acting user's office (``office_id``: the office named, e.g. of the
    case it comes from; a district user who sees several offices must name one), numbered
    within its office."""
    settings = db.settings()

    def run(session: Session) -> CaseRef:
        user = require(session, actor, wf.Act.EDIT)
        office = acting_office(session, user, origin.office_id if origin else office_id,
                               db.scope)
        clean_parties = check_case_input(session, kind.value, data, parties, office)
        number = (data.number or "").strip() or allocate_number(
            session, kind.value, data.received_on.year, settings.number_format(kind.value),
            office)
        case = Case(
            office_id=office, number=number, kind=kind.value, status=wf.Status.REGISTERED.value,
            summary=data.summary.strip(), details=(data.details or "").strip() or None,
            category=data.category, source=data.source or None,
            street=(data.street or "").strip() or None,
            community=(data.community or "").strip() or None,
            received_on=data.received_on, handler=(data.handler or "").strip() or None,
            people_count=data.people_count, amount=data.amount, extended=False,
            created_at=now(), origin_case_id=origin.id if origin else None,
        )
        if kind is wf.Kind.PETITION:
            case.petition_type = data.petition_type or None
            case.group_size = data.group_size
            case.via_proxy = bool(data.via_proxy)
        else:
            case.mediators = (data.mediators or "").strip() or None
            case.risk_grade, flags = check_marks(data.risk_grade, data.prevention)
            for field, on in flags.items():
                setattr(case, field, on)
        case.due_on = deadlines.due_on(kind, case.received_on, None, False, settings.limits,
                                load_calendar(session))
        session.add(case)
        session.flush()
        persons = [attach_party(session, case, p) for p in clean_parties]
        if kind is wf.Kind.PETITION:
            main = [pr for pr, p in zip(persons, clean_parties, strict=True) if p.role == "信访人"]
            case.is_repeat = any(_has_earlier_petition(session, pr.id, case) for pr in main)
        note = f"由信访件 {origin.number} 转入" if origin else None
        if kind is wf.Kind.PETITION:
            # 条例 Art. 36: flagged, never refused; the clerk decides (不予受理 or go on).
            finals = final_review_numbers(session, [pr.id for pr in main], case.category)
            if finals:
                note = (f"提示：信访人同类事项已复核终结（{'、'.join(finals)}），"
                        "同一事实和理由不再受理")
        add_event(session, case.id, actor, "registered", note=note)
        return CaseRef(case.id, case.number)

    if session is not None:
        return run(session)
    with db.write() as s:
        return run(s)


def _has_earlier_petition(session: Session, person_id: int, case: Case) -> bool:
    """重复信访: the petitioner already brought a petition of the same category."""
    return session.execute(
        select(func.count(Case.id))
        .join(CaseParty, CaseParty.case_id == Case.id)
        .where(CaseParty.person_id == person_id, CaseParty.role == "信访人",
               Case.kind == wf.Kind.PETITION.value, Case.id != case.id,
               Case.category == case.category, Case.deleted_at.is_(None))
    ).scalar_one() > 0


def register_petition(db: Database, actor: int, data: CaseInput, parties: list[PartyInput],
                      office_id: int | None = None) -> CaseRef:
    return register(db, actor, wf.Kind.PETITION, data, parties, office_id=office_id)


def register_dispute(db: Database, actor: int, data: CaseInput, parties: list[PartyInput],
                     office_id: int | None = None) -> CaseRef:
    return register(db, actor, wf.Kind.DISPUTE, data, parties, office_id=office_id)
