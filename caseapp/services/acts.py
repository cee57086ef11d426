"""One function per act of a user (DESIGN.md rule 2).

Each act opens one write transaction, checks the actor's permission and the workflow,
changes the rows, appends one timeline event and commits. The GUI and the command line
call these functions; nothing else writes (bulk import, in exchange.py, is one act too).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import (
    NotFound,
    PermissionDenied,
    Problem,
    StaleEdit,
    ValidationError,
    WorkflowError,
)
from caseapp.storage.db import Database
from caseapp.storage.models import (
    Agreement,
    Attachment,
    Case,
    CaseParty,
    Category,
    Department,
    Event,
    FollowUp,
    MediationSession,
    NumberSequence,
    Person,
    User,
)
from caseapp.storage.settings import OfficeSettings, format_number, store_settings

# Field labels for messages and the timeline (also the exchange headers where they exist).
FIELD_LABELS = {
    "number": "编号", "kind": "类型", "summary": "事项摘要", "details": "详细情况",
    "category": "类别", "source": "来源", "street": "街镇", "community": "村/社区",
    "received_on": "登记日期", "accepted_on": "受理日期", "closed_on": "办结日期",
    "due_on": "期限", "outcome": "办理结果", "extended": "延期", "extension_reason": "延期理由",
    "handler": "承办人", "people_count": "涉及人数", "amount": "涉及金额", "status": "状态",
    "petition_type": "信访类型", "group_size": "集体访人数", "is_repeat": "重复信访",
    "via_proxy": "信访代理", "entered": "已录入系统", "satisfaction": "满意度",
    "mediators": "调解员", "performed": "协议履行", "judicial_applied_on": "司法确认申请日期",
    "judicial_result": "司法确认结果", "close_note": "办结说明", "reject_reason": "不予受理理由",
    "failed_route": "告知途径", "name": "姓名", "id_number": "身份证号", "phone": "联系电话",
    "address": "住址", "role": "身份", "parties": "当事人", "held_on": "调解日期",
    "terms": "协议条款", "signed_on": "协议日期", "form": "协议形式", "reason": "理由",
    "done_on": "回访日期", "result": "回访结果",
}


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


# Fields that 编辑 may change, with the parser that checks each.
EDITABLE = {
    "summary", "details", "category", "source", "street", "community", "received_on",
    "accepted_on", "closed_on", "handler", "people_count", "amount", "petition_type",
    "group_size", "via_proxy", "satisfaction", "mediators", "extension_reason",
}


# ---------------------------------------------------------------------------
# Helpers used inside a transaction.


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _user(session: Session, actor: int) -> User:
    user = session.get(User, actor)
    if user is None or not user.active:
        raise PermissionDenied("当前用户不存在或已停用")
    return user


def _require(session: Session, actor: int, act: wf.Act) -> User:
    user = _user(session, actor)
    if not wf.role_may(user.role, act):
        raise PermissionDenied(
            f"{user.display_name}（{wf.ROLE_LABELS.get(user.role, user.role)}）"
            f"无权执行「{wf.ACT_LABELS[act]}」"
        )
    return user


def is_own_case(display_name: str, handler: str | None, mediators: str | None) -> bool:
    """A mediator's own case: they handle it or are named among its mediators."""
    name = (display_name or "").strip()
    if not name:
        return False
    if (handler or "").strip() == name:
        return True
    return name in {m.strip() for m in re.split(r"[、,，;；/\s]+", mediators or "") if m.strip()}


def _require_case(session: Session, actor: int, act: wf.Act, case_id: int) -> Case:
    """_require, then the case; a mediator may act only on their own disputes."""
    user = _require(session, actor, act)
    case = _case(session, case_id)
    if user.role == wf.MEDIATOR and not is_own_case(user.display_name, case.handler,
                                                    case.mediators):
        raise PermissionDenied(
            f"{case.number} 不是{user.display_name}承办或参与调解的案件，调解员无权"
            f"「{wf.ACT_LABELS[act]}」"
        )
    return case


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted_at is not None:
        raise NotFound("案件不存在或已删除")
    return case


