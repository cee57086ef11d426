"""The work log's figures (docs/domain.md §5, §9): 排查次数, 排查发现纠纷数 and 安保维稳次数 of a
period, one aggregate over the entries dated in it."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from caseapp import workflow as wf
from caseapp.figures.model import WorkFigures
from caseapp.storage.models import WorkLogEntry


def work_conditions(date_from: date, date_to: date) -> dict[str, ColumnElement[bool]]:
    """Each count's entries: a screening is an entry of 日常/集中/专项排查 (a 零上报 reports that
    none found anything, it is no screening of its own); 安保维稳 entries are counted apart."""
    live = and_(WorkLogEntry.deleted_at.is_(None), WorkLogEntry.day.between(date_from, date_to))
    return {
        "screenings": and_(live, WorkLogEntry.type.in_(wf.SCREENING_TYPES),
                           WorkLogEntry.zero_report.is_(False)),
        "security_events": and_(live, WorkLogEntry.type == wf.SECURITY),
        "concentrated_screenings": and_(live, WorkLogEntry.type == wf.CONCENTRATED,
                                        WorkLogEntry.zero_report.is_(False)),
    }


def work_figures(session: Session, date_from: date, date_to: date,
                 offices: Collection[int] | None = None) -> WorkFigures:
    """The period's work-log figures, of ``offices`` only when given (None: every office)."""
    conds = work_conditions(date_from, date_to)
    where = [WorkLogEntry.day.between(date_from, date_to)]
    if offices is not None:
        where.append(WorkLogEntry.office_id.in_(sorted(offices)))
    screening = conds["screenings"]
    row = session.execute(select(
        func.count(case((screening, 1))),
        func.coalesce(func.sum(case((screening, WorkLogEntry.found), else_=0)), 0),
        func.count(case((conds["security_events"], 1))),
        func.count(case((conds["concentrated_screenings"], 1))),
    ).where(*where)).one()
    return WorkFigures(int(row[0]), int(row[1]), int(row[2]), int(row[3]))
