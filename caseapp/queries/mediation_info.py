"""The mediation acts' records of one dispute (司法确认 with its window, 风险等级, 预防成效) and
the workbench's queue of 司法确认: windows about to close and applications awaiting a result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import Agreement, Case, CaseParty, JudicialConfirmation, Person

FLAG_COLUMNS = tuple(getattr(Case, f) for f in wf.PREVENTION_FLAGS)


def prevention_names(row: object) -> tuple[str, ...]:
    """DOMAIN's names of the 预防成效 flags set on a case (or a row with the flag columns)."""
    return tuple(name for field, name in wf.PREVENTION_FLAGS.items() if getattr(row, field, None))


def judicial_state(applied_on: date | None, result: str | None) -> str:
    """The exchange file's 司法确认 word: 未申请, 已申请 (awaited) or the result; an older
    free-text result that says 有效 reads as 确认有效."""
    if applied_on is None and not result:
        return wf.JUDICIAL_NOT_APPLIED
    if result in wf.JUDICIAL_RESULTS:
        return result
    if result and "有效" in result and "无效" not in result:
        return wf.JUDICIAL_CONFIRMED
    return wf.JUDICIAL_PENDING


@dataclass(frozen=True)
class MediationInfo:
    """What the mediation acts recorded on one dispute."""

    risk_grade: str = wf.RISK_DEFAULT
    prevention: tuple[str, ...] = ()
    # 司法确认: the last day to apply (a 书面协议 only), the application and its result.
    judicial_window: date | None = None
    judicial_applied_on: date | None = None
    judicial_court: str | None = None
    judicial_result: str | None = None
    judicial_result_on: date | None = None
    judicial_note: str | None = None
    judicial_days_left: int | None = None  # to the window's last day (negative: passed)

    @property
    def judicial_state(self) -> str:
        return judicial_state(self.judicial_applied_on, self.judicial_result)


def mediation_info(session: Session, case_id: int, limits: deadlines.Limits,
                   today: date) -> MediationInfo:
    case = session.get(Case, case_id)
    assert case is not None
    agreement = session.execute(select(Agreement.form, Agreement.signed_on)
                                .where(Agreement.case_id == case_id)).one_or_none()
    window = None
    if agreement is not None and agreement.form == wf.WRITTEN_AGREEMENT:
        window = deadlines.judicial_confirmation_due(agreement.signed_on, limits, load_calendar(session))
    row = session.get(JudicialConfirmation, case_id)
    return MediationInfo(
        risk_grade=case.risk_grade or wf.RISK_DEFAULT,
        prevention=prevention_names(case),
        judicial_window=window,
        judicial_applied_on=case.judicial_applied_on,
        judicial_court=row.court if row else None,
        judicial_result=case.judicial_result,
        judicial_result_on=row.result_on if row else None,
        judicial_note=row.note if row else None,
        judicial_days_left=(window - today).days if window else None,
    )


@dataclass(frozen=True)
class JudicialQueueRow:
    case_id: int
    number: str
    party: str
    signed_on: date
    window: date  # the last day to apply
    applied_on: date | None  # set: awaiting the court's result
    court: str | None


def judicial_queue(db: Database, today: date | None = None,
                   days: int | None = None) -> list[JudicialQueueRow]:
    """司法确认申请期限将到: disputes closed 调解成功 with a 书面协议, not applied for, whose
    window ends within ``days`` (the due-soon distance) and has not passed; then the
    applications still awaiting the court's result. Only recent agreements are read: the
    window is 30 days, so a candidate was signed within twice the limit (plus holidays)."""
    today = today or date.today()
    limits = db.settings().limits
    days = limits.due_soon_days if days is None else days
    oldest = today - timedelta(days=2 * limits.judicial_confirmation + 30)
    main = (select(Person.name).join(CaseParty, CaseParty.person_id == Person.id)
            .where(CaseParty.case_id == Case.id, CaseParty.role == "申请人")
            .order_by(CaseParty.id).limit(1).correlate(Case).scalar_subquery())
    with db.read() as session:
        cal = load_calendar(session)
        found = session.execute(
            select(Case.id, Case.number, main.label("party"), Agreement.signed_on,
                   Case.judicial_applied_on, Case.judicial_result, JudicialConfirmation.court)
            .join(Agreement, Agreement.case_id == Case.id)
            .outerjoin(JudicialConfirmation, JudicialConfirmation.case_id == Case.id)
            .where(Case.deleted_at.is_(None), Case.kind == wf.Kind.DISPUTE.value,
                   Case.status == wf.Status.CLOSED.value, Case.outcome == wf.MEDIATED,
                   Agreement.form == wf.WRITTEN_AGREEMENT,
                   or_(and_(Case.judicial_applied_on.is_(None), Agreement.signed_on >= oldest),
                       and_(Case.judicial_applied_on.is_not(None),
                            Case.judicial_result.is_(None))))
            .order_by(Agreement.signed_on, Case.id)).all()
    soon, awaited = [], []
    for r in found:
        window = deadlines.judicial_confirmation_due(r.signed_on, limits, cal)
        item = JudicialQueueRow(r.id, r.number, r.party or "", r.signed_on, window,
                                r.judicial_applied_on, r.court)
        if r.judicial_applied_on is not None:
            awaited.append(item)
        elif today <= window <= today + timedelta(days=days):
            soon.append(item)
    soon.sort(key=lambda x: (x.window, x.number))
    return soon + awaited