def _check_act(case: Case, act: wf.Act) -> None:
    if not wf.can(case.kind, case.status, act, case.outcome):
        raise WorkflowError(
            f"{case.number} 当前状态为「{wf.status_label(case.kind, case.status)}」，"
            f"不能{wf.ACT_LABELS[act]}"
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def add_event(
    session: Session,
    case_id: int | None,
    actor: int,
    action: str,
    changes: dict[str, tuple[Any, Any]] | None = None,
    note: str | None = None,
    at: datetime | None = None,
) -> None:
    text = None
    if changes:
        text = json.dumps(
            {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in changes.items()}, ensure_ascii=False
        )
    session.add(Event(case_id=case_id, at=at or _now(), user_id=actor, action=action,
                      changes=text, note=note))


def _set(case: Case, changes: dict[str, tuple[Any, Any]], **values: Any) -> None:
    """Assign fields, remembering old → new for the event."""
    for name, new in values.items():
        old = getattr(case, name)
        if old != new:
            changes[name] = (old, new)
            setattr(case, name, new)


def _refresh_due(case: Case, settings: OfficeSettings, changes: dict) -> None:
    _set(case, changes, due_on=wf.due_on(case.kind, case.received_on, case.accepted_on,
                                          case.extended, settings.limits))


def allocate_number(session: Session, kind: str, year: int, template: str) -> str:
    """The next unused number of the year. Runs inside the write transaction, which on SQLite
    holds the write lock from BEGIN IMMEDIATE and on PostgreSQL locks the sequence row, so two
    programs never get the same number; the unique index on cases.number is the last guard."""
    seq_row = session.get(NumberSequence, (kind, year), with_for_update=True)
    if seq_row is None:
        seq_row = NumberSequence(kind=kind, year=year, last=0)
        session.add(seq_row)
        session.flush()
    while True:
        seq_row.last += 1
        number = format_number(template, year, seq_row.last)
        exists = session.scalar(select(Case.id).where(Case.number == number))
        if exists is None:
            session.flush()
            return number


def _active_categories(session: Session, kind: str) -> set[str]:
    return set(session.scalars(select(Category.name).where(Category.kind == kind,
                                                           Category.active.is_(True))))


def find_person(session: Session, id_number: str | None, name: str, phone: str | None) -> Person | None:
    """The existing person: by ID number, else by name + phone (DOMAIN.md section 2)."""
    if id_number:
        person = session.scalar(select(Person).where(Person.id_number == id_number))
        if person is not None:
            return person
    if name and phone:
        stmt = select(Person).where(Person.name == name, Person.phone == phone)
        if id_number:
            # Someone else with the same name and phone but another ID is not this person.
            stmt = stmt.where(Person.id_number.is_(None))
        return session.scalar(stmt.order_by(Person.id).limit(1))
    return None


def _check_party(p: PartyInput, kind: str, index: int) -> tuple[PartyInput, list[Problem]]:
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
                       person_id=p.person_id)
    return clean, problems


def _attach_party(session: Session, case: Case, p: PartyInput) -> Person:
    person = session.get(Person, p.person_id) if p.person_id else None
    if person is None:
        person = find_person(session, p.id_number, p.name, p.phone)
    if person is None:
        birth = v.check_id_number(p.id_number).birth_date if p.id_number else None
        person = Person(is_org=p.is_org, name=p.name, gender=p.gender, birth_date=birth,
                        id_number=p.id_number, phone=p.phone, address=p.address,
                        legal_rep=p.legal_rep, created_at=_now())
        session.add(person)
        session.flush()
    else:
        # Fill what we now know; never overwrite what an earlier case recorded.
        for attr in ("phone", "address", "gender", "legal_rep"):
            if getattr(person, attr) is None and getattr(p, attr):
                setattr(person, attr, getattr(p, attr))
        if person.id_number is None and p.id_number:
            person.id_number = p.id_number
            person.birth_date = v.check_id_number(p.id_number).birth_date
    session.add(CaseParty(case_id=case.id, person_id=person.id, role=p.role))
    return person


