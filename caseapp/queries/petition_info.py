"""The petition acts' records of one case (延期 approval, 转送, 上级交办, 督办, 答复, 复查/复核),
the workbench's queue of late 督办 replies, and intake's 复核终结 look-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseapp import calendar as calmod
from caseapp import deadlines
from caseapp import workflow as wf
from caseapp.storage.calendar_days import load_calendar
from caseapp.storage.db import Database
from caseapp.storage.models import (
    AssignmentFromAbove,
    Case,
    CaseParty,
    ExtensionApproval,
    PetitionReply,
    Supervision,
    Transfer,
)


@dataclass(frozen=True)
class SupervisionInfo:
    id: int
    level: str
    by_whom: str
    supervised_on: date
    reply_due: date
    demand: str | None
    replied_on: date | None
    reply: str | None


@dataclass(frozen=True)
class PetitionInfo:
    """What the petition acts recorded on one petition (None where the act was not done)."""

    # 延期 (the 延期办理告知书's data with the case's extension_reason)
    extension_approver: str | None = None
    extension_approved_on: date | None = None
    extension_old_due: date | None = None
    extension_new_due: date | None = None
    # 转送
    transferred_to: str | None = None
    transferred_on: date | None = None
    transfer_note: str | None = None
    transfer_late: bool = False
    # 上级交办 and its 办结报告
    superior: str | None = None
    superior_reference: str | None = None
    superior_assigned_on: date | None = None
    superior_due: date | None = None
    report_on: date | None = None
    report_text: str | None = None
    # 督办, oldest first
    supervisions: tuple[SupervisionInfo, ...] = ()
    # 答复 and the 信访处理意见书
    decision: str | None = None
    request: str | None = None
    facts: str | None = None
    basis: str | None = None
    delivered_on: date | None = None
    rated_on: date | None = None
    review_until: date | None = None  # the last day to ask for 复查/复核
    # 复查/复核: this case's stage, the case it reviews, and the reviews of it
    review_stage: str | None = None
    review_of: tuple[int, str] | None = None
    reviews: tuple[tuple[int, str, str], ...] = ()  # (id, number, stage)

    @property
    def from_above(self) -> bool:
        return self.superior is not None

    @property
    def open_supervisions(self) -> tuple[SupervisionInfo, ...]:
        return tuple(s for s in self.supervisions if s.replied_on is None)


def petition_info(session: Session, case_id: int, review_stage: str | None,
                  review_of_id: int | None) -> PetitionInfo:
    """One petition's records, read in the caller's session (case_detail)."""
    values: dict = {"review_stage": review_stage}
    ext = session.get(ExtensionApproval, case_id)
    if ext is not None:
        values.update(extension_approver=ext.approver, extension_approved_on=ext.approved_on,
                      extension_old_due=ext.old_due, extension_new_due=ext.new_due)
    tr = session.get(Transfer, case_id)
    if tr is not None:
        values.update(transferred_to=tr.organ, transferred_on=tr.transferred_on,
                      transfer_note=tr.note, transfer_late=bool(tr.late))
    above = session.get(AssignmentFromAbove, case_id)
    if above is not None:
        values.update(superior=above.superior, superior_reference=above.reference,
                      superior_assigned_on=above.assigned_on, superior_due=above.superior_due,
                      report_on=above.report_on, report_text=above.report_text)
    values["supervisions"] = tuple(
        SupervisionInfo(id=s.id, level=s.level, by_whom=s.by_whom,
                        supervised_on=s.supervised_on, reply_due=s.reply_due, demand=s.demand,
                        replied_on=s.replied_on, reply=s.reply)
        for s in session.scalars(select(Supervision).where(Supervision.case_id == case_id)
                                 .order_by(Supervision.supervised_on, Supervision.id)))
    rep = session.get(PetitionReply, case_id)
    if rep is not None:
        values.update(decision=rep.decision, request=rep.request, facts=rep.facts,
                      basis=rep.basis, delivered_on=rep.delivered_on, rated_on=rep.rated_on,
                      review_until=calmod.add_limit(rep.delivered_on,
                                                    [(deadlines.REVIEW_WINDOW, calmod.DAYS)],
                                                    load_calendar(session)))
    if review_of_id is not None:
        number = session.scalar(select(Case.number).where(Case.id == review_of_id))
        if number is not None:
            values["review_of"] = (review_of_id, number)
    values["reviews"] = tuple(
        (r.id, r.number, r.review_stage or "")
        for r in session.execute(select(Case.id, Case.number, Case.review_stage)
                                 .where(Case.review_of_id == case_id, Case.deleted_at.is_(None))
                                 .order_by(Case.id)))
    return PetitionInfo(**values)


@dataclass(frozen=True)
class LateReply:
    """An open 督办 whose reply is late: a row of the workbench's queue."""

    supervision_id: int
    case_id: int
    number: str
    summary: str
    level: str
    by_whom: str
    reply_due: date
    days_late: int


def late_supervision_replies(db: Database, today: date | None = None,
                             limit: int = 50) -> list[LateReply]:
    """Open 督办 on live cases whose reply is due before ``today``, the latest first due."""
    today = today or date.today()
    with db.read() as session:
        rows = session.execute(
            select(Supervision.id, Supervision.case_id, Case.number, Case.summary,
                   Supervision.level, Supervision.by_whom, Supervision.reply_due)
            .join(Case, Case.id == Supervision.case_id)
            .where(Supervision.replied_on.is_(None), Supervision.reply_due < today,
                   Case.deleted_at.is_(None))
            .order_by(Supervision.reply_due, Supervision.id).limit(limit)).all()
    return [LateReply(supervision_id=r.id, case_id=r.case_id, number=r.number,
                      summary=r.summary, level=r.level, by_whom=r.by_whom,
                      reply_due=r.reply_due, days_late=(today - r.reply_due).days)
            for r in rows]


def final_reviews(db: Database, person_ids: list[int], category: str) -> list[str]:
    """Numbers of the 复核 petitions, answered, of these persons as 信访人 in ``category``:
    a new petition of theirs there is 同一事实和理由已复核终结, 不再受理 (intake's flag)."""
    with db.read() as session:
        return final_review_numbers(session, person_ids, category)


def final_review_numbers(session: Session, person_ids: list[int], category: str) -> list[str]:
    """``final_reviews`` in the caller's session (intake's write transaction)."""
    if not person_ids:
        return []
    return list(session.scalars(
        select(Case.number).distinct()
        .join(CaseParty, CaseParty.case_id == Case.id)
        .where(CaseParty.person_id.in_(person_ids), CaseParty.role == "信访人",
               Case.kind == wf.Kind.PETITION.value, Case.category == category,
               Case.review_stage == wf.RE_REVIEW, Case.status == wf.Status.CLOSED.value,
               Case.deleted_at.is_(None))
        .order_by(Case.number)))


__all__ = ["LateReply", "PetitionInfo", "SupervisionInfo", "final_review_numbers", "final_reviews",
           "late_supervision_replies", "petition_info"]
