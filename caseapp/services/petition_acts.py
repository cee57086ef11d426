"""The petition acts of the 信访工作条例 (2022): 延期 with its approval, 转送, 上级交办 and its
办结报告, 督办 and its reply (docs/domain.md §3). 答复, 满意度 and 复查/复核 are in
petition_reply.py.

Each act is one write transaction: the role check, the workflow check, the rows, one event.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from caseapp import calendar as calmod
from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.errors import Problem, ValidationError, WorkflowError
from caseapp.services.events import add_event, refresh_due, set_fields
from caseapp.services.guard import live_case, require
from caseapp.services.intake import CaseRef
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import (
    AssignmentFromAbove,
    Case,
    ExtensionApproval,
    Supervision,
    Transfer,
)

FROM_ABOVE_CHANNEL = "上级交办"


def petition_case(session: Session, actor: int, act: wf.Act, case_id: int) -> Case:
    """The permission, then the live petition whose state allows ``act``."""
    require(session, actor, act)
    case = live_case(session, case_id)
    if case.kind != wf.Kind.PETITION.value:
        raise WorkflowError(f"{case.number} 不是信访件，不能{wf.ACT_LABELS[act]}")
    if act not in wf.allowed_acts(case.kind, case.status, case.outcome,
                                  review_stage=case.review_stage):
        raise WorkflowError(
            f"{case.number} 当前状态为「{wf.status_label(case.kind, case.status)}」，"
            f"不能{wf.ACT_LABELS[act]}")
    return case


def text(value: str | None, field: str, message: str, problems: list[Problem]) -> str:
    """The stripped value; a Problem naming ``field`` when it is empty."""
    value = (value or "").strip()
    if not value:
        problems.append(Problem(field, message))
    return value


def check_day(on: date | None, field: str, label: str, not_before: date | None = None,
              before_label: str = "") -> date:
    """A date of an act: today when not given, never after today nor before ``not_before``."""
    on = on or date.today()
    if on > date.today():
        raise ValidationError(Problem(field, f"{label}不能晚于今天"))
    if not_before is not None and on < not_before:
        raise ValidationError(Problem(field, f"{label}不能早于{before_label}"
                                             f"（{not_before.isoformat()}）"))
    return on


def raise_problems(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


# ---------------------------------------------------------------------------
# 延期 (Art. 34)


def extend_petition(db: Database, actor: int, case_id: int, reason: str, approver: str,
                    approved_on: date | None = None) -> CaseRef:
    """延期 of a petition, approved by a 负责人 on a date: the data of the 延期办理告知书."""
    problems: list[Problem] = []
    reason = text(reason, "reason", "延期必须写明理由", problems)
    approver = text(approver, "approver", "延期须填写批准的负责人", problems)
    raise_problems(problems)
    settings = db.settings()
    with db.write() as session:
        case = petition_case(session, actor, wf.Act.EXTEND, case_id)
        if case.extended:
            raise WorkflowError(f"{case.number} 已经延期过一次，不能再次延期")
        if case.review_stage:
            raise WorkflowError(f"{case.number} 是{case.review_stage}件，应在{deadlines.REVIEW_LIMIT}日内"
                                f"提出{case.review_stage}意见，不能延期")
        approved_on = check_day(approved_on, "approved_on", "批准日期", case.accepted_on,
                                "受理日期")
        old_due = case.due_on
        changes: dict = {}
        set_fields(case, changes, extended=True, extension_reason=reason)
        refresh_due(case, settings, changes)
        session.add(ExtensionApproval(case_id=case.id, approver=approver,
                                      approved_on=approved_on, old_due=old_due,
                                      new_due=case.due_on))
        changes["extension_approver"] = (None, approver)
        changes["extension_approved_on"] = (None, approved_on)
        # The note is the reason, as for every 延期; approver, date and deadline are changes.
        add_event(session, case.id, actor, "extended", changes, note=reason)
        return CaseRef(case.id, case.number)


# ---------------------------------------------------------------------------
# 转送 (Art. 22)


def transfer(db: Database, actor: int, case_id: int, organ: str, on: date | None = None,
             note: str = "") -> CaseRef:
    """转送: send the petition on to the organ it belongs to; it closes here with 转送.
    Later than 15 days after 登记 is recorded as late, not refused: it still has to go."""
    problems: list[Problem] = []
    organ = text(organ, "organ", "转送须填写接收机关", problems)
    raise_problems(problems)
    settings = db.settings()
    with db.write() as session:
        case = petition_case(session, actor, wf.Act.TRANSFER, case_id)
        on = check_day(on, "transferred_on", "转送日期", case.received_on, "登记日期")
        cal = load_calendar(session)
        last = calmod.add_limit(case.received_on, [settings.limits.part("petition_accept")], cal)
        late = on > last
        changes: dict = {}
        if case.accepted_on is None:
            # Sending on is how this office handles it: taken up and closed on the same day.
            set_fields(case, changes, accepted_on=on)
            refresh_due(case, settings, changes, cal)
        set_fields(case, changes, status=wf.Status.CLOSED.value, outcome=wf.TRANSFERRED,
                   closed_on=on, close_note=note.strip() or None)
        row = session.get(Transfer, case.id)
        if row is None:
            row = Transfer(case_id=case.id)
            session.add(row)
        row.organ, row.transferred_on, row.note, row.late = organ, on, note.strip() or None, late
        changes["transferred_to"] = (None, organ)
        words = f"转送{organ}（{on.isoformat()}）"
        if late:
            words += f"，已超过登记之日起15日的转送期限（{last.isoformat()}）"
        if note.strip():
            words += f"。{note.strip()}"
        add_event(session, case.id, actor, "transferred", changes, note=words)
        return CaseRef(case.id, case.number)


# ---------------------------------------------------------------------------
# 上级交办 and its 办结报告


def record_from_above(db: Database, actor: int, case_id: int, superior: str,
                      superior_due: date | None, assigned_on: date | None = None,
                      reference: str = "") -> CaseRef:
    """上级交办: the superior, its 文号 and due date; the channel becomes 上级交办."""
    problems: list[Problem] = []
    superior = text(superior, "superior", "请填写交办机关", problems)
    if superior_due is None:
        problems.append(Problem("superior_due", "请填写交办期限"))
    raise_problems(problems)
    assert superior_due is not None
    with db.write() as session:
        case = petition_case(session, actor, wf.Act.FROM_ABOVE, case_id)
        assigned_on = check_day(assigned_on, "assigned_on", "交办日期")
        if superior_due < assigned_on:
            raise ValidationError(Problem("superior_due", "交办期限不能早于交办日期"))
        row = session.get(AssignmentFromAbove, case.id)
        changes: dict = {}
        set_fields(case, changes, source=FROM_ABOVE_CHANNEL)
        old = (row.superior, row.superior_due) if row is not None else (None, None)
        if row is None:
            row = AssignmentFromAbove(case_id=case.id)
            session.add(row)
        row.superior, row.superior_due = superior, superior_due
        row.assigned_on, row.reference = assigned_on, reference.strip() or None
        for name, before, after in (("superior", old[0], superior),
                                    ("superior_due", old[1], superior_due)):
            if before != after:
                changes[name] = (before, after)
        ref = f"（{reference.strip()}）" if reference.strip() else ""
        add_event(session, case.id, actor, "from_above", changes,
                  note=f"{superior}于{assigned_on.isoformat()}交办{ref}，"
                       f"要求{superior_due.isoformat()}前办结并报送办结报告")
        return CaseRef(case.id, case.number)


def file_report(db: Database, actor: int, case_id: int, report: str,
                on: date | None = None) -> CaseRef:
    """办结报告 of a petition received by 上级交办: required before it closes."""
    problems: list[Problem] = []
    report = text(report, "report_text", "请填写办结报告的内容", problems)
    raise_problems(problems)
    with db.write() as session:
        case = petition_case(session, actor, wf.Act.REPORT, case_id)
        row = session.get(AssignmentFromAbove, case.id)
        if row is None:
            raise WorkflowError(f"{case.number} 不是上级交办件，无需办结报告")
        on = check_day(on, "report_on", "报告日期", case.accepted_on, "受理日期")
        changes = {"report_on": (row.report_on, on)}
        row.report_on, row.report_text = on, report
        words = f"向{row.superior}报送办结报告（{on.isoformat()}）"
        if on > row.superior_due:
            words += f"，晚于交办期限{row.superior_due.isoformat()}"
        add_event(session, case.id, actor, "report_filed", changes, note=words)
        return CaseRef(case.id, case.number)


def require_report(session: Session, case: Case) -> None:
    """A petition received by 上级交办 closes only after its 办结报告 (acts.close, reply)."""
    row = session.get(AssignmentFromAbove, case.id)
    if row is not None and row.report_on is None:
        raise ValidationError(Problem(
            "report", f"上级交办件须先向{row.superior}报送办结报告，才能办结"))


# ---------------------------------------------------------------------------
# 督办 (Art. 38–40)


def supervise(db: Database, actor: int, case_id: int, level: str, by_whom: str,
              reply_due: date | None, on: date | None = None, demand: str = "") -> int:
    """A 督办 record on an open petition; returns its id."""
    problems: list[Problem] = []
    if level not in wf.SUPERVISION_LEVELS:
        problems.append(Problem("level", f"督办级别应为：{'、'.join(wf.SUPERVISION_LEVELS)}"))
    by_whom = text(by_whom, "by_whom", "请填写督办单位或督办人", problems)
    if reply_due is None:
        problems.append(Problem("reply_due", "请填写回复期限"))
    raise_problems(problems)
    assert reply_due is not None
    with db.write() as session:
        require(session, actor, wf.Act.SUPERVISE)
        case = live_case(session, case_id)
        if case.status in (wf.Status.CLOSED.value, wf.Status.REJECTED.value):
            raise WorkflowError(f"{case.number} 已{wf.status_label(case.kind, case.status)}，"
                                f"督办只能针对未办结的信访件")
        case = petition_case(session, actor, wf.Act.SUPERVISE, case_id)
        on = check_day(on, "supervised_on", "督办日期", case.received_on, "登记日期")
        if reply_due < on:
            raise ValidationError(Problem("reply_due", "回复期限不能早于督办日期"))
        row = Supervision(case_id=case.id, level=level, by_whom=by_whom, supervised_on=on,
                          reply_due=reply_due, demand=demand.strip() or None)
        session.add(row)
        session.flush()
        words = f"{level}：{by_whom}于{on.isoformat()}督办，要求{reply_due.isoformat()}前回复"
        if demand.strip():
            words += f"。督办意见：{demand.strip()}"
        add_event(session, case.id, actor, "supervised",
                  {"supervision": (None, level)}, note=words)
        return row.id


def reply_supervision(db: Database, actor: int, supervision_id: int, reply: str,
                      on: date | None = None) -> CaseRef:
    """The reply to a 督办; a late reply says by how many days."""
    problems: list[Problem] = []
    reply = text(reply, "reply", "请填写回复内容", problems)
    raise_problems(problems)
    with db.write() as session:
        row = session.get(Supervision, supervision_id)
        if row is None:
            require(session, actor, wf.Act.SUPERVISION_REPLY)
            raise WorkflowError("督办记录不存在")
        case = petition_case(session, actor, wf.Act.SUPERVISION_REPLY, row.case_id)
        if row.replied_on is not None:
            raise WorkflowError(f"{case.number} 的这次{row.level}已于"
                                f"{row.replied_on.isoformat()}回复")
        on = check_day(on, "replied_on", "回复日期", row.supervised_on, "督办日期")
        row.replied_on, row.reply = on, reply
        words = f"回复{row.by_whom}的{row.level}（{on.isoformat()}）：{reply}"
        if on > row.reply_due:
            words += f"（逾期{(on - row.reply_due).days}天，回复期限{row.reply_due.isoformat()}）"
        add_event(session, case.id, actor, "supervision_replied",
                  {"supervision_replied_on": (None, on)}, note=words)
        return CaseRef(case.id, case.number)


__all__ = ["FROM_ABOVE_CHANNEL", "check_day", "extend_petition", "file_report",
           "petition_case", "raise_problems", "record_from_above", "reply_supervision",
           "require_report", "supervise", "text", "transfer"]
