"""答复 with the 信访处理意见书, 满意度, and 复查/复核 as linked petitions (信访工作条例 Art. 21,
32, 35–36; docs/domain.md §3)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from caseapp import calendar as calmod
from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError, WorkflowError
from caseapp.services.events import add_event, refresh_due, set_fields
from caseapp.services.guard import live_case, require
from caseapp.services.intake import CaseInput, CaseRef, PartyInput, register
from caseapp.services.petition_acts import (
    check_day,
    petition_case,
    raise_problems,
    require_report,
    text,
)
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import Case, PetitionReply

# The type whose 答复 must carry a full 意见书 (Art. 32).
CLAIM_TYPE = "申诉求决类"


def reply(db: Database, actor: int, case_id: int, decision: str, delivered_on: date | None,
          request: str = "", facts: str = "", basis: str = "", on: date | None = None,
          note: str = "") -> CaseRef:
    """答复: close the petition with the 意见书's decision; ``delivered_on`` (答复日期) starts the
    petitioner's 30 days to ask for 复查. A 申诉求决类 petition needs request, facts and basis."""
    problems: list[Problem] = []
    if decision not in wf.REPLY_DECISIONS:
        problems.append(Problem("decision", f"处理意见应为：{'、'.join(wf.REPLY_DECISIONS)}"))
    if delivered_on is None:
        problems.append(Problem("delivered_on", "请填写答复日期（意见书送达信访人的日期）"))
    raise_problems(problems)
    assert delivered_on is not None
    with db.write() as session:
        case = petition_case(session, actor, wf.Act.REPLY, case_id)
        if case.petition_type == CLAIM_TYPE:
            text(request, "request", "申诉求决类信访的意见书须写明信访请求", problems)
            text(facts, "facts", "申诉求决类信访的意见书须写明事实和理由", problems)
            text(basis, "basis", "申诉求决类信访的意见书须写明处理依据", problems)
            raise_problems(problems)
        # 办结 is the day of the 意见书; without one given, the day it was delivered.
        on = check_day(on or delivered_on, "closed_on", "办结日期", case.accepted_on, "受理日期")
        delivered_on = check_day(delivered_on, "delivered_on", "答复日期", on, "办结日期")
        require_report(session, case)
        outcome = wf.REPLY_DECISIONS[decision]
        changes: dict = {}
        set_fields(case, changes, status=wf.Status.CLOSED.value, outcome=outcome, closed_on=on,
                   close_note=note.strip() or None)
        row = session.get(PetitionReply, case.id)
        if row is None:
            row = PetitionReply(case_id=case.id)
            session.add(row)
        row.decision, row.delivered_on, row.rated_on = decision, delivered_on, None
        row.request = request.strip() or None
        row.facts = facts.strip() or None
        row.basis = basis.strip() or None
        changes["delivered_on"] = (None, delivered_on)
        last = review_deadline(delivered_on, load_calendar(session))
        next_stage = wf.RE_REVIEW if case.review_stage == wf.REVIEW else wf.REVIEW
        words = (f"出具信访处理意见书（{decision}），{delivered_on.isoformat()}送达信访人；"
                 f"信访人可于{last.isoformat()}前申请{next_stage}")
        if case.review_stage == wf.REVIEW:
            words = "复查意见：" + words
        elif case.review_stage == wf.RE_REVIEW:
            words = (f"复核意见（{decision}），{delivered_on.isoformat()}送达信访人；"
                     f"复核意见为终结意见，同一事实和理由不再受理")
        if note.strip():
            words += f"。{note.strip()}"
        add_event(session, case.id, actor, "replied", changes, note=words)
        return CaseRef(case.id, case.number)


def review_deadline(answered_on: date, cal: calmod.Calendar | None = None) -> date:
    """The last day to ask for 复查/复核: 30 days from the 答复 (Art. 35), off a rest day."""
    return calmod.add_limit(answered_on, [(deadlines.REVIEW_WINDOW, calmod.DAYS)], cal)


def rate(db: Database, actor: int, case_id: int, satisfaction: str,
         on: date | None = None) -> CaseRef:
    """满意度, recorded at or after the 答复 (Art. 21)."""
    if satisfaction not in wf.SATISFACTION:
        raise ValidationError(Problem("satisfaction",
                                      f"满意度应为：{'、'.join(wf.SATISFACTION)}"))
    with db.write() as session:
        case = petition_case(session, actor, wf.Act.RATE, case_id)
        row = session.get(PetitionReply, case.id)
        start = row.delivered_on if row is not None else case.closed_on
        on = check_day(on, "rated_on", "评价日期", start, "答复日期")
        changes: dict = {}
        set_fields(case, changes, satisfaction=satisfaction)
        if row is not None:
            row.rated_on = on
        add_event(session, case.id, actor, "rated", changes,
                  note=f"信访人对答复的评价：{satisfaction}（{on.isoformat()}）")
        return CaseRef(case.id, case.number)


