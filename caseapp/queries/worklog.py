"""The work log's read side (docs/domain.md §9): entries listed and filtered in SQL, one entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from caseapp import workflow as wf
from caseapp.storage.db import Database
from caseapp.storage.models import User, WorkLogCase, WorkLogEntry

LIST_LIMIT = 5000  # a page lists at most this many entries (a year of a district is ~2,000)


def area_text(street: str | None, community: str | None) -> str:
    """范围 as the import file and the lists write it: 全区, 街镇, or 街镇/村社区."""
    if not street:
        return wf.WHOLE_DISTRICT
    return f"{street}/{community}" if community else street


@dataclass(frozen=True)
class WorkLogFilter:
    """Which entries: a date range (inclusive), a type, a street, a community; None = any."""

    date_from: date | None = None
    date_to: date | None = None
    type: str | None = None
    street: str | None = None
    community: str | None = None


@dataclass(frozen=True)
class WorkLogRow:
    id: int
    day: date
    type: str
    street: str | None
    community: str | None
    participants: str | None
    found: int
    zero_report: bool
    note: str | None
    linked_cases: int
    created_by: str
    created_at: datetime

    @property
    def area(self) -> str:
        return area_text(self.street, self.community)

    @property
    def type_text(self) -> str:
        """The type as printed: a 零上报 entry says so."""
        return f"{self.type}（零上报）" if self.zero_report else self.type


def _conditions(flt: WorkLogFilter) -> list[ColumnElement[bool]]:
    t = WorkLogEntry
    conds: list[ColumnElement[bool]] = [t.deleted_at.is_(None)]
    if flt.date_from is not None:
        conds.append(t.day >= flt.date_from)
    if flt.date_to is not None:
        conds.append(t.day <= flt.date_to)
    if flt.type:
        conds.append(t.type == flt.type)
    if flt.street:
        conds.append(t.street == flt.street)
    if flt.community:
        conds.append(t.community == flt.community)
    return conds


def _rows_stmt() -> Select:
    linked = (select(func.count()).where(WorkLogCase.entry_id == WorkLogEntry.id)
              .correlate(WorkLogEntry).scalar_subquery())
    return (select(WorkLogEntry, linked.label("linked"),
                   func.coalesce(User.display_name, "").label("author"))
            .join(User, User.id == WorkLogEntry.created_by, isouter=True))


def _row(e: WorkLogEntry, linked: int, author: str) -> WorkLogRow:
    return WorkLogRow(e.id, e.day, e.type, e.street, e.community, e.participants, e.found,
                      bool(e.zero_report), e.note, int(linked), author, e.created_at)


def list_worklog(db: Database, flt: WorkLogFilter = WorkLogFilter(),
                 limit: int = LIST_LIMIT) -> list[WorkLogRow]:
    """The entries the filter selects, newest day first."""
    with db.read() as session:
        stmt = (_rows_stmt().where(*_conditions(flt))
                .order_by(WorkLogEntry.day.desc(), WorkLogEntry.id.desc()).limit(limit))
        return [_row(e, linked, author) for e, linked, author in session.execute(stmt)]


def count_worklog(db: Database, flt: WorkLogFilter = WorkLogFilter()) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(WorkLogEntry)
                                  .where(*_conditions(flt))) or 0)


def entry_row(session: Session, entry_id: int) -> WorkLogRow | None:
    """One live entry in the caller's session, or None."""
    stmt = _rows_stmt().where(WorkLogEntry.id == entry_id, WorkLogEntry.deleted_at.is_(None))
    found = session.execute(stmt).first()
    return None if found is None else _row(*found)


def worklog_entry(db: Database, entry_id: int) -> WorkLogRow | None:
    with db.read() as session:
        return entry_row(session, entry_id)


def worklog_linked_cases(db: Database, entry_id: int) -> list[int]:
    """The disputes registered from an entry."""
    with db.read() as session:
        # Joined to the entry, so that the session's office scope applies (links have none).
        return list(session.scalars(select(WorkLogCase.case_id)
                                    .join(WorkLogEntry, WorkLogEntry.id == WorkLogCase.entry_id)
                                    .where(WorkLogCase.entry_id == entry_id)
                                    .order_by(WorkLogCase.case_id)))


def worklog_streets(db: Database) -> list[str]:
    """The office's streets, then any others used in the log (the filter's choices)."""
    with db.read() as session:
        used = session.scalars(select(WorkLogEntry.street).where(
            WorkLogEntry.street.is_not(None), WorkLogEntry.deleted_at.is_(None)).distinct())
        return list(dict.fromkeys([*db.settings().streets, *sorted(s for s in used if s)]))
