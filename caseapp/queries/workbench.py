"""The workbench: today's work, in four capped lists and their uncapped counts."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from caseapp import workflow as wf
from caseapp.calendar import missing_years
from caseapp.figures import stats
from caseapp.queries.case_list import (
    OPEN_STATUSES,
    CaseRow,
    case_rows,
    due_soon_condition,
    overdue_condition,
)
from caseapp.storage.db import Database
from caseapp.storage.models import Case, FollowUp

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


def office_unnamed(db: Database) -> bool:
    """True while the office or committee name is not set: the workbench reminds (单位信息尚未
    填写), since agreements and notices would be headed with the shipped placeholder."""
    return db.settings().office_unnamed()


def calendar_missing_years(db: Database, today: date | None = None) -> list[int]:
    """The years deadlines are counted in that the office's calendar lacks (this year, and from
    1 December the next): deadlines there move off weekends only, and the workbench says so."""
    db.invalidate_calendar()  # another program may have added the year since
    return missing_years(db.calendar(), today or date.today())
