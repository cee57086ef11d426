"""The parties of a registered case: add, edit and remove one party, each an act with its event.

A party is a person row linked to the case in a role (one person, many cases): editing a
person's facts changes them on every case that names the person, so the GUI first asks with
``person_other_cases``. ID numbers and phones stand masked in the events, as everywhere a
clerk reads them without revealing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import validation as v
from caseapp import workflow as wf
from caseapp.errors import NotFound, Problem, ValidationError, WorkflowError
from caseapp.queries.persons import PersonCase
from caseapp.services.events import add_event
from caseapp.services.guard import live_case, require
from caseapp.services.intake import PartyInput, attach_party, check_party, known_person
from caseapp.storage.db import Database
from caseapp.storage.models import Case, CaseParty, Person

# The person's facts an edit may change, in the order the event lists them.
PERSON_FIELDS = ("name", "is_org", "gender", "id_number", "phone", "address", "legal_rep",
                 "ethnicity", "occupation")


def _open_case(session: Session, actor: int, act: wf.Act, case_id: int) -> Case:
    """The live, open case, if the actor's role may ``act``."""
    require(session, actor, act)
    case = live_case(session, case_id)
    if not wf.can(case.kind, case.status, act, case.outcome):
        raise WorkflowError(
            f"{case.number} 当前状态为「{wf.status_label(case.kind, case.status)}」，"
            f"不能{wf.ACT_LABELS[act]}（请先重新打开）")
    return case


def _checked(case: Case, party: PartyInput) -> PartyInput:
    clean, problems = check_party(party, case.kind, 0)
    if problems:
        raise ValidationError(problems)
    return clean


def _unmasked(party: PartyInput, person: Person) -> PartyInput:
    """The party with a masked ID number or phone sent back as shown (the case view shows them
    masked) taken as the stored value; another masked value is refused."""
    values: dict[str, Any] = {}
    for name, mask, label in (("id_number", v.mask_id_number, "身份证号"),
                              ("phone", v.mask_phone, "联系电话")):
        typed = (getattr(party, name) or "").strip()
        if typed and v.is_masked(typed):
            stored = getattr(person, name)
            if stored and typed == mask(stored):
                values[name] = stored
            else:
                raise ValidationError(Problem(name, f"请填写完整的{label}（不修改时保留原样）"))
    return replace(party, **values) if values else party


def _shown(name: str, value: Any) -> Any:
    """A fact as the event keeps it: ID numbers and phones masked."""
    if name == "id_number":
        return v.mask_id_number(value) or None
    if name == "phone":
        return v.mask_phone(value) or None
    return value


def _label(role: str, person: Person) -> str:
    return f"{role} {person.name}"


def _link(session: Session, case: Case, party_id: int) -> CaseParty:
    link = session.get(CaseParty, party_id)
    if link is None or link.case_id != case.id:
        raise NotFound("该当事人不属于此案件（可能已被他人移除，请刷新）")
    return link


def _main_count(session: Session, case: Case, without: int | None = None) -> int:
    stmt = select(func.count(CaseParty.id)).where(CaseParty.case_id == case.id,
                                                 CaseParty.role == wf.main_role(case.kind))
    if without is not None:
        stmt = stmt.where(CaseParty.id != without)
    return session.execute(stmt).scalar_one()


def _keep_main(session: Session, case: Case, link: CaseParty, what: str) -> None:
    main = wf.main_role(case.kind)
    if link.role == main and _main_count(session, case, without=link.id) == 0:
        raise ValidationError(Problem("role", (
            f"{link.person.name}是本案唯一的{main}，不能{what}；"
            f"每个{wf.KIND_LABELS[wf.Kind(case.kind)]}至少需要一位{main}，请先添加另一位{main}")))


def _refuse_twice(session: Session, case: Case, person_id: int, role: str,
                  except_link: int | None = None) -> None:
    stmt = select(CaseParty.id).where(CaseParty.case_id == case.id,
                                      CaseParty.person_id == person_id, CaseParty.role == role)
    if except_link is not None:
        stmt = stmt.where(CaseParty.id != except_link)
    if session.scalar(stmt) is not None:
        raise ValidationError(Problem("role", f"此人已经是本案的{role}"))