# ---------------------------------------------------------------------------
# Intake.


def check_case_input(session: Session, kind: str, data: CaseInput, parties: list[PartyInput]):
    problems: list[Problem] = []
    if not (data.summary or "").strip():
        problems.append(Problem("summary", "事项摘要必须填写"))
    elif len(data.summary.strip()) > 500:
        problems.append(Problem("summary", "事项摘要不能超过500字，详细情况请写在「详细情况」中"))
    if not data.category:
        problems.append(Problem("category", "类别必须选择"))
    elif data.category not in _active_categories(session, kind):
        problems.append(Problem("category", f"「{data.category}」不在{wf.KIND_LABELS[wf.Kind(kind)]}类别列表中"))
    if data.received_on is None:
        problems.append(Problem("received_on", "登记日期必须填写"))
    elif data.received_on > date.today():
        problems.append(Problem("received_on", "登记日期不能晚于今天"))
    if data.source and data.source not in wf.sources_for(kind):
        problems.append(Problem("source", f"「{data.source}」不是有效的来源，应为：{'、'.join(wf.sources_for(kind))}"))
    if data.people_count is not None and data.people_count < 1:
        problems.append(Problem("people_count", "涉及人数应不小于1"))
    if data.amount is not None and data.amount < 0:
        problems.append(Problem("amount", "涉及金额应不小于0"))
    if kind == wf.Kind.PETITION.value:
        if data.petition_type and data.petition_type not in wf.PETITION_TYPES:
            problems.append(Problem("petition_type", f"信访类型应为：{'、'.join(wf.PETITION_TYPES)}"))
        if data.group_size is not None and data.group_size < 5:
            problems.append(Problem("group_size", "集体访人数应不少于5人"))
    if data.number:
        if session.scalar(select(Case.id).where(Case.number == data.number.strip())) is not None:
            problems.append(Problem("number", f"编号「{data.number}」已被使用"))
    clean_parties = []
    if not parties:
        problems.append(Problem("parties", f"至少需要一位{wf.main_role(kind)}"))
    for i, p in enumerate(parties):
        clean, party_problems = _check_party(p, kind, i)
        clean_parties.append(clean)
        problems += party_problems
    if parties and not any(p.role == wf.main_role(kind) for p in parties):
        problems.append(Problem("parties", f"至少需要一位{wf.main_role(kind)}"))
    if problems:
        raise ValidationError(problems)
    return clean_parties


def _register(db: Database, actor: int, kind: wf.Kind, data: CaseInput,
              parties: list[PartyInput], origin: Case | None = None,
              session: Session | None = None) -> CaseRef:
    settings = db.settings()

    def run(session: Session) -> CaseRef:
        _require(session, actor, wf.Act.EDIT)
        clean_parties = check_case_input(session, kind.value, data, parties)
        number = (data.number or "").strip() or allocate_number(
            session, kind.value, data.received_on.year, settings.number_format(kind.value))
        case = Case(
            number=number, kind=kind.value, status=wf.Status.REGISTERED.value,
            summary=data.summary.strip(), details=(data.details or "").strip() or None,
            category=data.category, source=data.source or None,
            street=(data.street or "").strip() or None,
            community=(data.community or "").strip() or None,
            received_on=data.received_on, handler=(data.handler or "").strip() or None,
            people_count=data.people_count, amount=data.amount, extended=False,
            created_at=_now(), origin_case_id=origin.id if origin else None,
        )
        if kind is wf.Kind.PETITION:
            case.petition_type = data.petition_type or None
            case.group_size = data.group_size
            case.via_proxy = bool(data.via_proxy)
        else:
            case.mediators = (data.mediators or "").strip() or None
        case.due_on = wf.due_on(kind, case.received_on, None, False, settings.limits)
        session.add(case)
        session.flush()
        persons = [_attach_party(session, case, p) for p in clean_parties]
        if kind is wf.Kind.PETITION:
            main = [pr for pr, p in zip(persons, clean_parties, strict=True) if p.role == "信访人"]
            case.is_repeat = any(_has_earlier_petition(session, pr.id, case) for pr in main)
        note = f"由信访件 {origin.number} 转入" if origin else None
        add_event(session, case.id, actor, "registered", note=note)
        return CaseRef(case.id, case.number)

    if session is not None:
        return run(session)
    with db.write() as s:
        return run(s)


