"""The acts of a case's life cycle, one function per act of a user (docs/architecture.md).

Each act opens one write transaction, checks the actor's permission and the workflow,
changes the rows, appends one timeline event and commits: accept, reject, assign, extend,
mediation sessions and the agreement, close (and divert), reopen, follow-up, 已录入 and
协议履行. Intake is in intake.py, editing in edits.py, the office lists in office.py.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError, WorkflowError
from caseapp.queries.labels import FIELD_LABELS
from caseapp.services.events import add_event, refresh_due, set_fields
from caseapp.services.guard import live_case, require, require_case
from caseapp.services.intake import CaseInput, CaseRef, PartyInput, register
from caseapp.services.petition_acts import require_report
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import Agreement, Case, FollowUp, MediationSession
from caseapp.storage.settings import OfficeSettings


def _check_act(case: Case, act: wf.Act) -> None:
    if not wf.can(case.kind, case.status, act, case.outcome):
        raise WorkflowError(
            f"{case.number} 当前状态为「{wf.status_label(case.kind, case.status)}」，"
            f"不能{wf.ACT_LABELS[act]}"
        )


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
        require(session, actor, wf.Act.ACCEPT)
        case = live_case(session, case_id)
        _check_act(case, wf.Act.ACCEPT)
        on = _day(on, "accepted_on", case.received_on, "登记日期")
        changes: dict = {}
        set_fields(case, changes, status=wf.Status.IN_PROGRESS.value, accepted_on=on)
        if handler:
            set_fields(case, changes, handler=handler.strip())
        refresh_due(case, settings, changes)
        add_event(session, case.id, actor, "accepted", changes)
        return CaseRef(case.id, case.number)


def reject(db: Database, actor: int, case_id: int, reason: str, on: date | None = None) -> CaseRef:
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "不予受理必须写明理由"))
    with db.write() as session:
        require(session, actor, wf.Act.REJECT)
        case = live_case(session, case_id)
        _check_act(case, wf.Act.REJECT)
        on = _day(on, "closed_on", case.received_on, "登记日期")
        changes: dict = {}
        set_fields(case, changes, status=wf.Status.REJECTED.value, outcome=wf.REJECTED,
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
        require(session, actor, wf.Act.ASSIGN)
        changed = 0
        for case_id in ids:
            case = live_case(session, case_id)
            _check_act(case, wf.Act.ASSIGN)
            changes: dict = {}
            set_fields(case, changes, handler=handler)
            if changes:
                add_event(session, case.id, actor, "assigned", changes)
                changed += 1
        return changed


def extend(db: Database, actor: int, case_id: int, reason: str) -> CaseRef:
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "延期必须写明理由"))
    settings = db.settings()
    with db.write() as session:
        require(session, actor, wf.Act.EXTEND)
        case = live_case(session, case_id)
        _check_act(case, wf.Act.EXTEND)
        if case.extended:
            raise WorkflowError(f"{case.number} 已经延期过一次，不能再次延期")
        changes: dict = {}
        set_fields(case, changes, extended=True, extension_reason=reason.strip())
        refresh_due(case, settings, changes)
        add_event(session, case.id, actor, "extended", changes, note=reason.strip())
        return CaseRef(case.id, case.number)


def record_session(db: Database, actor: int, case_id: int, held_on: date, place: str = "",
                   participants: str = "", record: str = "") -> int:
    with db.write() as session:
        case = require_case(session, actor, wf.Act.RECORD_SESSION, case_id)
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
        case = require_case(session, actor, wf.Act.RECORD_AGREEMENT, case_id)
        _check_act(case, wf.Act.RECORD_AGREEMENT)
        signed_on = _day(signed_on, "signed_on", case.accepted_on, "受理日期")
        if performance_due is not None and performance_due < signed_on:
            raise ValidationError(Problem("performance_due", "履行期限不能早于协议日期"))
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case.id))
        is_new = agreement is None
        if agreement is None:
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
        require(session, actor, wf.Act.CLOSE)
        case = live_case(session, case_id)
        _check_act(case, wf.Act.CLOSE)
        if outcome not in wf.outcomes_for(case.kind):
            named = "转送请使用「转送」操作" if outcome == wf.TRANSFERRED else "不予受理请使用「不予受理」操作"
            raise ValidationError(Problem("outcome", wf.check_outcome(case.kind, outcome) or named))
        on = _day(on, "closed_on", case.accepted_on, "受理日期")
        require_report(session, case)
        if (case.petition_type == "申诉求决类" and outcome in wf.REPLY_DECISIONS.values()):
            # 信访工作条例 Art. 32: such a petition is answered with a 信访处理意见书.
            raise ValidationError(Problem("outcome", "申诉求决类信访件须用「答复」出具信访处理意见书后办结"))
        changes: dict = {}
        if outcome == wf.MEDIATED:
            if session.scalar(select(Agreement.id).where(Agreement.case_id == case.id)) is None:
                raise ValidationError(Problem("outcome", "调解成功须先记录调解协议（书面或口头）"))
        if outcome == wf.MEDIATION_FAILED:
            if route not in wf.FAILED_ROUTES:
                raise ValidationError(Problem("failed_route", f"调解不成须记录告知当事人的途径：{'、'.join(wf.FAILED_ROUTES)}"))
            set_fields(case, changes, failed_route=route)
        set_fields(case, changes, status=wf.Status.CLOSED.value, outcome=outcome, closed_on=on,
                   close_note=note.strip() or None)
        result = CaseRef(case.id, case.number)
        if outcome == wf.DIVERTED:
            dispute = _divert(db, session, actor, case, on, dispute_category, settings)
            add_event(session, case.id, actor, "diverted", changes,
                      note=f"转人民调解，纠纷编号 {dispute.number}")
            result = dispute
        else:
            add_event(session, case.id, actor, "closed", changes, note=note.strip() or None)
        if outcome == wf.MEDIATED:
            session.add(FollowUp(case_id=case.id, due_on=deadlines.follow_up_due(
                on, settings.limits, load_calendar(session))))
        return result


def divert(db: Database, actor: int, case_id: int, on: date | None = None, note: str = "",
           dispute_category: str | None = None) -> CaseRef:
    """导入人民调解程序: close the petition with 转人民调解; returns the new dispute."""
    return close(db, actor, case_id, wf.DIVERTED, on, note, dispute_category=dispute_category)


def _divert(db: Database, session: Session, actor: int, petition: Case, closed_on: date,
            dispute_category: str | None, settings: OfficeSettings) -> CaseRef:
    """The petition's dispute, received on the day the petition closed."""
    category = dispute_category or "其他纠纷"
    parties = []
    # Every party comes along, each in its mapped role (被反映人 → 被申请人); one person in two
    # petition roles that map alike is one party of the dispute.
    seen: set[tuple[int, str]] = set()
    for cp in sorted(petition.parties, key=lambda cp: cp.id):
        person = cp.person
        role = wf.DIVERSION_ROLES.get(cp.role, "第三人")
        if (person.id, role) in seen:
            continue
        seen.add((person.id, role))
        parties.append(PartyInput(name=person.name, role=role,
                                  id_number=person.id_number, phone=person.phone,
                                  address=person.address, gender=person.gender,
                                  is_org=person.is_org, legal_rep=person.legal_rep,
                                  person_id=person.id))
    data = CaseInput(summary=petition.summary, category=category,
                     received_on=closed_on, source="信访转入",
                     details=petition.details, street=petition.street,
                     community=petition.community, handler=petition.handler,
                     people_count=petition.people_count, amount=petition.amount)
    dispute = register(db, actor, wf.Kind.DISPUTE, data, parties, origin=petition, session=session)
    return dispute


