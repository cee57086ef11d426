"""One case in full: its parties, timeline, sessions, agreement, follow-ups and attachments.

Everything returns frozen dataclasses; ``parse_changes`` and ``value_text`` turn an event's
stored changes into what a clerk reads (the audit trail uses them too).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.errors import NotFound
from caseapp.queries.case_list import DONE_STATUSES, MAIN_ROLES
from caseapp.queries.labels import ACTION_LABELS, FIELD_LABELS
from caseapp.queries.mediation_info import MediationInfo, mediation_info
from caseapp.queries.petition_info import PetitionInfo, petition_info
from caseapp.storage.db import Database
from caseapp.storage.models import (
    Agreement,
    Attachment,
    Case,
    CaseDepartment,
    CaseParty,
    Department,
    Event,
    FollowUp,
    MediationSession,
    Person,
    User,
)


@dataclass(frozen=True)
class PartyInfo:
    person_id: int
    role: str
    name: str
    gender: str | None
    birth_date: date | None
    id_number: str | None
    phone: str | None
    address: str | None
    is_org: bool
    legal_rep: str | None
    party_id: int = 0  # case_parties.id: what 修改/移除当事人 name
    ethnicity: str | None = None  # 民族
    occupation: str | None = None  # 职业或工作单位


@dataclass(frozen=True)
class EventInfo:
    at: datetime
    user: str
    action: str
    action_label: str
    changes: tuple[tuple[str, str, str], ...]  # (field label, old, new)
    note: str | None


@dataclass(frozen=True)
class SessionInfo:
    id: int
    held_on: date
    place: str | None
    participants: str | None
    record: str | None


@dataclass(frozen=True)
class AgreementInfo:
    form: str
    signed_on: date
    facts: str | None
    terms: tuple[str, ...]
    performance_method: str | None
    performance_place: str | None
    performance_due: date | None


@dataclass(frozen=True)
class FollowUpInfo:
    id: int
    due_on: date
    done_on: date | None
    result: str | None


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    filename: str
    stored_name: str
    sha256: str
    size: int
    added_at: datetime
    user: str
    kind: str | None = None  # workflow.ATTACHMENT_KINDS; None = not marked


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    outcome: str | None
    summary: str
    details: str | None
    category: str
    source: str | None
    street: str | None
    community: str | None
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    due_on: date | None
    extended: bool
    extension_reason: str | None
    handler: str | None
    people_count: int | None
    amount: Decimal | None
    close_note: str | None
    reject_reason: str | None
    failed_route: str | None
    petition_type: str | None
    group_size: int | None
    is_repeat: bool
    via_proxy: bool
    entered: bool
    satisfaction: str | None
    mediators: str | None
    performed: bool
    judicial_applied_on: date | None
    judicial_result: str | None
    origin_case_id: int | None
    origin_number: str | None
    derived_case_id: int | None
    derived_number: str | None
    version: int
    days_left: int | None
    deadline_state: str
    deadline_text: str
    party: str
    parties: tuple[PartyInfo, ...]
    departments: tuple[str, ...]
    events: tuple[EventInfo, ...]
    sessions: tuple[SessionInfo, ...]
    agreement: AgreementInfo | None
    follow_ups: tuple[FollowUpInfo, ...]
    attachments: tuple[AttachmentInfo, ...]
    allowed_acts: tuple[str, ...]
    # 重复信访: the petitioner's earlier petitions of the same category, (id, number), oldest first.
    earlier_petitions: tuple[tuple[int, str], ...] = ()
    # The petition acts' records (延期 approval, 转送, 交办, 督办, 答复, 复查/复核); None for a dispute.
    petition: PetitionInfo | None = None
    # The mediation acts' records (司法确认, 风险等级, 预防成效); None for a petition.
    mediation: MediationInfo | None = None


def value_text(name: str, value: Any) -> str:
    """A stored value as a clerk reads it on the timeline."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if name == "status":
        try:
            return wf.STATUS_LABELS[wf.Status(value)]
        except ValueError:
            return str(value)
    return str(value)