def _has_earlier_petition(session: Session, person_id: int, case: Case) -> bool:
    """重复信访: the petitioner already brought a petition of the same category."""
    return session.scalar(
        select(func.count(Case.id))
        .join(CaseParty, CaseParty.case_id == Case.id)
        .where(CaseParty.person_id == person_id, CaseParty.role == "信访人",
               Case.kind == wf.Kind.PETITION.value, Case.id != case.id,
               Case.category == case.category, Case.deleted_at.is_(None))
    ) > 0


def register_petition(db: Database, actor: int, data: CaseInput, parties: list[PartyInput]) -> CaseRef:
    return _register(db, actor, wf.Kind.PETITION, data, parties)


def register_dispute(db: Database, actor: int, data: CaseInput, parties: list[PartyInput]) -> CaseRef:
    return _register(db, actor, wf.Kind.DISPUTE, data, parties)


# ---------------------------------------------------------------------------
# The life cycle.


def _day(on: date | None, field_name: str, not_before: date | None, before_label: str) -> date:
    on = on or date.today()
    if on > date.today():
        raise ValidationError(Problem(field_name, f"{FIELD_LABELS[field_name]}不能晚于今天"))
    if not_before is not None and on < not_before:
        raise ValidationError(Problem(field_name, f"{FIELD_LABELS[field_name]}不能早于{before_label}"))
    return on


def accept(db: Database, actor: int, case_id: int, on: date | None = None,
           handler: str | None = None) -> CaseRef:
    settings = db.settings()
    with db.write() as session:
        _require(session, actor, wf.Act.ACCEPT)
        case = _case(session, case_id)
        _check_act(case, wf.Act.ACCEPT)
        on = _day(on, "accepted_on", case.received_on, "登记日期")
        changes: dict = {}
        _set(case, changes, status=wf.Status.IN_PROGRESS.value, accepted_on=on)
        if handler:
            _set(case, changes, handler=handler.strip())
        _refresh_due(case, settings, changes)
        add_event(session, case.id, actor, "accepted", changes)
        return CaseRef(case.id, case.number)


def reject(db: Database, actor: int, case_id: int, reason: str, on: date | None = None) -> CaseRef:
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "不予受理必须写明理由"))
    with db.write() as session:
        _require(session, actor, wf.Act.REJECT)
        case = _case(session, case_id)
        _check_act(case, wf.Act.REJECT)
        on = _day(on, "closed_on", case.received_on, "登记日期")
        changes: dict = {}
        _set(case, changes, status=wf.Status.REJECTED.value, outcome=wf.REJECTED,
             closed_on=on, reject_reason=reason.strip())
        add_event(session, case.id, actor, "rejected", changes, note=reason.strip())
        return CaseRef(case.id, case.number)


def assign(db: Database, actor: int, case_ids: int | list[int], handler: str) -> int:
    """Assign one or many cases to a handler in one transaction; returns how many changed."""
    handler = (handler or "").strip()
    if not handler:
        raise ValidationError(Problem("handler", "承办人必须填写"))
    ids = [case_ids] if isinstance(case_ids, int) else list(case_ids)
    with db.write() as session:
        _require(session, actor, wf.Act.ASSIGN)
        changed = 0
        for case_id in ids:
            case = _case(session, case_id)
            _check_act(case, wf.Act.ASSIGN)
            changes: dict = {}
            _set(case, changes, handler=handler)
            if changes:
                add_event(session, case.id, actor, "assigned", changes)
                changed += 1
        return changed