def reopen(db: Database, actor: int, case_id: int, reason: str) -> CaseRef:
    if not (reason or "").strip():
        raise ValidationError(Problem("reason", "重新打开必须写明理由"))
    with db.write() as session:
        require(session, actor, wf.Act.REOPEN)
        case = live_case(session, case_id)
        _check_act(case, wf.Act.REOPEN)
        changes: dict = {}
        set_fields(case, changes, status=wf.Status.IN_PROGRESS.value, outcome=None, closed_on=None,
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
        case = require_case(session, actor, wf.Act.FOLLOW_UP, case_id)
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
        require(session, actor, wf.Act.MARK_ENTERED)
        case = live_case(session, case_id)
        _check_act(case, wf.Act.MARK_ENTERED)
        changes: dict = {}
        set_fields(case, changes, entered=entered)
        if changes:
            add_event(session, case.id, actor, "marked_entered", changes)
        return CaseRef(case.id, case.number)


def record_performance(db: Database, actor: int, case_id: int, performed: bool,
                       judicial_applied_on: date | None = None,
                       judicial_result: str | None = None) -> None:
    """协议履行 and 司法确认 of a dispute closed with 调解成功."""
    with db.write() as session:
        case = require_case(session, actor, wf.Act.FOLLOW_UP, case_id)
        if case.kind != wf.Kind.DISPUTE.value or case.outcome != wf.MEDIATED:
            raise WorkflowError(f"{case.number} 不是调解成功的纠纷，无需记录履行情况")
        changes: dict = {}
        set_fields(case, changes, performed=bool(performed))
        if judicial_applied_on is not None:
            set_fields(case, changes, judicial_applied_on=judicial_applied_on)
        if judicial_result is not None:
            set_fields(case, changes, judicial_result=judicial_result.strip() or None)
        if changes:
            add_event(session, case.id, actor, "performance", changes)