def add_party(db: Database, actor: int, case_id: int, party: PartyInput) -> int:
    """添加当事人: a known person (by ID number, else name and phone, or ``person_id``) or a
    new one, in a role of the case's kind; returns the party's id (case_parties.id)."""
    with db.write() as session:
        case = _open_case(session, actor, wf.Act.ADD_PARTY, case_id)
        clean = _checked(case, party)
        known = known_person(session, clean, case.office_id)
        if known is not None:
            _refuse_twice(session, case, known.id, clean.role)
        person = attach_party(session, case, clean)
        session.flush()
        link = session.scalar(select(CaseParty).where(
            CaseParty.case_id == case.id, CaseParty.person_id == person.id,
            CaseParty.role == clean.role))
        assert link is not None
        changes: dict[str, tuple[Any, Any]] = {"role": (None, clean.role)}
        for name in PERSON_FIELDS:
            value = getattr(person, name)
            if value not in (None, "", False):
                changes[name] = (None, _shown(name, value))
        add_event(session, case.id, actor, "party_added", changes, note=_label(clean.role, person))
        return link.id


def edit_party(db: Database, actor: int, case_id: int, party_id: int, party: PartyInput) -> None:
    """修改当事人: the role on this case and the person's facts (on every case naming them).
    An ID number or phone sent back masked, as the case view shows it, stays as stored."""
    with db.write() as session:
        case = _open_case(session, actor, wf.Act.EDIT_PARTY, case_id)
        link = _link(session, case, party_id)
        person = link.person
        clean = _checked(case, _unmasked(party, person))
        old_label = _label(link.role, person)
        if clean.role != link.role:
            _keep_main(session, case, link, f"改为{clean.role}")
            _refuse_twice(session, case, person.id, clean.role, except_link=link.id)
        if clean.id_number and clean.id_number != person.id_number:
            other = session.scalar(select(Person).where(Person.office_id == person.office_id,
                                                        Person.id_number == clean.id_number,
                                                        Person.id != person.id))
            if other is not None:
                raise ValidationError(Problem("id_number", (
                    f"身份证号 {v.mask_id_number(clean.id_number)} 已登记为另一人（{other.name}），"
                    "请移除本当事人后按该身份证号重新添加")))
        changes: dict[str, tuple[Any, Any]] = {}
        if clean.role != link.role:
            changes["role"] = (link.role, clean.role)
            link.role = clean.role
        for name in PERSON_FIELDS:
            old, new = getattr(person, name), getattr(clean, name)
            if name == "is_org":
                old, new = bool(old), bool(new)
            if old != new:
                changes[name] = (_shown(name, old), _shown(name, new))
                setattr(person, name, new)
        if "id_number" in changes:
            # The birth date is read from the ID number only (docs/domain.md §2.1).
            person.birth_date = v.check_id_number(clean.id_number).birth_date \
                if clean.id_number else None
        if changes:
            add_event(session, case.id, actor, "party_edited", changes, note=old_label)


def remove_party(db: Database, actor: int, case_id: int, party_id: int, reason: str) -> None:
    """移除当事人: the party leaves this case; a case keeps at least one of its main role.
    A person no other case names is forgotten with it (a mistyped party must not linger in
    intake's look-up)."""
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "移除当事人必须写明理由"))
    with db.write() as session:
        case = _open_case(session, actor, wf.Act.REMOVE_PARTY, case_id)
        link = _link(session, case, party_id)
        person = link.person
        _keep_main(session, case, link, "移除")
        changes: dict[str, tuple[Any, Any]] = {"role": (link.role, None),
                                               "name": (person.name, None)}
        label = _label(link.role, person)
        session.delete(link)
        session.flush()
        if session.scalar(select(CaseParty.id).where(CaseParty.person_id == person.id)) is None:
            session.delete(person)
        add_event(session, case.id, actor, "party_removed", changes,
                  note=f"{label}：{reason.strip()}")


def person_other_cases(db: Database, person_id: int, except_case_id: int) -> list[PersonCase]:
    """The other live cases naming this person, newest first: what a correction of their facts
    also changes."""
    with db.read() as session:
        rows = session.execute(
            select(Case.id, Case.number, Case.kind, Case.category, Case.received_on, Case.status)
            .join(CaseParty, CaseParty.case_id == Case.id)
            .where(CaseParty.person_id == person_id, Case.id != except_case_id,
                   Case.deleted_at.is_(None))
            .group_by(Case.id)
            .order_by(Case.received_on.desc(), Case.id.desc()))
        return [PersonCase(r.id, r.number, r.kind, r.category, r.received_on,
                           wf.status_label(r.kind, r.status)) for r in rows]


__all__ = ["PERSON_FIELDS", "add_party", "edit_party", "person_other_cases", "remove_party"]