def extend(db: Database, actor: int, case_id: int, reason: str) -> CaseRef:
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "延期必须写明理由"))
    settings = db.settings()
    with db.write() as session:
        _require(session, actor, wf.Act.EXTEND)
        case = _case(session, case_id)
        _check_act(case, wf.Act.EXTEND)
        if case.extended:
            raise WorkflowError(f"{case.number} 已经延期过一次，不能再次延期")
        changes: dict = {}
        _set(case, changes, extended=True, extension_reason=reason.strip())
        _refresh_due(case, settings, changes)
        add_event(session, case.id, actor, "extended", changes, note=reason.strip())
        return CaseRef(case.id, case.number)


def record_session(db: Database, actor: int, case_id: int, held_on: date, place: str = "",
                   participants: str = "", record: str = "") -> int:
    with db.write() as session:
        case = _require_case(session, actor, wf.Act.RECORD_SESSION, case_id)
        _check_act(case, wf.Act.RECORD_SESSION)
        held_on = _day(held_on, "held_on", case.accepted_on, "受理日期")
        row = MediationSession(case_id=case.id, held_on=held_on, place=place.strip() or None,
                               participants=participants.strip() or None,
                               record=record.strip() or None)
        session.add(row)
        session.flush()
        count = session.scalar(select(func.count()).where(MediationSession.case_id == case.id))
        add_event(session, case.id, actor, "session_held",
                  note=f"第{count}次调解，{held_on.isoformat()} {place.strip()}".strip())
        return row.id


def record_agreement(db: Database, actor: int, case_id: int, form: str, signed_on: date,
                     terms: list[str], facts: str = "", performance_method: str = "",
                     performance_place: str = "", performance_due: date | None = None) -> None:
    terms = [t.strip() for t in terms if t and t.strip()]
    problems = []
    if form not in wf.AGREEMENT_FORMS:
        problems.append(Problem("form", f"协议形式应为：{'、'.join(wf.AGREEMENT_FORMS)}"))
    if not terms:
        problems.append(Problem("terms", "协议至少需要一条约定内容"))
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        case = _require_case(session, actor, wf.Act.RECORD_AGREEMENT, case_id)
        _check_act(case, wf.Act.RECORD_AGREEMENT)
        signed_on = _day(signed_on, "signed_on", case.accepted_on, "受理日期")
        if performance_due is not None and performance_due < signed_on:
            raise ValidationError(Problem("performance_due", "履行期限不能早于协议日期"))
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case.id))
        is_new = agreement is None
        if is_new:
            agreement = Agreement(case_id=case.id)
            session.add(agreement)
        agreement.form = form
        agreement.signed_on = signed_on
        agreement.terms = json.dumps(terms, ensure_ascii=False)
        agreement.facts = facts.strip() or None
        agreement.performance_method = performance_method.strip() or None
        agreement.performance_place = performance_place.strip() or None
        agreement.performance_due = performance_due
        add_event(session, case.id, actor, "agreement_recorded",
                  note=f"{form}，共{len(terms)}条" + ("" if is_new else "（修改）"))


def close(db: Database, actor: int, case_id: int, outcome: str, on: date | None = None,
          note: str = "", route: str | None = None, dispute_category: str | None = None) -> CaseRef:
    """Close with an outcome. 转人民调解 creates the linked dispute and returns it."""
    settings = db.settings()
    with db.write() as session:
        _require(session, actor, wf.Act.CLOSE)
        case = _case(session, case_id)
        _check_act(case, wf.Act.CLOSE)
        if outcome not in wf.outcomes_for(case.kind):
            raise ValidationError(Problem("outcome", wf.check_outcome(case.kind, outcome) or
                                          "不予受理请使用「不予受理」操作"))
        on = _day(on, "closed_on", case.accepted_on, "受理日期")
        changes: dict = {}
        if outcome == wf.MEDIATED:
            if session.scalar(select(Agreement.id).where(Agreement.case_id == case.id)) is None:
                raise ValidationError(Problem("outcome", "调解成功须先记录调解协议（书面或口头）"))
        if outcome == wf.MEDIATION_FAILED:
            if route not in wf.FAILED_ROUTES:
                raise ValidationError(Problem("failed_route", f"调解不成须记录告知当事人的途径：{'、'.join(wf.FAILED_ROUTES)}"))
            _set(case, changes, failed_route=route)
        _set(case, changes, status=wf.Status.CLOSED.value, outcome=outcome, closed_on=on,
             close_note=note.strip() or None)
        result = CaseRef(case.id, case.number)
        if outcome == wf.DIVERTED:
            dispute = _divert(db, session, actor, case, dispute_category, settings)
            add_event(session, case.id, actor, "diverted", changes,
                      note=f"转人民调解，纠纷编号 {dispute.number}")
            result = dispute
        else:
            add_event(session, case.id, actor, "closed", changes, note=note.strip() or None)
        if outcome == wf.MEDIATED:
            session.add(FollowUp(case_id=case.id, due_on=wf.follow_up_due(on, settings.limits)))
        return result


