"""The read side: case lists with filters, sort and paging; case details; intake look-ups;
the workbench. Everything returns frozen dataclasses or plain values (DESIGN.md rule 3).

The case list is ID-backed (DESIGN.md rule 5): ``case_ids`` runs one SQL query for the
ordered IDs of a filter, ``case_rows`` fetches one page of rows for some of those IDs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from caseapp import workflow as wf
from caseapp.errors import NotFound
from caseapp.figures import stats
from caseapp.services.acts import FIELD_LABELS
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

OPEN_STATUSES = (wf.Status.REGISTERED.value, wf.Status.IN_PROGRESS.value)
DONE_STATUSES = (wf.Status.CLOSED.value, wf.Status.REJECTED.value)
MAIN_ROLES = ("信访人", "申请人")

ACTION_LABELS = {
    "registered": "登记", "accepted": "受理", "rejected": "不予受理", "assigned": "分派",
    "extended": "延期", "session_held": "调解", "agreement_recorded": "记录协议",
    "diverted": "转人民调解", "closed": "办结", "reopened": "重新打开", "follow_up": "回访",
    "marked_entered": "标记已录入", "edited": "编辑", "attachment_added": "添加附件",
    "deleted": "删除", "imported": "导入", "performance": "履行情况",
    "settings_changed": "修改设置",
    # Accounts and personal data (caseapp.services.accounts, privacy, audit).
    "login": "登录", "login_failed": "登录失败", "logout": "退出登录", "locked": "锁定屏幕",
    "user_added": "添加用户", "user_disabled": "停用用户", "password_changed": "修改密码",
    "export": "导出", "printout": "打印", "reveal_personal": "查看个人信息",
}

# The life-cycle order used when sorting by status.
_STATUS_ORDER = {s.value: i for i, s in enumerate(wf.Status)}


# ---------------------------------------------------------------------------
# Filters.


@dataclass
class CaseFilter:
    kind: str | None = None
    statuses: tuple[str, ...] = ()
    category: str | None = None
    street: str | None = None  # stats.UNSET (未填写) selects the cases without one
    handler: str | None = None  # likewise
    received_from: date | None = None
    received_to: date | None = None
    overdue_only: bool = False
    due_soon_only: bool = False
    text: str = ""  # words, each found in the number, the summary or a party's name
    figure: tuple[str, date, date] | None = None  # (figure name, from, to): stats.condition
    today: date | None = None
    source: str | None = None  # likewise; the figures' by_source drill-down
    outcome: str | None = None  # 办理结果, e.g. the dashboard's pie of closed cases


def overdue_condition(today: date) -> ColumnElement:
    """Not closed or rejected, and the deadline in force has passed (DOMAIN.md section 4)."""
    return and_(Case.status.in_(OPEN_STATUSES), Case.due_on < today)


def due_soon_condition(today: date, limits: wf.Limits) -> ColumnElement:
    """Not closed or rejected, due today or within limits.due_soon_days."""
    return and_(Case.status.in_(OPEN_STATUSES),
                Case.due_on.between(today, today + timedelta(days=limits.due_soon_days)))


def _optional_equal(column, value: str) -> ColumnElement:
    if value == stats.UNSET:
        return or_(column.is_(None), column == "")
    return column == value


def _text_condition(words: list[str]) -> ColumnElement:
    conds = []
    for word in words:
        # An uncorrelated IN: the matching persons are found once, not per case.
        party = Case.id.in_(select(CaseParty.case_id)
                            .join(Person, Person.id == CaseParty.person_id)
                            .where(Person.name.icontains(word, autoescape=True)))
        conds.append(or_(Case.number.icontains(word, autoescape=True),
                         Case.summary.icontains(word, autoescape=True), party))
    return and_(*conds)


def _conditions(db: Database, flt: CaseFilter) -> list[ColumnElement]:
    today = flt.today or date.today()
    conds: list[ColumnElement] = [Case.deleted_at.is_(None)]
    if flt.kind:
        conds.append(Case.kind == wf.Kind(flt.kind).value)
    if flt.statuses:
        conds.append(Case.status.in_([wf.Status(s).value for s in flt.statuses]))
    if flt.category:
        conds.append(_optional_equal(Case.category, flt.category))
    if flt.street:
        conds.append(_optional_equal(Case.street, flt.street))
    if flt.handler:
        conds.append(_optional_equal(Case.handler, flt.handler))
    if flt.source:
        conds.append(_optional_equal(Case.source, flt.source))
    if flt.outcome:
        conds.append(_optional_equal(Case.outcome, flt.outcome))
    if flt.received_from:
        conds.append(Case.received_on >= flt.received_from)
    if flt.received_to:
        conds.append(Case.received_on <= flt.received_to)
    if flt.overdue_only:
        conds.append(overdue_condition(today))
    if flt.due_soon_only:
        conds.append(due_soon_condition(today, db.settings().limits))
    words = (flt.text or "").split()
    if words:
        conds.append(_text_condition(words))
    if flt.figure:
        name, f, t = flt.figure
        kinds = [wf.Kind(flt.kind).value] if flt.kind else list(stats.KINDS)
        alts = [stats.condition(k, name, f, t) for k in kinds if name in stats.figure_names(k)]
        if not alts:
            raise ValueError(f"unknown figure {name!r}")
        conds.append(or_(*alts) if len(alts) > 1 else alts[0])
    return conds


def _main_party_name():
    """The name of the case's main party: its first 信访人 / 申请人, else its first party.
    Correlated subqueries served by the case_parties.case_id index (no sort per row)."""

    def first(*conds):
        return (select(Person.name)
                .join(CaseParty, CaseParty.person_id == Person.id)
                .where(CaseParty.case_id == Case.id, *conds)
                .order_by(CaseParty.id)
                .limit(1)
                .correlate(Case)
                .scalar_subquery())

    return func.coalesce(first(CaseParty.role.in_(MAIN_ROLES)), first())


SORT_KEYS = {"number", "party", "category", "street", "received_on", "status", "due_on",
             "handler"}


def _sort_keys(sort: str, descending: bool) -> list:
    """ORDER BY terms for a sort key: empty values last in both directions, the id last."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; one of {sorted(SORT_KEYS)}")

    def direction(expr):
        return expr.desc() if descending else expr.asc()

    tiebreak = direction(Case.id)
    if sort == "received_on":
        # Served in order by the (kind, received_on) index when the filter names a kind.
        return [direction(Case.received_on), tiebreak]
    if sort == "party":
        # NULLS LAST (SQLite ≥ 3.30 and PostgreSQL) rather than the flag below, which would
        # run the correlated subquery twice per row.
        return [direction(_main_party_name()).nulls_last(), tiebreak]
    if sort == "status":
        column = case(_STATUS_ORDER, value=Case.status, else_=len(_STATUS_ORDER))
    else:
        column = getattr(Case, sort)
    # The leading "is empty" flag puts empty values last, portably. It also keeps SQLite
    # from walking a whole index in sort order (street, handler, (kind, category)) and
    # looking up every case, when sorting the rows the filter selects is far cheaper.
    return [case((column.is_(None), 1), else_=0), direction(column), tiebreak]