def parse_changes(text: str | None) -> tuple[tuple[str, str, str], ...]:
    """An event's stored changes as (field label, old, new), as a clerk reads them."""
    if not text:
        return ()
    try:
        data = json.loads(text)
    except ValueError:
        return ()
    out = []
    for name, pair in data.items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        out.append((FIELD_LABELS.get(name, name), value_text(name, old), value_text(name, new)))
    return tuple(out)


_DETAIL_FIELDS = (
    "id", "number", "kind", "status", "outcome", "summary", "details", "category", "source",
    "street", "community", "received_on", "accepted_on", "closed_on", "due_on", "extended",
    "extension_reason", "handler", "people_count", "amount", "close_note", "reject_reason",
    "failed_route", "petition_type", "group_size", "is_repeat", "via_proxy", "entered",
    "satisfaction", "mediators", "performed", "judicial_applied_on", "judicial_result",
    "origin_case_id", "version",
)


def case_detail(db: Database, case_id: int, today: date | None = None) -> CaseDetail:
    """Everything about one case; NotFound when it does not exist or was deleted."""
    today = today or date.today()
    limits = db.settings().limits
    with db.read() as session:
        row = session.execute(
            select(*[getattr(Case, f) for f in _DETAIL_FIELDS])
            .where(Case.id == case_id, Case.deleted_at.is_(None))
        ).one_or_none()
        if row is None:
            raise NotFound("案件不存在或已删除")
        values = {f: getattr(row, f) for f in _DETAIL_FIELDS}
        origin_number = None
        if row.origin_case_id is not None:
            origin_number = session.scalar(select(Case.number).where(
                Case.id == row.origin_case_id, Case.deleted_at.is_(None)))
        derived = session.execute(
            select(Case.id, Case.number)
            .where(Case.origin_case_id == case_id, Case.deleted_at.is_(None))
            .order_by(Case.id).limit(1)
        ).one_or_none()
        parties = tuple(
            PartyInfo(person_id=p.id, role=cp_role, name=p.name, gender=p.gender,
                      birth_date=p.birth_date, id_number=p.id_number, phone=p.phone,
                      address=p.address, is_org=bool(p.is_org), legal_rep=p.legal_rep,
                      party_id=cp_id, ethnicity=p.ethnicity, occupation=p.occupation)
            for cp_id, cp_role, p in session.execute(
                select(CaseParty.id, CaseParty.role, Person)
                .join(Person, Person.id == CaseParty.person_id)
                .where(CaseParty.case_id == case_id).order_by(CaseParty.id)
            )
        )
        earlier = earlier_petitions(session, row) if row.is_repeat else ()
        petition = None
        if row.kind == wf.Kind.PETITION.value:
            stage, review_of = session.execute(select(Case.review_stage, Case.review_of_id)
                                               .where(Case.id == case_id)).one()
            petition = petition_info(session, case_id, stage, review_of)
        mediation = (mediation_info(session, case_id, limits, today)
                     if row.kind == wf.Kind.DISPUTE.value else None)
        departments = tuple(session.scalars(
            select(Department.name).join(CaseDepartment, CaseDepartment.department_id == Department.id)
            .where(CaseDepartment.case_id == case_id).order_by(Department.name)
        ))
        events = tuple(
            EventInfo(at=e.at, user=e.display_name or "", action=e.action,
                      action_label=ACTION_LABELS.get(e.action, e.action),
                      changes=parse_changes(e.changes), note=e.note)
            for e in session.execute(
                select(Event.at, Event.action, Event.changes, Event.note, User.display_name)
                .outerjoin(User, User.id == Event.user_id)
                .where(Event.case_id == case_id).order_by(Event.at, Event.id)
            )
        )
        sessions = tuple(
            SessionInfo(id=s.id, held_on=s.held_on, place=s.place, participants=s.participants,
                        record=s.record)
            for s in session.execute(
                select(MediationSession.id, MediationSession.held_on, MediationSession.place,
                       MediationSession.participants, MediationSession.record)
                .where(MediationSession.case_id == case_id)
                .order_by(MediationSession.held_on, MediationSession.id)
            )
        )
        agreement = None
        a = session.execute(
            select(Agreement.form, Agreement.signed_on, Agreement.facts, Agreement.terms,
                   Agreement.performance_method, Agreement.performance_place,
                   Agreement.performance_due).where(Agreement.case_id == case_id)
        ).one_or_none()
        if a is not None:
            agreement = AgreementInfo(form=a.form, signed_on=a.signed_on, facts=a.facts,
                                      terms=_terms(a.terms),
                                      performance_method=a.performance_method,
                                      performance_place=a.performance_place,
                                      performance_due=a.performance_due)
        follow_ups = tuple(
            FollowUpInfo(id=f.id, due_on=f.due_on, done_on=f.done_on, result=f.result)
            for f in session.execute(
                select(FollowUp.id, FollowUp.due_on, FollowUp.done_on, FollowUp.result)
                .where(FollowUp.case_id == case_id).order_by(FollowUp.due_on, FollowUp.id)
            )
        )
        attachments = tuple(
            AttachmentInfo(id=x.id, filename=x.filename, stored_name=x.stored_name,
                           sha256=x.sha256, size=x.size, added_at=x.added_at,
                           user=x.display_name or "", kind=x.kind)
            for x in session.execute(
                select(Attachment.id, Attachment.filename, Attachment.stored_name,
                       Attachment.sha256, Attachment.size, Attachment.added_at,
                       User.display_name, Attachment.kind)
                .outerjoin(User, User.id == Attachment.user_id)
                .where(Attachment.case_id == case_id).order_by(Attachment.added_at, Attachment.id)
            )
        )
    done = values["status"] in DONE_STATUSES
    pending_follow_up = any(f.done_on is None for f in follow_ups)
    acts = wf.allowed_acts(values["kind"], values["status"], values["outcome"],
                           has_followup_pending=pending_follow_up,
                           review_stage=petition.review_stage if petition else None)
    main = next((p.name for p in parties if p.role in MAIN_ROLES),
                parties[0].name if parties else "")
    for flag in ("extended", "is_repeat", "via_proxy", "entered", "performed"):
        values[flag] = bool(values[flag])
    return CaseDetail(
        **values,
        kind_label=wf.KIND_LABELS[wf.Kind(values["kind"])],
        status_label=wf.status_label(values["kind"], values["status"]),
        origin_number=origin_number,
        derived_case_id=derived.id if derived else None,
        derived_number=derived.number if derived else None,
        days_left=None if done else deadlines.days_left(values["due_on"], today),
        deadline_state=deadlines.deadline_state(values["due_on"], done, today, limits),
        deadline_text=deadlines.deadline_text(values["due_on"], done, today,
                                                rejected=values["status"] == wf.Status.REJECTED.value),
        party=main,
        parties=parties,
        departments=departments,
        events=events,
        sessions=sessions,
        agreement=agreement,
        follow_ups=follow_ups,
        attachments=attachments,
        allowed_acts=tuple(a.value for a in acts),
        earlier_petitions=earlier,
        petition=petition,
        mediation=mediation,
    )