def divert(db: Database, actor: int, case_id: int, on: date | None = None, note: str = "",
           dispute_category: str | None = None) -> CaseRef:
    """导入人民调解程序: close the petition with 转人民调解; returns the new dispute."""
    return close(db, actor, case_id, wf.DIVERTED, on, note, dispute_category=dispute_category)


def _divert(db: Database, session: Session, actor: int, petition: Case,
            dispute_category: str | None, settings: OfficeSettings) -> CaseRef:
    category = dispute_category or "其他纠纷"
    roles = {"信访人": "申请人", "代理人": "第三人"}
    parties = []
    for cp in petition.parties:
        person = cp.person
        parties.append(PartyInput(name=person.name, role=roles.get(cp.role, "第三人"),
                                  id_number=person.id_number, phone=person.phone,
                                  address=person.address, gender=person.gender,
                                  is_org=person.is_org, legal_rep=person.legal_rep,
                                  person_id=person.id))
    data = CaseInput(summary=petition.summary, category=category,
                     received_on=petition.closed_on, source="信访转入",
                     details=petition.details, street=petition.street,
                     community=petition.community, handler=petition.handler,
                     people_count=petition.people_count, amount=petition.amount)
    dispute = _register(db, actor, wf.Kind.DISPUTE, data, parties, origin=petition, session=session)
    return dispute


def reopen(db: Database, actor: int, case_id: int, reason: str) -> CaseRef:
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "重新打开必须写明理由"))
    with db.write() as session:
        _require(session, actor, wf.Act.REOPEN)
        case = _case(session, case_id)
        _check_act(case, wf.Act.REOPEN)
        changes: dict = {}
        _set(case, changes, status=wf.Status.IN_PROGRESS.value, outcome=None, closed_on=None,
             failed_route=None)
        # A follow-up that was due after 调解成功 no longer applies.
        for fu in session.scalars(select(FollowUp).where(FollowUp.case_id == case.id,
                                                         FollowUp.done_on.is_(None))):
            session.delete(fu)
        add_event(session, case.id, actor, "reopened", changes, note=reason.strip())
        return CaseRef(case.id, case.number)


def record_follow_up(db: Database, actor: int, case_id: int, done_on: date, result: str) -> None:
    if not (result or "").strip():
        raise ValidationError(Problem("result", "回访结果必须填写"))
    with db.write() as session:
        case = _require_case(session, actor, wf.Act.FOLLOW_UP, case_id)
        _check_act(case, wf.Act.FOLLOW_UP)
        done_on = _day(done_on, "done_on", case.closed_on, "办结日期")
        fu = session.scalar(select(FollowUp).where(FollowUp.case_id == case.id,
                                                   FollowUp.done_on.is_(None)).order_by(FollowUp.due_on))
        if fu is None:
            fu = FollowUp(case_id=case.id, due_on=done_on)
            session.add(fu)
        fu.done_on = done_on
        fu.result = result.strip()
        add_event(session, case.id, actor, "follow_up", note=result.strip())


def mark_entered(db: Database, actor: int, case_id: int, entered: bool = True) -> CaseRef:
    with db.write() as session:
        _require(session, actor, wf.Act.MARK_ENTERED)
        case = _case(session, case_id)
        _check_act(case, wf.Act.MARK_ENTERED)
        changes: dict = {}
        _set(case, changes, entered=entered)
        if changes:
            add_event(session, case.id, actor, "marked_entered", changes)
        return CaseRef(case.id, case.number)