def case_ids(db: Database, flt: CaseFilter, sort: str = "received_on",
             descending: bool = True) -> list[int]:
    """The IDs of the cases the filter selects, in order: one SQL query. Empty values sort
    last in both directions; the id breaks ties, so the order is stable."""
    stmt = select(Case.id).where(*_conditions(db, flt)).order_by(*_sort_keys(sort, descending))
    with db.read() as session:
        return list(session.scalars(stmt))


def count(db: Database, flt: CaseFilter) -> int:
    stmt = select(func.count(Case.id)).where(*_conditions(db, flt))
    with db.read() as session:
        return int(session.scalar(stmt) or 0)


# ---------------------------------------------------------------------------
# Rows of the case list.


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    kind: str
    status: str
    status_label: str
    outcome: str | None
    party: str
    category: str
    street: str | None
    handler: str | None
    received_on: date
    accepted_on: date | None
    closed_on: date | None
    due_on: date | None
    extended: bool
    days_left: int | None
    deadline_state: str  # 'closed', 'overdue', 'due_soon', 'ok' or 'none'
    deadline_text: str


_ROW_COLUMNS = (Case.id, Case.number, Case.kind, Case.status, Case.outcome, Case.category,
                Case.street, Case.handler, Case.received_on, Case.accepted_on, Case.closed_on,
                Case.due_on, Case.extended)
_CHUNK = 500


def _is_done(status: str) -> bool:
    return status in DONE_STATUSES