def earlier_petitions(session: Session, row: Any) -> tuple[tuple[int, str], ...]:
    """The other petitions of the same category brought by this case's 信访人, received no
    later than it: what made it a 重复信访."""
    persons = select(CaseParty.person_id).where(CaseParty.case_id == row.id,
                                                CaseParty.role == "信访人")
    theirs = select(CaseParty.case_id).where(CaseParty.person_id.in_(persons),
                                             CaseParty.role == "信访人")
    # The persons' own cases drive the query (a few, by the person_id index); the case's
    # columns are compared inside expressions no index serves, or SQLite, without a big
    # file's statistics, walked every petition of the category received before this one
    # (25 ms at 1M cases, against 0.1).
    found = session.execute(
        select(Case.id, Case.number)
        .where(Case.id.in_(theirs), (Case.kind + "") == wf.Kind.PETITION.value,
               (Case.category + "") == row.category, Case.id != row.id,
               func.coalesce(Case.received_on, None) <= row.received_on,
               func.coalesce(Case.deleted_at, None).is_(None))
        .order_by(Case.received_on, Case.id)
    )
    return tuple((r.id, r.number) for r in found)


def _terms(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    try:
        data = json.loads(text)
    except ValueError:
        return (text,)
    if isinstance(data, list):
        return tuple(str(t) for t in data)
    return (str(data),)