def request_review(db: Database, actor: int, case_id: int, received_on: date | None = None,
                   reason: str = "", channel: str = "来信") -> CaseRef:
    """复查 of an answered petition (复核 of a 复查): a new petition linked to it, received within
    30 days of the 答复, accepted at once and due 30 days after the request. Returns it."""
    problems: list[Problem] = []
    reason = text(reason, "reason", "请填写复查（复核）请求的事项和理由", problems)
    if channel not in wf.PETITION_CHANNELS:
        problems.append(Problem("source", f"渠道应为：{'、'.join(wf.PETITION_CHANNELS)}"))
    raise_problems(problems)
    settings = db.settings()
    with db.write() as session:
        require(session, actor, wf.Act.REVIEW)
        case = live_case(session, case_id)
        if case.review_stage == wf.RE_REVIEW:
            raise WorkflowError(f"{case.number} 的复核意见为终结意见，同一事实和理由不再受理，"
                                "不能再申请复查或复核")
        if case.kind == wf.Kind.PETITION.value and (
                case.status != wf.Status.CLOSED.value
                or case.outcome not in wf.REPLY_DECISIONS.values()):
            raise WorkflowError(f"{case.number} 尚未答复（支持、解释说明或不予支持），"
                                "不能申请复查")
        case = petition_case(session, actor, wf.Act.REVIEW, case_id)
        stage = wf.RE_REVIEW if case.review_stage == wf.REVIEW else wf.REVIEW
        earlier = session.scalar(select(Case.number).where(
            Case.review_of_id == case.id, Case.deleted_at.is_(None)))
        if earlier is not None:
            raise WorkflowError(f"{case.number} 已申请{stage}（{earlier}），不能重复申请")
        row = session.get(PetitionReply, case.id)
        answered = row.delivered_on if row is not None else case.closed_on
        assert answered is not None
        received_on = check_day(received_on, "received_on", f"{stage}申请日期", answered,
                                "答复日期")
        cal = load_calendar(session)
        last = review_deadline(answered, cal)
        if received_on > last:
            raise ValidationError(Problem(
                "received_on",
                f"{stage}申请应在收到答复之日（{answered.isoformat()}）起{deadlines.REVIEW_WINDOW}日内"
                f"提出，最迟{last.isoformat()}；{received_on.isoformat()}提出已超过期限，不予受理"))
        parties = [PartyInput(name=cp.person.name, role=cp.role, id_number=cp.person.id_number,
                              phone=cp.person.phone, address=cp.person.address,
                              gender=cp.person.gender, is_org=cp.person.is_org,
                              legal_rep=cp.person.legal_rep, person_id=cp.person.id)
                   for cp in sorted(case.parties, key=lambda cp: cp.id)]
        data = CaseInput(summary=f"申请{stage}：{case.summary}"[:500], category=case.category,
                         received_on=received_on, source=channel, details=reason,
                         street=case.street, community=case.community, handler=case.handler,
                         people_count=case.people_count, amount=case.amount,
                         petition_type=case.petition_type, group_size=case.group_size,
                         via_proxy=case.via_proxy)
        ref = register(db, actor, wf.Kind.PETITION, data, parties, session=session,
                       office_id=case.office_id)
        new = session.get(Case, ref.id)
        assert new is not None
        changes: dict = {}
        set_fields(new, changes, review_stage=stage, review_of_id=case.id,
                   status=wf.Status.IN_PROGRESS.value, accepted_on=received_on)
        refresh_due(new, settings, changes, cal)
        changes.pop("review_of_id", None)  # the note names the case reviewed
        add_event(session, new.id, actor, "review_opened", changes,
                  note=f"对{case.number}的答复意见申请{stage}，{stage}意见应于"
                       f"{_iso(new.due_on)}前作出")
        add_event(session, case.id, actor, "review_requested",
                  note=f"信访人于{received_on.isoformat()}申请{stage}，{stage}件编号 {ref.number}")
        return ref


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "—"


__all__ = ["CLAIM_TYPE", "rate", "reply", "request_review", "review_deadline"]