def _make_row(r: Any, party: str | None, today: date, limits: wf.Limits) -> CaseRow:
    done = _is_done(r.status)
    return CaseRow(
        id=r.id, number=r.number, kind=r.kind, status=r.status,
        status_label=wf.status_label(r.kind, r.status), outcome=r.outcome, party=party or "",
        category=r.category, street=r.street, handler=r.handler, received_on=r.received_on,
        accepted_on=r.accepted_on, closed_on=r.closed_on, due_on=r.due_on,
        extended=bool(r.extended),
        days_left=None if done else wf.days_left(r.due_on, today),
        deadline_state=wf.deadline_state(r.due_on, done, today, limits),
        deadline_text=wf.deadline_text(r.due_on, done, today),
    )


def case_rows(db: Database, ids: list[int], today: date | None = None) -> list[CaseRow]:
    """The rows of ``ids`` (one page), in the order of ``ids``; missing or deleted cases
    are left out."""
    today = today or date.today()
    limits = db.settings().limits
    found: dict[int, CaseRow] = {}
    ids = list(ids)
    with db.read() as session:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            stmt = (select(*_ROW_COLUMNS, _main_party_name().label("party"))
                    .where(Case.id.in_(chunk), Case.deleted_at.is_(None)))
            for r in session.execute(stmt):
                found[r.id] = _make_row(r, r.party, today, limits)
    return [found[i] for i in ids if i in found]


# ---------------------------------------------------------------------------
# One case in full.


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


def _changes(text: str | None) -> tuple[tuple[str, str, str], ...]:
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
                      address=p.address, is_org=bool(p.is_org), legal_rep=p.legal_rep)
            for cp_role, p in session.execute(
                select(CaseParty.role, Person).join(Person, Person.id == CaseParty.person_id)
                .where(CaseParty.case_id == case_id).order_by(CaseParty.id)
            )
        )
        departments = tuple(session.scalars(
            select(Department.name).join(CaseDepartment, CaseDepartment.department_id == Department.id)
            .where(CaseDepartment.case_id == case_id).order_by(Department.name)
        ))
        events = tuple(
            EventInfo(at=e.at, user=e.display_name or "", action=e.action,
                      action_label=ACTION_LABELS.get(e.action, e.action),
                      changes=_changes(e.changes), note=e.note)
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
                           user=x.display_name or "")
            for x in session.execute(
                select(Attachment.id, Attachment.filename, Attachment.stored_name,
                       Attachment.sha256, Attachment.size, Attachment.added_at,
                       User.display_name)
                .outerjoin(User, User.id == Attachment.user_id)
                .where(Attachment.case_id == case_id).order_by(Attachment.added_at, Attachment.id)
            )
        )
    done = _is_done(values["status"])
    pending_follow_up = any(f.done_on is None for f in follow_ups)
    acts = wf.allowed_acts(values["kind"], values["status"], values["outcome"],
                           has_followup_pending=pending_follow_up)
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
        days_left=None if done else wf.days_left(values["due_on"], today),
        deadline_state=wf.deadline_state(values["due_on"], done, today, limits),
        deadline_text=wf.deadline_text(values["due_on"], done, today),
        party=main,
        parties=parties,
        departments=departments,
        events=events,
        sessions=sessions,
        agreement=agreement,
        follow_ups=follow_ups,
        attachments=attachments,
        allowed_acts=tuple(a.value for a in acts),
    )


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


# ---------------------------------------------------------------------------
# Intake: is this person already known?


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


_DISTINCT = {"street": Case.street, "handler": Case.handler, "category": Case.category,
             "source": Case.source, "community": Case.community}


def distinct_values(db: Database, column: str, kind: str | None = None) -> list[str]:
    """The values in use in a column (street, handler, category, source, community), for the
    filter combos; empty values are left out."""
    if column not in _DISTINCT:
        raise ValueError(f"unknown column {column!r}")
    col = _DISTINCT[column]
    stmt = select(col).where(Case.deleted_at.is_(None), col.is_not(None), col != "").distinct()
    if kind:
        stmt = stmt.where(Case.kind == wf.Kind(kind).value)
    with db.read() as session:
        return sorted(session.scalars(stmt))


# ---------------------------------------------------------------------------
# The workbench: today's work.

WORKBENCH_KEYS = ("pending", "due_soon", "overdue", "follow_up")
WORKBENCH_CAP = 200
FOLLOW_UP_AHEAD_DAYS = 7


