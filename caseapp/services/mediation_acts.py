"""The acts of people's mediation (docs/domain.md §3): 司法确认 (the application within 30
days of a written agreement, 人民调解法 Art. 33, and the court's result) and a dispute's 风险等级
and 预防成效 flags; ``check_marks`` also serves intake.

Each act is one write transaction: the role check (a mediator on their own disputes), the
workflow check, the rows, one event with the changes old → new.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError, WorkflowError
from caseapp.services.events import add_event, set_fields
from caseapp.services.guard import require_case
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import Agreement, Case, JudicialConfirmation

# The 预防成效 names (DOMAIN's) → the case column of each flag.
FLAG_FIELDS = {name: field for field, name in wf.PREVENTION_FLAGS.items()}


def _dispute_case(session: Session, actor: int, act: wf.Act, case_id: int) -> Case:
    """The permission (a mediator: their own dispute), then a dispute whose state allows ``act``."""
    case = require_case(session, actor, act, case_id)
    if case.kind != wf.Kind.DISPUTE.value:
        raise WorkflowError(f"{case.number} 不是矛盾纠纷，不能{wf.ACT_LABELS[act]}")
    if act not in wf.allowed_acts(case.kind, case.status, case.outcome):
        state = wf.status_label(case.kind, case.status)
        if case.outcome:
            state += f"（{case.outcome}）"
        need = "，须调解成功办结后办理" if act in (wf.Act.JUDICIAL, wf.Act.JUDICIAL_RESULT) else ""
        raise WorkflowError(f"{case.number} 当前为「{state}」，不能{wf.ACT_LABELS[act]}{need}")
    return case


def _day(on: date | None, field: str, label: str, not_before: date | None,
         before_label: str) -> date:
    on = on or date.today()
    if on > date.today():
        raise ValidationError(Problem(field, f"{label}不能晚于今天"))
    if not_before is not None and on < not_before:
        raise ValidationError(Problem(field, f"{label}不能早于{before_label}"
                                             f"（{not_before.isoformat()}）"))
    return on


# ---------------------------------------------------------------------------
# 司法确认 (人民调解法 Art. 33; 民事诉讼法: the 基层人民法院 where the committee sits)


def judicial_window(session: Session, db: Database, signed_on: date) -> date:
    """The last day to apply: 30 days (the setting) from the day after the agreement was
    signed, moved off a rest day by the office's calendar (民法典 Art. 201, 203)."""
    return deadlines.judicial_confirmation_due(signed_on, db.settings().limits, load_calendar(session))


def _written_agreement(session: Session, case: Case) -> Agreement:
    agreement = session.scalar(select(Agreement).where(Agreement.case_id == case.id))
    if agreement is None:
        raise ValidationError(Problem("agreement", f"{case.number} 没有调解协议，"
                                                   "司法确认须有书面调解协议"))
    if agreement.form != wf.WRITTEN_AGREEMENT:
        raise ValidationError(Problem("agreement", f"{case.number} 的调解协议为{agreement.form}，"
                                                   "司法确认须有书面调解协议"))
    return agreement


def apply_judicial(db: Database, actor: int, case_id: int, applied_on: date | None,
                   court: str, note: str = "") -> None:
    """申请司法确认: on a dispute closed 调解成功 with a 书面协议, within the window."""
    court = (court or "").strip()
    if not court:
        raise ValidationError(Problem("judicial_court", "请填写受理司法确认申请的人民法院"))
    with db.write() as session:
        case = _dispute_case(session, actor, wf.Act.JUDICIAL, case_id)
        agreement = _written_agreement(session, case)
        applied_on = _day(applied_on, "judicial_applied_on", "司法确认申请日期",
                          agreement.signed_on, "协议日期")
        last = judicial_window(session, db, agreement.signed_on)
        if applied_on > last:
            raise ValidationError(Problem(
                "judicial_applied_on",
                f"司法确认申请日期{applied_on.isoformat()}已超过申请期限：应自调解协议生效"
                f"（{agreement.signed_on.isoformat()}）之日起30日内申请，即{last.isoformat()}前"))
        row = session.get(JudicialConfirmation, case.id)
        if row is not None and row.result != "撤回":
            state = row.result or "待法院结果"
            raise WorkflowError(f"{case.number} 已于{row.applied_on.isoformat()}申请司法确认"
                                f"（{state}），不能再次申请")
        changes: dict = {}
        old_court = row.court if row is not None else None
        set_fields(case, changes, judicial_applied_on=applied_on, judicial_result=None)
        if row is None:
            row = JudicialConfirmation(case_id=case.id)
            session.add(row)
        row.applied_on, row.court, row.note = applied_on, court, note.strip() or None
        row.result, row.result_on = None, None
        if old_court != court:
            changes["judicial_court"] = (old_court, court)
        words = f"向{court}申请司法确认（{applied_on.isoformat()}），申请期限至{last.isoformat()}"
        add_event(session, case.id, actor, "judicial_applied", changes,
                  note=words + (f"。{note.strip()}" if note.strip() else ""))