def record_performance(db: Database, actor: int, case_id: int, performed: bool,
                       judicial_applied_on: date | None = None,
                       judicial_result: str | None = None) -> None:
    """协议履行 and 司法确认 of a dispute closed with 调解成功."""
    with db.write() as session:
        case = _require_case(session, actor, wf.Act.FOLLOW_UP, case_id)
        if case.kind != wf.Kind.DISPUTE.value or case.outcome != wf.MEDIATED:
            raise WorkflowError(f"{case.number} 不是调解成功的纠纷，无需记录履行情况")
        changes: dict = {}
        _set(case, changes, performed=bool(performed))
        if judicial_applied_on is not None:
            _set(case, changes, judicial_applied_on=judicial_applied_on)
        if judicial_result is not None:
            _set(case, changes, judicial_result=judicial_result.strip() or None)
        if changes:
            add_event(session, case.id, actor, "performance", changes)


def parse_field(name: str, value: Any) -> Any:
    """Turn a typed-in value into the column's type; ValueError with a Chinese message."""
    if name in ("received_on", "accepted_on", "closed_on", "judicial_applied_on"):
        return v.parse_date(value)
    if name in ("people_count", "group_size"):
        return v.parse_people(value)
    if name == "amount":
        return v.parse_amount(value)
    if name in ("via_proxy", "entered", "performed", "extended"):
        return v.parse_bool(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def edit(db: Database, actor: int, case_id: int, values: dict[str, Any],
         expected_version: int | None = None) -> CaseRef:
    """编辑: change fields; the event keeps old → new. A stale version is refused."""
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValidationError([Problem(k, "该项不能直接编辑") for k in sorted(unknown)])
    settings = db.settings()
    with db.write() as session:
        _require(session, actor, wf.Act.EDIT)
        case = _case(session, case_id)
        if expected_version is not None and case.version != expected_version:
            raise StaleEdit(f"{case.number} 在您打开后已被他人修改，请刷新后再编辑")
        problems: list[Problem] = []
        parsed: dict[str, Any] = {}
        for name, raw in values.items():
            try:
                parsed[name] = parse_field(name, raw)
            except ValueError as exc:
                problems.append(Problem(name, str(exc)))
        if "summary" in parsed and not parsed["summary"]:
            problems.append(Problem("summary", "事项摘要必须填写"))
        if "category" in parsed and parsed["category"] != case.category:
            if parsed["category"] not in _active_categories(session, case.kind):
                problems.append(Problem("category", f"「{parsed['category']}」不在类别列表中"))
        if "source" in parsed and parsed["source"] and parsed["source"] not in wf.sources_for(case.kind):
            problems.append(Problem("source", f"「{parsed['source']}」不是有效的来源"))
        if "received_on" in parsed and parsed["received_on"] is None:
            problems.append(Problem("received_on", "登记日期必须填写"))
        if case.status == wf.Status.REGISTERED.value and parsed.get("accepted_on"):
            problems.append(Problem("accepted_on", "待受理的案件请使用「受理」操作"))
        for name in ("accepted_on", "closed_on"):
            if name in parsed and parsed[name] is None and getattr(case, name) is not None:
                problems.append(Problem(name, f"{FIELD_LABELS[name]}不能清空，请使用「重新打开」"))
            if name == "closed_on" and parsed.get(name) and case.closed_on is None:
                problems.append(Problem(name, "未办结的案件请使用「办结」操作"))
        merged = {k: parsed.get(k, getattr(case, k)) for k in ("received_on", "accepted_on", "closed_on")}
        for fname, msg in v.check_dates(merged["received_on"], merged["accepted_on"],
                                        merged["closed_on"], case.status == wf.Status.REJECTED.value):
            problems.append(Problem(fname, msg))
        if problems:
            raise ValidationError(problems)
        changes: dict = {}
        _set(case, changes, **parsed)
        _refresh_due(case, settings, changes)
        if changes:
            add_event(session, case.id, actor, "edited", changes)
        return CaseRef(case.id, case.number)


def attach(db: Database, actor: int, case_id: int, source: str | Path) -> int:
    """Copy a file into the data folder with its SHA-256; returns the attachment id."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError(Problem("file", f"找不到文件：{source.name}"))
    digest = hashlib.sha256()
    with open(source, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    folder = db.files_dir
    stored_name = f"{sha[:2]}/{sha}{source.suffix.lower()}"
    target = folder / stored_name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(source, tmp)
        tmp.replace(target)  # never a half-copied attachment under its final name
    with db.write() as session:
        case = _require_case(session, actor, wf.Act.ATTACH, case_id)
        row = Attachment(case_id=case.id, filename=source.name, stored_name=stored_name,
                         sha256=sha, size=source.stat().st_size, added_at=_now(), user_id=actor)
        session.add(row)
        session.flush()
        add_event(session, case.id, actor, "attachment_added", note=source.name)
        return row.id


def attachment_path(db: Database, stored_name: str) -> Path:
    return db.files_dir / stored_name


def delete_case(db: Database, actor: int, case_id: int, reason: str) -> None:
    """A supervisor's act: the case is hidden everywhere, the event stays."""
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "删除案件必须写明理由"))
    with db.write() as session:
        _require(session, actor, wf.Act.DELETE)
        case = _case(session, case_id)
        case.deleted_at = _now()
        add_event(session, case.id, actor, "deleted", note=reason.strip())