def _pending_condition(today: date, pending_days: int) -> ColumnElement:
    """Registered and received more than ``pending_days`` days ago. The date test is wrapped
    in CASE so that SQLite finds the few registered cases through the (kind, status, due_on)
    index instead of walking (kind, received_on) over nearly every case."""
    cutoff = today - timedelta(days=pending_days)
    return and_(Case.status == wf.Status.REGISTERED.value,
                case((Case.received_on < cutoff, 1), else_=0) == 1)


def _follow_up_due(today: date):
    """Per case, the earliest follow-up not yet done that falls due by today + 7 days."""
    return (select(FollowUp.case_id.label("case_id"), func.min(FollowUp.due_on).label("due"))
            .where(FollowUp.done_on.is_(None),
                   FollowUp.due_on <= today + timedelta(days=FOLLOW_UP_AHEAD_DAYS))
            .group_by(FollowUp.case_id)
            .subquery())


def _open_scope() -> list[ColumnElement]:
    # The kind test lets the (kind, status, due_on) index serve queries over both kinds.
    return [Case.deleted_at.is_(None), Case.kind.in_(stats.KINDS),
            Case.status.in_(OPEN_STATUSES)]


def workbench(db: Database, today: date | None = None, pending_days: int = 3,
              cap: int = WORKBENCH_CAP) -> dict[str, list[CaseRow]]:
    """Today's work, most urgent first, each list capped at ``cap`` rows: registered cases
    waiting more than ``pending_days`` days (oldest first), cases due within the due-soon
    window and overdue cases (earliest deadline first), disputes with a follow-up visit not
    yet done that falls due within 7 days (earliest first)."""
    today = today or date.today()
    limits = db.settings().limits
    scope = _open_scope()
    fu = _follow_up_due(today)
    statements = {
        "pending": select(Case.id).where(*scope, _pending_condition(today, pending_days))
        .order_by(Case.received_on, Case.id),
        "due_soon": select(Case.id).where(*scope, due_soon_condition(today, limits))
        .order_by(Case.due_on, Case.id),
        "overdue": select(Case.id).where(*scope, overdue_condition(today))
        .order_by(Case.due_on, Case.id),
        "follow_up": select(Case.id).join(fu, fu.c.case_id == Case.id)
        .where(Case.deleted_at.is_(None), Case.kind == wf.Kind.DISPUTE.value)
        .order_by(fu.c.due, Case.id),
    }
    with db.read() as session:
        ids = {key: list(session.scalars(stmt.limit(cap))) for key, stmt in statements.items()}
    return {key: case_rows(db, ids[key], today) for key in WORKBENCH_KEYS}


def workbench_counts(db: Database, today: date | None = None,
                     pending_days: int = 3) -> dict[str, int]:
    """How many cases each workbench list holds (uncapped): two aggregate queries."""
    today = today or date.today()
    limits = db.settings().limits
    conds = {
        "pending": _pending_condition(today, pending_days),
        "due_soon": due_soon_condition(today, limits),
        "overdue": overdue_condition(today),
    }
    stmt = select(*[func.count(case((c, 1))).label(k) for k, c in conds.items()]).where(
        *_open_scope())
    fu = _follow_up_due(today)
    fu_stmt = (select(func.count()).select_from(Case).join(fu, fu.c.case_id == Case.id)
               .where(Case.deleted_at.is_(None), Case.kind == wf.Kind.DISPUTE.value))
    with db.read() as session:
        row = session.execute(stmt).one()._mapping
        out = {k: int(row[k]) for k in conds}
        out["follow_up"] = int(session.scalar(fu_stmt) or 0)
    return {k: out[k] for k in WORKBENCH_KEYS}


__all__ = [
    "ACTION_LABELS", "SORT_KEYS", "AgreementInfo", "AttachmentInfo", "CaseDetail", "CaseFilter",
    "CaseRow", "EventInfo", "FollowUpInfo", "PartyInfo", "PersonCase", "PersonMatch",
    "SessionInfo", "case_detail", "case_ids", "case_rows", "count", "distinct_values",
    "due_soon_condition", "find_persons", "overdue_condition", "workbench", "workbench_counts",
]


def user_display_name(db: Database, user_id: int) -> str | None:
    """The name the status bar shows for the acting user."""
    with db.read() as session:
        return session.scalar(select(User.display_name).where(User.id == user_id))