def record_judicial_result(db: Database, actor: int, case_id: int, result: str,
                           result_on: date | None, note: str = "") -> None:
    """司法确认的结果: 确认有效, 驳回 or 撤回, on or after the application."""
    if result not in wf.JUDICIAL_RESULTS:
        raise ValidationError(Problem("judicial_result",
                                      f"司法确认结果应为：{'、'.join(wf.JUDICIAL_RESULTS)}"))
    with db.write() as session:
        case = _dispute_case(session, actor, wf.Act.JUDICIAL_RESULT, case_id)
        row = session.get(JudicialConfirmation, case.id)
        if row is None or case.judicial_applied_on is None:
            raise WorkflowError(f"{case.number} 尚未申请司法确认，不能记录司法确认结果")
        result_on = _day(result_on, "judicial_result_on", "司法确认结果日期", row.applied_on,
                         "申请日期")
        changes: dict = {}
        set_fields(case, changes, judicial_result=result)
        if row.result_on != result_on:
            changes["judicial_result_on"] = (row.result_on, result_on)
        if not changes:
            return
        row.result, row.result_on = result, result_on
        if note.strip():
            row.note = note.strip()
        court = f"{row.court}" if row.court else "人民法院"
        add_event(session, case.id, actor, "judicial_decided", changes,
                  note=f"{court}{result_on.isoformat()}：{result}"
                       + (f"。{note.strip()}" if note.strip() else ""))


# ---------------------------------------------------------------------------
# 风险等级 and 预防成效


def check_marks(grade: str | None, flags: Iterable[str]) -> tuple[str, dict[str, bool]]:
    """(the grade, {flag column: set}) from a grade (None = 一般) and the flags given by
    DOMAIN's names or by their columns; ValidationError naming the field otherwise."""
    problems: list[Problem] = []
    grade = (grade or "").strip() or wf.RISK_DEFAULT
    if grade not in wf.RISK_GRADES:
        problems.append(Problem("risk_grade", f"风险等级应为：{'、'.join(wf.RISK_GRADES)}"))
    chosen = set()
    for flag in flags:
        name = (flag or "").strip()
        field = FLAG_FIELDS.get(name, name if name in wf.PREVENTION_FLAGS else None)
        if field is None:
            problems.append(Problem("prevention", f"「{name}」不是预防成效的一项，应为："
                                                  f"{'、'.join(wf.PREVENTION_FLAGS.values())}"))
        else:
            chosen.add(field)
    if problems:
        raise ValidationError(problems)
    return grade, {field: field in chosen for field in wf.PREVENTION_FLAGS}


def mark_risk(db: Database, actor: int, case_id: int, grade: str | None,
              flags: Iterable[str] = (), note: str = "") -> bool:
    """Set a dispute's 风险等级 and its 预防成效 flags (the whole set); False when nothing
    changed (then no event)."""
    grade, wanted = check_marks(grade, flags)
    with db.write() as session:
        case = _dispute_case(session, actor, wf.Act.RISK, case_id)
        changes: dict = {}
        if (case.risk_grade or wf.RISK_DEFAULT) != grade:
            changes["risk_grade"] = (case.risk_grade or wf.RISK_DEFAULT, grade)
            case.risk_grade = grade
        for field, on in wanted.items():
            if bool(getattr(case, field)) != on:
                changes[field] = (bool(getattr(case, field)), on)
                setattr(case, field, on)
        if not changes:
            return False
        add_event(session, case.id, actor, "risk_marked", changes, note=note.strip() or None)
        return True