def save_settings(db: Database, actor: int, settings: OfficeSettings) -> None:
    problems = []
    for kind in ("petition", "dispute"):
        template = settings.number_format(kind)
        try:
            a, b = format_number(template, 2026, 1), format_number(template, 2026, 2)
        except (KeyError, ValueError, IndexError, TypeError, AttributeError):
            a = b = ""
        if not a or a == b:
            problems.append(Problem(f"{kind}_number_format", "编号格式须含 {seq}，例如 （{year}）调字第{seq:04d}号"))
    for f in fields(settings.limits):
        if getattr(settings.limits, f.name) < 1:
            problems.append(Problem("limits", "期限天数应为正整数"))
            break
    if problems:
        raise ValidationError(problems)
    with db.write() as session:
        user = _require(session, actor, wf.Act.SETTINGS)
        store_settings(session, settings)
        add_event(session, None, user.id, "settings_changed")
    db.invalidate_settings()


def _list_entry_name(name: str, what: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(Problem("name", f"{what}名称必须填写"))
    if len(name) > 64:
        raise ValidationError(Problem("name", f"{what}名称不能超过64字"))
    return name


def set_category_active(db: Database, actor: int, kind: str, name: str, active: bool) -> None:
    """Add a category, or retire/restore one; a used category is never deleted."""
    name = _list_entry_name(name, "类别")
    with db.write() as session:
        _require(session, actor, wf.Act.SETTINGS)
        row = session.scalar(select(Category).where(Category.kind == kind, Category.name == name))
        if row is None:
            if not active:
                raise NotFound(f"类别「{name}」不存在")
            order = session.scalar(select(func.coalesce(func.max(Category.sort_order), 0))
                                   .where(Category.kind == kind)) + 1
            session.add(Category(kind=kind, name=name, active=True, sort_order=order))
        else:
            row.active = active
        add_event(session, None, actor, "settings_changed",
                  note=f"类别「{name}」{'启用' if active else '停用'}")


def set_department_active(db: Database, actor: int, name: str, active: bool) -> None:
    """Add a 参与部门, or retire/restore one; a department once used is never deleted."""
    name = _list_entry_name(name, "部门")
    with db.write() as session:
        _require(session, actor, wf.Act.SETTINGS)
        row = session.scalar(select(Department).where(Department.name == name))
        if row is None:
            if not active:
                raise NotFound(f"部门「{name}」不存在")
            session.add(Department(name=name, active=True))
        else:
            row.active = active
        add_event(session, None, actor, "settings_changed",
                  note=f"参与部门「{name}」{'启用' if active else '停用'}")
